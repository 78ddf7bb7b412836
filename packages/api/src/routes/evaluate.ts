/** Evaluation and "what if": score subjects against a framework without saving anything. */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { evaluate, explanationText } from '@hoctap/core';
import type { AppEnv } from '../context.js';
import { EvaluateRequest, EvaluateResponse, Problem } from '../schemas.js';
import { languageOf } from '../problem.js';

const route = createRoute({
  method: 'post',
  path: '/api/evaluate',
  tags: ['Đánh giá'],
  summary: 'Chấm điểm thử (không lưu): tổng điểm, danh hiệu, xếp loại và lời giải thích',
  request: { body: { content: { 'application/json': { schema: EvaluateRequest } }, required: true } },
  responses: {
    200: { content: { 'application/json': { schema: EvaluateResponse } }, description: 'Kết quả từng đối tượng' },
    400: { content: { 'application/problem+json': { schema: Problem } }, description: 'Yêu cầu sai' },
    404: { content: { 'application/problem+json': { schema: Problem } }, description: 'Không có bộ tiêu chí' },
  },
});

/** The evaluation routes. */
export function evaluateRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(route, (c) => {
    const body = c.req.valid('json');
    const f = c.get('deps').registry.get(body.framework);
    const lang = languageOf(c);
    const results = body.subjects.map((s) => {
      const res = evaluate(f.model, s, { explain: !!body.explain, ...(body.year !== undefined ? { year: body.year } : {}) });
      if (res.errors)
        return { ...(res.id !== undefined ? { id: res.id } : {}), errors: res.errors.map((e) => ({ code: e.code, ...(e.field ? { field: e.field } : {}), message: lang === 'en' ? e.messageEn : e.message })) };
      return {
        ...(res.id !== undefined ? { id: res.id } : {}),
        total: res.total,
        max: res.max,
        titles: [...res.titles],
        ...(res.level !== undefined ? { level: res.level } : {}),
        criteria: res.criteria.map((x) => ({ ...x })),
        ...(res.explanation ? { explanation: res.explanation, explanationText: explanationText(res.explanation) } : {}),
      };
    });
    return c.json({ framework: f.ref, results }, 200);
  });
  return r;
}
