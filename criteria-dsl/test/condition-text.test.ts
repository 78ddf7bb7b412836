import { describe, expect, it } from 'vitest';
import type { Condition, TitleDecl } from '../src/ast.js';
import { conditionText, comparisonText, parse, stripRanges, type ConditionNames } from '../src/index.js';

const HEAD = `bộ tiêu chí x "X"
  đối tượng: gia đình
  nhóm đối tượng cb "Cán bộ"
  thuộc tính vung "Vùng": "khó khăn", "thuận lợi"
  sự kiện hien-mau "Hiến máu tình nguyện"
  tiêu chí 1 "A"
    chỉ số 1.1 "a" tối đa 10
  danh hiệu u "Gia đình học tập" khi tổng điểm >= 1
`;

/** The `khi` condition of title `t` in a file that declares every name the rules use. */
function rule(text: string): Condition {
  const r = parse(`${HEAD}  danh hiệu t "T" khi ${text}\n`);
  expect(r.diagnostics).toEqual([]);
  const t = r.ast.frameworks[0]!.items.find((i): i is TitleDecl => i.kind === 'Title' && i.id?.name === 't');
  return t!.when!;
}

/** One rule of every kind of condition, with the words each style gives it. */
const EVERY_KIND: readonly { rule: string; display: string; prose: string }[] = [
  { rule: 'tổng điểm từ 75 trở lên', display: 'tổng điểm từ 75 trở lên', prose: 'tổng điểm từ 75 điểm trở lên' },
  { rule: 'tổng điểm <= 7,5', display: 'tổng điểm ≤ 7,5', prose: 'tổng điểm không quá 7,5 điểm' },
  { rule: 'mọi chỉ số >= 5', display: 'mọi chỉ số ≥ 5', prose: 'mọi chỉ số đạt từ 5 điểm trở lên' },
  { rule: 'không có chỉ số nào dưới 5', display: 'không có chỉ số nào dưới 5', prose: 'không có chỉ số nào dưới 5 điểm' },
  { rule: 'mọi tiêu chí trên 2', display: 'mọi tiêu chí trên 2', prose: 'mọi tiêu chí đạt trên 2 điểm' },
  { rule: 'chỉ số 1.1 = 10', display: 'chỉ số 1.1 = 10', prose: 'chỉ số 1.1 đạt bằng 10 điểm' },
  { rule: 'tiêu chí 1 != 0', display: 'tiêu chí 1 ≠ 0', prose: 'tiêu chí 1 đạt khác 0 điểm' },
  { rule: 'nhóm là cb', display: 'nhóm là cb', prose: 'thuộc nhóm “Cán bộ”' },
  { rule: 'vung là "khó khăn"', display: 'vung là “khó khăn”', prose: 'Vùng là “khó khăn”' },
  { rule: 'có sự kiện hien-mau', display: 'có sự kiện hien-mau', prose: 'Hiến máu tình nguyện' },
  { rule: 'đạt u 5 năm liền', display: 'đạt u 5 năm liền', prose: 'đạt danh hiệu “Gia đình học tập” 5 năm liên tục' },
  { rule: 'đạt "Gia đình học tập"', display: 'đạt “Gia đình học tập”', prose: 'đạt danh hiệu “Gia đình học tập”' },
  { rule: 'không đạt u', display: 'không đạt u', prose: 'không thỏa: đạt danh hiệu “Gia đình học tập”' },
  {
    rule: 'tỉ lệ thành viên đạt u từ 50% trở lên',
    display: 'tỉ lệ thành viên đạt u từ 50% trở lên',
    prose: 'tỷ lệ thành viên đạt danh hiệu “Gia đình học tập” từ 50% trở lên',
  },
  { rule: 'số thành viên có sự kiện hien-mau >= 2', display: 'số thành viên có sự kiện hien-mau ≥ 2', prose: 'số thành viên Hiến máu tình nguyện từ 2 trở lên' },
  { rule: 'số thành viên không đạt u < 1', display: 'số thành viên không đạt u < 1', prose: 'số thành viên không đạt danh hiệu “Gia đình học tập” dưới 1' },
  {
    rule: 'tổng điểm >= 8 và (nhóm là cb hoặc không có sự kiện hien-mau)',
    display: 'tổng điểm ≥ 8 và (nhóm là cb hoặc không có sự kiện hien-mau)',
    prose: 'tổng điểm từ 8 điểm trở lên; và (thuộc nhóm “Cán bộ”; hoặc không thỏa: Hiến máu tình nguyện)',
  },
];

/** Names as the documents take them from a model: by id (and a title also by its name). */
const NAMES: ConditionNames = {
  title: (k) => (k === 'u' || k === 'Gia đình học tập' ? 'Gia đình học tập' : undefined),
  group: (id) => (id === 'cb' ? 'Cán bộ' : undefined),
  attribute: (id) => (id === 'vung' ? 'Vùng' : undefined),
  fact: (id) => (id === 'hien-mau' ? 'Hiến máu tình nguyện' : undefined),
};

describe('conditionText, display (the portal)', () => {
  it('writes rules as the language does', () => {
    expect(conditionText(rule('tổng điểm từ 8 trở lên'))).toBe('tổng điểm từ 8 trở lên');
    expect(conditionText(rule('tổng điểm >= 8 và mọi chỉ số >= 5'))).toBe('tổng điểm ≥ 8 và mọi chỉ số ≥ 5');
    expect(conditionText(rule('tổng điểm >= 8 và không có chỉ số nào dưới 5'))).toBe('tổng điểm ≥ 8 và không có chỉ số nào dưới 5');
    expect(conditionText(rule('đạt u 5 năm liền'))).toBe('đạt u 5 năm liền');
  });

  it.each(EVERY_KIND)('$rule', ({ rule: r, display }) => {
    expect(conditionText(rule(r))).toBe(display);
    expect(conditionText(rule(r), { style: 'display' })).toBe(display);
  });
});

describe('conditionText, source (the formatter)', () => {
  it.each(EVERY_KIND)('$rule: written back as it reads, and parses to the same condition', ({ rule: r }) => {
    const c = rule(r);
    const text = conditionText(c, { style: 'source' });
    expect(stripRanges(rule(text))).toEqual(stripRanges(c));
  });

  it('uses the language’s own notation: `>=`, straight quotes, escapes', () => {
    expect(conditionText(rule('tổng điểm ≥ 8 và vung là “khó khăn”'), { style: 'source' })).toBe('tổng điểm >= 8 và vung là "khó khăn"');
    expect(conditionText(rule('đạt "Gia đình \\"học\\" tập"'), { style: 'source' })).toBe('đạt "Gia đình \\"học\\" tập"');
  });
});

describe('conditionText, prose (the documents)', () => {
  it.each(EVERY_KIND)('$rule', ({ rule: r, prose }) => {
    expect(conditionText(rule(r), { style: 'prose', names: NAMES })).toBe(prose);
  });

  it('writes an id it has no name for as it is', () => {
    expect(conditionText(rule('nhóm là cb và có sự kiện hien-mau'), { style: 'prose' })).toBe('thuộc nhóm “cb”; và hien-mau');
  });

  it('writes comparisons in words, with a unit after a number that is not a percentage', () => {
    const cmp = (r: string) => {
      const c = rule(r);
      if (c.kind !== 'TotalCmp') throw new Error(c.kind);
      return c.test;
    };
    expect(comparisonText(cmp('tổng điểm >= 75'), 'prose', ' điểm')).toBe('từ 75 điểm trở lên');
    expect(comparisonText(cmp('tổng điểm dưới 60%'), 'prose', ' điểm')).toBe('dưới 60%');
    expect(comparisonText(cmp('tổng điểm > 7.5'), 'prose')).toBe('trên 7,5');
    expect(comparisonText(cmp('tổng điểm > 7.5'))).toBe('> 7.5');
    expect(comparisonText(cmp('tổng điểm >= 7.5'), 'source')).toBe('>= 7.5');
  });
});

describe('conditionText on trees built by hand', () => {
  const at = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
  const a = rule('nhóm là cb');
  const b = rule('có sự kiện hien-mau');
  const c = rule('tổng điểm >= 1');

  it('puts parentheses where precedence would otherwise change the meaning', () => {
    const or: Condition = { kind: 'Or', items: [a, b], range: at };
    const and: Condition = { kind: 'And', items: [or, c], range: at };
    expect(conditionText(and)).toBe('(nhóm là cb hoặc có sự kiện hien-mau) và tổng điểm ≥ 1');
    expect(conditionText({ kind: 'Not', item: and, range: at }, { style: 'source' })).toBe(
      'không ((nhóm là cb hoặc có sự kiện hien-mau) và tổng điểm >= 1)',
    );
    expect(conditionText(and, { style: 'prose', names: NAMES })).toBe('(thuộc nhóm “Cán bộ”; hoặc Hiến máu tình nguyện); và tổng điểm từ 1 điểm trở lên');
  });
});
