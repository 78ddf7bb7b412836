/** Frameworks: the registered criteria files, their checked models, and checking a draft. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { compileText, exampleDiagnostics, runExamples, type Registry, type RegisteredFramework } from '@hoctap/core';
import { contentHash, ensureFramework } from '@hoctap/db';
import type { AppEnv } from '../app.js';
import { CheckRequest, CheckResponse, DiagnosticSchema, FrameworkDetail, FrameworkSummary, Problem } from '../schemas.js';
import { ApiProblem, languageOf } from '../problem.js';
import { audit, need, outOfScope, runtime, scoped } from '../context.js';
import { IdParam, security, stdProblems } from './common.js';
import type { Diagnostic } from '@hoctap/criteria-dsl';

/** A registered framework as listed by the API. */
export function summary(f: RegisteredFramework): z.infer<typeof FrameworkSummary> {
  const m = f.model;
  return {
    ref: f.ref,
    plugin: f.plugin,
    id: m.id,
    title: m.title,
    subject: m.subject,
    effective: { ...(m.effective?.from ? { from: m.effective.from } : {}), ...(m.effective?.to ? { to: m.effective.to } : {}) },
    status: m.status,
    file: f.file,
    ...(m.locality ? { locality: m.locality } : {}),
  };
}

/** A diagnostic as the API returns it, in the caller's language. */
export function diagnosticOut(d: Diagnostic, lang: 'vi' | 'en'): z.infer<typeof DiagnosticSchema> {
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

const list = createRoute({
  method: 'get',
  path: '/api/frameworks',
  tags: ['Bộ tiêu chí'],
  summary: 'Các bộ tiêu chí đã đăng ký',
  responses: { 200: { content: { 'application/json': { schema: z.array(FrameworkSummary) } }, description: 'Danh sách' } },
});

const detail = createRoute({
  method: 'get',
  path: '/api/frameworks/{plugin}/{id}',
  tags: ['Bộ tiêu chí'],
  summary: 'Một bộ tiêu chí: mô hình đã kiểm tra và văn bản nguồn',
  request: { params: z.object({ plugin: z.string(), id: z.string() }) },
  responses: {
    200: { content: { 'application/json': { schema: FrameworkDetail } }, description: 'Bộ tiêu chí' },
    404: { content: { 'application/problem+json': { schema: Problem } }, description: 'Không có' },
  },
});

const check = createRoute({
  method: 'post',
  path: '/api/frameworks/check',
  tags: ['Bộ tiêu chí'],
  summary: 'Kiểm tra một tệp tiêu chí (không lưu): lỗi cú pháp, lỗi ngữ nghĩa, ví dụ mẫu',
  request: { body: { content: { 'application/json': { schema: CheckRequest } }, required: true } },
  responses: {
    200: { content: { 'application/json': { schema: CheckResponse } }, description: 'Kết quả kiểm tra' },
    400: { content: { 'application/problem+json': { schema: Problem } }, description: 'Yêu cầu sai' },
  },
});

/** Compiles a draft against the registered frameworks (`dựa trên` resolved from the registry) and runs its worked examples. */
export function checkDraft(registry: Registry, source: string, file?: string) {
  const res = compileText(source, {
    file: file ?? 'nhap.tieuchi',
    resolve: (id) => {
      try {
        return registry.get(id).model;
      } catch {
        return undefined;
      }
    },
  });
  const examples = res.valid ? res.models.flatMap((m) => runExamples(m)) : [];
  const diagnostics = [...res.diagnostics, ...exampleDiagnostics(examples)];
  return { res, examples, diagnostics, valid: res.valid && examples.every((e) => e.passed) };
}

const PublishedSchema = z
  .object({
    id: z.string(),
    plugin: z.string().openapi({ description: '"locality" (quản trị nền tảng) hoặc mã tỉnh của người xuất bản' }),
    framework: z.string().openapi({ example: 'cdht-phu-tho-2026' }),
    version: z.string().openapi({ example: 'cdht-phu-tho-2026@0123456789ab' }),
    title: z.string(),
    contentHash: z.string(),
    status: z.enum(['draft', 'published', 'retired']),
    effective: z.object({ from: z.string(), to: z.string().nullable() }),
    publishedBy: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
    publishedAt: z.string().nullable(),
  })
  .openapi('PublishedFramework');
const PublishResult = PublishedSchema.extend({ created: z.boolean().openapi({ description: 'false: the same text was published before (HTTP 200)' }) }).openapi('PublishResult');

const publish = createRoute({
  method: 'post',
  path: '/api/frameworks/publish',
  tags: ['Bộ tiêu chí'],
  security,
  summary:
    'Xuất bản một phiên bản bộ tiêu chí: kiểm tra (lỗi, ví dụ mẫu) rồi lưu theo mã băm nội dung, có ghi nhật ký; gửi lại cùng văn bản trả về phiên bản đã có (200). Lỗi → 422 FRAMEWORK_INVALID kèm chẩn đoán',
  request: { body: { content: { 'application/json': { schema: CheckRequest } }, required: true } },
  responses: {
    201: { content: { 'application/json': { schema: PublishResult } }, description: 'Đã xuất bản' },
    200: { content: { 'application/json': { schema: PublishResult } }, description: 'Đã xuất bản từ trước (cùng văn bản)' },
    ...stdProblems,
  },
});

const published = createRoute({
  method: 'get',
  path: '/api/frameworks/published',
  tags: ['Bộ tiêu chí'],
  security,
  summary: 'Các phiên bản bộ tiêu chí đã xuất bản mà tài khoản được xem',
  responses: { 200: { content: { 'application/json': { schema: z.array(PublishedSchema) } }, description: 'Danh sách' }, ...stdProblems },
});

const publishedOne = createRoute({
  method: 'get',
  path: '/api/frameworks/published/{id}',
  tags: ['Bộ tiêu chí'],
  security,
  summary: 'Một phiên bản đã xuất bản, kèm văn bản nguồn (trong phạm vi tài khoản được xem)',
  request: { params: IdParam },
  responses: { 200: { content: { 'application/json': { schema: PublishedSchema.extend({ source: z.string() }).openapi('PublishedFrameworkSource') } }, description: 'Phiên bản' }, ...stdProblems },
});

type FrameworkRow = { id: string; plugin: string; version: string; title: string; content_hash: string; status: 'draft' | 'published' | 'retired'; effective_from: unknown; effective_to: unknown; published_by: string | null; published_at: unknown };
const dateOut = (d: unknown): string | null => (d == null ? null : d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));
function publishedOut(f: FrameworkRow, name: string | null): z.infer<typeof PublishedSchema> {
  return {
    id: f.id,
    plugin: f.plugin,
    framework: f.version.split('@')[0]!,
    version: f.version,
    title: f.title,
    contentHash: f.content_hash,
    status: f.status,
    effective: { from: dateOut(f.effective_from)!, to: dateOut(f.effective_to) },
    publishedBy: { id: f.published_by, name },
    publishedAt: f.published_at == null ? null : new Date(f.published_at as string).toISOString(),
  };
}

const frameworkNotFound = () => new ApiProblem(404, 'FRAMEWORK_NOT_FOUND', 'Không tìm thấy phiên bản bộ tiêu chí', 'No such framework version');

/** The frameworks routes. */
export function frameworkRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  // Before the detail route: `/api/frameworks/{plugin}/{id}` would otherwise take `published/{id}`.
  r.openapi(publishedOne, async (c) => {
    const a = await need(c, 'campaign.read');
    const id = c.req.valid('param').id;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw frameworkNotFound();
    const plugins = a.scope.role === 'national' ? null : ['locality', a.scope.province];
    const row = await scoped(c, a.scope, (trx) =>
      trx
        .selectFrom('frameworks')
        .leftJoin('users', 'users.id', 'frameworks.published_by')
        .selectAll('frameworks')
        .select('users.display_name as publisher')
        .where('frameworks.id', '=', id.toLowerCase())
        .where('frameworks.published_at', 'is not', null)
        .executeTakeFirst(),
    );
    // The same scope rule as the list: another province's versions are not found.
    if (!row || (plugins ? !plugins.includes(row.plugin) : !(row.plugin === 'locality' || /^[0-9]{2}$/.test(row.plugin)))) throw frameworkNotFound();
    return c.json({ ...publishedOut(row, row.publisher ?? null), source: row.source_text }, 200);
  });
  r.openapi(list, (c) => c.json(c.get('deps').registry.frameworks.map(summary), 200));
  r.openapi(detail, (c) => {
    const { plugin, id } = c.req.valid('param');
    const f = c.get('deps').registry.get(`${plugin}/${id}`);
    return c.json({ ref: f.ref, plugin: f.plugin, file: f.file, source: f.source, model: f.model as unknown as Record<string, unknown> }, 200);
  });
  r.openapi(check, (c) => {
    const { source, file } = c.req.valid('json');
    const lang = languageOf(c);
    const { examples, diagnostics: diags, valid } = checkDraft(c.get('deps').registry, source, file);
    return c.json(
      {
        valid,
        diagnostics: diags.map((d) => diagnosticOut(d, lang)),
        examples: examples.map((e) => ({ framework: e.framework, name: e.name, passed: e.passed, failures: e.failures.map((f) => ({ expected: f.expected, actual: f.actual })) })),
      },
      200,
    );
  });
  r.openapi(publish, async (c) => {
    const a = await need(c, 'publish.write');
    const { source, file } = c.req.valid('json');
    const lang = languageOf(c);
    const rt = runtime(c);
    const { res, examples, diagnostics, valid } = checkDraft(c.get('deps').registry, source, file);
    const failed = examples.filter((e) => !e.passed).length;
    const invalid = (vi: string, en: string) =>
      new ApiProblem(422, 'FRAMEWORK_INVALID', vi, en, {
        diagnostics: diagnostics.map((d) => diagnosticOut(d, lang)),
        examples: examples.map((e) => ({ framework: e.framework, name: e.name, passed: e.passed, failures: e.failures.map((f) => ({ expected: f.expected, actual: f.actual })) })),
      });
    if (!res.valid) {
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      throw invalid(`Tệp tiêu chí còn ${errors} lỗi, chưa thể xuất bản`, `The criteria file has ${errors} error(s); it cannot be published`);
    }
    if (!valid) throw invalid(`${failed} ví dụ mẫu không đạt, chưa thể xuất bản`, `${failed} worked example(s) fail; it cannot be published`);
    if (res.models.length !== 1)
      throw invalid(`Mỗi lần chỉ xuất bản được một bộ tiêu chí (tệp có ${res.models.length})`, `Publish one framework at a time (the file has ${res.models.length})`);
    const model = res.models[0]!;
    const loc = model.locality?.code;
    if (a.scope.role === 'province' && loc && loc !== a.scope.province) throw outOfScope();
    const plugin = a.scope.role === 'national' ? 'locality' : a.scope.province;
    const hash = contentHash(source);
    const version = `${model.id}@${hash.slice(0, 12)}`;
    const out = await scoped(c, a.scope, async (trx) => {
      const before = await trx.selectFrom('frameworks').select('id').where('plugin', '=', plugin).where('content_hash', '=', hash).executeTakeFirst();
      const fw = await ensureFramework(trx, {
        plugin,
        version,
        title: model.title,
        sourceText: source,
        effectiveFrom: model.effective?.from ?? rt.now().toISOString().slice(0, 10),
        effectiveTo: model.effective?.to ?? null,
        publishedBy: a.user.id,
        publishedAt: rt.now(),
        status: model.status === 'draft' ? 'draft' : 'published',
      });
      if (!before)
        await audit(trx, c, {
          province: a.scope.role === 'national' ? '00' : a.scope.province,
          action: 'framework.publish',
          subject: { kind: 'framework', id: fw.id },
          payload: { framework: model.id, version: fw.version, plugin, contentHash: fw.content_hash },
        });
      const by = fw.published_by ? await trx.selectFrom('users').select('display_name').where('id', '=', fw.published_by).executeTakeFirst() : undefined;
      return { created: !before, body: { ...publishedOut(fw, by?.display_name ?? null), created: !before } };
    });
    return c.json(out.body, out.created ? 201 : 200);
  });
  r.openapi(published, async (c) => {
    const a = await need(c, 'campaign.read');
    const plugins = a.scope.role === 'national' ? null : ['locality', a.scope.province];
    const rows = await scoped(c, a.scope, async (trx) => {
      let q = trx
        .selectFrom('frameworks')
        .leftJoin('users', 'users.id', 'frameworks.published_by')
        .selectAll('frameworks')
        .select('users.display_name as publisher')
        .where('frameworks.published_at', 'is not', null);
      q = plugins ? q.where('frameworks.plugin', 'in', plugins) : q.where((eb) => eb.or([eb('frameworks.plugin', '=', 'locality'), eb('frameworks.plugin', '~', '^[0-9]{2}$')]));
      return q.orderBy('frameworks.published_at', 'desc').orderBy('frameworks.id').execute();
    });
    return c.json(rows.map((f) => publishedOut(f, f.publisher ?? null)), 200);
  });
  return r;
}
