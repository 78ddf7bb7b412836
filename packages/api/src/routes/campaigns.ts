/** Routes of campaigns (one title, one year, one locality, one framework version), their registrations (single and CSV/Excel bulk) and proposals. */
import { createHash } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  checkId,
  listCampaignRegistrations,
  listCampaignsInScope,
  openCampaign,
  proposeRegistrations,
  submitRegistrations,
  readCampaign,
  registerHouseholdsSheet,
  registerPeopleSheet,
  registerSubject,
  withCaller,
  type HouseholdsSheet,
  type PeopleSheet,
} from '@hoctap/app';
import { REGISTRATION_STATUSES, fold } from '@hoctap/db';
import { callerOf, depsOf, idempotency, need, type AppEnv } from '../context.js';
import { ApiProblem } from '../problem.js';
import { campaignOut, CampaignSchema, registrationListItemOut, RegistrationListItemSchema, registrationOut, RegistrationSchema, RowErrorSchema } from '../views/campaigns.js';
import { communeCode, IdParam, Paging, provinceCode, security, stdProblems } from './common.js';
import { CellError, headerKey, peopleHeader, personRecordOf, readTable, rowError, XLSX_TYPE } from '../imports.js';

const CampaignCreate = z
  .object({
    framework: z.string().min(3).max(200).optional().openapi({ example: 'phu-tho/cdht-phu-tho-2018', description: 'Bộ tiêu chí của một gói địa phương (plugin/id); hoặc frameworkVersionId' }),
    frameworkVersionId: z.string().max(100).optional().openapi({ description: 'Một phiên bản đã xuất bản từ trình soạn thảo (GET /api/frameworks/published)' }),
    year: z.number().int().min(2000).max(2200),
    province: provinceCode.optional(),
    commune: communeCode.nullable().optional().openapi({ description: 'Một xã (cách ghi cũ của communes: [xã])' }),
    communes: z
      .array(z.string().max(20))
      .max(1000)
      .optional()
      .openapi({ example: ['07900'], description: 'Các xã của đợt (mã 5 chữ số, thuộc tỉnh của đợt); bỏ trống: toàn tỉnh. Cán bộ xã chỉ mở cho một xã của mình' }),
    name: z
      .string()
      .max(1000)
      .optional()
      .openapi({ example: 'Công dân học tập năm 2026 — Xã Hy Cương', description: 'Tên đợt (NFC, bỏ khoảng trắng đầu cuối, 1–200 ký tự); bỏ trống: đặt theo danh hiệu, năm, địa bàn (thêm "đợt 2"… khi đã có đợt)' }),
    title: z.enum(['learning-citizen', 'learning-family', 'learning-clan', 'learning-community', 'learning-unit']).optional(),
    confirm: z.boolean().optional().openapi({ description: 'Xác nhận các cảnh báo (dự thảo, không có hiệu lực trong năm, đã có đợt cùng danh hiệu, năm, địa bàn); thiếu thì 409 CAMPAIGN_NEEDS_CONFIRM' }),
  })
  .strict()
  .refine((b) => (b.framework === undefined) !== (b.frameworkVersionId === undefined), 'cần đúng một trong hai: framework hoặc frameworkVersionId')
  .openapi('CampaignCreate');

const tags = ['Đợt đánh giá'];
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true as const });

const createCampaignRoute = createRoute({
  method: 'post',
  path: '/api/campaigns',
  tags,
  security,
  summary:
    'Mở đợt đánh giá: tên, danh hiệu, bộ tiêu chí (của gói địa phương, hoặc phiên bản đã xuất bản từ trình soạn thảo; phiên bản theo mã băm), các xã, năm; lịch chép từ bộ tiêu chí theo năm của đợt. Bộ tiêu chí dự thảo, không có hiệu lực trong năm, hoặc đã có đợt cùng danh hiệu, năm, địa bàn: 409 CAMPAIGN_NEEDS_CONFIRM (kèm cảnh báo, các đợt đã có và bộ tiêu chí đang có hiệu lực) trừ khi confirm: true; trùng cả tên với đợt đã có: 409 CAMPAIGN_NAME_TAKEN',
  request: { body: json(CampaignCreate) },
  responses: { 201: { content: { 'application/json': { schema: CampaignSchema } }, description: 'Đã mở' }, ...stdProblems },
});
const listCampaignsRoute = createRoute({
  method: 'get',
  path: '/api/campaigns',
  tags,
  security,
  summary: 'Các đợt đánh giá trong phạm vi',
  request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2200).optional(), ...Paging }) },
  responses: { 200: { content: { 'application/json': { schema: z.object({ items: z.array(CampaignSchema), total: z.number().int() }) } }, description: 'Danh sách' }, ...stdProblems },
});
const getCampaignRoute = createRoute({
  method: 'get',
  path: '/api/campaigns/{id}',
  tags,
  security,
  summary: 'Một đợt đánh giá',
  request: { params: IdParam },
  responses: { 200: { content: { 'application/json': { schema: CampaignSchema } }, description: 'Đợt' }, ...stdProblems },
});
const createRegistrationRoute = createRoute({
  method: 'post',
  path: '/api/campaigns/{id}/registrations',
  tags,
  security,
  summary: 'Đăng ký một người, hộ gia đình, dòng họ, cộng đồng hoặc đơn vị vào đợt (lặp lại thì trả về đăng ký đã có)',
  request: {
    params: IdParam,
    body: json(
      z
        .union([
          z.object({ personId: z.string().max(100) }).strict(),
          z
            .object({ subject: z.object({ kind: z.enum(['person', 'household', 'clan', 'community', 'unit']), id: z.string().max(100) }).strict() })
            .strict()
            .openapi({ description: 'Đối tượng phải đúng loại của bộ tiêu chí (`đối tượng`), nếu không: 422' }),
        ])
        .openapi('RegistrationCreate'),
    ),
  },
  responses: {
    201: { content: { 'application/json': { schema: RegistrationSchema } }, description: 'Đã đăng ký' },
    200: { content: { 'application/json': { schema: RegistrationSchema } }, description: 'Đã đăng ký từ trước' },
    ...stdProblems,
  },
});
const listRegistrationsRoute = createRoute({
  method: 'get',
  path: '/api/campaigns/{id}/registrations',
  tags,
  security,
  summary: 'Các đăng ký của đợt trong phạm vi, mỗi đăng ký kèm tên đối tượng và kết quả bình xét mới nhất (tổng, đạt hay không); từng trang (limit ≤ 200, offset) với total',
  request: { params: IdParam, query: z.object({ status: z.enum(REGISTRATION_STATUSES).optional(), ...Paging }) },
  responses: { 200: { content: { 'application/json': { schema: z.object({ items: z.array(RegistrationListItemSchema), total: z.number().int() }) } }, description: 'Danh sách' }, ...stdProblems },
});
const BulkResult = z
  .object({
    created: z.number().int(),
    existing: z.number().int(),
    rows: z.array(
      z.object({
        row: z.number().int(),
        personId: z.string().openapi({ description: 'Người của dòng (mẫu hộ gia đình: chủ hộ)' }),
        householdId: z.string().optional().openapi({ description: 'Mẫu hộ gia đình: hộ được đăng ký' }),
        registrationId: z.string(),
        outcome: z.enum(['created', 'existing']),
      }),
    ),
    skipped: z.number().int().optional().openapi({ description: 'Mẫu hộ gia đình: số dòng ghi “Không” ở cột Đăng ký danh hiệu' }),
    errors: z.array(RowErrorSchema),
  })
  .openapi('BulkRegistrationResult');
const bulkRoute = createRoute({
  method: 'post',
  path: '/api/campaigns/{id}/registrations/bulk',
  tags,
  security,
  summary:
    'Đăng ký hàng loạt từ CSV (UTF-8) hoặc Excel .xlsx (mẫu `/api/templates/people.xlsx`); dòng đầu là tên cột: fullName/ho_ten/“Họ và tên”, birthDate/ngay_sinh/“Ngày sinh” (ô ngày hoặc dd/mm/yyyy), sex/gioi_tinh, village/thon/“Thôn, tổ dân phố”, citizenId/cccd (ô Văn bản để giữ số 0 đầu), commune/ma_xa. Dòng lỗi được báo kèm số dòng, cột (chữ cái và tên cột), dòng đúng được giữ; gửi lại không tạo trùng (khoá tự nhiên: số định danh, hoặc xã + tên + ngày sinh; và header Idempotency-Key)',
  request: {
    params: IdParam,
    headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
    body: { content: { 'text/csv': { schema: z.string() }, [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } }, required: true },
  },
  responses: { 200: { content: { 'application/json': { schema: BulkResult } }, description: 'Kết quả từng dòng' }, ...stdProblems },
});
const proposalsRoute = createRoute({
  method: 'post',
  path: '/api/campaigns/{id}/proposals',
  tags,
  security,
  summary: 'Đề nghị công nhận các hồ sơ đã bình xét (tất cả hoặc không hồ sơ nào); người đề nghị được ghi lại',
  request: { params: IdParam, body: json(z.object({ registrationIds: z.array(z.string().max(100)).min(1).max(5000) }).strict().openapi('ProposalCreate')) },
  responses: { 200: { content: { 'application/json': { schema: z.object({ proposed: z.array(RegistrationSchema) }) } }, description: 'Đã đề nghị' }, ...stdProblems },
});

const MAX_CSV_BYTES = 2_000_000;
const MAX_CSV_ROWS = 5000;

const submissionsRoute = createRoute({
  method: 'post',
  path: '/api/campaigns/{id}/submissions',
  tags,
  security,
  summary: 'Nộp một loạt hồ sơ đã tự đánh giá cho hội đồng (tất cả hoặc không hồ sơ nào); mỗi hồ sơ được ghi nhật ký như khi nộp từng hồ sơ',
  request: { params: IdParam, body: json(z.object({ registrationIds: z.array(z.string().max(100)).min(1).max(5000) }).strict().openapi('SubmissionCreate')) },
  responses: { 200: { content: { 'application/json': { schema: z.object({ submitted: z.array(RegistrationSchema) }) } }, description: 'Đã nộp' }, ...stdProblems },
});

/** Routes of campaigns, their registrations (one, or a sheet) and proposals: schema, permission, one use case. */
export function campaignRoutes() {
  const r = new OpenAPIHono<AppEnv>();

  r.openapi(createCampaignRoute, async (c) => {
    const a = await need(c, 'campaign.write');
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    const body = c.req.valid('json');
    const { campaign, framework } = await withCaller(deps, caller, (trx) => openCampaign(deps, caller, trx, { ...body, framework: body.framework ?? '' }));
    return c.json(campaignOut(campaign, framework), 201);
  });

  r.openapi(listCampaignsRoute, async (c) => {
    const a = await need(c, 'campaign.read');
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    const page = await withCaller(deps, caller, (trx) => listCampaignsInScope(deps, caller, trx, c.req.valid('query')));
    return c.json({ items: page.items.map((x) => campaignOut(x.campaign, x.framework)), total: page.total }, 200);
  });

  r.openapi(getCampaignRoute, async (c) => {
    const a = await need(c, 'campaign.read');
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    const { campaign, framework } = await withCaller(deps, caller, (trx) => readCampaign(deps, caller, trx, { id: c.req.valid('param').id }));
    return c.json(campaignOut(campaign, framework), 200);
  });

  r.openapi(createRegistrationRoute, async (c) => {
    const a = await need(c, 'registration.write');
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    const body = c.req.valid('json');
    const input = { campaignId: c.req.valid('param').id, subject: 'personId' in body ? { kind: 'person' as const, id: body.personId } : body.subject };
    const res = await withCaller(deps, caller, (trx) => registerSubject(deps, caller, trx, input));
    return c.json(registrationOut(res.registration), res.created ? 201 : 200);
  });

  r.openapi(listRegistrationsRoute, async (c) => {
    const a = await need(c, 'campaign.read');
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    const page = await withCaller(deps, caller, (trx) => listCampaignRegistrations(deps, caller, trx, { campaignId: c.req.valid('param').id, ...c.req.valid('query') }));
    return c.json({ items: page.items.map(registrationListItemOut), total: page.total }, 200);
  });

  r.openapi(bulkRoute, async (c) => {
    const a = await need(c, 'registration.write');
    const id = checkId(c.req.valid('param').id, 'campaign');
    const table = await readTable(c, { maxBytes: MAX_CSV_BYTES, maxRows: MAX_CSV_ROWS });

    // Idempotency-Key: a retry with the same key and body replays the first answer.
    const requestHash = createHash('sha256').update(id).update('\0').update(table.digest).digest('hex');
    const once = idempotency<z.infer<typeof BulkResult>>(c, a.user.id, requestHash);
    if (once.replayed) return c.json(once.replayed, 200);

    const deps = depsOf(c);
    const caller = callerOf(c, a);
    // The platform's households template (Mã hộ, Chủ hộ, Thôn, …): one household per row, for a family campaign.
    const keys = table.header.map((h) => headerKey(h));
    const col = (...names: string[]) => keys.findIndex((k) => names.includes(k));
    const headAt = col('chuho', 'head', 'tenchuho');
    if (headAt >= 0 && !peopleHeader(table.header).includes('fullName')) {
      const villageAt = col('thontodanpho', 'village', 'thon');
      const communeAt = col('maxa', 'commune', 'xa');
      const registerAt = col('dangkydanhhieu', 'registered', 'dangky');
      const cell = (cells: readonly string[], i: number) => (i >= 0 ? (cells[i] ?? '').normalize('NFC').trim() : '');
      const sheet: HouseholdsSheet = {
        rows: table.rows,
        read: (row, cells, target) => {
          const head = cell(cells, headAt);
          if (!head) return { errors: [rowError(table, row, 'ROW_INVALID', new CellError(headAt, 'head', 'thiếu họ tên chủ hộ'))] };
          const commune = cell(cells, communeAt) || target.defaultCommune;
          if (!commune && target.communeRequired) return { errors: [rowError(table, row, 'ROW_INVALID', 'thiếu mã xã')] };
          const reg = fold(cell(cells, registerAt));
          return { record: { head, village: cell(cells, villageAt) || null, commune: commune ?? null, register: reg !== 'khong' && reg !== 'no' && reg !== 'k' }, errors: [] };
        },
      };
      const result = await withCaller(deps, caller, (trx) => registerHouseholdsSheet(deps, caller, trx, { campaignId: id, sheet }));
      once.remember(result);
      return c.json(result, 200);
    }
    const header = peopleHeader(table.header);
    if (!header.includes('fullName'))
      throw new ApiProblem(400, 'CSV_HEADER', 'Dòng đầu phải là tên cột và có cột họ tên (fullName, ho_ten hoặc “Họ và tên”)', 'The first row must name the columns, including fullName');
    const sheet: PeopleSheet = {
      rows: table.rows,
      read: (row, cells, target) => {
        const { record, errors } = personRecordOf(header, cells, target);
        return { record, errors: errors.map((e) => rowError(table, row, 'ROW_INVALID', e)) };
      },
    };
    const result = await withCaller(deps, caller, (trx) => registerPeopleSheet(deps, caller, trx, { campaignId: id, sheet }));
    once.remember(result);
    return c.json(result, 200);
  });

  r.openapi(submissionsRoute, async (c) => {
    const a = await need(c, 'registration.write');
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    const submitted = await withCaller(deps, caller, (trx) => submitRegistrations(deps, caller, trx, { campaignId: c.req.valid('param').id, registrationIds: c.req.valid('json').registrationIds }));
    return c.json({ submitted: submitted.map(registrationOut) }, 200);
  });
  r.openapi(proposalsRoute, async (c) => {
    const a = await need(c, 'proposal.write');
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    const proposed = await withCaller(deps, caller, (trx) => proposeRegistrations(deps, caller, trx, { campaignId: c.req.valid('param').id, registrationIds: c.req.valid('json').registrationIds }));
    return c.json({ proposed: proposed.map(registrationOut) }, 200);
  });

  return r;
}
