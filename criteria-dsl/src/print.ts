/**
 * The formatter: prints a syntax tree in the one canonical layout of the language.
 *
 * Layout rules:
 * - `bộ tiêu chí` at column 0; its statements 2 spaces in; everything that belongs to a statement
 *   (children, clause lines) 2 spaces deeper than the statement.
 * - A statement's header line holds its number, wording and short options (`tổng`, `tối đa`,
 *   `bước`, `dạng đạt`, `cần minh chứng`; a target's `trong …` / `trong số …` / `nếu …`).
 * - On lines of their own, 2 deeper: an indicator's `đo …`, `chỉ cho`, variants and bands; a
 *   title's `khi` and each `nếu … thì …`; grading levels; calendar steps; example lines.
 * - `theo …` / `giả định …` of what an official text states — a competency, criterion,
 *   indicator, title, target or calendar step — go on continuation lines of their own, 2 deeper (a
 *   criterion's before its indicators, the others' last): the citation of a long official wording
 *   reads apart from it, as the authors write it. A setting (`điểm sàn`, `làm tròn`, `thiếu dữ
 *   liệu`, `mọi chỉ số cần minh chứng`) and `xếp loại` keep theirs on the header line, where
 *   `xếp loại theo tt22 "Điều 6"` reads as one phrase.
 * - One blank line around each block (nhóm năng lực, tiêu chí, chỉ số, danh hiệu, xếp loại, lịch,
 *   ví dụ) and between frameworks; one-line statements of one kind (the framework's header lines,
 *   target groups, attributes, facts, scoring rules, targets) follow each other without blank
 *   lines, with one blank line between kinds and before a statement with comments above it.
 * - `hiệu lực: từ dd/mm/yyyy` for an open-ended period, `hiệu lực: dd/mm/yyyy - dd/mm/yyyy` for one
 *   with an end.
 * - Keywords in their canonical Vietnamese spelling; numbers as written; dates dd/mm/yyyy;
 *   strings in straight quotes with `"` and `\` escaped.
 * - Leading comments on the lines above their node, a trailing comment after the node's first line;
 *   a blank line the author left below a comment (a section heading) stays, and the statement
 *   below such a comment starts after a blank line too.
 * The output ends with one newline.
 */
import type * as A from './ast.js';
import { comparisonText, conditionText, memberPredicateText, numberText, sourceString } from './condition-text.js';
import { canonicalSpelling as kw } from './tokens.js';

const INDENT = '  ';

function commentText(text: string): string {
  return text === '' ? '#' : `# ${text}`;
}

const str = (s: A.Str): string => sourceString(s.value);
const num = numberText;

function numOrIdent(x: A.Num | A.Ident): string {
  return x.kind === 'Ident' ? x.name : num(x);
}

function titleRef(t: A.TitleRef): string {
  return t.kind === 'Ident' ? t.name : str(t);
}

function date(d: A.DateLit): string {
  const dm = `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}`;
  return d.year === undefined ? dm : `${dm}/${String(d.year).padStart(4, '0')}`;
}

// Conditions, comparisons and member predicates are written by the one condition renderer.
const SOURCE = { style: 'source' } as const;
const comparison = (t: A.Comparison): string => comparisonText(t, 'source');
const memberPredicate = (p: A.MemberPredicate): string => memberPredicateText(p, SOURCE);
const condition = (c: A.Condition): string => conditionText(c, SOURCE);

function source(s: A.SourceRef): string {
  return `${kw('SourceKw')} ${s.basis.name}${s.clause ? ` ${str(s.clause)}` : ''}`;
}

/** `theo …` and `giả định …` as separate pieces, in that order. */
function ruleOptions(o: A.RuleOptions): string[] {
  const out: string[] = [];
  if (o.source) out.push(source(o.source));
  if (o.assumption) out.push(`${kw('AssumptionKw')} ${str(o.assumption)}`);
  return out;
}

/** The header line plus the rule options that stay on it. */
const withOptions = (head: string, o: A.RuleOptions): string => [head, ...ruleOptions(o)].join(' ');

const SUBJECT_KW: Record<A.SubjectKind, string> = {
  citizen: 'CitizenKindKw',
  household: 'HouseholdKindKw',
  clan: 'ClanKindKw',
  community: 'CommunityKindKw',
  commune: 'CommuneKindKw',
  unit: 'UnitKindKw',
};

const STEP_KW: Record<A.StepKind, string> = {
  registration: 'RegistrationKw',
  'self-assessment': 'SelfAssessmentKw',
  review: 'ReviewKw',
  report: 'ReportKw',
  recognition: 'RecognitionKw',
  submission: 'SubmissionKw',
};

const ROMAN = ['I', 'II', 'III', 'IV'];

function windowText(w: A.Window): string {
  switch (w.kind) {
    case 'Dates':
      if (w.from) return `${kw('FromKw')} ${date(w.from)} ${kw('ToKw')} ${date(w.to)}`;
      return `${kw(w.before ? 'BeforeKw' : 'ToKw')} ${date(w.to)}`;
    case 'Quarter':
      return `${kw('InKw')} ${w.early ? `${kw('EarlyKw')} ` : ''}${kw('QuarterKw')} ${ROMAN[w.quarter - 1] ?? String(w.quarter)}${w.nextYear ? ` ${kw('NextYearKw')}` : ''}`;
    case 'Months':
      return `${kw('InKw')} ${kw('MonthKw')} ${w.from}${w.to !== w.from ? ` - ${w.to}` : ''}${w.nextYear ? ` ${kw('NextYearKw')}` : ''}`;
  }
}

function holding(h: A.Holding): string {
  return h.kind === 'HasFact' ? `${kw('FactKw')} ${h.fact.name}` : titleRef(h.title);
}

function expectation(e: A.Expectation): string {
  switch (e.kind) {
    case 'ExpTotal':
      return `${kw('TotalKw')} ${num(e.value)}`;
    case 'ExpCriterion':
      return `${kw('CriterionKw')} ${numOrIdent(e.criterion)} = ${num(e.value)}`;
    case 'ExpIndicator':
      return `${kw('IndicatorKw')} ${numOrIdent(e.indicator)} = ${num(e.value)}`;
    case 'ExpTitle':
      return `${kw(e.achieved ? 'AchievedKw' : 'NotAchievedKw')} ${titleRef(e.title)}`;
    case 'ExpLevel':
      return `${kw('GradingKw')} ${str(e.level)}`;
    case 'ExpTarget':
      return `${kw('TargetKw')} ${e.what.kind === 'HasFact' ? `${kw('FactKw')} ${e.what.fact.name}` : titleRef(e.what.title)} ${kw('YearKw')} ${num(e.year)} ${kw(e.met ? 'AchievedKw' : 'NotAchievedKw')}`;
    case 'ExpError':
      return kw('ErrorKw');
  }
}

function exampleLine(l: A.ExampleLine): string {
  switch (l.kind) {
    case 'ExGroup':
      return `${kw('GroupKw')} ${l.group.name}`;
    case 'ExYear':
      return `${kw('YearKw')} ${num(l.year)}`;
    case 'ExAttribute':
      return `${l.attribute.name} ${kw('IsKw')} ${str(l.value)}`;
    case 'ExFact':
      return `${kw('HasKw')} ${kw('FactKw')} ${l.fact.name}`;
    case 'ExScores':
      return `${kw('ScoresKw')} ${l.scores.map((s) => `${numOrIdent(s.indicator)} = ${num(s.value)}`).join(', ')}`;
    case 'ExEvidence':
      return `${l.present ? '' : `${kw('NotKw')} `}${kw('EvidenceKw')} ${l.indicators.map(numOrIdent).join(', ')}`;
    case 'ExHistory':
      return `${kw('HistoryKw')} ${l.entries.map((h) => `${num(h.year)}: ${h.titles.map(titleRef).join(', ')}`).join('; ')}`;
    case 'ExMembers':
      return `${kw('MembersKw')} ${num(l.count)} ${l.missing ? kw('MissingDataKw') : l.holds.map(memberPredicate).join(` ${kw('AndKw')} `)}`;
    case 'ExPopulation':
      return `${kw('PopulationKw')} ${str(l.population)}`;
    case 'ExBaseline':
      return `${kw('BaselineKw')} ${num(l.year)}: ${num(l.share)}`;
    case 'ExExpect':
      return `${kw('ExpectKw')} ${l.expectations.map(expectation).join(', ')}`;
  }
}

function indicatorHead(i: A.IndicatorDecl): string {
  const parts = [`${kw('IndicatorKw')} ${numOrIdent(i.number)} ${str(i.text)}`];
  if (i.max) parts.push(`${kw('MaxKw')} ${num(i.max)}`);
  if (i.step) parts.push(`${kw('StepKw')} ${num(i.step)}`);
  // `đo …` goes on a line of its own (see the indicator printer); the yes/no kind is short.
  if (i.measure?.kind === 'YesNo') parts.push(`${kw('KindKw')} ${kw('AchievedKw')}`);
  if (i.needsEvidence) parts.push(kw('NeedsEvidenceKw'));
  return parts.join(' ');
}

/** The kinds of one-line statements that follow each other without a blank line. */
const KIND_GROUP: Record<A.FrameworkItem['kind'], string> = {
  Subject: 'header',
  Locality: 'header',
  Effective: 'header',
  Status: 'header',
  Basis: 'header',
  BasedOn: 'header',
  TargetGroup: 'group',
  Attribute: 'attribute',
  Fact: 'fact',
  Drop: 'rule',
  Total: 'rule',
  EvidenceRule: 'rule',
  Floor: 'rule',
  Round: 'rule',
  MissingData: 'rule',
  Target: 'target',
  Competency: 'block',
  Criterion: 'block',
  Indicator: 'block',
  Title: 'block',
  Grading: 'block',
  Calendar: 'block',
  Example: 'block',
};

const BLOCKS = new Set<A.FrameworkItem['kind']>(['Competency', 'Criterion', 'Indicator', 'Title', 'Grading', 'Calendar', 'Example']);

class Printer {
  readonly lines: string[] = [];

  /** One line at `depth`, with the node's leading comments above it and its trailing comment after it. */
  line(depth: number, text: string, node: A.LineComments = {}): void {
    const pad = INDENT.repeat(depth);
    const breaks = new Set(node.commentBreaks ?? []);
    (node.comments ?? []).forEach((c, i) => {
      this.lines.push(pad + commentText(c));
      if (breaks.has(i)) this.lines.push('');
    });
    this.lines.push(pad + text + (node.trailingComment !== undefined ? `  ${commentText(node.trailingComment)}` : ''));
  }

  blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  file(f: A.CriteriaFile): void {
    for (const c of f.comments ?? []) this.lines.push(commentText(c));
    f.frameworks.forEach((fw, i) => {
      if (i > 0) this.blank();
      this.framework(fw);
    });
    if (f.endComments && f.endComments.length > 0) {
      this.blank();
      for (const c of f.endComments) this.lines.push(commentText(c));
    }
  }

  framework(f: A.FrameworkDecl): void {
    this.line(0, `${kw('FrameworkKw')} ${f.id.name} ${str(f.title)}`, f);
    let prev: A.FrameworkItem | undefined;
    for (const it of f.items) {
      if (prev && (BLOCKS.has(prev.kind) || BLOCKS.has(it.kind) || KIND_GROUP[prev.kind] !== KIND_GROUP[it.kind] || (it.comments?.length ?? 0) > 0)) this.blank();
      this.item(1, it);
      prev = it;
    }
  }

  item(d: number, it: A.FrameworkItem): void {
    switch (it.kind) {
      case 'Subject':
        return this.line(d, `${kw('SubjectKw')}: ${kw(SUBJECT_KW[it.subject])}`, it);
      case 'Locality':
        return this.line(d, `${kw('LocalityKw')}: ${str(it.code)}${it.name ? ` ${str(it.name)}` : ''}`, it);
      case 'Effective':
        // `từ` marks an open-ended period: `hiệu lực: 28/07/2022` would read like a single day.
        return this.line(d, `${kw('EffectiveKw')}: ${it.to ? `${date(it.from)} - ${date(it.to)}` : `${kw('FromKw')} ${date(it.from)}`}`, it);
      case 'Status':
        return this.line(d, `${kw('StatusKw')}: ${kw(it.status === 'draft' ? 'DraftKw' : 'InForceKw')}`, it);
      case 'Basis':
        return this.line(d, `${kw('BasisKw')}${it.id ? ` ${it.id.name}` : ''}: ${str(it.text)}${it.from ? ` ${kw('FromKw')} ${date(it.from)}` : ''}`, it);
      case 'BasedOn':
        return this.line(d, `${kw('BasedOnKw')}: ${it.ref.name}`, it);
      case 'TargetGroup':
        return this.line(d, `${kw('TargetGroupKw')} ${it.id.name} ${str(it.name)}`, it);
      case 'Attribute':
        return this.line(d, `${kw('AttributeKw')} ${it.id.name} ${str(it.name)}: ${it.values.map(str).join(', ')}`, it);
      case 'Fact':
        return this.line(d, `${kw('FactKw')} ${it.id.name} ${str(it.name)}`, it);
      case 'Competency':
        this.line(d, `${kw('CompetencyKw')} ${numOrIdent(it.number)} ${str(it.text)}${it.total ? ` ${kw('TotalKw')} ${num(it.total)}` : ''}`, it);
        this.options(d + 1, it);
        for (const ch of it.children) this.item(d + 1, ch);
        return;
      case 'Criterion':
        this.line(d, `${kw('CriterionKw')} ${numOrIdent(it.number)} ${str(it.text)}${it.total ? ` ${kw('TotalKw')} ${num(it.total)}` : ''}`, it);
        this.options(d + 1, it);
        for (const i of it.indicators) this.item(d + 1, i);
        return;
      case 'Indicator':
        return this.indicator(d, it);
      case 'Drop':
        if (it.target === 'targets' || !it.number) return this.line(d, `${kw('ExcludeKw')} ${kw('TargetKw')}`, it);
        return this.line(d, `${kw('ExcludeKw')} ${kw(it.target === 'criterion' ? 'CriterionKw' : 'IndicatorKw')} ${numOrIdent(it.number)}`, it);
      case 'Total':
        return this.line(d, `${kw('TotalPointsKw')} ${num(it.value)}`, it);
      case 'EvidenceRule':
        return this.line(d, withOptions(`${kw('EveryIndicatorKw')} ${kw('NeedsEvidenceKw')}`, it), it);
      case 'Floor':
        return this.line(d, withOptions(`${kw('FloorKw')} ${num(it.value)}`, it), it);
      case 'Round':
        return this.line(d, withOptions(`${kw('RoundKw')} ${num(it.value)}`, it), it);
      case 'MissingData':
        return this.line(d, withOptions(`${kw('MissingDataKw')}: ${kw(it.policy === 'exclude' ? 'ExcludeKw' : 'NotAchievedKw')}`, it), it);
      case 'Title':
        return this.title(d, it);
      case 'Grading':
        this.line(d, withOptions(kw('GradingKw'), it), it);
        for (const l of it.levels) {
          this.line(d + 1, `${str(l.name)} ${l.when ? `${kw('WhenKw')} ${condition(l.when)}` : kw('OtherwiseKw')}`, l);
        }
        return;
      case 'Target':
        this.line(d, this.targetHead(it), it);
        return this.options(d + 1, it);
      case 'Calendar':
        this.line(d, kw('CalendarKw'), it);
        for (const s of it.steps) {
          const label = s.label ? ` ${str(s.label)}` : '';
          const late = s.late ? ` ${kw('LateKw')}: ${kw(s.late === 'refuse' ? 'RefuseKw' : 'FlagKw')}` : '';
          this.line(d + 1, `${kw(STEP_KW[s.step])}${label} ${windowText(s.window)}${late}`, s);
          this.options(d + 2, s);
        }
        return;
      case 'Example':
        this.line(d, `${kw('ExampleKw')} ${str(it.name)}`, it);
        for (const l of it.lines) this.line(d + 1, exampleLine(l), l);
        return;
    }
  }

  /** `theo …` and `giả định …` on continuation lines of their own. */
  options(d: number, o: A.RuleOptions): void {
    for (const t of ruleOptions(o)) this.line(d, t);
  }

  indicator(d: number, i: A.IndicatorDecl): void {
    this.line(d, indicatorHead(i), i);
    const m = i.measure;
    if (m?.kind === 'Measured') this.line(d + 1, m.unit ? `${kw('MeasureKw')} ${str(m.unit)}` : kw('MeasureKw'));
    else if (m?.kind === 'MemberRatio') this.line(d + 1, `${kw('MeasureKw')} ${kw('MemberRatioKw')} ${memberPredicate(m.predicate)}`);
    if (i.onlyFor.length > 0) this.line(d + 1, `${kw('OnlyForKw')} ${i.onlyFor.map((g) => g.name).join(', ')}`);
    for (const v of i.variants) {
      this.line(d + 1, `${kw('VariantKw')} ${v.group.name} ${str(v.text)}${v.max ? ` ${kw('MaxKw')} ${num(v.max)}` : ''}`, v);
    }
    for (const b of i.bands) this.line(d + 1, `${kw('BandKw')} ${comparison(b.test)} ${kw('ThenKw')} ${num(b.points)}`, b);
    this.options(d + 1, i);
  }

  title(d: number, t: A.TitleDecl): void {
    this.line(d, `${kw('TitleKw')}${t.id ? ` ${t.id.name}` : ''} ${str(t.name)}`, t);
    if (t.when) this.line(d + 1, `${kw('WhenKw')} ${condition(t.when)}`);
    for (const c of t.cases) this.line(d + 1, `${kw('IfKw')} ${condition(c.guard)} ${kw('ThenKw')} ${condition(c.then)}`, c);
    this.options(d + 1, t);
  }

  targetHead(t: A.TargetDecl): string {
    const parts = [`${kw('TargetKw')} ${holding(t.what)}`];
    if (t.perYearIncrease || !t.year) parts.push(`${kw('EachYearKw')} ${kw('IncreaseKw')} ${num(t.share)}`);
    else parts.push(`${kw('YearKw')} ${num(t.year)}: ${num(t.share)}`);
    if (t.population) parts.push(`${kw('InKw')} ${str(t.population)}`);
    if (t.among) {
      const a = t.among.kind === 'HasFact' ? `${kw('HasKw')} ${kw('FactKw')} ${t.among.fact.name}` : `${kw('AchievedKw')} ${titleRef(t.among.title)}`;
      parts.push(`${kw('AmongKw')} ${a}`);
    }
    if (t.guard) parts.push(`${kw('IfKw')} ${condition(t.guard)}`);
    return parts.join(' ');
  }
}

/** Prints a syntax tree in the canonical layout; `parse(print(ast))` gives back the same tree. */
export function print(file: A.CriteriaFile): string {
  const p = new Printer();
  p.file(file);
  return `${p.lines.join('\n')}\n`;
}
