/**
 * Lowers a syntax tree into checked models: resolves names, applies derivation, orders titles by
 * dependency and reports every semantic problem as a diagnostic (codes TC2xxx).
 */
import {
  closest,
  diagnostic,
  parse,
  type Diagnostic,
  type FrameworkDecl,
  type CriteriaFile,
  type Range,
} from '@hoctap/criteria-dsl';
import type * as A from '@hoctap/criteria-dsl';
import type * as M from './model.js';
import { describeWindow, windowBounds } from './calendar.js';

/** Looks up an already-compiled framework by id, for `dựa trên`. */
export type ResolveFramework = (id: string) => M.Model | undefined;

export interface CompileOptions {
  /** The file name used in diagnostics. */
  readonly file?: string;
  /** Resolves base frameworks named by `dựa trên`. Frameworks earlier in the same file are found first. */
  readonly resolve?: ResolveFramework;
}

/** The result of compiling one file. Models with errors are still returned, flagged `valid: false`. */
export interface CompileResult {
  readonly models: readonly M.Model[];
  readonly diagnostics: readonly Diagnostic[];
  readonly valid: boolean;
  readonly source: string;
  readonly ast: CriteriaFile;
}

const iso = (d: A.DateLit): string =>
  `${String(d.year ?? 0).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** Days in a month (year-aware for February). */
export function daysInMonth(month: number, year?: number): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const numId = (n: A.Num | A.Ident): string => (n.kind === 'Num' ? n.raw : n.name);
const titleKey = (r: A.TitleRef): string => (r.kind === 'Str' ? r.value : r.name);

/** Parses and compiles criteria text in one step. */
export function compileText(text: string, opts: CompileOptions = {}): CompileResult {
  const parsed = parse(text, opts.file !== undefined ? { file: opts.file } : {});
  if (parsed.diagnostics.some((d) => d.severity === 'error')) {
    return { models: [], diagnostics: parsed.diagnostics, valid: false, source: parsed.source, ast: parsed.ast };
  }
  const r = compile(parsed.ast, opts);
  return { ...r, diagnostics: [...parsed.diagnostics, ...r.diagnostics], source: parsed.source };
}

/** Compiles a parsed file into models. */
export function compile(ast: CriteriaFile, opts: CompileOptions = {}): CompileResult {
  const diagnostics: Diagnostic[] = [];
  const models: M.Model[] = [];
  const local = new Map<string, M.Model>();
  for (const f of ast.frameworks) {
    const resolve: ResolveFramework = (id) => local.get(id) ?? opts.resolve?.(id);
    const c = new FrameworkCompiler(f, resolve, opts.file);
    const model = c.run();
    diagnostics.push(...c.diagnostics);
    models.push(model);
    local.set(model.id, model);
  }
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { models, diagnostics, valid: !diagnostics.some((d) => d.severity === 'error'), source: '', ast };
}

type MutIndicator = { -readonly [K in keyof M.Indicator]: M.Indicator[K] };
type MutCriterion = { -readonly [K in keyof M.Criterion]: M.Criterion[K] } & { indicators: string[] };

class FrameworkCompiler {
  readonly diagnostics: Diagnostic[] = [];
  private subject?: A.SubjectKind;
  private locality?: { code: string; name?: string };
  private effective?: { from: string; to?: string };
  private status: 'in-force' | 'draft' = 'in-force';
  private bases = new Map<string, M.Basis>();
  private basedOn?: string;
  private groups = new Map<string, M.TargetGroup>();
  private attributes = new Map<string, M.Attribute>();
  private facts = new Map<string, M.Fact>();
  private competencies = new Map<string, { id: string; text: string; criteria: string[] }>();
  private criteria = new Map<string, MutCriterion>();
  private indicators = new Map<string, MutIndicator>();
  private statedTotal?: { value: number; range: Range };
  private rules: { -readonly [K in keyof M.Rules]: M.Rules[K] } = { evidenceForAll: false, missingData: 'fail' };
  private titles = new Map<string, M.Title & { range?: Range }>();
  private grading?: M.Model['grading'];
  private gradingAst?: A.GradingDecl;
  private targets: M.Target[] = [];
  private targetAsts: A.TargetDecl[] = [];
  private calendar: M.CalendarStep[] = [];
  private examples: A.ExampleDecl[] = [];
  private seenIndicators = new Set<string>();
  private seenCriteria = new Set<string>();
  private seenTitles = new Set<string>();
  private titleAsts: A.TitleDecl[] = [];
  private pendingSources: { ref: A.SourceRef }[] = [];
  /** Where each criterion and indicator was written, for diagnostics (kept off the model). */
  private rangeOf = new WeakMap<object, Range>();

  constructor(
    private readonly f: FrameworkDecl,
    private readonly resolve: ResolveFramework,
    private readonly file: string | undefined,
  ) {}

  private err(code: string, range: Range, vi: string, en: string, suggestion?: string, severity: 'error' | 'warning' = 'error') {
    this.diagnostics.push(
      diagnostic(code, range, vi, en, {
        severity,
        ...(suggestion !== undefined ? { suggestion } : {}),
        ...(this.file !== undefined ? { file: this.file } : {}),
      }),
    );
  }

  private unknown(range: Range, whatVi: string, whatEn: string, name: string, candidates: Iterable<string>) {
    const s = closest(name, candidates);
    this.err('TC2040', range, `Không có ${whatVi} \`${name}\``, `No ${whatEn} \`${name}\``, s);
  }

  private date(d: A.DateLit): string | undefined {
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.month, d.year)) {
      this.err('TC2005', d.range, `Ngày không hợp lệ: ${d.day}/${d.month}${d.year ? `/${d.year}` : ''}`, `Invalid date: ${d.day}/${d.month}${d.year ? `/${d.year}` : ''}`);
      return undefined;
    }
    return iso(d);
  }

  private cite(o: A.RuleOptions): M.RuleMeta {
    const out: { source?: M.Citation; assumption?: string } = {};
    if (o.source) {
      this.pendingSources.push({ ref: o.source });
      const b = this.bases.get(o.source.basis.name);
      out.source = {
        basis: o.source.basis.name,
        text: b?.text ?? '',
        ...(o.source.clause ? { clause: o.source.clause.value } : {}),
        ...(b?.from ? { from: b.from } : {}),
      };
    }
    if (o.assumption) out.assumption = o.assumption.value;
    return out;
  }

  private inheritFrom(base: M.Model) {
    this.subject = base.subject;
    if (base.locality) this.locality = { ...base.locality };
    for (const b of base.bases) this.bases.set(b.id, b);
    for (const g of base.groups) this.groups.set(g.id, g);
    for (const a of base.attributes) this.attributes.set(a.id, a);
    for (const x of base.facts) this.facts.set(x.id, x);
    for (const c of base.competencies) this.competencies.set(c.id, { ...c, criteria: [...c.criteria] });
    for (const c of base.criteria) this.criteria.set(c.id, { ...c, indicators: [...c.indicators] });
    for (const i of base.indicators) this.indicators.set(i.id, { ...i });
    if (base.statedTotal !== undefined) this.statedTotal = { value: base.statedTotal, range: this.f.id.range };
    this.rules = { ...base.rules };
    for (const t of base.titles) this.titles.set(t.id, t);
    if (base.grading) this.grading = base.grading;
    this.targets = [...base.targets];
    this.calendar = [...base.calendar];
  }

  run(): M.Model {
    const f = this.f;
    // Bases first, so that `theo` can cite a basis declared later in the file.
    for (const it of f.items) {
      if (it.kind === 'BasedOn') {
        this.basedOn = it.ref.name;
        const base = this.resolve(it.ref.name);
        if (!base) this.err('TC2061', it.ref.range, `Không tìm thấy bộ tiêu chí gốc \`${it.ref.name}\``, `Base framework \`${it.ref.name}\` not found`);
        else this.inheritFrom(base);
      }
    }
    for (const it of f.items) {
      if (it.kind === 'Basis') {
        const id = it.id?.name ?? `can-cu-${this.bases.size + 1}`;
        const from = it.from ? this.date(it.from) : undefined;
        this.bases.set(id, { id, text: it.text.value, ...(from ? { from } : {}) });
      }
    }
    for (const it of f.items) this.item(it);
    for (const { ref } of this.pendingSources) {
      if (!this.bases.has(ref.basis.name)) this.unknown(ref.basis.range, 'căn cứ', 'basis', ref.basis.name, this.bases.keys());
    }
    if (!this.subject) this.err('TC2070', f.id.range, 'Thiếu `đối tượng:` (công dân, gia đình, dòng họ, cộng đồng, cộng đồng cấp xã hoặc đơn vị)', 'Missing `subject:`');
    this.checkTotals();
    for (const t of this.titleAsts) this.checkTitle(t);
    if (this.gradingAst) this.checkGrading(this.gradingAst);
    for (const t of this.targetAsts) this.checkTarget(t);
    const titles = this.orderTitles();
    const indicators: M.Indicator[] = [...this.indicators.values()];
    // A criterion's maximum is that of the group for which it is largest (group-only indicators count).
    const groupKeys = this.groupKeys();
    const criteria = [...this.criteria.values()].map((c) => ({ ...c, max: Math.max(...groupKeys.map((g) => this.criterionMax(c, g))) }) as M.Criterion);
    return {
      id: f.id.name,
      title: f.title.value,
      subject: this.subject ?? 'citizen',
      ...(this.locality ? { locality: this.locality } : {}),
      ...(this.effective ? { effective: this.effective } : {}),
      status: this.status,
      bases: [...this.bases.values()],
      ...(this.basedOn ? { basedOn: this.basedOn } : {}),
      groups: [...this.groups.values()],
      attributes: [...this.attributes.values()],
      facts: [...this.facts.values()],
      competencies: [...this.competencies.values()],
      criteria,
      indicators,
      max: this.groupMaxima().max,
      ...(this.statedTotal ? { statedTotal: this.statedTotal.value } : {}),
      rules: this.rules,
      titles,
      ...(this.grading ? { grading: this.grading } : {}),
      targets: this.targets,
      calendar: this.movableCalendar(),
      examples: this.examples,
    };
  }

  /**
   * The calendar recurs every year of the framework: a year written in a date is read against the
   * year the framework takes effect ("đến 31/03/2024" in a framework of 2023 is the end of March
   * of the year after the campaign's), so a campaign of another year moves it with it. Without an
   * effective date the written year stays as written.
   */
  private movableCalendar(): M.CalendarStep[] {
    const base = this.effective ? Number(this.effective.from.slice(0, 4)) : undefined;
    if (base === undefined) return this.calendar;
    const move = <D extends { month: number; day: number; year?: number; yearOffset?: number }>(d: D): D => {
      if (d.year === undefined) return d;
      const { year, ...rest } = d;
      const offset = year - base;
      return (offset === 0 ? rest : { ...rest, yearOffset: offset }) as D;
    };
    return this.calendar.map((s) => ({ ...s, ...(s.from ? { from: move(s.from) } : {}), to: move(s.to) }));
  }

  private item(it: A.FrameworkItem) {
    switch (it.kind) {
      case 'Subject':
        this.subject = it.subject;
        return;
      case 'Locality':
        this.locality = { code: it.code.value, ...(it.name ? { name: it.name.value } : {}) };
        return;
      case 'Effective': {
        const from = this.date(it.from);
        const to = it.to ? this.date(it.to) : undefined;
        if (it.from.year === undefined || (it.to && it.to.year === undefined))
          this.err('TC2005', it.range, 'Ngày hiệu lực cần đủ ngày/tháng/năm', 'Effective dates need day/month/year');
        if (from && to && to < from) this.err('TC2006', it.range, `Ngày kết thúc ${it.to!.day}/${it.to!.month}/${it.to!.year} trước ngày bắt đầu`, 'The period ends before it starts');
        if (from) this.effective = { from, ...(to ? { to } : {}) };
        return;
      }
      case 'Status':
        this.status = it.status;
        return;
      case 'Basis':
      case 'BasedOn':
        return;
      case 'TargetGroup':
        if (this.groups.has(it.id.name) && !this.basedOn) this.dup(it.id, 'nhóm đối tượng', 'target group');
        this.groups.set(it.id.name, { id: it.id.name, name: it.name.value });
        return;
      case 'Attribute':
        this.attributes.set(it.id.name, { id: it.id.name, name: it.name.value, values: it.values.map((v) => v.value) });
        return;
      case 'Fact':
        this.facts.set(it.id.name, { id: it.id.name, name: it.name.value });
        return;
      case 'Competency': {
        const id = numId(it.number);
        const comp = this.competencies.get(id) ?? { id, text: it.text.value, criteria: [] };
        comp.text = it.text.value;
        this.competencies.set(id, comp);
        for (const ch of it.children) {
          if (ch.kind === 'Criterion') this.criterion(ch, id);
          else {
            // Indicators straight under a competency group: the group is their criterion.
            if (!this.criteria.has(id)) {
              const implicit: MutCriterion = { id, text: it.text.value, max: 0, competency: id, indicators: [], ...this.cite(it), ...(it.total ? { statedTotal: it.total.value } : {}) };
              this.rangeOf.set(implicit, it.range);
              this.criteria.set(id, implicit);
              comp.criteria.push(id);
            }
            this.indicator(ch, id);
          }
        }
        return;
      }
      case 'Criterion':
        this.criterion(it);
        return;
      case 'Indicator': {
        const id = numId(it.number);
        const existing = this.indicators.get(id);
        if (existing) this.indicator(it, existing.criterion);
        else this.err('TC2042', it.range, `Chỉ số ${id} phải nằm trong một \`tiêu chí\` hoặc \`nhóm năng lực\``, `Indicator ${id} must be inside a criterion or competency group`);
        return;
      }
      case 'Drop': {
        if (it.target === 'targets' || !it.number) {
          if (!this.basedOn) this.err('TC2062', it.range, '`bỏ qua chỉ tiêu` chỉ dùng trong bộ tiêu chí `dựa trên` một bộ khác', '`drop targets` only applies to a derived framework');
          this.targets = [];
          return;
        }
        const id = numId(it.number);
        if (it.target === 'indicator') {
          const ind = this.indicators.get(id);
          if (!ind) return this.unknown(it.number.range, 'chỉ số', 'indicator', id, this.indicators.keys());
          this.indicators.delete(id);
          const c = this.criteria.get(ind.criterion);
          if (c) c.indicators = c.indicators.filter((x) => x !== id);
        } else {
          const c = this.criteria.get(id);
          if (!c) return this.unknown(it.number.range, 'tiêu chí', 'criterion', id, this.criteria.keys());
          for (const i of c.indicators) this.indicators.delete(i);
          this.criteria.delete(id);
          for (const comp of this.competencies.values()) comp.criteria = comp.criteria.filter((x) => x !== id);
        }
        return;
      }
      case 'Total':
        this.statedTotal = { value: it.value.value, range: it.range };
        return;
      case 'EvidenceRule':
        this.rules.evidenceForAll = true;
        return;
      case 'Floor':
        this.rules.floor = it.value.value;
        return;
      case 'Round':
        if (!(it.value.value > 0)) this.err('TC2025', it.value.range, 'Bước làm tròn phải lớn hơn 0', 'Rounding step must be above 0');
        else this.rules.round = it.value.value;
        return;
      case 'MissingData':
        this.rules.missingData = it.policy;
        return;
      case 'Title': {
        const id = it.id?.name ?? it.name.value;
        if (this.seenTitles.has(id) || [...this.seenTitles].some((t) => this.titles.get(t)?.name === it.name.value))
          this.err('TC2003', it.name.range, `Danh hiệu "${it.name.value}" đã khai báo`, `Title "${it.name.value}" is declared twice`);
        this.seenTitles.add(id);
        if (!it.when && it.cases.length === 0)
          this.err('TC2090', it.name.range, `Danh hiệu "${it.name.value}" chưa có điều kiện \`khi …\``, `Title "${it.name.value}" has no \`when …\` rule`);
        this.titles.set(id, { id, name: it.name.value, ...(it.when ? { when: it.when } : {}), cases: it.cases.map((c) => ({ guard: c.guard, then: c.then })), dependsOn: [], ...this.cite(it), range: it.range });
        this.titleAsts.push(it);
        return;
      }
      case 'Grading':
        this.grading = { levels: it.levels.map((l) => ({ name: l.name.value, ...(l.when ? { when: l.when } : {}) })), ...this.cite(it) };
        this.gradingAst = it;
        return;
      case 'Target': {
        const conv = (h: A.Holding) =>
          h.kind === 'HasFact' ? ({ kind: 'fact', fact: h.fact.name } as const) : ({ kind: 'title', title: titleKey(h.title) } as const);
        if (it.share.value < 0 || it.share.value > 100)
          this.err('TC2030', it.share.range, `Chỉ tiêu ${it.share.raw}% nằm ngoài 0–100%`, `Target ${it.share.raw}% is outside 0–100%`);
        this.targets.push({
          what: conv(it.what),
          ...(it.year ? { year: it.year.value } : {}),
          share: it.share.value,
          perYearIncrease: it.perYearIncrease,
          ...(it.population ? { population: it.population.value } : {}),
          ...(it.among ? { among: conv(it.among) } : {}),
          ...(it.guard ? { guard: it.guard } : {}),
          ...this.cite(it),
        });
        this.targetAsts.push(it);
        return;
      }
      case 'Calendar':
        if (this.basedOn) this.calendar = [];
        for (const s of it.steps) {
          const dates = s.window.kind === 'Dates' ? [s.window.from, s.window.to].filter((d): d is A.DateLit => !!d) : [];
          if (dates.some((d) => this.date(d) === undefined)) continue;
          const b = windowBounds(s.window);
          if (!b) {
            this.err('TC2005', s.window.range, 'Khoảng thời gian không hợp lệ', 'Invalid window');
            continue;
          }
          this.calendar.push({
            step: s.step,
            ...(s.label ? { label: s.label.value } : {}),
            ...(b.from ? { from: b.from } : {}),
            to: b.to,
            description: describeWindow(s.window),
            late: s.late ?? 'flag',
            ...this.cite(s),
          });
        }
        return;
      case 'Example':
        this.examples.push(it);
        return;
    }
  }

  private dup(id: A.Ident | A.Num, vi: string, en: string) {
    const name = id.kind === 'Ident' ? id.name : id.raw;
    this.err('TC2004', id.range, `${vi[0]!.toUpperCase()}${vi.slice(1)} \`${name}\` đã khai báo`, `${en} \`${name}\` is declared twice`);
  }

  private criterion(c: A.CriterionDecl, competency?: string) {
    const id = numId(c.number);
    if (this.seenCriteria.has(id)) {
      this.err('TC2002', c.number.range, `Trùng số tiêu chí ${id}`, `Duplicate criterion number ${id}`);
    }
    this.seenCriteria.add(id);
    const existing = this.criteria.get(id);
    const crit: MutCriterion = existing ?? { id, text: c.text.value, max: 0, indicators: [] };
    crit.text = c.text.value;
    this.rangeOf.set(crit, c.range);
    if (c.total) crit.statedTotal = c.total.value;
    if (competency) crit.competency = competency;
    Object.assign(crit, this.cite(c));
    if (!existing) {
      this.criteria.set(id, crit);
      if (competency) this.competencies.get(competency)?.criteria.push(id);
    }
    for (const i of c.indicators) this.indicator(i, id);
  }

  private indicator(i: A.IndicatorDecl, criterion: string) {
    const id = numId(i.number);
    if (this.seenIndicators.has(id)) {
      this.err('TC2001', i.number.range, `Trùng số chỉ số ${id}`, `Duplicate indicator number ${id}`);
      return;
    }
    this.seenIndicators.add(id);
    const base = this.indicators.get(id);
    let measure: M.Measure = base?.measure ?? { kind: 'points' };
    if (i.measure) {
      measure =
        i.measure.kind === 'YesNo'
          ? { kind: 'yes-no' }
          : i.measure.kind === 'Measured'
            ? { kind: 'measured', ...(i.measure.unit ? { unit: i.measure.unit.value } : {}) }
            : { kind: 'member-ratio', predicate: i.measure.predicate };
    }
    const bands: readonly M.Band[] = i.bands.length > 0 ? i.bands.map((b) => ({ op: b.test.op, value: b.test.value.value, points: b.points.value })) : (base?.bands ?? []);
    let max = i.max?.value ?? base?.max;
    if (max === undefined) {
      if (bands.length > 0) max = Math.max(...bands.map((b) => b.points));
      else {
        this.err('TC2020', i.number.range, `Chỉ số ${id} chưa có điểm \`tối đa\``, `Indicator ${id} has no \`max\``);
        max = 0;
      }
    }
    if (i.max && !(i.max.value > 0)) this.err('TC2021', i.max.range, `Điểm tối đa của chỉ số ${id} phải lớn hơn 0`, `Indicator ${id}'s max must be above 0`);
    const step = i.step?.value ?? base?.step ?? 1;
    if (i.step && !(step > 0)) this.err('TC2022', i.step.range, 'Bước điểm phải lớn hơn 0', 'Step must be above 0');
    else if (measure.kind === 'points' && !isMultiple(max, step))
      this.err('TC2022', (i.max ?? i.number).range, `Điểm tối đa ${fmt(max)} của chỉ số ${id} không chia hết cho bước ${fmt(step)}`, `Max ${max} of indicator ${id} is not a multiple of step ${step}`, step === 1 ? 'bước 0,5' : undefined);
    for (const b of i.bands) {
      if (b.points.value > max) this.err('TC2023', b.points.range, `Mức cho ${b.points.raw} điểm, vượt tối đa ${fmt(max)} của chỉ số ${id}`, `Band gives ${b.points.raw} points, above indicator ${id}'s max ${max}`);
    }
    if (i.bands.length > 0 && measure.kind !== 'measured' && measure.kind !== 'member-ratio')
      this.err('TC2024', i.bands[0]!.range, `\`mức\` chỉ dùng cho chỉ số có \`đo\``, '`band` needs a `measure`', 'đo "%"');
    if (measure.kind === 'member-ratio' && measure.predicate.kind === 'MemberHasFact') this.checkFact(measure.predicate.fact);
    const onlyFor = i.onlyFor.length > 0 ? i.onlyFor.map((g) => g.name) : (base?.onlyFor ?? []);
    for (const g of i.onlyFor) this.checkGroup(g);
    const variants: Record<string, { text: string; max?: number }> = { ...(base?.variants ?? {}) };
    for (const v of i.variants) {
      this.checkGroup(v.group);
      variants[v.group.name] = { text: v.text.value, ...(v.max ? { max: v.max.value } : {}) };
      if (v.max && !isMultiple(v.max.value, step)) this.err('TC2022', v.max.range, `Điểm tối đa ${v.max.raw} không chia hết cho bước ${fmt(step)}`, `Max ${v.max.raw} is not a multiple of step ${step}`);
    }
    // Built by assignment, not spreads: this runs for every indicator of the file.
    const ind: MutIndicator = {
      id,
      text: i.text.value,
      max,
      step,
      criterion: base?.criterion ?? criterion,
      needsEvidence: i.needsEvidence || (base?.needsEvidence ?? false),
      onlyFor,
      measure,
      bands,
      variants,
    };
    if (base?.source) ind.source = base.source;
    if (base?.assumption) ind.assumption = base.assumption;
    if (i.source || i.assumption) {
      const c = this.cite(i);
      if (c.source) ind.source = c.source;
      if (c.assumption) ind.assumption = c.assumption;
    }
    this.rangeOf.set(ind, i.range);
    if (base && base.criterion !== criterion) {
      // Moved to another criterion in the derived file.
      const old = this.criteria.get(base.criterion);
      if (old) old.indicators = old.indicators.filter((x) => x !== id);
      ind.criterion = criterion;
    }
    this.indicators.set(id, ind);
    const crit = this.criteria.get(ind.criterion);
    if (crit && !crit.indicators.includes(id)) crit.indicators.push(id);
  }

  private checkGroup(g: A.Ident) {
    if (!this.groups.has(g.name)) this.unknown(g.range, 'nhóm đối tượng', 'target group', g.name, this.groups.keys());
  }
  private checkFact(f: A.Ident) {
    if (!this.facts.has(f.name)) this.unknown(f.range, 'sự kiện', 'fact', f.name, this.facts.keys());
  }

  /** Maximum of an indicator for a group (undefined when it does not apply to the group). */
  private indicatorMax(i: M.Indicator, group?: string): number | undefined {
    if (group !== undefined && i.onlyFor.length > 0 && !i.onlyFor.includes(group)) return undefined;
    if (group === undefined && i.onlyFor.length > 0 && this.groups.size > 0) return undefined;
    return (group !== undefined ? i.variants[group]?.max : undefined) ?? i.max;
  }

  /** Groups to check totals for: each target group, or none. */
  private groupKeys(): (string | undefined)[] {
    return this.groups.size > 0 ? [...this.groups.keys()] : [undefined];
  }

  private criterionMax(c: { indicators: readonly string[] }, group?: string): number {
    let s = 0;
    for (const id of c.indicators) {
      const i = this.indicators.get(id);
      if (i) s += this.indicatorMax(i, group) ?? 0;
    }
    return round9(s);
  }

  private groupMaxima(): { max: number; min: number; per: Map<string | undefined, number> } {
    const per = new Map<string | undefined, number>();
    for (const g of this.groupKeys()) {
      let s = 0;
      for (const c of this.criteria.values()) s += this.criterionMax(c, g);
      per.set(g, round9(s));
    }
    const vals = [...per.values()];
    return { max: Math.max(0, ...vals), min: vals.length ? Math.min(...vals) : 0, per };
  }

  private checkTotals() {
    for (const c of this.criteria.values()) {
      if (c.statedTotal === undefined) continue;
      for (const g of this.groupKeys()) {
        const sum = this.criterionMax(c, g);
        if (sum !== c.statedTotal) {
          const parts = c.indicators.map((id) => fmt(this.indicatorMax(this.indicators.get(id)!, g) ?? 0)).join(' + ');
          this.err(
            'TC2010',
            this.rangeOf.get(c) ?? this.f.id.range,
            `Tiêu chí ${c.id} ghi tổng ${fmt(c.statedTotal)} nhưng các chỉ số cộng lại ${parts} = ${fmt(sum)}${g ? ` (nhóm ${g})` : ''}`,
            `Criterion ${c.id} states total ${c.statedTotal} but its indicators add up to ${sum}${g ? ` (group ${g})` : ''}`,
          );
          break;
        }
      }
    }
    if (this.statedTotal) {
      const { per } = this.groupMaxima();
      for (const [g, sum] of per) {
        if (sum !== this.statedTotal.value) {
          this.err(
            'TC2011',
            this.statedTotal.range,
            `Tổng điểm ghi ${fmt(this.statedTotal.value)} nhưng các tiêu chí cộng lại ${fmt(sum)}${g ? ` (nhóm ${g})` : ''}`,
            `Stated total ${this.statedTotal.value} but the criteria add up to ${sum}${g ? ` (group ${g})` : ''}`,
          );
          break;
        }
      }
    }
    if (this.rules.floor !== undefined) {
      for (const i of this.indicators.values()) {
        if (i.measure.kind === 'points' && this.rules.floor > i.max) {
          this.err('TC2032', this.rangeOf.get(i) ?? this.f.id.range, `Điểm sàn ${fmt(this.rules.floor)} cao hơn điểm tối đa ${fmt(i.max)} của chỉ số ${i.id}`, `Floor ${this.rules.floor} is above indicator ${i.id}'s max ${i.max}`);
        }
      }
    }
  }

  private checkTitle(t: A.TitleDecl) {
    const id = t.id?.name ?? t.name.value;
    const deps = new Set<string>();
    const visit = (c: A.Condition) => this.checkCondition(c, deps);
    if (t.when) visit(t.when);
    for (const c of t.cases) {
      visit(c.guard);
      visit(c.then);
    }
    const title = this.titles.get(id);
    if (title) this.titles.set(id, { ...title, dependsOn: [...deps] });
  }

  private checkGrading(g: A.GradingDecl) {
    let sawOtherwise = false;
    for (const l of g.levels) {
      if (sawOtherwise)
        this.err('TC2080', l.range, `Mức "${l.name.value}" đứng sau \`còn lại\` nên không bao giờ được xét`, `Level "${l.name.value}" comes after \`otherwise\` and can never apply`, undefined, 'warning');
      if (l.when) this.checkCondition(l.when, new Set());
      else sawOtherwise = true;
    }
  }

  private checkTarget(t: A.TargetDecl) {
    const check = (h: A.Holding) => {
      if (h.kind === 'HasFact') this.checkFact(h.fact);
      else this.resolveTitle(h.title);
    };
    check(t.what);
    if (t.among) check(t.among);
    if (t.guard) this.checkCondition(t.guard, new Set());
  }

  /** Resolves a title reference (id or name) to a title id of this framework. */
  private resolveTitle(r: A.TitleRef): string | undefined {
    const key = titleKey(r);
    if (this.titles.has(key)) return key;
    for (const t of this.titles.values()) if (t.name === key) return t.id;
    const names = [...this.titles.values()].flatMap((t) => [t.id, t.name]);
    this.unknown(r.range, 'danh hiệu', 'title', key, names);
    return undefined;
  }

  private unreachable(range: Range, what: string, whatEn: string, test: A.Comparison, max: number) {
    const v = test.value.value;
    const bad = (test.op === '>=' && v > max) || (test.op === '>' && v >= max) || (test.op === '=' && v > max);
    if (bad)
      this.err('TC2030', range, `Ngưỡng không thể đạt: ${what} ${opText(test)} nhưng tối đa chỉ ${fmt(max)}`, `Unreachable threshold: ${whatEn} ${test.op} ${v} but the maximum is ${max}`);
  }

  private checkCondition(c: A.Condition, deps: Set<string>): void {
    switch (c.kind) {
      case 'And':
      case 'Or':
        c.items.forEach((x) => this.checkCondition(x, deps));
        return;
      case 'Not':
      case 'Paren':
        this.checkCondition(c.item, deps);
        return;
      case 'TotalCmp': {
        const { max } = this.groupMaxima();
        if (this.indicators.size > 0) this.unreachable(c.range, 'tổng điểm', 'total', c.test, c.test.value.percent ? 100 : max);
        return;
      }
      case 'EveryIndicator':
      case 'NoIndicatorBelow': {
        const min = c.kind === 'NoIndicatorBelow' ? c.value.value : c.test.value.value;
        const isPct = c.kind === 'NoIndicatorBelow' ? c.value.percent : c.test.value.percent;
        const strict = c.kind === 'EveryIndicator' && c.test.op === '>';
        if (c.kind === 'EveryIndicator' && !['>=', '>'].includes(c.test.op)) return;
        for (const i of this.indicators.values()) {
          const maxes = [i.max, ...Object.values(i.variants).map((v) => v.max ?? i.max)];
          // A share (`%`) of each indicator's own maximum can reach 100 at most.
          const m = isPct ? 100 : Math.min(...maxes);
          if (m < min || (strict && m <= min)) {
            const u = isPct ? '%' : '';
            this.err('TC2031', c.range, `Mức tối thiểu ${fmt(min)}${u} cho mọi chỉ số cao hơn điểm tối đa ${fmt(m)}${u} của chỉ số ${i.id}`, `Minimum ${min}${u} for every indicator is above indicator ${i.id}'s max ${m}${u}`);
            return;
          }
        }
        return;
      }
      case 'EveryCriterion': {
        if (c.test.value.percent) {
          if (c.test.value.value > 100) this.unreachable(c.range, 'mọi tiêu chí', 'every criterion', c.test, 100);
          return;
        }
        for (const cr of this.criteria.values()) {
          const m = this.criterionMax(cr);
          if (c.test.op === '>=' && m < c.test.value.value) {
            this.err('TC2031', c.range, `Mức tối thiểu ${fmt(c.test.value.value)} cho mọi tiêu chí cao hơn tổng tối đa ${fmt(m)} của tiêu chí ${cr.id}`, `Minimum ${c.test.value.value} for every criterion is above criterion ${cr.id}'s max ${m}`);
            return;
          }
        }
        return;
      }
      case 'IndicatorCmp': {
        const id = numId(c.indicator);
        const i = this.indicators.get(id);
        if (!i) return this.unknown(c.indicator.range, 'chỉ số', 'indicator', id, this.indicators.keys());
        this.unreachable(c.range, `chỉ số ${id}`, `indicator ${id}`, c.test, c.test.value.percent ? 100 : Math.max(i.max, ...Object.values(i.variants).map((v) => v.max ?? 0)));
        return;
      }
      case 'CriterionCmp': {
        const id = numId(c.criterion);
        const cr = this.criteria.get(id);
        if (!cr) return this.unknown(c.criterion.range, 'tiêu chí', 'criterion', id, this.criteria.keys());
        this.unreachable(c.range, `tiêu chí ${id}`, `criterion ${id}`, c.test, c.test.value.percent ? 100 : this.criterionMax(cr));
        return;
      }
      case 'InGroup':
        this.checkGroup(c.group);
        return;
      case 'AttributeIs': {
        const a = this.attributes.get(c.attribute.name);
        if (!a) return this.unknown(c.attribute.range, 'thuộc tính', 'attribute', c.attribute.name, this.attributes.keys());
        if (a.values.length > 0 && !a.values.includes(c.value.value)) {
          const s = closest(c.value.value, a.values);
          this.err('TC2041', c.value.range, `Thuộc tính \`${a.id}\` không có giá trị "${c.value.value}" (có: ${a.values.map((v) => `"${v}"`).join(', ')})`, `Attribute \`${a.id}\` has no value "${c.value.value}"`, s ? `"${s}"` : undefined);
        }
        return;
      }
      case 'HasFact':
        this.checkFact(c.fact);
        return;
      case 'HoldsTitle': {
        const id = this.resolveTitle(c.title);
        if (id) deps.add(id);
        if (c.years && !(c.years.value >= 1 && Number.isInteger(c.years.value)))
          this.err('TC2033', c.years.range, 'Số năm liền phải là số nguyên từ 1 trở lên', 'Consecutive years must be a whole number ≥ 1');
        return;
      }
      case 'MemberRatio':
      case 'MemberCount':
        if (c.predicate.kind === 'MemberHasFact') this.checkFact(c.predicate.fact);
        if (c.kind === 'MemberRatio') this.unreachable(c.range, 'tỉ lệ thành viên', 'member ratio', c.test, 100);
        return;
    }
  }

  /** Orders titles so that each comes after those it depends on; reports cycles. */
  private orderTitles(): M.Title[] {
    const out: M.Title[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (id: string) => {
      const t = this.titles.get(id);
      if (!t) return;
      const s = state.get(id);
      if (s === 'done') return;
      if (s === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(id)), id].map((x) => `"${this.titles.get(x)?.name ?? x}"`).join(' → ');
        this.err('TC2050', t.range ?? this.f.id.range, `Vòng lặp giữa các danh hiệu: ${cycle}`, `Cycle between titles: ${cycle}`);
        return;
      }
      state.set(id, 'visiting');
      stack.push(id);
      for (const d of t.dependsOn) visit(d);
      stack.pop();
      state.set(id, 'done');
      const { range: _r, ...clean } = t;
      out.push(clean);
    };
    for (const id of this.titles.keys()) visit(id);
    return out;
  }
}

/** Rounds away floating-point noise (sums of 0,5 steps). */
export function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

function isMultiple(x: number, step: number): boolean {
  const q = x / step;
  return Math.abs(q - Math.round(q)) < 1e-9;
}

/** A number the Vietnamese way: 7,5. */
export function fmt(x: number): string {
  return String(round9(x)).replace('.', ',');
}

/** A comparison in words: "≥ 80", "< 5". */
export function opText(t: A.Comparison): string {
  const sym: Record<A.CompareOp, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=', '!=': '≠' };
  return `${sym[t.op]} ${fmt(t.value.value)}${t.value.percent ? '%' : ''}`;
}
