/** Diagnostics: bad input is data, with a stable code, a range and a message in Vietnamese and English. */
import type { Range } from './ast.js';

export type Severity = 'error' | 'warning';

/** One problem found in a criteria file. */
export interface Diagnostic {
  /** Stable code, e.g. `TC1101`. Syntax codes are TC1xxx, semantic codes TC2xxx, examples TC3xxx. */
  readonly code: string;
  readonly severity: Severity;
  readonly range: Range;
  /** The message in Vietnamese. */
  readonly message: string;
  /** The same message in English. */
  readonly messageEn: string;
  /** A fix, when one is likely ("ý bạn là `tiêu chí`?"), as the text to write instead. */
  readonly suggestion?: string;
  /** The file it is about, when known. */
  readonly file?: string;
}

export type Lang = 'vi' | 'en';

/** Creates a diagnostic. */
export function diagnostic(
  code: string,
  range: Range,
  message: string,
  messageEn: string,
  extra: { severity?: Severity; suggestion?: string; file?: string } = {},
): Diagnostic {
  return {
    code,
    severity: extra.severity ?? 'error',
    range,
    message,
    messageEn,
    ...(extra.suggestion !== undefined ? { suggestion: extra.suggestion } : {}),
    ...(extra.file !== undefined ? { file: extra.file } : {}),
  };
}

/** The message of a diagnostic in the language asked for, with its suggestion. */
export function messageOf(d: Diagnostic, lang: Lang = 'vi'): string {
  const base = lang === 'en' ? d.messageEn : d.message;
  if (!d.suggestion) return base;
  return lang === 'en' ? `${base} — did you mean \`${d.suggestion}\`?` : `${base} — ý bạn là \`${d.suggestion}\`?`;
}

/**
 * Renders a diagnostic like a compiler: `file:line:col: lỗi TC1101: …`, the line, and a caret
 * under the offending text.
 */
export function formatDiagnostic(d: Diagnostic, source: string, opts: { lang?: Lang; file?: string } = {}): string {
  const lang = opts.lang ?? 'vi';
  const file = opts.file ?? d.file ?? '<input>';
  const sev = d.severity === 'error' ? (lang === 'en' ? 'error' : 'lỗi') : lang === 'en' ? 'warning' : 'cảnh báo';
  const { line, column } = d.range.start;
  const lines = source.split('\n');
  const text = (lines[line - 1] ?? '').replace(/\r$/, '');
  const width =
    d.range.end.line === line ? Math.max(1, d.range.end.column - column) : Math.max(1, text.length - column + 1);
  const gutter = String(line).length;
  const pad = ' '.repeat(gutter);
  return [
    `${file}:${line}:${column}: ${sev} ${d.code}: ${messageOf(d, lang)}`,
    `${pad} |`,
    `${line} | ${text}`,
    `${pad} | ${' '.repeat(Math.max(0, column - 1))}${'^'.repeat(width)}`,
  ].join('\n');
}

/** True when any diagnostic is an error. */
export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}
