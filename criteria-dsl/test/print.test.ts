import { describe, expect, it } from 'vitest';
import type * as A from '../src/ast.js';
import type { Comparison, Condition, CriteriaFile, Num, Range, TitleDecl } from '../src/ast.js';
import { parse, print, stripRanges } from '../src/index.js';

/** Parses text that must be valid, and prints it. */
function format(text: string): string {
  const r = parse(text);
  expect(r.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([]);
  return print(r.ast);
}

const lines = (...ls: string[]) => `${ls.join('\n')}\n`;

describe('print: canonical layout', () => {
  it('re-indents, puts clauses on their own lines and separates blocks by one blank line', () => {
    const messy = [
      'bo tieu chi cdht-x   "Công dân học tập"',
      'đối tượng công dân',
      '      hieu luc: 1/5/2018-31/12/2018',
      'tieu chi 1 "Học tập" tong 17',
      'theo kh "mục 2"',
      'chi so 1.1 "Tự học" toi da 6 muc 80% thi 6 muc >= 50% thi 3',
      'chỉ cho nong-dan, cong-nhan',
      'do "%"',
      'chi so 1.2 “Đọc "sách"” toi da 7,5',
      'danh hieu cdht "CDHT" khi tong diem tu 75 tro len va khong co chi so nao duoi 5 diem neu vung la "khó khăn" thi tong >= 70',
      'tong diem 17',
    ].join('\n');
    expect(format(messy)).toBe(
      lines(
        'bộ tiêu chí cdht-x "Công dân học tập"',
        '  đối tượng: công dân',
        '  hiệu lực: 01/05/2018 - 31/12/2018',
        '',
        '  tiêu chí 1 "Học tập" tổng 17',
        '    theo kh "mục 2"',
        '    chỉ số 1.1 "Tự học" tối đa 6',
        '      đo "%"',
        '      chỉ cho nong-dan, cong-nhan',
        '      mức từ 80% trở lên thì 6',
        '      mức >= 50% thì 3',
        '    chỉ số 1.2 "Đọc \\"sách\\"" tối đa 7,5',
        '',
        '  danh hiệu cdht "CDHT"',
        '    khi tổng điểm từ 75 trở lên và không có chỉ số nào dưới 5',
        '    nếu vung là "khó khăn" thì tổng điểm >= 70',
        '',
        '  tổng điểm 17',
      ),
    );
  });

  it('lays out indicator options, variants, sources and assumptions', () => {
    const text = [
      'bộ tiêu chí x "X"',
      'nhóm năng lực 1 "Tự học" tổng 10 giả định "a"',
      'chỉ số 1.1 "Đọc" giả định "b" theo kh riêng nd "Nông dân đọc" tối đa 4 cần minh chứng tối đa 5 bước 0,5 dạng đạt',
      'chỉ số 1.2 "Tỉ lệ" đo tỉ lệ thành viên không đạt cdht mức dưới 10% thì 5',
      'chỉ số 1.3 "Đo" đo mức trên 2 thì 1',
    ].join('\n');
    expect(format(text)).toBe(
      lines(
        'bộ tiêu chí x "X"',
        '  nhóm năng lực 1 "Tự học" tổng 10',
        '    giả định "a"',
        '    chỉ số 1.1 "Đọc" tối đa 5 bước 0,5 dạng đạt cần minh chứng',
        '      riêng nd "Nông dân đọc" tối đa 4',
        '      theo kh',
        '      giả định "b"',
        '    chỉ số 1.2 "Tỉ lệ"',
        '      đo tỉ lệ thành viên không đạt cdht',
        '      mức dưới 10% thì 5',
        '    chỉ số 1.3 "Đo"',
        '      đo',
        '      mức trên 2 thì 1',
      ),
    );
  });

  it('keeps a window of the next year (`năm sau`), written with or without diacritics or in English', () => {
    const text = ['bộ tiêu chí x "X"', 'lịch nộp hồ sơ trong quý I nam sau trễ hạn: ghi nhận', 'báo cáo trong tháng 1 - 2 next year', 'công nhận trong đầu quý II'].join('\n');
    expect(format(text)).toBe(lines('bộ tiêu chí x "X"', '  lịch', '    nộp hồ sơ trong quý I năm sau trễ hạn: ghi nhận', '    báo cáo trong tháng 1 - 2 năm sau', '    công nhận trong đầu quý II'));
    const steps = (parse(text).ast.frameworks[0]!.items.find((i) => i.kind === 'Calendar') as A.CalendarDecl).steps;
    expect(steps.map((s) => s.window)).toMatchObject([
      { kind: 'Quarter', quarter: 1, early: false, nextYear: true },
      { kind: 'Months', from: 1, to: 2, nextYear: true },
      { kind: 'Quarter', quarter: 2, early: true },
    ]);
    expect(steps[2]!.window).not.toHaveProperty('nextYear');
  });

  it('lays out grading, targets, the calendar and examples one line per entry', () => {
    const text = [
      'bộ tiêu chí x "X"',
      'xếp loại theo tt44 "Tốt" khi tổng điểm >= 85 "Chưa đạt" còn lại',
      'chỉ tiêu cdht năm 2025 65% trong "nguoi-lon" trong số có sự kiện hn nếu nhóm nd theo kh',
      'chỉ tiêu sự kiện hn mỗi năm tăng 2,5%',
      'lịch đăng ký trong quý 1 tự đánh giá trong đầu quý IV trễ hạn ghi nhận bình xét từ 1/11 đến 10/11',
      'báo cáo trước 15/12/2024 công nhận trong tháng 11-12 nộp hồ sơ đến 1/12',
      'ví dụ "một" nhóm nd năm 2024 vung = "khó khăn" có sự kiện hn điểm 1.1 = 6, 1.2 = 7,5',
      'không minh chứng 1.1, 1.2 lịch sử 2022: cdht,"Công dân học tập";2023: cdht',
      'thành viên 3 đạt cdht và có sự kiện hn thành viên 2 thiếu dữ liệu dân số "nguoi-lon"',
      'mong đợi tổng điểm 13,5,tiêu chí 1 = 6,chỉ số 1.1 = 6,không đạt cdht,xếp loại "Tốt",chỉ tiêu cdht năm 2025 không đạt,lỗi',
    ].join('\n');
    expect(format(text)).toBe(
      lines(
        'bộ tiêu chí x "X"',
        '  xếp loại theo tt44',
        '    "Tốt" khi tổng điểm >= 85',
        '    "Chưa đạt" còn lại',
        '',
        '  chỉ tiêu cdht năm 2025: 65% trong "nguoi-lon" trong số có sự kiện hn nếu nhóm là nd',
        '    theo kh',
        '  chỉ tiêu sự kiện hn mỗi năm tăng 2,5%',
        '',
        '  lịch',
        '    đăng ký trong quý I',
        '    tự đánh giá trong đầu quý IV trễ hạn: ghi nhận',
        '    bình xét từ 01/11 đến 10/11',
        '    báo cáo trước 15/12/2024',
        '    công nhận trong tháng 11 - 12',
        '    nộp hồ sơ đến 01/12',
        '',
        '  ví dụ "một"',
        '    nhóm nd',
        '    năm 2024',
        '    vung là "khó khăn"',
        '    có sự kiện hn',
        '    điểm 1.1 = 6, 1.2 = 7,5',
        '    không minh chứng 1.1, 1.2',
        '    lịch sử 2022: cdht, "Công dân học tập"; 2023: cdht',
        '    thành viên 3 đạt cdht và có sự kiện hn',
        '    thành viên 2 thiếu dữ liệu',
        '    dân số "nguoi-lon"',
        '    mong đợi tổng 13,5, tiêu chí 1 = 6, chỉ số 1.1 = 6, không đạt cdht, xếp loại "Tốt", chỉ tiêu cdht năm 2025 không đạt, lỗi',
      ),
    );
  });

  it('separates frameworks by a blank line and ends with exactly one newline', () => {
    const out = format('bộ tiêu chí a "A"\n\n\n\nbộ tiêu chí b "B" đối tượng: dòng họ\n\n\n');
    expect(out).toBe(lines('bộ tiêu chí a "A"', '', 'bộ tiêu chí b "B"', '  đối tượng: dòng họ'));
    expect(format('')).toBe('\n');
  });
});

describe('print: keywords, literals and conditions', () => {
  it('writes every keyword in its canonical Vietnamese spelling, whatever was typed', () => {
    const typed = lines(
      'BO TIEU CHI x "X"',
      '  Doi Tuong: ho gia dinh',
      '  trang thai: du thao',
      '  thieu du lieu: bo qua',
      '  moi chi so can minh chung',
      '  danh hieu "Y" khi ty le thanh vien dat cdht >= 50% hoac so thanh vien co su kien hn tren 2',
    );
    expect(format(typed)).toBe(
      lines(
        'bộ tiêu chí x "X"',
        '  đối tượng: gia đình',
        '  trạng thái: dự thảo',
        '',
        '  thiếu dữ liệu: bỏ qua',
        '  mọi chỉ số cần minh chứng',
        '',
        '  danh hiệu "Y"',
        '    khi tỉ lệ thành viên đạt cdht >= 50% hoặc số thành viên có sự kiện hn trên 2',
      ),
    );
  });

  it('turns English aliases into Vietnamese keywords', () => {
    const en = lines(
      'framework x "X"',
      '  subject: commune',
      '  title t "T" when total points from 80 or more and not (every criterion below 5) if group is g then achieved t 2 consecutive years',
    );
    expect(format(en)).toBe(
      lines(
        'bộ tiêu chí x "X"',
        '  đối tượng: cộng đồng cấp xã',
        '',
        '  danh hiệu t "T"',
        '    khi tổng điểm từ 80 trở lên và không (mọi tiêu chí dưới 5)',
        '    nếu nhóm là g thì đạt t 2 năm liền',
      ),
    );
  });

  it('keeps numbers as written, adds % and pads dates', () => {
    const out = format('bộ tiêu chí x "X"\n  hiệu lực: 5/1/2020 - 7/3\n  làm tròn 0.25\n  điểm sàn 7,5\n  chỉ tiêu t năm 2030: 007%\n');
    expect(out).toBe(
      lines('bộ tiêu chí x "X"', '  hiệu lực: 05/01/2020 - 07/03', '', '  làm tròn 0.25', '  điểm sàn 7,5', '', '  chỉ tiêu t năm 2030: 007%'),
    );
  });

  it('re-escapes strings in straight quotes', () => {
    const out = format('bộ tiêu chí x "a \\"b\\" c:\\\\d"\n  căn cứ: “Nghị quyết "số 1"”\n');
    expect(out).toBe(lines('bộ tiêu chí x "a \\"b\\" c:\\\\d"', '  căn cứ: "Nghị quyết \\"số 1\\""'));
    expect(parse(out).ast.frameworks[0]?.title.value).toBe('a "b" c:\\d');
  });

  it('keeps the style of each comparison', () => {
    const out = format(
      'bộ tiêu chí x "X"\n  danh hiệu "T" khi tổng >= 1 và tổng > 2 và tổng <= 3 và tổng < 4 và tổng = 5 và tổng != 6 và tổng ≥ 7 và tổng từ 8 điểm trở lên và tổng dưới 9 và tổng trên 10\n',
    );
    expect(out.split('\n')[2]).toBe(
      '    khi tổng điểm >= 1 và tổng điểm > 2 và tổng điểm <= 3 và tổng điểm < 4 và tổng điểm = 5 và tổng điểm ≠ 6 và tổng điểm >= 7 và tổng điểm từ 8 trở lên và tổng điểm dưới 9 và tổng điểm trên 10',
    );
  });

  it('prints every condition atom', () => {
    const cond =
      'mọi chỉ số >= 1 và không có chỉ số nào dưới 2 và mọi tiêu chí < 3 và chỉ số a > 4 và tiêu chí 2 = 5 và nhóm g và v = "x" ' +
      'và sự kiện f và đạt "T" và "T" đạt 3 năm liền và không đạt t và tỉ lệ thành viên có sự kiện f >= 1% và số thành viên không đạt t < 2';
    const out = format(`bộ tiêu chí x "X"\n  danh hiệu "T" khi ${cond}\n`);
    expect(out.split('\n')[2]).toBe(
      '    khi mọi chỉ số >= 1 và không có chỉ số nào dưới 2 và mọi tiêu chí < 3 và chỉ số a > 4 và tiêu chí 2 = 5 và nhóm là g ' +
        'và v là "x" và có sự kiện f và đạt "T" và đạt "T" 3 năm liền và không đạt t và tỉ lệ thành viên có sự kiện f >= 1% ' +
        'và số thành viên không đạt t < 2',
    );
  });

  it('adds parentheses where a hand-built tree needs them to keep its meaning', () => {
    const R: Range = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
    const n = (raw: string): Num => ({ kind: 'Num', raw, value: Number(raw), percent: false, range: R });
    const cmp = (raw: string, style: Comparison['style'] = 'symbol', op: Comparison['op'] = '>='): Comparison => ({ op, value: n(raw), style, range: R });
    const total = (raw: string, style?: Comparison['style'], op?: Comparison['op']): Condition => ({ kind: 'TotalCmp', test: cmp(raw, style, op), range: R });
    const or: Condition = { kind: 'Or', items: [total('1'), total('2')], range: R };
    const and: Condition = { kind: 'And', items: [or, total('3')], range: R };
    const when: Condition = { kind: 'Or', items: [and, { kind: 'Not', item: and, range: R }, total('4', 'words', '<=')], range: R };
    const title: TitleDecl = { kind: 'Title', name: { kind: 'Str', value: 'T', range: R }, when, cases: [], range: R };
    const file: CriteriaFile = {
      kind: 'File',
      frameworks: [{ kind: 'Framework', id: { kind: 'Ident', name: 'x', range: R }, title: { kind: 'Str', value: 'X', range: R }, items: [title], range: R }],
      range: R,
    };
    const out = print(file);
    expect(out.split('\n')[2]).toBe(
      '    khi (tổng điểm >= 1 hoặc tổng điểm >= 2) và tổng điểm >= 3 hoặc không ((tổng điểm >= 1 hoặc tổng điểm >= 2) và tổng điểm >= 3) hoặc tổng điểm <= 4',
    );
    expect(parse(out).diagnostics).toEqual([]);
  });
});

describe('print: comments', () => {
  const commented = lines(
    '# về tệp',
    'bộ tiêu chí x "X"  # sau tên',
    '  # trước tiêu chí',
    '  tiêu chí 1 "A"  # sau tiêu chí',
    '    # trước chỉ số',
    '    chỉ số 1.1 "B" tối đa 5  # sau chỉ số',
    '      # trước mức',
    '      mức 5 thì 5  # sau mức',
    '',
    '  ví dụ "v"',
    '    # trước dòng',
    '    điểm 1.1 = 5  # sau dòng',
    '',
    '# cuối tệp',
  );

  it('keeps leading, trailing and end comments in place', () => {
    expect(format(commented)).toBe(commented.replace('mức 5 thì', 'mức từ 5 trở lên thì'));
  });

  it('re-indents comments with the node they belong to', () => {
    const out = format('bộ tiêu chí x "X"\n# a\ntiêu chí 1 "A"\n        # b\nchỉ số 1 "B"   #c\n');
    expect(out).toBe(lines('bộ tiêu chí x "X"', '  # a', '  tiêu chí 1 "A"', '    # b', '    chỉ số 1 "B"  # c'));
  });

  it('gives back the same comments after a round trip', () => {
    const first = parse(commented).ast;
    const again = parse(print(first)).ast;
    expect(stripRanges(again, { comments: true })).toStrictEqual(stripRanges(first, { comments: true }));
    expect(first.endComments).toEqual(['cuối tệp']);
    expect(first.frameworks[0]?.comments).toEqual(['về tệp']);
    expect(first.frameworks[0]?.trailingComment).toBe('sau tên');
  });
});

describe('print: idempotence', () => {
  it.each([
    'bộ tiêu chí x "X"\n  danh hiệu "T" khi (đạt a hoặc không (có sự kiện b)) và tổng điểm dưới 5\n',
    'framework x "X" calendar review in early quarter 4 late: refuse example "e" expect error\n',
    'bo tieu chi x "X" # c\n# d\n',
  ])('printing a printed file changes nothing: %j', (text) => {
    const once = format(text);
    expect(format(once)).toBe(once);
  });
});

describe("print: the authors' layout of official texts", () => {
  it('keeps `từ` of an open-ended period, so that it does not read like one day', () => {
    expect(format('bộ tiêu chí x "X"\n  hiệu lực: từ 28/07/2022\n')).toBe(lines('bộ tiêu chí x "X"', '  hiệu lực: từ 28/07/2022'));
    expect(format('bộ tiêu chí x "X"\n  hiệu lực: 28/07/2022\n')).toBe(lines('bộ tiêu chí x "X"', '  hiệu lực: từ 28/07/2022'));
    expect(format('bộ tiêu chí x "X"\n  hiệu lực: từ 1/1/2020 đến 31/12/2020\n')).toBe(lines('bộ tiêu chí x "X"', '  hiệu lực: 01/01/2020 - 31/12/2020'));
    const open = parse('bộ tiêu chí x "X"\n  hiệu lực: từ 28/07/2022\n').ast.frameworks[0]?.items[0];
    expect(open).toMatchObject({ kind: 'Effective', from: { day: 28, month: 7, year: 2022 } });
    expect(open && 'to' in open).toBe(false);
  });

  it('puts `theo` / `giả định` of what an official text states and `đo` of an indicator on continuation lines', () => {
    const text = lines(
      'bộ tiêu chí x "X"',
      '  điểm sàn 5 theo kh "mục 1"',
      '  nhóm năng lực 1 "Nhóm" tổng 10 theo kh "mục 2" giả định "g"',
      '    tiêu chí 1 "Tiêu chí" tổng 10 theo kh "mục 3"',
      '      chỉ số 1.1 "Chỉ số" tối đa 10 theo kh "mục 4" đo tỉ lệ thành viên đạt "T" mức 100% thì 10',
      '  danh hiệu t "T" khi tổng điểm >= 5 theo kh "mục 5"',
      '  xếp loại theo kh "mục 6" "Tốt" khi tổng điểm >= 8 "Khá" còn lại',
      '  chỉ tiêu t năm 2025: 50% theo kh "mục 7"',
      '  lịch đăng ký trong quý I theo kh "mục 8"',
    );
    expect(format(text)).toBe(
      lines(
        'bộ tiêu chí x "X"',
        '  điểm sàn 5 theo kh "mục 1"',
        '',
        '  nhóm năng lực 1 "Nhóm" tổng 10',
        '    theo kh "mục 2"',
        '    giả định "g"',
        '    tiêu chí 1 "Tiêu chí" tổng 10',
        '      theo kh "mục 3"',
        '      chỉ số 1.1 "Chỉ số" tối đa 10',
        '        đo tỉ lệ thành viên đạt "T"',
        '        mức từ 100% trở lên thì 10',
        '        theo kh "mục 4"',
        '',
        '  danh hiệu t "T"',
        '    khi tổng điểm >= 5',
        '    theo kh "mục 5"',
        '',
        '  xếp loại theo kh "mục 6"',
        '    "Tốt" khi tổng điểm >= 8',
        '    "Khá" còn lại',
        '',
        '  chỉ tiêu t năm 2025: 50%',
        '    theo kh "mục 7"',
        '',
        '  lịch',
        '    đăng ký trong quý I',
        '      theo kh "mục 8"',
      ),
    );
  });

  it('groups one-line statements by kind, one blank line between kinds and before a commented statement', () => {
    const text = lines(
      'bộ tiêu chí x "X"',
      '  đối tượng: công dân',
      '  căn cứ kh: "Kế hoạch"',
      '  nhóm đối tượng a "A"',
      '  nhóm đối tượng b "B"',
      '  thuộc tính v "V": "1", "2"',
      '  sự kiện f "F"',
      '  điểm sàn 5',
      '  làm tròn 1',
      '  chỉ tiêu t năm 2025: 50%',
      '  # chỉ tiêu theo sự kiện',
      '  chỉ tiêu sự kiện f năm 2025: 40%',
    );
    expect(format(text)).toBe(
      lines(
        'bộ tiêu chí x "X"',
        '  đối tượng: công dân',
        '  căn cứ kh: "Kế hoạch"',
        '',
        '  nhóm đối tượng a "A"',
        '  nhóm đối tượng b "B"',
        '',
        '  thuộc tính v "V": "1", "2"',
        '',
        '  sự kiện f "F"',
        '',
        '  điểm sàn 5',
        '  làm tròn 1',
        '',
        '  chỉ tiêu t năm 2025: 50%',
        '',
        '  # chỉ tiêu theo sự kiện',
        '  chỉ tiêu sự kiện f năm 2025: 40%',
      ),
    );
  });

  it('keeps the blank line below a comment that stands alone (a section heading)', () => {
    const text = lines(
      '# Tệp mẫu.',
      '',
      'bộ tiêu chí x "X"',
      '  đối tượng: công dân',
      '',
      '  # ---- Tiêu chí ----',
      '',
      '  # tiêu chí đầu',
      '  tiêu chí 1 "A"',
      '    # ghi chú a',
      '',
      '    # ghi chú b',
      '    chỉ số 1.1 "B" tối đa 5',
      '',
      '  # TODO: lịch',
      '',
      '  # ---- Ví dụ ----',
      '',
      '  ví dụ "v"',
      '    điểm 1.1 = 5',
    );
    expect(format(text)).toBe(text);
    const ast = parse(text).ast;
    const fw = ast.frameworks[0];
    expect(fw?.comments).toEqual(['Tệp mẫu.']);
    expect(fw?.commentBreaks).toEqual([0]);
    expect(fw?.items[1]).toMatchObject({ comments: ['---- Tiêu chí ----', 'tiêu chí đầu'], commentBreaks: [0] });
    expect(fw?.items[2]).toMatchObject({ comments: ['TODO: lịch', '---- Ví dụ ----'], commentBreaks: [0, 1] });
    // Blank lines are layout, not meaning: without comments the trees compare equal.
    expect(stripRanges(parse(text.replace(/\n\n/g, '\n')).ast)).toStrictEqual(stripRanges(ast));
  });
});
