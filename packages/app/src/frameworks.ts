/**
 * Frameworks: check a draft, publish a version, list and read the published versions. Checking
 * and publishing go through `checkFramework` (as `hoctap check`, the editor and plugin
 * registration do): a draft gets the framework rules as warnings, publishing refuses them.
 */
import { checkFramework, type CheckMode, type ExampleResult, type FrameworkCheck, type Registry, type ResolveFramework } from '@hoctap/core';
import type { Diagnostic } from '@hoctap/criteria-dsl';
import { appendAudit, contentHash, ensureFramework, frameworkByHash, getPublishedFramework, listPublishedFrameworks, type PublishedFrameworkRow } from '@hoctap/db';
import { auditEntry, type Caller, type Deps, type Trx } from './deps.js';
import { AppError, outOfScope } from './errors.js';
import { checkId } from './scope.js';

/** A criteria text to check or publish, the file name its diagnostics carry, and their language. */
export interface FrameworkText {
  readonly source: string;
  readonly file?: string | undefined;
  /** The language of the diagnostics in a FRAMEWORK_INVALID error (default Vietnamese). */
  readonly lang?: 'vi' | 'en' | undefined;
}

/** A diagnostic as the API and other tools show it, in one language. */
export interface DiagnosticView {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
  readonly suggestion?: string;
}

/** A worked example's outcome as shown: its framework, name, whether it passed and what failed. */
export interface ExampleView {
  readonly framework: string;
  readonly name: string;
  readonly passed: boolean;
  readonly failures: { expected: string; actual: string }[];
}

/** A published framework version. */
export interface PublishedVersion {
  readonly id: string;
  /** `locality` (published by a platform administrator) or the publisher's province code. */
  readonly plugin: string;
  readonly framework: string;
  readonly version: string;
  readonly title: string;
  readonly contentHash: string;
  readonly status: 'draft' | 'published' | 'retired';
  readonly effective: { readonly from: string; readonly to: string | null };
  readonly publishedBy: { readonly id: string | null; readonly name: string | null };
  readonly publishedAt: string | null;
}

/** `dựa trên` resolved among the registered frameworks. */
export function registeredBases(registry: Registry): ResolveFramework {
  return (id) => {
    try {
      return registry.get(id).model;
    } catch {
      return undefined;
    }
  };
}

/** A diagnostic in the caller's language. */
export function diagnosticView(d: Diagnostic, lang: 'vi' | 'en' = 'vi'): DiagnosticView {
  return {
    code: d.code,
    severity: d.severity,
    line: d.range.start.line,
    column: d.range.start.column,
    endLine: d.range.end.line,
    endColumn: d.range.end.column,
    message: lang === 'en' ? d.messageEn : d.message,
    ...(d.suggestion ? { suggestion: d.suggestion } : {}),
  };
}

/** A worked example's outcome without the evaluation behind it. */
export function exampleView(e: ExampleResult): ExampleView {
  return { framework: e.framework, name: e.name, passed: e.passed, failures: e.failures.map((f) => ({ expected: f.expected, actual: f.actual })) };
}

/**
 * Checks a criteria text against the registered frameworks: `checkFramework` with bases from the
 * registry, in draft mode (the check endpoint: the framework rules are warnings) unless told.
 */
export function checkDraft(deps: Pick<Deps, 'registry'>, input: FrameworkText, mode: CheckMode = 'draft'): FrameworkCheck {
  return checkFramework(input.source, { file: input.file ?? 'nhap.tieuchi', resolve: registeredBases(deps.registry), mode });
}

function invalid(check: FrameworkCheck, lang: 'vi' | 'en', vi: string, en: string): AppError {
  return new AppError('unprocessable', 'FRAMEWORK_INVALID', vi, en, { diagnostics: check.diagnostics.map((d) => diagnosticView(d, lang)), examples: check.examples.map(exampleView) });
}

const dateOut = (d: unknown): string | null => (d == null ? null : d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

/** A stored version as published data. */
export function publishedVersion(f: PublishedFrameworkRow): PublishedVersion {
  return {
    id: f.id,
    plugin: f.plugin,
    framework: f.version.split('@')[0]!,
    version: f.version,
    title: f.title,
    contentHash: f.content_hash,
    status: f.status,
    effective: { from: dateOut(f.effective_from)!, to: dateOut(f.effective_to) },
    publishedBy: { id: f.published_by, name: f.publisher },
    publishedAt: f.published_at == null ? null : new Date(f.published_at).toISOString(),
  };
}

/** The plugins whose published versions the caller sees: its province's and the platform's; null for a national account (every locality's). */
function visiblePlugins(caller: Caller): string[] | null {
  return caller.scope.role === 'national' ? null : ['locality', caller.scope.province];
}

/**
 * Publishes one framework version: checked in publish mode (errors, a rule without a source, no
 * `căn cứ`, no worked example, a failing example → FRAMEWORK_INVALID with the diagnostics), one
 * framework per text, within the caller's province; stored by content hash and audited once.
 * The same text again is the version already stored (`created: false`).
 */
export async function publishFramework(deps: Pick<Deps, 'registry' | 'now'>, caller: Caller, trx: Trx, input: FrameworkText): Promise<{ created: boolean; version: PublishedVersion }> {
  const lang = input.lang ?? 'vi';
  const publisher = caller.userId;
  if (publisher === null) throw new AppError('unauthenticated', 'UNAUTHENTICATED', 'Cần đăng nhập để xuất bản', 'You need to sign in to publish');
  const check = checkDraft(deps, input, 'publish');
  if (!check.compiles) {
    const errors = check.diagnostics.filter((d) => d.severity === 'error').length;
    throw invalid(check, lang, `Tệp tiêu chí còn ${errors} lỗi, chưa thể xuất bản`, `The criteria file has ${errors} error(s); it cannot be published`);
  }
  const failed = check.examples.filter((e) => !e.passed).length;
  if (failed > 0) throw invalid(check, lang, `${failed} ví dụ mẫu không đạt, chưa thể xuất bản`, `${failed} worked example(s) fail; it cannot be published`);
  if (!check.valid) {
    const errors = check.diagnostics.filter((d) => d.severity === 'error').length;
    throw invalid(
      check,
      lang,
      `Tệp tiêu chí còn ${errors} lỗi về nguồn hoặc ví dụ mẫu (mỗi quy định ghi \`theo …\`, có \`căn cứ\`, có \`ví dụ\`), chưa thể xuất bản`,
      `The criteria file has ${errors} error(s) about sources or worked examples (every rule cites \`theo …\`, a \`căn cứ\`, a \`ví dụ\`); it cannot be published`,
    );
  }
  if (check.models.length !== 1)
    throw invalid(check, lang, `Mỗi lần chỉ xuất bản được một bộ tiêu chí (tệp có ${check.models.length})`, `Publish one framework at a time (the file has ${check.models.length})`);
  const model = check.models[0]!;
  const loc = model.locality?.code;
  if (caller.scope.role === 'province' && loc && loc !== caller.scope.province) throw outOfScope();
  const plugin = caller.scope.role === 'national' ? 'locality' : caller.scope.province;
  const hash = contentHash(input.source);
  const before = await frameworkByHash(trx, plugin, hash);
  const now = deps.now();
  const fw = await ensureFramework(trx, {
    plugin,
    version: `${model.id}@${hash.slice(0, 12)}`,
    title: model.title,
    sourceText: input.source,
    effectiveFrom: model.effective?.from ?? now.toISOString().slice(0, 10),
    effectiveTo: model.effective?.to ?? null,
    publishedBy: publisher,
    publishedAt: now,
    status: model.status === 'draft' ? 'draft' : 'published',
  });
  if (!before)
    await appendAudit(
      trx,
      auditEntry(deps, caller, {
        province: caller.scope.role === 'national' ? '00' : caller.scope.province,
        action: 'framework.publish',
        subject: { kind: 'framework', id: fw.id },
        payload: { framework: model.id, version: fw.version, plugin, contentHash: fw.content_hash },
      }),
    );
  const row = await getPublishedFramework(trx, fw.id);
  return { created: !before, version: publishedVersion(row ?? { ...fw, publisher: null }) };
}

const versionNotFound = () => new AppError('not-found', 'FRAMEWORK_NOT_FOUND', 'Không tìm thấy phiên bản bộ tiêu chí', 'No such framework version');

/** The published versions the caller may see, newest first. */
export async function publishedFrameworks(_deps: unknown, caller: Caller, trx: Trx): Promise<PublishedVersion[]> {
  return (await listPublishedFrameworks(trx, visiblePlugins(caller))).map(publishedVersion);
}

/** One published version with its source text; another province's, a malformed or an unknown id is not found. */
export async function publishedFrameworkSource(_deps: unknown, caller: Caller, trx: Trx, input: { id: string }): Promise<PublishedVersion & { source: string }> {
  let id: string;
  try {
    id = checkId(input.id, 'framework');
  } catch {
    throw versionNotFound();
  }
  const row = await getPublishedFramework(trx, id);
  const plugins = visiblePlugins(caller);
  // The same scope rule as the list: another province's versions are not found.
  if (!row || (plugins ? !plugins.includes(row.plugin) : !(row.plugin === 'locality' || /^[0-9]{2}$/.test(row.plugin)))) throw versionNotFound();
  return { ...publishedVersion(row), source: row.source_text };
}
