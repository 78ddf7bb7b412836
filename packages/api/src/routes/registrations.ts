/**
 * One registration's steps: self-assessment (scored by the engine, timed by the campaign's
 * calendar), submit, committee review (the stored result keeps the framework version — content
 * hash — and the explanation), return for more evidence, withdraw, appeal, publish. Every step asks
 * `workflow.ts` whether it is legal in the current state (409 otherwise) under a row lock, and
 * commits with its audit entry in one transaction.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { evaluate, explanationText } from '@hoctap/core';
import { addAssessment, assessmentsOf, getRegistration, transitionRegistration, type Assessment, type Registration, type Scope } from '@hoctap/db';
import type { Transaction } from 'kysely';
import type { Database } from '@hoctap/db';
import { audit, idOr404, modelOf, need, readable, runtime, scoped, writable, type AppEnv, type Ctx } from '../context.js';
import { ApiProblem, languageOf } from '../problem.js';
import type { Permission } from '../security.js';
import { transition, WORKFLOW, type Action } from '../workflow.js';
import { IdParam, nfc, security, stdProblems } from './common.js';
import { checkWindow, illegal, loadCampaign, registrationOut, RegistrationSchema } from './campaigns.js';

const score = z.union([z.number().finite(), z.boolean(), z.null()]);
const Evidence = z.object({
  indicator: z.string().max(50),
  name: nfc.pipe(z.string().min(1).max(255)),
  mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i).max(100),
  size: z.number().int().min(0).max(50_000_000),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export const AssessmentRequest = z
  .object({
    scores: z.record(z.string().max(50), score).refine((o) => Object.keys(o).length <= 500, 'tối đa 500 chỉ số'),
    evidence: z.array(Evidence).max(200).optional(),
    group: z.string().max(100).optional(),
    attributes: z.record(z.string().max(50), nfc.pipe(z.string().max(100))).optional(),
    notes: nfc.pipe(z.string().max(4000)).optional(),
  })
  .strict()
  .openapi('AssessmentRequest');

const AssessmentSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['self', 'committee']),
    assessedBy: z.string().nullable(),
    assessedAt: z.string(),
    scores: z.record(z.string(), score),
    result: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'Tổng, danh hiệu, xếp loại, lời giải thích; kèm phiên bản bộ tiêu chí (mã băm nội dung)' }),
  })
  .openapi('Assessment');

const StepResponse = z.object({ registration: RegistrationSchema, assessment: AssessmentSchema.optional() }).openapi('StepResult');
const Reason = z.object({ reason: nfc.pipe(z.string().max(2000)).optional() }).strict().openapi('StepReason');

function assessmentOut(x: Assessment): z.infer<typeof AssessmentSchema> {
  return { id: x.id, kind: x.kind, assessedBy: x.assessed_by, assessedAt: new Date(x.assessed_at).toISOString(), scores: x.scores, result: x.result };
}

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
    200: { content: { 'application/json': { schema: z.object({ registration: RegistrationSchema, assessments: z.array(AssessmentSchema) }) } }, description: 'Hồ sơ' },
    ...stdProblems,
  },
});

/** Loads and locks a registration the caller may act on, and checks that `action` is legal now. */
async function lockFor(trx: Transaction<Database>, scope: Scope, id: string, action: Action): Promise<Registration> {
  const reg = writable(scope, await getRegistration(trx, id, { forUpdate: true }), 'registration');
  if (!transition(action, reg.status)) throw illegal(action, reg.status);
  return reg;
}

/** Scores an assessment with the engine; a subject that cannot be scored is a 422 (nothing stored). */
async function score_(c: Ctx, trx: Transaction<Database>, scope: Scope, reg: Registration, body: z.infer<typeof AssessmentRequest>, kind: 'self' | 'committee', late: boolean) {
  const rt = runtime(c);
  const { campaign, framework } = await loadCampaign(trx, scope, reg.campaign_id);
  const { model, ref } = modelOf(rt, c.get('deps').registry, framework);
  const evidence: Record<string, unknown[]> = {};
  for (const e of body.evidence ?? []) (evidence[e.indicator] ??= []).push({ name: e.name, sha256: e.sha256 });
  const res = evaluate(
    model,
    {
      id: reg.id,
      year: campaign.year,
      scores: body.scores,
      evidence,
      ...(body.group ? { group: body.group } : {}),
      ...(body.attributes ? { attributes: body.attributes } : {}),
    },
    { explain: true, year: campaign.year },
  );
  if (res.errors) {
    const lang = languageOf(c);
    const errors = res.errors.map((e) => ({ code: e.code, ...(e.field ? { field: e.field } : {}), message: lang === 'en' ? e.messageEn : e.message }));
    throw new ApiProblem(422, 'EVALUATION_FAILED', `Không chấm được: ${res.errors[0]!.message}`, `Cannot score: ${res.errors[0]!.messageEn}`, { errors });
  }
  const result = {
    framework: { ref, id: framework.id, version: framework.version, contentHash: framework.content_hash },
    total: res.total,
    max: res.max,
    titles: [...res.titles],
    ...(res.level !== undefined ? { level: res.level } : {}),
    criteria: res.criteria.map((x) => ({ ...x })),
    ...(body.group ? { group: body.group } : {}),
    ...(body.attributes ? { attributes: body.attributes } : {}),
    late,
    explanation: res.explanation ?? null,
    explanationText: res.explanation ? explanationText(res.explanation) : '',
  };
  return addAssessment(trx, {
    province: reg.province_code,
    commune: reg.commune_code,
    registrationId: reg.id,
    kind,
    scores: body.scores,
    evidence: (body.evidence ?? []).map((e) => ({ name: e.name, mediaType: e.mediaType, size: e.size, sha256: e.sha256, storageKey: `pending/${e.sha256}` })),
    notes: body.notes ?? null,
    assessedBy: c.get('auth')!.user.id,
    assessedAt: rt.now(),
    result,
  });
}

/** Moves the locked registration along `action`, with the audit entry, in the same transaction. */
async function move(c: Ctx, trx: Transaction<Database>, reg: Registration, action: Action, extra: { late?: boolean; reviewedBy?: string; payload?: Record<string, unknown> } = {}) {
  const rt = runtime(c);
  const to = transition(action, reg.status)!;
  const moved = await transitionRegistration(trx, reg.id, [reg.status], to, { at: rt.now(), ...(extra.late ? { late: true } : {}), ...(extra.reviewedBy ? { reviewedBy: extra.reviewedBy } : {}) });
  if (!moved) throw illegal(action, reg.status);
  await audit(trx, c, { province: reg.province_code, action: `registration.${action}`, subject: { kind: 'registration', id: reg.id }, payload: { from: reg.status, to, ...(extra.late ? { late: true } : {}), ...(extra.payload ?? {}) } });
  return moved;
}

export function registrationRoutes() {
  const r = new OpenAPIHono<AppEnv>();

  r.openapi(getRoute, async (c) => {
    const a = await need(c, 'campaign.read');
    const id = idOr404(c.req.valid('param').id, 'registration');
    const out = await scoped(c, a.scope, async (trx) => {
      const reg = readable(a.scope, await getRegistration(trx, id), 'registration');
      return { registration: registrationOut(reg), assessments: (await assessmentsOf(trx, id)).map(assessmentOut) };
    });
    return c.json(out, 200);
  });

  // Assessments: self (registration officers) and committee review.
  const assess = (action: 'self-assess' | 'review', path: string, summary: string, permission: Permission) =>
    r.openapi(step(path, summary, AssessmentRequest), async (c) => {
      const a = await need(c, permission);
      const id = idOr404(c.req.valid('param').id, 'registration');
      const body = AssessmentRequest.parse(await c.req.json());
      const out = await scoped(c, a.scope, async (trx) => {
        const reg = await lockFor(trx, a.scope, id, action);
        if (action === 'review' && reg.status === 'appealed' && reg.reviewed_by === a.user.id)
          throw new ApiProblem(409, 'SAME_REVIEWER', 'Khiếu nại phải do một người khác bình xét lại', 'An appeal must be reviewed by someone else');
        const { campaign } = await loadCampaign(trx, a.scope, reg.campaign_id);
        const { late } = checkWindow(campaign, WORKFLOW[action].step!, runtime(c).now());
        const assessment = await score_(c, trx, a.scope, reg, body, action === 'review' ? 'committee' : 'self', late);
        const moved = await move(c, trx, reg, action, { late, ...(action === 'review' ? { reviewedBy: a.user.id } : {}), payload: { assessment: assessment.id } });
        return { registration: registrationOut(moved), assessment: assessmentOut(assessment) };
      });
      return c.json(out, 200);
    });
  assess('self-assess', '/api/registrations/{id}/self-assessment', 'Tự đánh giá: điểm và minh chứng, chấm bằng bộ tiêu chí; quá hạn thì từ chối hoặc ghi nhận theo lịch', 'registration.write');
  assess('review', '/api/registrations/{id}/review', 'Bình xét của hội đồng: điểm, kết quả kèm phiên bản bộ tiêu chí và lời giải thích', 'review.write');

  const simple = (action: Action, path: string, summary: string, permission: Permission) =>
    r.openapi(step(path, summary, Reason), async (c) => {
      const a = await need(c, permission);
      const id = idOr404(c.req.valid('param').id, 'registration');
      const text = await c.req.text();
      const body = Reason.parse(text.trim() ? JSON.parse(text) : {});
      const out = await scoped(c, a.scope, async (trx) => {
        const reg = await lockFor(trx, a.scope, id, action);
        const moved = await move(c, trx, reg, action, { payload: { withReason: !!body.reason } });
        return { registration: registrationOut(moved) };
      });
      return c.json(out, 200);
    });
  simple('submit', '/api/registrations/{id}/submit', 'Nộp hồ sơ đã tự đánh giá', 'registration.write');
  simple('return', '/api/registrations/{id}/return', 'Trả lại hồ sơ để bổ sung minh chứng', 'review.write');
  simple('withdraw', '/api/registrations/{id}/withdraw', 'Rút đăng ký (trước khi được đề nghị công nhận)', 'registration.write');
  simple('appeal', '/api/registrations/{id}/appeal', 'Khiếu nại kết quả không công nhận: một người khác bình xét lại', 'registration.write');
  simple('publish', '/api/registrations/{id}/publish', 'Công bố kết quả đã công nhận', 'publish.write');
  void readable;
  return r;
}
