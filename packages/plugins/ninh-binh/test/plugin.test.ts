import { describe, expect, it } from 'vitest';
import { createRegistry, evaluate, runExamples, targetProgress, uncitedRules, type Model, type TargetProgress } from '@hoctap/core';
import { national } from '@hoctap/plugin-national';
import { NINH_BINH_FRAMEWORK, NINH_BINH_POPULATIONS, ninhBinh } from '../src/index.js';

const registry = createRegistry([national, ninhBinh]);
const m: Model = registry.get(NINH_BINH_FRAMEWORK).model;

const people = (n: number, titles: string[], facts: string[] = []) => Array.from({ length: n }, () => ({ titles, facts }));
const provincial = (ps: TargetProgress[]) => ps.filter((p) => p.target.source?.basis === 'kh126');
const nationalOnly = (ps: TargetProgress[]) => ps.filter((p) => p.target.source?.basis === 'qd677');

describe('Ninh Bình KH 126/KH-UBND (2022)', () => {
  it('keeps the national framework and replaces its targets with the provincial ones, every rule cited', () => {
    expect(m.basedOn).toBe('cdht-quoc-gia-2022');
    expect(m.locality).toEqual({ code: '37', name: 'tỉnh Ninh Bình' });
    expect(m.effective).toEqual({ from: '2022-07-08', to: '2030-12-31' });
    expect(m.indicators).toHaveLength(10);
    expect(m.titles.map((t) => t.id)).toEqual(['cdht']);
    // `bỏ qua chỉ tiêu`: none of the national QĐ 677 targets is inherited.
    expect(registry.get('cdht-quoc-gia-2022').model.targets.length).toBeGreaterThan(0);
    expect(m.targets.every((t) => t.source?.basis === 'kh126')).toBe(true);
    expect(m.targets.map((t) => [t.year, t.share])).toEqual([
      [2025, 65], [2025, 75], [2025, 100], [2025, 75], [2025, 65],
      [2030, 70], [2030, 85], [2030, 90], [2030, 80],
    ]);
    expect(uncitedRules(m)).toEqual([]);
    expect(runExamples(m).filter((r) => !r.passed)).toEqual([]);
  });

  it('adults: 65 % by 2025 and 70 % by 2030; staff of learning units: 75 % and 85 %', () => {
    const check = (year: number, population: string, holders: number) =>
      // Only the targets on a named population (the digital-skills targets apply to any population of holders).
      targetProgress(m, { year, population, members: [...people(holders, ['Công dân học tập']), ...people(100 - holders, [])] }).filter((p) => p.target.population !== undefined);
    expect(check(2025, NINH_BINH_POPULATIONS.adults, 65).map((p) => [p.required, p.met])).toEqual([[65, true]]);
    expect(check(2025, NINH_BINH_POPULATIONS.adults, 64)[0]).toMatchObject({ required: 65, met: false, shortBy: 1 });
    expect(check(2025, NINH_BINH_POPULATIONS.staff, 75)[0]).toMatchObject({ required: 75, met: true });
    expect(check(2025, NINH_BINH_POPULATIONS.staff, 74)[0]).toMatchObject({ required: 75, met: false });
    expect(check(2030, NINH_BINH_POPULATIONS.adults, 70)[0]).toMatchObject({ required: 70, met: true });
    expect(check(2030, NINH_BINH_POPULATIONS.staff, 84)[0]).toMatchObject({ required: 85, met: false, shortBy: 1 });
    // The national targets (QĐ 677) are dropped: a population worded as QĐ 677 words it has no target.
    const nat = targetProgress(m, { year: 2025, population: 'người lớn trong gia đình học tập, dòng họ học tập, cộng đồng học tập', members: people(64, ['cdht']) });
    expect(nat.filter((p) => p.target.population !== undefined)).toEqual([]);
  });

  it('digital skills 2025: 75 % of title holders, and 65 % of those (the file’s reading of “trong đó”)', () => {
    // 100 holders; 75 have digital skills; 49 of those are proficient (65 % of 75 = 48,75 → 49 needed).
    const holders = (skilled: number, proficient: number) => [
      ...people(proficient, ['cdht'], ['ky-nang-so', 'thanh-thao-so']),
      ...people(skilled - proficient, ['cdht'], ['ky-nang-so']),
      ...people(100 - skilled, ['cdht'], []),
    ];
    const met = provincial(targetProgress(m, { year: 2025, members: holders(75, 49) }));
    const skills = met.find((p) => p.target.what.kind === 'fact' && p.target.what.fact === 'ky-nang-so')!;
    const proficient = met.find((p) => p.target.what.kind === 'fact' && p.target.what.fact === 'thanh-thao-so')!;
    expect(skills).toMatchObject({ required: 75, numerator: 75, denominator: 100, met: true });
    expect(proficient).toMatchObject({ required: 65, numerator: 49, denominator: 75, met: true });
    expect(proficient.target.assumption).toMatch(/trong số những người đạt danh hiệu đã có kỹ năng số/);
    const missed = provincial(targetProgress(m, { year: 2025, members: holders(74, 48) }));
    expect(missed.filter((p) => p.target.what.kind === 'fact').map((p) => [p.target.what.kind === 'fact' && p.target.what.fact, p.met])).toEqual([
      ['ky-nang-so', false],
      ['thanh-thao-so', false],
    ]);
    // The national programme's lower figures (70 % / 60 %), which 74 and 48 would meet, no longer apply.
    expect(nationalOnly(targetProgress(m, { year: 2025, members: holders(74, 48) }))).toEqual([]);
    expect(targetProgress(m, { year: 2025, members: holders(74, 48) }).map((p) => [p.required, p.met])).toEqual([
      [75, false],
      [65, false],
    ]);
  });

  it('digital skills 2030: 90 % of holders, 80 % of those', () => {
    const ps = provincial(targetProgress(m, { year: 2030, members: [...people(72, ['cdht'], ['ky-nang-so', 'thanh-thao-so']), ...people(18, ['cdht'], ['ky-nang-so']), ...people(10, ['cdht'])] }));
    expect(ps.map((p) => [p.required, p.numerator, p.denominator, p.met])).toEqual([
      [90, 90, 100, true],
      [80, 72, 90, true],
    ]);
  });

  it('100 % of the Hội’s cadres and members trained by 2025', () => {
    const pop = 'cán bộ, hội viên Hội Khuyến học tỉnh, cán bộ các đơn vị thực hiện Chương trình';
    const ps = targetProgress(m, { year: 2025, population: pop, members: [...people(99, [], ['duoc-tap-huan']), ...people(1, [], [])] });
    expect(ps.find((p) => p.target.source?.basis === 'kh126' && p.target.what.kind === 'fact' && p.target.what.fact === 'duoc-tap-huan')).toMatchObject({ required: 100, met: false, shortBy: 1 });
  });

  it('declares Ninh Bình (code 37, reported) with the 2025 merger noted', () => {
    expect(ninhBinh.localities).toEqual([expect.objectContaining({ code: '37', name: 'tỉnh Ninh Bình', level: 'province' })]);
    expect(ninhBinh.localities[0]!.note).toMatch(/Hà Nam và Nam Định/);
  });

  it('demo: citizens, some recognised, some not', () => {
    const [set] = ninhBinh.demo!({ seed: 5, model: (id) => registry.get(id).model });
    const results = set!.subjects.map((s) => evaluate(m, s, { year: 2023 }));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const recognised = results.filter((r) => r.titles.length > 0).length;
    expect(recognised).toBeGreaterThan(0);
    expect(recognised).toBeLessThan(results.length);
  });
});
