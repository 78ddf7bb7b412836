/**
 * One registration's steps: self-assessment (scored by the engine, timed by the campaign's
 * calendar), submit, committee review (the stored result keeps the framework version — content
 * hash — and the explanation), return for more evidence, withdraw, appeal, publish. Every step asks
 * `workflow.ts` whether it is legal in the current state (409 otherwise) under a row lock, and
 * commits with its audit entry in one transaction.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { evaluate, explanationText, type Model } from '@hoctap/core';
import { assessmentsOf, evidenceFilesOf, getRegistration, lockRegistrationWithCampaign, newAssessment, transitionRegistration, type Assessment, type Campaign, type EvidenceFile, type EvidenceMeta, type Framework, type Registration, type Scope } from '@hoctap/db';
import type { Transaction } from 'kysely';
import type { Database } from '@hoctap/db';
import { auditInput, idOr404, modelOf, need, notFound, readable, runtime, scoped, writable, type AppEnv, type Ctx } from '../context.js';
import { ApiProblem, languageOf } from '../problem.js';
import type { Permission } from '../security.js';
import { transition, WORKFLOW, type Action } from '../workflow.js';
import { IdParam, nfc, security, stdProblems } from './common.js';
import { campaignWithFramework, checkWindow, illegal, registrationOut, RegistrationSchema } from './campaigns.js';
import { assertEvidenceAsAssessed, evidenceOut, EvidenceFileSchema } from './evidence.js';

const score = z.union([z.number().finite(), z.boolean(), z.null()]);
/** An uploaded evidence file of the registration (`POST /api/registrations/{id}/evidence`), by id. */
const EvidenceId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'mã tệp minh chứng (uuid)');
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
    evidence: z
      .array(z.object({ id: z.string().optional(), indicator: z.string().optional(), name: z.string(), mediaType: z.string(), size: z.number(), sha256: z.string() }))
      .openapi({ description: 'Các tệp minh chứng lần chấm dựa vào (mã, chỉ số, tên, kiểu, cỡ, sha256)' }),
    result: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'Tổng, danh hiệu, xếp loại, lời giải thích; kèm phiên bản bộ tiêu chí (mã băm nội dung)' }),
  })
  .openapi('Assessment');

const StepResponse = z.object({ registration: RegistrationSchema, assessment: AssessmentSchema.optional() }).openapi('StepResult');
const Reason = z.object({ reason: nfc.pipe(z.string().max(2000)).optional() }).strict().openapi('StepReason');

function assessmentOut(x: Assessment): z.infer<typeof AssessmentSchema> {
  const evidence = (x.evidence ?? []).map((e) => ({
    ...(e.id ? { id: e.id } : {}),
    ...(e.indicator ? { indicator: e.indicator } : {}),
    name: e.name,
    mediaType: e.mediaType,
    size: e.size,
    sha256: e.sha256,
  }));
  return { id: x.id, kind: x.kind, assessedBy: x.assessed_by, assessedAt: new Date(x.assessed_at).toISOString(), scores: x.scores, evidence, result: x.result };
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
    200: {
      content: { 'application/json': { schema: z.object({ registration: RegistrationSchema, assessments: z.array(AssessmentSchema), evidence: z.array(EvidenceFileSchema) }) } },
      description: 'Hồ sơ, các lần chấm và các tệp minh chứng',
    },
    ...stdProblems,
  },
});

/** Loads and locks a registration the caller may act on, and checks that `action` is legal now. */
async function lockFor(trx: Transaction<Database>, scope: Scope, id: string, action: Action, campaignId?: string): Promise<Registration> {
  const reg = writable(scope, await getRegistration(trx, id, { forUpdate: true }), 'registration');
  if (campaignId !== undefined && reg.campaign_id !== campaignId) throw notFound('registration');
  if (!transition(action, reg.status)) throw illegal(action, reg.status);
  return reg;
}

/** What the engine scores: the stored or sent scores, evidence by indicator, group and attributes. */
export interface EngineInput {
  scores: Record<string, number | boolean | null>;
  evidence: Record<string, unknown[]>;
  group?: string | undefined;
  attributes?: Record<string, string> | undefined;
}

/**
 * Scores with the campaign's framework model: the stored result (framework version with its content
 * hash, totals, titles, criteria, explanation), or the engine's errors. The one scoring path of the
 * assessment endpoints and the recompute job.
 */
export function engineResult(found: { model: Model; ref: string }, framework: Framework, campaign: Campaign, registrationId: string, input: EngineInput, late: boolean) {
  const { model, ref } = found;
  const res = evaluate(
    model,
    {
      id: registrationId,
      year: campaign.year,
      scores: input.scores,
      evidence: input.evidence,
      ...(input.group ? { group: input.group } : {}),
      ...(input.attributes ? { attributes: input.attributes } : {}),
    },
    { explain: true, year: campaign.year },
  );
  if (res.errors) return { errors: res.errors } as const;
  const result = {
    framework: { ref, id: framework.id, version: framework.version, contentHash: framework.content_hash },
    total: res.total,
    max: res.max,
    titles: [...res.titles],
    ...(res.level !== undefined ? { level: res.level } : {}),
    criteria: res.criteria.map((x) => ({ ...x })),
    ...(input.group ? { group: input.group } : {}),
    ...(input.attributes ? { attributes: input.attributes } : {}),
    late,
    explanation: res.explanation ?? null,
    explanationText: res.explanation ? explanationText(res.explanation) : '',
  };
  return { result } as const;
}

/** Scores an assessment with the engine (stored by the move, {@link move}); a subject that cannot be scored is a 422. */
function score_(c: Ctx, loaded: { campaign: Campaign; framework: Framework; evidence: readonly EvidenceMeta[] }, reg: Registration, body: z.infer<typeof AssessmentRequest>, kind: 'self' | 'committee', late: boolean) {
  const rt = runtime(c);
  const { campaign, framework } = loaded;
  // The evidence: the named files of this registration, or all of them when none are named.
  const files = loaded.evidence;
  let chosen = files;
  if (body.evidence) {
    const byId = new Map(files.map((f) => [f.id, f]));
    const ids = [...new Set(body.evidence.map((x) => x.toLowerCase()))];
    const missing = ids.filter((x) => !byId.has(x));
    if (missing.length)
      throw new ApiProblem(422, 'EVIDENCE_NOT_FOUND', `Hồ sơ không có tệp minh chứng ${missing[0]}`, `The registration has no evidence file ${missing[0]}`, { missing });
    chosen = ids.map((x) => byId.get(x)!);
  }
  const evidence: Record<string, unknown[]> = {};
  for (const f of chosen) (evidence[f.indicator] ??= []).push({ id: f.id, name: f.file_name, sha256: f.sha256 });
  const evidenceRefs: EvidenceFile[] = chosen.map((f) => ({ id: f.id, indicator: f.indicator, name: f.file_name, mediaType: f.media_type, size: f.size, sha256: f.sha256 }));
  const scored = engineResult(modelOf(rt, c.get('deps').registry, framework), framework, campaign, reg.id, { scores: body.scores, evidence, group: body.group, attributes: body.attributes }, late);
  if (scored.errors) {
    const lang = languageOf(c);
    const errors = scored.errors.map((e) => ({ code: e.code, ...(e.field ? { field: e.field } : {}), message: lang === 'en' ? e.messageEn : e.message }));
    throw new ApiProblem(422, 'EVALUATION_FAILED', `Không chấm được: ${scored.errors[0]!.message}`, `Cannot score: ${scored.errors[0]!.messageEn}`, { errors });
  }
  const result = scored.result;
  return newAssessment({
    province: reg.province_code,
    commune: reg.commune_code,
    registrationId: reg.id,
    kind,
    scores: body.scores,
    evidence: evidenceRefs,
    notes: body.notes ?? null,
    assessedBy: c.get('auth')!.user.id,
    assessedAt: rt.now(),
    result,
  });
}

/** Moves the locked registration along `action`, with the audit entry, in the same transaction. */
async function move(c: Ctx, trx: Transaction<Database>, reg: Registration, action: Action, extra: { late?: boolean; reviewedBy?: string; payload?: Record<string, unknown>; assessment?: Assessment } = {}) {
  const rt = runtime(c);
  const to = transition(action, reg.status)!;
  // The move, the assessment that made it and its audit entry in one statement (written only if the row moved).
  const entry = auditInput(c, { province: reg.province_code, action: `registration.${action}`, subject: { kind: 'registration', id: reg.id }, payload: { from: reg.status, to, ...(extra.late ? { late: true } : {}), ...(extra.payload ?? {}) } });
  const moved = await transitionRegistration(trx, reg.id, [reg.status], to, { at: rt.now(), ...(extra.late ? { late: true } : {}), ...(extra.reviewedBy ? { reviewedBy: extra.reviewedBy } : {}), ...(extra.assessment ? { assessment: extra.assessment } : {}), audit: entry });
  if (!moved) throw illegal(action, reg.status);
  return moved;
}

export type AssessAction = 'self-assess' | 'review';

/** The content types the route validator treats as JSON (as @hono/zod-openapi does). */
const JSON_TYPE = /^application\/([a-z-.]+\+)?json/i;

/**
 * The one path of an assessment (single endpoints and the scores import): locks the registration,
 * checks that the step is legal now (409), that an appeal goes to another reviewer, the campaign's
 * calendar; scores with the engine (422 when it cannot) and moves the registration, with its audit
 * entry, in the caller's transaction. `expectCampaign`: the registration must belong to it (else 404).
 */
export async function assessRegistration(c: Ctx, trx: Transaction<Database>, scope: Scope, id: string, action: AssessAction, body: z.infer<typeof AssessmentRequest>, expectCampaign?: string): Promise<{ registration: Registration; assessment: Assessment }> {
  const userId = c.get('auth')!.user.id;
  // The registration (locked) and its campaign in one query.
  const locked = await lockRegistrationWithCampaign(trx, id);
  const reg = writable(scope, locked?.registration, 'registration');
  if (expectCampaign !== undefined && reg.campaign_id !== expectCampaign) throw notFound('registration');
  if (!transition(action, reg.status)) throw illegal(action, reg.status);
  if (action === 'review' && reg.status === 'appealed' && reg.reviewed_by === userId)
    throw new ApiProblem(409, 'SAME_REVIEWER', 'Khiếu nại phải do một người khác bình xét lại', 'An appeal must be reviewed by someone else');
  const loaded = { ...(await campaignWithFramework(trx, scope, locked!.campaign)), evidence: locked!.evidence };
  const { late } = checkWindow(loaded.campaign, WORKFLOW[action].step!, runtime(c).now());
  const assessment = score_(c, loaded, reg, body, action === 'review' ? 'committee' : 'self', late);
  const moved = await move(c, trx, reg, action, { late, ...(action === 'review' ? { reviewedBy: userId } : {}), payload: { assessment: assessment.id }, assessment });
  return { registration: moved, assessment };
}

export function registrationRoutes() {
  const r = new OpenAPIHono<AppEnv>();

  r.openapi(getRoute, async (c) => {
    const a = await need(c, 'campaign.read');
    const id = idOr404(c.req.valid('param').id, 'registration');
    const out = await scoped(c, a.scope, async (trx) => {
      const reg = readable(a.scope, await getRegistration(trx, id), 'registration');
      return { registration: registrationOut(reg), assessments: (await assessmentsOf(trx, id)).map(assessmentOut), evidence: (await evidenceFilesOf(trx, id)).map(evidenceOut) };
    });
    return c.json(out, 200);
  });

  // Assessments: self (registration officers) and committee review.
  const assess = (action: AssessAction, path: string, summary: string, permission: Permission) =>
    r.openapi(step(path, summary, AssessmentRequest), async (c) => {
      const a = await need(c, permission);
      const id = idOr404(c.req.valid('param').id, 'registration');
      // A JSON body has been validated by the route (the same schema); any other is parsed here.
      const body = JSON_TYPE.test(c.req.header('content-type') ?? '') ? (c.req.valid('json' as never) as z.infer<typeof AssessmentRequest>) : AssessmentRequest.parse(await c.req.json());
      const out = await scoped(c, a.scope, async (trx) => {
        const { registration, assessment } = await assessRegistration(c, trx, a.scope, id, action, body);
        return { registration: registrationOut(registration), assessment: assessmentOut(assessment) };
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
        if (action === 'submit') await assertEvidenceAsAssessed(trx, reg);
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
