/**
 * Evaluates subjects against a checked model. Pure: the model, the subject and the options are
 * all it reads. Conditions are compiled once per model into closures (no code generation); each
 * compiled condition can both test and explain itself, so there is one meaning for both.
 */
import { fold } from '@hoctap/criteria-dsl';
import type * as A from '@hoctap/criteria-dsl';
import { closest } from '@hoctap/criteria-dsl';
import { fmt, round9 } from './compile.js';
import type { Indicator, Model } from './model.js';
import type {
  CriterionScore,
  EvaluationError,
  EvaluationResult,
  Explanation,
  IndicatorScore,
  Subject,
  TitleResult,
} from './subject.js';

/** Options of an evaluation. */
export interface EvaluateOptions {
  /** Build the explanation tree (slower). */
  readonly explain?: boolean;
  /** The year, when the subject does not carry one. */
  readonly year?: number;
  /** The framework members are judged by, to evaluate members that have scores but no titles. */
  readonly memberModel?: Model;
}

interface GroupPlan {
  readonly applicable: Uint8Array;
  readonly max: Float64Array;
  readonly critMax: Float64Array;
  readonly total: number;
}

interface Ctx {
  readonly plan: Plan;
  readonly subject: Subject;
  readonly group: GroupPlan;
  readonly points: number[];
  readonly crit: number[];
  readonly total: number;
  readonly year: number | undefined;
  readonly held: Set<string>;
  readonly memberTitles: (m: Subject) => readonly string[] | undefined;
}

interface CompiledCond {
  test(ctx: Ctx): boolean;
  explain(ctx: Ctx): Explanation;
}

interface Plan {
  readonly model: Model;
  readonly ids: readonly string[];
  readonly index: Map<string, number>;
  readonly indicators: readonly Indicator[];
  readonly critIndex: Int32Array;
  readonly critIds: readonly string[];
  readonly critPos: Map<string, number>;
  readonly groups: Map<string, GroupPlan>;
  readonly all: GroupPlan;
  readonly titles: readonly { id: string; name: string; when?: CompiledCond; cases: { guard: CompiledCond; then: CompiledCond }[] }[];
  readonly titleKeys: Map<string, string>;
  readonly levels: readonly { name: string; when?: CompiledCond }[];
  readonly ratioIndicators: readonly { i: number; pred: (m: Subject, ctx: Ctx) => boolean | undefined }[];
  /** Whether a subject must say its target group (some indicator differs by group). */
  readonly groupRequired: boolean;
  /** Whether any rule looks at members (ratios, counts): then members may be evaluated. */
  readonly usesMembers: boolean;
  /** Whether any rule asks for a title held this year (`đạt X`). */
  readonly usesHeld: boolean;
}

const plans = new WeakMap<Model, Plan>();
/** Shared by evaluations whose rules never ask which titles are held this year (never added to). */
const NO_TITLES: Set<string> = new Set();
const ownTitles = (m: Subject): readonly string[] | undefined => m.titles;

/** The compiled evaluation plan of a model (cached). */
function planOf(model: Model): Plan {
  let p = plans.get(model);
  if (!p) {
    p = buildPlan(model);
    plans.set(model, p);
  }
  return p;
}

function groupPlan(model: Model, critPos: Map<string, number>, group: string | undefined): GroupPlan {
  const n = model.indicators.length;
  const applicable = new Uint8Array(n);
  const max = new Float64Array(n);
  const critMax = new Float64Array(model.criteria.length);
  let total = 0;
  model.indicators.forEach((ind, i) => {
    const ok = ind.onlyFor.length === 0 || (group !== undefined && ind.onlyFor.includes(group));
    applicable[i] = ok ? 1 : 0;
    const m = ok ? ((group !== undefined ? ind.variants[group]?.max : undefined) ?? ind.max) : 0;
    max[i] = m;
    critMax[critPos.get(ind.criterion) ?? 0]! += m;
    total += m;
  });
  for (let k = 0; k < critMax.length; k++) critMax[k] = round9(critMax[k]!);
  return { applicable, max, critMax, total: round9(total) };
}

function buildPlan(model: Model): Plan {
  const ids = model.indicators.map((i) => i.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const critIds = model.criteria.map((c) => c.id);
  const critPos = new Map(critIds.map((id, i) => [id, i]));
  const critIndex = Int32Array.from(model.indicators.map((i) => critPos.get(i.criterion) ?? 0));
  const groups = new Map(model.groups.map((g) => [g.id, groupPlan(model, critPos, g.id)]));
  const all = groupPlan(model, critPos, undefined);
  const titleKeys = new Map<string, string>();
  for (const t of model.titles) {
    titleKeys.set(t.id, t.id);
    titleKeys.set(t.name, t.id);
    titleKeys.set(fold(t.name), t.id);
  }
  const partial: Omit<Plan, 'titles' | 'levels' | 'ratioIndicators' | 'groupRequired' | 'usesMembers' | 'usesHeld'> = { model, ids, index, indicators: model.indicators, critIndex, critIds, critPos, groups, all, titleKeys };
  const cc = (c: A.Condition) => compileCondition(c, partial as Plan);
  const titles = model.titles.map((t) => ({
    id: t.id,
    name: t.name,
    ...(t.when ? { when: cc(t.when) } : {}),
    cases: t.cases.map((c) => ({ guard: cc(c.guard), then: cc(c.then) })),
  }));
  const levels = (model.grading?.levels ?? []).map((l) => ({ name: l.name, ...(l.when ? { when: cc(l.when) } : {}) }));
  const ratioIndicators = model.indicators.flatMap((ind, i) =>
    ind.measure.kind === 'member-ratio' ? [{ i, pred: memberPredicate(ind.measure.predicate, model) }] : [],
  );
  const groupRequired = model.groups.length > 0 && model.indicators.some((i) => i.onlyFor.length > 0 || Object.keys(i.variants).length > 0);
  const conditions = [
    ...model.titles.flatMap((t) => [t.when, ...t.cases.flatMap((c) => [c.guard, c.then])]),
    ...(model.grading?.levels ?? []).map((l) => l.when),
  ];
  const json = JSON.stringify(conditions);
  const usesHeld = json.includes('"HoldsTitle"');
  const usesMembers = ratioIndicators.length > 0 || json.includes('"MemberRatio"') || json.includes('"MemberCount"');
  return { ...partial, titles, levels, ratioIndicators, groupRequired, usesMembers, usesHeld };
}

// ---------------------------------------------------------------------------------------------
// Conditions

const SYM: Record<A.CompareOp, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=', '!=': '≠' };
const NEG: Record<A.CompareOp, A.CompareOp> = { '>=': '<', '>': '<=', '<=': '>', '<': '>=', '=': '!=', '!=': '=' };

function cmp(op: A.CompareOp, a: number, b: number): boolean {
  const d = round9(a - b);
  switch (op) {
    case '>=':
      return d >= 0;
    case '>':
      return d > 0;
    case '<=':
      return d <= 0;
    case '<':
      return d < 0;
    case '=':
      return d === 0;
    case '!=':
      return d !== 0;
  }
}

const pct = (v: A.Num) => `${fmt(v.value)}${v.percent ? '%' : ''}`;
const rel = (op: A.CompareOp, ok: boolean, target: string) => `${SYM[ok ? op : NEG[op]]} ${target}`;

function titleMatches(held: readonly string[] | undefined, ref: string): boolean {
  if (!held) return false;
  const f = fold(ref);
  for (const h of held) if (h === ref || fold(h) === f) return true;
  return false;
}

function memberPredicate(p: A.MemberPredicate, model: Model): (m: Subject, ctx: Ctx) => boolean | undefined {
  if (p.kind === 'MemberHasFact') {
    const fact = p.fact.name;
    const name = model.facts.find((f) => f.id === fact)?.name;
    return (m) => (m.facts === undefined ? undefined : m.facts.includes(fact) || (name !== undefined && m.facts.includes(name)));
  }
  const ref = p.title.kind === 'Str' ? p.title.value : p.title.name;
  // A member may hold the title by id or by name: `đạt cdht` also matches "Công dân học tập".
  const t = model.titles.find((x) => x.id === ref || x.name === ref || fold(x.name) === fold(ref));
  const keys = t ? [...new Set([ref, t.id, t.name])] : [ref];
  // The same test as `titleMatches` for each key, with the keys folded once per rule instead of once
  // per member and key, and each held title folded only when no key is written exactly as it is
  // (folding was most of the time of a clan of 5,000 households: bench/RESULTS-groups.md).
  const exact = new Set(keys);
  const folded = new Set(keys.map(fold));
  const negated = p.negated;
  return (m, ctx) => {
    const titles = ctx.memberTitles(m);
    if (titles === undefined) return undefined;
    let h = false;
    for (const x of titles) if (exact.has(x)) h = true;
    if (!h) for (const x of titles) if (folded.has(fold(x))) h = true;
    return negated ? !h : h;
  };
}

/** Counts members for which a predicate holds; `undefined` data follows the framework's rule. */
function countMembers(ctx: Ctx, pred: (m: Subject, ctx: Ctx) => boolean | undefined): { yes: number; denom: number; missing: number } {
  const members = ctx.subject.members ?? [];
  let yes = 0;
  let missing = 0;
  for (const m of members) {
    const r = pred(m, ctx);
    if (r === undefined) missing++;
    else if (r) yes++;
  }
  const denom = ctx.plan.model.rules.missingData === 'exclude' ? members.length - missing : members.length;
  return { yes, denom, missing };
}

function predicateText(p: A.MemberPredicate, model: Model): string {
  if (p.kind === 'MemberHasFact') return `có "${model.facts.find((f) => f.id === p.fact.name)?.name ?? p.fact.name}"`;
  const ref = p.title.kind === 'Str' ? p.title.value : p.title.name;
  const name = model.titles.find((t) => t.id === ref)?.name ?? ref;
  return `${p.negated ? 'không đạt' : 'đạt'} "${name}"`;
}

function compileCondition(c: A.Condition, plan: Plan): CompiledCond {
  const model = plan.model;
  switch (c.kind) {
    case 'Paren':
      return compileCondition(c.item, plan);
    case 'And':
    case 'Or': {
      const items = c.items.map((x) => compileCondition(x, plan));
      const isAnd = c.kind === 'And';
      return {
        test: isAnd ? (ctx) => items.every((i) => i.test(ctx)) : (ctx) => items.some((i) => i.test(ctx)),
        explain(ctx) {
          const children = items.map((i) => i.explain(ctx));
          const ok = isAnd ? children.every((x) => x.ok) : children.some((x) => x.ok);
          return { text: isAnd ? (ok ? 'đủ mọi điều kiện' : 'chưa đủ điều kiện') : ok ? 'đạt một trong các điều kiện' : 'không đạt điều kiện nào', ok, children };
        },
      };
    }
    case 'Not': {
      const inner = compileCondition(c.item, plan);
      return {
        test: (ctx) => !inner.test(ctx),
        explain(ctx) {
          const e = inner.explain(ctx);
          return { text: `không: ${e.text}`, ok: !e.ok, children: [e] };
        },
      };
    }
    case 'TotalCmp': {
      const { op } = c.test;
      const v = c.test.value.value;
      // `tổng điểm >= 75%` is a share of the maximum the subject's group can reach.
      const isPct = c.test.value.percent;
      const val = (ctx: Ctx) => (isPct ? (ctx.group.total > 0 ? (ctx.total * 100) / ctx.group.total : 0) : ctx.total);
      return {
        test: (ctx) => cmp(op, val(ctx), v),
        explain(ctx) {
          const ok = cmp(op, val(ctx), v);
          const need = isPct ? (v * ctx.group.total) / 100 : v;
          const short = !ok && op === '>=' ? ` (thiếu ${fmt(round9(need - ctx.total))} điểm)` : '';
          const shown = isPct ? `${fmt(ctx.total)}/${fmt(ctx.group.total)} = ${fmt(Math.round(val(ctx) * 100) / 100)}%` : fmt(ctx.total);
          return { text: `tổng điểm ${shown} ${rel(op, ok, pct(c.test.value))}${short}`, ok };
        },
      };
    }
    case 'EveryIndicator':
    case 'NoIndicatorBelow': {
      const op: A.CompareOp = c.kind === 'NoIndicatorBelow' ? '>=' : c.test.op;
      const num = c.kind === 'NoIndicatorBelow' ? c.value : c.test.value;
      const v = num.value;
      // With `%`, each indicator is compared as a share of its own maximum.
      const val = (ctx: Ctx, i: number) => (num.percent ? (ctx.group.max[i]! > 0 ? (ctx.points[i]! * 100) / ctx.group.max[i]! : 0) : ctx.points[i]!);
      const failing = (ctx: Ctx): number[] => {
        const out: number[] = [];
        for (let i = 0; i < ctx.points.length; i++) if (ctx.group.applicable[i] && !cmp(op, val(ctx, i), v)) out.push(i);
        return out;
      };
      return {
        test(ctx) {
          for (let i = 0; i < ctx.points.length; i++) if (ctx.group.applicable[i] && !cmp(op, val(ctx, i), v)) return false;
          return true;
        },
        explain(ctx) {
          const bad = failing(ctx);
          if (bad.length === 0) return { text: c.kind === 'NoIndicatorBelow' ? `không có chỉ số nào dưới ${pct(num)}` : `mọi chỉ số ${SYM[op]} ${pct(num)}`, ok: true };
          return {
            text: bad.map((i) => `chỉ số ${ctx.plan.ids[i]} = ${fmt(ctx.points[i]!)}${num.percent ? `/${fmt(ctx.group.max[i]!)}` : ''} ${SYM[NEG[op]]} ${pct(num)}`).join('; '),
            ok: false,
          };
        },
      };
    }
    case 'EveryCriterion': {
      const { op } = c.test;
      const v = c.test.value.value;
      const isPct = c.test.value.percent;
      const val = (ctx: Ctx, k: number) => (isPct ? (ctx.group.critMax[k]! > 0 ? (ctx.crit[k]! * 100) / ctx.group.critMax[k]! : 0) : ctx.crit[k]!);
      return {
        test(ctx) {
          for (let k = 0; k < ctx.crit.length; k++) if (ctx.group.critMax[k]! > 0 && !cmp(op, val(ctx, k), v)) return false;
          return true;
        },
        explain(ctx) {
          const bad: string[] = [];
          for (let k = 0; k < ctx.crit.length; k++)
            if (ctx.group.critMax[k]! > 0 && !cmp(op, val(ctx, k), v))
              bad.push(`tiêu chí ${ctx.plan.critIds[k]} = ${fmt(val(ctx, k))}${isPct ? '%' : ''} ${SYM[NEG[op]]} ${pct(c.test.value)}`);
          return bad.length === 0 ? { text: `mọi tiêu chí ${SYM[op]} ${pct(c.test.value)}`, ok: true } : { text: bad.join('; '), ok: false };
        },
      };
    }
    case 'IndicatorCmp': {
      const id = c.indicator.kind === 'Num' ? c.indicator.raw : c.indicator.name;
      const i = plan.index.get(id) ?? -1;
      const { op } = c.test;
      const v = c.test.value.value;
      const isPct = c.test.value.percent;
      const val = (ctx: Ctx) => (isPct ? ((ctx.group.max[i] ?? 0) > 0 ? ((ctx.points[i] ?? 0) * 100) / ctx.group.max[i]! : 0) : (ctx.points[i] ?? 0));
      return {
        test: (ctx) => cmp(op, val(ctx), v),
        explain(ctx) {
          const ok = cmp(op, val(ctx), v);
          return { text: `chỉ số ${id} = ${fmt(ctx.points[i] ?? 0)}${isPct ? `/${fmt(ctx.group.max[i] ?? 0)}` : ''} ${rel(op, ok, pct(c.test.value))}`, ok };
        },
      };
    }
    case 'CriterionCmp': {
      const id = c.criterion.kind === 'Num' ? c.criterion.raw : c.criterion.name;
      const k = plan.critPos.get(id) ?? -1;
      const { op } = c.test;
      const v = c.test.value.value;
      const isPct = c.test.value.percent;
      const val = (ctx: Ctx) => (isPct ? (ctx.group.critMax[k]! > 0 ? (ctx.crit[k]! * 100) / ctx.group.critMax[k]! : 0) : (ctx.crit[k] ?? 0));
      return {
        test: (ctx) => cmp(op, val(ctx), v),
        explain(ctx) {
          const ok = cmp(op, val(ctx), v);
          return { text: `tiêu chí ${id} = ${fmt(val(ctx))}${isPct ? '%' : ''} ${rel(op, ok, pct(c.test.value))}`, ok };
        },
      };
    }
    case 'InGroup': {
      const g = c.group.name;
      const name = model.groups.find((x) => x.id === g)?.name ?? g;
      return {
        test: (ctx) => ctx.subject.group === g,
        explain(ctx) {
          const ok = ctx.subject.group === g;
          return { text: ok ? `thuộc nhóm "${name}"` : `không thuộc nhóm "${name}"`, ok };
        },
      };
    }
    case 'AttributeIs': {
      const a = c.attribute.name;
      const v = c.value.value;
      const aname = model.attributes.find((x) => x.id === a)?.name ?? a;
      return {
        test: (ctx) => ctx.subject.attributes?.[a] === v,
        explain(ctx) {
          const actual = ctx.subject.attributes?.[a];
          const ok = actual === v;
          return { text: ok ? `${aname}: "${v}"` : `${aname}: ${actual === undefined ? 'chưa khai báo' : `"${actual}"`}, không phải "${v}"`, ok };
        },
      };
    }
    case 'HasFact': {
      const f = c.fact.name;
      const name = model.facts.find((x) => x.id === f)?.name ?? f;
      const has = (ctx: Ctx) => !!ctx.subject.facts && (ctx.subject.facts.includes(f) || ctx.subject.facts.includes(name));
      return {
        test: has,
        explain(ctx) {
          const ok = has(ctx);
          return { text: ok ? `có "${name}"` : `chưa có "${name}"`, ok };
        },
      };
    }
    case 'HoldsTitle': {
      const ref = c.title.kind === 'Str' ? c.title.value : c.title.name;
      const id = plan.titleKeys.get(ref) ?? plan.titleKeys.get(fold(ref)) ?? ref;
      const title = model.titles.find((t) => t.id === id);
      const name = title?.name ?? ref;
      const years = c.years?.value ?? 1;
      // Consecutive years ending with this one: this year's result, then the history backwards.
      const streak = (ctx: Ctx): number => {
        if (!ctx.held.has(id)) return 0;
        let n = 1;
        if (ctx.year === undefined) return n;
        const h = ctx.subject.history;
        while (n < years && h && (titleMatches(h[String(ctx.year - n)], id) || titleMatches(h[String(ctx.year - n)], name))) n++;
        return n;
      };
      return {
        test: (ctx) => (years === 1 ? ctx.held.has(id) : streak(ctx) >= years),
        explain(ctx) {
          const n = streak(ctx);
          const ok = n >= years;
          if (years === 1) return { text: ok ? `đạt "${name}"` : `chưa đạt "${name}"`, ok };
          const span = n > 0 && ctx.year !== undefined ? ` (${ctx.year - n + 1}–${ctx.year})` : '';
          return { text: ok ? `đạt "${name}" ${years} năm liền${span}` : `mới đạt "${name}" ${n} năm liền${span}, cần ${years}`, ok };
        },
      };
    }
    case 'MemberRatio':
    case 'MemberCount': {
      const pred = memberPredicate(c.predicate, model);
      const { op } = c.test;
      const v = c.test.value.value;
      const ratio = c.kind === 'MemberRatio';
      const holds = (yes: number, denom: number) => (ratio ? denom > 0 && cmp(op, yes * 100, v * denom) : cmp(op, yes, v));
      const what = predicateText(c.predicate, model);
      return {
        test(ctx) {
          const { yes, denom } = countMembers(ctx, pred);
          return holds(yes, denom);
        },
        explain(ctx) {
          const { yes, denom, missing } = countMembers(ctx, pred);
          const ok = holds(yes, denom);
          const miss = missing > 0 ? ` (${missing} thành viên thiếu dữ liệu, ${ctx.plan.model.rules.missingData === 'exclude' ? 'không tính' : 'tính là không đạt'})` : '';
          if (!ratio) return { text: `số thành viên ${what} = ${yes} ${rel(op, ok, fmt(v))}${miss}`, ok };
          if (denom === 0) return { text: `không có thành viên để tính tỉ lệ ${what}${miss}`, ok: false };
          return { text: `tỉ lệ thành viên ${what} = ${yes}/${denom} = ${fmt(Math.round((yes * 10000) / denom) / 100)}% ${rel(op, ok, `${fmt(v)}%`)}${miss}`, ok };
        },
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Scores

function err(code: string, field: string | undefined, message: string, messageEn: string): EvaluationError {
  return { code, ...(field !== undefined ? { field } : {}), message, messageEn };
}

function bandPoints(bands: Indicator['bands'], x: number): number {
  for (const b of bands) if (cmp(b.op, x, b.value)) return b.points;
  return 0;
}

function hasEvidence(e: boolean | readonly unknown[] | null | undefined): boolean {
  return Array.isArray(e) ? e.length > 0 : e === true;
}

/**
 * Evaluates one subject.
 * @example evaluate(model, { id: 'a', scores: { '1.1': 6 } }).total
 */
export function evaluate(model: Model, subject: Subject, opts: EvaluateOptions = {}): EvaluationResult {
  const plan = planOf(model);
  const errors: EvaluationError[] = [];
  let group = plan.all;
  if (subject.group !== undefined) {
    const g = plan.groups.get(subject.group);
    if (!g) {
      const s = closest(subject.group, plan.groups.keys());
      errors.push(err('E_GROUP', 'group', `Không có nhóm đối tượng "${subject.group}"${s ? ` — ý bạn là "${s}"?` : ''}`, `No target group "${subject.group}"`));
    } else group = g;
  } else if (plan.groupRequired) {
    errors.push(err('E_GROUP', 'group', `Cần cho biết nhóm đối tượng (${model.groups.map((g) => g.id).join(', ')})`, 'A target group is required'));
  }
  if (subject.attributes) {
    for (const [a, v] of Object.entries(subject.attributes)) {
      const decl = model.attributes.find((x) => x.id === a);
      if (decl && decl.values.length > 0 && !decl.values.includes(v))
        errors.push(err('E_ATTRIBUTE', a, `Thuộc tính ${decl.name} không nhận giá trị "${v}" (chỉ: ${decl.values.join(', ')})`, `Attribute ${a} does not take "${v}"`));
    }
  }
  const n = plan.ids.length;
  // Plain arrays: cheaper to allocate than typed arrays for a few dozen numbers.
  const points: number[] = new Array<number>(n).fill(0);
  const notes: (string | undefined)[] | undefined = opts.explain ? new Array(n) : undefined;
  const scores = subject.scores ?? {};
  const rules = model.rules;
  // Keys that name no indicator are found by counting: only when the counts differ is each key looked up.
  let known = 0;
  for (let i = 0; i < n; i++) {
    const ind = plan.indicators[i]!;
    const id = plan.ids[i]!;
    const raw = scores[id];
    if (raw !== undefined) known++;
    if (!group.applicable[i]) {
      if (raw !== undefined && raw !== null)
        errors.push(err('E_NOT_APPLICABLE', id, `Chỉ số ${id} không áp dụng cho nhóm "${subject.group ?? ''}"`, `Indicator ${id} does not apply to group "${subject.group ?? ''}"`));
      continue;
    }
    const max = group.max[i]!;
    let p = 0;
    const kind = ind.measure.kind;
    if (kind === 'member-ratio') continue; // computed below from the members
    if (raw === undefined || raw === null) {
      if (notes) notes[i] = 'chưa có điểm';
      continue;
    }
    if (kind === 'yes-no') {
      if (typeof raw === 'boolean') p = raw ? max : 0;
      else if (raw === 0 || raw === max || raw === 1) p = raw === 0 ? 0 : max;
      else {
        errors.push(err('E_YES_NO', id, `Chỉ số ${id} chỉ nhận đạt / không đạt (${fmt(max)} hoặc 0), không nhận ${fmt(raw)}`, `Indicator ${id} is yes/no (${max} or 0), not ${raw}`));
        continue;
      }
    } else {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) {
        errors.push(err('E_NOT_A_NUMBER', id, `Điểm chỉ số ${id} không phải là số: ${String(raw)}`, `Score of indicator ${id} is not a number: ${String(raw)}`));
        continue;
      }
      if (kind === 'measured') {
        p = bandPoints(ind.bands, raw);
        if (notes) notes[i] = `đo được ${fmt(raw)}${ind.measure.kind === 'measured' && ind.measure.unit ? ` ${ind.measure.unit}` : ''} → ${fmt(p)} điểm`;
      } else {
        let v = raw;
        if (rules.round !== undefined) v = round9(Math.round(v / rules.round) * rules.round);
        if (v < 0) {
          errors.push(err('E_NEGATIVE', id, `Điểm chỉ số ${id} = ${fmt(v)} âm`, `Score of indicator ${id} = ${v} is negative`));
          continue;
        }
        if (v > max) {
          errors.push(err('E_ABOVE_MAX', id, `Điểm chỉ số ${id} = ${fmt(v)} vượt tối đa ${fmt(max)}`, `Score of indicator ${id} = ${v} is above its max ${max}`));
          continue;
        }
        // `làm tròn 0,5` says half points are given: it widens the step to the rounding unit.
        const step = rules.round !== undefined ? Math.min(ind.step, rules.round) : ind.step;
        const q = v / step;
        if (Math.abs(q - Math.round(q)) > 1e-9) {
          errors.push(err('E_STEP', id, `Điểm chỉ số ${id} = ${fmt(v)} không hợp lệ: điểm cho theo bước ${fmt(step)}`, `Score of indicator ${id} = ${v} is not a multiple of ${step}`));
          continue;
        }
        p = v;
        if (notes && v !== raw) notes[i] = `${fmt(raw)} làm tròn thành ${fmt(v)}`;
      }
    }
    if ((ind.needsEvidence || rules.evidenceForAll) && p > 0 && !hasEvidence(subject.evidence?.[id])) {
      if (notes) notes[i] = `${fmt(p)} → 0: không có minh chứng`;
      p = 0;
    } else if (kind === 'points' && rules.floor !== undefined && p > 0 && p < rules.floor) {
      if (notes) notes[i] = `${fmt(p)} → ${fmt(rules.floor)}: thực hiện chưa đầy đủ được tính từ ${fmt(rules.floor)} điểm`;
      p = rules.floor;
    }
    points[i] = p;
  }
  let keys = 0;
  for (const _ in scores) keys++;
  if (keys !== known) {
    for (const key in scores) {
      if (plan.index.has(key)) continue;
      const raw = scores[key];
      if (raw === null || raw === undefined) continue;
      const s = closest(key, plan.ids);
      errors.push(err('E_UNKNOWN_INDICATOR', key, `Không có chỉ số ${key} trong bộ tiêu chí${s ? ` — ý bạn là ${s}?` : ''}`, `No indicator ${key} in the framework`));
    }
  }
  const year = subject.year ?? opts.year;
  // The members' titles are only looked up by rules about members: no closure for the others.
  const memberTitles = plan.usesMembers
    ? (m: Subject): readonly string[] | undefined => {
        if (m.titles !== undefined) return m.titles;
        if (opts.memberModel && m.scores) {
          const r = evaluate(opts.memberModel, m, { ...(year !== undefined ? { year } : {}) });
          // Ids as well as names, so that `đạt cdht` matches whichever the rule uses.
          return r.errors ? undefined : r.titleResults.filter((t) => t.achieved).flatMap((t) => [t.id, t.name]);
        }
        return undefined;
      }
    : ownTitles;
  const crit: number[] = new Array<number>(plan.critIds.length).fill(0);
  const ctx: { -readonly [K in keyof Ctx]: Ctx[K] } = { plan, subject, group, points, crit, total: 0, year, held: plan.usesHeld ? new Set<string>() : NO_TITLES, memberTitles };
  for (const { i, pred } of plan.ratioIndicators) {
    if (!group.applicable[i]) continue;
    const ind = plan.indicators[i]!;
    const { yes, denom, missing } = countMembers(ctx, pred);
    const share = denom > 0 ? (yes * 100) / denom : 0;
    let p: number;
    if (ind.bands.length > 0) {
      p = 0;
      for (const b of ind.bands) {
        if (denom > 0 && cmp(b.op, yes * 100, b.value * denom)) {
          p = b.points;
          break;
        }
      }
    } else p = denom > 0 ? round9(Math.floor(round9((group.max[i]! * yes) / denom / ind.step)) * ind.step) : 0;
    points[i] = p;
    if (notes) notes[i] = `${yes}/${denom} thành viên (${fmt(Math.round(share * 100) / 100)}%)${missing ? `, ${missing} thiếu dữ liệu` : ''} → ${fmt(p)} điểm`;
  }
  if (errors.length > 0) {
    const failed: { -readonly [K in keyof EvaluationResult]: EvaluationResult[K] } = { framework: model.id, total: 0, max: group.total, criteria: [], indicators: [], titles: [], titleResults: [], errors };
    if (subject.id !== undefined) failed.id = subject.id;
    return failed;
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    crit[plan.critIndex[i]!]! += points[i]!;
    total += points[i]!;
  }
  total = round9(total);
  ctx.total = total;
  const titles: string[] = [];
  // Without explanations, only whether each title was achieved is kept; the results are built on use.
  const titleResults: TitleResult[] | undefined = opts.explain ? [] : undefined;
  const achievedFlags: boolean[] = new Array<boolean>(plan.titles.length);
  for (let ti = 0; ti < plan.titles.length; ti++) {
    const t = plan.titles[ti]!;
    let rule = t.when;
    let guardExpl: Explanation | undefined;
    for (const c of t.cases) {
      if (c.guard.test(ctx)) {
        rule = c.then;
        if (opts.explain) guardExpl = { text: `áp dụng trường hợp riêng: ${c.guard.explain(ctx).text}`, ok: true };
        break;
      }
    }
    const achieved = rule ? rule.test(ctx) : false;
    achievedFlags[ti] = achieved;
    if (achieved) {
      if (plan.usesHeld) ctx.held.add(t.id);
      titles.push(t.name);
    }
    if (titleResults) {
      const detail = rule ? rule.explain(ctx) : { text: 'chưa có điều kiện', ok: false };
      const children = [...(guardExpl ? [guardExpl] : []), ...(detail.children && (detail.text === 'đủ mọi điều kiện' || detail.text === 'chưa đủ điều kiện') ? detail.children : [detail])];
      titleResults.push({ id: t.id, name: t.name, achieved, explanation: { text: `${achieved ? 'Đạt' : 'Chưa đạt'} danh hiệu "${t.name}"`, ok: achieved, children } });
    }
  }
  let level: string | undefined;
  let levelExpl: Explanation | undefined;
  for (const l of plan.levels) {
    if (!l.when || l.when.test(ctx)) {
      level = l.name;
      if (opts.explain) levelExpl = { text: `Xếp loại: ${l.name}`, ok: true, ...(l.when ? { children: [l.when.explain(ctx)] } : {}) };
      break;
    }
  }
  const result = new Scored(model.id, total, group.total, titles, plan, group, points, crit, notes, titleResults ?? achievedFlags);
  if (subject.id !== undefined) result.id = subject.id;
  if (level !== undefined) result.level = level;
  if (!opts.explain) return result;
  const indScores = result.indicators;
  const critScores = result.criteria;
  const critExpl: Explanation[] = critScores.map((c) => ({
    text: `Tiêu chí ${c.id}: ${fmt(c.points)}/${fmt(c.max)} điểm`,
    children: indScores
      .filter((s) => plan.indicators[plan.index.get(s.id)!]!.criterion === c.id)
      .map((s) => ({ text: `Chỉ số ${s.id}: ${fmt(s.points)}/${fmt(s.max)}${s.note ? ` (${s.note})` : ''}` })),
  }));
  result.explanation = {
      text: `${subject.id ? `${subject.id}: ` : ''}tổng điểm ${fmt(total)}/${fmt(group.total)}`,
      children: [
        { text: 'Điểm', children: critExpl },
        ...result.titleResults.map((t) => t.explanation!),
        ...(levelExpl ? [levelExpl] : []),
      ],
  };
  return result;
}

/**
 * An evaluation result. Per-indicator scores are built on first use: most callers (ranking a
 * province's citizens, say) need only totals and titles, and building them is a third of the cost.
 */
class Scored implements EvaluationResult {
  id?: string;
  level?: string;
  explanation?: Explanation;
  #indicators?: IndicatorScore[];
  #criteria?: CriterionScore[];
  #titleResults?: readonly TitleResult[];
  readonly #plan: Plan;
  readonly #group: GroupPlan;
  readonly #points: readonly number[];
  readonly #crit: readonly number[];
  readonly #notes: readonly (string | undefined)[] | undefined;
  readonly #achieved: readonly boolean[] | undefined;

  constructor(
    readonly framework: string,
    readonly total: number,
    readonly max: number,
    readonly titles: readonly string[],
    plan: Plan,
    group: GroupPlan,
    points: readonly number[],
    crit: readonly number[],
    notes: readonly (string | undefined)[] | undefined,
    titles2: readonly TitleResult[] | readonly boolean[],
  ) {
    this.#plan = plan;
    this.#group = group;
    this.#points = points;
    this.#crit = crit;
    this.#notes = notes;
    if (titles2.length > 0 && typeof titles2[0] === 'boolean') this.#achieved = titles2 as readonly boolean[];
    else this.#titleResults = titles2 as readonly TitleResult[];
  }

  get criteria(): readonly CriterionScore[] {
    if (!this.#criteria) {
      const { critIds } = this.#plan;
      const out: CriterionScore[] = new Array(critIds.length);
      for (let k = 0; k < critIds.length; k++) out[k] = { id: critIds[k]!, points: round9(this.#crit[k]!), max: this.#group.critMax[k]! };
      this.#criteria = out;
    }
    return this.#criteria;
  }

  get titleResults(): readonly TitleResult[] {
    if (!this.#titleResults) this.#titleResults = this.#plan.titles.map((t, i) => ({ id: t.id, name: t.name, achieved: !!this.#achieved?.[i] }));
    return this.#titleResults;
  }

  get indicators(): readonly IndicatorScore[] {
    if (!this.#indicators) {
      const out: IndicatorScore[] = [];
      const { ids } = this.#plan;
      for (let i = 0; i < ids.length; i++) {
        if (!this.#group.applicable[i]) continue;
        const note = this.#notes?.[i];
        out.push(note ? { id: ids[i]!, points: this.#points[i]!, max: this.#group.max[i]!, note } : { id: ids[i]!, points: this.#points[i]!, max: this.#group.max[i]! });
      }
      this.#indicators = out;
    }
    return this.#indicators;
  }

  /** The plain form, with the per-indicator scores (for JSON and for comparisons). */
  toJSON(): EvaluationResult {
    const { indicators } = this;
    return {
      ...(this.id !== undefined ? { id: this.id } : {}),
      framework: this.framework,
      total: this.total,
      max: this.max,
      criteria: this.criteria,
      indicators,
      titles: this.titles,
      titleResults: this.titleResults,
      ...(this.level !== undefined ? { level: this.level } : {}),
      ...(this.explanation ? { explanation: this.explanation } : {}),
    };
  }
}

/** Renders an explanation tree as indented Vietnamese text, ✓ / ✗ on conditions. */
export function explanationText(e: Explanation, indent = ''): string {
  const mark = e.ok === undefined ? '' : e.ok ? '✓ ' : '✗ ';
  const lines = [`${indent}${mark}${e.text}`];
  for (const c of e.children ?? []) lines.push(explanationText(c, `${indent}  `));
  return lines.join('\n');
}

/** Compiled conditions per plan: a derived framework shares condition objects with its base. */
const condCache = new WeakMap<Plan, WeakMap<A.Condition, CompiledCond>>();

/**
 * Tests a condition that does not depend on scores (a target's guard, say) against a subject's
 * attributes, group, facts and members. Scores count as 0.
 */
export function testCondition(model: Model, cond: A.Condition, subject: Subject, year?: number): boolean {
  const plan = planOf(model);
  let cache = condCache.get(plan);
  if (!cache) condCache.set(plan, (cache = new WeakMap()));
  let c = cache.get(cond);
  if (!c) {
    c = compileCondition(cond, plan);
    cache.set(cond, c);
  }
  const group = (subject.group !== undefined ? plan.groups.get(subject.group) : undefined) ?? plan.all;
  const ctx: Ctx = {
    plan,
    subject,
    group,
    points: new Array<number>(plan.ids.length).fill(0),
    crit: new Array<number>(plan.critIds.length).fill(0),
    total: 0,
    year: subject.year ?? year,
    held: new Set(),
    memberTitles: (m) => m.titles,
  };
  return c.test(ctx);
}
