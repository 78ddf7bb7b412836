/** Shared helpers of the engine's tests: compile inline `.tieuchi` texts and locate diagnostics. */
import { formatDiagnostic, type Diagnostic } from '@hoctap/criteria-dsl';
import { expect } from 'vitest';
import { compileText, type CompileOptions, type Model } from '../src/index.js';

/** Compiles a text that must be free of errors; throws with every formatted diagnostic otherwise. */
export function compileOk(text: string, opts: CompileOptions = {}): Model {
  return compileAllOk(text, opts)[0]!;
}

/** Like `compileOk`, for a file that declares several frameworks. */
export function compileAllOk(text: string, opts: CompileOptions = {}): readonly Model[] {
  const r = compileText(text, opts);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || r.models.length === 0) {
    const shown = errors.map((d) => formatDiagnostic(d, r.source, { file: opts.file ?? 'test.tieuchi' })).join('\n\n');
    throw new Error(`Expected no errors, got ${errors.length}:\n${shown}`);
  }
  return r.models;
}

/** A framework header (citizens) followed by the given body; the body starts on line 3. */
export function fw(body: string, id = 't'): string {
  return `bộ tiêu chí ${id} "Bộ tiêu chí thử"\n  đối tượng: công dân\n${body}`;
}

/** 1-based line and column where the `nth` occurrence (0-based) of `needle` starts in `text`. */
export function at(text: string, needle: string, nth = 0): { line: number; column: number } {
  const src = text.normalize('NFC');
  let idx = -1;
  for (let k = 0; k <= nth; k++) {
    idx = src.indexOf(needle, idx + 1);
    if (idx < 0) throw new Error(`\`${needle}\` (#${nth}) not found in test text`);
  }
  const before = src.slice(0, idx);
  const line = before.split('\n').length;
  const column = idx - before.lastIndexOf('\n');
  return { line, column };
}

/** Letters only Vietnamese uses (and the common Vietnamese vowels with tone marks). */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/** Asserts that a message is written in Vietnamese. */
export function expectVietnamese(message: string): void {
  expect(message, `not Vietnamese: ${message}`).toMatch(VIETNAMESE);
}

/**
 * Asserts that compiling `text` yields exactly one diagnostic with `code`, starting where
 * `needle` starts (its `nth` occurrence), with a Vietnamese message; returns it.
 */
export function expectDiagnostic(text: string, code: string, needle: string, nth = 0, opts: CompileOptions = {}): Diagnostic {
  const r = compileText(text, opts);
  const found = r.diagnostics.filter((d) => d.code === code);
  expect(found.map((d) => `${d.code} ${d.message}`), `diagnostics: ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join(' | ')}`).toHaveLength(1);
  const d = found[0]!;
  expect({ line: d.range.start.line, column: d.range.start.column }).toEqual(at(text, needle, nth));
  expectVietnamese(d.message);
  expect(d.message).not.toBe(d.messageEn);
  return d;
}

/** The codes of the diagnostics of a text. */
export function codes(text: string, opts: CompileOptions = {}): string[] {
  return compileText(text, opts).diagnostics.map((d) => d.code);
}
