import { describe, expect, it } from 'vitest';
import { runExamples } from '@hoctap/core';
import { loadModel, report, scoreCitizens } from '../src/score.js';

describe('the engine embedded without HTTP or a database', () => {
  const model = loadModel();

  it('the inline framework checks clean and its worked example passes', () => {
    expect(model.max).toBe(100);
    expect(runExamples(model).every((e) => e.passed)).toBe(true);
  });

  it('scores and explains: 87 is recognised, 79 with an indicator at 4 is not', () => {
    const [ha, binh] = scoreCitizens(model, [
      { id: 'Nguyễn Thị Hà', scores: { '1.1': 22, '1.2': 20, '2.1': 21, '2.2': 24 } },
      { id: 'Trần Văn Bình', scores: { '1.1': 25, '1.2': 25, '2.1': 4, '2.2': 25 } },
    ]);
    expect(ha!.total).toBe(87);
    expect(ha!.titles).toEqual(['Công dân học tập']);
    expect(binh!.total).toBe(79);
    expect(binh!.titles).toEqual([]);
    const text = report([binh!]);
    expect(text).toContain('tổng điểm 79 < 80 (thiếu 1 điểm)');
    expect(text).toContain('chỉ số 2.1 = 4 < 5');
  });

  it('a broken framework throws with file:line:col', () => {
    expect(() => loadModel('bộ tiêu chí x "X"\n  đối tượng: công dân\n  tiêu chí 1 "A" tổng 5\n    chỉ số 1.1 "a" tối đa 4\n')).toThrow(/phuong-mau\.tieuchi:3:3/);
  });
});
