/**
 * The committed benchmarks: evaluation throughput on the Phú Thọ 2018 framework (engine without
 * and with explanations, a hand-written function, json-rules-engine) and the time to parse and
 * check a generated 10,000-line criteria file. Writes bench/RESULTS.md. See bench/README.md.
 *
 *   npm run bench                        # builds core + criteria-dsl, then runs this
 *   node --expose-gc bench/run.ts --quick --no-write    # fewer, shorter rounds; print only
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { compileText, evaluate } from '@hoctap/core';
import { parse } from '@hoctap/criteria-dsl';
import { generateTieuchi } from './generate-tieuchi.ts';
import { evaluatePhuTho, HAND_TABLE, THRESHOLD, TITLE } from './handwritten.ts';
import { collect, fmtInt, hasGc, inWorker, stats, throughput, timeRuns, type Case, type Stats, type ThroughputResult } from './harness.ts';
import { buildJreEngine, runJre } from './jre.ts';
import { FRAMEWORK, loadPhuTho, SEED, SUBJECTS } from './setup.ts';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const write = !args.has('--no-write');
const log = (s: string) => console.log(s);

const GOALS = {
  engineOpsPerSec: 1_000_000,
  /** The engine at most this many times slower than the hand-written function. */
  vsHandMax: 2,
  /** The engine at least this many times faster than json-rules-engine. */
  vsJreMin: 50,
  /** Parse + check of the generated file, ms. */
  compileMs: 100,
};

// ---------------------------------------------------------------------------------------------
// Setup: the framework, the subjects, the four implementations, and a check that they agree.

const started = process.hrtime.bigint();
const loadBefore = os.loadavg();
// CPU time of the whole machine and of this process, to tell how much other processes used.
const machineBusyMs = () => os.cpus().reduce((a, c) => a + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);
const busyBefore = machineBusyMs();
// On Linux, CPU time the hypervisor gave to other virtual machines (the `steal` column of /proc/stat, in ticks of 10 ms).
const stealMs = (): number | undefined => {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    return Number(f[8]) * 10;
  } catch {
    return undefined;
  }
};
const stealBefore = stealMs();
const ownBefore = process.cpuUsage();
const { model, specs, subjects } = loadPhuTho();
assert.equal(model.criteria.length, 10);
assert.equal(model.indicators.length, 23);
assert.deepEqual(model.titles.map((t) => t.name), [TITLE]);
// The hand-written table and json-rules-engine's rules must be the framework's rules.
assert.deepEqual(
  HAND_TABLE.map(([id, crit, max]) => [id, String(crit + 1), max, 1]),
  model.indicators.map((i) => [i.id, i.criterion, i.max, i.step]),
  'the hand-written table differs from the framework',
);
assert.ok(model.indicators.every((i) => i.measure.kind === 'points' && !i.needsEvidence));

const jre = buildJreEngine(specs, THRESHOLD, TITLE);

let recognised = 0;
let expectedSum = 0;
for (const s of subjects) {
  const a = evaluate(model, s);
  const b = evaluate(model, s, { explain: true });
  const c = evaluatePhuTho(s);
  const d = await runJre(jre, s.scores);
  assert.equal(a.errors, undefined, `${s.id}: engine error`);
  for (const [name, r] of [['explain', b], ['hand-written', c], ['json-rules-engine', d]] as const) {
    assert.equal(r.total, a.total, `${s.id}: ${name} total ${r.total} ≠ engine ${a.total}`);
    assert.deepEqual(r.titles, a.titles, `${s.id}: ${name} titles differ`);
  }
  assert.deepEqual(c.criteria, a.criteria.map((x) => x.points), `${s.id}: criterion subtotals differ`);
  assert.ok(b.explanation, `${s.id}: no explanation`);
  if (a.titles.length > 0) recognised++;
  expectedSum += a.total + a.titles.length;
}
// Invalid scores are errors (total 0, no title) for all four.
for (const bad of [{ '1.1': 7 }, { '1.1': -1 }, { '1.1': 2.5 }]) {
  const s = { id: 'bad', scores: { ...subjects[0]!.scores, ...bad } };
  const results = [evaluate(model, s), evaluate(model, s, { explain: true }), evaluatePhuTho(s), await runJre(jre, s.scores)];
  for (const r of results) assert.ok(r.errors && r.errors.length > 0 && r.total === 0 && r.titles.length === 0, `invalid ${JSON.stringify(bad)} accepted`);
}
log(`Checked: the four implementations agree on all ${fmtInt(SUBJECTS)} subjects (${fmtInt(recognised)} recognised) and reject invalid scores.`);

// ---------------------------------------------------------------------------------------------
// 1. Evaluations per second. Each implementation runs in its own worker thread (eval-worker.ts):
// its own V8 isolate, so the engine with explanations cannot shape the optimised code of the
// engine without, and no implementation's garbage is collected on another's clock.

const names: Record<string, string> = {
  a: 'engine: `evaluate(model, s)`',
  b: 'engine with explanations: `evaluate(model, s, { explain: true })`',
  c: 'hand-written TypeScript function',
  d: 'json-rules-engine (`await engine.run(facts)`)',
};
const cases: Case[] = [];
for (const key of Object.keys(names)) cases.push({ key, name: names[key]!, ...(await inWorker(new URL('./eval-worker.ts', import.meta.url), key)) });
const evalOpts = quick ? { warmupMs: 200, batchMs: 100, rounds: 5 } : { warmupMs: 1000, batchMs: 250, rounds: 15 };
log(`\n1. Evaluations per second (${evalOpts.rounds} rounds of ~${evalOpts.batchMs} ms per implementation)`);
const evalResults = await throughput(cases, { ...evalOpts, log });
for (const c of cases) await c.close?.();
const byKey = (k: string) => evalResults.find((r) => r.key === k)!;
const [ra, rb, rc, rd] = ['a', 'b', 'c', 'd'].map(byKey) as [ThroughputResult, ThroughputResult, ThroughputResult, ThroughputResult];
// Ratios are taken round by round (the two batches of a round ran a few hundred ms apart, so
// they saw the same machine load), then the median of those is reported.
const paired = (x: ThroughputResult, y: ThroughputResult) => stats(x.opsPerSec.samples.map((v, r) => v / y.opsPerSec.samples[r]!));
const handOverEngineS = paired(rc, ra);
const engineOverJreS = paired(ra, rd);
const engineOverExplainS = paired(ra, rb);
const handOverEngine = handOverEngineS.median;
const engineOverJre = engineOverJreS.median;

// ---------------------------------------------------------------------------------------------
// 2. Parse and parse + check of a generated 10,000-line file.

const gen = generateTieuchi(10_000);
const genCompiled = compileText(gen.text, { file: 'bench-10k.tieuchi' });
assert.ok(genCompiled.valid, `the generated file does not compile: ${JSON.stringify(genCompiled.diagnostics.slice(0, 3))}`);
assert.equal(genCompiled.models[0]!.indicators.length, gen.indicators);
const parseOpts = quick ? { warmup: 2, runs: 5 } : { warmup: 3, runs: 15 };
log(`\n2. Parse of a generated ${fmtInt(gen.lines)}-line file (${parseOpts.runs} runs each after ${parseOpts.warmup} warm-up runs)`);
collect();
const parseTimes = timeRuns(
  {
    parse: () => parse(gen.text).ast.frameworks.length,
    compileText: () => compileText(gen.text).models[0]!.indicators.length,
  },
  parseOpts.warmup,
  parseOpts.runs,
);
const tParse = parseTimes.stats['parse']!;
const tCompile = parseTimes.stats['compileText']!;
log(`  parse: median ${tParse.median.toFixed(1)} ms; compileText: median ${tCompile.median.toFixed(1)} ms`);

// ---------------------------------------------------------------------------------------------
// Report.

const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
const loadAfter = os.loadavg();
const own = process.cpuUsage(ownBefore);
const stealAfter = stealMs();
const stealShare = stealBefore !== undefined && stealAfter !== undefined ? (stealAfter - stealBefore) / (elapsed * 1000 * os.cpus().length) : undefined;
const othersShare = Math.max(0, machineBusyMs() - busyBefore - (own.user + own.system) / 1000) / (elapsed * 1000 * os.cpus().length);
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
const cpus = os.cpus();
const yes = (ok: boolean) => (ok ? '✅ met' : '❌ not met');
const n0 = (x: number) => fmtInt(x);
const x1 = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)}×`;
const pctS = (s: Stats) => `${(s.spread * 100).toFixed(1)} %`;
const msS = (x: number) => `${x.toFixed(1)} ms`;
const evalRow = (r: ThroughputResult) =>
  `| ${r.key}. ${r.name} | **${n0(r.opsPerSec.median)}** | ${n0(r.opsPerSec.min)} – ${n0(r.opsPerSec.max)} | ${pctS(r.opsPerSec)} | ${(1e9 / r.opsPerSec.median).toFixed(0)} ns | ${x1(rc.opsPerSec.median / r.opsPerSec.median)} |`;

const goals = [
  [`1a. engine without explanations ≥ ${n0(GOALS.engineOpsPerSec)} evaluations/s`, `${n0(ra.opsPerSec.median)} /s`, ra.opsPerSec.median >= GOALS.engineOpsPerSec],
  [`1c. engine (a) within ${GOALS.vsHandMax}× of the hand-written function`, `hand-written is ${x1(handOverEngine)} faster`, handOverEngine <= GOALS.vsHandMax],
  [`1d. engine (a) at least ${GOALS.vsJreMin}× faster than json-rules-engine`, `engine is ${x1(engineOverJre)} faster`, engineOverJre >= GOALS.vsJreMin],
  [`2. parse + check (\`compileText\`) of the ${n0(gen.lines)}-line file under ${GOALS.compileMs} ms`, `${msS(tCompile.median)} (parse alone ${msS(tParse.median)})`, tCompile.median < GOALS.compileMs],
] as const;

const md = `# Benchmark results

Written by \`npm run bench\` (bench/run.ts); do not edit by hand. How to read it: [README.md](README.md).

- Date: ${new Date().toISOString()}
- Node ${process.version} (V8 ${process.versions.v8}), ${process.platform} ${os.release()} ${process.arch}
- CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length}; memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB
- GC between timed batches: ${hasGc ? 'yes (--expose-gc)' : 'no (run with --expose-gc)'}${quick ? '\n- **Quick mode** (--quick): fewer, shorter rounds; numbers are rough.' : ''}
- Whole run: ${elapsed.toFixed(1)} s. Other processes used **${(othersShare * 100).toFixed(0)} %** of the machine's CPU time meanwhile${stealShare !== undefined ? `, and the hypervisor gave **${(stealShare * 100).toFixed(0)} %** of it to other virtual machines (steal time)` : ''} (load average ${load(loadBefore)} before, ${load(loadAfter)} after)${othersShare + (stealShare ?? 0) > 0.1 ? ': the machine was busy, so the numbers are pessimistic and noisy.' : '. A spread above ~10 % with dips hitting every implementation in the same rounds still means interference from outside this machine (other virtual machines on the host).'}

## Goals

| goal | measured | |
| --- | --- | --- |
${goals.map(([g, m, ok]) => `| ${g} | ${m} | ${yes(ok)} |`).join('\n')}

## 1. Evaluations per second — Phú Thọ 2018 (10 criteria, 23 indicators, "${TITLE}" at ≥ ${THRESHOLD})

Framework: \`${FRAMEWORK}\`.

${n0(SUBJECTS)} seeded pseudo-random subjects (seed ${SEED}; every score a whole number within its indicator's max; ${n0(recognised)} of them reach ${THRESHOLD} points), cycled through. All four implementations were checked to agree on every subject's total and titles (and the engine and the hand-written function on the 10 criterion subtotals) before timing.
Each implementation was warmed up for ${evalOpts.warmupMs} ms, then timed in ${evalOpts.rounds} interleaved rounds of ~${evalOpts.batchMs} ms (${[ra, rb, rc, rd].map((r) => `${r.key}: ${n0(r.batchSize)}`).join(', ')} evaluations per batch). Each implementation ran in its own worker thread (its own V8 isolate: its own optimised code and heap); one batch ran at a time.

| implementation | median evaluations/s | min – max | spread (max−min)/median | time per evaluation | hand-written ÷ this (medians) |
| --- | ---: | ---: | ---: | ---: | ---: |
${[ra, rb, rc, rd].map(evalRow).join('\n')}

Ratios, taken round by round (batches of the same round ran under the same machine load), median and range over the ${evalOpts.rounds} rounds:

- hand-written (c) ÷ engine (a): **${x1(handOverEngine)}** (${x1(handOverEngineS.min)} – ${x1(handOverEngineS.max)}); goal ≤ ${GOALS.vsHandMax}×.
- engine (a) ÷ json-rules-engine (d): **${x1(engineOverJre)}** (${x1(engineOverJreS.min)} – ${x1(engineOverJreS.max)}); goal ≥ ${GOALS.vsJreMin}×.
- engine (a) ÷ engine with explanations (b): **${x1(engineOverExplainS.median)}** (${x1(engineOverExplainS.min)} – ${x1(engineOverExplainS.max)}): the price of explanations.
- Checksums (sum of totals + titles over every evaluation run, kept so no work is optimised away): ${[ra, rb, rc, rd].map((r) => `${r.key} ${r.checksum}`).join(', ')}; one pass over the ${n0(SUBJECTS)} subjects sums to ${expectedSum}.

## 2. Parse and check of a generated ${n0(gen.lines)}-line file

A framework generated deterministically by bench/generate-tieuchi.ts: ${n0(gen.lines)} lines, ${n0(gen.bytes)} bytes (UTF-8), ${n0(gen.criteria)} criteria, ${n0(gen.indicators)} indicators (whole-point, half-point, yes/no and measured ones with bands), citations, comments, 2 titles, a grading, a calendar and 3 worked examples. It compiles without diagnostics.
${parseOpts.warmup} warm-up runs, then ${parseOpts.runs} timed runs of each, interleaved.

| step | median | min – max | spread | lines/s (median) |
| --- | ---: | ---: | ---: | ---: |
| \`parse(text)\` (lex + parse + syntax tree) | **${msS(tParse.median)}** | ${msS(tParse.min)} – ${msS(tParse.max)} | ${pctS(tParse)} | ${n0((gen.lines * 1000) / tParse.median)} |
| \`compileText(text)\` (parse + semantic checks → model) | **${msS(tCompile.median)}** | ${msS(tCompile.min)} – ${msS(tCompile.max)} | ${pctS(tCompile)} | ${n0((gen.lines * 1000) / tCompile.median)} |
`;

log(`\n${md}`);
if (write) {
  writeFileSync(new URL('RESULTS.md', import.meta.url), md);
  log('Wrote bench/RESULTS.md');
}
log(`checksum ${evalResults.reduce((a, r) => a + r.checksum, 0) + parseTimes.checksum}`);
