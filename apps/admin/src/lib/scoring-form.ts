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

/** Clamps and snaps a typed number to the indicator's scale (0..max, multiples of step). */
export function snapScore(value: number, ind: Pick<FormIndicator, 'max' | 'step' | 'kind'>): number {
  if (!Number.isFinite(value)) return 0;
  if (ind.kind === 'measured') return Math.max(0, value);
  const clamped = Math.min(Math.max(0, value), ind.max);
  const steps = Math.round(clamped / ind.step);
  return Math.round(steps * ind.step * 1000) / 1000;
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
