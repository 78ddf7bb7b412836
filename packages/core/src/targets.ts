/** Progress of a population against a framework's targets (chỉ tiêu). */
import { fold } from '@hoctap/criteria-dsl';
import { fmt, round9 } from './compile.js';
import { testCondition } from './evaluate.js';
import type { Model, Target } from './model.js';
import type { Subject } from './subject.js';

/** What is known of the population a target is measured on. */
export interface PopulationInput {
  readonly year: number;
  /** The locality's attributes (e.g. its kind of area), for targets that depend on them. */
  readonly attributes?: Readonly<Record<string, string>>;
  /** Which population this is (e.g. "người lớn trong gia đình học tập"), matched against `trong "…"`. */
  readonly population?: string;
  /** The members of the population with the titles and facts they hold this year. */
  readonly members: readonly Pick<Subject, 'titles' | 'facts'>[];
  /** For targets that grow each year: the share in a base year. */
  readonly baseline?: { readonly year: number; readonly share: number };
  /** What the denominator is, stated in reports: the registered subjects or all in the area. */
  readonly denominator?: 'registered' | 'all';
}

/** One target, measured. */
export interface TargetProgress {
  readonly target: Target;
  readonly year: number;
  /** The share required this year, in percent. */
  readonly required: number;
  readonly numerator: number;
  readonly denominator: number;
  readonly denominatorKind: 'registered' | 'all';
  /** The share reached, in percent (2 decimals). */
  readonly share: number;
  readonly met: boolean;
  /** How many more holders are needed; 0 when met. */
  readonly shortBy: number;
  readonly text: string;
}

const titleName = (model: Model, ref: string) => model.titles.find((t) => t.id === ref || t.name === ref)?.name ?? ref;

function holds(model: Model, what: Target['what'], m: Pick<Subject, 'titles' | 'facts'>): boolean {
  if (what.kind === 'fact') {
    const name = model.facts.find((f) => f.id === what.fact)?.name;
    return !!m.facts && (m.facts.includes(what.fact) || (name !== undefined && m.facts.includes(name)));
  }
  const t = model.titles.find((x) => x.id === what.title || x.name === what.title);
  const keys = [what.title, ...(t ? [t.id, t.name] : [])].map(fold);
  return !!m.titles && m.titles.some((h) => keys.includes(fold(h)));
}

/** The targets that apply to a population in a year, with the share required. */
export function applicableTargets(model: Model, input: Omit<PopulationInput, 'members'>): { target: Target; required: number }[] {
  const out: { target: Target; required: number }[] = [];
  const subject: Subject = { ...(input.attributes ? { attributes: input.attributes } : {}), year: input.year };
  for (const t of model.targets) {
    if (t.population !== undefined && input.population !== undefined && fold(t.population) !== fold(input.population)) continue;
    if (t.population !== undefined && input.population === undefined) continue;
    if (t.guard && !testCondition(model, t.guard, subject, input.year)) continue;
    if (t.perYearIncrease) {
      if (!input.baseline || input.year <= input.baseline.year) continue;
      // A share cannot grow past 100 %.
      out.push({ target: t, required: Math.min(100, round9(input.baseline.share + t.share * (input.year - input.baseline.year))) });
    } else if (t.year === input.year) out.push({ target: t, required: t.share });
  }
  return out;
}

/** Measures a population against every target that applies to it in the year. */
export function targetProgress(model: Model, input: PopulationInput): TargetProgress[] {
  return applicableTargets(model, input).map(({ target, required }) => {
    const base = target.among ? input.members.filter((m) => holds(model, target.among!, m)) : input.members;
    const numerator = base.filter((m) => holds(model, target.what, m)).length;
    const denominator = base.length;
    const met = denominator > 0 && round9(numerator * 100 - required * denominator) >= 0;
    const needed = Math.ceil(round9((required * denominator) / 100));
    const shortBy = met ? 0 : Math.max(0, needed - numerator);
    const share = denominator > 0 ? Math.round((numerator * 10000) / denominator) / 100 : 0;
    const what = target.what.kind === 'title' ? `đạt "${titleName(model, target.what.title)}"` : `có "${model.facts.find((f) => f.id === (target.what as { fact: string }).fact)?.name ?? ''}"`;
    const among = target.among ? ` trong số ${target.among.kind === 'title' ? `đạt "${titleName(model, target.among.title)}"` : 'có sự kiện'}` : '';
    const denominatorKind = input.denominator ?? 'all';
    const text = `Năm ${input.year}: ${numerator}/${denominator}${among} ${what} = ${fmt(share)}% so với chỉ tiêu ${fmt(required)}% — ${met ? 'đạt' : `chưa đạt, thiếu ${shortBy}`} (mẫu số: ${denominatorKind === 'registered' ? 'số đã đăng ký' : 'toàn bộ'})`;
    return { target, year: input.year, required, numerator, denominator, denominatorKind, share, met, shortBy, text };
  });
}
