/** Reads subjects from an Excel workbook (.xlsx): the first sheet with data, header in its first non-empty row. */
import { normalize } from '@hoctap/criteria-dsl';
import { readRows, type Cell, type ReadOptions, type ReadResult } from './rows.js';

/** An exceljs cell value in the few shapes a sheet of scores holds. */
export function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return normalize(v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(o.richText)) return normalize(o.richText.map((r) => r.text).join(''));
    if ('result' in o) return cellValue(o.result);
    if (typeof o.text === 'string') return normalize(o.text);
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

/**
 * Parses an .xlsx file into subjects and row errors; row numbers are the sheet's own.
 * exceljs is loaded only when a workbook is read (it is slow to load).
 */
export async function readXlsx(data: Uint8Array, opts: ReadOptions): Promise<ReadResult> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  // exceljs's typings predate the generic Buffer of @types/node 24; the value is a plain Buffer.
  await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const sheet = wb.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return { subjects: [], rowErrors: [] };
  const rows: { row: number; cells: Cell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is 1-based (index 0 unused) and sparse.
    const values = row.values as unknown[];
    const cells: Cell[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellValue(values[c]));
    rows.push({ row: rowNumber, cells });
  });
  const [header, ...body] = rows;
  if (!header) return { subjects: [], rowErrors: [] };
  return readRows(header.cells, body, opts, header.row);
}
