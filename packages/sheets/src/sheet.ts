/** What every reader returns: a header, data rows with the file's own row numbers, and the reader's own row problems. */

/** A cell's value as the file holds it: Excel numbers and booleans stay typed; CSV cells are text. */
export type CellValue = string | number | boolean | null;

/** One non-blank data row. */
export interface SheetRow {
  /** The file's own number: the CSV line the record starts on (first line = 1), or the Excel row. */
  readonly row: number;
  /** One per header column. Each cell as a person sees it: NFC, trimmed, '' when empty; dates dd/mm/yyyy, percent cells `75%`. */
  readonly cells: readonly string[];
  /** Each cell's value: Excel numbers, booleans; text otherwise; null when empty. */
  readonly values: readonly CellValue[];
}

/** A problem the reader found in one row (the row is left out of `rows`). */
export interface SheetIssue {
  readonly row: number;
  /** Column letter (A, B, …), when one cell is at fault. */
  readonly column?: string;
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
}

/** The text encodings the CSV reader recognises. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

/** The CSV delimiters: one per file. */
export type Delimiter = ',' | ';' | '\t';

/** A spreadsheet read whole. */
export interface Sheet {
  readonly format: 'csv' | 'xlsx';
  /** CSV only: the delimiter detected from the header line. */
  readonly delimiter?: Delimiter;
  /** CSV only: the encoding the bytes were decoded from. */
  readonly encoding?: Encoding;
  /** Excel only: the worksheet read. */
  readonly sheetName?: string;
  /** The header's own row number. */
  readonly headerRow: number;
  /** The header cells as written (NFC, trimmed; a template's “ *” kept). */
  readonly header: readonly string[];
  readonly rows: readonly SheetRow[];
  readonly issues: readonly SheetIssue[];
}

/** Options every reader takes. */
export interface ReadSheetOptions {
  /** More data rows than this is a {@link SheetError} `TOO_MANY_ROWS`. */
  readonly maxRows?: number;
  /** Excel: the worksheet to read (default: “Dữ liệu” of the platform's templates, else the first visible sheet with data). */
  readonly sheet?: string;
  /**
   * Which row is the header: the first non-blank row for which this is true (rows above it, such as
   * a title, are skipped). Default: the first non-blank row.
   */
  readonly isHeader?: (cells: readonly string[]) => boolean;
  /**
   * A non-empty cell right of the header's last column: `'issue'` (default) leaves the row out and
   * reports it in `issues` — in CSV it is what an unquoted `7,5` in a `,` file looks like;
   * `'ignore'` keeps the row and drops the cell (an Excel note beside the table).
   */
  readonly beyondHeader?: 'issue' | 'ignore';
}

/** A file that cannot be read at all (not a row problem). `code` is stable; messages in Vietnamese and English. */
export class SheetError extends Error {
  override readonly name = 'SheetError';
  constructor(
    readonly code: 'EMPTY' | 'TOO_MANY_ROWS' | 'UNTERMINATED_QUOTE' | 'CSV_SYNTAX' | 'AMBIGUOUS_DELIMITER' | 'ENCODING' | 'XLSX_UNREADABLE' | 'NO_SUCH_SHEET' | 'NO_HEADER',
    message: string,
    readonly messageEn: string,
    /** The line or row where reading stopped, when known. */
    readonly row?: number,
  ) {
    super(message);
  }
}

/** The Excel letter of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** One cell of a row, with where it is. */
export interface SheetCell {
  readonly text: string;
  readonly value: CellValue;
  /** 0-based column index. */
  readonly index: number;
  /** Column letter. */
  readonly column: string;
  /** The column's header. */
  readonly header: string;
}

/** A row as header → cell (the first column of a repeated header wins; columns without a header are left out). */
export function recordOf(sheet: Pick<Sheet, 'header'>, row: SheetRow): Record<string, SheetCell> {
  const out: Record<string, SheetCell> = {};
  sheet.header.forEach((header, index) => {
    if (header === '' || header in out) return;
    out[header] = { text: row.cells[index] ?? '', value: row.values[index] ?? null, index, column: columnLetter(index + 1), header };
  });
  return out;
}

/** “dòng 7, cột C (diem_1_1)”: where a cell is, as messages name it (`index` 0-based). */
export function place(sheet: Pick<Sheet, 'header'>, row: number, index?: number): string {
  if (index === undefined) return `dòng ${row}`;
  const h = (sheet.header[index] ?? '').replace(/\s*\*$/, '');
  return `dòng ${row}, cột ${columnLetter(index + 1)}${h ? ` (${h})` : ''}`;
}

/** Builds the rows of a sheet from raw rows: finds the header, drops blank rows, checks limits and width. */
export function assemble(
  format: 'csv' | 'xlsx',
  raw: Iterable<{ row: number; cells: string[]; values: CellValue[] }>,
  opts: ReadSheetOptions,
  extra: Partial<Pick<Sheet, 'delimiter' | 'encoding' | 'sheetName'>>,
  hint = '',
): Sheet {
  let header: { row: number; cells: string[] } | undefined;
  const rows: SheetRow[] = [];
  const issues: SheetIssue[] = [];
  const max = opts.maxRows ?? Infinity;
  let count = 0;
  for (const r of raw) {
    if (r.cells.every((c) => c === '')) continue;
    if (!header) {
      if (!opts.isHeader || opts.isHeader(r.cells)) header = { row: r.row, cells: trimEnd(r.cells) };
      continue;
    }
    if (++count > max)
      throw new SheetError('TOO_MANY_ROWS', `Tối đa ${max} dòng dữ liệu mỗi lần`, `At most ${max} data rows at a time`, r.row);
    const width = header.cells.length;
    const beyond = opts.beyondHeader === 'ignore' ? -1 : r.cells.findIndex((c, i) => i >= width && c !== '');
    if (beyond >= 0) {
      const letter = columnLetter(beyond + 1);
      issues.push({
        row: r.row,
        column: letter,
        code: 'E_EXTRA_CELL',
        message: `Dòng ${r.row}: ô ${letter} (“${r.cells[beyond]}”) nằm ngoài ${width} cột của dòng tiêu đề${hint}; dòng này bị bỏ qua`,
        messageEn: `Row ${r.row}: cell ${letter} (“${r.cells[beyond]}”) is beyond the header's ${width} columns; the row is skipped`,
      });
      continue;
    }
    rows.push({ row: r.row, cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? ''), values: Array.from({ length: width }, (_, i) => r.values[i] ?? null) });
  }
  if (!header) {
    if (opts.isHeader) throw new SheetError('NO_HEADER', 'Không tìm thấy dòng tiêu đề (tên các cột)', 'No header row (the column names) was found');
    throw new SheetError('EMPTY', 'Tệp không có dòng nào', 'The file has no rows');
  }
  return { format, ...extra, headerRow: header.row, header: header.cells, rows, issues };
}

function trimEnd(cells: string[]): string[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === '') n--;
  return cells.slice(0, n);
}
