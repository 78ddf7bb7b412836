import { describe, expect, it } from 'vitest';
import { applicableTargets, checkDeadline, createRegistry, evaluate, runExamples, targetProgress, uncitedRules, type Model, type Subject } from '@hoctap/core';
import { national } from '@hoctap/plugin-national';
import { YEN_BAI_FRAMEWORKS, yenBai } from '../src/index.js';

const registry = createRegistry([national, yenBai]);
const model = (id: string): Model => registry.get(id).model;
const gd = model(YEN_BAI_FRAMEWORKS.family);
const dh = model(YEN_BAI_FRAMEWORKS.clan);
const cd = model(YEN_BAI_FRAMEWORKS.community);
const dv = model(YEN_BAI_FRAMEWORKS.unit);

/** A person of a household meeting every member condition of the family framework. */
const fullMember: Subject = { facts: ['pc-dat', 'kq-hoc-dat', 'biet-chu', 'hoc-1-nd'] };
/** A household of 4 whose members meet every condition (40 points), with 30 points by hand plus `x` on 4.1. */
const household = (id: string, x: number): Subject => ({
  id,
  year: 2018,
  scores: { '1.3': 10, '2.3': 10, '3.1': 10, '4.1': x },
  members: [fullMember, fullMember, fullMember, fullMember],
});

describe('Yên Bái KH 86/KH-UBND (2016): registration and structure', () => {
  it('registers with the national plugin; four frameworks, three derived from the QĐ 448 drafts', () => {
    expect(registry.frameworks.filter((f) => f.plugin === 'yen-bai').map((f) => f.model.id)).toEqual([
      'gdht-yen-bai-2016',
      'dhht-yen-bai-2016',
      'cdoht-yen-bai-2016',
      'dvht-yen-bai-2016',
    ]);
    expect([gd.basedOn, dh.basedOn, cd.basedOn, dv.basedOn]).toEqual(['gdht-2015', 'dhht-2015', 'cdoht-2015', undefined]);
    expect([gd.subject, dh.subject, cd.subject, dv.subject]).toEqual(['household', 'clan', 'community', 'unit']);
    for (const m of [gd, dh, cd, dv]) {
      expect(m.status).toBe('draft');
      expect(m.locality).toEqual({ code: '15', name: 'tỉnh Yên Bái' });
      expect(m.effective).toEqual({ from: '2016-05-17', to: '2020-12-31' });
      expect(uncitedRules(m)).toEqual([]);
    }
  });

  it('passes every worked example', () => {
    for (const m of [gd, dh, cd, dv]) {
      const r = runExamples(m);
      expect(r.length).toBeGreaterThanOrEqual(8);
      expect(r.filter((x) => !x.passed).map((x) => x.name)).toEqual([]);
    }
  });

  it('keeps the national family indicators and marks every assumed number', () => {
    expect(gd.indicators.map((i) => i.id)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '4.1']);
    expect(gd.max).toBe(100);
    expect(gd.titles.map((t) => t.name)).toEqual(['Gia đình học tập', 'Gia đình học tập 3 năm liền', 'Gia đình học tập tiêu biểu']);
    expect(gd.titles.every((t) => t.assumption)).toBe(true);
    expect(gd.titles.find((t) => t.id === 'gdht-tb')!.source!.clause).toMatch(/mục III\.3/);
  });

  it('Yên Bái is now part of Lào Cai: the old unit ends on 30/06/2025 and points to code 15', () => {
    const [yb, lc] = yenBai.localities;
    expect(yb).toMatchObject({ code: '15', name: 'tỉnh Yên Bái', validTo: '2025-06-30', successor: '15' });
    expect(yb!.note).toMatch(/chưa đối chiếu/);
    expect(lc).toMatchObject({ code: '15', name: 'tỉnh Lào Cai', validFrom: '2025-07-01' });
  });
});

describe('roll-ups: a household on its members, a clan on its households', () => {
  it('a household where one adult is not literate loses indicator 2.1', () => {
    const r = evaluate(gd, { ...household('h', 20), members: [fullMember, fullMember, fullMember, { facts: ['pc-dat', 'kq-hoc-dat', 'hoc-1-nd'] }] });
    expect(r.indicators.find((i) => i.id === '2.1')!.points).toBe(0);
    expect(r.total).toBe(80);
    expect(r.titles).toEqual(['Gia đình học tập']);
  });

  it('a clan with 99 of 100 learning families scores 50 on 1.1; with 100 of 100 it scores 60', () => {
    // The households are evaluated by the family framework (memberModel): 80 points → "Gia đình học tập", 79 → not.
    const good = Array.from({ length: 99 }, (_, k) => household(`h${k}`, 10));
    const clan = (last: Subject): Subject => ({ id: 'ho-nguyen', year: 2018, scores: { '2.1': 30 }, members: [...good, last] });
    const r99 = evaluate(dh, clan(household('h99', 9)), { memberModel: gd, explain: true });
    const r100 = evaluate(dh, clan(household('h99', 10)), { memberModel: gd });
    expect(evaluate(gd, household('h99', 9))).toMatchObject({ total: 79, titles: [] });
    expect(evaluate(gd, household('h0', 10))).toMatchObject({ total: 80, titles: ['Gia đình học tập'] });
    expect(r99.indicators.find((i) => i.id === '1.1')).toMatchObject({ points: 50, note: '99/100 thành viên (99%) → 50 điểm' });
    expect(r100.indicators.find((i) => i.id === '1.1')!.points).toBe(60);
    expect([r99.total, r100.total]).toEqual([80, 90]);
    expect(r99.titles).toContain('Dòng họ học tập');
  });

  it('a village below 70 % learning households drops to the 30-point band and is not recognised', () => {
    const members = [...Array.from({ length: 69 }, () => ({ titles: ['Gia đình học tập'] })), ...Array.from({ length: 31 }, () => ({ titles: [] }))];
    const r = evaluate(cd, { year: 2018, scores: { '2.1': 30, '3.1': 15 }, members });
    expect(r.indicators.find((i) => i.id === '1.1')!.points).toBe(30);
    expect(r.total).toBe(75);
    expect(r.titles).toEqual([]);
  });
});

describe('targets (KH 86, mục II)', () => {
  const families = (holders: number, total: number) => Array.from({ length: total }, (_, k) => ({ titles: k < holders ? ['Gia đình học tập'] : [] }));

  it('+2,5 % of families a year from a baseline: 20 % in 2016 → 25 % required in 2018', () => {
    const met = targetProgress(gd, { year: 2018, baseline: { year: 2016, share: 20 }, members: families(25, 100) });
    expect(met).toHaveLength(1);
    expect(met[0]).toMatchObject({ required: 25, numerator: 25, denominator: 100, met: true, shortBy: 0 });
    const missed = targetProgress(gd, { year: 2018, baseline: { year: 2016, share: 20 }, members: families(24, 100) });
    expect(missed[0]).toMatchObject({ required: 25, met: false, shortBy: 1 });
    expect(missed[0]!.text).toMatch(/chưa đạt, thiếu 1/);
    // 2020: four years after the baseline → 30 %.
    expect(targetProgress(gd, { year: 2020, baseline: { year: 2016, share: 20 }, members: families(30, 100) })[0]).toMatchObject({ required: 30, met: true });
  });

  it('targets by kind of area for 2020; the inherited QĐ 281 targets (70 % / 60 %) are dropped', () => {
    // `bỏ qua chỉ tiêu`: every target of the three derived frameworks is the plan's own.
    for (const [m, base] of [[gd, 'gdht-2015'], [dh, 'dhht-2015'], [cd, 'cdoht-2015']] as const) {
      expect(model(base).targets.some((t) => t.source?.basis === 'qd281')).toBe(true);
      expect(m.targets.length).toBeGreaterThan(0);
      expect(m.targets.every((t) => t.source?.basis === 'kh86')).toBe(true);
    }
    const shares = (m: Model, vung: string) => applicableTargets(m, { year: 2020, attributes: { vung } }).map((t) => t.required);
    expect([shares(gd, 'phát triển'), shares(dh, 'phát triển'), shares(cd, 'phát triển')]).toEqual([[30], [50], [60]]);
    expect([shares(gd, 'khó khăn'), shares(dh, 'khó khăn'), shares(cd, 'khó khăn')]).toEqual([[20], [30], [40]]);
    expect(applicableTargets(dh, { year: 2020, population: 'toàn tỉnh' }).map((t) => t.required)).toEqual([40]);
    expect(applicableTargets(cd, { year: 2020, population: 'toàn tỉnh' }).map((t) => t.required)).toEqual([50]);
    expect(applicableTargets(dv, { year: 2020 }).map((t) => t.required)).toEqual([60]);
    // The national frameworks keep their own targets.
    expect(applicableTargets(model('gdht-2015'), { year: 2020, attributes: { vung: 'thường' } }).map((t) => t.required)).toEqual([70]);
  });

  it('60 of 100 units meets the 60 % unit target; 59 does not', () => {
    const units = (n: number) => Array.from({ length: 100 }, (_, k) => ({ titles: k < n ? ['Đơn vị học tập'] : [] }));
    expect(targetProgress(dv, { year: 2020, members: units(60) })[0]!.met).toBe(true);
    expect(targetProgress(dv, { year: 2020, members: units(59) })[0]!.met).toBe(false);
  });
});

describe('the yearly cycle (KH 86, mục III.2)', () => {
  it('register in quarter I, self-score early in quarter IV, recognise in November – December', () => {
    expect(checkDeadline(gd, 'registration', '2018-03-31', 2018).status).toBe('on-time');
    expect(checkDeadline(gd, 'registration', '2018-04-02', 2018)).toMatchObject({ status: 'late', policy: 'flag' });
    expect(checkDeadline(dh, 'self-assessment', '2018-10-15', 2018).status).toBe('on-time');
    expect(checkDeadline(dh, 'self-assessment', '2018-11-02', 2018).status).toBe('late');
    expect(checkDeadline(cd, 'recognition', '2018-10-31', 2018).status).toBe('early');
    expect(checkDeadline(cd, 'recognition', '2018-12-20', 2018).status).toBe('on-time');
  });
});

describe('titles over years (registers of 1, 3 and 5 years; assumed rules)', () => {
  const history = (years: number[]) => Object.fromEntries(years.map((y) => [String(y), ['Gia đình học tập']]));
  it('4 consecutive years: 3-year register, not exemplary; 5 years: "Gia đình học tập tiêu biểu"', () => {
    const four = evaluate(gd, { ...household('h', 20), year: 2020, history: history([2019, 2018, 2017]) });
    const five = evaluate(gd, { ...household('h', 20), year: 2020, history: history([2019, 2018, 2017, 2016]) });
    expect(four.titles).toEqual(['Gia đình học tập', 'Gia đình học tập 3 năm liền']);
    expect(five.titles).toEqual(['Gia đình học tập', 'Gia đình học tập 3 năm liền', 'Gia đình học tập tiêu biểu']);
    // A gap breaks the run.
    expect(evaluate(gd, { ...household('h', 20), year: 2020, history: history([2019, 2017, 2016]) }).titles).toEqual(['Gia đình học tập']);
  });
});

describe('demo data', () => {
  it('covers the four frameworks with members, some recognised and some not', () => {
    const sets = yenBai.demo!({ seed: 7, model });
    expect(sets.map((s) => s.framework)).toEqual(Object.values(YEN_BAI_FRAMEWORKS));
    for (const s of sets) {
      const m = model(s.framework);
      const results = s.subjects.map((x) => evaluate(m, x, { year: s.year }));
      expect(results.filter((r) => r.errors)).toEqual([]);
      const recognised = results.filter((r) => r.titles.length > 0).length;
      expect(recognised).toBeGreaterThan(0);
      expect(recognised).toBeLessThan(s.subjects.length);
      expect(s.subjects.every((x) => (x.members?.length ?? 0) > 0)).toBe(true);
    }
  });
});
