/** Decisions (two-person rule), campaign reports against the framework's targets, and audit-chain verification. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { targetProgress } from '@hoctap/core';
import { createDecision, getDecision, getRegistration, latestAssessments, registrationCounts, transitionRegistration, verifyAuditChain, withScope, type Registration, type Scope } from '@hoctap/db';
import { sql } from 'kysely';
import { audit, idOr404, modelOf, need, notFound, readable, runtime, scoped, writable, type AppEnv, type Ctx } from '../context.js';
import { ApiProblem } from '../problem.js';
import { transition } from '../workflow.js';
import { IdParam, isoDate, nfc, security, stdProblems } from './common.js';
import { issueDecisionCredentials, verifyPageUrl } from '../credentials.js';
import { illegal, loadCampaign, registrationOut, RegistrationSchema } from './campaigns.js';

const DecisionCreate = z
  .object({
    campaignId: z.string().max(100),
    number: nfc.pipe(z.string().min(1).max(100)).openapi({ example: '125/QĐ-UBND' }),
    decidedOn: isoDate,
    signer: nfc.pipe(z.string().min(1).max(300)).openapi({ example: 'Chủ tịch UBND xã' }),
    recognised: z.array(z.string().max(100)).max(5000).default([]),
    notRecognised: z.array(z.string().max(100)).max(5000).default([]),
  })
  .strict()
  .refine((d) => d.recognised.length + d.notRecognised.length > 0, 'cần ít nhất một hồ sơ')
  .openapi('DecisionCreate');

const DecisionSchema = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    province: z.string(),
    commune: z.string().nullable(),
    number: z.string(),
    decidedOn: z.string(),
    signer: z.string(),
    proposerId: z.string(),
    approverId: z.string(),
    recognised: z.array(z.string()),
  })
  .openapi('Decision');

const createDecisionRoute = createRoute({
  method: 'post',
  path: '/api/decisions',
  tags: ['Quyết định'],
  security,
  summary: 'Ra quyết định công nhận: số, ngày, người ký; người duyệt phải khác người đề nghị (409 nếu trùng)',
  request: { body: { content: { 'application/json': { schema: DecisionCreate } }, required: true } },
  responses: {
    201: {
      content: {
        'application/json': {
          schema: z.object({
            decision: DecisionSchema,
            registrations: z.array(RegistrationSchema),
            credentials: z.array(z.object({ id: z.string(), registrationId: z.string(), verifyUrl: z.string() })).openapi({ description: 'Một chứng nhận (Open Badges 3.0) cho mỗi hồ sơ được công nhận, cấp trong cùng giao dịch' }),
          }),
        },
      },
      description: 'Đã ra quyết định',
    },
    ...stdProblems,
  },
});
const getDecisionRoute = createRoute({
  method: 'get',
  path: '/api/decisions/{id}',
  tags: ['Quyết định'],
  security,
  summary: 'Một quyết định và các hồ sơ được công nhận',
  request: { params: IdParam },
  responses: { 200: { content: { 'application/json': { schema: DecisionSchema } }, description: 'Quyết định' }, ...stdProblems },
});

export function decisionRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(createDecisionRoute, async (c) => {
    const a = await need(c, 'decision.write');
    const body = c.req.valid('json');
    const rt = runtime(c);
    const campaignId = idOr404(body.campaignId, 'campaign');
    const recognised = new Set(body.recognised.map((x) => idOr404(x, 'registration')));
    const refused = new Set(body.notRecognised.map((x) => idOr404(x, 'registration')));
    for (const id of recognised) if (refused.has(id)) throw new ApiProblem(400, 'CONTRADICTORY', 'Một hồ sơ vừa được công nhận vừa không', 'A registration is both recognised and not');
    const out = await scoped(c, a.scope, async (trx) => {
      const { campaign, framework } = await loadCampaign(trx, a.scope, campaignId);
      writable(a.scope, campaign, 'campaign');
      const regs: Registration[] = [];
      for (const id of [...recognised, ...refused].sort()) {
        const reg = writable(a.scope, await getRegistration(trx, id, { forUpdate: true }), 'registration');
        if (reg.campaign_id !== campaign.id) throw notFound('registration');
        const action = recognised.has(id) ? 'recognise' : 'not-recognise';
        if (!transition(action, reg.status)) throw illegal(action, reg.status);
        // Two people: whoever proposed a registration may not approve it (ASVS v5.0.0-2.3.5).
        if (reg.proposed_by === a.user.id)
          throw new ApiProblem(409, 'SAME_PERSON', 'Người duyệt quyết định phải khác người đề nghị', 'The approver must be someone other than the proposer', { registration: id });
        regs.push(reg);
      }
      const proposer = regs.find((x) => x.proposed_by)?.proposed_by;
      if (!proposer) throw illegal('recognise', regs[0]!.status);
      const decision = await createDecision(trx, {
        province: campaign.province_code,
        commune: campaign.commune_code,
        campaignId: campaign.id,
        number: body.number,
        decidedOn: body.decidedOn,
        signer: body.signer,
        proposerId: proposer,
        approverId: a.user.id,
        recognised: regs.filter((x) => recognised.has(x.id)).map((x) => ({ id: x.id, province: x.province_code, commune: x.commune_code })),
      });
      const moved: Registration[] = [];
      for (const reg of regs) {
        const to = recognised.has(reg.id) ? 'recognised' : 'not-recognised';
        const m = await transitionRegistration(trx, reg.id, ['proposed'], to, { at: rt.now() });
        if (!m) throw illegal(recognised.has(reg.id) ? 'recognise' : 'not-recognise', reg.status);
        moved.push(m);
      }
      // One signed credential per recognised subject, in this transaction: no decision without its credentials.
      const registry = c.get('deps').registry;
      const issued = await issueDecisionCredentials(rt, registry, trx, {
        decision,
        campaign,
        framework,
        model: modelOf(rt, registry, framework).model,
        recognised: regs.filter((x) => recognised.has(x.id)),
      });
      await audit(trx, c, {
        province: campaign.province_code,
        action: 'decision.create',
        subject: { kind: 'decision', id: decision.id },
        payload: { campaign: campaign.id, proposer, recognised: [...recognised].sort(), notRecognised: [...refused].sort(), credentials: issued.map((x) => x.id) },
      });
      return { decision, moved, issued };
    });
    const d = out.decision;
    return c.json(
      {
        decision: { id: d.id, campaignId: d.campaign_id, province: d.province_code, commune: d.commune_code, number: d.number, decidedOn: d.decided_on, signer: d.signer, proposerId: d.proposer_id, approverId: d.approver_id, recognised: [...recognised].sort() },
        registrations: out.moved.map(registrationOut),
        credentials: out.issued.map((x) => ({ id: x.id, registrationId: x.registrationId, verifyUrl: verifyPageUrl(rt, x.id) })),
      },
      201,
    );
  });
  r.openapi(getDecisionRoute, async (c) => {
    const a = await need(c, 'campaign.read');
    const id = idOr404(c.req.valid('param').id, 'decision');
    const d = readable(a.scope, await scoped(c, a.scope, (trx) => getDecision(trx, id)), 'decision');
    return c.json({ id: d.id, campaignId: d.campaign_id, province: d.province_code, commune: d.commune_code, number: d.number, decidedOn: d.decided_on, signer: d.signer, proposerId: d.proposer_id, approverId: d.approver_id, recognised: d.registrations }, 200);
  });
  return r;
}

const Share = z.object({ key: z.string(), count: z.number().int(), share: z.number() });
const ReportSchema = z
  .object({
    campaignId: z.string(),
    year: z.number().int(),
    framework: z.object({ ref: z.string(), contentHash: z.string() }),
    denominator: z.object({ kind: z.enum(['registered', 'all']), count: z.number().int(), description: z.string() }),
    statuses: z.record(z.string(), z.number().int()),
    recognised: z.number().int(),
    titles: z.array(Share),
    groups: z.array(Share),
    areaKinds: z.array(Share),
    targets: z.array(z.object({ text: z.string(), required: z.number(), share: z.number(), numerator: z.number().int(), denominator: z.number().int(), met: z.boolean(), shortBy: z.number().int() })),
  })
  .openapi('CampaignReport');

const reportRoute = createRoute({
  method: 'get',
  path: '/api/reports/campaigns/{id}',
  tags: ['Báo cáo'],
  security,
  summary: 'Báo cáo đợt: số lượng và tỉ lệ theo danh hiệu, nhóm đối tượng, loại địa bàn, so với chỉ tiêu; nói rõ mẫu số (đã đăng ký hay toàn bộ người dân của địa bàn)',
  request: { params: IdParam, query: z.object({ denominator: z.enum(['registered', 'all']).default('registered') }) },
  responses: { 200: { content: { 'application/json': { schema: ReportSchema } }, description: 'Báo cáo' }, ...stdProblems },
});

/** The campaign report (shared by the JSON route and the yearly report's xlsx and PDF). */
export async function campaignReport(c: Ctx, scope: Scope, id: string, kind: 'registered' | 'all') {
  const rt = runtime(c);
  return scoped(c, scope, async (trx) => {
    const { campaign, framework } = await loadCampaign(trx, scope, id);
    const { model, ref } = modelOf(rt, c.get('deps').registry, framework);
    const statuses = await registrationCounts(trx, campaign.id);
    const registered = Object.entries(statuses).reduce((n, [s, k]) => (s === 'withdrawn' ? n : n + k), 0);
    let people = registered;
    if (kind === 'all') {
      let q = trx.selectFrom('people').select(sql<number>`count(*)`.as('n')).where('province_code', '=', campaign.province_code);
      if (campaign.commune_code) q = q.where('commune_code', '=', campaign.commune_code);
      people = Number((await q.executeTakeFirstOrThrow()).n);
    }
    const committee = await latestAssessments(trx, campaign.id, 'committee');
    const regs = await trx.selectFrom('registrations').select(['id', 'status']).where('campaign_id', '=', campaign.id).execute();
    const holding = new Set(regs.filter((x) => x.status === 'recognised' || x.status === 'published').map((x) => x.id));
    const denominator = Math.max(kind === 'all' ? people : registered, 0);
    const share = (n: number) => (denominator > 0 ? Math.round((n * 10000) / denominator) / 100 : 0);
    const titles = new Map<string, number>();
    const groups = new Map<string, number>();
    const areas = new Map<string, number>();
    const members: { titles: string[] }[] = [];
    for (const x of committee) {
      if (!holding.has(x.registration_id)) continue;
      const res = (x.result ?? {}) as { titles?: string[]; group?: string; attributes?: Record<string, string> };
      for (const t of res.titles ?? []) titles.set(t, (titles.get(t) ?? 0) + 1);
      if (res.group) groups.set(res.group, (groups.get(res.group) ?? 0) + 1);
      for (const [k, v] of Object.entries(res.attributes ?? {})) areas.set(`${k}=${v}`, (areas.get(`${k}=${v}`) ?? 0) + 1);
      members.push({ titles: res.titles ?? [] });
    }
    while (members.length < denominator) members.push({ titles: [] });
    const list = (m: Map<string, number>) => [...m].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0], 'vi')).map(([key, count]) => ({ key, count, share: share(count) }));
    const targets = targetProgress(model, { year: campaign.year, members, denominator: kind }).map((t) => ({
      text: t.text, required: t.required, share: t.share, numerator: t.numerator, denominator: t.denominator, met: t.met, shortBy: t.shortBy,
    }));
    // Registered per target group (the group of the latest self-assessment, else the committee's), for the yearly report.
    const selfs = await latestAssessments(trx, campaign.id, 'self');
    const groupOf = new Map<string, string>();
    for (const x of [...selfs, ...committee]) {
      const g = (x.result as { group?: string } | null)?.group;
      if (g) groupOf.set(x.registration_id, g);
    }
    const registeredByGroup = new Map<string, number>();
    for (const x of regs) if (x.status !== 'withdrawn' && groupOf.has(x.id)) registeredByGroup.set(groupOf.get(x.id)!, (registeredByGroup.get(groupOf.get(x.id)!) ?? 0) + 1);
    const report = {
      campaignId: campaign.id,
      year: campaign.year,
      framework: { ref, contentHash: framework.content_hash },
      denominator: {
        kind,
        count: denominator,
        description: kind === 'registered' ? 'Mẫu số: số hồ sơ đã đăng ký trong đợt (trừ hồ sơ đã rút)' : 'Mẫu số: toàn bộ người dân có trong dữ liệu của địa bàn đợt đánh giá',
      },
      statuses,
      recognised: holding.size,
      titles: list(titles),
      groups: list(groups),
      areaKinds: list(areas),
      targets,
    };
    return { report, campaign, framework, model, registered, registeredByGroup };
  });
}

export function reportRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(reportRoute, async (c) => {
    const a = await need(c, 'report.read');
    const id = idOr404(c.req.valid('param').id, 'campaign');
    const { report } = await campaignReport(c, a.scope, id, c.req.valid('query').denominator);
    return c.json(report, 200);
  });
  return r;
}


const verifyRoute = createRoute({
  method: 'get',
  path: '/api/audit/verify',
  tags: ['Nhật ký'],
  security,
  summary: 'Kiểm tra chuỗi băm của nhật ký (chỉ quản trị nền tảng)',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ ok: z.boolean(), entries: z.number().int(), provinces: z.array(z.string()).optional(), province: z.string().optional(), seq: z.number().optional(), reason: z.string().optional() }) } },
      description: 'Kết quả',
    },
    ...stdProblems,
  },
});

export function auditRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(verifyRoute, async (c) => {
    const a = await need(c, 'audit.verify');
    const rt = runtime(c);
    const v = await withScope(rt.db, a.scope, (trx) => verifyAuditChain(trx));
    await audit(rt.db, c, { province: '00', action: 'audit.verify', payload: { ok: v.ok, entries: v.entries } });
    return c.json(v, 200);
  });
  return r;
}
