/** Derivation (`dựa trên`): overriding, dropping and adding indicators, and what the diff reports. */
import { describe, expect, test } from 'vitest';
import { compileText, diffModels, evaluate, testCondition, type Model } from '../src/index.js';
import { at, compileAllOk, compileOk, expectVietnamese, fw } from './helpers.js';

const BASE = `bộ tiêu chí cdht-quoc-gia "Công dân học tập (khung quốc gia)"
  đối tượng: công dân
  tiêu chí 1 "Học tập thường xuyên" tổng 10
    chỉ số 1.1 "Tham gia các lớp học" tối đa 5
    chỉ số 1.2 "Tự học" tối đa 5
  tiêu chí 2 "Gia đình" tổng 10
    chỉ số 2.1 "Chăm sóc người thân" tối đa 5
    chỉ số 2.2 "Nuôi dạy con cái" tối đa 5
  tổng điểm 20
  danh hiệu cdht "Công dân học tập" khi tổng điểm từ 15 trở lên
`;

const DERIVED = `bộ tiêu chí cdht-dia-phuong "Công dân học tập (địa phương)"
  dựa trên: cdht-quoc-gia
  tiêu chí 1 "Học tập thường xuyên" tổng 11
    chỉ số 1.1 "Tham gia đầy đủ các lớp học do khu dân cư tổ chức" tối đa 6
  bỏ qua chỉ số 2.2
  tiêu chí 2 "Gia đình" tổng 9
    chỉ số 2.3 "Giữ gìn gia phong" tối đa 4
  tổng điểm 20
`;

const base = compileOk(BASE);
const resolve = (id: string): Model | undefined => (id === base.id ? base : undefined);

describe('a framework based on another', () => {
  const derived = compileOk(DERIVED, { resolve });

  test('inherits the subject, the titles and the untouched indicators', () => {
    expect(derived.basedOn).toBe('cdht-quoc-gia');
    expect(derived.subject).toBe('citizen');
    expect(derived.titles.map((t) => t.id)).toEqual(['cdht']);
    expect(derived.indicators.find((i) => i.id === '1.2')).toMatchObject({ text: 'Tự học', max: 5, criterion: '1' });
  });

  test('overrides max and wording, drops one, adds one', () => {
    expect(derived.indicators.map((i) => i.id)).toEqual(['1.1', '1.2', '2.1', '2.3']);
    expect(derived.indicators[0]).toMatchObject({ id: '1.1', text: 'Tham gia đầy đủ các lớp học do khu dân cư tổ chức', max: 6 });
    expect(derived.criteria.map((c) => [c.id, c.max, c.indicators])).toEqual([
      ['1', 11, ['1.1', '1.2']],
      ['2', 9, ['2.1', '2.3']],
    ]);
    expect(derived.max).toBe(20);
  });

  test('the base is left untouched', () => {
    expect(base.indicators.map((i) => [i.id, i.max])).toEqual([
      ['1.1', 5],
      ['1.2', 5],
      ['2.1', 5],
      ['2.2', 5],
    ]);
  });

  test('evaluates with the derived points', () => {
    const r = evaluate(derived, { scores: { '1.1': 6, '1.2': 5, '2.1': 4 } });
    expect(r.errors).toBeUndefined();
    expect(r.total).toBe(15);
    expect(r.titles).toEqual(['Công dân học tập']);
    expect(evaluate(derived, { scores: { '2.2': 5 } }).errors?.map((e) => e.code)).toEqual(['E_UNKNOWN_INDICATOR']);
    expect(evaluate(base, { scores: { '1.1': 6 } }).errors?.map((e) => e.code)).toEqual(['E_ABOVE_MAX']);
  });

  test('diffModels reports exactly those changes', () => {
    const changes = diffModels(base, derived);
    const summary = changes.map(({ kind, target, id, field, from, to }) => ({ kind, target, id, ...(field ? { field, from, to } : {}) }));
    expect(summary).toHaveLength(4);
    expect(summary).toEqual(
      expect.arrayContaining([
        { kind: 'changed', target: 'indicator', id: '1.1', field: 'điểm tối đa', from: '5', to: '6' },
        { kind: 'changed', target: 'indicator', id: '1.1', field: 'nội dung', from: '"Tham gia các lớp học"', to: '"Tham gia đầy đủ các lớp học do khu dân cư tổ chức"' },
        { kind: 'added', target: 'indicator', id: '2.3' },
        { kind: 'removed', target: 'indicator', id: '2.2' },
      ]),
    );
    for (const c of changes) expectVietnamese(c.text);
    expect(changes.map((c) => c.text)).toEqual(
      expect.arrayContaining(['Sửa chỉ số 1.1: điểm tối đa 5 → 6', 'Thêm chỉ số 2.3', 'Bỏ chỉ số 2.2']),
    );
  });

  test('a framework compared with itself has no changes', () => {
    expect(diffModels(base, base)).toEqual([]);
  });

  test('the base may come earlier in the same file', () => {
    const [b, d] = compileAllOk(`${BASE}${DERIVED}`);
    expect(b!.id).toBe('cdht-quoc-gia');
    expect(d!.indicators.map((i) => i.id)).toEqual(['1.1', '1.2', '2.1', '2.3']);
    expect(diffModels(b!, d!)).toHaveLength(4);
  });
});

describe('totals are rechecked on the derived framework', () => {
  test('a stated total that no longer adds up is TC2011', () => {
    const text = `bộ tiêu chí cdht-dia-phuong "Công dân học tập (địa phương)"
  dựa trên: cdht-quoc-gia
  tiêu chí 1 "Học tập thường xuyên" tổng 11
    chỉ số 1.1 "Tham gia các lớp học" tối đa 6
  tổng điểm 20
`;
    const r = compileText(text, { resolve });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['TC2011']);
    const d = r.diagnostics[0]!;
    expect({ line: d.range.start.line, column: d.range.start.column }).toEqual(at(text, 'tổng điểm 20'));
    expect(d.message).toContain('21');
    expectVietnamese(d.message);
  });

  test('an inherited criterion total that no longer adds up is TC2010', () => {
    const text = `bộ tiêu chí cdht-dia-phuong "Công dân học tập (địa phương)"
  dựa trên: cdht-quoc-gia
  bỏ qua chỉ số 1.2
  tổng điểm 15
`;
    const r = compileText(text, { resolve });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['TC2010']);
    expect(r.diagnostics[0]!.message).toContain('tổng 10');
    expect(r.diagnostics[0]!.message).toContain('= 5');
  });

  test('an inherited framework total is rechecked as well', () => {
    const text = `bộ tiêu chí cdht-dia-phuong "Công dân học tập (địa phương)"
  dựa trên: cdht-quoc-gia
  tiêu chí 2 "Gia đình" tổng 15
    chỉ số 2.3 "Giữ gìn gia phong" tối đa 5
`;
    expect(compileText(text, { resolve }).diagnostics.map((d) => d.code)).toEqual(['TC2011']);
  });

  test('dropping a whole criterion', () => {
    const d = compileOk(`bộ tiêu chí cdht-dia-phuong "Công dân học tập (địa phương)"
  dựa trên: cdht-quoc-gia
  bỏ qua tiêu chí 2
  tổng điểm 10
  danh hiệu cdht "Công dân học tập" khi tổng điểm từ 8 trở lên
`, { resolve });
    expect(d.criteria.map((c) => c.id)).toEqual(['1']);
    expect(d.indicators.map((i) => i.id)).toEqual(['1.1', '1.2']);
    const changes = diffModels(base, d).map((c) => `${c.kind} ${c.target} ${c.id}`);
    expect(changes).toEqual(expect.arrayContaining(['removed criterion 2', 'removed indicator 2.1', 'removed indicator 2.2', 'changed title Công dân học tập']));
    expect(changes).toHaveLength(4);
  });
});

test('a condition shared by a base and its derived framework is judged with each framework’s own names', () => {
  const b = compileOk(`bộ tiêu chí goc "Gốc"
  đối tượng: đơn vị
  sự kiện tt "Tập thể lao động tiên tiến"
  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 10
  danh hiệu dv "Đơn vị học tập" khi sự kiện tt
`);
  const d = compileOk(`bộ tiêu chí con "Con"
  dựa trên: goc
  sự kiện tt "Tập thể lao động xuất sắc"
`, { resolve: (id) => (id === 'goc' ? b : undefined) });
  const cond = d.titles[0]!.when!;
  // The derived framework inherits the very same condition object.
  expect(b.titles[0]!.when).toBe(cond);
  const subject = { facts: ['Tập thể lao động xuất sắc'] };
  expect(testCondition(b, cond, subject)).toBe(false);
  expect(testCondition(d, cond, subject)).toBe(true);
  expect(evaluate(d, subject).titles).toEqual(['Đơn vị học tập']);
});

describe('target differences', () => {
  test('`bỏ qua chỉ tiêu` and new targets show as removed and added targets', () => {
    const base = compileOk(fw(`  tiêu chí 1 "A"\n    chỉ số 1.1 "a" tối đa 10\n  danh hiệu cdht "C" khi tổng điểm từ 5 trở lên\n  chỉ tiêu cdht năm 2025: 60%\n`, 'goc'));
    const derived = compileOk(`bộ tiêu chí con "Con"\n  dựa trên: goc\n  bỏ qua chỉ tiêu\n  chỉ tiêu cdht năm 2025: 80%\n`, { resolve: (id) => (id === 'goc' ? base : undefined) });
    const targets = diffModels(base, derived).filter((c) => c.target === 'target').map((c) => c.text);
    expect(targets).toEqual(['Thêm chỉ tiêu cdht năm 2025 80%', 'Bỏ chỉ tiêu cdht năm 2025 60%']);
  });
});
