/** Reads subjects from an Excel workbook (.xlsx) through `@hoctap/sheets`: header in the first non-empty row. */
import { readXlsxSheet } from '@hoctap/sheets';
import { fatal, subjectsOfSheet } from './csv.js';
import type { ReadOptions, ReadResult } from './rows.js';

/**
 * Parses an .xlsx file into subjects and row errors; row numbers are the sheet's own. The sheet:
 * “Dữ liệu” of the platform's templates, else the first visible sheet with data.
 */
export async function readXlsx(data: Uint8Array, opts: ReadOptions): Promise<ReadResult> {
  try {
    return subjectsOfSheet(await readXlsxSheet(data), opts);
  } catch (e) {
    return fatal(e);
  }
}
