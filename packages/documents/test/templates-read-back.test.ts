/** The templates the platform hands out read back through the one sheet reader (`@hoctap/sheets`), with its one vocabulary. */
import ExcelJS from 'exceljs';
import { readSheet, readYesNo } from '@hoctap/sheets';
import { describe, expect, it } from 'vitest';
import { buildImportTemplateXlsx, readScoresXlsx } from '../src/index.js';
import { reg } from './helpers.js';

describe('templates read back through @hoctap/sheets', () => {
  it('every template’s header row is what the one reader finds on “Dữ liệu”; its Có / Không list is the vocabulary’s yes and no', async () => {
    for (const kind of ['people', 'households'] as const) {
      const s = await readSheet(await buildImportTemplateXlsx(kind));
      expect(s.format).toBe('xlsx');
      expect(s.sheetName).toBe('Dữ liệu');
      expect(s.headerRow).toBe(1);
      expect(s.header[0]).toMatch(/^Mã/);
      expect(s.header).toContain('Đăng ký danh hiệu');
    }
    expect([readYesNo('Có'), readYesNo('Không')]).toEqual([{ ok: true, value: true }, { ok: true, value: false }]);
  });

  it('a scores template filled the ways people write: Chưa, ✓, x, “-”, 7,5 as text; an unknown word is a row error, never “no”', async () => {
    const m = reg().get('national/dvht-tt22-2020').model;
    const yesNo = m.indicators.filter((i) => i.measure.kind === 'yes-no').map((i) => i.id);
    const points = m.indicators.filter((i) => i.measure.kind === 'points' && i.onlyFor.length === 0).map((i) => i.id);
    expect(yesNo.length).toBeGreaterThan(0);
    expect(points.length).toBeGreaterThan(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildImportTemplateXlsx('scores', m)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Dữ liệu')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1).map((h) => String(h).replace(/\s*\*$/, ''));
    const col = (h: string) => header.indexOf(h) + 1;
    const put = (r: number, values: Record<string, string | number>) => Object.entries(values).forEach(([h, v]) => (ws.getRow(r).getCell(col(h)).value = v));
    const groupCell: Record<string, string> = m.groups.length ? { 'Nhóm đối tượng': m.groups[0]!.name } : {};
    const y = `Chỉ số ${yesNo[0]}`;
    const p = `Chỉ số ${points[0]}`;
    put(2, { Mã: 'dv1', Tên: 'Trường A', ...groupCell, [y]: 'Chưa', [p]: '7,5' });
    put(3, { Mã: 'dv2', Tên: 'Trường B', ...groupCell, [y]: '✓', [p]: 8 });
    put(4, { Mã: 'dv3', Tên: 'Trường C', ...groupCell, [y]: '-', [p]: '-' });
    put(5, { Mã: 'dv4', Tên: 'Trường D', ...groupCell, [y]: 'có lẽ', [p]: '7,5,1' });
    const r = await readScoresXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), m);
    const max = m.indicators.find((i) => i.id === yesNo[0])!.max;
    expect(r.subjects.map((s) => [s.id, s.scores?.[yesNo[0]!], s.scores?.[points[0]!]])).toEqual([
      ['dv1', 0, 7.5],
      ['dv2', max, 8],
      ['dv3', undefined, undefined],
    ]);
    expect(r.errors.map((e) => [e.row, e.column]).sort()).toEqual([
      [5, y],
      [5, p],
    ].sort());
    expect(r.errors.find((e) => e.column === y)!.message).toContain('không phải Có / Không');
    expect(r.errors.find((e) => e.column === p)!.message).toContain('không phải là số');
  });
});
