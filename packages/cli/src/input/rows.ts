/**
 * Shared by the CSV and Excel readers: one header row and one row per subject become subjects,
 * and every problem becomes a row error with its spreadsheet row number (the header is row 1).
 */
import type { Subject } from '@hoctap/core';
import { closest, fold } from '@hoctap/criteria-dsl';
import { isBlank, readNumber, readYesNo } from '@hoctap/sheets';

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
 * A number written the Vietnamese or the English way: `7,5`, `7.5`, `80%` (a percentage where the
 * CLI takes one: every score). Undefined when the text is not a number or is blank. The one number
 * reader of `@hoctap/sheets`.
 */
export function parseNumber(text: string): number | undefined {
  const r = readNumber(text, { percent: true });
  return r.ok && r.value !== null ? r.value : undefined;
}

/**
 * Reads a yes/no cell with the one vocabulary of `@hoctap/sheets` (có, x, ✓, đạt, 1 … → true;
 * không, chưa, 0 … → false); undefined when blank or not a yes/no word.
 */
export function parseYesNo(cell: Cell): boolean | undefined {
  const r = readYesNo(cell === undefined ? null : typeof cell === 'string' ? cell.trim() : cell);
  return r.ok && r.value !== null ? r.value : undefined;
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
  ten: 'name',
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
/** The platform's templates name indicator columns “Chỉ số 1.1” and evidence columns “Minh chứng 1.1”. */
const INDICATOR_WORDS = /^(chi so|indicator)\s+/;
const EVIDENCE_WORDS = /^(minh chung|evidence)\s+(?=[^:\s]+$)/;

// Readers hand over NFC text already (the CSV source is normalised whole, Excel cells one by one).
const str = (c: Cell): string => (c === null || c === undefined ? '' : typeof c === 'string' ? c.trim() : String(c));

/** Reads the header into column meanings; unknown and duplicate columns are errors on the header row. */
function readHeader(header: readonly Cell[], opts: ReadOptions): { columns: Column[]; errors: FieldError[] } {
  const ids = new Set(opts.indicators.map((i) => i.id));
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const columns = header.map((cell, c): Column => {
    // A template's required columns end in “ *”.
    const raw = str(cell).replace(/\s*\*$/, '');
    if (raw === '') return { kind: 'ignored' };
    const f = fold(raw).replace(/\s+/g, ' ').replace(/\s*:\s*/, ':').replace(EVIDENCE_WORDS, 'minh chung:');
    const named = INDICATOR_WORDS.test(f) ? raw.replace(/^\S+\s+\S+\s+/, '') : undefined;
    let col: Column | undefined;
    if (ids.has(raw)) col = { kind: 'score', id: raw };
    else if (named !== undefined && ids.has(named)) col = { kind: 'score', id: named };
    else if (SPECIAL[f]) col = { kind: SPECIAL[f] } as Column;
    else {
      const ap = ATTR_PREFIXES.find((p) => f.startsWith(p));
      const ep = EVIDENCE_PREFIXES.find((p) => f.startsWith(p));
      if (ap) col = { kind: 'attribute', id: raw.slice(raw.indexOf(':') + 1).trim() };
      else if (ep) {
        const id = (raw.includes(':') ? raw.slice(raw.indexOf(':') + 1) : raw.replace(/^\S+\s+\S+\s+/, '')).trim();
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
      // The one vocabulary's blank (“-”) leaves a score or evidence cell not given.
      if ((col.kind === 'score' || col.kind === 'evidence') && isBlank(text)) continue;
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
          const b = readYesNo(typeof cell === 'string' ? text : (cell ?? null));
          if (!b.ok) errors.push(fieldError('E_EVIDENCE', col.id, `Minh chứng chỉ số ${col.id}: ${b.message}`, `Evidence for indicator ${col.id}: ${b.messageEn}`));
          else if (b.value !== null) evidence[col.id] = b.value;
          break;
        }
        case 'score': {
          const n = typeof cell === 'number' ? cell : parseNumber(text);
          if (n !== undefined && Number.isFinite(n)) {
            scores[col.id] = n;
            break;
          }
          if (kinds.get(col.id) === 'yes-no') {
            const yn = readYesNo(typeof cell === 'string' ? text : (cell ?? null));
            if (yn.ok && yn.value !== null) scores[col.id] = yn.value;
            else if (!yn.ok) errors.push(fieldError('E_NOT_A_NUMBER', col.id, `Chỉ số ${col.id}: ${yn.message}`, `Indicator ${col.id}: ${yn.messageEn}`));
          } else errors.push(fieldError('E_NOT_A_NUMBER', col.id, `Điểm chỉ số ${col.id} không phải là số: "${text}"`, `Score of indicator ${col.id} is not a number: "${text}"`));
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
