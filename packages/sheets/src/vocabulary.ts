/**
 * The one vocabulary of every sheet: yes / no / blank, and numbers. Words are compared after NFC,
 * case and diacritic folding (“Có”, “CÓ”, “co” are one word); anything else is an error, never a
 * silent “no”.
 */
import { fold, normalize } from '@hoctap/criteria-dsl';
import type { CellValue } from './sheet.js';

/** Folds a cell's text for comparison: NFC, no diacritics (đ → d), lower case, single spaces. */
export function foldCell(text: string): string {
  return fold(normalize(text)).replace(/\s+/g, ' ').trim();
}

/** Words read as yes (folded). */
export const YES_WORDS: readonly string[] = ['co', 'x', '✓', '✔', 'dat', 'yes', 'y', 'true', '1'];
/** Words read as no (folded). */
export const NO_WORDS: readonly string[] = ['khong', 'chua', 'khong dat', 'chua dat', 'no', 'n', 'false', '0'];
/** Cells read as blank (not given): empty, or a dash. */
export const BLANK_WORDS: readonly string[] = ['', '-', '–', '—'];

/** A cell read: its value, or a Vietnamese (and English) message saying why not. */
export type CellRead<T> = { readonly ok: true; readonly value: T | null } | { readonly ok: false; readonly message: string; readonly messageEn: string };

const shown = (v: CellValue) => (typeof v === 'string' ? v.trim() : String(v));

/** True when the cell is blank: empty or a dash. */
export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && BLANK_WORDS.includes(v.trim()));
}

/**
 * A yes/no cell: có, x, ✓, đạt, yes, y, true, 1 → true; không, chưa, không đạt, chưa đạt, no, n,
 * false, 0 → false; empty or `-` → null (not given); anything else is an error.
 * @example readYesNo('Chưa') // { ok: true, value: false }
 */
export function readYesNo(v: CellValue | undefined): CellRead<boolean> {
  if (isBlank(v)) return { ok: true, value: null };
  if (typeof v === 'boolean') return { ok: true, value: v };
  const w = foldCell(String(v));
  if (YES_WORDS.includes(w)) return { ok: true, value: true };
  if (NO_WORDS.includes(w)) return { ok: true, value: false };
  return {
    ok: false,
    message: `“${shown(v!)}” không phải Có / Không (ghi có, x, ✓, đạt, 1 hoặc không, chưa, 0; để trống hay “-” nếu chưa có)`,
    messageEn: `“${shown(v!)}” is neither yes nor no (write có, x, ✓, đạt, 1 or không, chưa, 0; leave it empty or “-” when not given)`,
  };
}

/** How {@link readNumber} reads a cell. */
export interface NumberOptions {
  /** `75%` is read as 75 (a percentage is meant); otherwise a percent sign is an error. */
  readonly percent?: boolean;
}

const NUMBER = /^([+-]?)(\d+)(?:[.,](\d+))?$/;

/**
 * A number written the Vietnamese or the English way: `7`, `7,5`, `7.5` (one decimal mark, no
 * thousands separators), `75%` when `percent` is set; Excel numbers as they are; empty or `-` → null.
 * @example readNumber('7,5') // { ok: true, value: 7.5 }
 */
export function readNumber(v: CellValue | undefined, opts: NumberOptions = {}): CellRead<number> {
  if (isBlank(v)) return { ok: true, value: null };
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, message: 'ô không chứa số hữu hạn', messageEn: 'the cell holds no finite number' };
  const text = shown(v!);
  let t = text.replace(/\s+/g, '');
  const pct = t.endsWith('%');
  if (pct) {
    if (!opts.percent)
      return { ok: false, message: `“${text}”: ô này không nhận phần trăm — ghi số (ví dụ 7,5)`, messageEn: `“${text}”: this cell takes no percentage — write a number (e.g. 7.5)` };
    t = t.slice(0, -1);
  }
  const m = NUMBER.exec(t);
  if (!m)
    return {
      ok: false,
      message: `“${text}” không phải là số (ghi ví dụ 7, 7,5 hoặc 7.5; không dùng dấu phân cách hàng nghìn)`,
      messageEn: `“${text}” is not a number (write e.g. 7, 7,5 or 7.5; no thousands separators)`,
    };
  const n = Number(`${m[1]}${m[2]}${m[3] !== undefined ? `.${m[3]}` : ''}`);
  return { ok: true, value: n };
}
