/**
 * Runs one benchmark workload alone for a few seconds, for a CPU profile:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile.ts evaluate   # or: explain, hand, parse, compile
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile.ts group:dhht:5000 [seconds]   # a case of bench/groups.ts
 *
 * then open the .cpuprofile in Chrome DevTools (Performance tab) or summarise it with
 * `node bench/profile-summary.ts /tmp/prof/<file>.cpuprofile`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileText, evaluate } from '@hoctap/core';
import { parse } from '@hoctap/criteria-dsl';
import { generateTieuchi } from './generate-tieuchi.ts';
import { appOptions, groupModel, makeGroupSubjects, type GroupFramework } from './groups-setup.ts';
import { evaluatePhuTho } from './handwritten.ts';
import { makeSubjects } from './subjects.ts';

const what = process.argv[2] ?? 'evaluate';
const seconds = Number(process.argv[3] ?? 5);
const root = fileURLToPath(new URL('..', import.meta.url));
const model = compileText(readFileSync(`${root}packages/plugins/phu-tho/frameworks/cdht-phu-tho-2018.tieuchi`, 'utf8')).models[0]!;
const subjects = makeSubjects(model.indicators, 10_000);
const text = generateTieuchi().text;
const work: Record<string, () => number> = {
  evaluate: () => {
    let s = 0;
    for (const x of subjects) s += evaluate(model, x).total;
    return s;
  },
  explain: () => {
    let s = 0;
    for (const x of subjects) s += evaluate(model, x, { explain: true }).total;
    return s;
  },
  hand: () => {
    let s = 0;
    for (const x of subjects) s += evaluatePhuTho(x).total;
    return s;
  },
  parse: () => parse(text).ast.frameworks.length,
  compile: () => compileText(text).models.length,
};
if (what.startsWith('group:')) {
  // A group case of bench/groups.ts: `group:<framework>:<members>`, with the application's options.
  const [, fw, n] = what.split(':') as [string, GroupFramework, string];
  const gm = groupModel(fw);
  const gs = makeGroupSubjects(fw, Number(n));
  const o = appOptions(fw);
  work[what] = () => {
    let s = 0;
    for (const x of gs) s += evaluate(gm, x, o).total;
    return s;
  };
}
const fn = work[what];
if (!fn) throw new Error(`unknown workload ${what}; one of ${Object.keys(work).join(', ')}`);
const end = Date.now() + seconds * 1000;
let sum = 0;
let runs = 0;
while (Date.now() < end) {
  sum += fn();
  runs++;
}
console.log(`${what}: ${runs} runs, checksum ${sum}`);
