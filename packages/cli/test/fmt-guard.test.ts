import { describe, expect, it, vi } from 'vitest';
import { resolve } from 'node:path';
import { PKG, run } from './helpers.js';

// A formatter that drops the last statement: fmt must notice the change of meaning and not write.
vi.mock('@hoctap/criteria-dsl', async (importOriginal) => {
  const real = await importOriginal<typeof import('@hoctap/criteria-dsl')>();
  return { ...real, print: (f: Parameters<typeof real.print>[0]) => real.print(f).replace(/\n {4}chỉ số 1\.2[^\n]*/, '') };
});

describe('hoctap fmt safety check', () => {
  it('refuses to write output that parses to a different tree', async () => {
    const text = 'bộ tiêu chí x "X"\n  đối tượng: công dân\n\n  tiêu chí 1 "A" tổng 10\n    chỉ số 1.1 "a" tối đa 5\n    chỉ số 1.2 "b" tối đa 5\n';
    const r = await run(['fmt', 'x.tieuchi'], { files: { 'x.tieuchi': `${text}   \n` } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('x.tieuchi: bản định dạng lại đổi nghĩa tệp');
    expect(r.written.get(resolve(PKG, 'x.tieuchi'))).toBe(`${text}   \n`);
  });
});
