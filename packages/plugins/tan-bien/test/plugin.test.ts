import { describe, expect, it } from 'vitest';
import { checkDeadline, createRegistry, evaluate, runExamples, uncitedRules, type Model, type Subject } from '@hoctap/core';
import { national } from '@hoctap/plugin-national';
import { TAN_BIEN_FRAMEWORK, tanBien } from '../src/index.js';

const registry = createRegistry([national, tanBien]);
const m: Model = registry.get(TAN_BIEN_FRAMEWORK).model;

const ALL = ['cam-ket', 'ke-hoach-tu-hoc', 'tuan-thu-ky-luat', 'hoan-thanh-bd', 'ldtt', 'nang-luc-cdht'];
const staff = (n: number, facts = ALL): Subject[] => Array.from({ length: n }, () => ({ facts }));
const without = (fact: string) => ALL.filter((f) => f !== fact);
/** Phòng Nội vụ: 8 people, scored by hand on 1.1–1.3, 3.2, 3.3. */
const phong = (hand: Record<string, number>, members: Subject[], facts: string[] = []): Subject => ({ id: 'pnv-tan-bien', year: 2023, scores: hand, members, facts });

describe('Tân Biên KH 218/KH-PNV (2023) on Thông tư 22/2020', () => {
  it('derives from the national TT 22 framework with the plan’s wording and sources', () => {
    expect(m.basedOn).toBe('dvht-tt22-2020');
    expect(m.subject).toBe('unit');
    expect(m.locality).toEqual({ code: '80', name: 'tỉnh Tây Ninh' });
    expect(m.effective).toEqual({ from: '2023-03-20', to: '2023-12-31' });
    expect(m.max).toBe(100);
    expect(m.criteria.map((c) => [c.id, c.max])).toEqual([['1', 30], ['2', 30], ['3', 40]]);
    expect(m.indicators.find((i) => i.id === '2.1')).toMatchObject({
      text: '100% cán bộ, công chức trong đơn vị có kế hoạch tự học, tự bồi dưỡng hàng năm được lãnh đạo phê duyệt',
      max: 10,
      measure: { kind: 'member-ratio' },
      source: { basis: 'kh218', clause: 'mục II.2.a' },
    });
    // The assumption about "100% thành viên" is inherited from the national file and stays visible.
    expect(m.indicators.find((i) => i.id === '3.1')!.assumption).toMatch(/100%/);
    expect(uncitedRules(m)).toEqual([]);
    expect(runExamples(m).filter((r) => !r.passed)).toEqual([]);
  });

  it('member records roll up into the unit’s member-ratio indicators', () => {
    const hand = { '1.1': 10, '1.2': 10, '1.3': 10, '3.2': 10, '3.3': 5 };
    const full = evaluate(m, phong(hand, staff(8), ['ttldtt']), { explain: true });
    expect(full.total).toBe(100);
    const noPlan = evaluate(m, phong(hand, [...staff(7), ...staff(1, without('ke-hoach-tu-hoc'))], ['ttldtt']), { explain: true });
    expect(noPlan.indicators.find((i) => i.id === '2.1')).toMatchObject({ points: 0, note: '7/8 thành viên (87,5%) → 0 điểm' });
    expect(noPlan.total).toBe(90);
    const noLdtt = evaluate(m, phong(hand, [...staff(7), ...staff(1, without('ldtt'))], ['ttldtt']));
    expect(noLdtt.indicators.find((i) => i.id === '2.4')!.points).toBe(0);
    expect(noLdtt.total).toBe(95);
  });

  it('grades by the TT 22 bands: 85 → Tốt, 84 → Khá, 70 → Khá, 69 → Trung bình, 49 → Không đạt', () => {
    const grade = (hand: Record<string, number>, members = staff(8)) => {
      const r = evaluate(m, phong(hand, members));
      return [r.total, r.level, r.titles.includes('Đơn vị học tập')];
    };
    expect(grade({ '1.1': 10, '1.2': 10, '1.3': 5, '3.2': 0, '3.3': 5 })).toEqual([85, 'Tốt', true]);
    expect(grade({ '1.1': 10, '1.2': 10, '1.3': 4, '3.2': 0, '3.3': 5 })).toEqual([84, 'Khá', true]);
    expect(grade({ '1.1': 10, '1.2': 5, '1.3': 0, '3.2': 0, '3.3': 0 })).toEqual([70, 'Khá', true]);
    expect(grade({ '1.1': 10, '1.2': 4, '1.3': 0, '3.2': 0, '3.3': 0 })).toEqual([69, 'Trung bình', true]);
    // One member without the CDHT competencies: 3.1 = 0; 30 + 19 = 49.
    expect(grade({ '1.1': 10, '1.2': 9, '1.3': 0, '3.2': 0, '3.3': 0 }, [...staff(7), ...staff(1, without('nang-luc-cdht'))])).toEqual([49, 'Không đạt', false]);
  });

  it('has the forms mẫu 1 (commitment) and mẫu 2 (self-study plan), sourced to mục III.2', () => {
    const forms = tanBien.forms ?? [];
    expect(forms.map((f) => [f.id, f.kind, f.framework])).toEqual([
      ['mau-1-cam-ket', 'commitment', TAN_BIEN_FRAMEWORK],
      ['mau-2-ke-hoach-tu-hoc', 'self-study-plan', TAN_BIEN_FRAMEWORK],
    ]);
    for (const f of forms) {
      expect(f.source).toMatch(/218\/KH-PNV.*mục III\.2/);
      expect(f.fields.some((x) => x.type === 'signature')).toBe(true);
    }
    expect(forms[1]!.fields.map((f) => f.id)).toContain('lanh-dao-duyet');
  });

  it('mẫu 1 and mẫu 2 are due 24/03/2023; a late paper is flagged, not refused', () => {
    expect(checkDeadline(m, 'submission', '2023-03-24', 2023).status).toBe('on-time');
    expect(checkDeadline(m, 'submission', '2023-03-25', 2023)).toMatchObject({ status: 'late', policy: 'flag' });
    const step = m.calendar.find((s) => s.step === 'submission')!;
    expect(step.label).toBe('Bản cam kết (mẫu 1) và kế hoạch tự học (mẫu 2)');
    expect(step.source).toMatchObject({ basis: 'kh218', clause: 'mục III.2' });
    expect(step.assumption).toMatch(/chậm nhất/i);
    expect(checkDeadline(m, 'self-assessment', '2024-03-31', 2023).status).toBe('on-time');
  });

  it('declares Tây Ninh by its reported code and explains why the district has none', () => {
    expect(tanBien.localities).toHaveLength(1);
    expect(tanBien.localities[0]).toMatchObject({ code: '80', level: 'province' });
    expect(tanBien.localities[0]!.note).toMatch(/đối chiếu/);
    expect(tanBien.localities[0]!.note).toMatch(/huyện Tân Biên/);
  });

  it('demo: the district offices, some recognised, some not', () => {
    const [set] = tanBien.demo!({ seed: 3, model: (id) => registry.get(id).model });
    expect(set!.subjects[0]!.name).toBe('Phòng Nội vụ huyện Tân Biên');
    const results = set!.subjects.map((s) => evaluate(m, s, { year: 2023 }));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const recognised = results.filter((r) => r.titles.length > 0).length;
    expect(recognised).toBeGreaterThan(0);
    expect(recognised).toBeLessThan(results.length);
  });
});
