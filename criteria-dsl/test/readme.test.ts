import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import * as dsl from '../src/index.js';

it('the README’s example runs and prints what its comments say', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const code = /```js\n([\s\S]*?)```/.exec(readme)![1]!;
  const body = code.replace(/^import .*$/m, '');
  const logged: unknown[] = [];
  const names = ['conditionText', 'formatDiagnostic', 'parse', 'print'] as const;
  new Function(...names, 'console', body)(...names.map((n) => dsl[n]), { log: (x: unknown) => logged.push(x) });
  expect(logged[0]).toBe('tổng điểm ≥ 8 và mọi chỉ số từ 5 trở lên');
  expect(logged[1]).toBe(
    'bộ tiêu chí vi-du "Ví dụ"\n  đối tượng: công dân\n\n  tiêu chí 1 "Học tập thường xuyên"\n    chỉ số 1.1 "Tham gia sinh hoạt chuyên đề" tối đa 10\n\n  danh hiệu cdht "Công dân học tập"\n    khi tổng điểm >= 8 và mọi chỉ số từ 5 trở lên\n',
  );
  expect(logged).toHaveLength(2);
});
