import { compileText, evaluate } from '@hoctap/core';
import { phuTho } from '@hoctap/plugin-phu-tho';
import { describe, expect, it } from 'vitest';
import { buildScoringForm, formSubject, scoreProblem } from './scoring-form.ts';

const compile = (text: string) => {
  const r = compileText(text, { file: 't.tieuchi' });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.models[0]!;
};

describe('buildScoringForm', () => {
  it('builds the Phú Thọ 2018 form: 10 criteria, 23 indicators, 100 points', () => {
    const model = compile(phuTho.frameworks[0]!.source);
    const form = buildScoringForm(model);
    expect(form.criteria).toHaveLength(10);
    expect(form.criteria.flatMap((c) => c.indicators)).toHaveLength(23);
    expect(form.max).toBe(100);
    expect(form.groups).toEqual([]);
    expect(form.group).toBeUndefined();
    const c1 = form.criteria[0]!;
    expect(c1.max).toBe(17);
    expect(c1.indicators.map((i) => [i.id, i.max, i.kind, i.step])).toEqual([
      ['1.1', 6, 'points', 1],
      ['1.2', 6, 'points', 1],
      ['1.3', 5, 'points', 1],
    ]);
    expect(c1.indicators[0]!.needsEvidence).toBe(false);
  });

  const grouped = `bộ tiêu chí g "Nhóm"
  đối tượng: công dân
  nhóm đối tượng nong-dan "Nông dân"
  nhóm đối tượng tri-thuc "Trí thức"
  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Chung cho mọi nhóm" tối đa 10 cần minh chứng
    chỉ số 1.2 "Dùng máy tính" tối đa 5 chỉ cho tri-thuc
    chỉ số 1.3 "Làm vườn" tối đa 5 chỉ cho nong-dan
  danh hiệu cdht "Công dân học tập" khi tổng điểm >= 12
`;

  it('picks the indicators of the chosen target group, the first group by default', () => {
    const model = compile(grouped);
    const f1 = buildScoringForm(model);
    expect(f1.group).toBe('nong-dan');
    expect(f1.criteria[0]!.indicators.map((i) => i.id)).toEqual(['1.1', '1.3']);
    const f2 = buildScoringForm(model, 'tri-thuc');
    expect(f2.criteria[0]!.indicators.map((i) => i.id)).toEqual(['1.1', '1.2']);
    expect(f2.max).toBe(15);
    expect(f2.criteria[0]!.indicators[0]!.needsEvidence).toBe(true);
    expect(buildScoringForm(model, 'khong-co').group).toBe('nong-dan');
  });

  it('turns form values into the subject the engine scores', () => {
    const model = compile(grouped);
    const form = buildScoringForm(model, 'tri-thuc');
    const subject = formSubject(form, { scores: { '1.1': 8, '1.2': 5, '1.3': 5 }, evidence: { '1.1': true } });
    expect(subject).toEqual({ id: 'xem-truoc', group: 'tri-thuc', scores: { '1.1': 8, '1.2': 5 }, evidence: { '1.1': true } });
    const r = evaluate(model, subject, { explain: true });
    expect(r.errors).toBeUndefined();
    expect(r.total).toBe(13);
    expect(r.titles).toEqual(['Công dân học tập']);
  });

  it('says what is wrong with a typed score instead of changing it', () => {
    const ind = { max: 6, step: 0.5, kind: 'points' as const };
    expect(scoreProblem(5.5, ind)).toBeUndefined();
    expect(scoreProblem(6, ind)).toBeUndefined();
    expect(scoreProblem(7, ind)).toEqual({ code: 'above-max', max: 6 });
    expect(scoreProblem(75, { max: 10, step: 1, kind: 'points' })).toEqual({ code: 'above-max', max: 10 });
    expect(scoreProblem(-1, ind)).toEqual({ code: 'negative' });
    expect(scoreProblem(3.3, ind)).toEqual({ code: 'off-step', step: 0.5 });
    expect(scoreProblem(0.3, { max: 1, step: 0.1, kind: 'points' })).toBeUndefined();
    expect(scoreProblem(140, { max: 10, step: 1, kind: 'measured' })).toBeUndefined();
  });
});
