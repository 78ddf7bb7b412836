/** Small text helpers for terminal output: numbers, dates, tables. */
import { fmt } from '@hoctap/core';
import type { Ctx } from './context.js';

/** The display width of a string (code points; NFC Vietnamese has no combining marks left). */
export function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Pads to a display width, on the right or (for numbers) on the left. */
export function pad(s: string, w: number, align: 'l' | 'r' = 'l'): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'r' ? fill + s : s + fill;
}

/** A number the reader's way: `7,5` in Vietnamese, `7.5` in English. */
export function num(ctx: Ctx, x: number): string {
  return ctx.lang === 'en' ? String(Math.round(x * 1e9) / 1e9) : fmt(x);
}

/** A share in percent with one decimal: `73,7%`. */
export function percent(ctx: Ctx, part: number, whole: number): string {
  if (whole === 0) return '—';
  return `${num(ctx, Math.round((part * 1000) / whole) / 10)}%`;
}

/** An ISO date `2018-05-01` as `01/05/2018`. */
export function dmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Splits text into lines of at most `w` characters, at spaces where possible. */
export function wrap(text: string, w: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line === '') line = word;
    else if (width(line) + 1 + width(word) <= w) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
    while (width(line) > w) {
      const chars = [...line];
      lines.push(chars.slice(0, w).join(''));
      line = chars.slice(w).join('');
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Renders rows as aligned columns separated by two spaces; the first row is the header. */
export function table(rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[] = []): string {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, c) => Math.max(0, ...rows.map((r) => width(r[c] ?? ''))));
  const line = (r: readonly string[]) =>
    r
      .map((cell, c) => (c === r.length - 1 && align[c] !== 'r' ? cell : pad(cell, widths[c]!, align[c] ?? 'l')))
      .join('  ')
      .trimEnd();
  const [head, ...body] = rows;
  if (!head) return '';
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
