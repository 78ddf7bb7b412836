/** Explanations: every title says which conditions held and which failed, with the numbers. */
import { describe, expect, test } from 'vitest';
import { evaluate, explanationText, type Explanation, type EvaluationResult, type Subject } from '../src/index.js';
import { compileOk, fw } from './helpers.js';

/** Every line of an explanation tree, flattened. */
function lines(e: Explanation | undefined): Explanation[] {
  if (!e) return [];
  return [e, ...(e.children ?? []).flatMap(lines)];
}
const titleExplanation = (r: EvaluationResult, id: string) => r.titleResults.find((t) => t.id === id)?.explanation;
const texts = (e: Explanation | undefined) => lines(e).map((l) => l.text);

const model = compileOk(fw(`  tiêu chí 5 "Ngoại ngữ, tin học"
    chỉ số 5.1 "Ngoại ngữ" tối đa 10
    chỉ số 5.2 "Tin học" tối đa 10
  tiêu chí 6 "Sáng tạo"
    chỉ số 6.1 "a" tối đa 40
    chỉ số 6.2 "b" tối đa 40
  danh hiệu cdht "Công dân học tập" khi tổng điểm từ 80 trở lên và không có chỉ số nào dưới 5
  danh hiệu tieu-bieu "Công dân học tập tiêu biểu" khi đạt cdht 5 năm liền
`));

describe('a failing title', () => {
  // 4 + 10 + 32 + 32 = 78.
  const r = evaluate(model, { id: 'Nguyễn Văn A', year: 2023, scores: { '5.1': 4, '5.2': 10, '6.1': 32, '6.2': 32 } }, { explain: true });
  const e = titleExplanation(r, 'cdht');

  test('is not achieved, and says so', () => {
    expect(r.total).toBe(78);
    expect(e?.ok).toBe(false);
    expect(e?.text).toBe('Chưa đạt danh hiệu "Công dân học tập"');
  });

  test('shows the total against the threshold and what is missing', () => {
    const total = lines(e).find((l) => l.text.includes('tổng điểm'));
    expect(total?.ok).toBe(false);
    expect(total?.text).toContain('tổng điểm 78 < 80');
    expect(total?.text).toContain('thiếu 2 điểm');
  });

  test('lists the indicator below the minimum', () => {
    const below = lines(e).find((l) => l.text.includes('chỉ số 5.1'));
    expect(below?.ok).toBe(false);
    expect(below?.text).toContain('chỉ số 5.1 = 4 < 5');
    // Only the failing indicator is listed.
    expect(below?.text).not.toContain('5.2');
  });

  test('the whole result explains the scores as well', () => {
    const all = texts(r.explanation);
    expect(all[0]).toBe('Nguyễn Văn A: tổng điểm 78/100');
    expect(all).toContain('Tiêu chí 5: 14/20 điểm');
    expect(all).toContain('Chỉ số 5.1: 4/10');
  });
});

test('a title that holds lists the conditions that held', () => {
  const r = evaluate(model, { scores: { '5.1': 5, '5.2': 10, '6.1': 40, '6.2': 40 } }, { explain: true });
  const e = titleExplanation(r, 'cdht')!;
  expect(e.ok).toBe(true);
  expect(e.text).toBe('Đạt danh hiệu "Công dân học tập"');
  expect(e.children?.map((c) => [c.text, c.ok])).toEqual([
    ['tổng điểm 95 ≥ 80', true],
    ['không có chỉ số nào dưới 5', true],
  ]);
});

test('consecutive years: how many years, and how many are needed', () => {
  const history = (...ys: number[]) => Object.fromEntries(ys.map((y) => [String(y), ['cdht']]));
  const full = { '5.1': 10, '5.2': 10, '6.1': 40, '6.2': 40 };
  const short = evaluate(model, { year: 2023, scores: full, history: history(2021, 2022) }, { explain: true });
  const s = lines(titleExplanation(short, 'tieu-bieu')).find((l) => l.text.includes('năm liền'));
  expect(s?.ok).toBe(false);
  expect(s?.text).toBe('mới đạt "Công dân học tập" 3 năm liền (2021–2023), cần 5');

  const ok = evaluate(model, { year: 2023, scores: full, history: history(2019, 2020, 2021, 2022) }, { explain: true });
  const o = lines(titleExplanation(ok, 'tieu-bieu')).find((l) => l.text.includes('năm liền'));
  expect(o?.ok).toBe(true);
  expect(o?.text).toBe('đạt "Công dân học tập" 5 năm liền (2019–2023)');
});

describe('member ratios', () => {
  const unit = compileOk(`bộ tiêu chí dv "Đơn vị"
  đối tượng: đơn vị
  sự kiện ttldtt "Tập thể lao động tiên tiến"
  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 10
  danh hiệu cdht "Công dân học tập" khi tổng điểm >= 10
  danh hiệu dvht "Đơn vị học tập" khi tỉ lệ thành viên đạt cdht = 100% và sự kiện ttldtt
`);
  const members = (yes: number, no: number, missing = 0): Subject[] => [
    ...Array.from({ length: yes }, () => ({ titles: ['cdht'] })),
    ...Array.from({ length: no }, () => ({ titles: [] as string[] })),
    ...Array.from({ length: missing }, () => ({})),
  ];

  test('shows "9/10 = 90%"', () => {
    const r = evaluate(unit, { members: members(9, 1), facts: ['ttldtt'] }, { explain: true });
    const e = titleExplanation(r, 'dvht');
    expect(e?.ok).toBe(false);
    const ratio = lines(e).find((l) => l.text.startsWith('tỉ lệ thành viên'));
    expect(ratio?.ok).toBe(false);
    expect(ratio?.text).toContain('9/10 = 90%');
    expect(ratio?.text).toBe('tỉ lệ thành viên đạt "Công dân học tập" = 9/10 = 90% ≠ 100%');
    const fact = lines(e).find((l) => l.text.includes('Tập thể lao động tiên tiến'));
    expect(fact).toEqual({ text: 'có "Tập thể lao động tiên tiến"', ok: true });
  });

  test('says how members with missing data were counted', () => {
    const r = evaluate(unit, { members: members(9, 0, 1) }, { explain: true });
    const ratio = lines(titleExplanation(r, 'dvht')).find((l) => l.text.startsWith('tỉ lệ thành viên'));
    expect(ratio?.text).toContain('9/10 = 90%');
    expect(ratio?.text).toContain('1 thành viên thiếu dữ liệu, tính là không đạt');
    const fact = lines(titleExplanation(r, 'dvht')).find((l) => l.text.includes('Tập thể lao động tiên tiến'));
    expect(fact).toEqual({ text: 'chưa có "Tập thể lao động tiên tiến"', ok: false });
  });
});

test('indicator notes explain why points differ from the input', () => {
  const m = compileOk(fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 10 cần minh chứng
    chỉ số 1.2 "b" tối đa 10
    chỉ số 1.3 "c" đo "%"
      mức >= 80% thì 10
  điểm sàn 5
`));
  const r = evaluate(m, { scores: { '1.1': 8, '1.2': 3, '1.3': 85 } }, { explain: true });
  const all = texts(r.explanation);
  expect(all).toContain('Chỉ số 1.1: 0/10 (8 → 0: không có minh chứng)');
  expect(all.find((t) => t.startsWith('Chỉ số 1.2'))).toContain('3 → 5');
  expect(all).toContain('Chỉ số 1.3: 10/10 (đo được 85 % → 10 điểm)');
});

test('guarded cases say which case applied', () => {
  const m = compileOk(fw(`  thuộc tính vung "Vùng": "phát triển", "khó khăn"
  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 100
  danh hiệu cdht "Công dân học tập"
    khi tổng điểm từ 80 trở lên
    nếu vung là "khó khăn" thì tổng điểm từ 70 trở lên
`));
  const r = evaluate(m, { attributes: { vung: 'khó khăn' }, scores: { '1.1': 72 } }, { explain: true });
  expect(texts(titleExplanation(r, 'cdht'))).toEqual([
    'Đạt danh hiệu "Công dân học tập"',
    'áp dụng trường hợp riêng: Vùng: "khó khăn"',
    'tổng điểm 72 ≥ 70',
  ]);
});

test('grading says which level and why', () => {
  const m = compileOk(fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 100
  xếp loại
    "Tốt" khi tổng điểm từ 85 trở lên
    "Khá" khi tổng điểm từ 70 trở lên
    "Không đạt" còn lại
`));
  const r = evaluate(m, { scores: { '1.1': 72 } }, { explain: true });
  const level = r.explanation!.children!.find((c) => c.text.startsWith('Xếp loại'));
  expect(level).toEqual({ text: 'Xếp loại: Khá', ok: true, children: [{ text: 'tổng điểm 72 ≥ 70', ok: true }] });
});

test('explanationText renders ✓ and ✗, indented', () => {
  const r = evaluate(model, { id: 'A', scores: { '5.1': 4, '5.2': 10, '6.1': 32, '6.2': 32 } }, { explain: true });
  const text = explanationText(titleExplanation(r, 'cdht')!);
  expect(text).toBe(
    [
      '✗ Chưa đạt danh hiệu "Công dân học tập"',
      '  ✗ tổng điểm 78 < 80 (thiếu 2 điểm)',
      '  ✗ chỉ số 5.1 = 4 < 5',
    ].join('\n'),
  );
  const good = evaluate(model, { scores: { '5.1': 10, '5.2': 10, '6.1': 40, '6.2': 40 } }, { explain: true });
  expect(explanationText(titleExplanation(good, 'cdht')!)).toMatch(/^✓ Đạt danh hiệu "Công dân học tập"\n {2}✓ tổng điểm 100 ≥ 80/);
  // Plain information carries no mark.
  const whole = explanationText(good.explanation!);
  expect(whole.split('\n')[0]).toBe('tổng điểm 100/100');
  expect(whole).toContain('\n  Điểm\n    Tiêu chí 5: 20/20 điểm\n      Chỉ số 5.1: 10/10');
});

test('no explanation unless asked', () => {
  const r = evaluate(model, { scores: { '5.1': 4 } });
  expect(r.explanation).toBeUndefined();
  expect(r.titleResults.every((t) => t.explanation === undefined)).toBe(true);
});
