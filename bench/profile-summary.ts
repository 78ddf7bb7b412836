/**
 * Summarises a .cpuprofile (from `node --cpu-prof`): the functions with the most self time, and
 * the most total (inclusive) time, with their files and lines.
 *
 *   node bench/profile-summary.ts /tmp/prof/CPU.*.cpuprofile [top=25]
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/profile-summary.ts <file.cpuprofile> [top]');
const top = Number(process.argv[3] ?? 25);
const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Time per sample (µs), attributed to the sampled node.
const self = new Map<number, number>();
let totalTime = 0;
p.samples.forEach((id, i) => {
  const dt = p.timeDeltas[i] ?? 0;
  self.set(id, (self.get(id) ?? 0) + dt);
  totalTime += dt;
});

const key = (n: Node) => {
  const f = n.callFrame;
  const url = f.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|packages|criteria-dsl|bench)\//, '$1/');
  return `${f.functionName || '(anonymous)'}  ${url}${url ? `:${f.lineNumber + 1}` : ''}`;
};
const selfBy = new Map<string, number>();
const totalBy = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id)!;
  selfBy.set(key(n), (selfBy.get(key(n)) ?? 0) + t);
  // Inclusive time: count each function once per sample, however deep the recursion.
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const k = key(byId.get(cur)!);
    if (seen.has(k)) continue;
    seen.add(k);
    totalBy.set(k, (totalBy.get(k) ?? 0) + t);
  }
}
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (of ${(totalTime / 1000).toFixed(0)} ms sampled)`);
  for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${((100 * t) / totalTime).toFixed(1).padStart(5)} %  ${k}`);
};
show('Self time', selfBy);
show('Total time', totalBy);

// Hottest source lines (V8's positionTicks), with the line's text when the file can be read.
const lineTicks = new Map<string, { url: string; line: number; ticks: number }>();
let allTicks = 0;
for (const n of p.nodes as (Node & { positionTicks?: { line: number; ticks: number }[] })[]) {
  for (const t of n.positionTicks ?? []) {
    const k = `${n.callFrame.url}:${t.line}`;
    const e = lineTicks.get(k) ?? { url: n.callFrame.url, line: t.line, ticks: 0 };
    e.ticks += t.ticks;
    lineTicks.set(k, e);
    allTicks += t.ticks;
  }
}
const sources = new Map<string, string[]>();
const lineText = (url: string, line: number): string => {
  if (!url.startsWith('file://')) return '';
  if (!sources.has(url)) {
    try {
      sources.set(url, readFileSync(new URL(url), 'utf8').split('\n'));
    } catch {
      sources.set(url, []);
    }
  }
  return (sources.get(url)![line - 1] ?? '').trim().slice(0, 140);
};
console.log(`\nHottest lines (share of line-attributed samples)`);
for (const e of [...lineTicks.values()].sort((a, b) => b.ticks - a.ticks).slice(0, top)) {
  const short = e.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|packages|criteria-dsl|bench)\//, '$1/');
  console.log(`${((100 * e.ticks) / allTicks).toFixed(1).padStart(5)} %  ${short}:${e.line}  ${lineText(e.url, e.line)}`);
}
