/** Worked examples (ví dụ): every kind of expectation, passing and failing (TC3001). */
import { describe, expect, test } from 'vitest';
import { exampleDiagnostics, exampleSubject, runExamples, type ExampleResult } from '../src/index.js';
import { at, compileOk, expectVietnamese, fw } from './helpers.js';

const HEAD = `bộ tiêu chí vd "Ví dụ"
  đối tượng: công dân
  nhóm đối tượng nong-dan "Nông dân"
  thuộc tính vung "Vùng": "phát triển", "khó khăn"
  sự kiện dang-vien "Đảng viên"
  tiêu chí 1 "Học tập" tổng 10
    chỉ số 1.1 "Tự học" tối đa 6 cần minh chứng
    chỉ số 1.2 "Đọc sách" tối đa 4
  tiêu chí 2 "Gia đình" tổng 10
    chỉ số 2.1 "Chăm sóc" tối đa 10
  danh hiệu cdht "Công dân học tập"
    khi tổng điểm từ 15 trở lên
    nếu vung là "khó khăn" thì tổng điểm từ 12 trở lên
  danh hiệu tieu-bieu "Công dân học tập tiêu biểu" khi đạt cdht 3 năm liền và có sự kiện dang-vien
  xếp loại
    "Tốt" khi tổng điểm từ 18 trở lên
    "Khá" khi tổng điểm từ 15 trở lên
    "Chưa đạt" còn lại
  chỉ tiêu cdht năm 2024: 60%
`;

const PASSING = `${HEAD}  ví dụ "tổng, tiêu chí, chỉ số"
    điểm 1.1 = 6, 1.2 = 4, 2.1 = 8
    minh chứng 1.1
    mong đợi tổng 18, tiêu chí 1 = 10, tiêu chí 2 = 8, chỉ số 1.1 = 6, chỉ số 2.1 = 8
  ví dụ "không có minh chứng thì 0 điểm"
    điểm 1.1 = 6, 1.2 = 4, 2.1 = 8
    không minh chứng 1.1
    mong đợi tổng 12, chỉ số 1.1 = 0, không đạt cdht, xếp loại "Chưa đạt"
  ví dụ "đạt và xếp loại"
    điểm 1.1 = 6, 1.2 = 4, 2.1 = 10
    minh chứng 1.1
    mong đợi đạt cdht, đạt "Công dân học tập", không đạt tieu-bieu, xếp loại "Tốt"
  ví dụ "vùng khó khăn"
    vung là "khó khăn"
    điểm 1.2 = 4, 2.1 = 8
    mong đợi đạt cdht, xếp loại "Chưa đạt"
  ví dụ "tiêu biểu sau 3 năm liền"
    năm 2024
    nhóm nong-dan
    có sự kiện dang-vien
    lịch sử 2022: cdht; 2023: "Công dân học tập"
    điểm 1.1 = 6, 1.2 = 4, 2.1 = 10
    minh chứng 1.1
    mong đợi đạt tieu-bieu
  ví dụ "chỉ tiêu"
    thành viên 60 đạt cdht
    thành viên 40 không đạt cdht
    mong đợi chỉ tiêu cdht năm 2024 đạt
  ví dụ "chỉ tiêu chưa đạt"
    thành viên 59 đạt cdht
    thành viên 40 không đạt cdht
    thành viên 1 thiếu dữ liệu
    mong đợi chỉ tiêu cdht năm 2024 không đạt
  ví dụ "điểm vượt tối đa là lỗi"
    điểm 1.2 = 5
    mong đợi lỗi
`;

describe('passing examples', () => {
  const model = compileOk(PASSING);
  const results = runExamples(model);

  test('every expectation kind holds', () => {
    expect(results.map((r) => [r.name, r.passed, r.failures])).toEqual(results.map((r) => [r.name, true, []]));
    expect(results).toHaveLength(8);
    expect(exampleDiagnostics(results)).toEqual([]);
  });

  test('the subject an example describes', () => {
    const ex = model.examples.find((e) => e.name.value === 'tiêu biểu sau 3 năm liền')!;
    expect(exampleSubject(ex).subject).toEqual({
      id: 'tiêu biểu sau 3 năm liền',
      year: 2024,
      group: 'nong-dan',
      scores: { '1.1': 6, '1.2': 4, '2.1': 10 },
      evidence: { '1.1': true },
      facts: ['dang-vien'],
      history: { '2022': ['cdht'], '2023': ['Công dân học tập'] },
    });
    const members = exampleSubject(model.examples.find((e) => e.name.value === 'chỉ tiêu chưa đạt')!).subject.members!;
    expect(members).toHaveLength(100);
    expect(members.filter((m) => m.titles?.includes('cdht'))).toHaveLength(59);
    expect(members.filter((m) => m.titles === undefined)).toHaveLength(1);
  });
});

describe('failing examples give TC3001 at the expectation, with expected and actual', () => {
  const FAILING = `${HEAD}  ví dụ "sai"
    điểm 1.1 = 6, 1.2 = 4, 2.1 = 8
    minh chứng 1.1
    mong đợi tổng 17, tiêu chí 1 = 9, chỉ số 2.1 = 7, không đạt cdht, đạt tieu-bieu, xếp loại "Khá", chỉ tiêu cdht năm 2024 đạt, lỗi
  ví dụ "lỗi bất ngờ"
    điểm 1.2 = 5
    mong đợi tổng 0
`;
  const model = compileOk(FAILING, { file: 'vd.tieuchi' });
  const results = runExamples(model);
  const [wrong, unexpected] = results as [ExampleResult, ExampleResult];
  const diags = exampleDiagnostics(results, 'vd.tieuchi');

  test('nothing passes', () => {
    expect(wrong.passed).toBe(false);
    expect(unexpected.passed).toBe(false);
    expect(diags.every((d) => d.code === 'TC3001' && d.severity === 'error' && d.file === 'vd.tieuchi')).toBe(true);
    expect(diags).toHaveLength(9);
  });

  // [the expectation as written, the expected text, the actual text]
  const cases: [string, string, string][] = [
    ['tổng 17', 'mong đợi tổng 17', 'tính được tổng 18'],
    ['tiêu chí 1 = 9', 'mong đợi tiêu chí 1 = 9', 'tính được 10'],
    ['chỉ số 2.1 = 7', 'mong đợi chỉ số 2.1 = 7', 'tính được 8'],
    ['không đạt cdht', 'mong đợi không đạt "Công dân học tập"', 'tính được đạt'],
    ['đạt tieu-bieu', 'mong đợi đạt "Công dân học tập tiêu biểu"', 'tính được không đạt'],
    ['xếp loại "Khá"', 'mong đợi xếp loại "Khá"', 'tính được "Tốt"'],
    ['chỉ tiêu cdht năm 2024 đạt', 'mong đợi chỉ tiêu đạt', 'tính được Năm 2024: 0/0'],
    ['lỗi\n', 'mong đợi lỗi dữ liệu', 'tính được chấm được, tổng 18'],
  ];

  test.each(cases)('`%s`', (written, expected, actual) => {
    const pos = at(FAILING, written);
    const d = diags.find((x) => x.range.start.line === pos.line && x.range.start.column === pos.column);
    expect(d, `no TC3001 at ${pos.line}:${pos.column}`).toBeDefined();
    expect(d!.message).toContain('Ví dụ "sai"');
    expect(d!.message).toContain(expected);
    expect(d!.message).toContain(actual);
    expectVietnamese(d!.message);
  });

  test('a failing title expectation says why', () => {
    const d = diags.find((x) => x.message.includes('tiêu biểu'))!;
    expect(d.message).toContain('mới đạt "Công dân học tập" 1 năm liền');
  });

  test('a data error nobody expected is reported at the example name', () => {
    const d = diags.find((x) => x.message.includes('lỗi bất ngờ'))!;
    expect({ line: d.range.start.line, column: d.range.start.column }).toEqual(at(FAILING, '"lỗi bất ngờ"'));
    expect(d.message).toContain('mong đợi chấm được điểm');
    expect(d.message).toContain('vượt tối đa');
  });

  test('an expectation about a title the framework does not have', () => {
    // The checker does not look into expectations, so the example runner says so.
    const m = compileOk(`${HEAD}  ví dụ "không có danh hiệu"
    mong đợi đạt "Gia đình học tập"
`);
    const [r] = runExamples(m);
    expect(r!.failures.map((f) => f.actual)).toEqual(['bộ tiêu chí không có danh hiệu này']);
  });
});

test('an example about targets alone need not be a subject that can be scored', () => {
  // Groups matter for scoring here, but a population example names no group.
  const m = compileOk(`bộ tiêu chí xa "Xã"
  đối tượng: công dân
  nhóm đối tượng nong-dan "Nông dân"
  nhóm đối tượng cong-nhan "Công nhân"
  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 10 chỉ cho nong-dan
    chỉ số 1.2 "b" tối đa 10
  danh hiệu cdht "Công dân học tập" khi tổng điểm >= 5
  chỉ tiêu cdht năm 2023: 60%
  ví dụ "chỉ tiêu"
    thành viên 60 đạt cdht
    thành viên 40 không đạt cdht
    mong đợi chỉ tiêu cdht năm 2023 đạt
  ví dụ "chấm điểm cần nhóm"
    điểm 1.2 = 5
    mong đợi tổng 5
`);
  const [targetOnly, scored] = runExamples(m);
  expect(targetOnly!.passed).toBe(true);
  expect(scored!.passed).toBe(false);
  expect(scored!.failures[0]!.actual).toContain('Cần cho biết nhóm đối tượng');
});

describe('targets in worked examples: facts, a growing target from its base year, dropping inherited targets', () => {
  const text = fw(`  sự kiện kns "Có kỹ năng số"
  sự kiện khac "Sự kiện khác"
  tiêu chí 1 "A"
    chỉ số 1.1 "a" tối đa 10
  danh hiệu cdht "Công dân học tập" khi tổng điểm từ 5 trở lên
  chỉ tiêu sự kiện kns năm 2025: 75% trong số đạt cdht
  chỉ tiêu cdht mỗi năm tăng 2,5%
  ví dụ "75 trên 100 người đạt có kỹ năng số: đủ"
    thành viên 75 đạt cdht và có sự kiện kns
    thành viên 25 đạt cdht và có sự kiện khac
    mong đợi chỉ tiêu sự kiện kns năm 2025 đạt
  ví dụ "74 trên 100: thiếu một"
    thành viên 74 đạt cdht và có sự kiện kns
    thành viên 26 đạt cdht và có sự kiện khac
    mong đợi chỉ tiêu sự kiện kns năm 2025 không đạt
  ví dụ "năm gốc 20%, năm thứ hai cần 25%"
    năm gốc 2022: 20%
    thành viên 25 đạt cdht
    thành viên 75 không đạt cdht
    mong đợi chỉ tiêu cdht năm 2024 đạt
  ví dụ "24% thì chưa đủ"
    năm gốc 2022: 20%
    thành viên 24 đạt cdht
    thành viên 76 không đạt cdht
    mong đợi chỉ tiêu cdht năm 2024 không đạt
`);

  test('fact targets among holders and growing targets are checked exactly at the boundary', () => {
    const m = compileOk(text);
    const results = runExamples(m);
    expect(results.map((r) => [r.name, r.passed, r.failures.map((f) => f.actual)])).toEqual(results.map((r) => [r.name, true, []]));
  });

  test('`bỏ qua chỉ tiêu` drops the targets a derived framework inherits', () => {
    const base = compileOk(fw(`  tiêu chí 1 "A"
    chỉ số 1.1 "a" tối đa 10
  danh hiệu cdht "C" khi tổng điểm từ 5 trở lên
  chỉ tiêu cdht năm 2025: 60%
`, 'goc'));
    const derived = compileOk(`bộ tiêu chí con "Con"\n  dựa trên: goc\n  bỏ qua chỉ tiêu\n  chỉ tiêu cdht năm 2025: 80%\n`, { resolve: (id) => (id === 'goc' ? base : undefined) });
    expect(base.targets.map((t) => t.share)).toEqual([60]);
    expect(derived.targets.map((t) => t.share)).toEqual([80]);
  });
});
