/**
 * The scoring form a framework produces (phiếu chấm điểm): per criterion, per indicator, what to
 * enter and within which bounds, for one target group. Pure: built from the core `Model` alone, so
 * the editor's live preview and a later self-assessment page show the same form.
 */
import type { Indicator, Model, Subject } from '@hoctap/core';

export type FieldKind =
  /** Points 0..max in steps of `step`. */
  | 'points'
  /** Đạt / không đạt. */
  | 'yes-no'
  /** A measured number (or percentage) mapped to points by bands. */
  | 'measured'
  /** Computed from the subject's members; nothing to enter here. */
  | 'member-ratio';

export interface FormIndicator {
  readonly id: string;
  readonly text: string;
  readonly kind: FieldKind;
  readonly max: number;
  readonly step: number;
  readonly unit?: string;
  readonly needsEvidence: boolean;
  /** Bands as text: `>= 80 → 10`. */
  readonly bands: readonly string[];
  readonly source?: string;
}

export interface FormCriterion {
  readonly id: string;
  readonly text: string;
  readonly max: number;
  readonly competency?: string;
  readonly indicators: readonly FormIndicator[];
}

export interface ScoringForm {
  readonly framework: string;
  readonly title: string;
  /** The target groups to choose from; empty when the framework has none. */
  readonly groups: readonly { readonly id: string; readonly name: string }[];
  /** The group the form is built for. */
  readonly group?: string;
  readonly criteria: readonly FormCriterion[];
  /** The maximum total for that group. */
  readonly max: number;
}

const citation = (x: { source?: { text: string; clause?: string } }): string | undefined =>
  x.source ? (x.source.clause ? `${x.source.text}, ${x.source.clause}` : x.source.text) : undefined;

function applies(ind: Indicator, group: string | undefined): boolean {
  return ind.onlyFor.length === 0 || (group !== undefined && ind.onlyFor.includes(group));
}

const OPS: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=', '!=': '≠' };

/**
 * Builds the form for a framework and a target group. Without a group, a framework with target
 * groups gets its first group (the form always shows one group's indicators).
 */
export function buildScoringForm(model: Model, group?: string): ScoringForm {
  const g = group !== undefined && model.groups.some((x) => x.id === group) ? group : model.groups[0]?.id;
  const byId = new Map(model.indicators.map((i) => [i.id, i]));
  const criteria: FormCriterion[] = [];
  let total = 0;
  for (const c of model.criteria) {
    const indicators: FormIndicator[] = [];
    for (const id of c.indicators) {
      const ind = byId.get(id);
      if (!ind || !applies(ind, g)) continue;
      const variant = g !== undefined ? ind.variants[g] : undefined;
      const max = variant?.max ?? ind.max;
      const kind: FieldKind = ind.measure.kind;
      const src = citation(ind);
      indicators.push({
        id: ind.id,
        text: variant?.text ?? ind.text,
        kind,
        max,
        step: ind.step > 0 ? ind.step : 1,
        ...(ind.measure.kind === 'measured' && ind.measure.unit !== undefined ? { unit: ind.measure.unit } : {}),
        needsEvidence: ind.needsEvidence || (model.rules.evidenceForAll && kind !== 'member-ratio'),
        bands: ind.bands.map((b) => `${OPS[b.op] ?? b.op} ${b.value} → ${b.points}`),
        ...(src !== undefined ? { source: src } : {}),
      });
    }
    if (indicators.length === 0) continue;
    const max = indicators.reduce((s, i) => s + i.max, 0);
    total += max;
    const src = c.competency;
    criteria.push({ id: c.id, text: c.text, max, ...(src !== undefined ? { competency: src } : {}), indicators });
  }
  return {
    framework: model.id,
    title: model.title,
    groups: model.groups.map((x) => ({ id: x.id, name: x.name })),
    ...(g !== undefined ? { group: g } : {}),
    criteria,
    max: Math.round(total * 1000) / 1000,
  };
}

/** What the person filled in: a value per indicator (number, or boolean for yes/no) and evidence ticks. */
export interface FormValues {
  readonly scores: Readonly<Record<string, number | boolean | undefined>>;
  readonly evidence: Readonly<Record<string, boolean | undefined>>;
}

/** What is wrong with a typed score, if anything: the form says so at the field and never changes the value. */
export type ScoreProblem = { readonly code: 'negative' } | { readonly code: 'above-max'; readonly max: number } | { readonly code: 'off-step'; readonly step: number };

/** Checks a typed score against its indicator's scale (the engine refuses the same values). */
export function scoreProblem(value: number, ind: Pick<FormIndicator, 'max' | 'step' | 'kind'>): ScoreProblem | undefined {
  if (value < 0) return { code: 'negative' };
  if (ind.kind === 'measured') return undefined;
  if (value > ind.max) return { code: 'above-max', max: ind.max };
  const steps = value / ind.step;
  if (Math.abs(steps - Math.round(steps)) > 1e-9) return { code: 'off-step', step: ind.step };
  return undefined;
}

/** The subject the engine evaluates for the form's values. Empty fields are left out. */
export function formSubject(form: ScoringForm, values: FormValues): Subject {
  const scores: Record<string, number | boolean> = {};
  const evidence: Record<string, boolean> = {};
  for (const c of form.criteria) {
    for (const i of c.indicators) {
      const v = values.scores[i.id];
      if (v !== undefined) scores[i.id] = v;
      if (i.needsEvidence) evidence[i.id] = values.evidence[i.id] === true;
    }
  }
  return { id: 'xem-truoc', ...(form.group !== undefined ? { group: form.group } : {}), scores, evidence };
}
