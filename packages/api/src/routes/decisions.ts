/** Decisions (two-person rule), campaign reports against the framework's targets, and audit-chain verification. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { campaignReport, decide, listDecisionsInScope, readDecision, verifyAudit, verifyPageUrl, withCaller } from '@hoctap/app';
import { callerOf, depsOf, need, runtime, type AppEnv } from '../context.js';
import { IdParam, isoDate, nfc, Paging, security, stdProblems } from './common.js';
import { registrationOut, RegistrationSchema } from '../views/campaigns.js';
import { decisionListItemOut, DecisionListItemSchema, decisionOut, DecisionSchema } from '../views/decisions.js';

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

const listDecisionsRoute = createRoute({
  method: 'get',
  path: '/api/decisions',
  tags: ['Quyết định'],
  security,
  summary: 'Danh sách quyết định trong địa bàn (mới nhất trước): số, ngày, người ký, danh hiệu, số hồ sơ được công nhận, đường dẫn tới quyết định và từng giấy công nhận',
  request: { query: z.object({ campaign: z.string().max(100).optional(), ...Paging }) },
  responses: { 200: { content: { 'application/json': { schema: z.object({ items: z.array(DecisionListItemSchema), total: z.number().int() }) } }, description: 'Danh sách' }, ...stdProblems },
});

/** Routes of decisions: take one (two-person rule, credentials in the same transaction), list them, read one. */
export function decisionRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(createDecisionRoute, async (c) => {
    const a = await need(c, 'decision.write');
    const rt = runtime(c);
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    const out = await withCaller(deps, caller, (trx) => decide(deps, caller, trx, c.req.valid('json')));
    return c.json(
      {
        decision: decisionOut(out.decision, out.recognised),
        registrations: out.moved.map(registrationOut),
        credentials: out.issued.map((x) => ({ id: x.id, registrationId: x.registrationId, verifyUrl: verifyPageUrl(rt, x.id) })),
      },
      201,
    );
  });
  r.openapi(listDecisionsRoute, async (c) => {
    const a = await need(c, 'campaign.read');
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    const rt = runtime(c);
    const q = c.req.valid('query');
    const page = await withCaller(deps, caller, (trx) => listDecisionsInScope(deps, caller, trx, { campaignId: q.campaign, limit: q.limit, offset: q.offset }));
    return c.json({ items: page.items.map((d) => decisionListItemOut(d, (id) => verifyPageUrl(rt, id))), total: page.total }, 200);
  });
  r.openapi(getDecisionRoute, async (c) => {
    const a = await need(c, 'campaign.read');
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    const d = await withCaller(deps, caller, (trx) => readDecision(deps, caller, trx, { id: c.req.valid('param').id }));
    return c.json(decisionOut(d, d.registrations), 200);
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

/** Routes of campaign reports. */
export function reportRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(reportRoute, async (c) => {
    const a = await need(c, 'report.read');
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    const { report } = await withCaller(deps, caller, (trx) => campaignReport(deps, caller, trx, { id: c.req.valid('param').id, kind: c.req.valid('query').denominator }));
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

/** Routes of the audit trail: verify its hash chains. */
export function auditRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(verifyRoute, async (c) => {
    const a = await need(c, 'audit.verify');
    return c.json(await verifyAudit(depsOf(c), callerOf(c, a)), 200);
  });
  return r;
}
