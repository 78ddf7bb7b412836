/**
 * One implementation of the evaluation benchmark, alone in its own worker thread — its own V8
 * isolate, so its own JIT type feedback and its own heap: what one implementation does (the
 * engine with explanations, say) cannot shape the optimised code or the garbage of another.
 * The main thread sends `{ n }`; the worker collects garbage, runs n evaluations cycling through
 * the subjects, and answers `{ ms, sum }` (time from process.hrtime.bigint(), checksum).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { evaluate } from '@hoctap/core';
import { evaluatePhuTho, THRESHOLD, TITLE } from './handwritten.ts';
import { buildJreEngine, runJre } from './jre.ts';
import { loadPhuTho } from './setup.ts';

const { model, specs, subjects } = loadPhuTho();
const N = subjects.length;

// One loop per implementation, so the call being measured is the only one its call site sees.
function engineBatch(): (n: number) => number {
  let i = 0;
  return (n) => {
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const r = evaluate(model, subjects[i]!);
      sum += r.total + r.titles.length;
      if (++i === N) i = 0;
    }
    return sum;
  };
}
function explainBatch(): (n: number) => number {
  let i = 0;
  const opts = { explain: true };
  return (n) => {
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const r = evaluate(model, subjects[i]!, opts);
      sum += r.total + r.titles.length + (r.explanation ? 0 : 1e9);
      if (++i === N) i = 0;
    }
    return sum;
  };
}
function handBatch(): (n: number) => number {
  let i = 0;
  return (n) => {
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const r = evaluatePhuTho(subjects[i]!);
      sum += r.total + r.titles.length;
      if (++i === N) i = 0;
    }
    return sum;
  };
}
function jreBatch(): (n: number) => Promise<number> {
  const jre = buildJreEngine(specs, THRESHOLD, TITLE);
  let i = 0;
  return async (n) => {
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const r = await runJre(jre, subjects[i]!.scores);
      sum += r.total + r.titles.length;
      if (++i === N) i = 0;
    }
    return sum;
  };
}

const batches: Record<string, () => (n: number) => number | Promise<number>> = { a: engineBatch, b: explainBatch, c: handBatch, d: jreBatch };
const make = batches[workerData as string];
if (!make || !parentPort) throw new Error(`eval-worker: unknown implementation ${String(workerData)}`);
const batch = make();
const gc = (globalThis as { gc?: () => void }).gc;
const port = parentPort;
port.on('message', async ({ n }: { n: number }) => {
  gc?.();
  const t0 = process.hrtime.bigint();
  let sum = batch(n);
  if (typeof sum !== 'number') sum = await sum;
  const t1 = process.hrtime.bigint();
  port.postMessage({ ms: Number(t1 - t0) / 1e6, sum });
});
port.postMessage({ ready: true });
