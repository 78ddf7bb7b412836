import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AstBuilder } from '../src/build-ast.js';
import { parse } from '../src/index.js';
import { lexPhase, syntaxPhase, treePhase } from '../src/parse.js';
import { criteriaParser } from '../src/parser.js';

const dirs = ['./fixtures/valid/', './fixtures/invalid/', '../../examples/criteria/'].map((d) => new URL(d, import.meta.url));
const corpus = dirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.tieuchi'))
    .sort()
    .map((f) => [f, readFileSync(new URL(f, dir), 'utf8')] as const),
);

describe('the CST visitor', () => {
  const ruleNames = Object.keys(criteriaParser.getGAstProductions());

  it('has a method for every rule of the grammar', () => {
    expect(ruleNames.length).toBeGreaterThan(40);
    const missing = ruleNames.filter((r) => typeof (AstBuilder.prototype as unknown as Record<string, unknown>)[r] !== 'function');
    expect(missing).toEqual([]);
  });

  it('refuses to start when a rule has no method (a rule added or renamed in the grammar)', () => {
    class Renamed extends AstBuilder {}
    // What a rename leaves behind: the method under the old name only.
    Object.defineProperty(Renamed.prototype, 'atom', { value: undefined });
    Object.defineProperty(Renamed.prototype, 'atomOld', { value: AstBuilder.prototype.atom });
    expect(() => new Renamed()).toThrow(/Missing visitor method: <atom>/);
  });
});

describe('parse keeps no state between calls', () => {
  const a = 'bộ tiêu chí a "A"\n  # về A\n  tieu chj 1 "Học"\n    chỉ số 1.1 "x" tối đa 5  # cuối dòng\n';
  const b = 'bo tieu chi b "B"\n  doi tuong: cong dan\n  tiêu chí 1 "C" tổng\n  danh hieu t "T" khi tong diem >= 1\n# hết\n';

  it('gives each of two interleaved parses what it gives alone', () => {
    const soloA = parse(a, { file: 'a.tieuchi' });
    const soloB = parse(b, { file: 'b.tieuchi' });
    expect(soloA.diagnostics.some((d) => d.suggestion === 'tiêu chí')).toBe(true);
    expect(soloB.diagnostics.length).toBeGreaterThan(0);
    // Lex both, parse B before A, then build A before B.
    const la = lexPhase(a, { file: 'a.tieuchi' });
    const lb = lexPhase(b, { file: 'b.tieuchi' });
    const pb = syntaxPhase(lb);
    const pa = syntaxPhase(la);
    const ta = treePhase(pa);
    const tb = treePhase(pb);
    expect(ta).toEqual(soloA);
    expect(tb).toEqual(soloB);
  });

  it('leaves an earlier result as it was after later parses', () => {
    const first = parse(a);
    const copy = structuredClone({ ast: first.ast, diagnostics: first.diagnostics });
    for (const [, text] of corpus.slice(0, 10)) parse(text);
    parse(b);
    expect({ ast: first.ast, diagnostics: first.diagnostics }).toEqual(copy);
  });

  it('does not keep the last file’s tokens in the shared parser', () => {
    parse(b);
    expect(criteriaParser.input).toEqual([]);
  });
});

describe('the syntax tree is frozen', () => {
  /** Every object reachable from a value that is not frozen, by path. */
  function unfrozen(v: unknown, path = 'ast', out: string[] = []): string[] {
    if (typeof v !== 'object' || v === null) return out;
    if (!Object.isFrozen(v)) out.push(path);
    for (const [k, x] of Object.entries(v)) unfrozen(x, `${path}.${k}`, out);
    return out;
  }

  it.each(corpus.map(([f]) => f))('%s: every node, list and range', (f) => {
    const { ast } = parse(corpus.find(([g]) => g === f)![1]);
    expect(unfrozen(ast).slice(0, 5)).toEqual([]);
  });

  it('throws on mutation (strict mode)', () => {
    const { ast } = parse('bộ tiêu chí x "X"\n  # ghi chú\n  tiêu chí 1 "A"\n    chỉ số 1.1 "a" tối đa 10\n  danh hiệu t "T" khi tổng điểm >= 1\n');
    const fw = ast.frameworks[0]!;
    const title = fw.items.find((i) => i.kind === 'Title')!;
    expect(() => {
      (fw as { id: unknown }).id = { kind: 'Ident', name: 'y' };
    }).toThrow(TypeError);
    expect(() => (fw.items as unknown[]).push(title)).toThrow(TypeError);
    expect(() => {
      (title.range.start as { line: number }).line = 9;
    }).toThrow(TypeError);
    expect(() => {
      (fw.items[0]!.comments as string[]).push('thêm');
    }).toThrow(TypeError);
    expect(fw.items[0]!.comments).toEqual(['ghi chú']);
  });
});
