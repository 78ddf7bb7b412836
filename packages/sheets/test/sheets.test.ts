/** The one sheet reader: CSV delimiters, quotes, encodings, row numbers; Excel values; the yes/no and number vocabulary. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnLetter, detectDelimiter, place, readCsvSheet, readNumber, readSheet, readXlsxSheet, readYesNo, recordOf, SheetError } from '../src/index.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('CSV', () => {
  it('one delimiter per file, from the header line: a `;` file keeps `7,5` whole and a quoted village whole', () => {
    const s = readCsvSheet(utf8('Mã;Thôn;Chỉ số 1.1;Chỉ số 1.2\r\na;"Thôn 3; xã Tân Lập";7,5;8\r\nb;Thôn 3, xã Tân Lập;6;5\r\n'));
    expect(s.delimiter).toBe(';');
    expect(s.header).toEqual(['Mã', 'Thôn', 'Chỉ số 1.1', 'Chỉ số 1.2']);
    expect(s.rows.map((r) => r.cells)).toEqual([
      ['a', 'Thôn 3; xã Tân Lập', '7,5', '8'],
      ['b', 'Thôn 3, xã Tân Lập', '6', '5'],
    ]);
    expect(s.issues).toEqual([]);
  });

  it('a `,` file honours quotes; an unquoted decimal comma is a row issue, never a shifted row', () => {
    const s = readCsvSheet(utf8('Mã,Thôn,1.1,1.2\na,"Thôn 3, xã Tân Lập","7,5",8\nb,Thôn 4,7,5,8\nc,Thôn 5,6,5\n'));
    expect(s.delimiter).toBe(',');
    expect(s.rows.map((r) => [r.row, r.cells])).toEqual([
      [2, ['a', 'Thôn 3, xã Tân Lập', '7,5', '8']],
      [4, ['c', 'Thôn 5', '6', '5']],
    ]);
    expect(s.issues).toHaveLength(1);
    expect(s.issues[0]).toMatchObject({ row: 3, column: 'E', code: 'E_EXTRA_CELL' });
    expect(s.issues[0]!.message).toContain('ngoặc kép');
    const kept = readCsvSheet(utf8('a,b\n1,2,note\n'), { beyondHeader: 'ignore' });
    expect([kept.rows[0]!.cells, kept.issues]).toEqual([['1', '2'], []]);
  });

  it('tab-separated, BOM, CRLF, NFD text → NFC; row numbers are the file lines (blank lines and multi-line cells counted)', () => {
    const nfd = 'Nguyễn Văn Lộc'.normalize('NFD');
    const s = readCsvSheet(utf8(`\uFEFFHọ tên\tGhi chú\tĐiểm\r\n${nfd}\t"hai\r\ndòng"\t7,5\r\n\r\nB\t\t8\r\n`));
    expect(s.delimiter).toBe('\t');
    expect(s.encoding).toBe('utf-8');
    expect(s.header[0]).toBe('Họ tên');
    expect(s.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(s.rows[0]!.cells[0]).toBe('Nguyễn Văn Lộc');
    expect(s.rows[0]!.cells[0]!.length).toBe('Nguyễn Văn Lộc'.normalize('NFC').length);
    expect(s.rows[1]!.values).toEqual(['B', null, '8']);
  });

  it('UTF-16 (by its BOM) and Windows-1258 decode to the same NFC text', () => {
    const text = 'Họ và tên;Điểm\nNguyễn Văn Lộc;7,5\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(readCsvSheet(le).rows[0]!.cells).toEqual(['Nguyễn Văn Lộc', '7,5']);
    expect(readCsvSheet(le).encoding).toBe('utf-16le');
    // "Nguyễn" in Windows-1258: N g u y ê + combining tilde (0xDE) n
    const cp1258 = Buffer.from([0x48, 0x3b, 0x44, 0x0a, 0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e, 0x3b, 0x37, 0x0a]);
    const s = readCsvSheet(cp1258);
    expect(s.encoding).toBe('windows-1258');
    expect(s.rows[0]!.cells).toEqual(['Nguyễn', '7']);
  });

  it('refuses what it cannot read: an ambiguous header line, an unclosed quote, binary bytes, no rows, too many rows', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(SheetError);
        return (e as SheetError).code;
      }
      return 'no error';
    };
    expect(code(() => readCsvSheet('a,b;c\n1,2;3\n'))).toBe('AMBIGUOUS_DELIMITER');
    expect(code(() => readCsvSheet('a,b\n"1,2\n'))).toBe('UNTERMINATED_QUOTE');
    expect(code(() => readCsvSheet(new Uint8Array([0x50, 0x4b, 0, 0, 1])))).toBe('ENCODING');
    expect(code(() => readCsvSheet('\n\n'))).toBe('EMPTY');
    expect(code(() => readCsvSheet('a\n1\n2\n3\n', { maxRows: 2 }))).toBe('TOO_MANY_ROWS');
    expect(readCsvSheet('a\n1\n2\n', { maxRows: 2 }).rows).toHaveLength(2);
    expect(detectDelimiter('"a,b";c\n')).toBe(';');
    expect(detectDelimiter('only\n')).toBe(',');
  });

  it('a title row above the header is skipped when the caller says what a header looks like', () => {
    const s = readCsvSheet('BẢNG ĐIỂM NĂM 2018;;\n\nMã;1.1;1.2\na;5;6\n', { isHeader: (cells) => cells.includes('Mã') });
    expect([s.headerRow, s.header, s.rows[0]!.row]).toEqual([3, ['Mã', '1.1', '1.2'], 4]);
    // A title with no delimiter at all: the delimiter comes from the next line that has one.
    const t = readCsvSheet('BẢNG ĐIỂM NĂM 2018\r\nMã;Điểm\r\na;7,5\r\n', { isHeader: (cells) => cells.includes('Mã') });
    expect([t.delimiter, t.headerRow, t.rows[0]!.cells]).toEqual([';', 2, ['a', '7,5']]);
  });

  it('rows as header → cell with column letters, and the place of a cell in words', () => {
    const s = readCsvSheet('ma;ho_ten;diem_1_1 *\nX1;Lan;9\n');
    const r = recordOf(s, s.rows[0]!);
    expect(r['diem_1_1 *']).toEqual({ text: '9', value: '9', index: 2, column: 'C', header: 'diem_1_1 *' });
    expect(place(s, 7, 2)).toBe('dòng 7, cột C (diem_1_1)');
    expect(place(s, 7)).toBe('dòng 7');
    expect([columnLetter(1), columnLetter(26), columnLetter(27), columnLetter(703)]).toEqual(['A', 'Z', 'AA', 'AAA']);
  });
});

describe('Excel', () => {
  async function book(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    fill(wb);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('reads the “Dữ liệu” sheet by value: numbers, text ids, dates, formulas, rich text, percent cells, merged cells; blank rows skipped', async () => {
    const bytes = await book((wb) => {
      wb.addWorksheet('Hướng dẫn').getCell('A1').value = 'đọc tôi';
      const ws = wb.addWorksheet('Dữ liệu');
      ws.addRow(['Mã', 'Thôn', 'Ngày sinh', 'Chỉ số 1.1', 'Tỉ lệ', 'Tổng']);
      ws.addRow(['025303001234', 'Thôn 3, xã Tân Lập', new Date(Date.UTC(1985, 8, 5)), 7.5, 0.75, { formula: 'D2+1', result: 8.5 }]);
      ws.addRow([]);
      ws.addRow([{ richText: [{ text: 'Trần ' }, { text: 'Bình', font: { bold: true } }] }, null, '03/02/1980', true, 0.5, 3]);
      ws.getCell('E2').numFmt = '0%';
      ws.getCell('E4').numFmt = '0%';
      ws.mergeCells('B2:B4');
    });
    const s = await readSheet(bytes);
    expect(s.format).toBe('xlsx');
    expect(s.sheetName).toBe('Dữ liệu');
    expect(s.rows.map((r) => [r.row, r.cells])).toEqual([
      [2, ['025303001234', 'Thôn 3, xã Tân Lập', '05/09/1985', '7.5', '75%', '8.5']],
      [3, ['', 'Thôn 3, xã Tân Lập']],
      [4, ['Trần Bình', 'Thôn 3, xã Tân Lập', '03/02/1980', 'TRUE', '50%', '3']],
    ].map(([row, cells]) => [row, (cells as string[]).concat(Array(6 - (cells as string[]).length).fill(''))]));
    expect(s.rows[0]!.values.slice(3, 6)).toEqual([7.5, 0.75, 8.5]);
    expect(s.rows[2]!.values[3]).toBe(true);
  });

  it('a named sheet, or the first visible sheet with data; unreadable bytes and a missing sheet are SheetErrors', async () => {
    const bytes = await book((wb) => {
      wb.addWorksheet('Trống');
      wb.addWorksheet('Điểm').addRows([['Mã', '1.1'], ['a', 5]]);
      wb.addWorksheet('Khác').addRows([['x'], ['y']]);
    });
    expect((await readXlsxSheet(bytes)).sheetName).toBe('Điểm');
    expect((await readXlsxSheet(bytes, { sheet: 'Khác' })).rows[0]!.cells).toEqual(['y']);
    await expect(readXlsxSheet(bytes, { sheet: 'Không có' })).rejects.toMatchObject({ code: 'NO_SUCH_SHEET' });
    await expect(readXlsxSheet(utf8('not a workbook'))).rejects.toMatchObject({ code: 'XLSX_UNREADABLE' });
    await expect(readSheet(utf8('a;b\n1;2\n'))).resolves.toMatchObject({ format: 'csv', delimiter: ';' });
  });
});

describe('the vocabulary', () => {
  it('yes, no and blank, folded for case and diacritics; anything else is an error in Vietnamese', () => {
    for (const y of ['có', 'Có', 'CÓ', 'co', 'x', 'X', '✓', 'đạt', 'Đạt', 'dat', 'yes', 'Y', 'true', 'TRUE', '1', 1, true, ' có '])
      expect(readYesNo(y), String(y)).toEqual({ ok: true, value: true });
    for (const n of ['không', 'Không', 'khong', 'chưa', 'Chưa', 'chua', 'không đạt', 'Chưa  đạt', 'no', 'N', 'false', '0', 0, false, 'không'.normalize('NFD')])
      expect(readYesNo(n), String(n)).toEqual({ ok: true, value: false });
    for (const b of ['', '  ', '-', null]) expect(readYesNo(b)).toEqual({ ok: true, value: null });
    for (const bad of ['có lẽ', 'ok', '2', 2, '✗']) {
      const r = readYesNo(bad);
      expect(r.ok, String(bad)).toBe(false);
      if (!r.ok) expect(r.message).toContain('không phải Có / Không');
    }
  });

  it('numbers: decimal comma or point, Excel numbers, percent only where meant, blank; clear errors', () => {
    expect(readNumber('7,5')).toEqual({ ok: true, value: 7.5 });
    expect(readNumber('7.5')).toEqual({ ok: true, value: 7.5 });
    expect(readNumber(' 10 ')).toEqual({ ok: true, value: 10 });
    expect(readNumber('-2')).toEqual({ ok: true, value: -2 });
    expect(readNumber(7.25)).toEqual({ ok: true, value: 7.25 });
    expect(readNumber('75%', { percent: true })).toEqual({ ok: true, value: 75 });
    expect(readNumber('62,5 %', { percent: true })).toEqual({ ok: true, value: 62.5 });
    expect(readNumber('')).toEqual({ ok: true, value: null });
    expect(readNumber('-')).toEqual({ ok: true, value: null });
    const pct = readNumber('75%');
    expect(pct.ok).toBe(false);
    if (!pct.ok) expect(pct.message).toContain('không nhận phần trăm');
    for (const bad of ['7,5,1', '1.234,5', 'bảy', '7.', ',5', 'NaN', true]) {
      const r = readNumber(bad);
      expect(r.ok, String(bad)).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/không phải là số|hữu hạn/);
    }
  });
});
