/**
 * The visitor that turns the parser's CST into the typed syntax tree. Every object of the tree is
 * frozen as it is built (no second walk over a finished tree), so the visitor also attaches the
 * comments, planned from the CST before it runs.
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type * as A from './ast.js';
import type * as C from './cst.generated.js';
import { criteriaParser } from './parser.js';

/** A CST node's children; the visitor's methods take the generated, exact types of each rule's. */
type Ctx = Record<string, CstElement[] | undefined>;
/** A child's name in a rule's children: a typo or a renamed rule or token does not compile. */
type Key<X extends Ctx> = keyof X & string;
/** The CST nodes a rule's children hold under a name. */
type NodesOf<X extends Ctx, K extends Key<X>> = Extract<NonNullable<X[K]>[number], CstNode>;

/** `Object.freeze` that keeps the static type (the tree's types are readonly already). */
const fz = <T>(x: T): T => Object.freeze(x);

const isToken = (e: CstElement | undefined): e is IToken => !!e && 'image' in e;
const isNode = (e: CstElement | undefined): e is CstNode => !!e && 'children' in e;

/** Range of a token, half-open. */
export function tokenRange(t: IToken): A.Range {
  if (Number.isNaN(t.startOffset) || t.startLine === undefined || Number.isNaN(t.startLine)) {
    return EMPTY_RANGE;
  }
  return fz({
    start: fz({ offset: t.startOffset, line: t.startLine ?? 1, column: t.startColumn ?? 1 }),
    end: fz({ offset: (t.endOffset ?? t.startOffset) + 1, line: t.endLine ?? t.startLine ?? 1, column: (t.endColumn ?? t.startColumn ?? 0) + 1 }),
  });
}

function nodeRange(n: CstNode): A.Range {
  const l = n.location;
  if (!l || Number.isNaN(l.startOffset)) return EMPTY_RANGE;
  return fz({
    start: fz({ offset: l.startOffset, line: l.startLine ?? 1, column: l.startColumn ?? 1 }),
    end: fz({ offset: (l.endOffset ?? l.startOffset) + 1, line: l.endLine ?? 1, column: (l.endColumn ?? 0) + 1 }),
  });
}

const span = (a: A.Range, b: A.Range): A.Range => fz({ start: a.start, end: b.end });

function toks<X extends Ctx>(ctx: X, name: Key<X>): IToken[] {
  const xs: readonly CstElement[] = ctx[name] ?? [];
  return xs.filter(isToken).filter((t) => !t.isInsertedInRecovery);
}
// The helpers below walk the children without allocating: the visitor runs over every node of
// files of ten thousand lines, and filtered copies were most of its garbage.
function tok<X extends Ctx>(ctx: X, name: Key<X>, i = 0): IToken | undefined {
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
function nodes<X extends Ctx, K extends Key<X>>(ctx: X, name: K): NodesOf<X, K>[] {
  const xs = ctx[name];
  if (!xs) return [];
  for (const x of xs) if (!isNode(x)) return xs.filter(isNode) as NodesOf<X, K>[];
  return xs as NodesOf<X, K>[];
}
function node<X extends Ctx, K extends Key<X>>(ctx: X, name: K, i = 0): NodesOf<X, K> | undefined {
  const xs = ctx[name];
  if (!xs) return undefined;
  let k = 0;
  for (const x of xs) {
    if (isNode(x)) {
      if (k === i) return x as NodesOf<X, K>;
      k++;
    }
  }
  return undefined;
}
function has<X extends Ctx>(ctx: X, name: Key<X>): boolean {
  const xs = ctx[name];
  if (!xs) return false;
  for (const x of xs) if (isNode(x) || !x.isInsertedInRecovery) return true;
  return false;
}

// Shared by every node that recovery left without a place: frozen, as the trees that hold it are.
const EMPTY_RANGE: A.Range = Object.freeze({ start: Object.freeze({ offset: 0, line: 1, column: 1 }), end: Object.freeze({ offset: 0, line: 1, column: 1 }) });

function ident(t: IToken | undefined, fallback: A.Range): A.Ident {
  return fz(t ? { kind: 'Ident', name: t.image, range: tokenRange(t) } : { kind: 'Ident', name: '', range: fallback });
}

/** Unquotes a string literal. */
export function unquote(image: string): string {
  if (image.startsWith('“')) return image.slice(1, -1);
  const inner = image.slice(1, -1);
  return inner.includes('\\') ? inner.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c)) : inner;
}

function str(t: IToken | undefined, fallback: A.Range): A.Str {
  return fz(t ? { kind: 'Str', value: unquote(t.image), range: tokenRange(t) } : { kind: 'Str', value: '', range: fallback });
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
  if (!t) return fz({ kind: 'Num', raw: '0', value: 0, percent: false, range: fallback });
  const r = tokenRange(t);
  return fz({ kind: 'Num', raw: t.image, value: numberValue(t.image), percent: !!pct, range: pct ? span(r, tokenRange(pct)) : r });
}

function dateLit(t: IToken | undefined, fallback: A.Range): A.DateLit {
  if (!t) return fz({ kind: 'Date', day: 1, month: 1, range: fallback });
  const [d, m, y] = t.image.split('/').map(Number);
  const base = { kind: 'Date' as const, day: d ?? 1, month: m ?? 1, range: tokenRange(t) };
  return fz(y === undefined ? base : { ...base, year: y });
}

/** One option of an indicator's header or clause lines, as the `indicatorOption` rule read it. */
type IndicatorOpt =
  | { readonly k: 'max' | 'step'; readonly v: A.Num }
  | { readonly k: 'measure'; readonly v: A.IndicatorMeasure }
  | { readonly k: 'evidence' }
  | { readonly k: 'onlyFor'; readonly v: A.Ident[] }
  | { readonly k: 'band'; readonly v: A.Band }
  | { readonly k: 'variant'; readonly v: A.Variant }
  | { readonly k: 'rule'; readonly v: A.RuleOptions };

/** What the `file` rule gives: the tree, and the tokens of its error statements in source order. */
export interface Built {
  readonly ast: A.CriteriaFile;
  readonly junk: IToken[];
}

const missingNumber = (r: A.Range): A.Num => fz({ kind: 'Num', raw: '0', value: 0, percent: false, range: r });
const missingIdent = (r: A.Range): A.Ident => fz({ kind: 'Ident', name: '', range: r });
const emptyCondition = (): A.Condition => fz({ kind: 'And', items: fz([]), range: EMPTY_RANGE });

/** The comments one statement takes: the lines above it, and one after its first line. */
export interface CommentSlot {
  comments?: string[];
  /** Indices into `comments` followed by a blank line. */
  commentBreaks?: number[];
  trailingComment?: string;
}

/** Where a file's comments go: by statement (its CST node), and those after the last statement. */
export interface CommentPlan {
  readonly byStatement: ReadonlyMap<CstNode, CommentSlot>;
  readonly endComments: readonly string[];
}

const NO_COMMENTS: CommentPlan = { byStatement: new Map(), endComments: [] };

const BaseVisitor = criteriaParser.getBaseCstVisitorConstructor<CstNode, unknown>();

/**
 * The visitor from the parser's CST to the syntax tree: one method per grammar rule, each given
 * the rule's children and (as the visitor's parameter) its node, for the node's location. The
 * constructor validates it against the grammar, so a rule without a method — a new or renamed
 * rule — is an error, raised when this module loads (see below) instead of a dropped statement;
 * and as its methods take the CST types generated from the grammar, a renamed rule or token is a
 * compile error too. One instance builds one tree: its only field is that parse's comment plan, read, never written.
 */
export class AstBuilder extends BaseVisitor implements C.CriteriaCstVisitor<CstNode, unknown> {
  constructor(private readonly plan: CommentPlan = NO_COMMENTS) {
    super();
    this.validateVisitor();
  }

  /**
   * Visits a node with itself as the parameter (its location gives the ranges), gives a statement
   * its planned comments and freezes what the rule built.
   */
  private at<T>(n: CstNode): T {
    const v = this.visit(n, n) as T;
    if (v === undefined) return v;
    const slot = this.plan.byStatement.get(n);
    if (slot) {
      const o = v as CommentSlot;
      if (slot.comments) o.comments = fz(slot.comments);
      if (slot.commentBreaks) o.commentBreaks = fz(slot.commentBreaks);
      if (slot.trailingComment !== undefined) o.trailingComment = slot.trailingComment;
    }
    return fz(v);
  }

  /** Visits a rule whose result needs no freezing: taken apart by its caller, or a frozen leaf. */
  private part<T>(n: CstNode): T {
    return this.visit(n, n) as T;
  }

  // Error recovery can leave a rule without a sub-rule or a sub-rule without its token: these
  // fall back to an empty node at the enclosing statement's range, never throw.
  private numberAt(n: CstNode | undefined, fallback: A.Range): A.Num | A.Ident {
    if (!n) return missingNumber(fallback);
    // `num` and `ident` froze the leaf already.
    return this.part<A.Num | A.Ident | undefined>(n) ?? missingIdent(fallback);
  }

  private valueAt(n: CstNode | undefined, fallback: A.Range): A.Num {
    return n ? this.part<A.Num>(n) : num(undefined, undefined, fallback);
  }

  private titleRefAt(n: CstNode | undefined, fallback: A.Range): A.TitleRef {
    if (!n) return missingIdent(fallback);
    return this.part<A.TitleRef | undefined>(n) ?? missingIdent(fallback);
  }

  private conditionAt(n: CstNode | undefined): A.Condition {
    return n ? this.at<A.Condition>(n) : emptyCondition();
  }

  private comparisonAt(n: CstNode | undefined): A.Comparison {
    return n ? this.at<A.Comparison>(n) : fz({ op: '>=', value: num(undefined, undefined, EMPTY_RANGE), style: 'symbol', range: EMPTY_RANGE });
  }

  private memberPredicateAt(n: CstNode | undefined): A.MemberPredicate {
    return n ? this.at<A.MemberPredicate>(n) : fz({ kind: 'MemberHolds', title: missingIdent(EMPTY_RANGE), negated: false, range: EMPTY_RANGE });
  }

  private holdingAt(n: CstNode | undefined, fallback: A.Range): A.Holding {
    return n ? this.at<A.Holding>(n) : fz({ kind: 'HoldsTitle', title: missingIdent(fallback), range: fallback });
  }

  /** The `theo …` / `giả định …` options among a statement's children (the last of each wins). */
  private ruleOptions(c: { ruleOption?: C.RuleOptionCstNode[] }): A.RuleOptions {
    let source: A.SourceRef | undefined;
    let assumption: A.Str | undefined;
    for (const o of nodes(c, 'ruleOption')) {
      const opt = this.part<A.RuleOptions>(o);
      if (opt.source) source = opt.source;
      if (opt.assumption) assumption = opt.assumption;
    }
    return { ...(source ? { source } : {}), ...(assumption ? { assumption } : {}) };
  }

  file(c: C.FileCstChildren, n: CstNode): Built {
    const junk: IToken[] = [];
    for (const j of nodes(c, 'junk')) junk.push(...this.part<IToken[]>(j));
    const frameworks = nodes(c, 'framework');
    // An unreadable line inside a framework is an `item` holding a `junk`: gather those here too.
    for (const f of frameworks) {
      for (const it of nodes(f.children, 'item')) {
        const j = node(it.children, 'junk');
        if (j) junk.push(...this.part<IToken[]>(j));
      }
    }
    junk.sort((a, b) => a.startOffset - b.startOffset);
    const end = this.plan.endComments;
    const ast: A.CriteriaFile = {
      kind: 'File',
      frameworks: fz(frameworks.map((f) => this.at<A.FrameworkDecl>(f))),
      range: nodeRange(n),
      ...(end.length > 0 ? { endComments: fz([...end]) } : {}),
    };
    return { ast: fz(ast), junk };
  }

  junk(c: C.JunkCstChildren): IToken[] {
    return toks(c, 'AnyToken');
  }

  framework(c: C.FrameworkCstChildren, n: CstNode): A.FrameworkDecl {
    const r = nodeRange(n);
    const items: A.FrameworkItem[] = [];
    for (const i of nodes(c, 'item')) {
      const it = this.at<A.FrameworkItem | undefined>(i);
      if (it) items.push(it);
    }
    return { kind: 'Framework', id: ident(tok(c, 'Identifier'), r), title: str(tok(c, 'StringLit'), r), items: fz(items), range: r };
  }

  /** One statement of a framework: the one sub-rule it holds; a `junk` one is gathered by `file`. */
  item(c: C.ItemCstChildren): A.FrameworkItem | undefined {
    for (const key in c) {
      const inner = node(c, key as Key<C.ItemCstChildren>);
      if (!inner) continue;
      return inner.name === 'junk' ? undefined : this.at<A.FrameworkItem>(inner);
    }
    return undefined;
  }

  ruleOption(c: C.RuleOptionCstChildren, n: CstNode): A.RuleOptions {
    const r = nodeRange(n);
    if (has(c, 'SourceKw')) {
      const clause = tok(c, 'StringLit');
      return { source: fz({ kind: 'Source', basis: ident(tok(c, 'Identifier'), r), ...(clause ? { clause: str(clause, r) } : {}), range: r }) };
    }
    if (has(c, 'AssumptionKw')) return { assumption: str(tok(c, 'StringLit'), r) };
    return {};
  }

  subjectStmt(c: C.SubjectStmtCstChildren, n: CstNode): A.SubjectStmt {
    const kinds: [Key<C.SubjectStmtCstChildren>, A.SubjectKind][] = [
      ['CitizenKindKw', 'citizen'],
      ['HouseholdKindKw', 'household'],
      ['ClanKindKw', 'clan'],
      ['CommuneKindKw', 'commune'],
      ['CommunityKindKw', 'community'],
      ['UnitKindKw', 'unit'],
    ];
    return { kind: 'Subject', subject: kinds.find(([k]) => has(c, k))?.[1] ?? 'citizen', range: nodeRange(n) };
  }

  localityStmt(c: C.LocalityStmtCstChildren, n: CstNode): A.LocalityStmt {
    const r = nodeRange(n);
    const name = tok(c, 'StringLit', 1);
    return { kind: 'Locality', code: str(tok(c, 'StringLit'), r), ...(name ? { name: str(name, r) } : {}), range: r };
  }

  effectiveStmt(c: C.EffectiveStmtCstChildren, n: CstNode): A.EffectiveStmt {
    const r = nodeRange(n);
    const to = tok(c, 'DateLit', 1);
    return { kind: 'Effective', from: dateLit(tok(c, 'DateLit'), r), ...(to ? { to: dateLit(to, r) } : {}), range: r };
  }

  statusStmt(c: C.StatusStmtCstChildren, n: CstNode): A.StatusStmt {
    return { kind: 'Status', status: has(c, 'DraftKw') ? 'draft' : 'in-force', range: nodeRange(n) };
  }

  basisStmt(c: C.BasisStmtCstChildren, n: CstNode): A.BasisStmt {
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

  basedOnStmt(c: C.BasedOnStmtCstChildren, n: CstNode): A.BasedOnStmt {
    return { kind: 'BasedOn', ref: ident(tok(c, 'Identifier'), nodeRange(n)), range: nodeRange(n) };
  }

  targetGroupDecl(c: C.TargetGroupDeclCstChildren, n: CstNode): A.TargetGroupDecl {
    const r = nodeRange(n);
    return { kind: 'TargetGroup', id: ident(tok(c, 'Identifier'), r), name: str(tok(c, 'StringLit'), r), range: r };
  }

  attributeDecl(c: C.AttributeDeclCstChildren, n: CstNode): A.AttributeDecl {
    const r = nodeRange(n);
    const strs = toks(c, 'StringLit');
    return { kind: 'Attribute', id: ident(tok(c, 'Identifier'), r), name: str(strs[0], r), values: fz(strs.slice(1).map((s) => str(s, r))), range: r };
  }

  factDecl(c: C.FactDeclCstChildren, n: CstNode): A.FactDecl {
    const r = nodeRange(n);
    return { kind: 'Fact', id: ident(tok(c, 'Identifier'), r), name: str(tok(c, 'StringLit'), r), range: r };
  }

  /** An indicator's or criterion's number; `undefined` when recovery left it without its token. */
  number(c: C.NumberCstChildren): A.Num | A.Ident | undefined {
    const t = tok(c, 'NumberLit');
    if (t) return num(t, undefined, EMPTY_RANGE);
    const id = tok(c, 'Identifier');
    return id ? ident(id, EMPTY_RANGE) : undefined;
  }

  value(c: C.ValueCstChildren, n: CstNode): A.Num {
    const t = tok(c, 'NumberLit');
    return t ? num(t, tok(c, 'Percent'), EMPTY_RANGE) : num(undefined, undefined, nodeRange(n));
  }

  competencyDecl(c: C.CompetencyDeclCstChildren, n: CstNode): A.CompetencyDecl {
    const r = nodeRange(n);
    const total = tok(c, 'NumberLit');
    const children: (A.CriterionDecl | A.IndicatorDecl)[] = [];
    for (const e of [...nodes(c, 'criterionDecl'), ...nodes(c, 'indicatorDecl')].sort((a, b) => (a.location?.startOffset ?? 0) - (b.location?.startOffset ?? 0))) {
      children.push(this.at<A.CriterionDecl | A.IndicatorDecl>(e));
    }
    return {
      kind: 'Competency',
      number: this.numberAt(node(c, 'number'), r),
      text: str(tok(c, 'StringLit'), r),
      ...(total ? { total: num(total, undefined, r) } : {}),
      ...this.ruleOptions(c),
      children: fz(children),
      range: r,
    };
  }

  criterionDecl(c: C.CriterionDeclCstChildren, n: CstNode): A.CriterionDecl {
    const r = nodeRange(n);
    const total = tok(c, 'NumberLit');
    return {
      kind: 'Criterion',
      number: this.numberAt(node(c, 'number'), r),
      text: str(tok(c, 'StringLit'), r),
      ...(total ? { total: num(total, undefined, r) } : {}),
      ...this.ruleOptions(c),
      indicators: fz(nodes(c, 'indicatorDecl').map((i) => this.at<A.IndicatorDecl>(i))),
      range: r,
    };
  }

  indicatorDecl(c: C.IndicatorDeclCstChildren, n: CstNode): A.IndicatorDecl {
    const r = nodeRange(n);
    let max: A.Num | undefined;
    let step: A.Num | undefined;
    let needsEvidence = false;
    const onlyFor: A.Ident[] = [];
    let measure: A.IndicatorMeasure | undefined;
    const bands: A.Band[] = [];
    const variants: A.Variant[] = [];
    let source: A.SourceRef | undefined;
    let assumption: A.Str | undefined;
    for (const o of nodes(c, 'indicatorOption')) {
      const opt = this.part<IndicatorOpt | undefined>(o);
      if (!opt) continue;
      switch (opt.k) {
        case 'max':
          max = opt.v;
          break;
        case 'step':
          step = opt.v;
          break;
        case 'measure':
          measure = opt.v;
          break;
        case 'evidence':
          needsEvidence = true;
          break;
        case 'onlyFor':
          onlyFor.push(...opt.v);
          break;
        case 'band':
          bands.push(opt.v);
          break;
        case 'variant':
          variants.push(opt.v);
          break;
        case 'rule':
          if (opt.v.source) source = opt.v.source;
          if (opt.v.assumption) assumption = opt.v.assumption;
          break;
      }
    }
    // Built by assignment, not spreads: this runs for every indicator of the file.
    const out: { -readonly [K in keyof A.IndicatorDecl]: A.IndicatorDecl[K] } = {
      kind: 'Indicator',
      number: this.numberAt(node(c, 'number'), r),
      text: str(tok(c, 'StringLit'), r),
      needsEvidence,
      onlyFor: fz(onlyFor),
      bands: fz(bands),
      variants: fz(variants),
      range: r,
    };
    if (max) out.max = max;
    if (step) out.step = step;
    if (measure) out.measure = measure;
    if (source) out.source = source;
    if (assumption) out.assumption = assumption;
    return out;
  }

  indicatorOption(c: C.IndicatorOptionCstChildren, n: CstNode): IndicatorOpt | undefined {
    // Most options are bands, variants and citations, which do not need the option's own range.
    const r = (): A.Range => nodeRange(n);
    // The option's kind is the name of its first child: one lookup instead of a chain of them.
    let first = '';
    for (const key in c) {
      first = key;
      break;
    }
    if (first === 'MaxKw' || first === 'StepKw') {
      const t = tok(c, 'NumberLit');
      return { k: first === 'MaxKw' ? 'max' : 'step', v: t ? num(t, undefined, EMPTY_RANGE) : num(undefined, undefined, r()) };
    }
    if (first === 'KindKw') return { k: 'measure', v: fz({ kind: 'YesNo', range: r() }) };
    if (first === 'NeedsEvidenceKw') return { k: 'evidence' };
    if (first === 'OnlyForKw') {
      const or = r();
      return { k: 'onlyFor', v: toks(c, 'Identifier').map((t) => ident(t, or)) };
    }
    if (has(c, 'MeasureKw')) {
      const or = r();
      const unit = tok(c, 'StringLit');
      const pred = node(c, 'memberPredicate');
      return {
        k: 'measure',
        v: fz(pred ? { kind: 'MemberRatio', predicate: this.at<A.MemberPredicate>(pred), range: or } : { kind: 'Measured', ...(unit ? { unit: str(unit, or) } : {}), range: or }),
      };
    }
    const band = node(c, 'band');
    if (band) return { k: 'band', v: this.at<A.Band>(band) };
    const variant = node(c, 'variant');
    if (variant) return { k: 'variant', v: this.at<A.Variant>(variant) };
    const rule = node(c, 'ruleOption');
    if (rule) return { k: 'rule', v: this.part<A.RuleOptions>(rule) };
    return undefined;
  }

  band(c: C.BandCstChildren, n: CstNode): A.Band {
    const r = nodeRange(n);
    const cmp = node(c, 'comparison');
    const test: A.Comparison = cmp ? this.at<A.Comparison>(cmp) : fz({ op: '>=', value: this.valueAt(node(c, 'value'), r), style: 'words', range: r });
    return { kind: 'Band', test, points: num(tok(c, 'NumberLit'), undefined, r), range: r };
  }

  variant(c: C.VariantCstChildren, n: CstNode): A.Variant {
    const r = nodeRange(n);
    const max = tok(c, 'NumberLit');
    return { kind: 'Variant', group: ident(tok(c, 'Identifier'), r), text: str(tok(c, 'StringLit'), r), ...(max ? { max: num(max, undefined, r) } : {}), range: r };
  }

  dropStmt(c: C.DropStmtCstChildren, n: CstNode): A.DropStmt {
    const r = nodeRange(n);
    if (has(c, 'TargetKw')) return { kind: 'Drop', target: 'targets', range: r };
    return { kind: 'Drop', target: has(c, 'CriterionKw') ? 'criterion' : 'indicator', number: this.numberAt(node(c, 'number'), r), range: r };
  }

  totalStmt(c: C.TotalStmtCstChildren, n: CstNode): A.TotalStmt {
    return { kind: 'Total', value: num(tok(c, 'NumberLit'), undefined, nodeRange(n)), range: nodeRange(n) };
  }

  evidenceRuleStmt(c: C.EvidenceRuleStmtCstChildren, n: CstNode): A.EvidenceRuleStmt {
    return { kind: 'EvidenceRule', ...this.ruleOptions(c), range: nodeRange(n) };
  }

  floorStmt(c: C.FloorStmtCstChildren, n: CstNode): A.FloorStmt {
    return { kind: 'Floor', value: num(tok(c, 'NumberLit'), undefined, nodeRange(n)), ...this.ruleOptions(c), range: nodeRange(n) };
  }

  roundStmt(c: C.RoundStmtCstChildren, n: CstNode): A.RoundStmt {
    return { kind: 'Round', value: num(tok(c, 'NumberLit'), undefined, nodeRange(n)), ...this.ruleOptions(c), range: nodeRange(n) };
  }

  missingDataStmt(c: C.MissingDataStmtCstChildren, n: CstNode): A.MissingDataStmt {
    return { kind: 'MissingData', policy: has(c, 'ExcludeKw') ? 'exclude' : 'fail', ...this.ruleOptions(c), range: nodeRange(n) };
  }

  titleDecl(c: C.TitleDeclCstChildren, n: CstNode): A.TitleDecl {
    const r = nodeRange(n);
    const id = tok(c, 'Identifier');
    const cond = node(c, 'condition');
    return {
      kind: 'Title',
      ...(id ? { id: ident(id, r) } : {}),
      name: str(tok(c, 'StringLit'), r),
      ...(cond ? { when: this.at<A.Condition>(cond) } : {}),
      cases: fz(nodes(c, 'guardedCase').map((g) => this.at<A.GuardedCase>(g))),
      ...this.ruleOptions(c),
      range: r,
    };
  }

  guardedCase(c: C.GuardedCaseCstChildren, n: CstNode): A.GuardedCase {
    return { kind: 'Case', guard: this.conditionAt(node(c, 'condition', 0)), then: this.conditionAt(node(c, 'condition', 1)), range: nodeRange(n) };
  }

  gradingDecl(c: C.GradingDeclCstChildren, n: CstNode): A.GradingDecl {
    return { kind: 'Grading', levels: fz(nodes(c, 'gradeLevel').map((l) => this.at<A.GradeLevel>(l))), ...this.ruleOptions(c), range: nodeRange(n) };
  }

  gradeLevel(c: C.GradeLevelCstChildren, n: CstNode): A.GradeLevel {
    const r = nodeRange(n);
    const cond = node(c, 'condition');
    return { kind: 'Level', name: str(tok(c, 'StringLit'), r), ...(cond ? { when: this.at<A.Condition>(cond) } : {}), range: r };
  }

  /** A title named by id or by its quoted name; `undefined` when recovery left it without its token. */
  titleRef(c: C.TitleRefCstChildren): A.TitleRef | undefined {
    const s = tok(c, 'StringLit');
    if (s) return str(s, EMPTY_RANGE);
    const id = tok(c, 'Identifier');
    return id ? ident(id, EMPTY_RANGE) : undefined;
  }

  holding(c: C.HoldingCstChildren, n: CstNode): A.Holding {
    const r = nodeRange(n);
    if (has(c, 'FactKw')) return { kind: 'HasFact', fact: ident(tok(c, 'Identifier'), r), range: r };
    return { kind: 'HoldsTitle', title: this.titleRefAt(node(c, 'titleRef'), r), range: r };
  }

  targetDecl(c: C.TargetDeclCstChildren, n: CstNode): A.TargetDecl {
    const r = nodeRange(n);
    const values = nodes(c, 'value');
    const year = has(c, 'YearKw') ? num(tok(c, 'NumberLit'), undefined, r) : undefined;
    const pop = tok(c, 'StringLit');
    let among: A.Holding | undefined;
    if (has(c, 'AmongKw')) {
      const ar = tokenRange(tok(c, 'AmongKw')!);
      among = fz(
        has(c, 'HasKw')
          ? { kind: 'HasFact', fact: ident(tok(c, 'Identifier'), ar), range: ar }
          : { kind: 'HoldsTitle', title: this.titleRefAt(node(c, 'titleRef'), ar), range: ar },
      );
    }
    const guard = node(c, 'condition');
    return {
      kind: 'Target',
      what: this.holdingAt(node(c, 'holding'), r),
      ...(year ? { year } : {}),
      share: this.valueAt(values[0], r),
      perYearIncrease: has(c, 'EachYearKw'),
      ...(pop ? { population: str(pop, r) } : {}),
      ...(among ? { among } : {}),
      ...(guard ? { guard: this.at<A.Condition>(guard) } : {}),
      ...this.ruleOptions(c),
      range: r,
    };
  }

  calendarDecl(c: C.CalendarDeclCstChildren, n: CstNode): A.CalendarDecl {
    return { kind: 'Calendar', steps: fz(nodes(c, 'calendarStep').map((s) => this.at<A.CalendarStep>(s))), range: nodeRange(n) };
  }

  calendarStep(c: C.CalendarStepCstChildren, n: CstNode): A.CalendarStep {
    const r = nodeRange(n);
    const kinds: [Key<C.CalendarStepCstChildren>, A.StepKind][] = [
      ['RegistrationKw', 'registration'],
      ['SelfAssessmentKw', 'self-assessment'],
      ['ReviewKw', 'review'],
      ['ReportKw', 'report'],
      ['RecognitionKw', 'recognition'],
      ['SubmissionKw', 'submission'],
    ];
    const step = kinds.find(([k]) => has(c, k))?.[1] ?? 'registration';
    const label = tok(c, 'StringLit');
    const late = has(c, 'RefuseKw') ? 'refuse' : has(c, 'FlagKw') ? 'flag' : undefined;
    const w = node(c, 'window');
    return {
      kind: 'Step',
      step,
      ...(label ? { label: str(label, r) } : {}),
      window: w ? this.at<A.Window>(w) : fz({ kind: 'Dates', to: dateLit(undefined, r), range: r }),
      ...(late ? { late } : {}),
      ...this.ruleOptions(c),
      range: r,
    };
  }

  window(c: C.WindowCstChildren, n: CstNode): A.Window {
    const r = nodeRange(n);
    if (has(c, 'QuarterKw')) {
      const t = tok(c, 'Identifier') ?? tok(c, 'NumberLit');
      const roman: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
      const q = t ? (roman[t.image.toUpperCase()] ?? Number(t.image)) : 1;
      return { kind: 'Quarter', quarter: q, early: has(c, 'EarlyKw'), ...(has(c, 'NextYearKw') ? { nextYear: true } : {}), range: r };
    }
    if (has(c, 'MonthKw')) {
      const ms = toks(c, 'NumberLit').map((t) => Number(t.image));
      return { kind: 'Months', from: ms[0] ?? 1, to: ms[1] ?? ms[0] ?? 1, ...(has(c, 'NextYearKw') ? { nextYear: true } : {}), range: r };
    }
    const dates = toks(c, 'DateLit');
    if (dates.length === 2) return { kind: 'Dates', from: dateLit(dates[0], r), to: dateLit(dates[1], r), range: r };
    return { kind: 'Dates', to: dateLit(dates[0], r), ...(has(c, 'BeforeKw') ? { before: true } : {}), range: r };
  }

  exampleDecl(c: C.ExampleDeclCstChildren, n: CstNode): A.ExampleDecl {
    const r = nodeRange(n);
    return { kind: 'Example', name: str(tok(c, 'StringLit'), r), lines: fz(nodes(c, 'exampleLine').map((l) => this.at<A.ExampleLine>(l))), range: r };
  }

  exampleLine(c: C.ExampleLineCstChildren, n: CstNode): A.ExampleLine {
    const r = nodeRange(n);
    if (has(c, 'GroupKw')) return { kind: 'ExGroup', group: ident(tok(c, 'Identifier'), r), range: r };
    if (has(c, 'YearKw')) return { kind: 'ExYear', year: num(tok(c, 'NumberLit'), undefined, r), range: r };
    if (has(c, 'HasKw') && has(c, 'FactKw') && !has(c, 'MembersKw')) return { kind: 'ExFact', fact: ident(tok(c, 'Identifier'), r), range: r };
    if (has(c, 'ScoresKw')) return { kind: 'ExScores', scores: fz(nodes(c, 'scoreEntry').map((s) => this.at<A.ScoreEntry>(s))), range: r };
    if (has(c, 'EvidenceKw'))
      return { kind: 'ExEvidence', present: !has(c, 'NotKw'), indicators: fz(nodes(c, 'number').map((x) => this.numberAt(x, r))), range: r };
    if (has(c, 'HistoryKw')) return { kind: 'ExHistory', entries: fz(nodes(c, 'historyEntry').map((h) => this.at<A.HistoryEntry>(h))), range: r };
    if (has(c, 'MembersKw'))
      return {
        kind: 'ExMembers',
        count: num(tok(c, 'NumberLit'), undefined, r),
        holds: fz(nodes(c, 'memberPredicate').map((p) => this.at<A.MemberPredicate>(p))),
        missing: has(c, 'MissingDataKw'),
        range: r,
      };
    if (has(c, 'PopulationKw')) return { kind: 'ExPopulation', population: str(tok(c, 'StringLit'), r), range: r };
    if (has(c, 'BaselineKw')) return { kind: 'ExBaseline', year: num(tok(c, 'NumberLit'), undefined, r), share: this.valueAt(node(c, 'value'), r), range: r };
    if (has(c, 'ExpectKw')) return { kind: 'ExExpect', expectations: fz(nodes(c, 'expectation').map((e) => this.at<A.Expectation>(e))), range: r };
    // attribute line: `vung là "khó khăn"`
    return { kind: 'ExAttribute', attribute: ident(tok(c, 'Identifier'), r), value: str(tok(c, 'StringLit'), r), range: r };
  }

  scoreEntry(c: C.ScoreEntryCstChildren, n: CstNode): A.ScoreEntry {
    const r = nodeRange(n);
    return { indicator: this.numberAt(node(c, 'number'), r), value: num(tok(c, 'NumberLit'), undefined, r), range: r };
  }

  historyEntry(c: C.HistoryEntryCstChildren, n: CstNode): A.HistoryEntry {
    const r = nodeRange(n);
    return { year: num(tok(c, 'NumberLit'), undefined, r), titles: fz(nodes(c, 'titleRef').map((t) => this.titleRefAt(t, r))), range: r };
  }

  expectation(c: C.ExpectationCstChildren, n: CstNode): A.Expectation {
    const r = nodeRange(n);
    if (has(c, 'TargetKw'))
      return { kind: 'ExpTarget', what: this.holdingAt(node(c, 'holding'), r), year: num(tok(c, 'NumberLit'), undefined, r), met: has(c, 'AchievedKw'), range: r };
    if (has(c, 'TotalKw') || has(c, 'TotalPointsKw')) return { kind: 'ExpTotal', value: num(tok(c, 'NumberLit'), undefined, r), range: r };
    if (has(c, 'CriterionKw'))
      return { kind: 'ExpCriterion', criterion: this.numberAt(node(c, 'number'), r), value: num(tok(c, 'NumberLit'), undefined, r), range: r };
    if (has(c, 'IndicatorKw'))
      return { kind: 'ExpIndicator', indicator: this.numberAt(node(c, 'number'), r), value: num(tok(c, 'NumberLit'), undefined, r), range: r };
    if (has(c, 'AchievedKw')) return { kind: 'ExpTitle', title: this.titleRefAt(node(c, 'titleRef'), r), achieved: true, range: r };
    if (has(c, 'NotAchievedKw')) return { kind: 'ExpTitle', title: this.titleRefAt(node(c, 'titleRef'), r), achieved: false, range: r };
    if (has(c, 'GradingKw')) return { kind: 'ExpLevel', level: str(tok(c, 'StringLit'), r), range: r };
    return { kind: 'ExpError', range: r };
  }

  memberPredicate(c: C.MemberPredicateCstChildren, n: CstNode): A.MemberPredicate {
    const r = nodeRange(n);
    if (has(c, 'FactKw')) return { kind: 'MemberHasFact', fact: ident(tok(c, 'Identifier'), r), range: r };
    return { kind: 'MemberHolds', title: this.titleRefAt(node(c, 'titleRef'), r), negated: has(c, 'NotAchievedKw'), range: r };
  }

  comparison(c: C.ComparisonCstChildren, n: CstNode): A.Comparison {
    const r = nodeRange(n);
    const value = this.valueAt(node(c, 'value'), r);
    if (has(c, 'FromKw')) return { op: '>=', value, style: 'words', range: r };
    if (has(c, 'BelowKw')) return { op: '<', value, style: 'words', range: r };
    if (has(c, 'AboveKw')) return { op: '>', value, style: 'words', range: r };
    const ops: [Key<C.ComparisonCstChildren>, A.CompareOp][] = [
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

  condition(c: C.ConditionCstChildren, n: CstNode): A.Condition {
    const items = nodes(c, 'andExpr').map((a) => this.at<A.Condition>(a));
    return items.length === 1 ? items[0]! : { kind: 'Or', items: fz(items), range: nodeRange(n) };
  }

  andExpr(c: C.AndExprCstChildren, n: CstNode): A.Condition {
    const items = nodes(c, 'unaryExpr').map((u) => this.at<A.Condition>(u));
    return items.length === 1 ? items[0]! : { kind: 'And', items: fz(items), range: nodeRange(n) };
  }

  unaryExpr(c: C.UnaryExprCstChildren, n: CstNode): A.Condition {
    if (has(c, 'NotKw')) return { kind: 'Not', item: this.conditionAt(node(c, 'unaryExpr')), range: nodeRange(n) };
    return this.conditionAt(node(c, 'atom'));
  }

  atom(c: C.AtomCstChildren, n: CstNode): A.Condition {
    const r = nodeRange(n);
    if (has(c, 'LParen')) return { kind: 'Paren', item: this.conditionAt(node(c, 'condition')), range: r };
    if (has(c, 'MemberRatioKw'))
      return { kind: 'MemberRatio', predicate: this.memberPredicateAt(node(c, 'memberPredicate')), test: this.comparisonAt(node(c, 'comparison')), range: r };
    if (has(c, 'MemberCountKw'))
      return { kind: 'MemberCount', predicate: this.memberPredicateAt(node(c, 'memberPredicate')), test: this.comparisonAt(node(c, 'comparison')), range: r };
    if (has(c, 'TotalPointsKw') || has(c, 'TotalKw')) return { kind: 'TotalCmp', test: this.comparisonAt(node(c, 'comparison')), range: r };
    if (has(c, 'EveryIndicatorKw')) return { kind: 'EveryIndicator', test: this.comparisonAt(node(c, 'comparison')), range: r };
    if (has(c, 'NoIndicatorKw')) return { kind: 'NoIndicatorBelow', value: this.valueAt(node(c, 'value'), r), range: r };
    if (has(c, 'EveryCriterionKw')) return { kind: 'EveryCriterion', test: this.comparisonAt(node(c, 'comparison')), range: r };
    if (has(c, 'IndicatorKw'))
      return { kind: 'IndicatorCmp', indicator: this.numberAt(node(c, 'number'), r), test: this.comparisonAt(node(c, 'comparison')), range: r };
    if (has(c, 'CriterionKw'))
      return { kind: 'CriterionCmp', criterion: this.numberAt(node(c, 'number'), r), test: this.comparisonAt(node(c, 'comparison')), range: r };
    if (has(c, 'GroupKw')) return { kind: 'InGroup', group: ident(tok(c, 'Identifier'), r), range: r };
    if (has(c, 'FactKw')) return { kind: 'HasFact', fact: ident(tok(c, 'Identifier'), r), range: r };
    if (has(c, 'NotAchievedKw')) {
      const years = tok(c, 'NumberLit');
      const held: A.Condition = fz({ kind: 'HoldsTitle', title: this.titleRefAt(node(c, 'titleRef'), r), ...(years ? { years: num(years, undefined, r) } : {}), range: r });
      return { kind: 'Not', item: held, range: r };
    }
    if (has(c, 'AchievedKw')) {
      const years = tok(c, 'NumberLit');
      return { kind: 'HoldsTitle', title: this.titleRefAt(node(c, 'titleRef'), r), ...(years ? { years: num(years, undefined, r) } : {}), range: r };
    }
    return { kind: 'AttributeIs', attribute: ident(tok(c, 'Identifier'), r), value: str(tok(c, 'StringLit'), r), range: r };
  }
}

const startOf = (n: CstNode): number => {
  const o = n.location?.startOffset;
  return o === undefined || Number.isNaN(o) ? 0 : o;
};

/** The CST nodes the formatter prints on lines of their own (the statements), in tree order. */
function statementNodes(file: CstNode): CstNode[] {
  const out: CstNode[] = [];
  const bands: CstNode[] = [];
  const indicator = (i: CstNode) => {
    out.push(i);
    // Variants, then bands, as the tree lists them (the order matters only between equal starts).
    for (const o of (i.children['indicatorOption'] ?? []) as CstNode[]) {
      const v = o.children['variant']?.[0] as CstNode | undefined;
      if (v) out.push(v);
      const b = o.children['band']?.[0] as CstNode | undefined;
      if (b) bands.push(b);
    }
    if (bands.length > 0) {
      out.push(...bands);
      bands.length = 0;
    }
  };
  const criterion = (c: CstNode) => {
    out.push(c);
    nodes(c.children, 'indicatorDecl').forEach(indicator);
  };
  for (const f of nodes(file.children, 'framework')) {
    out.push(f);
    for (const it of nodes(f.children, 'item')) {
      let s: CstNode | undefined;
      for (const key in it.children) {
        s = node(it.children, key);
        if (s) break;
      }
      if (!s || s.name === 'junk') continue;
      const c = s.children;
      if (s.name === 'indicatorDecl') indicator(s);
      else if (s.name === 'criterionDecl') criterion(s);
      else {
        out.push(s);
        if (s.name === 'competencyDecl') {
          const children = [...nodes(c, 'criterionDecl'), ...nodes(c, 'indicatorDecl')].sort((a, b) => (a.location?.startOffset ?? 0) - (b.location?.startOffset ?? 0));
          for (const ch of children) (ch.name === 'criterionDecl' ? criterion : indicator)(ch);
        } else if (s.name === 'titleDecl') out.push(...nodes(c, 'guardedCase'));
        else if (s.name === 'gradingDecl') out.push(...nodes(c, 'gradeLevel'));
        else if (s.name === 'calendarDecl') out.push(...nodes(c, 'calendarStep'));
        else if (s.name === 'exampleDecl') out.push(...nodes(c, 'exampleLine'));
      }
    }
  }
  return out;
}

const BLANK_LINE_BELOW = /\r?\n[ \t\r]*(\n|$)/y;

/** Whether the line below the one ending at `end` (inclusive) is blank. */
function blankLineBelow(source: string, end: number): boolean {
  BLANK_LINE_BELOW.lastIndex = end + 1;
  return BLANK_LINE_BELOW.test(source);
}

/**
 * Plans where the comments go, so that the formatter keeps them: a comment on a line of its own
 * goes with the statement below it, one after code with the statement it follows (one each).
 */
export function planComments(cst: CstNode, comments: readonly IToken[], source: string): CommentPlan {
  if (comments.length === 0) return NO_COMMENTS;
  const stmts = statementNodes(cst)
    .map((n) => ({ n, start: startOf(n) }))
    .sort((a, b) => a.start - b.start);
  const byStatement = new Map<CstNode, CommentSlot>();
  const endComments: string[] = [];
  for (const c of comments) {
    const text = c.image.slice(1).replace(/^ /, '').replace(/\s+$/, '');
    const lineStart = source.lastIndexOf('\n', c.startOffset - 1) + 1;
    const before = source.slice(lineStart, c.startOffset).trim();
    // Statements are sorted by start: a binary search finds the first one after the comment.
    let lo = 0;
    let hi = stmts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (stmts[mid]!.start > c.startOffset) hi = mid;
      else lo = mid + 1;
    }
    if (before.length > 0) {
      // The statement just before the comment: on its line if any is, else the last one before it.
      const owner = stmts[lo - 1]?.n;
      const slot = owner && byStatement.get(owner);
      if (owner && slot?.trailingComment === undefined) {
        if (slot) slot.trailingComment = text;
        else byStatement.set(owner, { trailingComment: text });
        continue;
      }
    }
    const next = stmts[lo]?.n;
    if (!next) {
      endComments.push(text);
      continue;
    }
    let slot = byStatement.get(next);
    if (!slot) byStatement.set(next, (slot = {}));
    const list = (slot.comments ??= []);
    list.push(text);
    // A blank line right below a comment sets it apart (a section heading): the formatter keeps it.
    if (blankLineBelow(source, c.endOffset ?? c.startOffset + c.image.length - 1)) (slot.commentBreaks ??= []).push(list.length - 1);
  }
  return { byStatement, endComments };
}

// Built once here so that a grammar rule without a visitor method fails at start, not in a parse.
new AstBuilder();

/** Builds the frozen syntax tree from the `file` CST node, with the tokens of its error statements. */
export function buildAst(cst: CstNode, plan: CommentPlan = NO_COMMENTS): Built {
  return new AstBuilder(plan).visit(cst, cst) as Built;
}
