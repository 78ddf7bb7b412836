import * as XLSX from '@e965/xlsx';
import { describe, expect, it, vi } from 'vitest';
import { evaluate, generateSubjects } from '@hoctap/core';
import { buildImportTemplateXlsx, buildRegistersXlsx, buildYearlyReportXlsx, consecutiveYears, fillScoresTemplate, readScoresXlsx, registers, type YearlyReportData } from '../src/index.js';
import { reg } from './helpers.js';

/** Reads a workbook with a second library (SheetJS CE, @e965/xlsx), formulas included. */
const read = (buf: Buffer) => XLSX.read(buf, { type: 'buffer', cellFormula: true, cellNF: true });

const report: YearlyReportData = {
  year: 2022,
  reportingBody: 'UBND phường Tân Thạnh',
  recipient: 'Hội Khuyến học thành phố Tam Kỳ',
  date: '2022-12-10',
  denominatorNote: 'số người từ 15 tuổi trở lên thường trú trên địa bàn, theo nhóm đối tượng (điều tra dân số 01/04/2022)',
  rows: [
    { locality: 'phường Tân Thạnh', title: 'Công dân học tập', group: 'Nông dân', registered: 15, recognised: 11, denominator: 40, target: 25 },
    { locality: 'phường Tân Thạnh', title: 'Công dân học tập', group: 'Công nhân', registered: 15, recognised: 9, denominator: 50, target: 25 },
    { locality: 'phường Tân Thạnh', title: 'Công dân học tập', group: 'Trí thức', registered: 15, recognised: 14, denominator: 30 },
  ],
};

describe('buildYearlyReportXlsx — read back by a second library', () => {
  it('writes real formulas for shares and totals, and states the denominator', async () => {
    const wb = read(await buildYearlyReportXlsx(report));
    const ws = wb.Sheets['Báo cáo năm']!;
    const c = (a: string) => ws[a];
    expect(c('A1').v).toBe('BÁO CÁO KẾT QUẢ ĐĂNG KÝ, CÔNG NHẬN DANH HIỆU HỌC TẬP NĂM 2022');
    expect(c('A2').v).toContain('Hạn gửi: 15/12/2022');
    expect(c('A3').v).toBe(`Mẫu số: ${report.denominatorNote}`);
    expect(['A5', 'B5', 'C5', 'D5', 'E5', 'F5', 'G5', 'H5', 'I5', 'J5', 'K5'].map((a) => c(a).v)).toEqual(['STT', 'Địa bàn', 'Danh hiệu', 'Nhóm đối tượng', 'Số đăng ký', 'Số được công nhận', 'Mẫu số', 'Tỷ lệ công nhận / mẫu số', 'Chỉ tiêu', 'Đánh giá', 'Tỷ lệ công nhận / đăng ký']);
    // Cell by cell, formulas included.
    const expected: Record<string, { v?: unknown; f?: string }> = {
      A6: { v: 1 }, B6: { v: 'phường Tân Thạnh' }, D6: { v: 'Nông dân' }, E6: { v: 15 }, F6: { v: 11 }, G6: { v: 40 },
      H6: { f: 'IF(G6>0,F6/G6,0)', v: 11 / 40 }, I6: { v: 0.25 }, J6: { f: 'IF(H6>=I6,"Đạt","Chưa đạt")', v: 'Đạt' }, K6: { f: 'IF(E6>0,F6/E6,0)', v: 11 / 15 },
      H7: { f: 'IF(G7>0,F7/G7,0)', v: 9 / 50 }, J7: { f: 'IF(H7>=I7,"Đạt","Chưa đạt")', v: 'Chưa đạt' },
      D8: { v: 'Trí thức' }, J8: { f: 'IF(I8="","Không có chỉ tiêu","")', v: 'Không có chỉ tiêu' },
      A9: { v: 'Tổng cộng' }, E9: { f: 'SUM(E6:E8)', v: 45 }, F9: { f: 'SUM(F6:F8)', v: 34 }, G9: { f: 'SUM(G6:G8)', v: 120 },
      H9: { f: 'IF(G9>0,F9/G9,0)', v: 34 / 120 }, K9: { f: 'IF(E9>0,F9/E9,0)', v: 34 / 45 },
    };
    for (const [addr, e] of Object.entries(expected)) {
      if (e.f !== undefined) expect(c(addr)?.f, addr).toBe(e.f);
      if (typeof e.v === 'number') expect(c(addr)?.v, addr).toBeCloseTo(e.v, 10);
      else if (e.v !== undefined) expect(c(addr)?.v, addr).toBe(e.v);
    }
    expect(c('H6').z).toBe('0.0%');
  });

  it('the formulas compute what the cached values say (recomputed here from the cells)', async () => {
    const ws = read(await buildYearlyReportXlsx(report)).Sheets['Báo cáo năm']!;
    for (let n = 6; n <= 8; n++) expect(ws[`H${n}`].v).toBeCloseTo(ws[`F${n}`].v / ws[`G${n}`].v, 12);
  });
});

describe('registers (Yên Bái: 1, 3 and 5 years)', () => {
  const data = {
    title: 'Gia đình học tập',
    year: 2020,
    locality: 'xã Minh Bảo, thành phố Yên Bái',
    date: '2020-12-10',
    holders: [
      { name: 'Nguyễn Thị Hương', address: 'Thôn 1', years: [2016, 2017, 2018, 2019, 2020] },
      { name: 'Đặng Quốc Việt', address: 'Thôn 2', years: [2018, 2019, 2020] },
      { name: 'Hồ Thị Thúy', address: 'Thôn 3', years: [2016, 2017, 2019, 2020] },
      { name: 'Lê Văn Ẩn', address: 'Thôn 4', years: [2016, 2017, 2018, 2019] },
    ],
  };
  it('counts consecutive years ending in the register’s year', () => {
    expect(consecutiveYears([2016, 2017, 2019, 2020], 2020)).toBe(2);
    expect(consecutiveYears([2016, 2017, 2018, 2019], 2020)).toBe(0);
    const r = registers(data);
    expect(r[1].map((h) => h.name)).toEqual(['Nguyễn Thị Hương', 'Đặng Quốc Việt', 'Hồ Thị Thúy']);
    expect(r[3].map((h) => h.name)).toEqual(['Nguyễn Thị Hương', 'Đặng Quốc Việt']);
    expect(r[5].map((h) => h.name)).toEqual(['Nguyễn Thị Hương']);
  });
  it('writes one sheet per register and a summary of cross-sheet formulas', async () => {
    const wb = read(await buildRegistersXlsx(data));
    expect(wb.SheetNames).toEqual(['Tổng hợp', 'Sổ 1 năm', 'Sổ 3 năm', 'Sổ 5 năm']);
    const s = wb.Sheets['Tổng hợp']!;
    expect(s['B5'].f).toBe("COUNTA('Sổ 1 năm'!B5:B7)");
    expect(s['B5'].v).toBe(3);
    expect(s['B6'].f).toBe("COUNTA('Sổ 3 năm'!B5:B6)");
    expect(s['B6'].v).toBe(2);
    expect(s['B7'].v).toBe(1);
    expect(s['C6'].f).toBe('IF($B$5>0,B6/$B$5,0)');
    const five = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Sổ 5 năm']!, { header: 1, range: 3 });
    expect(five[0]).toEqual(['STT', 'Họ và tên', 'Địa chỉ / đơn vị', 'Các năm đạt danh hiệu', 'Số năm liên tục đến 2020', 'Ghi chú']);
    expect(five.slice(1).map((r) => r.slice(0, 5))).toEqual([[1, 'Nguyễn Thị Hương', 'Thôn 1', '2016, 2017, 2018, 2019, 2020', 5]]);
  });
});

describe('groups in the registers and the yearly report’s list', () => {
  const holders = [
    { name: 'Hộ ông Lê Văn An', kind: 'household' as const, representative: 'Chủ hộ: Lê Văn An', address: 'Thôn Đoài', years: [2016, 2017, 2018, 2019, 2020], decision: '15/QĐ-UBND ngày 01/12/2020' },
    { name: 'Hộ bà Trần Thị Bình', kind: 'household' as const, representative: 'Chủ hộ: Trần Thị Bình', address: 'Thôn Đông', years: [2018, 2019, 2020] },
  ];
  it('a register of households names each household and its head', async () => {
    const wb = read(await buildRegistersXlsx({ title: 'Gia đình học tập', year: 2020, locality: 'xã Minh Bảo', date: '2020-12-10', holders }));
    const three = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Sổ 3 năm']!, { header: 1, range: 3 });
    expect(three[0]).toEqual(['STT', 'Hộ gia đình', 'Người đại diện', 'Địa chỉ / đơn vị', 'Các năm đạt danh hiệu', 'Số năm liên tục đến 2020', 'Ghi chú']);
    expect(three.slice(1)).toEqual([
      [1, 'Hộ ông Lê Văn An', 'Chủ hộ: Lê Văn An', 'Thôn Đoài', '2016, 2017, 2018, 2019, 2020', 5, 'QĐ 15/QĐ-UBND ngày 01/12/2020'],
      [2, 'Hộ bà Trần Thị Bình', 'Chủ hộ: Trần Thị Bình', 'Thôn Đông', '2018, 2019, 2020', 3, ''],
    ]);
    expect(XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Sổ 5 năm']!, { header: 1, range: 4 }).map((r) => r[1])).toEqual(['Hộ ông Lê Văn An']);
  });
  it('the yearly report lists the registered households with their head, village, total and result', async () => {
    const wb = read(
      await buildYearlyReportXlsx({
        ...report,
        subjects: [
          { kind: 'household', name: 'Hộ ông Lê Văn An', representative: 'Chủ hộ: Lê Văn An', village: 'Thôn Đoài', commune: 'xã Minh Bảo', total: 90, result: 'Được công nhận: Gia đình học tập' },
          { kind: 'household', name: 'Hộ bà Trần Thị Bình', representative: 'Chủ hộ: Trần Thị Bình', village: 'Thôn Đông', commune: 'xã Minh Bảo', total: 70, result: 'Không được công nhận' },
        ],
      }),
    );
    expect(wb.SheetNames).toEqual(['Báo cáo năm', 'Danh sách']);
    const list = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Danh sách']!, { header: 1, range: 2 });
    expect(list).toEqual([
      ['STT', 'Hộ gia đình', 'Người đại diện', 'Thôn, tổ dân phố', 'Xã, phường', 'Tổng điểm', 'Kết quả'],
      [1, 'Hộ ông Lê Văn An', 'Chủ hộ: Lê Văn An', 'Thôn Đoài', 'xã Minh Bảo', 90, 'Được công nhận: Gia đình học tập'],
      [2, 'Hộ bà Trần Thị Bình', 'Chủ hộ: Trần Thị Bình', 'Thôn Đông', 'xã Minh Bảo', 70, 'Không được công nhận'],
    ]);
    // Without a list, the workbook is the one sheet it was.
    expect(read(await buildYearlyReportXlsx(report)).SheetNames).toEqual(['Báo cáo năm']);
  });
});

describe('import templates and reading scores back', () => {
  it('people template: instructions, header notes, drop-down lists from a hidden sheet', async () => {
    const m = reg().get('tan-thanh/cdht-tan-thanh-2022').model;
    const buf = await buildImportTemplateXlsx('people', m);
    const wb = read(buf);
    expect(wb.SheetNames).toEqual(['Hướng dẫn', 'Dữ liệu', 'Danh mục']);
    expect(wb.Sheets['Hướng dẫn']!['A1'].v).toMatch(/^MẪU NHẬP: DANH SÁCH NGƯỜI/);
    const d = wb.Sheets['Dữ liệu']!;
    expect(d['A1'].v).toBe('Mã *');
    expect(d['C1'].v).toBe('Giới tính');
    expect(d['E1'].v).toBe('Nhóm đối tượng *');
    expect((d['A1'].c as { t: string }[])[0]!.t).toContain('Không ghi số CCCD');
    const lists = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Danh mục']!, { header: 1 });
    expect(lists.map((r) => r[1]).filter(Boolean)).toEqual(['Nhóm đối tượng', ...m.groups.map((g) => g.name)]);
    // Data validations are in the sheet XML (SheetJS does not parse them): check the raw part.
    const zip = XLSX.CFB.read(buf, { type: 'buffer' });
    const path = zip.FullPaths.find((p: string) => p.endsWith('worksheets/sheet2.xml'))!;
    const sheet2 = XLSX.CFB.find(zip, path)!;
    const xml = Buffer.from(sheet2.content as Uint8Array).toString('utf8');
    expect(xml).toContain('<dataValidations');
    expect(xml).toMatch(/type="list"[^>]*sqref="C2:C1001"|sqref="C2:C1001"[^>]*type="list"/);
    expect(xml).toContain('<formula1>&apos;Danh mục&apos;!$A$2:$A$3</formula1>');
    for (const m of xml.matchAll(/error="([^"]*)"/g)) expect(m[1]!.length).toBeLessThanOrEqual(255); // Excel's limit
  });

  it('households template has yes/no lists and whole-number checks', async () => {
    const wb = read(await buildImportTemplateXlsx('households'));
    const d = wb.Sheets['Dữ liệu']!;
    expect([d['A1'].v, d['B1'].v, d['D1'].v]).toEqual(['Mã hộ *', 'Chủ hộ *', 'Số thành viên']);
  });

  it('scores: a filled template comes back as the same subjects; bad rows are reported by row number and skipped', async () => {
    const m = reg().get('tan-thanh/cdht-tan-thanh-2022').model;
    const subjects = generateSubjects(m, { seed: 7, count: 6, year: 2022, idPrefix: 'tt' }).map((s, i) => ({ ...s, name: ['Nguyễn Thị Hương', 'Đặng Quốc Việt', 'Hồ Thị Thúy', 'Trần Văn Ẩn', 'Lê Thị Bích Ngọc', 'Phạm Đức Hải'][i]! }));
    const filled = await fillScoresTemplate(await buildImportTemplateXlsx('scores', m), m, subjects);
    const back = await readScoresXlsx(filled, m);
    expect(back.errors).toEqual([]);
    expect(back.subjects).toHaveLength(6);
    for (const [i, s] of subjects.entries()) {
      expect(back.subjects[i]).toMatchObject({ id: s.id, name: s.name, group: s.group, scores: s.scores });
      expect(evaluate(m, back.subjects[i]!).total).toBe(evaluate(m, s).total);
    }

    // Break three rows with a second library (SheetJS), as a user's spreadsheet program would.
    const wb = XLSX.read(filled, { type: 'buffer' });
    const d = wb.Sheets['Dữ liệu']!;
    const header = XLSX.utils.sheet_to_json<string[]>(d, { header: 1 })[0]!;
    const col = (h: string) => XLSX.utils.encode_col(header.indexOf(h));
    const first = header.find((h) => h.startsWith('Chỉ số'))!;
    d[`${col(first)}3`] = { t: 'n', v: 99 }; // row 3: out of range
    d[`${col('Nhóm đối tượng *')}4`] = { t: 's', v: 'Thương nhân' }; // row 4: unknown group
    d[`A6`] = { t: 's', v: subjects[0]!.id }; // row 6: duplicate id
    const broken = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const r = await readScoresXlsx(broken, m);
    expect(r.rows).toBe(6);
    expect(r.subjects.map((s) => s.id)).toEqual([subjects[0]!.id, subjects[3]!.id, subjects[5]!.id]);
    expect(r.errors.map((e) => e.row)).toEqual([3, 4, 6]);
    expect(r.errors[0]).toMatchObject({ row: 3, column: expect.stringMatching(/^Chỉ số /), message: expect.stringContaining('ngoài khoảng 0–') });
    expect(r.errors[1]).toMatchObject({ row: 4, column: 'Nhóm đối tượng', message: 'Nhóm “Thương nhân” không có trong bộ tiêu chí.' });
    expect(r.errors[2]!.message).toContain('trùng với dòng 2');
  });

  it('a template without its key columns is refused with a row-1 error', async () => {
    const m = reg().get('phu-tho/cdht-phu-tho-2018').model;
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Tên'], ['Nguyễn Thị Hương']]), 'Dữ liệu');
    const r = await readScoresXlsx(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer, m);
    expect(r.subjects).toEqual([]);
    expect(r.errors[0]).toMatchObject({ row: 1, message: 'Thiếu cột “Mã”.' });
  });
});

describe('reproducible workbooks', () => {
  it('the same data gives the same bytes, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2001-02-03T04:05:06Z'));
      const a = await buildYearlyReportXlsx(report);
      vi.setSystemTime(new Date('2031-07-08T09:10:11Z'));
      const b = await buildYearlyReportXlsx(report);
      expect(a.equals(b)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
