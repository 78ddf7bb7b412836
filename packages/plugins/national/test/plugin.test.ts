import { describe, expect, it } from 'vitest';
import { createRegistry, evaluate, explanationText, runExamples, targetProgress, uncitedRules, type Model } from '@hoctap/core';
import { CDHT_DEMO_PER_CELL, cdhtDemo, national } from '../src/index.js';

const registry = createRegistry([national]);
const cdht: Model = registry.get('cdht-quoc-gia-2022').model;

const all = (v: number) => Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), v]));

describe('cdht-quoc-gia-2022: structure (QĐ 244/QĐ-KHVN as reported)', () => {
  it('has 10 indicators in 3 competency groups (4 + 4 + 2), each 0–10, total 100', () => {
    expect(cdht.indicators.map((i) => i.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(cdht.indicators.every((i) => i.max === 10)).toBe(true);
    expect(cdht.competencies.map((c) => c.id)).toEqual(['1', '2', '3']);
    expect(cdht.criteria.map((c) => c.indicators.length)).toEqual([4, 4, 2]);
    expect(cdht.criteria.map((c) => c.max)).toEqual([40, 40, 20]);
    expect(cdht.max).toBe(100);
    expect(cdht.statedTotal).toBe(100);
  });

  it('has the three target groups and the kind of area', () => {
    expect(cdht.groups.map((g) => g.id)).toEqual(['nong-dan', 'cong-nhan', 'tri-thuc']);
    expect(cdht.attributes).toEqual([{ id: 'vung', name: 'Vùng', values: ['thuận lợi', 'khó khăn'] }]);
    expect(cdht.status).toBe('in-force');
    expect(cdht.locality).toBeUndefined();
  });

  it('cites a source for every rule and states its assumptions', () => {
    expect(uncitedRules(cdht)).toEqual([]);
    expect(cdht.titles.find((t) => t.id === 'cdht')!.source!.basis).toBe('qd244');
    expect(cdht.titles.find((t) => t.id === 'cdht')!.assumption).toMatch(/dưới 5/);
    expect(cdht.criteria.every((c) => c.assumption?.includes('dự thảo 23/07/2020'))).toBe(true);
    expect(cdht.targets.every((t) => t.source?.basis === 'qd677')).toBe(true);
  });

  it('passes every worked example', () => {
    const results = runExamples(cdht);
    expect(results.length).toBeGreaterThanOrEqual(20);
    expect(results.filter((r) => !r.passed).map((r) => `${r.name}: ${JSON.stringify(r.failures)}`)).toEqual([]);
  });
});

describe('cdht-quoc-gia-2022: recognition', () => {
  it('recognises a hard-area citizen at 70 and explains why', () => {
    const r = evaluate(cdht, { id: 'a', group: 'nong-dan', attributes: { vung: 'khó khăn' }, scores: all(7) }, { explain: true });
    expect(r.total).toBe(70);
    expect(r.titles).toEqual(['Công dân học tập']);
    expect(explanationText(r.explanation!)).toMatch(/áp dụng trường hợp riêng: Vùng: "khó khăn"/);
  });

  it('does not recognise the same 70 points in an ordinary area (80 needed)', () => {
    const r = evaluate(cdht, { id: 'b', group: 'nong-dan', attributes: { vung: 'thuận lợi' }, scores: all(7) }, { explain: true });
    expect(r.titles).toEqual([]);
    expect(explanationText(r.explanation!)).toMatch(/tổng điểm 70 < 80 \(thiếu 10 điểm\)/);
  });

  it('refuses 95 points with one indicator at 4, naming the indicator', () => {
    const r = evaluate(cdht, { id: 'c', group: 'tri-thuc', attributes: { vung: 'thuận lợi' }, scores: { ...all(10), '7': 4 } }, { explain: true });
    expect(r.total).toBe(94);
    expect(r.titles).toEqual([]);
    expect(explanationText(r.explanation!)).toMatch(/chỉ số 7 = 4 < 5/);
  });
});

describe('cdht-quoc-gia-2022: targets of QĐ 677', () => {
  const holders = (n: number, skilled: number, proficient: number) =>
    Array.from({ length: n }, (_, k) => ({ titles: ['cdht'], facts: [...(k < skilled ? ['ky-nang-so'] : []), ...(k < proficient ? ['thanh-thao-so'] : [])] }));

  it('2025: 70% of holders digitally skilled, of whom 60% proficient (nested reading)', () => {
    // 100 holders, 70 skilled, 42 proficient = 60% of the 70.
    const p = targetProgress(cdht, { year: 2025, members: holders(100, 70, 42) });
    const skilled = p.find((x) => x.target.what.kind === 'fact' && x.target.what.fact === 'ky-nang-so')!;
    const proficient = p.find((x) => x.target.what.kind === 'fact' && x.target.what.fact === 'thanh-thao-so')!;
    expect([skilled.required, skilled.numerator, skilled.denominator, skilled.met]).toEqual([70, 70, 100, true]);
    expect([proficient.required, proficient.numerator, proficient.denominator, proficient.met]).toEqual([60, 42, 70, true]);
    const short = targetProgress(cdht, { year: 2025, members: holders(100, 70, 41) }).find((x) => x.target.what.kind === 'fact' && x.target.what.fact === 'thanh-thao-so')!;
    expect([short.met, short.shortBy]).toEqual([false, 1]);
  });

  it('2030: 90% / 80%', () => {
    const p = targetProgress(cdht, { year: 2030, members: holders(100, 89, 72) });
    const skilled = p.find((x) => x.target.what.kind === 'fact' && x.target.what.fact === 'ky-nang-so')!;
    expect([skilled.required, skilled.met, skilled.shortBy]).toEqual([90, false, 1]);
  });

  it('adults 40% (2025) and 60% (2030); staff 60% and 80%', () => {
    const req = (year: number, population: string) =>
      targetProgress(cdht, { year, population, members: [] }).filter((x) => x.target.what.kind === 'title').map((x) => x.required);
    const adults = 'người lớn trong gia đình học tập, dòng họ học tập, cộng đồng học tập';
    const staff = 'cán bộ, công chức, viên chức, người lao động trong đơn vị học tập';
    expect([req(2025, adults), req(2030, adults), req(2025, staff), req(2030, staff)]).toEqual([[40], [60], [60], [80]]);
  });
});

describe('national demo data', () => {
  const sets = cdhtDemo({ seed: 2026, model: (id) => registry.get(id).model });
  const subjects = sets[0]!.subjects;

  it(`has ${CDHT_DEMO_PER_CELL} citizens per target group and kind of area`, () => {
    expect(sets.map((s) => s.framework)).toEqual(['cdht-quoc-gia-2022']);
    expect(subjects).toHaveLength(3 * 2 * CDHT_DEMO_PER_CELL);
    for (const g of ['nong-dan', 'cong-nhan', 'tri-thuc'])
      for (const v of ['thuận lợi', 'khó khăn']) expect(subjects.filter((s) => s.group === g && s.attributes?.vung === v)).toHaveLength(CDHT_DEMO_PER_CELL);
  });

  it('evaluates without errors, some recognised and some not', () => {
    const results = subjects.map((s) => evaluate(cdht, s, { year: 2023 }));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const recognised = results.filter((r) => r.titles.length > 0).length;
    expect(recognised).toBeGreaterThan(0);
    expect(recognised).toBeLessThan(subjects.length);
  });
});

describe('the national plugin', () => {
  it('registers the five national base frameworks, serving no locality', () => {
    expect(registry.frameworks.map((f) => f.model.id).sort()).toEqual(['cdht-quoc-gia-2022', 'cdoht-2015', 'dhht-2015', 'dvht-tt22-2020', 'gdht-2015']);
    expect(registry.frameworks.every((f) => f.model.locality === undefined)).toBe(true);
    expect(national.localities).toEqual([]);
  });

  it('has demo data for every national framework that evaluates, some recognised and some not', () => {
    const sets = national.demo!({ seed: 2026, model: (id) => registry.get(id).model });
    expect(sets.map((s) => s.framework).sort()).toEqual(['cdht-quoc-gia-2022', 'cdoht-2015', 'dhht-2015', 'dvht-tt22-2020', 'gdht-2015']);
    for (const set of sets) {
      const model = registry.get(set.framework).model;
      const results = set.subjects.map((s) => evaluate(model, s, { year: set.year }));
      expect(results.filter((r) => r.errors).map((r) => r.id), set.framework).toEqual([]);
      const recognised = results.filter((r) => r.titles.length > 0).length;
      expect(recognised, `${set.framework}: ${recognised}/${results.length}`).toBeGreaterThan(0);
      expect(recognised, `${set.framework}: ${recognised}/${results.length}`).toBeLessThan(results.length);
    }
  });
});
