import { compileText, diffModels } from '@hoctap/core';
import { describe, expect, it } from 'vitest';
import { STARTER_TEMPLATE } from '../editor/template.ts';
import { changeSides } from './diff-sides.ts';

const model = (text: string) => {
  const r = compileText(text);
  expect(r.valid).toBe(true);
  return r.models[0]!;
};

describe('changeSides', () => {
  it('fills in both sides of a title rule change, and of added and removed indicators', () => {
    const base = model(STARTER_TEMPLATE);
    const draft = model(
      STARTER_TEMPLATE.replace('khi tổng điểm từ 15 trở lên', 'khi tổng điểm từ 16 trở lên')
        .replace('    chỉ số 2.2 "Giúp đỡ người xung quanh khi gặp khó khăn" tối đa 5\n', '    chỉ số 2.3 "Mới" tối đa 5\n')
        .replace(/  ví dụ[\s\S]*$/, ''),
    );
    const changes = diffModels(base, draft);
    const title = changes.find((c) => c.target === 'title')!;
    expect(changeSides(title, base, draft)).toEqual(['tổng điểm từ 15 trở lên', 'tổng điểm từ 16 trở lên']);
    const added = changes.find((c) => c.kind === 'added' && c.target === 'indicator')!;
    expect(changeSides(added, base, draft)).toEqual(['—', '2.3 "Mới" tối đa 5']);
    const removed = changes.find((c) => c.kind === 'removed' && c.target === 'indicator')!;
    expect(changeSides(removed, base, draft)[1]).toBe('—');
    expect(changeSides(removed, base, draft)[0]).toContain('Giúp đỡ');
  });
});
