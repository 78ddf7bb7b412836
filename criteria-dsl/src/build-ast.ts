/** The visitor that turns the parser's CST into the typed, readonly syntax tree. */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type * as A from './ast.js';

type Ctx = Record<string, CstElement[] | undefined>;

const isToken = (e: CstElement | undefined): e is IToken => !!e && 'image' in e;
const isNode = (e: CstElement | undefined): e is CstNode => !!e && 'children' in e;

/** Range of a token, half-open. */
export function tokenRange(t: IToken): A.Range {
  if (Number.isNaN(t.startOffset) || t.startLine === undefined || Number.isNaN(t.startLine)) {
    return { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
  }
  return {
    start: { offset: t.startOffset, line: t.startLine ?? 1, column: t.startColumn ?? 1 },
    end: { offset: (t.endOffset ?? t.startOffset) + 1, line: t.endLine ?? t.startLine ?? 1, column: (t.endColumn ?? t.startColumn ?? 0) + 1 },
  };
}

function nodeRange(n: CstNode): A.Range {
  const l = n.location;
  if (!l || Number.isNaN(l.startOffset)) return { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
  return {
    start: { offset: l.startOffset, line: l.startLine ?? 1, column: l.startColumn ?? 1 },
    end: { offset: (l.endOffset ?? l.startOffset) + 1, line: l.endLine ?? 1, column: (l.endColumn ?? 0) + 1 },
  };
}

const span = (a: A.Range, b: A.Range): A.Range => ({ start: a.start, end: b.end });

function toks(ctx: Ctx, name: string): IToken[] {
  return (ctx[name] ?? []).filter(isToken).filter((t) => !t.isInsertedInRecovery);
}
// The helpers below walk the children without allocating: the visitor runs over every node of
// files of ten thousand lines, and filtered copies were most of its garbage.
function tok(ctx: Ctx, name: string, i = 0): IToken | undefined {
  const xs = ctx[name];
  if (!xs) return undefined;
  let k = 0;
  for (const x of xs) {
    if (isToken(x) && !x.isInsertedInRecovery) {
      if (k === i) return x;
      k++;
    }
  }
  return undefined;
}
function nodes(ctx: Ctx, name: string): CstNode[] {
  const xs = ctx[name];
  if (!xs) return [];
  for (const x of xs) if (!isNode(x)) return xs.filter(isNode);
  return xs as CstNode[];
}
function node(ctx: Ctx, name: string, i = 0): CstNode | undefined {
  const xs = ctx[name];
  if (!xs) return undefined;
  let k = 0;
  for (const x of xs) {
    if (isNode(x)) {
      if (k === i) return x;
      k++;
    }
  }
  return undefined;
}
function has(ctx: Ctx, name: string): boolean {
  const xs = ctx[name];
  if (!xs) return false;
  for (const x of xs) if (isNode(x) || !x.isInsertedInRecovery) return true;
  return false;
}

const EMPTY_RANGE: A.Range = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

function ident(t: IToken | undefined, fallback: A.Range): A.Ident {
  return t ? { kind: 'Ident', name: t.image, range: tokenRange(t) } : { kind: 'Ident', name: '', range: fallback };
}

/** Unquotes a string literal. */
export function unquote(image: string): string {
  if (image.startsWith('“')) return image.slice(1, -1);
  const inner = image.slice(1, -1);
  return inner.includes('\\') ? inner.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c)) : inner;
}

function str(t: IToken | undefined, fallback: A.Range): A.Str {
  return t ? { kind: 'Str', value: unquote(t.image), range: tokenRange(t) } : { kind: 'Str', value: '', range: fallback };
}

/** The decimal value of a number as written: `7,5` and `7.5` are 7.5; `1.2.3` is not a value (NaN). */
export function numberValue(raw: string): number {
  // Most numbers are plain integers: read them without a regular expression.
  let plain = raw.length > 0;
  for (let i = 0; i < raw.length && plain; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) plain = false;
  }
  if (plain) return Number(raw);
  return /^\d+(?:[.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : Number.NaN;
}

function num(t: IToken | undefined, pct: IToken | undefined, fallback: A.Range): A.Num {
  if (!t) return { kind: 'Num', raw: '0', value: 0, percent: false, range: fallback };
  const r = tokenRange(t);
  return { kind: 'Num', raw: t.image, value: numberValue(t.image), percent: !!pct, range: pct ? span(r, tokenRange(pct)) : r };
}

function dateLit(t: IToken | undefined, fallback: A.Range): A.DateLit {
  if (!t) return { kind: 'Date', day: 1, month: 1, range: fallback };
  const [d, m, y] = t.image.split('/').map(Number);
  const base = { kind: 'Date' as const, day: d ?? 1, month: m ?? 1, range: tokenRange(t) };
  return y === undefined ? base : { ...base, year: y };
}

class AstBuilder {
  /** Tokens of error statements, in order. */
  junk: IToken[] = [];

  file(n: CstNode): A.CriteriaFile {
    for (const j of nodes(n.children, 'junk')) this.junk.push(...toks(j.children, 'AnyToken'));
    return { kind: 'File', frameworks: nodes(n.children, 'framework').map((f) => this.framework(f)), range: nodeRange(n) };
  }

  framework(n: CstNode): A.FrameworkDecl {
    const c = n.children;
    const r = nodeRange(n);
    return {
      kind: 'Framework',
      id: ident(tok(c, 'Identifier'), r),
      title: str(tok(c, 'StringLit'), r),
      items: nodes(c, 'item').flatMap((i) => {
        const it = this.item(i);
        return it ? [it] : [];
      }),
      range: r,
    };
  }

  item(n: CstNode): A.FrameworkItem | undefined {
    const inner = Object.values(n.children)
      .flat()
      .find(isNode);
    if (!inner) return undefined;
    if (inner.name === 'junk') {
      this.junk.push(...toks(inner.children, 'AnyToken'));
      return undefined;
    }
    const fn = (this as unknown as Record<string, (n: CstNode) => A.FrameworkItem>)[inner.name];
    return fn ? fn.call(this, inner) : undefined;
  }

  ruleOptions(c: Ctx): A.RuleOptions {
    let source: A.SourceRef | undefined;
    let assumption: A.Str | undefined;
    for (const o of nodes(c, 'ruleOption')) {
      const oc = o.children;
      const r = nodeRange(o);
      if (has(oc, 'SourceKw')) {
        const clause = tok(oc, 'StringLit');
        source = { kind: 'Source', basis: ident(tok(oc, 'Identifier'), r), ...(clause ? { clause: str(clause, r) } : {}), range: r };
      } else if (has(oc, 'AssumptionKw')) {
        assumption = str(tok(oc, 'StringLit'), r);
      }
    }
    return { ...(source ? { source } : {}), ...(assumption ? { assumption } : {}) };
  }

  subjectStmt(n: CstNode): A.SubjectStmt {
    const c = n.children;
    const map: Record<string, A.SubjectKind> = {
      CitizenKindKw: 'citizen',
      HouseholdKindKw: 'household',
      ClanKindKw: 'clan',
      CommuneKindKw: 'commune',
      CommunityKindKw: 'community',
      UnitKindKw: 'unit',
    };
    const key = Object.keys(map).find((k) => has(c, k)) ?? 'CitizenKindKw';
    return { kind: 'Subject', subject: map[key]!, range: nodeRange(n) };
  }

  localityStmt(n: CstNode): A.LocalityStmt {
    const c = n.children;
    const r = nodeRange(n);
    const name = tok(c, 'StringLit', 1);
    return { kind: 'Locality', code: str(tok(c, 'StringLit'), r), ...(name ? { name: str(name, r) } : {}), range: r };
  }

  effectiveStmt(n: CstNode): A.EffectiveStmt {
    const c = n.children;
    const r = nodeRange(n);
    const to = tok(c, 'DateLit', 1);
    return { kind: 'Effective', from: dateLit(tok(c, 'DateLit'), r), ...(to ? { to: dateLit(to, r) } : {}), range: r };
  }

  statusStmt(n: CstNode): A.StatusStmt {
    return { kind: 'Status', status: has(n.children, 'DraftKw') ? 'draft' : 'in-force', range: nodeRange(n) };
  }

  basisStmt(n: CstNode): A.BasisStmt {
    const c = n.children;
    const r = nodeRange(n);
    const id = tok(c, 'Identifier');
    const from = tok(c, 'DateLit');
    return {
      kind: 'Basis',
      ...(id ? { id: ident(id, r) } : {}),
      text: str(tok(c, 'StringLit'), r),
      ...(from ? { from: dateLit(from, r) } : {}),
      range: r,
    };
  }

  basedOnStmt(n: CstNode): A.BasedOnStmt {
    return { kind: 'BasedOn', ref: ident(tok(n.children, 'Identifier'), nodeRange(n)), range: nodeRange(n) };
  }

  targetGroupDecl(n: CstNode): A.TargetGroupDecl {
    const r = nodeRange(n);
    return { kind: 'TargetGroup', id: ident(tok(n.children, 'Identifier'), r), name: str(tok(n.children, 'StringLit'), r), range: r };
  }

  attributeDecl(n: CstNode): A.AttributeDecl {
    const c = n.children;
    const r = nodeRange(n);
    const strs = toks(c, 'StringLit');
    return { kind: 'Attribute', id: ident(tok(c, 'Identifier'), r), name: str(strs[0], r), values: strs.slice(1).map((s) => str(s, r)), range: r };
  }

  factDecl(n: CstNode): A.FactDecl {
    const r = nodeRange(n);
    return { kind: 'Fact', id: ident(tok(n.children, 'Identifier'), r), name: str(tok(n.children, 'StringLit'), r), range: r };
  }

  number(n: CstNode | undefined, fallback: A.Range): A.Num | A.Ident {
    if (!n) return { kind: 'Num', raw: '0', value: 0, percent: false, range: fallback };
    const t = tok(n.children, 'NumberLit');
    if (t) return num(t, undefined, fallback);
    return ident(tok(n.children, 'Identifier'), fallback);
  }

  value(n: CstNode | undefined, fallback: A.Range): A.Num {
    if (!n) return num(undefined, undefined, fallback);
    return num(tok(n.children, 'NumberLit'), tok(n.children, 'Percent'), nodeRange(n));
  }

  competencyDecl(n: CstNode): A.CompetencyDecl {
    const c = n.children;
    const r = nodeRange(n);
    const total = tok(c, 'NumberLit');
    const children: (A.CriterionDecl | A.IndicatorDecl)[] = [];
    for (const e of [...nodes(c, 'criterionDecl'), ...nodes(c, 'indicatorDecl')].sort((a, b) => (a.location?.startOffset ?? 0) - (b.location?.startOffset ?? 0))) {
      children.push(e.name === 'criterionDecl' ? this.criterionDecl(e) : this.indicatorDecl(e));
    }
    return {
      kind: 'Competency',
      number: this.number(node(c, 'number'), r),
      text: str(tok(c, 'StringLit'), r),
      ...(total ? { total: num(total, undefined, r) } : {}),
      ...this.ruleOptions(c),
      children,
      range: r,
    };
  }

  criterionDecl(n: CstNode): A.CriterionDecl {
    const c = n.children;
    const r = nodeRange(n);
    const total = tok(c, 'NumberLit');
    return {
      kind: 'Criterion',
      number: this.number(node(c, 'number'), r),
      text: str(tok(c, 'StringLit'), r),
      ...(total ? { total: num(total, undefined, r) } : {}),
      ...this.ruleOptions(c),
      indicators: nodes(c, 'indicatorDecl').map((i) => this.indicatorDecl(i)),
      range: r,
    };
  }

  indicatorDecl(n: CstNode): A.IndicatorDecl {
    const c = n.children;
    const r = nodeRange(n);
    let max: A.Num | undefined;
    let step: A.Num | undefined;
    let needsEvidence = false;
    const onlyFor: A.Ident[] = [];
    let measure: A.IndicatorMeasure | undefined;
    const bands: A.Band[] = [];
    const variants: A.Variant[] = [];
    const optionNodes: CstNode[] = [];
    for (const o of nodes(c, 'indicatorOption')) {
      const oc = o.children;
      const or = nodeRange(o);
      // The option's kind is the name of its first child: one lookup instead of a chain of them.
      let first = '';
      for (const key in oc) {
        first = key;
        break;
      }
      if (first === 'MaxKw') max = num(tok(oc, 'NumberLit'), undefined, or);
      else if (first === 'StepKw') step = num(tok(oc, 'NumberLit'), undefined, or);
      else if (first === 'KindKw') measure = { kind: 'YesNo', range: or };
      else if (first === 'NeedsEvidenceKw') needsEvidence = true;
      else if (first === 'OnlyForKw') onlyFor.push(...toks(oc, 'Identifier').map((t) => ident(t, or)));
      else if (has(oc, 'MeasureKw')) {
        const unit = tok(oc, 'StringLit');
        const pred = node(oc, 'memberPredicate');
        measure = pred
          ? { kind: 'MemberRatio', predicate: this.memberPredicate(pred), range: or }
          : { kind: 'Measured', ...(unit ? { unit: str(unit, or) } : {}), range: or };
      } else if (has(oc, 'band')) bands.push(this.band(node(oc, 'band')!));
      else if (has(oc, 'variant')) variants.push(this.variant(node(oc, 'variant')!));
      else if (has(oc, 'ruleOption')) optionNodes.push(o);
    }
    // Built by assignment, not spreads: this runs for every indicator of the file.
    const out: { -readonly [K in keyof A.IndicatorDecl]: A.IndicatorDecl[K] } = {
      kind: 'Indicator',
      number: this.number(node(c, 'number'), r),
      text: str(tok(c, 'StringLit'), r),
      needsEvidence,
      onlyFor,
      bands,
      variants,
      range: r,
    };
    if (max) out.max = max;
    if (step) out.step = step;
    if (measure) out.measure = measure;
    if (optionNodes.length > 0) {
      const opts = this.ruleOptions({ ruleOption: optionNodes.flatMap((o) => nodes(o.children, 'ruleOption')) });
      if (opts.source) out.source = opts.source;
      if (opts.assumption) out.assumption = opts.assumption;
    }
    return out;
  }

  band(n: CstNode): A.Band {
    const c = n.children;
    const r = nodeRange(n);
    const cmp = node(c, 'comparison');
    const test: A.Comparison = cmp
      ? this.comparison(cmp)
      : { op: '>=', value: this.value(node(c, 'value'), r), style: 'words', range: r };
    return { kind: 'Band', test, points: num(tok(c, 'NumberLit'), undefined, r), range: r };
  }

  variant(n: CstNode): A.Variant {
    const c = n.children;
    const r = nodeRange(n);
    const max = tok(c, 'NumberLit');
    return { kind: 'Variant', group: ident(tok(c, 'Identifier'), r), text: str(tok(c, 'StringLit'), r), ...(max ? { max: num(max, undefined, r) } : {}), range: r };
  }

  dropStmt(n: CstNode): A.DropStmt {
    const c = n.children;
    const r = nodeRange(n);
    if (has(c, 'TargetKw')) return { kind: 'Drop', target: 'targets', range: r };
    return { kind: 'Drop', target: has(c, 'CriterionKw') ? 'criterion' : 'indicator', number: this.number(node(c, 'number'), r), range: r };
  }

  totalStmt(n: CstNode): A.TotalStmt {
    return { kind: 'Total', value: num(tok(n.children, 'NumberLit'), undefined, nodeRange(n)), range: nodeRange(n) };
  }

  evidenceRuleStmt(n: CstNode): A.EvidenceRuleStmt {
    return { kind: 'EvidenceRule', ...this.ruleOptions(n.children), range: nodeRange(n) };
  }

  floorStmt(n: CstNode): A.FloorStmt {
    return { kind: 'Floor', value: num(tok(n.children, 'NumberLit'), undefined, nodeRange(n)), ...this.ruleOptions(n.children), range: nodeRange(n) };
  }

  roundStmt(n: CstNode): A.RoundStmt {
    return { kind: 'Round', value: num(tok(n.children, 'NumberLit'), undefined, nodeRange(n)), ...this.ruleOptions(n.children), range: nodeRange(n) };
  }

  missingDataStmt(n: CstNode): A.MissingDataStmt {
    return { kind: 'MissingData', policy: has(n.children, 'ExcludeKw') ? 'exclude' : 'fail', ...this.ruleOptions(n.children), range: nodeRange(n) };
  }

  titleDecl(n: CstNode): A.TitleDecl {
    const c = n.children;
    const r = nodeRange(n);
    const id = tok(c, 'Identifier');
    const cond = node(c, 'condition');
    return {
      kind: 'Title',
      ...(id ? { id: ident(id, r) } : {}),
      name: str(tok(c, 'StringLit'), r),
      ...(cond ? { when: this.condition(cond) } : {}),
      cases: nodes(c, 'guardedCase').map((g) => ({
        kind: 'Case' as const,
        guard: this.condition(node(g.children, 'condition', 0)),
        then: this.condition(node(g.children, 'condition', 1)),
        range: nodeRange(g),
      })),
      ...this.ruleOptions(c),
      range: r,
    };
  }

  gradingDecl(n: CstNode): A.GradingDecl {
    const c = n.children;
    return {
      kind: 'Grading',
      levels: nodes(c, 'gradeLevel').map((l) => {
        const lc = l.children;
        const cond = node(lc, 'condition');
        return { kind: 'Level' as const, name: str(tok(lc, 'StringLit'), nodeRange(l)), ...(cond ? { when: this.condition(cond) } : {}), range: nodeRange(l) };
      }),
      ...this.ruleOptions(c),
      range: nodeRange(n),
    };
  }

  titleRef(n: CstNode | undefined, fallback: A.Range): A.TitleRef {
    if (!n) return { kind: 'Ident', name: '', range: fallback };
    const s = tok(n.children, 'StringLit');
    return s ? str(s, fallback) : ident(tok(n.children, 'Identifier'), fallback);
  }

  holding(n: CstNode | undefined, fallback: A.Range): A.Holding {
    if (!n) return { kind: 'HoldsTitle', title: { kind: 'Ident', name: '', range: fallback }, range: fallback };
    const c = n.children;
    const r = nodeRange(n);
    if (has(c, 'FactKw')) return { kind: 'HasFact', fact: ident(tok(c, 'Identifier'), r), range: r };
    return { kind: 'HoldsTitle', title: this.titleRef(node(c, 'titleRef'), r), range: r };
  }

  targetDecl(n: CstNode): A.TargetDecl {
    const c = n.children;
    const r = nodeRange(n);
    const values = nodes(c, 'value');
    const year = has(c, 'YearKw') ? num(tok(c, 'NumberLit'), undefined, r) : undefined;
    const pop = tok(c, 'StringLit');
    let among: A.Holding | undefined;
    if (has(c, 'AmongKw')) {
      const amongTok = tok(c, 'AmongKw')!;
      const ar = tokenRange(amongTok);
      among = has(c, 'HasKw')
        ? { kind: 'HasFact', fact: ident(tok(c, 'Identifier'), ar), range: ar }
        : { kind: 'HoldsTitle', title: this.titleRef(node(c, 'titleRef'), ar), range: ar };
    }
    const guard = node(c, 'condition');
    return {
      kind: 'Target',
      what: this.holding(node(c, 'holding'), r),
      ...(year ? { year } : {}),
      share: this.value(values[0], r),
      perYearIncrease: has(c, 'EachYearKw'),
      ...(pop ? { population: str(pop, r) } : {}),
      ...(among ? { among } : {}),
      ...(guard ? { guard: this.condition(guard) } : {}),
      ...this.ruleOptions(c),
      range: r,
    };
  }

  calendarDecl(n: CstNode): A.CalendarDecl {
    return { kind: 'Calendar', steps: nodes(n.children, 'calendarStep').map((s) => this.calendarStep(s)), range: nodeRange(n) };
  }

  calendarStep(n: CstNode): A.CalendarStep {
    const c = n.children;
    const r = nodeRange(n);
    const kinds: Record<string, A.StepKind> = {
      RegistrationKw: 'registration',
      SelfAssessmentKw: 'self-assessment',
      ReviewKw: 'review',
      ReportKw: 'report',
      RecognitionKw: 'recognition',
      SubmissionKw: 'submission',
    };
    const step = kinds[Object.keys(kinds).find((k) => has(c, k)) ?? 'RegistrationKw']!;
    const label = tok(c, 'StringLit');
    const late = has(c, 'RefuseKw') ? 'refuse' : has(c, 'FlagKw') ? 'flag' : undefined;
    return {
      kind: 'Step',
      step,
      ...(label ? { label: str(label, r) } : {}),
      window: this.window(node(c, 'window'), r),
      ...(late ? { late } : {}),
      ...this.ruleOptions(c),
      range: r,
    };
  }

  window(n: CstNode | undefined, fallback: A.Range): A.Window {
    if (!n) return { kind: 'Dates', to: dateLit(undefined, fallback), range: fallback };
    const c = n.children;
    const r = nodeRange(n);
    if (has(c, 'QuarterKw')) {
      const t = tok(c, 'Identifier') ?? tok(c, 'NumberLit');
      const roman: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
      const q = t ? (roman[t.image.toUpperCase()] ?? Number(t.image)) : 1;
      return { kind: 'Quarter', quarter: q, early: has(c, 'EarlyKw'), range: r };
    }
    if (has(c, 'MonthKw')) {
      const ms = toks(c, 'NumberLit').map((t) => Number(t.image));
      return { kind: 'Months', from: ms[0] ?? 1, to: ms[1] ?? ms[0] ?? 1, range: r };
    }
    const dates = toks(c, 'DateLit');
    if (dates.length === 2) return { kind: 'Dates', from: dateLit(dates[0], r), to: dateLit(dates[1], r), range: r };
    return { kind: 'Dates', to: dateLit(dates[0], r), ...(has(c, 'BeforeKw') ? { before: true } : {}), range: r };
  }

  exampleDecl(n: CstNode): A.ExampleDecl {
    const c = n.children;
    const r = nodeRange(n);
    return { kind: 'Example', name: str(tok(c, 'StringLit'), r), lines: nodes(c, 'exampleLine').map((l) => this.exampleLine(l)), range: r };
  }

  exampleLine(n: CstNode): A.ExampleLine {
    const c = n.children;
    const r = nodeRange(n);
    if (has(c, 'GroupKw')) return { kind: 'ExGroup', group: ident(tok(c, 'Identifier'), r), range: r };
    if (has(c, 'YearKw')) return { kind: 'ExYear', year: num(tok(c, 'NumberLit'), undefined, r), range: r };
    if (has(c, 'HasKw') && has(c, 'FactKw') && !has(c, 'MembersKw')) return { kind: 'ExFact', fact: ident(tok(c, 'Identifier'), r), range: r };
    if (has(c, 'ScoresKw'))
      return {
        kind: 'ExScores',
        scores: nodes(c, 'scoreEntry').map((s) => ({
          indicator: this.number(node(s.children, 'number'), nodeRange(s)),
          value: num(tok(s.children, 'NumberLit'), undefined, nodeRange(s)),
          range: nodeRange(s),
        })),
        range: r,
      };
    if (has(c, 'EvidenceKw'))
      return { kind: 'ExEvidence', present: !has(c, 'NotKw'), indicators: nodes(c, 'number').map((x) => this.number(x, r)), range: r };
    if (has(c, 'HistoryKw'))
      return {
        kind: 'ExHistory',
        entries: nodes(c, 'historyEntry').map((h) => ({
          year: num(tok(h.children, 'NumberLit'), undefined, nodeRange(h)),
          titles: nodes(h.children, 'titleRef').map((t) => this.titleRef(t, nodeRange(h))),
          range: nodeRange(h),
        })),
        range: r,
      };
    if (has(c, 'MembersKw'))
      return {
        kind: 'ExMembers',
        count: num(tok(c, 'NumberLit'), undefined, r),
        holds: nodes(c, 'memberPredicate').map((p) => this.memberPredicate(p)),
        missing: has(c, 'MissingDataKw'),
        range: r,
      };
    if (has(c, 'PopulationKw')) return { kind: 'ExPopulation', population: str(tok(c, 'StringLit'), r), range: r };
    if (has(c, 'BaselineKw')) return { kind: 'ExBaseline', year: num(tok(c, 'NumberLit'), undefined, r), share: this.value(node(c, 'value'), r), range: r };
    if (has(c, 'ExpectKw')) return { kind: 'ExExpect', expectations: nodes(c, 'expectation').map((e) => this.expectation(e)), range: r };
    // attribute line: `vung là "khó khăn"`
    return { kind: 'ExAttribute', attribute: ident(tok(c, 'Identifier'), r), value: str(tok(c, 'StringLit'), r), range: r };
  }

  expectation(n: CstNode): A.Expectation {
    const c = n.children;
    const r = nodeRange(n);
    if (has(c, 'TargetKw'))
      return {
        kind: 'ExpTarget',
        what: this.holding(node(c, 'holding'), r),
        year: num(tok(c, 'NumberLit'), undefined, r),
        met: has(c, 'AchievedKw'),
        range: r,
      };
    if (has(c, 'TotalKw') || has(c, 'TotalPointsKw')) return { kind: 'ExpTotal', value: num(tok(c, 'NumberLit'), undefined, r), range: r };
    if (has(c, 'CriterionKw'))
      return { kind: 'ExpCriterion', criterion: this.number(node(c, 'number'), r), value: num(tok(c, 'NumberLit'), undefined, r), range: r };
    if (has(c, 'IndicatorKw'))
      return { kind: 'ExpIndicator', indicator: this.number(node(c, 'number'), r), value: num(tok(c, 'NumberLit'), undefined, r), range: r };
    if (has(c, 'AchievedKw')) return { kind: 'ExpTitle', title: this.titleRef(node(c, 'titleRef'), r), achieved: true, range: r };
    if (has(c, 'NotAchievedKw')) return { kind: 'ExpTitle', title: this.titleRef(node(c, 'titleRef'), r), achieved: false, range: r };
    if (has(c, 'GradingKw')) return { kind: 'ExpLevel', level: str(tok(c, 'StringLit'), r), range: r };
    return { kind: 'ExpError', range: r };
  }

  memberPredicate(n: CstNode | undefined): A.MemberPredicate {
    if (!n) return { kind: 'MemberHolds', title: { kind: 'Ident', name: '', range: EMPTY_RANGE }, negated: false, range: EMPTY_RANGE };
    const c = n.children;
    const r = nodeRange(n);
    if (has(c, 'FactKw')) return { kind: 'MemberHasFact', fact: ident(tok(c, 'Identifier'), r), range: r };
    return { kind: 'MemberHolds', title: this.titleRef(node(c, 'titleRef'), r), negated: has(c, 'NotAchievedKw'), range: r };
  }

  comparison(n: CstNode | undefined): A.Comparison {
    if (!n) return { op: '>=', value: num(undefined, undefined, EMPTY_RANGE), style: 'symbol', range: EMPTY_RANGE };
    const c = n.children;
    const r = nodeRange(n);
    const value = this.value(node(c, 'value'), r);
    if (has(c, 'FromKw')) return { op: '>=', value, style: 'words', range: r };
    if (has(c, 'BelowKw')) return { op: '<', value, style: 'words', range: r };
    if (has(c, 'AboveKw')) return { op: '>', value, style: 'words', range: r };
    const ops: [string, A.CompareOp][] = [
      ['Gte', '>='],
      ['Gt', '>'],
      ['Lte', '<='],
      ['Lt', '<'],
      ['Eq', '='],
      ['Neq', '!='],
    ];
    const op = ops.find(([k]) => has(c, k))?.[1] ?? '>=';
    return { op, value, style: 'symbol', range: r };
  }

  condition(n: CstNode | undefined): A.Condition {
    if (!n) return { kind: 'And', items: [], range: EMPTY_RANGE };
    const items = nodes(n.children, 'andExpr').map((a) => this.andExpr(a));
    return items.length === 1 ? items[0]! : { kind: 'Or', items, range: nodeRange(n) };
  }

  andExpr(n: CstNode): A.Condition {
    const items = nodes(n.children, 'unaryExpr').map((u) => this.unaryExpr(u));
    return items.length === 1 ? items[0]! : { kind: 'And', items, range: nodeRange(n) };
  }

  // Error recovery can leave a rule without its sub-rule: fall back to an empty node, never throw.
  unaryExpr(n: CstNode | undefined): A.Condition {
    if (!n) return { kind: 'And', items: [], range: EMPTY_RANGE };
    const c = n.children;
    if (has(c, 'NotKw')) return { kind: 'Not', item: this.unaryExpr(node(c, 'unaryExpr')), range: nodeRange(n) };
    return this.atom(node(c, 'atom'));
  }

  atom(n: CstNode | undefined): A.Condition {
    if (!n) return { kind: 'And', items: [], range: EMPTY_RANGE };
    const c = n.children;
    const r = nodeRange(n);
    if (has(c, 'LParen')) return { kind: 'Paren', item: this.condition(node(c, 'condition')), range: r };
    if (has(c, 'MemberRatioKw'))
      return { kind: 'MemberRatio', predicate: this.memberPredicate(node(c, 'memberPredicate')), test: this.comparison(node(c, 'comparison')), range: r };
    if (has(c, 'MemberCountKw'))
      return { kind: 'MemberCount', predicate: this.memberPredicate(node(c, 'memberPredicate')), test: this.comparison(node(c, 'comparison')), range: r };
    if (has(c, 'TotalPointsKw') || has(c, 'TotalKw')) return { kind: 'TotalCmp', test: this.comparison(node(c, 'comparison')), range: r };
    if (has(c, 'EveryIndicatorKw')) return { kind: 'EveryIndicator', test: this.comparison(node(c, 'comparison')), range: r };
    if (has(c, 'NoIndicatorKw')) return { kind: 'NoIndicatorBelow', value: this.value(node(c, 'value'), r), range: r };
    if (has(c, 'EveryCriterionKw')) return { kind: 'EveryCriterion', test: this.comparison(node(c, 'comparison')), range: r };
    if (has(c, 'IndicatorKw'))
      return { kind: 'IndicatorCmp', indicator: this.number(node(c, 'number'), r), test: this.comparison(node(c, 'comparison')), range: r };
    if (has(c, 'CriterionKw'))
      return { kind: 'CriterionCmp', criterion: this.number(node(c, 'number'), r), test: this.comparison(node(c, 'comparison')), range: r };
    if (has(c, 'GroupKw')) return { kind: 'InGroup', group: ident(tok(c, 'Identifier'), r), range: r };
    if (has(c, 'FactKw')) return { kind: 'HasFact', fact: ident(tok(c, 'Identifier'), r), range: r };
    if (has(c, 'NotAchievedKw')) {
      const years = tok(c, 'NumberLit');
      const held: A.Condition = { kind: 'HoldsTitle', title: this.titleRef(node(c, 'titleRef'), r), ...(years ? { years: num(years, undefined, r) } : {}), range: r };
      return { kind: 'Not', item: held, range: r };
    }
    if (has(c, 'AchievedKw')) {
      const years = tok(c, 'NumberLit');
      return { kind: 'HoldsTitle', title: this.titleRef(node(c, 'titleRef'), r), ...(years ? { years: num(years, undefined, r) } : {}), range: r };
    }
    return { kind: 'AttributeIs', attribute: ident(tok(c, 'Identifier'), r), value: str(tok(c, 'StringLit'), r), range: r };
  }
}

/** Builds the syntax tree from the `file` CST node, with the tokens of its error statements. */
export function buildAst(cst: CstNode): { ast: A.CriteriaFile; junk: IToken[] } {
  const builder = new AstBuilder();
  const ast = builder.file(cst);
  return { ast, junk: builder.junk.sort((a, b) => a.startOffset - b.startOffset) };
}
