import { test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse, formatDiagnostic } from '../src/index.js';
test('smoke', () => {
  const src = readFileSync('../packages/plugins/phu-tho/frameworks/cdht-phu-tho-2018.tieuchi', 'utf8');
  const r = parse(src, { file: 'x.tieuchi' });
  for (const d of r.diagnostics) console.log(formatDiagnostic(d, r.source));
  console.log(JSON.stringify(r.ast, (k, v) => (k === 'range' ? undefined : v), 1).slice(0, 3000));
  const bad = parse('bộ tiêu chí x "a"\n  tieu chj 1 "abc" tong 3\n  chỉ số 1.1 "x" tối đa\n  danh hiệu "X" khi tổng điểm >= \n', { file: 'bad.tieuchi' });
  for (const d of bad.diagnostics) console.log(formatDiagnostic(d, bad.source));
});
