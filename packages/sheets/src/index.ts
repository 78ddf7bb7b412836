/**
 * @hoctap/sheets — the one reader for every spreadsheet the platform takes: CSV (delimiter from the
 * header line, quotes honoured, UTF-8 with or without BOM, UTF-16, Windows-1258) and Excel .xlsx,
 * rows with the file's own row numbers and column letters, one yes/no/blank vocabulary and one
 * number reader.
 *
 * @example
 * const sheet = await readSheet(bytes);            // CSV or .xlsx, by the bytes
 * for (const row of sheet.rows) readNumber(recordOf(sheet, row)['Chỉ số 1.1']?.value ?? null);
 */
import { readCsvSheet } from './csv.js';
import type { ReadSheetOptions, Sheet } from './sheet.js';
import { readXlsxSheet } from './xlsx.js';

export { decodeText, detectDelimiter, readCsvSheet } from './csv.js';
export { excelCell, readXlsxSheet } from './xlsx.js';
export { columnLetter, place, recordOf, SheetError, type CellValue, type Delimiter, type Encoding, type ReadSheetOptions, type Sheet, type SheetCell, type SheetIssue, type SheetRow } from './sheet.js';
export { BLANK_WORDS, foldCell, isBlank, NO_WORDS, readNumber, readYesNo, YES_WORDS, type CellRead, type NumberOptions } from './vocabulary.js';

/** True for the bytes of a ZIP archive (an .xlsx workbook is one). */
export function isXlsx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Reads a spreadsheet, CSV or .xlsx: by `format` when the caller knows it, else by the bytes. */
export async function readSheet(bytes: Uint8Array, opts: ReadSheetOptions & { format?: 'csv' | 'xlsx' } = {}): Promise<Sheet> {
  const format = opts.format ?? (isXlsx(bytes) ? 'xlsx' : 'csv');
  return format === 'xlsx' ? readXlsxSheet(bytes, opts) : readCsvSheet(bytes, opts);
}
