/**
 * What the editor computes from the text on every (debounced) change, with the same parser,
 * checker and example runner the CLI uses: diagnostics, models, worked examples.
 */
import { compileText, exampleDiagnostics, runExamples, type ExampleResult, type Model } from '@hoctap/core';
import type { Diagnostic } from '@hoctap/criteria-dsl';

export interface Analysis {
  readonly diagnostics: readonly Diagnostic[];
  readonly models: readonly Model[];
  readonly valid: boolean;
  readonly examples: readonly ExampleResult[];
  /** Framework ids named by `dựa trên` that are not defined in the text itself. */
  readonly bases: readonly string[];
  /** Milliseconds spent. */
  readonly ms: number;
}

/** Compiles the text, resolving `dựa trên` through `bases`, and runs the worked examples. */
export function analyze(text: string, bases: ReadonlyMap<string, Model> = new Map(), file = 'ban-soan-thao.tieuchi'): Analysis {
  const t0 = performance.now();
  const r = compileText(text, { file, resolve: (id) => bases.get(id) });
  const defined = new Set(r.ast.frameworks.map((f) => f.id.name));
  const named = r.ast.frameworks.flatMap((f) => f.items.flatMap((it) => (it.kind === 'BasedOn' ? [it.ref.name] : [])));
  const external = [...new Set(named.filter((id) => !defined.has(id)))];
  let examples: ExampleResult[] = [];
  const diagnostics: Diagnostic[] = [...r.diagnostics];
  if (r.valid) {
    examples = r.models.flatMap((m) => runExamples(m));
    diagnostics.push(...exampleDiagnostics(examples, file));
    diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  }
  return { diagnostics, models: r.models, valid: r.valid, examples, bases: external, ms: performance.now() - t0 };
}

/** `dòng:cột` of a diagnostic. */
export const position = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.column}`;
