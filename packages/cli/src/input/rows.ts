/**
 * Shared by the CSV and Excel readers: one header row and one row per subject become subjects,
 * and every problem becomes a row error with its spreadsheet row number (the header is row 1).
 */
import type { Subject } from '@hoctap/core';
import { closest, fold } from '@hoctap/criteria-dsl';

/** A problem with one field of one input row. */
export interface FieldError {
  readonly code: string;
  readonly field?: string;
  readonly message: string;
  readonly messageEn: string;
}

/** A subject read from the input, with where it came from. */
export interface InputSubject {
  /** The row number in the sheet (header = 1), or the position in a JSON array (first = 1). */
  readonly row: number;
  /** A display name passed through to the output (`name` / `họ tên` column). */
  readonly name?: string;
  readonly subject: Subject;
}

/** A row that could not be read (or the header, row 1, for a bad column). */
export interface RowError {
  readonly row: number;
  readonly id?: string;
  readonly name?: string;
  readonly errors: readonly FieldError[];
}

/** What every reader returns. */
export interface ReadResult {
  readonly subjects: readonly InputSubject[];
  readonly rowErrors: readonly RowError[];
}

/** What a reader needs to know about the framework's indicators. */
export interface ReadOptions {
  readonly indicators: readonly { readonly id: string; readonly kind: 'points' | 'yes-no' | 'measured' | 'member-ratio' }[];
}

/** A cell value as the readers deliver it. */
export type Cell = string | number | boolean | null | undefined;

/** Creates a field error. */
export function fieldError(code: string, field: string | undefined, message: string, messageEn: string): FieldError {
  return { code, ...(field !== undefined ? { field } : {}), message, messageEn };
}

/**
 * A number written the Vietnamese or the English way: `7,5`, `7.5`, `80%` (percent sign dropped).
 * Undefined when the text is not a number.
 */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  const m = /^([+-]?\d+)(?:[.,](\d+))?\s*%?$/.exec(t);
  if (!m) return undefined;
  return m[2] === undefined ? Number(m[1]) : Number(`${m[1]}.${m[2]}`);
}

const TRUE_WORDS = new Set(['x', 'co', '1', 'true', 'dat', 'yes', 'y']);
const FALSE_WORDS = new Set(['0', 'khong', 'false', 'khong dat', 'chua dat', 'no', 'n', '-']);

/** Reads a yes/no cell: x, có, 1, true, đạt → true; 0, không, false, không đạt → false. */
export function parseYesNo(cell: Cell): boolean | undefined {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : undefined;
  if (typeof cell !== 'string') return undefined;
  const w = fold(cell.trim());
  if (TRUE_WORDS.has(w)) return true;
  if (FALSE_WORDS.has(w)) return false;
  return undefined;
}

type Column =
  | { kind: 'score'; id: string }
  | { kind: 'evidence'; id: string }
  | { kind: 'attribute'; id: string }
  | { kind: 'id' | 'name' | 'group' | 'year' | 'facts' }
  | { kind: 'ignored' };

/** Column names by their folded spelling (Vietnamese, with or without diacritics, and English). */
const SPECIAL: Record<string, Column['kind']> = {
  id: 'id',
  ma: 'id',
  name: 'name',
  'ho ten': 'name',
  'ho va ten': 'name',
  group: 'group',
  nhom: 'group',
  'nhom doi tuong': 'group',
  year: 'year',
  nam: 'year',
  facts: 'facts',
  'su kien': 'facts',
};
const ATTR_PREFIXES = ['attr:', 'thuoc tinh:'];
const EVIDENCE_PREFIXES = ['evidence:', 'minh chung:'];

// Readers hand over NFC text already (the CSV source is normalised whole, Excel cells one by one).
const str = (c: Cell): string => (c === null || c === undefined ? '' : typeof c === 'string' ? c.trim() : String(c));

/** Reads the header into column meanings; unknown and duplicate columns are errors on the header row. */
function readHeader(header: readonly Cell[], opts: ReadOptions): { columns: Column[]; errors: FieldError[] } {
  const ids = new Set(opts.indicators.map((i) => i.id));
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const columns = header.map((cell, c): Column => {
    const raw = str(cell);
    if (raw === '') return { kind: 'ignored' };
    const f = fold(raw).replace(/\s+/g, ' ').replace(/\s*:\s*/, ':');
    let col: Column | undefined;
    if (ids.has(raw)) col = { kind: 'score', id: raw };
    else if (SPECIAL[f]) col = { kind: SPECIAL[f] } as Column;
    else {
      const ap = ATTR_PREFIXES.find((p) => f.startsWith(p));
      const ep = EVIDENCE_PREFIXES.find((p) => f.startsWith(p));
      if (ap) col = { kind: 'attribute', id: raw.slice(raw.indexOf(':') + 1).trim() };
      else if (ep) {
        const id = raw.slice(raw.indexOf(':') + 1).trim();
        if (ids.has(id)) col = { kind: 'evidence', id };
        else {
          const s = closest(id, ids);
          errors.push(
            fieldError('E_UNKNOWN_COLUMN', raw, `Cột "${raw}" (cột ${c + 1}): không có chỉ số ${id}${s ? ` — ý bạn là ${s}?` : ''}`, `Column "${raw}" (column ${c + 1}): no indicator ${id}${s ? ` — did you mean ${s}?` : ''}`),
          );
          return { kind: 'ignored' };
        }
      }
    }
    if (!col) {
      const s = closest(raw, [...ids, 'mã', 'họ tên', 'nhóm', 'năm', 'sự kiện']);
      errors.push(
        fieldError(
          'E_UNKNOWN_COLUMN',
          raw,
          `Cột "${raw}" (cột ${c + 1}) không phải số chỉ số hay cột đã biết${s ? ` — ý bạn là "${s}"?` : ''}; cột này bị bỏ qua`,
          `Column "${raw}" (column ${c + 1}) is neither an indicator number nor a known column${s ? ` — did you mean "${s}"?` : ''}; it is ignored`,
        ),
      );
      return { kind: 'ignored' };
    }
    const key = 'id' in col ? `${col.kind}:${col.id}` : col.kind;
    if (seen.has(key)) {
      errors.push(fieldError('E_DUPLICATE_COLUMN', raw, `Cột "${raw}" lặp lại (cột ${seen.get(key)! + 1} và ${c + 1}); cột sau bị bỏ qua`, `Column "${raw}" appears twice (columns ${seen.get(key)! + 1} and ${c + 1}); the later one is ignored`));
      return { kind: 'ignored' };
    }
    seen.set(key, c);
    return col;
  });
  return { columns, errors };
}

/**
 * Turns a header and data rows into subjects. Blank rows are skipped; a row with any bad cell
 * becomes a row error and the other rows are still read.
 */
export function readRows(header: readonly Cell[], rows: Iterable<{ row: number; cells: readonly Cell[] }>, opts: ReadOptions, headerRow = 1): ReadResult {
  const { columns, errors: headerErrors } = readHeader(header, opts);
  const kinds = new Map(opts.indicators.map((i) => [i.id, i.kind]));
  const subjects: InputSubject[] = [];
  const rowErrors: RowError[] = headerErrors.length > 0 ? [{ row: headerRow, errors: headerErrors }] : [];
  const seenIds = new Map<string, number>();
  for (const { row, cells } of rows) {
    if (cells.every((c) => c === null || c === undefined || c === '' || (typeof c === 'string' && c.trim() === ''))) continue;
    const errors: FieldError[] = [];
    const scores: Record<string, number | boolean> = {};
    const evidence: Record<string, boolean> = {};
    const attributes: Record<string, string> = {};
    let id: string | undefined;
    let name: string | undefined;
    let group: string | undefined;
    let year: number | undefined;
    let facts: string[] | undefined;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      const text = str(cell);
      const col = columns[c];
      if (!col) {
        if (text !== '') errors.push(fieldError('E_EXTRA_CELL', undefined, `Ô ở cột ${c + 1} nằm ngoài các cột của dòng tiêu đề: "${text}"`, `Cell in column ${c + 1} is beyond the header's columns: "${text}"`));
        continue;
      }
      if (text === '' || col.kind === 'ignored') continue;
      switch (col.kind) {
        case 'id':
          id = text;
          break;
        case 'name':
          name = text;
          break;
        case 'group':
          group = text;
          break;
        case 'year': {
          const y = typeof cell === 'number' ? cell : parseNumber(text);
          if (y === undefined || !Number.isInteger(y) || y < 1900 || y > 2200) errors.push(fieldError('E_YEAR', 'year', `Năm không hợp lệ: "${text}"`, `Invalid year: "${text}"`));
          else year = y;
          break;
        }
        case 'facts':
          facts = text
            .split(';')
            .map((s) => s.trim())
            .filter(Boolean);
          break;
        case 'attribute':
          attributes[col.id] = text;
          break;
        case 'evidence': {
          const b = parseYesNo(typeof cell === 'string' ? text : cell);
          if (b === undefined)
            errors.push(
              fieldError('E_EVIDENCE', col.id, `Minh chứng chỉ số ${col.id}: "${text}" không rõ có hay không (ghi x, có, 1, đạt hoặc để trống)`, `Evidence for indicator ${col.id}: "${text}" is neither yes nor no (write x, có, 1, true, đạt or leave it empty)`),
            );
          else evidence[col.id] = b;
          break;
        }
        case 'score': {
          const n = typeof cell === 'number' ? cell : parseNumber(text);
          if (n !== undefined && Number.isFinite(n)) {
            scores[col.id] = n;
            break;
          }
          const yn = kinds.get(col.id) === 'yes-no' ? parseYesNo(typeof cell === 'string' ? text : cell) : undefined;
          if (yn !== undefined) scores[col.id] = yn;
          else errors.push(fieldError('E_NOT_A_NUMBER', col.id, `Điểm chỉ số ${col.id} không phải là số: "${text}"`, `Score of indicator ${col.id} is not a number: "${text}"`));
          break;
        }
      }
    }
    const finalId = id ?? `#${row}`;
    if (id !== undefined) {
      const first = seenIds.get(id);
      if (first !== undefined) errors.push(fieldError('E_DUPLICATE_ID', 'id', `Mã "${id}" đã có ở dòng ${first}`, `Id "${id}" already used on row ${first}`));
      else seenIds.set(id, row);
    }
    if (errors.length > 0) {
      rowErrors.push({ row, id: finalId, ...(name !== undefined ? { name } : {}), errors });
      continue;
    }
    const subject: Subject = {
      id: finalId,
      ...(year !== undefined ? { year } : {}),
      ...(group !== undefined ? { group } : {}),
      ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
      scores,
      ...(Object.keys(evidence).length > 0 ? { evidence } : {}),
      ...(facts ? { facts } : {}),
    };
    subjects.push({ row, ...(name !== undefined ? { name } : {}), subject });
  }
  return { subjects, rowErrors };
}
