/**
 * The one renderer of conditions (a title's rule, a grade level, a target's guard) into
 * Vietnamese, for every caller: the formatter, the portal and the documents. One walk decides
 * the words' order and the parentheses; the style decides the words of each piece:
 *
 * - `source`: the language itself, as the formatter prints it (`tổng điểm >= 75 và đạt "CDHT"`);
 *   parsing it gives the same condition back.
 * - `display` (the default): the same words for reading on a screen, with `≥ ≤ ≠` and “curly”
 *   quotes (`tổng điểm ≥ 75 và đạt “CDHT”`), as the portal shows rules in their authors' words.
 * - `prose`: plain sentences for printed documents, names instead of ids, every operator in
 *   words (`tổng điểm từ 75 điểm trở lên; và đạt danh hiệu “Công dân học tập”`).
 *
 * It takes the syntax tree's condition nodes, which core's checked model keeps as they are, so
 * the same function renders a parsed file and a model. No Node APIs: the portal runs it.
 */
import type * as A from './ast.js';
import { canonicalSpelling as kw } from './tokens.js';

/** How a condition is written: the language's text, the same for a screen, or prose for documents. */
export type ConditionStyle = 'source' | 'display' | 'prose';

/**
 * Names for the ids a condition mentions, used by the `prose` style (the other styles write ids
 * as the author did). Each returns `undefined` for an id it does not know; the id is written then.
 */
export interface ConditionNames {
  /** A title's name, from its id or from its name as the condition quotes it. */
  readonly title?: (key: string) => string | undefined;
  readonly fact?: (id: string) => string | undefined;
  readonly group?: (id: string) => string | undefined;
  readonly attribute?: (id: string) => string | undefined;
}

/** Options of {@link conditionText}. */
export interface ConditionTextOptions {
  readonly style?: ConditionStyle;
  readonly names?: ConditionNames;
}

/** A string literal in the language's notation: straight quotes, `"` and `\` escaped. */
export function sourceString(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\n')}"`;
}

/** A number as written, with its `%`. */
export function numberText(n: A.Num): string {
  return n.percent && !n.raw.endsWith('%') ? `${n.raw}%` : n.raw;
}

/** A decimal number the Vietnamese way (`7,5`), for prose. */
const proseNumber = (x: number): string => String(Math.round(x * 1e9) / 1e9).replace('.', ',');
const proseValue = (n: A.Num): string => `${proseNumber(n.value)}${n.percent ? '%' : ''}`;

const SOURCE_SYMBOLS: Record<A.CompareOp, string> = { '>=': '>=', '>': '>', '<=': '<=', '<': '<', '=': '=', '!=': '≠' };
const DISPLAY_SYMBOLS: Record<A.CompareOp, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=', '!=': '≠' };
const PROSE_OPS: Record<A.CompareOp, (v: string) => string> = {
  '>=': (v) => `từ ${v} trở lên`,
  '>': (v) => `trên ${v}`,
  '<=': (v) => `không quá ${v}`,
  '<': (v) => `dưới ${v}`,
  '=': (v) => `bằng ${v}`,
  '!=': (v) => `khác ${v}`,
};

/**
 * A comparison with a number: `từ 75 trở lên`, `>= 75` / `≥ 75`, or in prose `từ 75 điểm trở lên`
 * (`unit`, prose only, follows a number that is not a percentage).
 */
export function comparisonText(t: A.Comparison, style: ConditionStyle = 'display', unit = ''): string {
  if (style === 'prose') return PROSE_OPS[t.op](proseValue(t.value) + (t.value.percent ? '' : unit));
  const v = numberText(t.value);
  if (t.style === 'words') {
    if (t.op === '>=') return `${kw('FromKw')} ${v} ${kw('OrMoreKw')}`;
    if (t.op === '<') return `${kw('BelowKw')} ${v}`;
    if (t.op === '>') return `${kw('AboveKw')} ${v}`;
  }
  // `<=`, `=` and `≠` have no words: they are written as symbols whatever the style says.
  return `${(style === 'source' ? SOURCE_SYMBOLS : DISPLAY_SYMBOLS)[t.op]} ${v}`;
}

/** What is said of a member: `đạt cdht`, `không đạt cdht`, `có sự kiện x` (prose: names). */
export function memberPredicateText(p: A.MemberPredicate, opts: ConditionTextOptions = {}): string {
  const r = new Renderer(opts);
  return r.member(p);
}

const isCompound = (c: A.Condition): boolean => (c.kind === 'And' || c.kind === 'Or') && c.items.length > 1;

class Renderer {
  private readonly style: ConditionStyle;
  private readonly names: ConditionNames;

  constructor(opts: ConditionTextOptions) {
    this.style = opts.style ?? 'display';
    this.names = opts.names ?? {};
  }

  private get prose(): boolean {
    return this.style === 'prose';
  }

  private quote(s: string): string {
    return this.style === 'source' ? sourceString(s) : `“${s}”`;
  }

  private titleRef(t: A.TitleRef): string {
    if (this.prose) {
      const key = t.kind === 'Ident' ? t.name : t.value;
      return `danh hiệu “${this.names.title?.(key) ?? key}”`;
    }
    return t.kind === 'Ident' ? t.name : this.quote(t.value);
  }

  private fact(id: A.Ident): string {
    return this.prose ? (this.names.fact?.(id.name) ?? id.name) : `${kw('HasKw')} ${kw('FactKw')} ${id.name}`;
  }

  private cmp(t: A.Comparison, unit = ''): string {
    return comparisonText(t, this.style, unit);
  }

  private id(x: A.Num | A.Ident): string {
    return x.kind === 'Num' ? x.raw : x.name;
  }

  member(p: A.MemberPredicate): string {
    if (p.kind === 'MemberHasFact') return this.fact(p.fact);
    if (this.prose) return `${p.negated ? 'không ' : ''}đạt ${this.titleRef(p.title)}`;
    return `${kw(p.negated ? 'NotAchievedKw' : 'AchievedKw')} ${this.titleRef(p.title)}`;
  }

  condition(c: A.Condition): string {
    const wrap = (x: A.Condition, when: boolean): string => (when ? `(${this.condition(x)})` : this.condition(x));
    const p = this.prose;
    switch (c.kind) {
      case 'Or':
        return c.items.map((i) => wrap(i, i.kind === 'Or' && isCompound(i))).join(p ? '; hoặc ' : ` ${kw('OrKw')} `);
      case 'And':
        return c.items.map((i) => wrap(i, isCompound(i))).join(p ? '; và ' : ` ${kw('AndKw')} `);
      case 'Not':
        return p ? `không thỏa: ${wrap(c.item, isCompound(c.item))}` : `${kw('NotKw')} ${wrap(c.item, isCompound(c.item))}`;
      case 'Paren':
        return `(${this.condition(c.item)})`;
      case 'TotalCmp':
        return `${kw('TotalPointsKw')} ${this.cmp(c.test, ' điểm')}`;
      case 'EveryIndicator':
        return p ? `mọi chỉ số đạt ${this.cmp(c.test, ' điểm')}` : `${kw('EveryIndicatorKw')} ${this.cmp(c.test)}`;
      case 'NoIndicatorBelow':
        return p
          ? `không có chỉ số nào dưới ${proseValue(c.value)}${c.value.percent ? '' : ' điểm'}`
          : `${kw('NoIndicatorKw')} ${kw('BelowKw')} ${numberText(c.value)}`;
      case 'EveryCriterion':
        return p ? `mọi tiêu chí đạt ${this.cmp(c.test, ' điểm')}` : `${kw('EveryCriterionKw')} ${this.cmp(c.test)}`;
      case 'IndicatorCmp':
        return `${kw('IndicatorKw')} ${this.id(c.indicator)} ${p ? 'đạt ' : ''}${this.cmp(c.test, ' điểm')}`;
      case 'CriterionCmp':
        return `${kw('CriterionKw')} ${this.id(c.criterion)} ${p ? 'đạt ' : ''}${this.cmp(c.test, ' điểm')}`;
      case 'InGroup':
        return p ? `thuộc nhóm “${this.names.group?.(c.group.name) ?? c.group.name}”` : `${kw('GroupKw')} ${kw('IsKw')} ${c.group.name}`;
      case 'AttributeIs':
        return p
          ? `${this.names.attribute?.(c.attribute.name) ?? c.attribute.name} là “${c.value.value}”`
          : `${c.attribute.name} ${kw('IsKw')} ${this.quote(c.value.value)}`;
      case 'HasFact':
        return this.fact(c.fact);
      case 'HoldsTitle':
        if (p) return `đạt ${this.titleRef(c.title)}${c.years ? ` ${proseNumber(c.years.value)} năm liên tục` : ''}`;
        return `${kw('AchievedKw')} ${this.titleRef(c.title)}${c.years ? ` ${numberText(c.years)} ${kw('ConsecutiveYearsKw')}` : ''}`;
      case 'MemberRatio':
        return `${p ? 'tỷ lệ thành viên' : kw('MemberRatioKw')} ${this.member(c.predicate)} ${this.cmp(c.test)}`;
      case 'MemberCount':
        return `${kw('MemberCountKw')} ${this.member(c.predicate)} ${this.cmp(c.test)}`;
    }
  }
}

/**
 * A condition in Vietnamese words, in the given style (`display` unless told). Trees the parser
 * builds never need extra parentheses (those are `Paren` nodes); hand-built trees get them where
 * precedence would otherwise change the meaning.
 */
export function conditionText(c: A.Condition, opts: ConditionTextOptions = {}): string {
  return new Renderer(opts).condition(c);
}
