/** Semantic checks (TC2xxx): one test per code, with its position and a Vietnamese message. */
import { messageOf } from '@hoctap/criteria-dsl';
import { describe, expect, test } from 'vitest';
import { compileText } from '../src/index.js';
import { at, codes, compileOk, expectDiagnostic, expectVietnamese, fw } from './helpers.js';

describe('duplicates', () => {
  test('TC2001 duplicate indicator number', () => {
    const text = fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 5
    chỉ số 1.1 "Đọc sách" tối đa 5
`);
    const d = expectDiagnostic(text, 'TC2001', '1.1', 1);
    expect(d.message).toContain('1.1');
    expect(d.severity).toBe('error');
  });

  test('TC2002 duplicate criterion', () => {
    const text = fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 5
  tiêu chí 1 "Gia đình"
    chỉ số 1.2 "Chăm sóc" tối đa 5
`);
    const d = expectDiagnostic(text, 'TC2002', '1 "Gia đình"');
    expect(d.message).toContain('tiêu chí 1');
  });

  test('TC2003 duplicate title (same name under another id)', () => {
    const text = fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 5
  danh hiệu cdht "Công dân học tập" khi tổng điểm >= 3
  danh hiệu cdht2 "Công dân học tập" khi tổng điểm >= 4
`);
    const d = expectDiagnostic(text, 'TC2003', '"Công dân học tập"', 1);
    expect(d.message).toContain('Công dân học tập');
  });

  test('TC2003 duplicate title id', () => {
    const text = fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 5
  danh hiệu cdht "Công dân học tập" khi tổng điểm >= 3
  danh hiệu cdht "Công dân học tập tiêu biểu" khi tổng điểm >= 4
`);
    expectDiagnostic(text, 'TC2003', '"Công dân học tập tiêu biểu"');
  });
});

describe('totals', () => {
  test('TC2010 a criterion total that does not add up shows the sum', () => {
    const text = fw(`  tiêu chí 1 "Học tập" tổng 12
    chỉ số 1.1 "Tự học" tối đa 5
    chỉ số 1.2 "Đọc sách" tối đa 6
`);
    const d = expectDiagnostic(text, 'TC2010', 'tiêu chí 1');
    expect(d.message).toContain('12');
    expect(d.message).toContain('5 + 6 = 11');
  });

  test('TC2010 is silent when the criterion adds up', () => {
    const text = fw(`  tiêu chí 1 "Học tập" tổng 11
    chỉ số 1.1 "Tự học" tối đa 5
    chỉ số 1.2 "Đọc sách" tối đa 6
`);
    expect(codes(text)).toEqual([]);
  });

  test('TC2011 a stated framework total that does not add up', () => {
    const text = fw(`  tiêu chí 1 "Học tập" tổng 11
    chỉ số 1.1 "Tự học" tối đa 5
    chỉ số 1.2 "Đọc sách" tối đa 6
  tiêu chí 2 "Gia đình" tổng 8
    chỉ số 2.1 "Chăm sóc" tối đa 8
  tổng điểm 20
`);
    const d = expectDiagnostic(text, 'TC2011', 'tổng điểm 20');
    expect(d.message).toContain('20');
    expect(d.message).toContain('19');
  });
});

describe('points', () => {
  test('TC2020 missing max', () => {
    const text = fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học"
`);
    const d = expectDiagnostic(text, 'TC2020', '1.1');
    expect(d.message).toContain('tối đa');
  });

  test('TC2022 max not a multiple of the step; `bước 0,5` makes 7,5 valid', () => {
    const text = fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 7,5
    chỉ số 1.2 "Đọc sách" tối đa 7,5 bước 0,5
`);
    const d = expectDiagnostic(text, 'TC2022', '7,5');
    expect(d.message).toContain('1.1');
    expect(d.message).toContain('7,5');
    expect(d.suggestion).toBe('bước 0,5');
    // Only 1.1 is reported: with `bước 0,5`, 7,5 is a valid maximum.
    const ok = compileOk(fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.2 "Đọc sách" tối đa 7,5 bước 0,5
`));
    expect(ok.indicators[0]).toMatchObject({ id: '1.2', max: 7.5, step: 0.5 });
  });

  test('TC2023 band points above the max', () => {
    const text = fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tỉ lệ đọc sách" đo "%" tối đa 5
      mức >= 80% thì 6
      mức >= 50% thì 3
`);
    const d = expectDiagnostic(text, 'TC2023', '6\n');
    expect(d.message).toContain('6');
    expect(d.message).toContain('5');
  });
});

describe('thresholds', () => {
  const body = `  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 50
    chỉ số 1.2 "Đọc sách" tối đa 4
  tiêu chí 2 "Gia đình"
    chỉ số 2.1 "Chăm sóc" tối đa 46
`;

  test('TC2030 unreachable total (`tổng điểm >= 120` with max 100)', () => {
    const text = fw(`${body}  danh hiệu cdht "Công dân học tập" khi tổng điểm >= 120
`);
    const d = expectDiagnostic(text, 'TC2030', 'tổng điểm >= 120');
    expect(d.message).toContain('120');
    expect(d.message).toContain('100');
  });

  test('TC2030 unreachable member ratio (`>= 120%`)', () => {
    const text = `bộ tiêu chí dv "Đơn vị"
  đối tượng: đơn vị
  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 10
  danh hiệu dvht "Đơn vị học tập" khi tỉ lệ thành viên đạt cdht >= 120%
`;
    const d = expectDiagnostic(text, 'TC2030', 'tỉ lệ thành viên');
    expect(d.message).toContain('120%');
  });

  test('TC2030 is silent for a reachable threshold', () => {
    expect(codes(fw(`${body}  danh hiệu cdht "Công dân học tập" khi tổng điểm >= 100
`))).toEqual([]);
  });

  test('TC2031 a minimum above an indicator maximum (`mọi chỉ số >= 5`, max 4)', () => {
    const text = fw(`${body}  danh hiệu cdht "Công dân học tập" khi tổng điểm >= 80 và mọi chỉ số >= 5
`);
    const d = expectDiagnostic(text, 'TC2031', 'mọi chỉ số >= 5');
    expect(d.message).toContain('1.2');
    expect(d.message).toContain('4');
  });

  test('TC2032 floor above an indicator maximum', () => {
    const text = fw(`${body}  điểm sàn 5
`);
    const d = expectDiagnostic(text, 'TC2032', 'chỉ số 1.2');
    expect(d.message).toContain('5');
    expect(d.message).toContain('1.2');
  });
});

describe('TC2040 unknown references, with suggestions', () => {
  const text = fw(`  nhóm đối tượng nong-dan "Nông dân"
  thuộc tính vung "Vùng": "khó khăn", "phát triển"
  sự kiện ttldtt "Tập thể lao động tiên tiến"
  căn cứ kh41: "Kế hoạch 41"
  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 4
  danh hiệu cdht "Công dân học tập" khi tổng điểm >= 1
  danh hiệu a "A" khi đạt cdhtt
  danh hiệu b "B" khi chỉ số 1.2 >= 1
  danh hiệu c "C" khi tiêu chí 2 >= 1
  danh hiệu d "D" khi nhóm nong-dam
  danh hiệu e "E" khi sự kiện ttldt
  danh hiệu f "F" khi vungg là "khó khăn"
  danh hiệu g "G" khi tổng điểm >= 1
    theo kh42
`);
  const diags = compileText(text).diagnostics.filter((d) => d.code === 'TC2040');
  // [kind, text just before the reference, the reference, what the message names, suggestion]
  const cases: [string, string, string, string, string][] = [
    ['title', 'khi đạt ', 'cdhtt', 'danh hiệu', 'cdht'],
    ['indicator', 'khi chỉ số ', '1.2', 'chỉ số', '1.1'],
    ['criterion', 'khi tiêu chí ', '2', 'tiêu chí', '1'],
    ['group', 'khi nhóm ', 'nong-dam', 'nhóm đối tượng', 'nong-dan'],
    ['fact', 'khi sự kiện ', 'ttldt', 'sự kiện', 'ttldtt'],
    ['attribute', 'khi ', 'vungg', 'thuộc tính', 'vung'],
    ['basis', 'theo ', 'kh42', 'căn cứ', 'kh41'],
  ];

  test('one diagnostic per unknown reference, nothing else', () => {
    expect(compileText(text).diagnostics.map((d) => d.code)).toEqual(Array(cases.length).fill('TC2040'));
  });

  test.each(cases)('unknown %s', (_kind, before, name, what, suggestion) => {
    const start = at(text, `${before}${name}`);
    const expected = { line: start.line, column: start.column + before.length };
    const d = diags.find((x) => x.range.start.line === expected.line);
    expect(d, `no TC2040 on line ${expected.line}`).toBeDefined();
    expect({ line: d!.range.start.line, column: d!.range.start.column }).toEqual(expected);
    expect(d!.message).toContain(`${what} \`${name}\``);
    expectVietnamese(d!.message);
    expect(d!.suggestion).toBe(suggestion);
    expect(messageOf(d!)).toContain(`ý bạn là \`${suggestion}\``);
  });

  test('no suggestion when nothing is close', () => {
    const d = expectDiagnostic(
      fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 4
  danh hiệu cdht "Công dân học tập" khi đạt xyzxyzxyz
`),
      'TC2040',
      'xyzxyzxyz',
    );
    expect(d.suggestion).toBeUndefined();
  });
});

test('TC2041 unknown attribute value, with a suggestion', () => {
  const text = fw(`  thuộc tính vung "Vùng": "khó khăn", "phát triển"
  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 4
  danh hiệu cdht "Công dân học tập" khi vung là "kho khan"
`);
  const d = expectDiagnostic(text, 'TC2041', '"kho khan"');
  expect(d.message).toContain('"khó khăn"');
  expect(d.suggestion).toBe('"khó khăn"');
});

test('TC2050 a cycle between titles, with the path', () => {
  const text = fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 4
  danh hiệu a "Danh hiệu A" khi đạt b
  danh hiệu b "Danh hiệu B" khi đạt a
`);
  const d = expectDiagnostic(text, 'TC2050', 'danh hiệu a');
  expect(d.message).toContain('"Danh hiệu A" → "Danh hiệu B" → "Danh hiệu A"');
});

describe('derivation checks', () => {
  test('TC2061 unknown base framework', () => {
    const text = fw(`  dựa trên: cdht-quoc-gia
  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 4
`);
    const d = expectDiagnostic(text, 'TC2061', 'cdht-quoc-gia');
    expect(d.message).toContain('cdht-quoc-gia');
  });

  test('TC2061 is silent when the resolver finds the base', () => {
    const base = compileOk(fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 4
`, 'cdht-quoc-gia'));
    const text = `bộ tiêu chí d "Dẫn xuất"
  dựa trên: cdht-quoc-gia
`;
    expect(codes(text, { resolve: (id) => (id === base.id ? base : undefined) })).toEqual([]);
  });

  test('dropping an indicator the base does not have is TC2040', () => {
    const text = `bộ tiêu chí goc "Gốc"
  đối tượng: công dân
  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 4
bộ tiêu chí con "Con"
  dựa trên: goc
  bỏ qua chỉ số 9
`;
    const d = expectDiagnostic(text, 'TC2040', '9\n');
    expect(d.message).toContain('chỉ số');
    expect(d.message).toContain('9');
  });
});

test('TC2070 missing `đối tượng`', () => {
  const text = `bộ tiêu chí t "Thử"
  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 4
`;
  const d = expectDiagnostic(text, 'TC2070', 't "Thử"');
  expect(d.message).toContain('đối tượng');
});

test('TC2090 a title without rule', () => {
  const text = fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 4
  danh hiệu cdht "Công dân học tập"
`);
  const d = expectDiagnostic(text, 'TC2090', '"Công dân học tập"');
  expect(d.message).toContain('Công dân học tập');
});

test('TC2080 a grading level after `còn lại` is a warning', () => {
  const text = fw(`  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 4
  xếp loại
    "Tốt" khi tổng điểm >= 3
    "Chưa đạt" còn lại
    "Khá" khi tổng điểm >= 2
`);
  const d = expectDiagnostic(text, 'TC2080', '"Khá"');
  expect(d.severity).toBe('warning');
  expect(d.message).toContain('Khá');
  // A warning does not make the file invalid.
  expect(compileText(text).valid).toBe(true);
});

describe('dates', () => {
  test('TC2005 invalid date (31/02/2023)', () => {
    const text = fw(`  hiệu lực: 31/02/2023 - 31/12/2023
`);
    const d = expectDiagnostic(text, 'TC2005', '31/02/2023');
    expect(d.message).toContain('31/2/2023');
  });

  test('29/02 is valid in a leap year only', () => {
    expect(codes(fw(`  hiệu lực: 29/02/2024 - 31/12/2024
`))).toEqual([]);
    expect(codes(fw(`  hiệu lực: 29/02/2023 - 31/12/2023
`))).toEqual(['TC2005']);
  });

  test('TC2006 a period ending before it starts', () => {
    const text = fw(`  hiệu lực: 01/03/2023 - 01/01/2023
`);
    const d = expectDiagnostic(text, 'TC2006', 'hiệu lực');
    expect(d.message).toContain('1/1/2023');
  });
});
