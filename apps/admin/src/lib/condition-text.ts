/**
 * A condition of the model (a title's rule, a grade level, a target's guard) as the language
 * writes it in Vietnamese: `tổng điểm từ 75 trở lên và mọi chỉ số >= 5`. The portal shows rules
 * in the words their authors typed.
 */
import type { Comparison, Condition, MemberPredicate, Num, Ident, TitleRef } from '@hoctap/criteria-dsl';

const SYM: Record<Comparison['op'], string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=', '!=': '≠' };
const num = (n: Num) => n.raw + (n.percent && !n.raw.endsWith('%') ? '%' : '');
const ref = (r: TitleRef) => (r.kind === 'Str' ? `“${r.value}”` : r.name);
const id = (x: Num | Ident) => (x.kind === 'Num' ? x.raw : x.name);

function cmp(t: Comparison): string {
  const v = num(t.value);
  if (t.style === 'words') {
    if (t.op === '>=') return `từ ${v} trở lên`;
    if (t.op === '<') return `dưới ${v}`;
    if (t.op === '>') return `trên ${v}`;
  }
  return `${SYM[t.op]} ${v}`;
}

function member(p: MemberPredicate): string {
  return p.kind === 'MemberHasFact' ? `có sự kiện ${p.fact.name}` : `${p.negated ? 'không đạt' : 'đạt'} ${ref(p.title)}`;
}

const compound = (c: Condition) => (c.kind === 'And' || c.kind === 'Or') && c.items.length > 1;

export function conditionText(c: Condition): string {
  const wrap = (x: Condition, when: boolean) => (when ? `(${conditionText(x)})` : conditionText(x));
  switch (c.kind) {
    case 'Or':
      return c.items.map((i) => wrap(i, i.kind === 'Or' && compound(i))).join(' hoặc ');
    case 'And':
      return c.items.map((i) => wrap(i, compound(i))).join(' và ');
    case 'Not':
      return `không ${wrap(c.item, compound(c.item))}`;
    case 'Paren':
      return `(${conditionText(c.item)})`;
    case 'TotalCmp':
      return `tổng điểm ${cmp(c.test)}`;
    case 'EveryIndicator':
      return `mọi chỉ số ${cmp(c.test)}`;
    case 'NoIndicatorBelow':
      return `không có chỉ số nào dưới ${num(c.value)}`;
    case 'EveryCriterion':
      return `mọi tiêu chí ${cmp(c.test)}`;
    case 'IndicatorCmp':
      return `chỉ số ${id(c.indicator)} ${cmp(c.test)}`;
    case 'CriterionCmp':
      return `tiêu chí ${id(c.criterion)} ${cmp(c.test)}`;
    case 'InGroup':
      return `nhóm là ${c.group.name}`;
    case 'AttributeIs':
      return `${c.attribute.name} là “${c.value.value}”`;
    case 'HasFact':
      return `có sự kiện ${c.fact.name}`;
    case 'HoldsTitle':
      return `đạt ${ref(c.title)}${c.years ? ` ${num(c.years)} năm liền` : ''}`;
    case 'MemberRatio':
      return `tỉ lệ thành viên ${member(c.predicate)} ${cmp(c.test)}`;
    case 'MemberCount':
      return `số thành viên ${member(c.predicate)} ${cmp(c.test)}`;
  }
}
