import { describe, expect, it } from 'vitest';
import { createRegistry, evaluate, runExamples, stepDates, uncitedRules, type Model } from '@hoctap/core';
import { phuTho } from '../src/index.js';

const registry = createRegistry([phuTho]);
const m: Model = registry.get('phu-tho/cdht-phu-tho-2018').model;

/** Every indicator at its maximum, then `delta` points taken off indicator 1.1. */
const scores = (delta = 0): Record<string, number> => Object.fromEntries(m.indicators.map((i) => [i.id, i.id === '1.1' ? (i.max ?? 0) - delta : (i.max ?? 0)]));

describe('Phú Thọ 2018 pilot (seed plan 000, Kế hoạch 41/KH-HKH)', () => {
  it('has the plan’s table: 10 criteria, 23 indicators, 17/8/12/9/10/9/12/6/8/9 = 100', () => {
    expect(m.subject).toBe('citizen');
    expect(m.criteria.map((c) => c.max)).toEqual([17, 8, 12, 9, 10, 9, 12, 6, 8, 9]);
    expect(m.indicators).toHaveLength(23);
    expect(m.max).toBe(100);
    expect(uncitedRules(m)).toEqual([]);
    expect(runExamples(m).filter((r) => !r.passed)).toEqual([]);
  });

  it('recognises from 75 points ("Cá nhân đạt từ 75 điểm trở lên đến 100 điểm")', () => {
    expect(evaluate(m, { id: 'a', year: 2018, scores: scores(0) }).total).toBe(100);
    // 6 points off 1.1 → 94; take the rest off other indicators through the engine's own totals.
    const at = (total: number) => {
      const s = scores(0);
      let left = 100 - total;
      for (const i of m.indicators) {
        const off = Math.min(left, i.max ?? 0);
        s[i.id] = (i.max ?? 0) - off;
        left -= off;
      }
      return evaluate(m, { id: 'a', year: 2018, scores: s });
    };
    expect(at(75).total).toBe(75);
    expect(at(75).titles).toContain('Công dân học tập');
    expect(at(74).total).toBe(74);
    expect(at(74).titles).not.toContain('Công dân học tập');
  });

  it('self-assessment closes before 05/11/2018 and the review before 10/11/2018 (mục II.5, Bước 3)', () => {
    const steps = Object.fromEntries(m.calendar.map((s) => [s.step, s]));
    // "trước 05/11/2018": the last day to self-assess is 04/11/2018 (a written year moves with the campaign's year).
    expect(steps['self-assessment']).toMatchObject({ to: { month: 11, day: 4 }, source: { basis: 'kh-khoi', clause: 'mục II.5, Bước 3' } });
    expect(stepDates(steps['self-assessment']!, 2018).to).toBe('2018-11-04');
    expect(stepDates(steps['review']!, 2018).to).toBe('2018-11-09');
    expect(stepDates(steps['review']!, 2026).to).toBe('2026-11-09');
  });
});
