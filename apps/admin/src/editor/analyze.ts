/**
 * What the editor computes from the text on every (debounced) change: `checkFramework` in draft
 * mode, the very check `hoctap check`, `POST /api/frameworks/check` and (as errors) publishing
 * apply — diagnostics, models, worked examples.
 */
import { checkFramework, type ExampleResult, type Model } from '@hoctap/core';
import type { Diagnostic } from '@hoctap/criteria-dsl';

export interface Analysis {
  readonly diagnostics: readonly Diagnostic[];
  readonly models: readonly Model[];
  /** The text compiles without errors (its models are usable; its examples were run). */
  readonly valid: boolean;
  /** Publishing would accept it: no error, and no framework rule (TC2100–TC2102) left as a warning. */
  readonly publishable: boolean;
  readonly examples: readonly ExampleResult[];
  /** Framework ids named by `dựa trên` that are not defined in the text itself. */
  readonly bases: readonly string[];
  /** Milliseconds spent. */
  readonly ms: number;
}

/** Checks the text as a draft, resolving `dựa trên` through `bases`, and runs the worked examples. */
export function analyze(text: string, bases: ReadonlyMap<string, Model> = new Map(), file = 'ban-soan-thao.tieuchi'): Analysis {
  const t0 = performance.now();
  const r = checkFramework(text, { file, resolve: (id) => bases.get(id), mode: 'draft' });
  const defined = new Set(r.ast.frameworks.map((f) => f.id.name));
  const named = r.ast.frameworks.flatMap((f) => f.items.flatMap((it) => (it.kind === 'BasedOn' ? [it.ref.name] : [])));
  const external = [...new Set(named.filter((id) => !defined.has(id)))];
  return { diagnostics: r.diagnostics, models: r.models, valid: r.compiles, publishable: r.publishable, examples: r.examples, bases: external, ms: performance.now() - t0 };
}

/** `dòng:cột` of a diagnostic. */
export const position = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.column}`;
