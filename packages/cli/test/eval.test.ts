import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { json, PKG, run } from './helpers.js';

interface Out {
  id: string;
  name?: string;
  row: number;
  total?: number;
  titles?: string[];
  level?: string | null;
  explanation?: { text: string; children?: unknown[] };
  errors?: { code: string; field: string | null; message: string }[];
}

const DEMO = ['eval', 'phu-tho/cdht-phu-tho-2018', '--input', 'demo/phu-tho-2018.csv'];

/** A framework using years, facts, attributes, groups-free scoring and a title over years. */
const YEARS = `bộ tiêu chí y-2025 "Thử nhiều năm"
  đối tượng: công dân
  sự kiện dang-vien "Đảng viên"
  thuộc tính vung "Vùng": "phát triển", "khó khăn"

  tiêu chí 1 "Học tập" tổng 10
    chỉ số 1.1 "Tự học" tối đa 6 bước 0,5
    chỉ số 1.2 "Có thẻ thư viện" tối đa 4 dạng đạt cần minh chứng

  danh hiệu cdht "Công dân học tập"
    khi tổng điểm >= 8
    nếu vung là "khó khăn" thì tổng điểm >= 6

  danh hiệu tieu-bieu "Công dân học tập tiêu biểu"
    khi đạt cdht 3 năm liền và sự kiện dang-vien
`;

describe('hoctap eval on the demo sheet', () => {
  it('recognises the subject with 75 points and not the one with 74; reports the bad row by number, scores the others', async () => {
    const r = await run([...DEMO, '--json']);
    expect(r.code).toBe(2);
    const out = json<Out[]>(r);
    expect(out).toHaveLength(20);
    const at75 = out.filter((o) => o.total === 75);
    const at74 = out.filter((o) => o.total === 74);
    expect(at75.map((o) => [o.id, o.titles])).toEqual([['tnmt-02', ['Công dân học tập']]]);
    expect(at74.map((o) => [o.id, o.titles])).toEqual([['tnmt-04', []]]);
    const bad = out.filter((o) => o.errors);
    expect(bad).toEqual([
      { id: 'thue-03', name: 'Đinh Thị Thu Trang', row: 11, errors: [{ code: 'E_ABOVE_MAX', field: '1.1', message: 'Điểm chỉ số 1.1 = 8 vượt tối đa 6' }] },
    ]);
    expect(out.filter((o) => o.total !== undefined)).toHaveLength(19);
    expect(out.filter((o) => o.titles?.includes('Công dân học tập'))).toHaveLength(14);
    // Names pass through; level is null for a framework without grading; no explanation unless asked.
    expect(out[0]).toEqual({ id: 'tnmt-01', name: 'Nguyễn Văn An', row: 2, total: 88, titles: ['Công dân học tập'], level: null });
  });

  it('prints a readable table with the row report and the share recognised', async () => {
    const r = await run(DEMO);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^Mã\s+Họ tên\s+Tổng\s+Danh hiệu\s+Xếp loại$/m);
    expect(r.stdout).toMatch(/^tnmt-02\s+Trần Thị Bích Ngọc\s+75\s+Công dân học tập\s+—$/m);
    expect(r.stdout).toMatch(/^tnmt-04\s+Phạm Thu Hằng\s+74\s+—\s+—$/m);
    expect(r.stdout).toContain('  Dòng 11 (thue-03): Điểm chỉ số 1.1 = 8 vượt tối đa 6');
    expect(r.stdout).toContain('20 đối tượng: 19 chấm được, 1 có lỗi.');
    expect(r.stdout).toContain('Đạt "Công dân học tập": 14/19 (73,7%).');
  });

  it('--explain adds the explanation tree (JSON) and text', async () => {
    const j = json<Out[]>(await run([...DEMO, '--json', '--explain']));
    expect(j[0]!.explanation!.text).toBe('tnmt-01: tổng điểm 88/100');
    const t = await run([...DEMO, '--explain']);
    expect(t.stdout).toContain('Giải thích — tnmt-04 (Phạm Thu Hằng):');
    expect(t.stdout).toContain('✗ tổng điểm 74 < 75 (thiếu 1 điểm)');
  });

  it('--csv writes id,total,titles,level,errors', async () => {
    const r = await run([...DEMO, '--csv', 'out.csv']);
    expect(r.code).toBe(2);
    const csv = String(r.written.get(resolve(PKG, 'out.csv')));
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,total,titles,level,errors');
    expect(lines).toContain('tnmt-02,75,Công dân học tập,,');
    expect(lines).toContain('tnmt-04,74,,,');
    expect(lines).toContain('thue-03,,,,1.1: Điểm chỉ số 1.1 = 8 vượt tối đa 6');
    expect(lines).toHaveLength(21);
    expect(r.stderr).toContain('Dòng 11 (thue-03)');
  });

  it('gives English messages with --lang en', async () => {
    const out = json<Out[]>(await run([...DEMO, '--json', '--lang', 'en']));
    expect(out.find((o) => o.errors)!.errors![0]!.message).toBe('Score of indicator 1.1 = 8 is above its max 6');
  });
});

describe('hoctap eval inputs', () => {
  it('reads CSV with ; separators, decimal commas, groups, evidence columns and Vietnamese headers', async () => {
    const out = json<Out[]>(await run(['eval', 'examples/cdht-xa-mau.tieuchi', '--input', 'examples/diem.csv', '--json']));
    expect(out.map((o) => [o.id, o.total, o.level])).toEqual([
      ['nd-01', 77.5, 'Khá'],
      ['nd-02', 93.5, 'Tốt'],
      ['nd-03', 65, 'Chưa đạt'],
      ['cc-01', 84.5, 'Khá'],
      ['cc-02', 46, 'Chưa đạt'],
    ]);
  });

  it('reports bad rows (not a number, above max, off-step, unknown group, unknown column) and scores the rest', async () => {
    const r = await run(['eval', 'examples/cdht-xa-mau.tieuchi', '--input', 'examples/diem-loi.csv', '--json']);
    expect(r.code).toBe(2);
    const out = json<Out[]>(r);
    expect(out.map((o) => [o.row, o.id, o.errors?.map((e) => e.code) ?? o.total])).toEqual([
      [2, 'nd-11', 88],
      [3, 'nd-12', ['E_NOT_A_NUMBER']],
      [4, 'nd-13', ['E_ABOVE_MAX']],
      [5, 'nd-14', ['E_GROUP', 'E_NOT_APPLICABLE']],
      [6, 'nd-15', ['E_STEP']],
    ]);
    expect(r.stderr).toContain('Dòng 1 (tiêu đề): Cột "ghi chú" (cột 9) không phải số chỉ số hay cột đã biết');
  });

  it('reads years, facts, attributes and yes/no words from CSV, and history from JSON', async () => {
    const csv = 'id,năm,sự kiện,thuộc tính:vung,1.1,1.2,minh chứng:1.2\na,2025,dang-vien,khó khăn,"5,5",đạt,x\nb,2025,,phát triển,6,không,\nc,2025,,phát triển,4,đạt,\n';
    const r = await run(['eval', 'y.tieuchi', '--input', 'y.csv', '--json'], { files: { 'y.tieuchi': YEARS, 'y.csv': csv } });
    expect(r.code).toBe(0);
    expect(json<Out[]>(r).map((o) => [o.id, o.total, o.titles])).toEqual([
      ['a', 9.5, ['Công dân học tập']],
      ['b', 6, []],
      // 1.2 is yes/no and needs evidence: without it, 0.
      ['c', 4, []],
    ]);
    const subjects = [
      { id: 'x', year: 2025, facts: ['dang-vien'], scores: { '1.1': 6, '1.2': true }, evidence: { '1.2': ['thẻ số 123'] }, history: { '2023': ['cdht'], '2024': ['Công dân học tập'] } },
      { id: 'y', year: 2025, facts: ['dang-vien'], scores: { '1.1': 6, '1.2': true }, evidence: { '1.2': true }, history: { '2024': ['cdht'] } },
    ];
    const j = await run(['eval', 'y.tieuchi', '--input', 'y.json', '--json'], { files: { 'y.tieuchi': YEARS, 'y.json': JSON.stringify(subjects) } });
    expect(json<Out[]>(j).map((o) => [o.id, o.titles])).toEqual([
      ['x', ['Công dân học tập', 'Công dân học tập tiêu biểu']],
      ['y', ['Công dân học tập']],
    ]);
  });

  it('scores members given in JSON', async () => {
    const unit = `bộ tiêu chí dv-2025 "Đơn vị"
  đối tượng: đơn vị

  tiêu chí 1 "Thành viên" tổng 10
    chỉ số 1.1 "Tỉ lệ thành viên đạt" tối đa 10 đo tỉ lệ thành viên đạt "Công dân học tập"
      mức 80% thì 10
      mức 50% thì 5

  danh hiệu dvht "Đơn vị học tập"
    khi tổng điểm >= 10
`;
    const subjects = [
      { id: 'so-a', members: [{ titles: ['Công dân học tập'] }, { titles: ['Công dân học tập'] }, { titles: [] }] },
      { id: 'so-b', members: [{ titles: ['Công dân học tập'] }, { titles: ['Công dân học tập'] }, { titles: ['Công dân học tập'] }, { titles: ['Công dân học tập'] }, { titles: [] }] },
    ];
    const r = await run(['eval', 'dv.tieuchi', '-i', 'dv.json', '--json'], { files: { 'dv.tieuchi': unit, 'dv.json': JSON.stringify(subjects) } });
    expect(json<Out[]>(r).map((o) => [o.id, o.total, o.titles])).toEqual([
      ['so-a', 5, []],
      ['so-b', 10, ['Đơn vị học tập']],
    ]);
  });

  it('reports bad JSON subjects by position and still scores the others', async () => {
    const subjects = [{ id: 'a', scores: { '1.1': '7,5' } }, { id: 'b', scores: { '1.1': 'bảy' } }, { id: 'c', scroes: {} }, 'x'];
    const model = 'bộ tiêu chí z "Z"\n  đối tượng: công dân\n\n  tiêu chí 1 "A" tổng 10\n    chỉ số 1.1 "a" tối đa 10 bước 0,5\n';
    const r = await run(['eval', 'z.tieuchi', '--input', 'z.json', '--json'], { files: { 'z.tieuchi': model, 'z.json': JSON.stringify(subjects) } });
    expect(r.code).toBe(2);
    const out = json<Out[]>(r);
    expect(out[0]).toMatchObject({ id: 'a', row: 1, total: 7.5 });
    expect(out[1]).toMatchObject({ id: 'b', row: 2, errors: [{ code: 'E_NOT_A_NUMBER', field: '1.1' }] });
    expect(out[2]).toMatchObject({ id: 'c', row: 3, errors: [{ code: 'E_UNKNOWN_FIELD', field: 'scroes', message: expect.stringContaining('ý bạn là "scores"?') }] });
    expect(out[3]).toMatchObject({ id: '#4', row: 4, errors: [{ code: 'E_SUBJECT' }] });
  });

  it('reads an Excel workbook written with exceljs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hoctap-xlsx-'));
    const file = join(dir, 'bang-diem.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Điểm');
    ws.addRow(['Mã', 'Họ và tên', 'Nhóm', '1.1', '1.2', '2.1', '2.3', 'Minh chứng:2.1']);
    ws.addRow(['nd-1', 'Giàng A Páo', 'nong-dan', 19.5, '16,5', 26, 23, 'x']);
    ws.addRow([]);
    ws.addRow(['nd-2', 'Sùng Thị Mỷ', 'nong-dan', 'hai mươi', 10, 20, 20, true]);
    ws.addRow(['nd-3', { richText: [{ text: 'Vàng ' }, { text: 'Seo Lử' }] }, 'nong-dan', { formula: '10+5', result: 15 }, 15, 20, 20, 'có']);
    await wb.xlsx.writeFile(file);
    const r = await run(['eval', 'examples/cdht-xa-mau.tieuchi', '--input', file, '--json']);
    expect(r.code).toBe(2);
    expect(json<Out[]>(r)).toEqual([
      { id: 'nd-1', name: 'Giàng A Páo', row: 2, total: 85, titles: ['Công dân học tập'], level: 'Tốt' },
      { id: 'nd-2', name: 'Sùng Thị Mỷ', row: 4, errors: [{ code: 'E_NOT_A_NUMBER', field: '1.1', message: 'Điểm chỉ số 1.1 không phải là số: "hai mươi"' }] },
      { id: 'nd-3', name: 'Vàng Seo Lử', row: 5, total: 70, titles: ['Công dân học tập'], level: 'Khá' },
    ]);
  });

  it('reads a 10,000-row CSV (its speed is measured by bench/, not here)', async () => {
    const ids = ['1.1', '1.2', '1.3', '2.1', '2.2', '3.1', '3.2', '3.3', '4.1', '4.2', '5.1', '5.2', '6.1', '6.2', '7.1', '7.2', '7.3', '8.1', '8.2', '9.1', '9.2', '10.1', '10.2'];
    const rows = [`mã,họ tên,${ids.join(',')}`];
    for (let k = 0; k < 10_000; k++) rows.push(`cb-${k},Cán bộ ${k},${ids.map((_, i) => String((k + i) % 4)).join(',')}`);
    const r = await run(['eval', 'phu-tho/cdht-phu-tho-2018', '--input', 'big.csv', '--json'], { files: { 'big.csv': `${rows.join('\n')}\n` } });
    expect(r.code).toBe(0);
    const out = json<Out[]>(r);
    expect(out).toHaveLength(10_000);
    expect(out[9_999]).toMatchObject({ id: 'cb-9999' });
  });

  it('exits 1 without --input, with an unreadable input or an unknown extension', async () => {
    expect((await run(['eval', 'phu-tho/cdht-phu-tho-2018'])).stderr).toContain('Thiếu --input');
    const missing = await run(['eval', 'phu-tho/cdht-phu-tho-2018', '--input', 'khong-co.csv']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Không tìm thấy tệp `khong-co.csv`');
    const ext = await run(['eval', 'phu-tho/cdht-phu-tho-2018', '--input', 'README.md']);
    expect(ext.code).toBe(1);
    expect(ext.stderr).toContain('cần đuôi .json, .csv hoặc .xlsx');
    const bad = await run(['eval', 'phu-tho/cdht-phu-tho-2018', '--input', 'x.json'], { files: { 'x.json': '{"id": ' } });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('x.json: Tệp JSON không hợp lệ');
    const both = await run([...DEMO, '--json', '--csv', 'o.csv']);
    expect(both.code).toBe(1);
    const year = await run([...DEMO, '--year', '18']);
    expect(year.code).toBe(1);
    expect(year.stderr).toContain('--year cần một năm dạng YYYY');
  });
});
