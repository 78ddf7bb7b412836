/**
 * One check of a criteria text for every door (the plugin registry, `hoctap check` and `hoctap
 * test`, the API's check and publish, the portal's editor): compile it with its bases, apply the
 * rules every framework meets (codes TC21xx), and run its worked examples (TC3xxx).
 *
 * A draft (`mode: 'draft'`: the editor, `hoctap check`, the check endpoint) is warned about a rule
 * that cites no source, a framework without `căn cứ` or without a worked example; publishing and
 * plugin registration (`mode: 'publish'`) refuse the same findings as errors.
 */
import { diagnostic, type CriteriaFile, type Diagnostic, type FrameworkDecl, type Range } from '@hoctap/criteria-dsl';
import type * as A from '@hoctap/criteria-dsl';
import { STEP_NAMES_VI } from './calendar.js';
import { compileText, type CompileOptions } from './compile.js';
import { exampleDiagnostics, runExamples, type ExampleResult } from './examples.js';
import type { Model } from './model.js';

/** How strictly a text is checked: a draft is warned, a publication (or a plugin's file) refused. */
export type CheckMode = 'draft' | 'publish';

/** What `checkFramework` takes: the file name for messages, how to find bases, and the mode. */
export interface CheckFrameworkOptions extends CompileOptions {
  /** `draft` (default): the framework rules are warnings; `publish`: they are errors. */
  readonly mode?: CheckMode;
}

/** The whole check of a criteria text. */
export interface FrameworkCheck {
  readonly models: readonly Model[];
  /** Syntax, semantic, framework-rule and example diagnostics, in source order. */
  readonly diagnostics: readonly Diagnostic[];
  /** The worked examples' results (none when the text does not compile). */
  readonly examples: readonly ExampleResult[];
  /** The text compiles without errors: its models are usable and its examples were run. */
  readonly compiles: boolean;
  /** No diagnostic is an error in this mode. */
  readonly valid: boolean;
  /** Publishing (or registering) the text would be accepted: it is valid with every framework rule as an error. */
  readonly publishable: boolean;
  readonly mode: CheckMode;
  /** The text as checked (NFC), which diagnostic ranges refer to. */
  readonly source: string;
  readonly ast: CriteriaFile;
}

/** The codes of the rules every framework meets, beyond the language's own checks. */
export const FRAMEWORK_RULE_CODES = {
  /** A rule (criterion, title, grading, target, calendar step) cites no source (`theo …`). */
  uncited: 'TC2100',
  /** The framework names no legal basis (`căn cứ`). */
  noBasis: 'TC2101',
  /** The framework has no worked example (`ví dụ`). */
  noExample: 'TC2102',
} as const;

/**
 * Compiles `text` with its bases (`resolve`), applies the framework rules and runs the worked
 * examples. The rules and the examples are checked once the text compiles without errors.
 * @example checkFramework(text, { file: 'x.tieuchi', resolve: (id) => registry.get(id).model, mode: 'publish' }).valid
 */
export function checkFramework(text: string, opts: CheckFrameworkOptions = {}): FrameworkCheck {
  const mode = opts.mode ?? 'draft';
  const r = compileText(text, opts);
  const diagnostics: Diagnostic[] = [...r.diagnostics];
  let examples: ExampleResult[] = [];
  let findings: Diagnostic[] = [];
  if (r.valid) {
    findings = r.models.flatMap((m) => frameworkRuleDiagnostics(m, r.ast.frameworks.find((f) => f.id.name === m.id), r.source, mode, opts.file));
    examples = r.models.flatMap((m) => runExamples(m));
    diagnostics.push(...findings, ...exampleDiagnostics(examples, opts.file));
  }
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  const valid = !diagnostics.some((d) => d.severity === 'error');
  return { models: r.models, diagnostics, examples, compiles: r.valid, valid, publishable: valid && findings.length === 0, mode, source: r.source, ast: r.ast };
}

/** One rule of a model that cites no source: what it is, and where it is written (absent when inherited). */
interface UncitedRule {
  /** How a message names it, in Vietnamese (lower case) and English. */
  readonly what: string;
  readonly whatEn: string;
  /** How `uncitedRules` names it. */
  readonly label: string;
  readonly node?: A.FrameworkItem | A.CalendarStep;
}

const numId = (n: A.Num | A.Ident): string => (n.kind === 'Num' ? n.raw : n.name);

/** The rules of a model without a source, each with its statement in `decl` when the file writes it. */
function uncitedSites(model: Model, decl?: FrameworkDecl): UncitedRule[] {
  const items = decl?.items ?? [];
  const criteria = items.flatMap((it) => (it.kind === 'Criterion' ? [it] : it.kind === 'Competency' ? [it, ...it.children.filter((c) => c.kind === 'Criterion')] : []));
  const titles = items.filter((it): it is A.TitleDecl => it.kind === 'Title');
  const targets = items.filter((it): it is A.TargetDecl => it.kind === 'Target');
  const steps = items.flatMap((it) => (it.kind === 'Calendar' ? it.steps : []));
  const out: UncitedRule[] = [];
  for (const c of model.criteria) {
    if (c.source || c.indicators.every((id) => model.indicators.find((i) => i.id === id)?.source)) continue;
    const node = criteria.find((x) => numId(x.number) === c.id);
    out.push({ what: `tiêu chí ${c.id}`, whatEn: `criterion ${c.id}`, label: `tiêu chí ${c.id}`, ...(node ? { node } : {}) });
  }
  for (const t of model.titles) {
    if (t.source) continue;
    const node = titles.find((x) => (x.id?.name ?? x.name.value) === t.id);
    out.push({ what: `danh hiệu "${t.name}"`, whatEn: `title "${t.name}"`, label: `danh hiệu "${t.name}"`, ...(node ? { node } : {}) });
  }
  if (model.grading && !model.grading.source) {
    const node = items.find((it) => it.kind === 'Grading');
    out.push({ what: 'xếp loại', whatEn: 'the grading', label: 'xếp loại', ...(node ? { node } : {}) });
  }
  // The file's own targets come after the inherited ones, in the order written.
  const firstOwn = model.targets.length - targets.length;
  model.targets.forEach((t, i) => {
    if (t.source) return;
    const node = i >= firstOwn ? targets[i - firstOwn] : undefined;
    out.push({ what: `chỉ tiêu thứ ${i + 1}`, whatEn: `target ${i + 1}`, label: `chỉ tiêu thứ ${i + 1}`, ...(node ? { node } : {}) });
  });
  const used = new Set<A.CalendarStep>();
  for (const s of model.calendar) {
    if (s.source) continue;
    const node = steps.find((x) => !used.has(x) && x.step === s.step && x.label?.value === s.label && !x.source);
    if (node) used.add(node);
    out.push({ what: `bước lịch "${s.label ?? STEP_NAMES_VI[s.step]}"`, whatEn: `calendar step "${s.label ?? s.step}"`, label: `lịch: ${s.step}`, ...(node ? { node } : {}) });
  }
  return out;
}

/** Rules of a model that cite no source (`theo …`): criteria (or all their indicators), titles, grading, targets, calendar steps. */
export function uncitedRules(model: Model): string[] {
  return uncitedSites(model).map((u) => u.label);
}

/** The first line of a range (a statement's head), so that an editor marks one line, not a block. */
function headOf(range: Range, source: string): Range {
  if (range.end.line === range.start.line) return range;
  const nl = source.indexOf('\n', range.start.offset);
  const end = nl < 0 ? source.length : nl;
  return { start: range.start, end: { offset: end, line: range.start.line, column: range.start.column + (end - range.start.offset) } };
}

/**
 * The framework rules' diagnostics for one model: every rule cites a source (TC2100), the framework
 * names its basis (TC2101) and has a worked example (TC2102). Warnings in a draft, errors on publishing.
 */
export function frameworkRuleDiagnostics(model: Model, decl: FrameworkDecl | undefined, source: string, mode: CheckMode, file?: string): Diagnostic[] {
  const severity = mode === 'publish' ? 'error' : 'warning';
  const extra = { severity, ...(file !== undefined ? { file } : {}) } as const;
  // The same words in both modes, so that every door reports the same diagnostic; only the severity differs.
  const whenVi = ' (bắt buộc khi xuất bản và khi đăng ký plugin)';
  const whenEn = ' (required to publish and to register a plugin)';
  const idRange: Range = decl?.id.range ?? { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
  const basedOn = decl?.items.find((it): it is A.BasedOnStmt => it.kind === 'BasedOn');
  const out: Diagnostic[] = [];
  for (const u of uncitedSites(model, decl)) {
    const inherited = !u.node && model.basedOn !== undefined;
    const range = u.node ? headOf(u.node.range, source) : (basedOn?.ref.range ?? idRange);
    out.push(
      diagnostic(
        FRAMEWORK_RULE_CODES.uncited,
        range,
        `Chưa ghi nguồn cho ${u.what}${inherited ? ` (thừa hưởng từ \`${model.basedOn}\`)` : ''}: thêm \`theo MÃ-CĂN-CỨ "mục …"\` — mỗi quy định phải dẫn điều, mục của văn bản làm căn cứ${whenVi}`,
        `No source cited for ${u.whatEn}${inherited ? ` (inherited from \`${model.basedOn}\`)` : ''}: add \`theo BASIS "clause"\` — every rule must cite the clause of the legal text it rests on${whenEn}`,
        extra,
      ),
    );
  }
  if (model.bases.length === 0)
    out.push(
      diagnostic(
        FRAMEWORK_RULE_CODES.noBasis,
        idRange,
        `Bộ tiêu chí \`${model.id}\` chưa có \`căn cứ\`: ghi văn bản ban hành tiêu chí (\`căn cứ MÃ: "Kế hoạch số …"\`) để các quy định dẫn nguồn${whenVi}`,
        `Framework \`${model.id}\` names no basis (\`căn cứ\`): name the legal text the criteria come from, for the rules to cite${whenEn}`,
        extra,
      ),
    );
  if (model.examples.length === 0)
    out.push(
      diagnostic(
        FRAMEWORK_RULE_CODES.noExample,
        idRange,
        `Bộ tiêu chí \`${model.id}\` chưa có ví dụ mẫu (\`ví dụ "…"\`): cần ít nhất một ví dụ chứng minh cách chấm${whenVi}`,
        `Framework \`${model.id}\` has no worked example (\`ví dụ\`): at least one must show how it scores${whenEn}`,
        extra,
      ),
    );
  return out;
}
