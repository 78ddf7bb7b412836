/** Evaluation semantics: scores, rules, conditions, member ratios, titles, grading, target groups. */
import { describe, expect, test } from 'vitest';
import { evaluate, type EvaluationResult, type Model, type Subject } from '../src/index.js';
import { compileOk, expectVietnamese, fw } from './helpers.js';

const errorCodes = (r: EvaluationResult) => (r.errors ?? []).map((e) => e.code);
const points = (r: EvaluationResult, id: string) => r.indicators.find((i) => i.id === id)?.points;
const achieved = (r: EvaluationResult, id: string) => r.titleResults.find((t) => t.id === id)?.achieved;

/** Ten indicators of 10 points in two criteria: 100 points. */
const HUNDRED = `  tiêu chí 1 "Học tập" tổng 50
    chỉ số 1.1 "a" tối đa 10
    chỉ số 1.2 "b" tối đa 10
    chỉ số 1.3 "c" tối đa 10
    chỉ số 1.4 "d" tối đa 10
    chỉ số 1.5 "e" tối đa 10
  tiêu chí 2 "Gia đình" tổng 50
    chỉ số 2.1 "f" tối đa 10
    chỉ số 2.2 "g" tối đa 10
    chỉ số 2.3 "h" tối đa 10
    chỉ số 2.4 "i" tối đa 10
    chỉ số 2.5 "j" tối đa 10
  tổng điểm 100
`;
const IDS = ['1.1', '1.2', '1.3', '1.4', '1.5', '2.1', '2.2', '2.3', '2.4', '2.5'];

/** Scores worth `total` points spread over the ten indicators (10, 10, …, remainder, 0…). */
function spread(total: number): Record<string, number> {
  const out: Record<string, number> = {};
  let left = total;
  for (const id of IDS) {
    const p = Math.min(10, left);
    out[id] = p;
    left -= p;
  }
  return out;
}

describe('points', () => {
  const model = compileOk(fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 6
    chỉ số 1.2 "Đọc sách" tối đa 4
    chỉ số 1.3 "Nửa điểm" tối đa 5 bước 0,5
`));

  test('sums indicators into criteria and the total', () => {
    const r = evaluate(model, { scores: { '1.1': 6, '1.2': 3, '1.3': 2.5 } });
    expect(r.errors).toBeUndefined();
    expect(r.total).toBe(11.5);
    expect(r.max).toBe(15);
    expect(r.criteria).toEqual([{ id: '1', points: 11.5, max: 15 }]);
  });

  test('a score above the max is E_ABOVE_MAX, not clipped', () => {
    const r = evaluate(model, { scores: { '1.1': 7, '1.2': 4 } });
    expect(errorCodes(r)).toEqual(['E_ABOVE_MAX']);
    expect(r.errors![0]!.field).toBe('1.1');
    expectVietnamese(r.errors![0]!.message);
    expect(r.errors![0]!.message).toContain('7');
    expect(r.total).toBe(0);
    expect(r.titles).toEqual([]);
  });

  test('a negative score is E_NEGATIVE', () => {
    expect(errorCodes(evaluate(model, { scores: { '1.1': -1 } }))).toEqual(['E_NEGATIVE']);
  });

  test('a score off the step is E_STEP', () => {
    expect(errorCodes(evaluate(model, { scores: { '1.1': 2.5 } }))).toEqual(['E_STEP']);
    expect(errorCodes(evaluate(model, { scores: { '1.3': 2.25 } }))).toEqual(['E_STEP']);
    expect(errorCodes(evaluate(model, { scores: { '1.3': 2.5 } }))).toEqual([]);
  });

  test('an unknown indicator is E_UNKNOWN_INDICATOR with a suggestion', () => {
    const r = evaluate(model, { scores: { '1.1': 6, '1.4': 2 } });
    expect(errorCodes(r)).toEqual(['E_UNKNOWN_INDICATOR']);
    expect(r.errors![0]!.field).toBe('1.4');
    expect(r.errors![0]!.message).toMatch(/ý bạn là 1\.[123]\?/);
  });

  test('every data error is reported at once', () => {
    const r = evaluate(model, { scores: { '1.1': 9, '1.2': -2, '9.9': 1 } });
    expect(errorCodes(r).sort()).toEqual(['E_ABOVE_MAX', 'E_NEGATIVE', 'E_UNKNOWN_INDICATOR']);
  });

  test('missing scores count 0', () => {
    const r = evaluate(model, { scores: { '1.2': 4 } });
    expect(r.errors).toBeUndefined();
    expect(r.total).toBe(4);
    expect(points(r, '1.1')).toBe(0);
    expect(evaluate(model, {}).total).toBe(0);
    expect(evaluate(model, { scores: { '1.1': null, '1.2': undefined } }).total).toBe(0);
  });
});

describe('scoring rules', () => {
  test('`cần minh chứng` on one indicator: no evidence → 0', () => {
    const model = compileOk(fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Có bằng cấp" tối đa 5 cần minh chứng
    chỉ số 1.2 "Tự học" tối đa 5
`));
    const scores = { '1.1': 5, '1.2': 5 };
    expect(points(evaluate(model, { scores }), '1.1')).toBe(0);
    expect(points(evaluate(model, { scores }), '1.2')).toBe(5);
    expect(evaluate(model, { scores, evidence: { '1.1': false } }).total).toBe(5);
    expect(evaluate(model, { scores, evidence: { '1.1': [] } }).total).toBe(5);
    expect(evaluate(model, { scores, evidence: { '1.1': true } }).total).toBe(10);
    expect(evaluate(model, { scores, evidence: { '1.1': ['bằng tốt nghiệp.pdf'] } }).total).toBe(10);
  });

  test('`mọi chỉ số cần minh chứng`: evidence needed everywhere', () => {
    const model = compileOk(fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Có bằng cấp" tối đa 5
    chỉ số 1.2 "Tự học" tối đa 5
  mọi chỉ số cần minh chứng
`));
    const scores = { '1.1': 5, '1.2': 4 };
    expect(evaluate(model, { scores }).total).toBe(0);
    expect(evaluate(model, { scores, evidence: { '1.2': true } }).total).toBe(4);
    expect(evaluate(model, { scores, evidence: { '1.1': ['x'], '1.2': true } }).total).toBe(9);
  });

  test('`điểm sàn 5`: 3 → 5, 0 stays 0, 6 stays 6', () => {
    const model = compileOk(fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 10
    chỉ số 1.2 "b" tối đa 10
    chỉ số 1.3 "c" tối đa 10
  điểm sàn 5
`));
    const r = evaluate(model, { scores: { '1.1': 3, '1.2': 0, '1.3': 6 } });
    expect([points(r, '1.1'), points(r, '1.2'), points(r, '1.3')]).toEqual([5, 0, 6]);
    expect(r.total).toBe(11);
  });

  test('`làm tròn 0,5` rounds to the nearest half point before the checks', () => {
    const model = compileOk(fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 10 bước 0,5
    chỉ số 1.2 "b" tối đa 10 bước 0,5
    chỉ số 1.3 "c" tối đa 10 bước 0,5
  làm tròn 0,5
`));
    const r = evaluate(model, { scores: { '1.1': 3.2, '1.2': 3.3, '1.3': 9.8 } });
    expect(r.errors).toBeUndefined();
    expect([points(r, '1.1'), points(r, '1.2'), points(r, '1.3')]).toEqual([3, 3.5, 10]);
    expect(r.total).toBe(16.5);
    // Rounding happens before the max check: 10,2 rounds to 10 (valid), 10,3 to 10,5 (above max).
    expect(evaluate(model, { scores: { '1.1': 10.2 } }).total).toBe(10);
    expect(errorCodes(evaluate(model, { scores: { '1.1': 10.3 } }))).toEqual(['E_ABOVE_MAX']);
  });
});

describe('comparisons', () => {
  const model = compileOk(fw(`${HUNDRED}  danh hiệu cdht "Công dân học tập" khi tổng điểm từ 80 trở lên
  danh hiệu tren-80 "Trên 80" khi tổng điểm trên 80
  danh hiệu du "Không chỉ số nào dưới 5" khi không có chỉ số nào dưới 5
  danh hiệu nua "Mọi tiêu chí từ một nửa" khi mọi tiêu chí >= 50%
`));

  test('`từ 80 trở lên` is inclusive: 80 passes, 79 fails', () => {
    expect(achieved(evaluate(model, { scores: spread(80) }), 'cdht')).toBe(true);
    expect(achieved(evaluate(model, { scores: spread(79) }), 'cdht')).toBe(false);
  });

  test('`trên 80` is exclusive: 80 fails, 81 passes', () => {
    expect(achieved(evaluate(model, { scores: spread(80) }), 'tren-80')).toBe(false);
    expect(achieved(evaluate(model, { scores: spread(81) }), 'tren-80')).toBe(true);
  });

  test('`không có chỉ số nào dưới 5`: an indicator at 4 fails, at 5 passes', () => {
    const all = (v: number) => Object.fromEntries(IDS.map((id) => [id, v]));
    expect(achieved(evaluate(model, { scores: { ...all(9), '1.3': 4 } }), 'du')).toBe(false);
    expect(achieved(evaluate(model, { scores: { ...all(9), '1.3': 5 } }), 'du')).toBe(true);
    // A missing score is 0, which is below 5.
    const { ['2.5']: _gone, ...rest } = all(9);
    expect(achieved(evaluate(model, { scores: rest }), 'du')).toBe(false);
  });

  test('`mọi tiêu chí >= 50%` compares each criterion with its own max', () => {
    // Criterion 1: 25/50 = 50 %, criterion 2: 30/50.
    const ok = { '1.1': 10, '1.2': 10, '1.3': 5, '2.1': 10, '2.2': 10, '2.3': 10 };
    expect(achieved(evaluate(model, { scores: ok }), 'nua')).toBe(true);
    // Criterion 1: 24/50 = 48 % although the total (54) is above half.
    const low = { '1.1': 10, '1.2': 10, '1.3': 4, '2.1': 10, '2.2': 10, '2.3': 10 };
    expect(evaluate(model, { scores: low }).total).toBe(54);
    expect(achieved(evaluate(model, { scores: low }), 'nua')).toBe(false);
  });

  test('`trên` and `dưới` on single indicators and criteria', () => {
    const m = compileOk(fw(`${HUNDRED}  danh hiệu a "A" khi chỉ số 1.1 trên 5 và tiêu chí 2 dưới 20
`));
    expect(achieved(evaluate(m, { scores: { '1.1': 6, '2.1': 10, '2.2': 9 } }), 'a')).toBe(true);
    expect(achieved(evaluate(m, { scores: { '1.1': 5, '2.1': 10, '2.2': 9 } }), 'a')).toBe(false);
    expect(achieved(evaluate(m, { scores: { '1.1': 6, '2.1': 10, '2.2': 10 } }), 'a')).toBe(false);
  });
});

describe('conditions on what the subject is', () => {
  test('guarded case: `nếu vung là "khó khăn" thì tổng điểm từ 70 trở lên`', () => {
    const model = compileOk(fw(`  thuộc tính vung "Vùng": "phát triển", "khó khăn"
${HUNDRED}  danh hiệu cdht "Công dân học tập"
    khi tổng điểm từ 80 trở lên
    nếu vung là "khó khăn" thì tổng điểm từ 70 trở lên
`));
    const hard: Subject = { attributes: { vung: 'khó khăn' }, scores: spread(70) };
    expect(achieved(evaluate(model, hard), 'cdht')).toBe(true);
    expect(achieved(evaluate(model, { ...hard, scores: spread(69) }), 'cdht')).toBe(false);
    expect(achieved(evaluate(model, { attributes: { vung: 'phát triển' }, scores: spread(70) }), 'cdht')).toBe(false);
    expect(achieved(evaluate(model, { scores: spread(70) }), 'cdht')).toBe(false);
    expect(achieved(evaluate(model, { scores: spread(80) }), 'cdht')).toBe(true);
  });

  test('an attribute value the framework does not know is E_ATTRIBUTE', () => {
    const model = compileOk(fw(`  thuộc tính vung "Vùng": "phát triển", "khó khăn"
${HUNDRED}`));
    expect(errorCodes(evaluate(model, { attributes: { vung: 'miền núi' } }))).toEqual(['E_ATTRIBUTE']);
  });

  test('conditions on the target group (`nhóm là nong-dan`)', () => {
    const model = compileOk(fw(`  nhóm đối tượng nong-dan "Nông dân"
  nhóm đối tượng cong-nhan "Công nhân"
${HUNDRED}  danh hiệu cdht "Công dân học tập"
    khi tổng điểm từ 80 trở lên
    nếu nhóm là nong-dan thì tổng điểm từ 60 trở lên
`));
    expect(achieved(evaluate(model, { group: 'nong-dan', scores: spread(60) }), 'cdht')).toBe(true);
    expect(achieved(evaluate(model, { group: 'cong-nhan', scores: spread(60) }), 'cdht')).toBe(false);
    expect(achieved(evaluate(model, { group: 'cong-nhan', scores: spread(80) }), 'cdht')).toBe(true);
  });

  test('facts from outside: `có sự kiện ttldtt` and `sự kiện ttldtt`', () => {
    const model = compileOk(`bộ tiêu chí dv "Đơn vị"
  đối tượng: đơn vị
  sự kiện ttldtt "Tập thể lao động tiên tiến"
  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 10
  danh hiệu a "A" khi tổng điểm >= 5 và có sự kiện ttldtt
  danh hiệu b "B" khi sự kiện ttldtt
`);
    const withFact = evaluate(model, { scores: { '1.1': 5 }, facts: ['ttldtt'] });
    expect(withFact.titles).toEqual(['A', 'B']);
    // A fact may also be given by its name.
    expect(evaluate(model, { scores: { '1.1': 5 }, facts: ['Tập thể lao động tiên tiến'] }).titles).toEqual(['A', 'B']);
    expect(evaluate(model, { scores: { '1.1': 5 } }).titles).toEqual([]);
    expect(evaluate(model, { scores: { '1.1': 4 }, facts: ['ttldtt'] }).titles).toEqual(['B']);
  });
});

describe('member ratios', () => {
  const unit = (extra = '') => `bộ tiêu chí dv "Đơn vị học tập"
  đối tượng: đơn vị
  sự kiện ttldtt "Tập thể lao động tiên tiến"
${extra}  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 10
  danh hiệu cdht "Công dân học tập" khi tổng điểm >= 10
  danh hiệu dvht "Đơn vị học tập" khi tỉ lệ thành viên đạt cdht = 100%
  danh hiệu hai-phan-ba "Hai phần ba" khi tỉ lệ thành viên đạt "Công dân học tập" >= 66,67%
  danh hiệu gan-hai-phan-ba "Gần hai phần ba" khi tỉ lệ thành viên đạt cdht >= 66,66%
`;
  const members = (yes: number, no: number, missing = 0): Subject[] => [
    ...Array.from({ length: yes }, () => ({ titles: ['cdht'] })),
    ...Array.from({ length: no }, () => ({ titles: [] })),
    ...Array.from({ length: missing }, () => ({})),
  ];

  test('`= 100%`: 99 of 100 fails, 100 of 100 passes', () => {
    const model = compileOk(unit());
    expect(achieved(evaluate(model, { members: members(99, 1) }), 'dvht')).toBe(false);
    expect(achieved(evaluate(model, { members: members(100, 0) }), 'dvht')).toBe(true);
  });

  test('exact arithmetic: 2/3 is below 66,67% and above 66,66%', () => {
    const model = compileOk(unit());
    const r = evaluate(model, { members: members(2, 1) });
    expect(achieved(r, 'hai-phan-ba')).toBe(false);
    expect(achieved(r, 'gan-hai-phan-ba')).toBe(true);
    // 200 of 300 is the same share.
    expect(achieved(evaluate(model, { members: members(200, 100) }), 'hai-phan-ba')).toBe(false);
  });

  test('members may hold titles by name, without diacritics', () => {
    const model = compileOk(unit());
    const r = evaluate(model, { members: [{ titles: ['Công dân học tập'] }, { titles: ['cong dan hoc tap'] }] });
    expect(achieved(r, 'dvht')).toBe(true);
  });

  test('a member counts when any of its titles is the title by id or name, in any case and with or without diacritics; another title does not count', () => {
    const model = compileOk(unit());
    const r = evaluate(model, { members: [{ titles: ['Hai phần ba', 'CÔNG DÂN HỌC TẬP'] }, { titles: ['gan-hai-phan-ba', 'cdht'] }, { titles: ['Cong Dan Hoc Tap'] }] });
    expect(achieved(r, 'dvht')).toBe(true);
    const other = evaluate(model, { members: [{ titles: ['cdht'] }, { titles: ['Công dân học tập tiêu biểu', 'hai-phan-ba'] }, { titles: ['cdht'] }] });
    expect(achieved(other, 'dvht')).toBe(false);
    expect(achieved(other, 'hai-phan-ba')).toBe(false);
    expect(achieved(other, 'gan-hai-phan-ba')).toBe(true);
  });

  test('no members: a ratio does not hold', () => {
    const model = compileOk(unit());
    expect(achieved(evaluate(model, { members: [] }), 'dvht')).toBe(false);
    expect(achieved(evaluate(model, {}), 'dvht')).toBe(false);
  });

  test('missing member data, default (`thiếu dữ liệu: không đạt`): counted in the denominator', () => {
    const dflt = compileOk(unit());
    const fail = compileOk(unit('  thiếu dữ liệu: không đạt\n'));
    expect(dflt.rules.missingData).toBe('fail');
    for (const model of [dflt, fail]) {
      expect(achieved(evaluate(model, { members: members(9, 0, 1) }), 'dvht')).toBe(false);
      // 2 of 3 with one unknown: 2/3.
      expect(achieved(evaluate(model, { members: members(2, 0, 1) }), 'gan-hai-phan-ba')).toBe(true);
      expect(achieved(evaluate(model, { members: members(2, 0, 1) }), 'hai-phan-ba')).toBe(false);
    }
  });

  test('missing member data with `thiếu dữ liệu: bỏ qua`: left out', () => {
    const model = compileOk(unit('  thiếu dữ liệu: bỏ qua\n'));
    expect(achieved(evaluate(model, { members: members(9, 0, 1) }), 'dvht')).toBe(true);
    expect(achieved(evaluate(model, { members: members(9, 1, 5) }), 'dvht')).toBe(false);
    // Nobody with data: no ratio.
    expect(achieved(evaluate(model, { members: members(0, 0, 3) }), 'dvht')).toBe(false);
  });

  test('members with scores are judged by `memberModel`', () => {
    const model = compileOk(unit());
    const r = evaluate(model, { members: [{ scores: { '1.1': 10 } }] }, { memberModel: compileOk(fw(`  tiêu chí 1 "x"
    chỉ số 1.1 "a" tối đa 10
  danh hiệu cdht "Công dân học tập" khi tổng điểm >= 10
`)) });
    expect(achieved(r, 'dvht')).toBe(true);
  });

  test('member titles from `memberModel` match by id even when the unit framework does not declare them', () => {
    const unitModel = compileOk(`bộ tiêu chí dv "Đơn vị"
  đối tượng: đơn vị
  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 10
  danh hiệu dvht "Đơn vị học tập" khi tỉ lệ thành viên đạt cdht >= 50%
  danh hiệu dvht2 "Đơn vị học tập (theo tên)" khi tỉ lệ thành viên đạt "Công dân học tập" >= 50%
`);
    const citizen = compileOk(fw(`  tiêu chí 1 "x"
    chỉ số 1.1 "a" tối đa 10
  danh hiệu cdht "Công dân học tập" khi tổng điểm >= 8
`));
    const members: Subject[] = [{ scores: { '1.1': 9 } }, { scores: { '1.1': 3 } }, { scores: { '1.1': 99 } }];
    // The third member's scores are invalid: missing data, counted as not achieved by default.
    const r = evaluate(unitModel, { members: members.slice(0, 2) }, { memberModel: citizen });
    expect(r.titles).toEqual(['Đơn vị học tập', 'Đơn vị học tập (theo tên)']);
    expect(evaluate(unitModel, { members }, { memberModel: citizen }).titles).toEqual([]);
  });

  test('`đo tỉ lệ thành viên có sự kiện X` with bands', () => {
    const model = compileOk(`bộ tiêu chí dh "Dòng họ"
  đối tượng: dòng họ
  sự kiện gdht "Gia đình học tập"
  tiêu chí 1 "Gia đình"
    chỉ số 1.1 "Tỉ lệ gia đình học tập" đo tỉ lệ thành viên có sự kiện gdht
      mức >= 80% thì 10
      mức >= 50% thì 5
`);
    expect(model.indicators[0]!.max).toBe(10);
    const fam = (yes: number, no: number): Subject[] => [
      ...Array.from({ length: yes }, () => ({ facts: ['gdht'] })),
      ...Array.from({ length: no }, () => ({ facts: [] })),
    ];
    expect(evaluate(model, { members: fam(8, 2) }).total).toBe(10);
    expect(evaluate(model, { members: fam(79, 21) }).total).toBe(5);
    expect(evaluate(model, { members: fam(5, 5) }).total).toBe(5);
    expect(evaluate(model, { members: fam(49, 51) }).total).toBe(0);
    expect(evaluate(model, { members: [] }).total).toBe(0);
  });

  test('`đo tỉ lệ thành viên` without bands: proportional, floored to the step', () => {
    const model = compileOk(`bộ tiêu chí dh "Dòng họ"
  đối tượng: dòng họ
  sự kiện gdht "Gia đình học tập"
  tiêu chí 1 "Gia đình"
    chỉ số 1.1 "Theo tỉ lệ" đo tỉ lệ thành viên có sự kiện gdht tối đa 10
    chỉ số 1.2 "Theo tỉ lệ, nửa điểm" đo tỉ lệ thành viên có sự kiện gdht tối đa 10 bước 0,5
`);
    const fam = (yes: number, no: number): Subject[] => [
      ...Array.from({ length: yes }, () => ({ facts: ['gdht'] })),
      ...Array.from({ length: no }, () => ({ facts: [] })),
    ];
    // 7/9 of 10 = 7,78 → 7 (step 1) and 7,5 (step 0,5).
    const r = evaluate(model, { members: fam(7, 2) });
    expect(points(r, '1.1')).toBe(7);
    expect(points(r, '1.2')).toBe(7.5);
    // 2/3 of 10 = 6,67 → 6 and 6,5; all → 10.
    expect(points(evaluate(model, { members: fam(2, 1) }), '1.2')).toBe(6.5);
    expect(evaluate(model, { members: fam(3, 0) }).total).toBe(20);
  });

  test('proportional points carry no floating-point noise (`bước 0,1`)', () => {
    const model = compileOk(`bộ tiêu chí dh "Dòng họ"
  đối tượng: dòng họ
  sự kiện gdht "Gia đình học tập"
  tiêu chí 1 "Gia đình"
    chỉ số 1.1 "Theo tỉ lệ" đo tỉ lệ thành viên có sự kiện gdht tối đa 1 bước 0,1
`);
    // 1/3 of 1 point = 0,33 → 0,3 exactly, not 0,30000000000000004.
    const r = evaluate(model, { members: [{ facts: ['gdht'] }, { facts: [] }, { facts: [] }] });
    expect(points(r, '1.1')).toBe(0.3);
    expect(r.criteria[0]!.points).toBe(0.3);
  });
});

describe('more conditions', () => {
  const model = compileOk(`bộ tiêu chí dv "Đơn vị"
  đối tượng: đơn vị
  sự kiện ttldtt "Tập thể lao động tiên tiến"
  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 10
    chỉ số 1.2 "b" tối đa 10
  tiêu chí 2 "Khác"
    chỉ số 2.1 "c" tối đa 10
  danh hiệu cdht "Công dân học tập" khi tổng điểm >= 10
  danh hiệu tb "Tiêu biểu" khi "Công dân học tập" đạt 3 năm liền
  danh hiệu x "X" khi (tiêu chí 1 >= 50% hoặc sự kiện ttldtt) và không chỉ số 2.1 < 5
  danh hiệu y "Y" khi số thành viên đạt cdht >= 3
`);

  test('`"Tên" đạt N năm liền`, with history by id or by name', () => {
    const r = evaluate(model, { scores: { '1.1': 10 }, year: 2023, history: { '2021': ['Công dân học tập'], '2022': ['cdht'] } });
    expect(achieved(r, 'tb')).toBe(true);
    expect(achieved(evaluate(model, { scores: { '1.1': 10 }, year: 2023, history: { '2022': ['cdht'] } }), 'tb')).toBe(false);
  });

  test('`hoặc`, `và`, `không` and parentheses; a criterion as a percentage of its max', () => {
    // Criterion 1: 10/20 = 50 %.
    expect(achieved(evaluate(model, { scores: { '1.1': 10, '2.1': 5 } }), 'x')).toBe(true);
    expect(achieved(evaluate(model, { scores: { '1.1': 9, '2.1': 5 } }), 'x')).toBe(false);
    expect(achieved(evaluate(model, { scores: { '1.1': 9, '2.1': 5 }, facts: ['ttldtt'] }), 'x')).toBe(true);
    expect(achieved(evaluate(model, { scores: { '1.1': 10, '2.1': 4 } }), 'x')).toBe(false);
  });

  test('`số thành viên` counts members', () => {
    expect(achieved(evaluate(model, { members: [{ titles: ['cdht'] }, { titles: ['cdht'] }, { titles: ['Công dân học tập'] }] }), 'y')).toBe(true);
    expect(achieved(evaluate(model, { members: [{ titles: ['cdht'] }, { titles: ['cdht'] }, { titles: [] }] }), 'y')).toBe(false);
  });
});

describe('thresholds as a share of the maximum (`%`)', () => {
  const model = compileOk(fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 10
    chỉ số 1.2 "b" tối đa 4
  danh hiệu tong-75 "Tổng" khi tổng điểm >= 75%
  danh hiệu moi "Mọi chỉ số" khi mọi chỉ số >= 50%
  danh hiệu duoi-50 "Không chỉ số nào dưới một nửa" khi không có chỉ số nào dưới 50%
  danh hiệu mot "Chỉ số 1.2" khi chỉ số 1.2 >= 50%
`));

  test('`tổng điểm >= 75%` is 75 % of the maximum, not 75 points', () => {
    // 10/14 = 71,4 %, 11/14 = 78,6 %: far below 75 points either way.
    expect(achieved(evaluate(model, { scores: { '1.1': 7, '1.2': 3 } }), 'tong-75')).toBe(false);
    expect(achieved(evaluate(model, { scores: { '1.1': 8, '1.2': 3 } }), 'tong-75')).toBe(true);
    const m = compileOk(fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 10
    chỉ số 1.2 "b" tối đa 10
  danh hiệu tong-75 "Tổng" khi tổng điểm >= 75%
`));
    expect(achieved(evaluate(m, { scores: { '1.1': 10, '1.2': 5 } }), 'tong-75')).toBe(true);
    expect(achieved(evaluate(m, { scores: { '1.1': 10, '1.2': 4 } }), 'tong-75')).toBe(false);
    const e = evaluate(m, { scores: { '1.1': 10, '1.2': 4 } }, { explain: true }).titleResults[0]!.explanation!;
    expect(e.children![0]!.text).toBe('tổng điểm 14/20 = 70% < 75% (thiếu 1 điểm)');
  });

  test('`mọi chỉ số >= 50%` and `không có chỉ số nào dưới 50%` use each indicator’s own maximum', () => {
    const r = evaluate(model, { scores: { '1.1': 5, '1.2': 2 } });
    expect([achieved(r, 'moi'), achieved(r, 'duoi-50'), achieved(r, 'mot')]).toEqual([true, true, true]);
    const low = evaluate(model, { scores: { '1.1': 10, '1.2': 1 } }, { explain: true });
    expect([achieved(low, 'moi'), achieved(low, 'duoi-50'), achieved(low, 'mot')]).toEqual([false, false, false]);
    const text = low.titleResults.find((t) => t.id === 'moi')!.explanation!.children![0]!.text;
    expect(text).toBe('chỉ số 1.2 = 1/4 < 50%');
  });

  test('a share above 100 % is unreachable', () => {
    expect(() => compileOk(fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 10
  danh hiệu tong-75 "Tổng" khi tổng điểm >= 110%
`))).toThrow(/TC2030/);
    expect(() => compileOk(fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 10
  danh hiệu moi "Mọi" khi mọi chỉ số >= 110%
`))).toThrow(/TC2031/);
  });
});

describe('kinds of indicator', () => {
  test('`đo "%"` maps a measured value to points by bands', () => {
    const model = compileOk(fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tỉ lệ con em đi học" đo "%"
      mức >= 80% thì 10
      mức >= 50% thì 5
`));
    expect(model.indicators[0]!.max).toBe(10);
    expect(evaluate(model, { scores: { '1.1': 95 } }).total).toBe(10);
    expect(evaluate(model, { scores: { '1.1': 80 } }).total).toBe(10);
    expect(evaluate(model, { scores: { '1.1': 79.9 } }).total).toBe(5);
    expect(evaluate(model, { scores: { '1.1': 50 } }).total).toBe(5);
    expect(evaluate(model, { scores: { '1.1': 49 } }).total).toBe(0);
  });

  test('`dạng đạt`: true → max, false → 0, 3 → E_YES_NO', () => {
    const model = compileOk(fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Có việc làm ổn định" dạng đạt tối đa 5
`));
    expect(evaluate(model, { scores: { '1.1': true } }).total).toBe(5);
    expect(evaluate(model, { scores: { '1.1': false } }).total).toBe(0);
    const bad = evaluate(model, { scores: { '1.1': 3 } });
    expect(errorCodes(bad)).toEqual(['E_YES_NO']);
    expectVietnamese(bad.errors![0]!.message);
  });
});

describe('titles over years and between titles', () => {
  const model = compileOk(fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 10
  danh hiệu cdht "Công dân học tập" khi tổng điểm >= 8
  danh hiệu tieu-bieu "Công dân học tập tiêu biểu" khi đạt cdht 5 năm liền
`));
  const good = { scores: { '1.1': 9 }, year: 2023 };
  const history = (...years: number[]) => Object.fromEntries(years.map((y) => [String(y), ['cdht']]));

  test('4 years of history + this year passes', () => {
    const r = evaluate(model, { ...good, history: history(2019, 2020, 2021, 2022) });
    expect(r.titles).toEqual(['Công dân học tập', 'Công dân học tập tiêu biểu']);
  });

  test('3 years of history + this year fails', () => {
    expect(achieved(evaluate(model, { ...good, history: history(2020, 2021, 2022) }), 'tieu-bieu')).toBe(false);
  });

  test('a gap fails', () => {
    expect(achieved(evaluate(model, { ...good, history: history(2018, 2019, 2020, 2022) }), 'tieu-bieu')).toBe(false);
  });

  test('not achieved this year fails', () => {
    const r = evaluate(model, { scores: { '1.1': 7 }, year: 2023, history: history(2018, 2019, 2020, 2021, 2022) });
    expect(r.titles).toEqual([]);
  });

  test('history may name the title instead of its id; the year may come from the options', () => {
    const h = Object.fromEntries([2019, 2020, 2021, 2022].map((y) => [String(y), ['Công dân học tập']]));
    expect(achieved(evaluate(model, { scores: { '1.1': 9 }, history: h }, { year: 2023 }), 'tieu-bieu')).toBe(true);
    // Without a year the history cannot be placed.
    expect(achieved(evaluate(model, { scores: { '1.1': 9 }, history: h }), 'tieu-bieu')).toBe(false);
  });

  test('titles depending on titles of the same year are evaluated in dependency order', () => {
    // Declared in reverse: the family title first, the titles it needs after.
    const m = compileOk(fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 10
  danh hiệu xuat-sac "Xuất sắc" khi đạt kha và tổng điểm >= 10
  danh hiệu kha "Khá" khi đạt dat-yc và tổng điểm >= 8
  danh hiệu dat-yc "Đạt" khi tổng điểm >= 5
`));
    expect(m.titles.map((t) => t.id)).toEqual(['dat-yc', 'kha', 'xuat-sac']);
    expect(evaluate(m, { scores: { '1.1': 10 } }).titles).toEqual(['Đạt', 'Khá', 'Xuất sắc']);
    expect(evaluate(m, { scores: { '1.1': 8 } }).titles).toEqual(['Đạt', 'Khá']);
    expect(evaluate(m, { scores: { '1.1': 4 } }).titles).toEqual([]);
  });

  test('`không đạt X` holds when X is not achieved', () => {
    const m = compileOk(fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 10
  danh hiệu can-co-gang "Cần cố gắng" khi không đạt dat-yc
  danh hiệu dat-yc "Đạt" khi tổng điểm >= 5
`));
    expect(evaluate(m, { scores: { '1.1': 4 } }).titles).toEqual(['Cần cố gắng']);
    expect(evaluate(m, { scores: { '1.1': 5 } }).titles).toEqual(['Đạt']);
  });
});

describe('grading levels', () => {
  const model = compileOk(fw(`${HUNDRED}  xếp loại
    "Tốt" khi tổng điểm từ 85 trở lên
    "Khá" khi tổng điểm từ 70 trở lên
    "Trung bình" khi tổng điểm từ 50 trở lên
    "Không đạt" còn lại
`));
  test.each([
    [100, 'Tốt'],
    [85, 'Tốt'],
    [84, 'Khá'],
    [70, 'Khá'],
    [69, 'Trung bình'],
    [50, 'Trung bình'],
    [49, 'Không đạt'],
    [0, 'Không đạt'],
  ])('%d points → %s (first match)', (total, level) => {
    expect(evaluate(model, { scores: spread(total) }).level).toBe(level);
  });

  test('no level when nothing matches and there is no `còn lại`', () => {
    const m = compileOk(fw(`${HUNDRED}  xếp loại
    "Tốt" khi tổng điểm từ 85 trở lên
`));
    expect(evaluate(m, { scores: spread(10) }).level).toBeUndefined();
  });
});

describe('target groups', () => {
  const text = fw(`  nhóm đối tượng nong-dan "Nông dân"
  nhóm đối tượng cong-chuc "Công chức"
  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tham gia học tập cộng đồng" tối đa 10
      riêng cong-chuc "Tham gia bồi dưỡng chuyên môn" tối đa 6
    chỉ số 1.2 "Ứng dụng tiến bộ kỹ thuật vào sản xuất" tối đa 5 chỉ cho nong-dan
    chỉ số 1.3 "Sử dụng công nghệ thông tin trong công việc" tối đa 9 chỉ cho cong-chuc
  danh hiệu cdht "Công dân học tập" khi tổng điểm từ 12 trở lên
`);
  let model: Model;
  test('compiles, with the widest group as the framework max', () => {
    model = compileOk(text);
    expect(model.max).toBe(15);
  });

  test('totals per group differ', () => {
    const nd = evaluate(model, { group: 'nong-dan', scores: { '1.1': 10, '1.2': 5 } });
    expect(nd.errors).toBeUndefined();
    expect(nd.total).toBe(15);
    expect(nd.max).toBe(15);
    expect(nd.indicators.map((i) => i.id)).toEqual(['1.1', '1.2']);
    const cc = evaluate(model, { group: 'cong-chuc', scores: { '1.1': 6, '1.3': 9 } });
    expect(cc.errors).toBeUndefined();
    expect(cc.total).toBe(15);
    expect(cc.max).toBe(15);
    expect(cc.indicators).toEqual([
      { id: '1.1', points: 6, max: 6 },
      { id: '1.3', points: 9, max: 9 },
    ]);
    expect(evaluate(model, { group: 'cong-chuc', scores: { '1.1': 6, '1.3': 5 } }).titles).toEqual([]);
    expect(evaluate(model, { group: 'nong-dan', scores: { '1.1': 10, '1.2': 2 } }).titles).toEqual(['Công dân học tập']);
  });

  test('the variant max applies to its group', () => {
    expect(errorCodes(evaluate(model, { group: 'cong-chuc', scores: { '1.1': 7 } }))).toEqual(['E_ABOVE_MAX']);
    expect(errorCodes(evaluate(model, { group: 'nong-dan', scores: { '1.1': 7 } }))).toEqual([]);
  });

  test('a score for an indicator of another group is E_NOT_APPLICABLE', () => {
    expect(errorCodes(evaluate(model, { group: 'nong-dan', scores: { '1.3': 9 } }))).toEqual(['E_NOT_APPLICABLE']);
  });

  test('a subject without group when groups matter is E_GROUP', () => {
    const r = evaluate(model, { scores: { '1.1': 10 } });
    expect(errorCodes(r)).toEqual(['E_GROUP']);
    expect(r.errors![0]!.message).toContain('nong-dan');
  });

  test('an unknown group is E_GROUP with a suggestion', () => {
    const r = evaluate(model, { group: 'nong-dam', scores: { '1.1': 10 } });
    expect(errorCodes(r)).toEqual(['E_GROUP']);
    expect(r.errors![0]!.message).toContain('ý bạn là "nong-dan"');
  });
});

describe('`làm tròn 0,5` gives half points without a `bước`', () => {
  test('3,3 rounds to 3,5 and is accepted', () => {
    const m = compileOk(fw(`  làm tròn 0,5\n  tiêu chí 1 "A"\n    chỉ số 1.1 "a" tối đa 10\n`));
    const r = evaluate(m, { scores: { '1.1': 3.3 } });
    expect(r.errors).toBeUndefined();
    expect(r.total).toBe(3.5);
  });
});
