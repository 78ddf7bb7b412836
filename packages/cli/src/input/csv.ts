/** Reads subjects from a CSV sheet through `@hoctap/sheets`: one row per subject, one column per indicator number. */
import { readCsvSheet, SheetError, type Sheet } from '@hoctap/sheets';
import { fieldError, readRows, type ReadOptions, type ReadResult, type RowError } from './rows.js';

/** The delimiter of a CSV text, from its header line: `,`, `;` (Excel under Vietnamese settings) or a tab. */
export { detectDelimiter } from '@hoctap/sheets';

/** Subjects from a sheet read by `@hoctap/sheets`; the reader's own row problems join the row errors. */
export function subjectsOfSheet(sheet: Sheet, opts: ReadOptions): ReadResult {
  const r = readRows(sheet.header, sheet.rows.map((x) => ({ row: x.row, cells: x.values.map((v, i) => (typeof v === 'number' && x.cells[i]!.endsWith('%') ? x.cells[i]! : v)) })), opts, sheet.headerRow);
  if (sheet.issues.length === 0) return r;
  const issues: RowError[] = sheet.issues.map((i) => ({ row: i.row, errors: [fieldError(i.code, undefined, i.message, i.messageEn)] }));
  return { subjects: r.subjects, rowErrors: [...r.rowErrors, ...issues].sort((a, b) => a.row - b.row) };
}

/** A file the sheet reader refuses whole, as the row-0 error the CLI turns into exit 1. */
export function fatal(e: unknown): ReadResult {
  if (!(e instanceof SheetError)) throw e;
  return { subjects: [], rowErrors: [{ row: 0, errors: [fieldError(`E_${e.code}`, undefined, e.message, e.messageEn)] }] };
}

/**
 * Parses a CSV file (bytes, or text) into subjects and row errors: delimiter from the header line,
 * quotes honoured, UTF-8 with or without BOM, UTF-16, Windows-1258; rows numbered by the file's lines.
 * @example readCsv('mã,1.1\na,6\n', { indicators: [{ id: '1.1', kind: 'points' }] })
 */
export function readCsv(input: Uint8Array | string, opts: ReadOptions): ReadResult {
  try {
    return subjectsOfSheet(readCsvSheet(input), opts);
  } catch (e) {
    return fatal(e);
  }
}
