/** Targets (chỉ tiêu): the share of a population that should hold a title by a year. */
import { describe, expect, test } from 'vitest';
import { applicableTargets, runExamples, targetProgress, type PopulationInput } from '../src/index.js';
import { compileOk } from './helpers.js';

const HEAD = `bộ tiêu chí xa "Xã học tập"
  đối tượng: cộng đồng cấp xã
  thuộc tính vung "Vùng": "phát triển", "khó khăn"
  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 10
  danh hiệu cdht "Công dân học tập" khi tổng điểm >= 5
  danh hiệu tieu-bieu "Công dân học tập tiêu biểu" khi đạt cdht 3 năm liền
`;

/** `yes` members holding the titles, then `no` members holding none. */
function members(yes: number, no: number, titles: string[] = ['cdht']): PopulationInput['members'] {
  return [...Array.from({ length: yes }, () => ({ titles })), ...Array.from({ length: no }, () => ({ titles: [] }))];
}

describe('a plain target', () => {
  const model = compileOk(`${HEAD}  chỉ tiêu cdht năm 2023: 60%
`);

  test('60% with 60 of 100 is met', () => {
    const [p, ...rest] = targetProgress(model, { year: 2023, members: members(60, 40) });
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ year: 2023, required: 60, numerator: 60, denominator: 100, share: 60, met: true, shortBy: 0 });
    expect(p!.text).toContain('60/100');
    expect(p!.text).toContain('đạt');
  });

  test('59 of 100 is missed by 1', () => {
    const [p] = targetProgress(model, { year: 2023, members: members(59, 41) });
    expect(p).toMatchObject({ numerator: 59, denominator: 100, share: 59, met: false, shortBy: 1 });
    expect(p!.text).toContain('chưa đạt, thiếu 1');
  });

  test('short by is rounded up to whole people', () => {
    // 60% of 7 is 4,2: 5 holders are needed.
    const [p] = targetProgress(model, { year: 2023, members: members(3, 4) });
    expect(p).toMatchObject({ met: false, shortBy: 2 });
    expect(targetProgress(model, { year: 2023, members: members(5, 2) })[0]!.met).toBe(true);
  });

  test('titles may be held by name; no target applies in another year', () => {
    expect(targetProgress(model, { year: 2023, members: members(6, 4, ['Công dân học tập']) })[0]!.met).toBe(true);
    expect(targetProgress(model, { year: 2024, members: members(60, 40) })).toEqual([]);
  });

  test('an empty population does not meet a target', () => {
    expect(targetProgress(model, { year: 2023, members: [] })[0]).toMatchObject({ met: false, share: 0, denominator: 0 });
  });
});

test('targets guarded by an attribute (`nếu vung là "khó khăn"`)', () => {
  const model = compileOk(`${HEAD}  chỉ tiêu cdht năm 2023: 30% nếu vung là "phát triển"
  chỉ tiêu cdht năm 2023: 20% nếu vung là "khó khăn"
`);
  const hard = targetProgress(model, { year: 2023, attributes: { vung: 'khó khăn' }, members: members(25, 75) });
  expect(hard.map((p) => [p.required, p.met])).toEqual([[20, true]]);
  const developed = targetProgress(model, { year: 2023, attributes: { vung: 'phát triển' }, members: members(25, 75) });
  expect(developed.map((p) => [p.required, p.met, p.shortBy])).toEqual([[30, false, 5]]);
  expect(applicableTargets(model, { year: 2023 })).toEqual([]);
});

test('a population filter (`trong "nguoi-lon"`)', () => {
  const model = compileOk(`${HEAD}  chỉ tiêu cdht năm 2025: 65% trong "nguoi-lon"
  chỉ tiêu cdht năm 2025: 80% trong "tre-em"
`);
  const adults = targetProgress(model, { year: 2025, population: 'nguoi-lon', members: members(65, 35) });
  expect(adults.map((p) => [p.required, p.met])).toEqual([[65, true]]);
  const children = targetProgress(model, { year: 2025, population: 'tre-em', members: members(65, 35) });
  expect(children.map((p) => [p.required, p.met])).toEqual([[80, false]]);
  // A target for a named population does not apply to an unnamed one.
  expect(targetProgress(model, { year: 2025, members: members(65, 35) })).toEqual([]);
});

test('`trong số đạt cdht`: the denominator is the holders of cdht', () => {
  const model = compileOk(`${HEAD}  chỉ tiêu tieu-bieu năm 2024: 10% trong số đạt cdht
`);
  const input: PopulationInput = {
    year: 2024,
    members: [
      ...members(2, 0, ['cdht', 'tieu-bieu']),
      ...members(18, 0, ['cdht']),
      // Not holders of cdht: left out of the denominator.
      ...members(0, 80),
    ],
  };
  const [p] = targetProgress(model, input);
  expect(p).toMatchObject({ numerator: 2, denominator: 20, share: 10, met: true });
  expect(p!.text).toContain('trong số đạt "Công dân học tập"');
  const [q] = targetProgress(model, { ...input, members: input.members.slice(1) });
  expect(q).toMatchObject({ numerator: 1, denominator: 19, met: false, shortBy: 1 });
});

test('`mỗi năm tăng 2,5%` grows from a baseline', () => {
  const model = compileOk(`${HEAD}  chỉ tiêu cdht mỗi năm tăng 2,5%
`);
  const baseline = { year: 2022, share: 50 };
  const y2023 = targetProgress(model, { year: 2023, baseline, members: members(52, 48) });
  expect(y2023.map((p) => [p.required, p.met])).toEqual([[52.5, false]]);
  const y2024 = targetProgress(model, { year: 2024, baseline, members: members(55, 45) });
  expect(y2024.map((p) => [p.required, p.met])).toEqual([[55, true]]);
  // Without a baseline, or for the baseline year itself, nothing to measure.
  expect(targetProgress(model, { year: 2023, members: members(52, 48) })).toEqual([]);
  expect(targetProgress(model, { year: 2022, baseline, members: members(52, 48) })).toEqual([]);
  // The required share stops at 100 %: reachable when everyone holds the title.
  const late = targetProgress(model, { year: 2030, baseline: { year: 2022, share: 90 }, members: members(100, 0) });
  expect(late.map((p) => [p.required, p.met, p.shortBy])).toEqual([[100, true, 0]]);
});

test('a target outside 0–100% is TC2030', () => {
  const r = compileOk(`${HEAD}  chỉ tiêu cdht năm 2023: 100%
`);
  expect(r.targets[0]!.share).toBe(100);
  expect(() => compileOk(`${HEAD}  chỉ tiêu cdht năm 2023: 120%
`)).toThrow(/TC2030/);
});

describe('worked example `mong đợi chỉ tiêu cdht năm 2023 đạt`', () => {
  const model = compileOk(`${HEAD}  chỉ tiêu cdht năm 2023: 60%
  ví dụ "60 trên 100 người đạt"
    thành viên 60 đạt cdht
    thành viên 40 không đạt cdht
    mong đợi chỉ tiêu cdht năm 2023 đạt
  ví dụ "59 trên 100 người thì chưa đạt"
    thành viên 59 đạt cdht
    thành viên 41 không đạt cdht
    mong đợi chỉ tiêu "Công dân học tập" năm 2023 không đạt
  ví dụ "mong đợi sai"
    thành viên 59 đạt cdht
    thành viên 41 không đạt cdht
    mong đợi chỉ tiêu cdht năm 2023 đạt
`);
  const [met, missed, wrong] = runExamples(model);

  test('passes when the expectation holds', () => {
    expect(met!.passed).toBe(true);
    expect(missed!.passed).toBe(true);
  });

  test('fails, with the measured progress, when it does not', () => {
    expect(wrong!.passed).toBe(false);
    expect(wrong!.failures).toHaveLength(1);
    expect(wrong!.failures[0]!.expected).toBe('chỉ tiêu đạt');
    expect(wrong!.failures[0]!.actual).toContain('59/100');
    expect(wrong!.failures[0]!.actual).toContain('thiếu 1');
  });
});
