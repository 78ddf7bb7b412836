/**
 * One scores sheet, every door: the same file — CSV with `,`, CSV with `;` (Excel under Vietnamese
 * settings: `4,0` unquoted), and Excel — gives the same scores through `hoctap eval` (the CLI, run
 * in-process) and through the API's scores import (its real route, the stored scores read back).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main, readCsv, readXlsx } from '@hoctap/cli';
import { describe, expect, it } from 'vitest';
import { dialects } from './harness.js';
import { A1, SCORES_75, SCORES_74, suiteWorld } from './world.js';

const FW = 'phu-tho/cdht-phu-tho-2018';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IDS = Object.keys(SCORES_75);
/** Three people: 75 points (recognised), 74, and 67 with a `-` (not given) and a 0. */
const PEOPLE: { name: string; scores: Record<string, number | '-'> }[] = [
  { name: 'Lê, Thị Ân', scores: SCORES_75 },
  { name: 'Đặng Quốc Việt', scores: SCORES_74 },
  { name: 'Hồ Thị Thúy', scores: { ...SCORES_75, '1.1': '-', '10.2': 0 } },
];

/** The sheet's rows for these registrations: Mã, Họ và tên, Chỉ số …; scores written as `n,0` text where CSV. */
function table(regs: string[]): (string | number)[][] {
  return [['Mã *', 'Họ và tên *', ...IDS.map((i) => `Chỉ số ${i}`)], ...PEOPLE.map((p, k) => [regs[k]!, p.name, ...IDS.map((i) => p.scores[i] ?? '')])];
}

const csvOf = (rows: (string | number)[][], d: ',' | ';' | '\t') =>
  '\uFEFF' +
  rows
    .map((r) =>
      r
        .map((c) => (typeof c === 'number' ? `${c},0` : c))
        .map((c) => (c.includes(',') && d === ',' ? `"${c}"` : c))
        .join(d),
    )
    .join('\r\n') +
  '\r\n';

async function xlsxOf(rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Hướng dẫn').getCell('A1').value = 'Nhập từ dòng 2.';
  const ws = wb.addWorksheet('Dữ liệu');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe.each(dialects)('one scores sheet through hoctap eval and the API on %s', (dialect) => {
  const w = suiteWorld(dialect);
  const dir = mkdtempSync(join(tmpdir(), 'hoctap-one-sheet-'));

  /** A campaign with the three people registered, in the self-assessment window. */
  const setup = async () => {
    const cp = (await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2018, commune: A1 })).json as { id: string };
    const csv = ['ho_ten;thon', ...PEOPLE.map((p, k) => `${p.name};"Thôn ${k + 1}; xã Tân Lập"`)].join('\n');
    const bulk = await w.call('offA1', 'POST', `/api/campaigns/${cp.id}/registrations/bulk`, csv, { 'content-type': 'text/csv' });
    expect(bulk.json.created, bulk.text).toBe(3);
    await w.travel('2018-10-01T03:00:00Z');
    return { cp, regs: (bulk.json.rows as { registrationId: string }[]).map((r) => r.registrationId) };
  };

  const cases: [string, string, (rows: (string | number)[][]) => Promise<Uint8Array> | Uint8Array][] = [
    ['CSV with “,”', 'csv', (rows) => new TextEncoder().encode(csvOf(rows, ','))],
    ['CSV with “;” and unquoted 4,0', 'csv', (rows) => new TextEncoder().encode(csvOf(rows, ';'))],
    ['Excel', 'xlsx', xlsxOf],
    // What Excel saves as “Unicode Text”: UTF-16 LE with a BOM, tab-separated.
    ['UTF-16 tab-separated text', 'csv', (rows) => new Uint8Array(Buffer.from(csvOf(rows, '\t'), 'utf16le'))],
  ];

  it.each(cases)('%s: the same scores and totals at both doors', async (_label, ext, make) => {
    const { cp, regs } = await setup();
    const file = await make(table(regs));

    // The CLI: `hoctap eval … --json` on the file, and the scores its reader takes from it.
    const path = join(dir, `${cp.id}.${ext}`);
    writeFileSync(path, file);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['eval', FW, '--input', path, '--json'], { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
    expect(err.join(''), out.join('')).toBe('');
    expect(code).toBe(0);
    const cli = JSON.parse(out.join('')) as { id: string; total: number; titles: string[] }[];
    const opts = { indicators: IDS.map((id) => ({ id, kind: 'points' as const })) };
    const read = ext === 'csv' ? readCsv(file, opts) : await readXlsx(file, opts);
    expect(read.rowErrors).toEqual([]);

    // The API: its real scores import route, then the stored scores read back.
    const r = await w.call('offA1', 'POST', `/api/campaigns/${cp.id}/assessments/bulk?kind=self`, file, { 'content-type': ext === 'csv' ? 'text/csv' : XLSX });
    expect(r.status, r.text).toBe(200);
    expect(r.json.errors).toEqual([]);
    expect(r.json.recorded).toBe(3);
    const stored = await w.db.selectFrom('assessments').select(['registration_id', 'scores']).where('registration_id', 'in', regs).where('kind', '=', 'self').execute();
    const storedBy = new Map(stored.map((s) => [s.registration_id, s.scores as Record<string, number>]));

    const expected = PEOPLE.map((p) => Object.fromEntries(Object.entries(p.scores).filter(([, v]) => v !== '-')));
    regs.forEach((reg, k) => {
      expect(storedBy.get(reg), `API, ${PEOPLE[k]!.name}`).toEqual(expected[k]);
      expect(read.subjects.find((s) => s.subject.id === reg)!.subject.scores, `CLI, ${PEOPLE[k]!.name}`).toEqual(expected[k]);
    });
    expect(read.subjects.map((s) => s.name)).toEqual(PEOPLE.map((p) => p.name));
    const apiTotals = Object.fromEntries((r.json.rows as { registrationId: string; total: number }[]).map((x) => [x.registrationId, x.total]));
    const cliTotals = Object.fromEntries(cli.map((x) => [x.id, x.total]));
    expect(cliTotals).toEqual(apiTotals);
    expect(Object.values(cliTotals)).toEqual([75, 74, 67]);
    expect(cli.map((x) => x.titles.length > 0)).toEqual([true, false, false]);
  });

  it('a “,” file with an unquoted decimal comma is refused with the line, never stored shifted; the CLI refuses the same row', async () => {
    const { cp, regs } = await setup();
    const rows = table(regs);
    const text = csvOf(rows, ';').replaceAll(';', ','); // every `4,0` now unquoted in a comma file
    const r = await w.call('offA1', 'POST', `/api/campaigns/${cp.id}/assessments/bulk?kind=self`, text, { 'content-type': 'text/csv' });
    expect(r.status, r.text).toBe(422);
    expect(r.json.code).toBe('CSV_ROW_TOO_WIDE');
    expect(r.json.detail ?? r.json.title ?? r.text).toMatch(/Dòng 2/);
    expect((await w.db.selectFrom('assessments').select('id').where('registration_id', 'in', regs).execute()).length).toBe(0);
    const cli = readCsv(text, { indicators: IDS.map((id) => ({ id, kind: 'points' as const })) });
    expect(cli.subjects).toEqual([]);
    expect(cli.rowErrors.map((e) => e.errors[0]!.code)).toContain('E_EXTRA_CELL');
  });

  it('people: a “;” file keeps “Thôn 3, xã Tân Lập” whole', async () => {
    const cp = (await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2018, commune: A1 })).json as { id: string };
    const csv = 'Họ và tên;Thôn, tổ dân phố;Ngày sinh\nNguyễn Văn Lộc;Thôn 3, xã Tân Lập;05/09/1985\n';
    const bulk = await w.call('offA1', 'POST', `/api/campaigns/${cp.id}/registrations/bulk`, csv, { 'content-type': 'text/csv' });
    expect(bulk.json.created, bulk.text).toBe(1);
    const p = await w.db.selectFrom('people').select(['full_name', 'village']).where('full_name', '=', 'Nguyễn Văn Lộc').executeTakeFirstOrThrow();
    expect(p.village).toBe('Thôn 3, xã Tân Lập');
  });
});
