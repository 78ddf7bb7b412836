/**
 * The group benchmark: the engine evaluating group subjects of the plugins' group frameworks whose
 * indicators read members — Yên Bái's Gia đình học tập (members' facts) and Dòng họ học tập (member
 * households' Gia đình học tập results), Tân Biên's Đơn vị học tập (members' facts) — over 5, 50 and
 * 5,000 members, against the Phú Thọ 2018 citizen framework in the same run, with the harness of
 * bench/run.ts (a worker per case, warm-up, calibrated batches, interleaved rounds). Writes
 * bench/RESULTS-groups.md. See bench/README.md.
 *
 *   npm run bench:groups                              # builds core + the plugins, then runs this
 *   node --expose-gc bench/groups.ts --quick --no-write   # fewer, shorter rounds; print only
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { evaluate } from '@hoctap/core';
import { fmtInt, hasGc, inWorker, noiseLine, noiseMeter, stats, throughput, type Case, type Stats, type ThroughputResult } from './harness.ts';
import { appOptions, GROUP_FRAMEWORKS, groupModel, knownGroup, makeGroupSubjects, MEMBER_COUNTS, subjectsPer, type GroupFramework } from './groups-setup.ts';
import { FRAMEWORK } from './setup.ts';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const write = !args.has('--no-write');
const log = (s: string) => console.log(s);
const noise = await noiseMeter();

const FWS = Object.keys(GROUP_FRAMEWORKS) as GroupFramework[];
const NAMES: Record<GroupFramework, string> = {
  gdht: 'Gia đình học tập, Yên Bái 2016 (`gdht-yen-bai-2016`, on `gdht-2015`): 4 indicators on members’ facts, 4 scored',
  dhht: 'Dòng họ học tập, Yên Bái 2016 (`dhht-yen-bai-2016`, on `dhht-2015`): 1 indicator on member households’ Gia đình học tập results, 1 scored',
  dvht: 'Đơn vị học tập, Tân Biên 2023 (`dvht-tan-bien-2023`, on `dvht-tt22-2020`): 5 indicators on members’ facts, 5 scored',
};

// ---------------------------------------------------------------------------------------------
// Checks before timing: a known member count gives a known score, at every size.

for (const fw of FWS) {
  const model = groupModel(fw);
  for (const n of MEMBER_COUNTS) {
    for (const lacking of [0, 1]) {
      const k = knownGroup(fw, n, lacking);
      const r = evaluate(model, k.subject, appOptions(fw));
      assert.equal(r.errors, undefined, `${fw} ${n}: ${JSON.stringify(r.errors)}`);
      assert.equal(r.total, k.total, `${fw} with ${n} members (${lacking} short): total ${r.total}, expected ${k.total}`);
      assert.deepEqual(r.titles.filter((t) => k.titles.includes(t) || !/liền|tiêu biểu/.test(t)), k.titles, `${fw} ${n}: titles ${r.titles}`);
      assert.ok(r.explanation, `${fw} ${n}: no explanation`);
    }
  }
}
// The clan's ratio at scale: 3,500 of 5,000 households recognised is 70 % (1.1 = 50, + 30 = 80, recognised); 3,499 is below (30 + 30 = 60).
{
  const model = groupModel('dhht');
  for (const [short, total, titled] of [[1500, 80, true], [1501, 60, false]] as const) {
    const r = evaluate(model, knownGroup('dhht', 5000, short).subject, appOptions('dhht'));
    assert.equal(r.total, total, `dhht 5,000 with ${short} not recognised: ${r.total}`);
    assert.equal(r.titles.includes('Dòng họ học tập'), titled);
  }
}
// The generated subjects of every case evaluate without errors, with and without explanations alike.
const spread: Record<string, { recognised: number; count: number }> = {};
for (const fw of FWS) {
  const model = groupModel(fw);
  for (const n of MEMBER_COUNTS) {
    const subjects = makeGroupSubjects(fw, n);
    let recognised = 0;
    for (const s of subjects) {
      const a = evaluate(model, s, appOptions(fw));
      const b = evaluate(model, s, { year: GROUP_FRAMEWORKS[fw].year });
      assert.equal(a.errors, undefined, `${fw} ${n}: ${JSON.stringify(a.errors)}`);
      assert.equal(a.total, b.total);
      assert.deepEqual(a.titles, b.titles);
      if (a.titles.length) recognised++;
    }
    spread[`${fw}:${n}`] = { recognised, count: subjects.length };
  }
}
log(`Checked: known member counts give known scores at ${MEMBER_COUNTS.join(', ')} members for ${FWS.length} frameworks; every generated subject evaluates.`);

// ---------------------------------------------------------------------------------------------
// Timing: the citizen framework (eval-worker.ts, the same workers as bench/run.ts) and every group case, each in its own worker.

const cases: Case[] = [];
cases.push({ key: 'a', name: 'citizen, Phú Thọ 2018: `evaluate(model, s)`', ...(await inWorker(new URL('./eval-worker.ts', import.meta.url), 'a')) });
cases.push({ key: 'b', name: 'citizen, Phú Thọ 2018, with explanations (as the application scores)', ...(await inWorker(new URL('./eval-worker.ts', import.meta.url), 'b')) });
for (const fw of FWS) for (const n of MEMBER_COUNTS) cases.push({ key: `${fw}:${n}`, name: `${fw}, ${fmtInt(n)} members`, ...(await inWorker(new URL('./groups-worker.ts', import.meta.url), `${fw}:${n}`)) });
const opts = quick ? { warmupMs: 200, batchMs: 100, rounds: 5 } : { warmupMs: 1000, batchMs: 250, rounds: 15 };
log(`\nEvaluations per second (${opts.rounds} rounds of ~${opts.batchMs} ms per case, ${cases.length} cases)`);
const results = await throughput(cases, { ...opts, log });
for (const c of cases) await c.close?.();
const by = (k: string) => results.find((r) => r.key === k)!;
const paired = (x: ThroughputResult, y: ThroughputResult) => stats(x.opsPerSec.samples.map((v, r) => v / y.opsPerSec.samples[r]!));
const n0 = fmtInt;
const pctS = (s: Stats) => `${(s.spread * 100).toFixed(1)} %`;
const x2 = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)}×`;
const per = (r: ThroughputResult) => 1e9 / r.opsPerSec.median;
const time = (ns: number) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(1)} µs` : `${ns.toFixed(0)} ns`);
const ca = by('a');
const cb = by('b');

const rows = FWS.flatMap((fw) =>
  MEMBER_COUNTS.map((n) => {
    const r = by(`${fw}:${n}`);
    const vs = paired(cb, r);
    const sp = spread[`${fw}:${n}`]!;
    return `| ${fw} | ${n0(n)} | **${n0(r.opsPerSec.median)}** | ${n0(r.opsPerSec.min)} – ${n0(r.opsPerSec.max)} | ${pctS(r.opsPerSec)} | ${time(per(r))} | ${time(per(r) / n)} | ${x2(vs.median)} (${x2(vs.min)} – ${x2(vs.max)}) | ${sp.recognised}/${sp.count} |`;
  }),
);
const noiseNow = noise();
const cpus = os.cpus();
const md = `# Group benchmark results

Written by \`npm run bench:groups\` (bench/groups.ts); do not edit by hand. How to read it: [README.md](README.md#group-subjects-benchgroupsts).

- Date: ${new Date().toISOString()}
- Node ${process.version} (V8 ${process.versions.v8}), ${process.platform} ${os.release()} ${process.arch}
- CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length}; memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB
- GC between timed batches: ${hasGc ? 'yes (--expose-gc)' : 'no (run with --expose-gc)'}${quick ? '\n- **Quick mode** (--quick): fewer, shorter rounds; numbers are rough.' : ''}
- ${noiseLine(noiseNow)}

## What was evaluated

The plugins' group frameworks whose indicators read members, as the server registers them (\`dựa trên\` resolved):

${FWS.map((fw) => `- **${fw}**: ${NAMES[fw]}.`).join('\n')}

Each group subject is shaped as the application layer hands it to the engine (\`engineResult\`, packages/app/src/registrations.ts): \`{ id, year, scores, evidence, attributes, members }\` evaluated with \`{ explain: true, year }\` — the application always asks for the explanation it stores. Each member is what \`groupMembersOfYear\` (packages/app/src/group-members.ts) builds: \`{ id, facts }\` with the facts the group declared for that member, or \`{ id, titles }\` with the names and ids of the titles of its decided result of the year (\`[]\` when not recognised), or \`{ id }\` alone when it has none (the framework's missing-data rule applies). The subjects are seeded (bench/groups-setup.ts): the scored indicators at 60–100 % of their maxima, half of the groups with every member complete, the others with a fact or a title missing here and there; ${subjectsPer(5)} subjects per case (${subjectsPer(5000)} for 5,000 members), cycled through, after a round trip through JSON.

**Checked before timing**: for each framework and each size (${MEMBER_COUNTS.map(n0).join(', ')} members), a group whose members all have what the framework asks gives the worked examples' score (Yên Bái family 80 and "Gia đình học tập", clan 90, Tân Biên unit 100 "Tốt"), and the same group with one member short gives the known lower score (70 and no title; 80; 90); a clan of 5,000 households with 3,500 recognised (70 %) scores 80 and is recognised, with 3,499 it scores 60 and is not; every generated subject evaluates without errors, and with and without explanations to the same totals and titles.

The citizen framework: \`${FRAMEWORK}\`, the same 10,000 subjects and workers as [RESULTS.md](RESULTS.md) (a: \`evaluate(model, s)\`; b: with explanations, the application's path).

## Evaluations per second

Each case ran in its own worker thread, warmed up ${opts.warmupMs} ms, then ${opts.rounds} interleaved rounds of ~${opts.batchMs} ms (one batch of each case per round, the order rotating).

| case | median evaluations/s | min – max | spread | time per evaluation |
| --- | ---: | ---: | ---: | ---: |
| a. ${ca.name} | **${n0(ca.opsPerSec.median)}** | ${n0(ca.opsPerSec.min)} – ${n0(ca.opsPerSec.max)} | ${pctS(ca.opsPerSec)} | ${time(per(ca))} |
| b. ${cb.name} | **${n0(cb.opsPerSec.median)}** | ${n0(cb.opsPerSec.min)} – ${n0(cb.opsPerSec.max)} | ${pctS(cb.opsPerSec)} | ${time(per(cb))} |

Groups, with explanations (the application's path):

| framework | members | median evaluations/s | min – max | spread | time per evaluation | per member | citizen (b) ÷ this, round by round: median (range) | recognised subjects |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Checksums (totals + titles of every evaluation run): ${results.map((r) => `${r.key} ${r.checksum}`).join(', ')}.
`;
log(`\n${md}`);
if (write) {
  writeFileSync(new URL('RESULTS-groups.md', import.meta.url), md);
  log('Wrote bench/RESULTS-groups.md');
}
