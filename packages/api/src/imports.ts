/**
 * Bulk input, one shape for both formats: a CSV or Excel (.xlsx) body is read by the platform's one
 * sheet reader (`@hoctap/sheets`: one delimiter per CSV file, quotes honoured, UTF-8/UTF-16/
 * Windows-1258) into a table of text cells with the row numbers a person sees; the people row → record mapping lives here once,
 * shared by the bulk endpoint and the import job, for CSV and Excel alike. Row errors name the row,
 * the column letter and its header, in Vietnamese.
 */
import { createHash } from 'node:crypto';
import type { PeopleTarget, PersonRecord } from '@hoctap/app';
import { nameProblem } from '@hoctap/criteria-dsl';
import { fold, normalize } from '@hoctap/db';
import { columnLetter, decodeText, readCsvSheet, readXlsxSheet, SheetError, type Sheet } from '@hoctap/sheets';
import type { Ctx } from './context.js';
import { ApiProblem } from './problem.js';

/** The content type of an Excel .xlsx body. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A bulk body read as text cells: the header and the data rows (blank rows left out). */
export interface Table {
  readonly format: 'csv' | 'xlsx';
  readonly header: string[];
  /** `row`: the file's own line (CSV; the header is usually line 1) or the Excel row number. */
  readonly rows: { row: number; cells: string[] }[];
  /**
   * Rows the sheet reader refused (more cells than the header: an unquoted `7,5` in a `,` file),
   * as row errors. Only with `readTable(c, { wideRows: 'report' })`; by default such a file is refused whole.
   */
  readonly issues: RowError[];
  /** SHA-256 of the body bytes (idempotency). */
  readonly digest: string;
  /** The CSV text (CSV bodies only). */
  readonly text?: string;
}

/** A problem with one row, reported beside the rows that were kept. */
export interface RowError {
  row: number;
  /** Column letter (A, B, …) and its header, when one cell is at fault. */
  column?: string;
  header?: string;
  field?: string;
  code: string;
  message: string;
}

/** A file the sheet reader cannot read, as the API's problem (the codes the API has always answered). */
function problemOf(e: SheetError, label: string, maxRows?: number): ApiProblem {
  switch (e.code) {
    case 'EMPTY':
      return new ApiProblem(400, 'CSV_EMPTY', `Tệp ${label} không có dòng nào`, `The ${label} file has no rows`);
    case 'TOO_MANY_ROWS':
      return new ApiProblem(413, 'CSV_TOO_MANY_ROWS', `Tối đa ${maxRows} dòng mỗi lần`, `At most ${maxRows} rows at a time`);
    case 'UNTERMINATED_QUOTE':
      return new ApiProblem(400, 'CSV_UNTERMINATED_QUOTE', e.message, e.messageEn);
    case 'XLSX_UNREADABLE':
      return new ApiProblem(422, 'XLSX_UNREADABLE', e.message, 'The Excel (.xlsx) file cannot be read: it is damaged or not an .xlsx file');
    case 'AMBIGUOUS_DELIMITER':
      return new ApiProblem(400, 'CSV_DELIMITER', e.message, e.messageEn);
    case 'ENCODING':
      return new ApiProblem(400, 'CSV_ENCODING', e.message, e.messageEn);
    default:
      return new ApiProblem(400, `CSV_${e.code}`, e.message, e.messageEn);
  }
}

/** The reader's own row problems as the API's row errors. */
function issuesOf(sheet: Sheet): RowError[] {
  return sheet.issues.map((i) => ({ row: i.row, ...(i.column ? { column: i.column } : {}), code: 'ROW_TOO_WIDE', message: i.message }));
}

/** A file with rows wider than its header, refused whole (callers that report them per row pass `wideRows: 'report'`). */
function refuseWide(issues: RowError[]): ApiProblem {
  const first = issues.slice(0, 5).map((i) => i.message).join('; ');
  return new ApiProblem(422, 'CSV_ROW_TOO_WIDE', `${first}${issues.length > 5 ? ` (và ${issues.length - 5} dòng nữa)` : ''}`, 'Some rows have more cells than the header (an unquoted decimal comma in a comma-separated file?)', { errors: issues });
}

/**
 * Parses CSV text with the platform's one reader (delimiter from the header line — `,`, `;` or
 * tab, one per file — quotes honoured); returns the header and the non-blank rows. A row wider
 * than the header is a 422 problem.
 */
export function parseCsv(text: string): string[][] {
  let sheet: Sheet;
  try {
    sheet = readCsvSheet(text);
  } catch (e) {
    if (!(e instanceof SheetError)) throw e;
    if (e.code === 'EMPTY') return [];
    throw problemOf(e, 'CSV');
  }
  if (sheet.issues.length) throw refuseWide(issuesOf(sheet));
  return [[...sheet.header], ...sheet.rows.map((r) => [...r.cells])];
}

/** A header as a lookup key: folded (no diacritics, lower case), without the template's “ *” and punctuation. */
export const headerKey = (h: string): string => fold(normalize(h)).replace(/\*\s*$/, '').replace(/[^a-z0-9.]/g, '');

const tooLarge = (format: string, max: number) =>
  new ApiProblem(413, 'CSV_TOO_LARGE', `Tệp ${format} quá lớn (tối đa ${Math.round(max / 1_000_000)} MB)`, `The ${format} file is too large (${Math.round(max / 1_000_000)} MB at most)`);

/** The body's format from its content type, or a 415 problem. */
export function formatOf(c: Ctx): 'csv' | 'xlsx' {
  const ctype = c.req.header('content-type') ?? '';
  if (/^text\/csv\b/i.test(ctype)) return 'csv';
  if (ctype.toLowerCase().startsWith(XLSX_TYPE)) return 'xlsx';
  throw new ApiProblem(415, 'CSV_REQUIRED', 'Nội dung phải là text/csv (UTF-8) hoặc tệp Excel .xlsx', 'The body must be text/csv (UTF-8) or an Excel .xlsx file');
}

/**
 * Reads a CSV or .xlsx body into a {@link Table} with the one sheet reader, within `maxBytes` and
 * `maxRows`. A body that is not a readable workbook is a 422 problem, never a 500; so is a row wider
 * than the header, unless `wideRows: 'report'` (then it is in `issues`).
 */
export async function readTable(c: Ctx, limits: { maxBytes: number; maxRows: number; maxXlsxBytes?: number; wideRows?: 'refuse' | 'report' }): Promise<Table> {
  const format = formatOf(c);
  const label = format === 'csv' ? 'CSV' : 'Excel';
  const max = format === 'xlsx' ? Math.min(limits.maxBytes, limits.maxXlsxBytes ?? limits.maxBytes) : limits.maxBytes;
  if (Number(c.req.header('content-length') ?? 0) > max) throw tooLarge(label, max);
  const bytes = Buffer.from(await c.req.arrayBuffer());
  if (bytes.length > max) throw tooLarge(label, max);
  const digest = createHash('sha256').update(bytes).digest('hex');
  let sheet: Sheet;
  let text: string | undefined;
  try {
    if (format === 'csv') {
      // The decoded text (NFC, whatever the encoding), which an import job parses again with parseCsv.
      text = decodeText(bytes).text;
      sheet = readCsvSheet(text, { maxRows: limits.maxRows });
    } else {
      const unreadable = () => new ApiProblem(422, 'XLSX_UNREADABLE', 'Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không phải .xlsx', 'The Excel (.xlsx) file cannot be read: it is damaged or not an .xlsx file');
      // An .xlsx file is a ZIP archive.
      if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw unreadable();
      let unpacked: number;
      try {
        unpacked = zipUnpackedSize(bytes);
      } catch {
        throw unreadable();
      }
      // A small archive may unpack to a lot (a "zip bomb"): refuse by the sizes the archive declares.
      if (unpacked > Math.min(MAX_UNPACKED_FACTOR * max, 200_000_000))
        throw new ApiProblem(413, 'XLSX_TOO_LARGE_UNPACKED', 'Tệp Excel giải nén ra quá lớn', 'The Excel file unpacks to too much data');
      // In a workbook a cell right of the table is a note, not a shifted row: its rows are read as before.
      sheet = await readXlsxSheet(bytes, { maxRows: limits.maxRows, beyondHeader: 'ignore' });
    }
  } catch (e) {
    if (e instanceof SheetError) throw problemOf(e, label, limits.maxRows);
    throw e;
  }
  const issues = issuesOf(sheet);
  if (issues.length && limits.wideRows !== 'report') throw refuseWide(issues);
  return { format, header: [...sheet.header], rows: sheet.rows.map((r) => ({ row: r.row, cells: [...r.cells] })), issues, digest, ...(text !== undefined ? { text } : {}) };
}

const MAX_UNPACKED_FACTOR = 25;

/** The uncompressed size a ZIP archive declares in its central directory (throws when it has none). */
export function zipUnpackedSize(zip: Buffer): number {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new RangeError('not a ZIP archive');
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let k = 0; k < entries; k++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) throw new RangeError('damaged central directory');
    total += zip.readUInt32LE(p + 24);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return total;
}

/** “Cột D (Ngày sinh)”: the column letter and its header, as errors show them. */
export function columnOf(table: Pick<Table, 'header'>, index: number): { column: string; header: string } {
  return { column: columnLetter(index + 1), header: (table.header[index] ?? '').replace(/\s*\*$/, '') };
}

/** A problem with one cell; `index` is the 0-based column. */
export class CellError extends Error {
  constructor(
    readonly index: number | undefined,
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** A row error for `e` (a {@link CellError} or a plain message), with the column letter and header. */
export function rowError(table: Pick<Table, 'header'>, row: number, code: string, e: CellError | string): RowError {
  if (typeof e === 'string' || e.index === undefined) return { row, ...(typeof e !== 'string' && e.field ? { field: e.field } : {}), code, message: typeof e === 'string' ? e : e.message };
  const { column, header } = columnOf(table, e.index);
  return { row, column, header, ...(e.field ? { field: e.field } : {}), code, message: `Cột ${column} (${header}): ${e.message}` };
}

// ---------------------------------------------------------------------------------------------
// People

export type PersonField = 'fullName' | 'birthDate' | 'sex' | 'village' | 'citizenId' | 'commune';

/** Column names (folded) → fields: the CSV names, their Vietnamese aliases and the people template's headers. */
export const COLUMNS: Record<string, PersonField> = {
  fullname: 'fullName', hoten: 'fullName', ten: 'fullName', hovaten: 'fullName',
  birthdate: 'birthDate', ngaysinh: 'birthDate',
  sex: 'sex', gioitinh: 'sex',
  village: 'village', thon: 'village', thontodanpho: 'village',
  citizenid: 'citizenId', cccd: 'citizenId', sodinhdanh: 'citizenId', sodinhdanhcanhan: 'citizenId', socccd: 'citizenId', socancuoc: 'citizenId',
  commune: 'commune', maxa: 'commune',
};

/** The person field of each column (undefined: a column the import does not read). */
export function peopleHeader(header: readonly string[]): (PersonField | undefined)[] {
  return header.map((h) => COLUMNS[headerKey(h).replace(/[^a-z]/g, '')]);
}

/** dd/mm/yyyy or yyyy-mm-dd → ISO date; a day that does not exist is a RangeError. */
export function isoOf(d: string | undefined): string | null {
  if (!d) return null;
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(d);
  let iso: string;
  if (dmy) iso = `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(d)) iso = d;
  else throw new RangeError('ngày dạng dd/mm/yyyy (ví dụ 05/09/1985)');
  const ok = !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) && new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);
  if (!ok) throw new RangeError('ngày không có thật');
  return iso;
}

/** nam / nữ (or male / female, m / f) → sex; anything else is a RangeError. */
export function sexOf(s: string | undefined): 'male' | 'female' | null {
  if (!s) return null;
  const f = fold(s).trim();
  if (['male', 'nam', 'm'].includes(f)) return 'male';
  if (['female', 'nu', 'f'].includes(f)) return 'female';
  throw new RangeError('giới tính là "nam" hoặc "nữ"');
}

// A person read from a row, and where the rows go: the application layer's own types.
export type { PersonRecord, PeopleTarget };

/**
 * The one mapping of a people row (CSV or Excel) to a record. Returns every cell problem of the row
 * (none: the record is good).
 */
export function personRecordOf(columns: readonly (PersonField | undefined)[], cells: readonly string[], t: PeopleTarget): { record?: PersonRecord; errors: CellError[] } {
  const at: Partial<Record<PersonField, number>> = {};
  const raw: Partial<Record<PersonField, string>> = {};
  columns.forEach((col, j) => {
    if (col && at[col] === undefined) {
      at[col] = j;
      raw[col] = (cells[j] ?? '').normalize('NFC').trim();
    }
  });
  const errors: CellError[] = [];
  const cell = <T>(field: PersonField, fn: () => T): T | null => {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      errors.push(new CellError(at[field], field, e.message));
      return null;
    }
  };
  const fullName = cell('fullName', () => {
    const v = raw.fullName ?? '';
    if (!v) throw new RangeError('cần họ tên');
    if (v.length > 200) throw new RangeError('họ tên dài quá 200 ký tự');
    const bad = nameProblem(v);
    if (bad) throw new RangeError(`họ tên ${bad.vi}`);
    return v;
  });
  const birthDate = cell('birthDate', () => isoOf(raw.birthDate || undefined));
  const sex = cell('sex', () => sexOf(raw.sex || undefined));
  const village = cell('village', () => {
    if ((raw.village ?? '').length > 200) throw new RangeError('tên thôn dài quá 200 ký tự');
    const bad = raw.village ? nameProblem(raw.village) : undefined;
    if (bad) throw new RangeError(`tên thôn ${bad.vi}`);
    return raw.village || null;
  });
  const citizenId = cell('citizenId', () => {
    const v = (raw.citizenId ?? '').replace(/\s+/g, '');
    if (v && !/^[0-9]{12}$/.test(v))
      throw new RangeError(/^[0-9]{9,11}$/.test(v) ? 'số định danh gồm đúng 12 chữ số (ô Excel kiểu số làm mất số 0 đầu: định dạng cột là Văn bản)' : 'số định danh gồm đúng 12 chữ số');
    return v || null;
  });
  const commune = cell('commune', () => {
    const v = raw.commune || t.defaultCommune;
    if (v && !/^[0-9]{5}$/.test(v)) throw new RangeError('mã xã gồm 5 chữ số');
    if (!v && t.communeRequired) throw new RangeError('cần mã xã (cột commune/ma_xa)');
    if (v && t.scope.role === 'commune' && !t.scope.communes.includes(v)) throw new RangeError('xã ngoài phạm vi của tài khoản');
    if (v && t.campaignCommune && v !== t.campaignCommune) throw new RangeError('xã không thuộc đợt đánh giá');
    return v ?? null;
  });
  if (errors.length) return { errors };
  return { record: { fullName: fullName!, birthDate, sex, village, citizenId, commune }, errors };
}
