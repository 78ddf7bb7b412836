/**
 * The engine is pure: no I/O, no clock, no randomness, no environment, and it never executes code
 * it is given. This test reads the sources and fails on anything that would break that.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .sort();

const FORBIDDEN: [string, RegExp][] = [
  ['node: built-in modules', /node:/],
  ['process.', /\bprocess\./],
  ['Date.now', /\bDate\.now\b/],
  ['new Date(', /\bnew\s+Date\s*\(/],
  ['Math.random', /\bMath\.random\b/],
  ['fetch(', /\bfetch\s*\(/],
  ['eval(', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\b/],
  ['Function( constructor', /(?<![\w.])Function\s*\(/],
  ['require(', /\brequire\s*\(/],
  ['dynamic import(', /\bimport\s*\(/],
  ['globalThis', /\bglobalThis\b/],
  ['setTimeout / setInterval', /\bset(?:Timeout|Interval|Immediate)\s*\(/],
];

test('the sources are there to check', () => {
  expect(files).toContain('evaluate.ts');
  expect(files).toContain('compile.ts');
  expect(files.length).toBeGreaterThanOrEqual(10);
});

test.each(files)('%s is pure', (file) => {
  const lines = readFileSync(join(SRC, file), 'utf8').split('\n');
  const hits: string[] = [];
  lines.forEach((line, i) => {
    for (const [name, re] of FORBIDDEN) if (re.test(line)) hits.push(`${file}:${i + 1}: ${name}: ${line.trim()}`);
  });
  expect(hits).toEqual([]);
});

test('the check itself catches what it looks for', () => {
  const bad = ["import { readFileSync } from 'node:fs';", 'const now = Date.now();', 'new Date()', 'Math.random()', 'await fetch(url)', 'eval(src)', "new Function('x', src)", 'process.env.X'];
  for (const line of bad) expect(FORBIDDEN.some(([, re]) => re.test(line)), line).toBe(true);
});
