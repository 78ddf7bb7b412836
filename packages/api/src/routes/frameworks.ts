/** Frameworks: the registered criteria files, their checked models, and checking a draft. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { compileText, exampleDiagnostics, runExamples, type RegisteredFramework } from '@hoctap/core';
import type { AppEnv } from '../app.js';
import { CheckRequest, CheckResponse, DiagnosticSchema, FrameworkDetail, FrameworkSummary, Problem } from '../schemas.js';
import { languageOf } from '../problem.js';
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

/** The frameworks routes. */
export function frameworkRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(list, (c) => c.json(c.get('deps').registry.frameworks.map(summary), 200));
  r.openapi(detail, (c) => {
    const { plugin, id } = c.req.valid('param');
    const f = c.get('deps').registry.get(`${plugin}/${id}`);
    return c.json({ ref: f.ref, plugin: f.plugin, file: f.file, source: f.source, model: f.model as unknown as Record<string, unknown> }, 200);
  });
  r.openapi(check, (c) => {
    const { source, file } = c.req.valid('json');
    const lang = languageOf(c);
    const registry = c.get('deps').registry;
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
    const diags = [...res.diagnostics, ...exampleDiagnostics(examples)];
    return c.json(
      {
        valid: res.valid && examples.every((e) => e.passed),
        diagnostics: diags.map((d) => diagnosticOut(d, lang)),
        examples: examples.map((e) => ({ framework: e.framework, name: e.name, passed: e.passed, failures: e.failures.map((f) => ({ expected: f.expected, actual: f.actual })) })),
      },
      200,
    );
  });
  return r;
}
