/** A framework's rules in plain Vietnamese words, for score sheets and decisions. */
import type { Model } from '@hoctap/core';

// The syntax-tree types, taken through the model (no direct dependency on the language package).
type Condition = NonNullable<Model['titles'][number]['when']>;
type Comparison = Extract<Condition, { kind: 'TotalCmp' }>['test'];
type MemberPredicate = Extract<Condition, { kind: 'MemberRatio' }>['predicate'];
type TitleRef = Extract<Condition, { kind: 'HoldsTitle' }>['title'];
import { viNumber } from './text.js';

const num = (v: { value: number; percent: boolean }): string => `${viNumber(v.value)}${v.percent ? '%' : ''}`;

/** "từ 75 trở lên", "dưới 5", … */
export function comparisonWords(t: Comparison, unit = ''): string {
  const v = num(t.value) + (t.value.percent ? '' : unit);
  switch (t.op) {
    case '>=':
      return `từ ${v} trở lên`;
    case '>':
      return `trên ${v}`;
    case '<=':
      return `không quá ${v}`;
    case '<':
      return `dưới ${v}`;
    case '=':
      return `bằng ${v}`;
    case '!=':
      return `khác ${v}`;
  }
}

const titleName = (t: TitleRef, model: Model): string => {
  const key = t.kind === 'Ident' ? t.name : t.value;
  return model.titles.find((x) => x.id === key || x.name === key)?.name ?? key;
};

function predicateWords(p: MemberPredicate, model: Model): string {
  if (p.kind === 'MemberHolds') return `${p.negated ? 'không ' : ''}đạt danh hiệu “${titleName(p.title, model)}”`;
  return model.facts.find((f) => f.id === p.fact.name)?.name ?? p.fact.name;
}

/** A condition in words. */
export function conditionWords(c: Condition, model: Model): string {
  const w = (x: Condition): string => conditionWords(x, model);
  switch (c.kind) {
    case 'And':
      return c.items.map(w).join('; và ');
    case 'Or':
      return c.items.map(w).join('; hoặc ');
    case 'Not':
      return `không thỏa: ${w(c.item)}`;
    case 'Paren':
      return `(${w(c.item)})`;
    case 'TotalCmp':
      return `tổng điểm ${comparisonWords(c.test, ' điểm')}`;
    case 'EveryIndicator':
      return `mọi chỉ số đạt ${comparisonWords(c.test, ' điểm')}`;
    case 'NoIndicatorBelow':
      return `không có chỉ số nào dưới ${num(c.value)} điểm`;
    case 'EveryCriterion':
      return `mọi tiêu chí đạt ${comparisonWords(c.test, ' điểm')}`;
    case 'IndicatorCmp':
      return `chỉ số ${c.indicator.kind === 'Num' ? c.indicator.raw : c.indicator.name} đạt ${comparisonWords(c.test, ' điểm')}`;
    case 'CriterionCmp':
      return `tiêu chí ${c.criterion.kind === 'Num' ? c.criterion.raw : c.criterion.name} đạt ${comparisonWords(c.test, ' điểm')}`;
    case 'InGroup':
      return `thuộc nhóm “${model.groups.find((g) => g.id === c.group.name)?.name ?? c.group.name}”`;
    case 'AttributeIs':
      return `${model.attributes.find((a) => a.id === c.attribute.name)?.name ?? c.attribute.name} là “${c.value.value}”`;
    case 'HasFact':
      return model.facts.find((f) => f.id === c.fact.name)?.name ?? c.fact.name;
    case 'HoldsTitle':
      return c.years ? `đạt danh hiệu “${titleName(c.title, model)}” ${viNumber(c.years.value)} năm liên tục` : `đạt danh hiệu “${titleName(c.title, model)}”`;
    case 'MemberRatio':
      return `tỷ lệ thành viên ${predicateWords(c.predicate, model)} ${comparisonWords(c.test)}`;
    case 'MemberCount':
      return `số thành viên ${predicateWords(c.predicate, model)} ${comparisonWords(c.test)}`;
  }
}

/** Each title's rule as a sentence: "“Công dân học tập”: tổng điểm từ 75 điểm trở lên." */
export function titleRulesWords(model: Model): string[] {
  const out: string[] = [];
  for (const t of model.titles) {
    const parts: string[] = [];
    if (t.when) parts.push(conditionWords(t.when, model));
    for (const k of t.cases) parts.push(`nếu ${conditionWords(k.guard, model)} thì ${conditionWords(k.then, model)}`);
    const src = t.source ? ` (theo ${t.source.clause ? `${t.source.clause}, ` : ''}${t.source.text})` : '';
    out.push(`Danh hiệu “${t.name}”: ${parts.length ? parts.join('; ') : 'theo quy định'}${src}.`);
  }
  if (model.grading) {
    for (const l of model.grading.levels) out.push(`Xếp loại “${l.name}”: ${l.when ? conditionWords(l.when, model) : 'các trường hợp còn lại'}.`);
  }
  if (model.rules.floor !== undefined) out.push(`Điểm sàn: mỗi chỉ số không dưới ${viNumber(model.rules.floor)} điểm.`);
  return out;
}
