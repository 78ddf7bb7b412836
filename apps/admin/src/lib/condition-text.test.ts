import { compileText } from '@hoctap/core';
import { describe, expect, it } from 'vitest';
import { conditionText } from './condition-text.ts';

const titleRule = (rule: string) => {
  const r = compileText(`bộ tiêu chí x "X"\n  đối tượng: công dân\n  tiêu chí 1 "A"\n    chỉ số 1.1 "a" tối đa 10\n  danh hiệu t "T" khi ${rule}\n  danh hiệu u "U" khi tổng điểm >= 1\n`);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return conditionText(r.models[0]!.titles.find((t) => t.id === 't')!.when!);
};

describe('conditionText', () => {
  it('writes rules as the language does', () => {
    expect(titleRule('tổng điểm từ 8 trở lên')).toBe('tổng điểm từ 8 trở lên');
    expect(titleRule('tổng điểm >= 8 và mọi chỉ số >= 5')).toBe('tổng điểm ≥ 8 và mọi chỉ số ≥ 5');
    expect(titleRule('tổng điểm >= 8 và không có chỉ số nào dưới 5')).toBe('tổng điểm ≥ 8 và không có chỉ số nào dưới 5');
    expect(titleRule('đạt u 5 năm liền')).toBe('đạt u 5 năm liền');
  });
});
