/**
 * Routes of one registration's steps: self-assessment, submit, committee review, return, withdraw,
 * appeal, publish. The rules (workflow state, calendar, engine, audit) are the use cases' in
 * `@hoctap/app` (`assessRegistration`, `stepRegistration`); a route checks the permission and the body.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { assessRegistration, checkId, readRegistration, stepRegistration, withCaller, type AssessAction, type StepAction } from '@hoctap/app';
import { callerOf, depsOf, need, type AppEnv } from '../context.js';
import { languageOf } from '../problem.js';
import type { Permission } from '../security.js';
import { IdParam, nfc, security, stdProblems } from './common.js';
import { registrationOut, RegistrationSchema } from '../views/campaigns.js';
import { assessmentOut, AssessmentSchema, evidenceOut, EvidenceFileSchema } from '../views/registrations.js';

const score = z.union([z.number().finite(), z.boolean(), z.null()]);
/** An uploaded evidence file of the registration (`POST /api/registrations/{id}/evidence`), by id. */
const EvidenceId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'mã tệp minh chứng (uuid)');
/** The body of a self-assessment or a review. */
export const AssessmentRequest = z
  .object({
    scores: z.record(z.string().max(50), score).refine((o) => Object.keys(o).length <= 500, 'tối đa 500 chỉ số'),
    evidence: z
      .array(EvidenceId)
      .max(200)
      .optional()
      .openapi({ description: 'Mã các tệp minh chứng đã tải lên của hồ sơ; bỏ trống: mọi tệp hiện có của hồ sơ' }),
    group: z.string().max(100).optional(),
    attributes: z.record(z.string().max(50), nfc.pipe(z.string().max(100))).optional(),
    notes: nfc.pipe(z.string().max(4000)).optional(),
    memberFacts: z
      .record(z.string().max(100), z.array(z.string().max(100)).max(100))
      .refine((o) => Object.keys(o).length <= 10_000, 'tối đa 10 000 thành viên')
      .optional()
      .openapi({ description: 'Hồ sơ của nhóm: các sự kiện (mã) nhóm xác nhận cho từng thành viên (mã người hoặc mã hộ → mã sự kiện); thành viên không có dòng nào là thiếu dữ liệu' }),
  })
  .strict()
  .openapi('AssessmentRequest');

const StepResponse = z.object({ registration: RegistrationSchema, assessment: AssessmentSchema.optional() }).openapi('StepResult');
const Reason = z.object({ reason: nfc.pipe(z.string().max(2000)).optional() }).strict().openapi('StepReason');

const tags = ['Hồ sơ'];
const step = (path: string, summary: string, body: z.ZodType | undefined) =>
  createRoute({
    method: 'post',
    path,
    tags,
    security,
    summary,
    request: { params: IdParam, ...(body ? { body: { content: { 'application/json': { schema: body } }, required: false } } : {}) },
    responses: { 200: { content: { 'application/json': { schema: StepResponse } }, description: 'Trạng thái mới' }, ...stdProblems },
  });

const getRoute = createRoute({
  method: 'get',
  path: '/api/registrations/{id}',
  tags,
  security,
  summary: 'Một hồ sơ đăng ký và các lần chấm',
  request: { params: IdParam },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ registration: RegistrationSchema, assessments: z.array(AssessmentSchema), evidence: z.array(EvidenceFileSchema) }) } },
      description: 'Hồ sơ, các lần chấm và các tệp minh chứng',
    },
    ...stdProblems,
  },
});

/** The content types the route validator treats as JSON (as @hono/zod-openapi does). */
const JSON_TYPE = /^application\/([a-z-.]+\+)?json/i;

/** Routes of one registration: read it, assess it, move it along the workflow — schema, permission, one use case. */
export function registrationRoutes() {
  const r = new OpenAPIHono<AppEnv>();

  r.openapi(getRoute, async (c) => {
    const a = await need(c, 'campaign.read');
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    const out = await withCaller(deps, caller, (trx) => readRegistration(deps, caller, trx, { id: c.req.valid('param').id }));
    return c.json({ registration: registrationOut(out.registration), assessments: out.assessments.map(assessmentOut), evidence: out.evidence.map(evidenceOut) }, 200);
  });

  // Assessments: self (registration officers) and committee review.
  const assess = (action: AssessAction, path: string, summary: string, permission: Permission) =>
    r.openapi(step(path, summary, AssessmentRequest), async (c) => {
      const a = await need(c, permission);
      const id = checkId(c.req.valid('param').id, 'registration');
      // A JSON body has been validated by the route (the same schema); any other is parsed here.
      const body = JSON_TYPE.test(c.req.header('content-type') ?? '') ? (c.req.valid('json' as never) as z.infer<typeof AssessmentRequest>) : AssessmentRequest.parse(await c.req.json());
      const deps = depsOf(c);
      const caller = callerOf(c, a);
      const { registration, assessment } = await withCaller(deps, caller, (trx) => assessRegistration(deps, caller, trx, { id, action, body, lang: languageOf(c) }));
      return c.json({ registration: registrationOut(registration), assessment: assessmentOut(assessment) }, 200);
    });
  assess('self-assess', '/api/registrations/{id}/self-assessment', 'Tự đánh giá: điểm và minh chứng, chấm bằng bộ tiêu chí; quá hạn thì từ chối hoặc ghi nhận theo lịch', 'registration.write');
  assess('review', '/api/registrations/{id}/review', 'Bình xét của hội đồng: điểm, kết quả kèm phiên bản bộ tiêu chí và lời giải thích', 'review.write');

  const simple = (action: StepAction, path: string, summary: string, permission: Permission) =>
    r.openapi(step(path, summary, Reason), async (c) => {
      const a = await need(c, permission);
      const id = checkId(c.req.valid('param').id, 'registration');
      const text = await c.req.text();
      const body = Reason.parse(text.trim() ? JSON.parse(text) : {});
      const deps = depsOf(c);
      const caller = callerOf(c, a);
      const moved = await withCaller(deps, caller, (trx) => stepRegistration(deps, caller, trx, { id, action, reason: body.reason }));
      return c.json({ registration: registrationOut(moved) }, 200);
    });
  simple('submit', '/api/registrations/{id}/submit', 'Nộp hồ sơ đã tự đánh giá', 'registration.write');
  simple('return', '/api/registrations/{id}/return', 'Trả lại hồ sơ để bổ sung minh chứng', 'review.write');
  simple('withdraw', '/api/registrations/{id}/withdraw', 'Rút đăng ký (trước khi được đề nghị công nhận)', 'registration.write');
  simple('appeal', '/api/registrations/{id}/appeal', 'Khiếu nại kết quả không công nhận: một người khác bình xét lại', 'registration.write');
  simple('publish', '/api/registrations/{id}/publish', 'Công bố kết quả đã công nhận', 'publish.write');
  return r;
}
