/** Excel in: an .xlsx workbook through exceljs; merged and formula cells read by value, dates as dd/mm/yyyy. */
import { normalize } from '@hoctap/criteria-dsl';
import type ExcelJS from 'exceljs';
import { assemble, SheetError, type CellValue, type ReadSheetOptions, type Sheet } from './sheet.js';

const pad2 = (n: number) => String(n).padStart(2, '0');
const DATA_SHEET = 'Dữ liệu';
const GUIDE_SHEET = 'Hướng dẫn';

/**
 * A cell's value and the text a person sees: text as typed (NFC, trimmed; numbers stored as text
 * keep their leading zeros), dates dd/mm/yyyy, numbers without grouping (a percent-formatted cell
 * `75%`), formulas by their result, rich text joined, errors as `#N/A`.
 */
export function excelCell(v: ExcelJS.CellValue, numFmt?: string): { text: string; value: CellValue } {
  if (v === null || v === undefined) return { text: '', value: null };
  if (typeof v === 'string') {
    const t = normalize(v).trim();
    return { text: t, value: t === '' ? null : t };
  }
  if (typeof v === 'number') {
    if (numFmt && /%/.test(numFmt.replace(/"[^"]*"/g, ''))) return { text: `${Number((v * 100).toPrecision(12))}%`, value: v };
    return { text: String(v), value: v };
  }
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE', value: v };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { text: '', value: null };
    const t = `${pad2(v.getUTCDate())}/${pad2(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
    return { text: t, value: t };
  }
  if (typeof v === 'object') {
    if ('result' in v) return v.result === undefined ? { text: '', value: null } : excelCell(v.result as ExcelJS.CellValue, numFmt);
    if ('formula' in v || 'sharedFormula' in v) return { text: '', value: null };
    if ('richText' in v) return excelCell(v.richText.map((r) => r.text).join(''));
    if ('text' in v) return excelCell(String(v.text));
    if ('error' in v) return { text: String(v.error), value: String(v.error) };
  }
  return excelCell(String(v));
}

/**
 * Reads one worksheet of an .xlsx workbook: the one named `opts.sheet`, else “Dữ liệu” (the
 * platform's templates), else the first visible sheet with data other than “Hướng dẫn”. Row
 * numbers are the sheet's own. Bytes that are not a readable workbook: {@link SheetError} `XLSX_UNREADABLE`.
 * exceljs is loaded only when a workbook is read (it is slow to load).
 */
export async function readXlsxSheet(bytes: Uint8Array, opts: ReadSheetOptions = {}): Promise<Sheet> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    // exceljs's typings predate the generic Buffer of @types/node 24; the value is a plain Buffer.
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (e) {
    throw new SheetError('XLSX_UNREADABLE', 'Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không phải .xlsx', `The Excel (.xlsx) file cannot be read: it is damaged or not an .xlsx file (${(e as Error).message})`);
  }
  let ws: ExcelJS.Worksheet | undefined;
  if (opts.sheet !== undefined) {
    ws = wb.getWorksheet(opts.sheet);
    if (!ws) throw new SheetError('NO_SUCH_SHEET', `Tệp Excel không có trang “${opts.sheet}”`, `The workbook has no sheet “${opts.sheet}”`);
  } else
    ws =
      wb.getWorksheet(DATA_SHEET) ??
      wb.worksheets.find((w) => w.state !== 'hidden' && w.state !== 'veryHidden' && w.name !== GUIDE_SHEET && w.actualRowCount > 0) ??
      wb.worksheets.find((w) => w.actualRowCount > 0);
  if (!ws) throw new SheetError('EMPTY', 'Tệp Excel không có dòng nào', 'The workbook has no rows');
  const raw: { row: number; cells: string[]; values: CellValue[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: string[] = [];
    const values: CellValue[] = [];
    // A merged cell's other cells report the first cell's value: each row reads what it shows.
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const { text, value } = excelCell(cell.value, cell.numFmt);
      cells[c - 1] = text;
      values[c - 1] = value;
    });
    for (let k = 0; k < cells.length; k++) {
      cells[k] ??= '';
      values[k] ??= null;
    }
    raw.push({ row: r, cells, values });
  });
  return assemble('xlsx', raw, opts, { sheetName: ws.name });
}
