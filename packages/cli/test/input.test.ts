import { describe, expect, it } from 'vitest';
import { readCsv, readJson } from '../src/index.js';
import { detectDelimiter } from '../src/input/csv.js';
import { parseNumber, parseYesNo, readRows } from '../src/input/rows.js';

const opts = {
  indicators: [
    { id: '1.1', kind: 'points' as const },
    { id: '1.2', kind: 'yes-no' as const },
    { id: 'a', kind: 'points' as const },
  ],
};

describe('cell values', () => {
  it('reads numbers written 7,5 or 7.5, and percentages', () => {
    expect(parseNumber('7,5')).toBe(7.5);
    expect(parseNumber(' 7.5 ')).toBe(7.5);
    expect(parseNumber('10')).toBe(10);
    expect(parseNumber('80%')).toBe(80);
    expect(parseNumber('-2')).toBe(-2);
    expect(parseNumber('7,5,1')).toBeUndefined();
    expect(parseNumber('bảy')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });

  it('reads yes/no words with or without diacritics', () => {
    for (const w of ['x', 'X', 'có', 'co', '1', 'true', 'đạt', 'Đạt', 'dat']) expect(parseYesNo(w)).toBe(true);
    for (const w of ['0', 'không', 'khong', 'false', 'không đạt', 'chưa đạt']) expect(parseYesNo(w)).toBe(false);
    expect(parseYesNo('có lẽ')).toBeUndefined();
    expect(parseYesNo(true)).toBe(true);
    expect(parseYesNo(0)).toBe(false);
  });

  it('guesses the CSV delimiter from the header', () => {
    expect(detectDelimiter('mã,1.1,1.2\n')).toBe(',');
    expect(detectDelimiter('mã;1.1;1.2\r\na;7,5;1\n')).toBe(';');
    expect(detectDelimiter('mã\t1.1\n')).toBe('\t');
  });
});

describe('readCsv', () => {
  it('maps every column alias to its field', () => {
    const csv = '\uFEFFID,Name,Group,Year,Facts,Attr:vung,Evidence:1.1,1.1,1.2,a\nx,An,g1,2024,f1; f2,khó khăn,x,"7,5",đạt,3\n';
    const { subjects, rowErrors } = readCsv(csv, opts);
    expect(rowErrors).toEqual([]);
    expect(subjects).toEqual([
      {
        row: 2,
        name: 'An',
        subject: { id: 'x', year: 2024, group: 'g1', attributes: { vung: 'khó khăn' }, scores: { '1.1': 7.5, '1.2': true, a: 3 }, evidence: { '1.1': true }, facts: ['f1', 'f2'] },
      },
    ]);
  });

  it('accepts the Vietnamese column names, with or without diacritics', () => {
    const csv = 'mã;họ và tên;nhóm;năm;sự kiện;thuộc tính:vung;minh chứng:1.1;1.1\nx;Bình;g;2025;f;phát triển;có;6\n';
    const plain = 'ma;ho ten;nhom;nam;su kien;thuoc tinh:vung;minh chung:1.1;1.1\nx;Bình;g;2025;f;phát triển;co;6\n';
    const a = readCsv(csv, opts);
    const b = readCsv(plain, opts);
    expect(a.rowErrors).toEqual([]);
    expect(b.subjects).toEqual(a.subjects);
    expect(a.subjects[0]!.subject).toMatchObject({ id: 'x', group: 'g', year: 2025, facts: ['f'], attributes: { vung: 'phát triển' }, evidence: { '1.1': true } });
  });

  it('normalises decomposed (NFD) text to NFC', () => {
    const nfd = 'mã,họ tên,1.1\nx,Nguyễn Thị Hà,5\n'.normalize('NFD');
    const { subjects } = readCsv(nfd, opts);
    expect(subjects[0]!.name).toBe('Nguyễn Thị Hà'.normalize('NFC'));
  });

  it('numbers rows like a spreadsheet, skips blank rows, and keeps reading after a bad row', () => {
    const csv = 'mã,1.1,1.2,minh chứng:1.1\na,5,1,\n\nb,năm,0,\nc,4,có lẽ,\nd,3,,hình như\ne,2,,\n';
    const { subjects, rowErrors } = readCsv(csv, opts);
    expect(subjects.map((s) => [s.row, s.subject.id])).toEqual([
      [2, 'a'],
      [7, 'e'],
    ]);
    expect(rowErrors.map((e) => [e.row, e.id, e.errors.map((x) => x.code)])).toEqual([
      [4, 'b', ['E_NOT_A_NUMBER']],
      [5, 'c', ['E_NOT_A_NUMBER']],
      [6, 'd', ['E_EVIDENCE']],
    ]);
  });

  it('reports unknown and duplicate columns on the header row and ignores them', () => {
    const csv = 'mã,1.1,1,2,1.1,minh chứng:9.9,ghi chu\na,5,x,y,6,x,z\n';
    const { subjects, rowErrors } = readCsv(csv, opts);
    expect(subjects).toEqual([{ row: 2, subject: { id: 'a', scores: { '1.1': 5 } } }]);
    expect(rowErrors).toHaveLength(1);
    expect(rowErrors[0]!.row).toBe(1);
    expect(rowErrors[0]!.errors.map((e) => [e.code, e.field])).toEqual([
      ['E_UNKNOWN_COLUMN', '1'],
      ['E_UNKNOWN_COLUMN', '2'],
      ['E_DUPLICATE_COLUMN', '1.1'],
      ['E_UNKNOWN_COLUMN', 'minh chứng:9.9'],
      ['E_UNKNOWN_COLUMN', 'ghi chu'],
    ]);
  });

  it('reports duplicate ids, bad years and cells beyond the header', () => {
    const { rowErrors } = readCsv('mã,năm,1.1\na,2024,1\na,2024,2\nb,24,3\nc,2024,4,9\n', opts);
    expect(rowErrors.map((e) => [e.row, e.errors[0]!.code])).toEqual([
      [3, 'E_DUPLICATE_ID'],
      [4, 'E_YEAR'],
      [5, 'E_EXTRA_CELL'],
    ]);
  });

  it('reads the platform templates’ headers and the one yes/no/blank vocabulary of @hoctap/sheets', () => {
    const csv = 'Mã *;Họ và tên *;Chỉ số 1.1;Chỉ số 1.2;Minh chứng 1.1\na;Lan;7,5;Chưa;Có\nb;Hà;-;✓;-\nc;Bình;6;có lẽ;\n';
    const { subjects, rowErrors } = readCsv(new TextEncoder().encode(csv), opts);
    expect(subjects).toEqual([
      { row: 2, name: 'Lan', subject: { id: 'a', scores: { '1.1': 7.5, '1.2': false }, evidence: { '1.1': true } } },
      { row: 3, name: 'Hà', subject: { id: 'b', scores: { '1.2': true } } },
    ]);
    expect(rowErrors).toHaveLength(1);
    expect(rowErrors[0]).toMatchObject({ row: 4, id: 'c', errors: [{ code: 'E_NOT_A_NUMBER', field: '1.2' }] });
    expect(rowErrors[0]!.errors[0]!.message).toContain('không phải Có / Không');
  });

  it('a `,` file with an unquoted decimal comma refuses that row instead of shifting it; quoted cells stay whole', () => {
    const { subjects, rowErrors } = readCsv('mã,họ tên,1.1,a\nx,"Lê, Văn A",7,5,3\ny,"Lê, Văn B","7,5",3\n', opts);
    expect(subjects).toEqual([{ row: 3, name: 'Lê, Văn B', subject: { id: 'y', scores: { '1.1': 7.5, a: 3 } } }]);
    expect(rowErrors.map((e) => [e.row, e.errors[0]!.code])).toEqual([[2, 'E_EXTRA_CELL']]);
  });

  it('a file the reader refuses whole is a row-0 error (the CLI exits 1)', () => {
    expect(readCsv('a,b;c\n1,2;3\n', opts).rowErrors[0]).toMatchObject({ row: 0, errors: [{ code: 'E_AMBIGUOUS_DELIMITER' }] });
  });

  it('gives subjects without an id column an id from their row', () => {
    const { subjects } = readRows(['1.1'], [{ row: 9, cells: [4] }], opts);
    expect(subjects[0]!.subject.id).toBe('#9');
  });
});

describe('readJson', () => {
  it('accepts an array or { subjects }, converts "7,5" and NFC-normalises', () => {
    const a = readJson(JSON.stringify([{ id: 'x', name: 'Hà'.normalize('NFD'), scores: { '1.1': '7,5', '1.2': true, a: null } }]));
    const b = readJson(JSON.stringify({ subjects: [{ id: 'x', name: 'Hà', scores: { '1.1': 7.5, '1.2': true, a: null } }] }));
    expect(a).toEqual(b);
    expect(a.subjects[0]).toEqual({ row: 1, name: 'Hà', subject: { id: 'x', scores: { '1.1': 7.5, '1.2': true, a: null } } });
  });

  it('reports bad fields with the position of the subject', () => {
    const r = readJson(JSON.stringify([{ id: 'x', year: 'năm nay' }, { id: 'y', members: [{ scores: 3 }] }, { id: 'z', evidence: { '1.1': 'có' } }]));
    expect(r.rowErrors.map((e) => [e.row, e.id, e.errors.map((x) => `${x.code} ${x.field}`)])).toEqual([
      [1, 'x', ['E_YEAR year']],
      [2, 'y', ['E_TYPE members[0].scores']],
      [3, 'z', ['E_TYPE evidence']],
    ]);
  });

  it('reports a file that is not JSON, or not a list, as a whole (row 0)', () => {
    expect(readJson('{').rowErrors[0]).toMatchObject({ row: 0, errors: [{ code: 'E_JSON' }] });
    expect(readJson('{"a": 1}').rowErrors[0]).toMatchObject({ row: 0, errors: [{ code: 'E_JSON' }] });
  });
});
