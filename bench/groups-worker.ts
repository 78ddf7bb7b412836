/**
 * One case of the group benchmark alone in its own worker thread (its own V8 isolate, as
 * eval-worker.ts does for the citizen framework): `workerData` is `<framework>:<members>`; the
 * worker evaluates the seeded group subjects of that size with the application's options
 * (`{ explain: true, year }`), cycling through them, and answers `{ ms, sum }` for each `{ n }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { evaluate } from '@hoctap/core';
import { appOptions, groupModel, makeGroupSubjects, type GroupFramework } from './groups-setup.ts';

const [fw, size] = String(workerData).split(':') as [GroupFramework, string];
const model = groupModel(fw);
const subjects = makeGroupSubjects(fw, Number(size));
const opts = appOptions(fw);
const N = subjects.length;
let i = 0;
const batch = (n: number) => {
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const r = evaluate(model, subjects[i]!, opts);
    sum += r.total + r.titles.length + (r.explanation ? 0 : 1e9);
    if (++i === N) i = 0;
  }
  return sum;
};
if (!parentPort) throw new Error('groups-worker: not in a worker');
const gc = (globalThis as { gc?: () => void }).gc;
const port = parentPort;
port.on('message', ({ n }: { n: number }) => {
  gc?.();
  const t0 = process.hrtime.bigint();
  const sum = batch(n);
  const t1 = process.hrtime.bigint();
  port.postMessage({ ms: Number(t1 - t0) / 1e6, sum });
});
port.postMessage({ ready: true });
