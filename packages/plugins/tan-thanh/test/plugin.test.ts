import { describe, expect, it } from 'vitest';
import { checkDeadline, createRegistry, diffModels, evaluate, explanationText, runExamples, targetProgress, uncitedRules } from '@hoctap/core';
import { national } from '@hoctap/plugin-national';
import { CDHT_TAN_THANH, PILOT_PER_GROUP, tanThanh } from '../src/index.js';

const registry = createRegistry([national, tanThanh]);
const base = registry.get('national/cdht-quoc-gia-2022').model;
const tt = registry.get('tan-thanh/cdht-tan-thanh-2022').model;

const nine = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), 9]));
const withEvidence = { '2': true, '3': true, '5': true, '6': true };

describe('cdht-tan-thanh-2022: built on the national framework', () => {
  it('keeps the 10 indicators in 3 competency groups, 100 points, and the three target groups of the plan', () => {
    expect(tt.basedOn).toBe('cdht-quoc-gia-2022');
    expect(tt.indicators).toHaveLength(10);
    expect(tt.competencies).toHaveLength(3);
    expect(tt.max).toBe(100);
    expect(tt.groups.map((g) => g.id)).toEqual(['nong-dan', 'cong-nhan', 'tri-thuc']);
    expect(tt.groups.find((g) => g.id === 'tri-thuc')!.name).toMatch(/gọi chung là nhóm trí thức/);
    expect(tt.locality).toEqual({ code: '49', name: 'phường Tân Thạnh, thành phố Tam Kỳ, tỉnh Quảng Nam' });
  });

  it('diffModels shows what the ward adds: evidence on 2, 3, 5, 6, the floor 5, the exemplary title, the calendar', () => {
    const changes = diffModels(base, tt);
    const text = changes.map((c) => c.text);
    for (const id of ['2', '3', '5', '6']) expect(text).toContain(`Sửa chỉ số ${id}: cần minh chứng không → có`);
    expect(changes.filter((c) => c.field === 'cần minh chứng')).toHaveLength(4);
    expect(text).toContain('Sửa quy tắc điểm sàn: giá trị — → 5');
    expect(text).toContain('Thêm danh hiệu Công dân học tập tiêu biểu');
    // The national 70-point rule for hard areas is not in the ward's plan.
    expect(text).toContain('Sửa danh hiệu Công dân học tập: điều kiện  → ');
    // The targets are replaced (`bỏ qua chỉ tiêu`), checked in 'targets and calendar' below: diffModels only
    // reports targets added on top of the base's.
    expect(changes.some((c) => c.target === 'calendar')).toBe(true);
    // Wording and maxima are unchanged.
    expect(changes.filter((c) => c.field === 'nội dung' || c.field === 'điểm tối đa')).toEqual([]);
  });

  it('cites the plan for every rule it adds, with its assumptions', () => {
    expect(uncitedRules(tt)).toEqual([]);
    expect(tt.titles.map((t) => [t.id, t.source?.basis])).toEqual([
      ['cdht', 'kh-tt'],
      ['cdht-tb', 'kh-tt'],
    ]);
    expect(tt.indicators.filter((i) => i.needsEvidence).map((i) => i.id)).toEqual(['2', '3', '5', '6']);
    expect(tt.indicators.filter((i) => i.needsEvidence).every((i) => i.assumption?.startsWith('Chỉ số định lượng được'))).toBe(true);
    expect(tt.rules.floor).toBe(5);
    expect(tt.targets.filter((t) => t.source?.basis === 'kh-tt').map((t) => [t.year, t.share])).toEqual([
      [2023, 60],
      [2024, 70],
      [2025, 80],
    ]);
  });

  it('passes every worked example', () => {
    const results = runExamples(tt);
    expect(results.length).toBeGreaterThanOrEqual(20);
    expect(results.filter((r) => !r.passed).map((r) => `${r.name}: ${JSON.stringify(r.failures)}`)).toEqual([]);
  });
});

describe('cdht-tan-thanh-2022: scoring', () => {
  it('missing evidence on a quantifiable indicator scores 0 and blocks the title, and says so', () => {
    const r = evaluate(tt, { id: 'a', group: 'cong-nhan', scores: nine, evidence: { ...withEvidence, '5': false } }, { explain: true });
    expect(r.indicators.find((i) => i.id === '5')!.points).toBe(0);
    expect(r.total).toBe(81);
    expect(r.titles).toEqual([]);
    const text = explanationText(r.explanation!);
    expect(text).toMatch(/Chỉ số 5: 0\/10 \(9 → 0: không có minh chứng\)/);
    expect(text).toMatch(/chỉ số 5 = 0 < 5/);
  });

  it('partly done counts from 5 (floor), so a 3 becomes 5', () => {
    const r = evaluate(tt, { id: 'b', group: 'nong-dan', scores: { ...nine, '1': 3 }, evidence: withEvidence });
    expect(r.indicators.find((i) => i.id === '1')!.points).toBe(5);
    expect(r.titles).toEqual(['Công dân học tập']);
  });

  it('the same 3 in the national framework stays 3 and fails "no indicator below 5"', () => {
    const r = evaluate(base, { id: 'b', group: 'nong-dan', scores: { ...nine, '1': 3 } });
    expect(r.total).toBe(84);
    expect(r.titles).toEqual([]);
  });

  it('"Công dân học tập tiêu biểu" after five consecutive years, not four', () => {
    const history = { '2025': ['cdht'], '2024': ['cdht'], '2023': ['cdht'], '2022': ['cdht'] };
    const five = evaluate(tt, { id: 'c', year: 2026, group: 'tri-thuc', scores: nine, evidence: withEvidence, history });
    expect(five.titles).toEqual(['Công dân học tập', 'Công dân học tập tiêu biểu']);
    const four = evaluate(tt, { id: 'c', year: 2025, group: 'tri-thuc', scores: nine, evidence: withEvidence, history });
    expect(four.titles).toEqual(['Công dân học tập']);
  });
});

describe('cdht-tan-thanh-2022: targets and calendar', () => {
  const pop = (yes: number, no: number) => [...Array.from({ length: yes }, () => ({ titles: ['cdht'] })), ...Array.from({ length: no }, () => ({ titles: [] }))];
  const progress = (year: number, yes: number, no: number) => targetProgress(tt, { year, members: pop(yes, no) });

  it('drops every national target (bỏ qua chỉ tiêu): only the ward’s 60 / 70 / 80 % remain, on all its citizens', () => {
    expect(base.targets.length).toBeGreaterThan(0);
    expect(tt.targets.map((t) => [t.what, t.year, t.share, t.population, t.source?.basis])).toEqual([
      [{ kind: 'title', title: 'cdht' }, 2023, 60, undefined, 'kh-tt'],
      [{ kind: 'title', title: 'cdht' }, 2024, 70, undefined, 'kh-tt'],
      [{ kind: 'title', title: 'cdht' }, 2025, 80, undefined, 'kh-tt'],
    ]);
    // A population worded as QĐ 677 words it gets the ward's target, not the national 40 %.
    const adults = 'người lớn trong gia đình học tập, dòng họ học tập, cộng đồng học tập';
    expect(targetProgress(tt, { year: 2025, population: adults, members: pop(36, 9) }).map((p) => [p.required, p.target.source?.basis])).toEqual([[80, 'kh-tt']]);
    // No digital-skills target (QĐ 677) in 2025 either.
    expect(targetProgress(tt, { year: 2025, members: [{ titles: ['cdht'], facts: [] }] }).filter((p) => p.target.what.kind === 'fact')).toEqual([]);
  });

  it('60 / 70 / 80 % for 2023 / 2024 / 2025: met exactly, missed by one', () => {
    expect(progress(2023, 27, 18).map((p) => [p.required, p.met])).toEqual([[60, true]]); // 27/45 = 60 %
    expect(progress(2023, 26, 19).map((p) => [p.met, p.shortBy])).toEqual([[false, 1]]);
    expect(progress(2024, 70, 30).map((p) => p.met)).toEqual([true]);
    expect(progress(2025, 35, 10).map((p) => [p.required, p.met, p.shortBy])).toEqual([[80, false, 1]]); // 36 of 45 needed
  });

  it('follows the 2022 pilot calendar', () => {
    expect(checkDeadline(tt, 'registration', '2022-06-25', 2022).status).toBe('on-time');
    expect(checkDeadline(tt, 'registration', '2022-06-26', 2022).status).toBe('late');
    expect(checkDeadline(tt, 'self-assessment', '2022-09-15', 2022).status).toBe('on-time');
    expect(checkDeadline(tt, 'review', '2022-09-30', 2022).status).toBe('early');
    expect(checkDeadline(tt, 'report', '2022-12-28', 2022).status).toBe('on-time');
  });
});

describe('tan-thanh plugin: localities and demo', () => {
  it('declares the pre-2025 unit with its successor, without inventing commune codes', () => {
    const old = tanThanh.localities.find((l) => l.code === '49')!;
    expect(old).toMatchObject({ level: 'province', validTo: '2025-06-30', successor: '48' });
    expect(old.note).toMatch(/Bàn Thạch/);
    expect(tanThanh.localities.find((l) => l.code === '48')!.note).toMatch(/chưa đối chiếu/);
    expect(tanThanh.localities.every((l) => l.level === 'province')).toBe(true);
  });

  it('has the 45-person pilot: exactly 15 per target group, with names', () => {
    const sets = tanThanh.demo!({ seed: 2026, model: (id) => registry.get(id).model });
    expect(sets.map((s) => [s.framework, s.year, s.locality])).toEqual([[CDHT_TAN_THANH, 2022, '49']]);
    const subjects = sets[0]!.subjects;
    expect(subjects).toHaveLength(45);
    for (const g of ['nong-dan', 'cong-nhan', 'tri-thuc']) expect(subjects.filter((s) => s.group === g)).toHaveLength(PILOT_PER_GROUP);
    expect(new Set(subjects.map((s) => s.id)).size).toBe(45);
    expect(subjects.every((s) => /^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u.test(s.name))).toBe(true);
    const results = subjects.map((s) => evaluate(tt, s, { year: 2022 }));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const recognised = results.filter((r) => r.titles.includes('Công dân học tập')).length;
    expect(recognised).toBeGreaterThan(0);
    expect(recognised).toBeLessThan(45);
  });
});
