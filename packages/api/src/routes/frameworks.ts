/** Frameworks: the registered criteria files, their checked models, checking a draft and publishing a version (use cases in `@hoctap/app`). */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { checkDraft, diagnosticView, exampleView, publishedFrameworks, publishedFrameworkSource, publishFramework, withCaller } from '@hoctap/app';
import type { RegisteredFramework } from '@hoctap/core';
import { CheckRequest, CheckResponse, FrameworkDetail, FrameworkSummary, Problem } from '../schemas.js';
import { languageOf } from '../problem.js';
import { callerOf, depsOf, need, type AppEnv } from '../context.js';
import { IdParam, security, stdProblems } from './common.js';

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

/** The frameworks routes. */
export function frameworkRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  // Before the detail route: `/api/frameworks/{plugin}/{id}` would otherwise take `published/{id}`.
  r.openapi(publishedOne, async (c) => {
    const a = await need(c, 'campaign.read');
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    return c.json(await withCaller(deps, caller, (trx) => publishedFrameworkSource(deps, caller, trx, { id: c.req.valid('param').id })), 200);
  });
  r.openapi(list, (c) => c.json(c.get('deps').registry.frameworks.map(summary), 200));
  r.openapi(detail, (c) => {
    const { plugin, id } = c.req.valid('param');
    const f = c.get('deps').registry.get(`${plugin}/${id}`);
    return c.json({ ref: f.ref, plugin: f.plugin, file: f.file, source: f.source, model: f.model as unknown as Record<string, unknown> }, 200);
  });
  // No database and no sign-in: checking stores nothing.
  r.openapi(check, (c) => {
    const lang = languageOf(c);
    const res = checkDraft(c.get('deps'), c.req.valid('json'));
    return c.json({ valid: res.valid, diagnostics: res.diagnostics.map((d) => diagnosticView(d, lang)), examples: res.examples.map(exampleView) }, 200);
  });
  r.openapi(publish, async (c) => {
    const a = await need(c, 'framework.publish');
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    const out = await withCaller(deps, caller, (trx) => publishFramework(deps, caller, trx, { ...c.req.valid('json'), lang: languageOf(c) }));
    return c.json({ ...out.version, created: out.created }, out.created ? 201 : 200);
  });
  r.openapi(published, async (c) => {
    const a = await need(c, 'campaign.read');
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    return c.json(await withCaller(deps, caller, (trx) => publishedFrameworks(deps, caller, trx)), 200);
  });
  return r;
}
