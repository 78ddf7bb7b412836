import { describe, expect, it } from 'vitest';
import type { Condition, FrameworkItem, IndicatorDecl, TargetDecl } from '../src/ast.js';
import { fold, parse, print, stripRanges } from '../src/index.js';
import { criteriaLexer, KEYWORDS } from '../src/tokens.js';

/** Token type names and images of a text, comments left out. */
function lex(text: string): string[] {
  const r = criteriaLexer.tokenize(text.normalize('NFC'));
  expect(r.errors).toEqual([]);
  return r.tokens.map((t) => `${t.tokenType.name} ${t.image}`);
}
const kinds = (text: string) => lex(text).map((t) => t.split(' ')[0]);

/** The items of the only framework of a valid file. */
function items(body: string): readonly FrameworkItem[] {
  const r = parse(`bộ tiêu chí x "X"\n${body}\n`);
  expect(r.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([]);
  return r.ast.frameworks[0]!.items;
}
const titleWhen = (cond: string): Condition => {
  const [t] = items(`  danh hiệu "T" khi ${cond}`);
  if (t?.kind !== 'Title' || !t.when) throw new Error('no title');
  return stripRanges(t.when);
};

describe('lexer: keywords', () => {
  const spellings = KEYWORDS.flatMap((k) => [
    ...k.vi.flatMap((s) => [s, fold(s), s.toUpperCase(), fold(s).toUpperCase(), s.replace(/ /g, ' \t  ')].map((v) => [k.name, v] as const)),
    ...k.en.flatMap((s) => [s, s.toUpperCase()].map((v) => [k.name, v] as const)),
  ]);

  it.each(spellings)('%s: `%s` is one keyword token', (name, spelling) => {
    // An assumption is always followed by its text (see the `gia dinh` case below).
    if (name === 'AssumptionKw') expect(kinds(`${spelling} "x"`)).toEqual([name, 'StringLit']);
    else expect(kinds(spelling)).toEqual([name]);
  });

  it('tells `gia dinh` (gia đình) from `gia dinh "…"` (giả định) without diacritics', () => {
    expect(kinds('doi tuong: gia dinh\ngia dinh "x"\nGIA DINH“y”')).toEqual([
      'SubjectKw', 'Colon', 'HouseholdKindKw', 'AssumptionKw', 'StringLit', 'AssumptionKw', 'StringLit',
    ]);
    const [s, f] = items('  doi tuong: gia dinh\n  diem san 5 gia dinh "nửa điểm"');
    expect(s).toMatchObject({ kind: 'Subject', subject: 'household' });
    expect(f).toMatchObject({ kind: 'Floor', assumption: { value: 'nửa điểm' } });
  });

  it('treats a keyword followed by more letters as a name', () => {
    expect(lex('tongx tổng-điểm đạt2 lịch_sử')).toEqual(['Identifier tongx', 'Identifier tổng-điểm', 'Identifier đạt2', 'Identifier lịch_sử']);
  });

  it('does not read a keyword out of the start of a longer word', () => {
    expect(lex('tối daa')).toEqual(['Identifier tối', 'Identifier daa']);
  });

  it('does not join the words of a keyword across lines', () => {
    expect(kinds('tiêu\nchí')).toEqual(['Identifier', 'Identifier']);
  });

  it('prefers the longest keyword: `không đạt`, `không có chỉ số nào`, `tổng điểm`, `từ chối`', () => {
    expect(kinds('không đạt không có chỉ số nào không tổng điểm tổng từ chối từ')).toEqual([
      'NotAchievedKw',
      'NoIndicatorKw',
      'NotKw',
      'TotalPointsKw',
      'TotalKw',
      'RefuseKw',
      'FromKw',
    ]);
  });
});

describe('lexer: numbers, dates, strings, names, comments', () => {
  it('reads `7,5` and `7.5` as one number each, keeping what was written', () => {
    expect(lex('7,5 7.5 1.2.3')).toEqual(['NumberLit 7,5', 'NumberLit 7.5', 'NumberLit 1.2.3']);
    const [a, b] = items('  làm tròn 7,5\n  điểm sàn 7.5');
    expect(a).toMatchObject({ kind: 'Round', value: { raw: '7,5', value: 7.5, percent: false } });
    expect(b).toMatchObject({ kind: 'Floor', value: { raw: '7.5', value: 7.5 } });
  });

  it('needs a space after a comma that separates numbers', () => {
    expect(lex('6, 1.2')).toEqual(['NumberLit 6', 'Comma ,', 'NumberLit 1.2']);
    expect(lex('6,1.2')).toEqual(['NumberLit 6,1.2']);
  });

  it('reads `65%` as a number with a percent sign', () => {
    expect(lex('65%')).toEqual(['NumberLit 65', 'Percent %']);
    const [t] = items('  chỉ tiêu cdht năm 2025: 65%') as [TargetDecl];
    expect(t.share).toMatchObject({ raw: '65', value: 65, percent: true });
    expect(t.year).toMatchObject({ raw: '2025', value: 2025, percent: false });
  });

  it('reads dates with and without a year', () => {
    expect(lex('05/11/2018 5/11')).toEqual(['DateLit 05/11/2018', 'DateLit 5/11']);
    const [e] = items('  hiệu lực: 5/1/2018 - 31/12');
    expect(stripRanges(e)).toEqual({ kind: 'Effective', from: { kind: 'Date', day: 5, month: 1, year: 2018 }, to: { kind: 'Date', day: 31, month: 12 } });
  });

  it('keeps `#` comments out of the tokens and attaches them to the tree', () => {
    expect(lex('tổng điểm 5 # ghi chú "không phải chuỗi"')).toEqual(['TotalPointsKw tổng điểm', 'NumberLit 5']);
    const r = parse('# đầu\nbộ tiêu chí x "X # không phải chú thích"  # cuối dòng\n');
    expect(r.ast.frameworks[0]).toMatchObject({ comments: ['đầu'], trailingComment: 'cuối dòng', title: { value: 'X # không phải chú thích' } });
  });

  it('reads curly quotes “…” as a string, without escapes', () => {
    expect(lex('“Công dân \\ "học" tập”')).toEqual(['StringLit “Công dân \\ "học" tập”']);
    const [b] = items('  căn cứ: “Nghị quyết \\n số 1”');
    expect(b).toMatchObject({ kind: 'Basis', text: { value: 'Nghị quyết \\n số 1' } });
  });

  it('unescapes straight-quoted strings', () => {
    const [b] = items('  căn cứ: "a \\"b\\" c:\\\\d\\ne"');
    expect(b).toMatchObject({ kind: 'Basis', text: { value: 'a "b" c:\\d\ne' } });
  });

  it('reads Unicode names, composed or not', () => {
    expect(lex('dân_tộc Hà-Nội Đà_Nẵng2 vùng')).toEqual(['Identifier dân_tộc', 'Identifier Hà-Nội', 'Identifier Đà_Nẵng2', 'Identifier vùng']);
    const nfd = parse('bộ tiêu chí Hà-Nội "X"'.normalize('NFD'));
    expect(nfd.ast.frameworks[0]?.id.name).toBe('Hà-Nội');
  });

  it('reports a character it does not know, and an unterminated string, once each', () => {
    const r = parse('bộ tiêu chí x "X"\n  tổng điểm 5 @\n  căn cứ: "không đóng\n');
    expect(r.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([
      ['TC1001', 2, 15],
      ['TC1002', 3, 11],
    ]);
    expect(r.ast.frameworks[0]?.items[1]).toMatchObject({ kind: 'Basis', text: { value: 'không đóng' } });
  });
});

describe('parser: constructs fixed while building the formatter', () => {
  it('reads `không đạt X` in a condition as "not holding X"', () => {
    expect(titleWhen('không đạt cdht')).toEqual({ kind: 'Not', item: { kind: 'HoldsTitle', title: { kind: 'Ident', name: 'cdht' } } });
    expect(titleWhen('không đạt "A" 3 năm liền')).toEqual({
      kind: 'Not',
      item: { kind: 'HoldsTitle', title: { kind: 'Str', value: 'A' }, years: { kind: 'Num', raw: '3', value: 3, percent: false } },
    });
  });

  it('does not take the first grade level for the clause of `xếp loại theo ID`', () => {
    const [g] = items('  xếp loại theo tt44\n    "Tốt" khi tổng điểm >= 85\n    "Kém" còn lại');
    expect(g).toMatchObject({ kind: 'Grading', source: { basis: { name: 'tt44' } }, levels: [{ name: { value: 'Tốt' } }, { name: { value: 'Kém' } }] });
    expect(g).not.toHaveProperty('source.clause');
    const [h] = items('  danh hiệu "T" theo kh "mục 2" khi tổng điểm >= 1');
    expect(h).toMatchObject({ kind: 'Title', source: { clause: { value: 'mục 2' } }, when: { kind: 'TotalCmp' } });
  });

  it('accepts a bare `đo` (a measured number without unit)', () => {
    const [i] = items('  chỉ số 1 "A" đo\n    mức 5 thì 1') as [IndicatorDecl];
    expect(stripRanges(i.measure)).toEqual({ kind: 'Measured' });
    expect(i.bands).toHaveLength(1);
  });

  it('reads several frameworks in one file without errors', () => {
    const r = parse('bộ tiêu chí a "A"\n  tổng điểm 1\nbộ tiêu chí b "B"\nbộ tiêu chí c "C"\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.ast.frameworks.map((f) => [f.id.name, f.items.length])).toEqual([
      ['a', 1],
      ['b', 0],
      ['c', 0],
    ]);
  });

  it('never throws on a condition broken off by error recovery', () => {
    for (const cond of ['không', 'không (', 'tỉ lệ thành viên', 'số thành viên >= 5', '( và', 'không đạt']) {
      const r = parse(`bộ tiêu chí x "X"\n  danh hiệu "T" khi ${cond}\n`);
      expect(r.diagnostics.length).toBeGreaterThan(0);
      expect(() => print(r.ast)).not.toThrow();
    }
  });
});

describe('a name that spells a keyword', () => {
  it('says which keyword it is and suggests another name', () => {
    const r = parse('bộ tiêu chí x "X"\n  nhóm đối tượng nam "Nam giới"\n');
    expect(r.diagnostics[0]!.message).toContain('`nam` là từ khóa `năm`');
    expect(r.diagnostics[0]!.messageEn).toContain('`nam` is the keyword `year`');
  });
});
