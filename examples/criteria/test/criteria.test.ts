import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFramework, compileText, createRegistry, type Model } from '@hoctap/core';
import { formatDiagnostic, parse, type CriteriaFile } from '@hoctap/criteria-dsl';
import { national } from '@hoctap/plugin-national';

const dir = new URL('../', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.tieuchi')).sort();
const registry = createRegistry([national]);

// Snippets may derive from a framework defined in another snippet (08 from 03, 09 from 02), then
// from the national plugin: compile the ones without a base first.
const local = new Map<string, Model>();
for (let pass = 0; pass < 3; pass++) {
  for (const f of files) {
    const r = compileText(readFileSync(new URL(f, dir), 'utf8'), { file: f, resolve: (id) => local.get(id) });
    if (r.valid) for (const m of r.models) local.set(m.id, m);
  }
}
const resolve = (id: string) => local.get(id) ?? registry.frameworks.find((f) => f.model.id === id)?.model;

/** The kinds of statement, indicator option and condition a file uses. */
function constructs(ast: CriteriaFile): Set<string> {
  const out = new Set<string>();
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const k = (x as { kind?: unknown }).kind;
      if (typeof k === 'string') out.add(k);
      Object.values(x).forEach(walk);
    }
  };
  walk(ast);
  return out;
}

describe.each(files)('examples/criteria/%s', (file) => {
  const text = readFileSync(new URL(file, dir), 'utf8');
  it('parses, checks clean and every worked example passes', () => {
    // The one check every door uses, as a draft: the framework rules may be warnings in a snippet.
    const r = checkFramework(text, { file, resolve, mode: 'draft' });
    const problems = r.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d, r.source));
    expect(problems).toEqual([]);
    expect(r.examples.length).toBeGreaterThan(0);
    expect(r.examples.filter((e) => !e.passed).map((e) => e.name)).toEqual([]);
  });
});

it('together the snippets use every construct of the language', () => {
  const used = new Set<string>();
  for (const f of files) for (const k of constructs(parse(readFileSync(new URL(f, dir), 'utf8')).ast)) used.add(k);
  const all = [
    'Subject', 'Locality', 'Effective', 'Status', 'Basis', 'BasedOn', 'TargetGroup', 'Attribute', 'Fact', 'Competency', 'Criterion', 'Indicator',
    'Drop', 'Total', 'EvidenceRule', 'Floor', 'Round', 'MissingData', 'Title', 'Case', 'Grading', 'Level', 'Target', 'Calendar', 'Step', 'Example',
    'YesNo', 'Measured', 'MemberRatio', 'Band', 'Variant', 'Source',
    'And', 'Or', 'Not', 'Paren', 'TotalCmp', 'EveryIndicator', 'NoIndicatorBelow', 'EveryCriterion', 'IndicatorCmp', 'CriterionCmp', 'InGroup', 'AttributeIs', 'HasFact', 'HoldsTitle', 'MemberCount',
    'Dates', 'Quarter', 'Months', 'HoldsTitle',
    'ExGroup', 'ExYear', 'ExAttribute', 'ExFact', 'ExScores', 'ExEvidence', 'ExHistory', 'ExMembers', 'ExPopulation', 'ExExpect',
    'ExpTotal', 'ExpCriterion', 'ExpIndicator', 'ExpTitle', 'ExpLevel', 'ExpTarget', 'ExpError', 'MemberHolds', 'MemberHasFact',
  ];
  expect(all.filter((k) => !used.has(k))).toEqual([]);
});
