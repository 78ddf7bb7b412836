/** Campaigns (one title, one year, one locality, one framework version), their registrations (single and CSV bulk) and proposals. */
import { createHash } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { stepDates } from '@hoctap/core';
import {
  createCampaign,
  createPerson,
  createRegistration,
  ensureFramework,
  findPersonByCitizenId,
  fold,
  getCampaign,
  getFramework,
  getPerson,
  getRegistration,
  listCampaigns,
  listRegistrations,
  transitionRegistration,
  type CalendarWindow,
  type Campaign,
  type Database,
  type Framework,
  type Registration,
  type Scope,
} from '@hoctap/db';
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import { audit, idempotency, idOr404, localDate, need, notFound, outOfScope, readable, runtime, scoped, writable, type AppEnv, type Ctx } from '../context.js';
import { ApiProblem } from '../problem.js';
import { ACTION_NAMES_VI, STATE_NAMES_VI, transition, type Action, type State } from '../workflow.js';
import { assertCommuneInProvince, communeCode, IdParam, Paging, provinceCode, security, stdProblems, writeLocality } from './common.js';
import { citizenIdProblem } from './people.js';
import { peopleHeader, personRecordOf, readTable, rowError, XLSX_TYPE } from '../imports.js';

/** One row's problem: the row number, the column (letter and header) when one cell is at fault, a Vietnamese message. */
export const RowErrorSchema = z
  .object({ row: z.number().int(), column: z.string().optional(), header: z.string().optional(), field: z.string().optional(), code: z.string(), message: z.string() })
  .openapi('ImportRowError');

const TITLE_OF_SUBJECT = { citizen: 'learning-citizen', household: 'learning-family', clan: 'learning-clan', community: 'learning-community', commune: 'learning-community', unit: 'learning-unit' } as const;

export const CampaignSchema = z
  .object({
    id: z.string(),
    province: z.string(),
    commune: z.string().nullable(),
    title: z.string().openapi({ example: 'learning-citizen' }),
    year: z.number().int(),
    framework: z.object({ id: z.string(), plugin: z.string(), version: z.string(), contentHash: z.string() }),
    calendar: z.array(z.object({ name: z.string(), from: z.string().optional(), to: z.string(), late: z.enum(['refuse', 'flag']).optional(), label: z.string().optional() })),
    createdAt: z.string(),
  })
  .openapi('Campaign');

const CampaignCreate = z
  .object({
    framework: z.string().min(3).max(200).openapi({ example: 'phu-tho/cdht-phu-tho-2018' }),
    year: z.number().int().min(2000).max(2200),
    province: provinceCode.optional(),
    commune: communeCode.nullable().optional(),
    title: z.enum(['learning-citizen', 'learning-family', 'learning-clan', 'learning-community', 'learning-unit']).optional(),
  })
  .strict()
  .openapi('CampaignCreate');

export const RegistrationSchema = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    province: z.string(),
    commune: z.string().nullable(),
    subject: z.object({ kind: z.string(), id: z.string() }),
    status: z.string(),
    late: z.boolean(),
    registeredAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Registration');

export function campaignOut(cp: Campaign, fw: Framework): z.infer<typeof CampaignSchema> {
  return {
    id: cp.id,
    province: cp.province_code,
    commune: cp.commune_code,
    title: cp.title,
    year: cp.year,
    framework: { id: fw.id, plugin: fw.plugin, version: fw.version, contentHash: fw.content_hash },
    calendar: cp.calendar as z.infer<typeof CampaignSchema>['calendar'],
    createdAt: new Date(cp.created_at).toISOString(),
  };
}

export function registrationOut(r: Registration): z.infer<typeof RegistrationSchema> {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    province: r.province_code,
    commune: r.commune_code,
    subject: { kind: r.subject_kind, id: r.subject_id },
    status: r.status,
    late: r.late,
    registeredAt: new Date(r.registered_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** 409: the action is not allowed in the registration's state. */
export function illegal(action: Action, state: string): ApiProblem {
  return new ApiProblem(
    409,
    'ILLEGAL_TRANSITION',
    `Không thể ${ACTION_NAMES_VI[action]} khi hồ sơ ${STATE_NAMES_VI[state as State] ?? state}`,
    `Cannot ${action} a registration that is ${state}`,
    { state, action },
  );
}

/**
 * Checks an action's date against the campaign's calendar (copied from the framework): early or
 * late with policy `refuse` → 422; late with policy `flag` → accepted and flagged.
 */
export function checkWindow(cp: Campaign, step: string, now: Date): { late: boolean } {
  const w = (cp.calendar as CalendarWindow[]).find((x) => x.name === step);
  if (!w) return { late: false };
  const today = localDate(now);
  if (w.from && today < w.from)
    throw new ApiProblem(422, 'WINDOW_NOT_OPEN', `Chưa đến hạn ${w.label ?? step}: từ ${w.from}`, `The ${step} window opens on ${w.from}`, { window: w });
  if (today > w.to) {
    if (w.late === 'refuse')
      throw new ApiProblem(422, 'DEADLINE_PASSED', `Đã quá hạn ${w.label ?? step} (đến hết ${w.to})`, `The ${step} deadline (${w.to}) has passed`, { window: w });
    return { late: true };
  }
  return { late: false };
}

/** A campaign visible to the caller and its framework row. */
export async function loadCampaign(trx: Transaction<Database>, scope: Scope, id: string): Promise<{ campaign: Campaign; framework: Framework }> {
  return campaignWithFramework(trx, scope, await getCampaign(trx, id));
}

/** A campaign already read (checked against the scope) with its framework row. */
export async function campaignWithFramework(trx: Transaction<Database>, scope: Scope, row: Campaign | undefined): Promise<{ campaign: Campaign; framework: Framework }> {
  const campaign = readable(scope, row, 'campaign');
  // A framework row never changes once stored (a new version is a new row with a new random id),
  // so rows are cached by id.
  const cached = FRAMEWORK_ROWS.get(campaign.framework_id);
  if (cached) return { campaign, framework: cached };
  const framework = await getFramework(trx, campaign.framework_id);
  if (!framework) throw notFound('campaign');
  if (FRAMEWORK_ROWS.size > 500) FRAMEWORK_ROWS.clear();
  FRAMEWORK_ROWS.set(framework.id, framework);
  return { campaign, framework };
}

const FRAMEWORK_ROWS = new Map<string, Framework>();

const tags = ['Đợt đánh giá'];
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true as const });

const createCampaignRoute = createRoute({
  method: 'post',
  path: '/api/campaigns',
  tags,
  security,
  summary: 'Mở đợt đánh giá: danh hiệu, bộ tiêu chí (phiên bản theo mã băm), địa bàn, năm; lịch chép từ bộ tiêu chí',
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
  summary: 'Đăng ký một người vào đợt (lặp lại thì trả về đăng ký đã có)',
  request: { params: IdParam, body: json(z.object({ personId: z.string().max(100) }).strict().openapi('RegistrationCreate')) },
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
  summary: 'Các đăng ký của đợt trong phạm vi',
  request: { params: IdParam, query: z.object({ status: z.string().max(40).optional(), ...Paging }) },
  responses: { 200: { content: { 'application/json': { schema: z.object({ items: z.array(RegistrationSchema), total: z.number().int() }) } }, description: 'Danh sách' }, ...stdProblems },
});
const BulkResult = z
  .object({
    created: z.number().int(),
    existing: z.number().int(),
    rows: z.array(z.object({ row: z.number().int(), personId: z.string(), registrationId: z.string(), outcome: z.enum(['created', 'existing']) })),
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

/** Registers a person (visible, writable, in the campaign's locality) — shared by single and bulk. */
async function registerPerson(c: Ctx, trx: Transaction<Database>, scope: Scope, campaign: Campaign, personId: string, late: boolean) {
  const person = writable(scope, await getPerson(trx, runtime(c).cipher, personId), 'person');
  if (person.province_code !== campaign.province_code || (campaign.commune_code !== null && person.commune_code !== campaign.commune_code))
    throw new ApiProblem(422, 'SUBJECT_OUTSIDE_CAMPAIGN', 'Người này không thuộc địa bàn của đợt đánh giá', 'This person is outside the campaign’s locality');
  return createRegistration(trx, {
    province: person.province_code,
    commune: person.commune_code,
    campaignId: campaign.id,
    subject: { kind: 'person', id: person.id },
    registeredBy: c.get('auth')!.user.id,
    registeredAt: runtime(c).now(),
    late,
  });
}

export { parseCsv } from '../imports.js';

const MAX_CSV_BYTES = 2_000_000;
const MAX_CSV_ROWS = 5000;

export function campaignRoutes() {
  const r = new OpenAPIHono<AppEnv>();

  r.openapi(createCampaignRoute, async (c) => {
    const a = await need(c, 'campaign.write');
    const body = c.req.valid('json');
    const rt = runtime(c);
    const f = c.get('deps').registry.get(body.framework);
    const where = writeLocality(a.scope, body);
    const loc = f.model.locality?.code;
    if (loc && loc !== where.province && loc !== where.commune)
      throw new ApiProblem(422, 'FRAMEWORK_LOCALITY', `Bộ tiêu chí ${f.ref} dành cho địa bàn ${loc}`, `Framework ${f.ref} belongs to locality ${loc}`);
    const title = body.title ?? TITLE_OF_SUBJECT[f.model.subject];
    const calendar: CalendarWindow[] = f.model.calendar.map((s) => {
      const d = stepDates(s, body.year);
      return { name: s.step, ...(d.from ? { from: d.from } : {}), to: d.to, late: s.late, label: s.label ?? s.description };
    });
    const out = await scoped(c, a.scope, async (trx) => {
      await assertCommuneInProvince(trx, where.province, where.commune);
      const fw = await ensureFramework(trx, {
        plugin: f.plugin,
        version: `${f.model.id}@${createHash('sha256').update(f.source, 'utf8').digest('hex').slice(0, 12)}`,
        title,
        sourceText: f.source,
        effectiveFrom: f.model.effective?.from ?? `${body.year}-01-01`,
        effectiveTo: f.model.effective?.to ?? null,
        publishedBy: a.user.id,
        publishedAt: rt.now(),
      });
      const cp = await createCampaign(trx, { province: where.province, commune: where.commune, title, frameworkId: fw.id, year: body.year, calendar });
      await audit(trx, c, { province: cp.province_code, action: 'campaign.create', subject: { kind: 'campaign', id: cp.id }, payload: { framework: fw.id, contentHash: fw.content_hash, year: cp.year, commune: cp.commune_code } });
      return campaignOut(cp, fw);
    });
    return c.json(out, 201);
  });

  r.openapi(listCampaignsRoute, async (c) => {
    const a = await need(c, 'campaign.read');
    const q = c.req.valid('query');
    const out = await scoped(c, a.scope, async (trx) => {
      const page = await listCampaigns(trx, { ...(q.year !== undefined ? { year: q.year } : {}), limit: q.limit, offset: q.offset });
      const items = [];
      for (const cp of page.items) {
        const fw = await getFramework(trx, cp.framework_id);
        if (fw && readable(a.scope, cp, 'campaign')) items.push(campaignOut(cp, fw));
      }
      return { items, total: page.total };
    });
    return c.json(out, 200);
  });

  r.openapi(getCampaignRoute, async (c) => {
    const a = await need(c, 'campaign.read');
    const id = idOr404(c.req.valid('param').id, 'campaign');
    const out = await scoped(c, a.scope, async (trx) => {
      const { campaign, framework } = await loadCampaign(trx, a.scope, id);
      return campaignOut(campaign, framework);
    });
    return c.json(out, 200);
  });

  r.openapi(createRegistrationRoute, async (c) => {
    const a = await need(c, 'registration.write');
    const id = idOr404(c.req.valid('param').id, 'campaign');
    const personId = idOr404(c.req.valid('json').personId, 'person');
    const res = await scoped(c, a.scope, async (trx) => {
      const { campaign } = await loadCampaign(trx, a.scope, id);
      const { late } = checkWindow(campaign, 'registration', runtime(c).now());
      const res = await registerPerson(c, trx, a.scope, campaign, personId, late);
      if (res.created)
        await audit(trx, c, { province: res.registration.province_code, action: 'registration.create', subject: { kind: 'registration', id: res.registration.id }, payload: { campaign: campaign.id, late } });
      return res;
    });
    return c.json(registrationOut(res.registration), res.created ? 201 : 200);
  });

  r.openapi(listRegistrationsRoute, async (c) => {
    const a = await need(c, 'campaign.read');
    const id = idOr404(c.req.valid('param').id, 'campaign');
    const q = c.req.valid('query');
    const out = await scoped(c, a.scope, async (trx) => {
      await loadCampaign(trx, a.scope, id);
      const page = await listRegistrations(trx, id, { ...(q.status ? { status: q.status as State } : {}), limit: q.limit, offset: q.offset });
      return { items: page.items.filter((x) => readable(a.scope, x, 'registration')).map(registrationOut), total: page.total };
    });
    return c.json(out, 200);
  });

  r.openapi(bulkRoute, async (c) => {
    const a = await need(c, 'registration.write');
    const rt = runtime(c);
    const id = idOr404(c.req.valid('param').id, 'campaign');
    const table = await readTable(c, { maxBytes: MAX_CSV_BYTES, maxRows: MAX_CSV_ROWS });

    // Idempotency-Key: a retry with the same key and body replays the first answer.
    const requestHash = createHash('sha256').update(id).update('\0').update(table.digest).digest('hex');
    const once = idempotency<z.infer<typeof BulkResult>>(c, a.user.id, requestHash);
    if (once.replayed) return c.json(once.replayed, 200);

    const header = peopleHeader(table.header);
    if (!header.includes('fullName'))
      throw new ApiProblem(400, 'CSV_HEADER', 'Dòng đầu phải là tên cột và có cột họ tên (fullName, ho_ten hoặc “Họ và tên”)', 'The first row must name the columns, including fullName');

    const result = await scoped(c, a.scope, async (trx) => {
      const { campaign } = await loadCampaign(trx, a.scope, id);
      const { late } = checkWindow(campaign, 'registration', rt.now());
      const out: z.infer<typeof BulkResult> = { created: 0, existing: 0, rows: [], errors: [] };
      const target = {
        defaultCommune: campaign.commune_code ?? (a.scope.role === 'commune' && a.scope.communes.length === 1 ? a.scope.communes[0]! : null),
        // A province-level campaign (staff of provincial agencies, as in Phú Thọ 2018) may register
        // people who belong to no commune; a commune officer always files under a commune.
        communeRequired: campaign.commune_code !== null || a.scope.role === 'commune',
        campaignCommune: campaign.commune_code,
        scope: a.scope,
      };
      for (const { row: rowNo, cells } of table.rows) {
        const { record: v, errors } = personRecordOf(header, cells, target);
        if (!v) {
          for (const e of errors) out.errors.push(rowError(table, rowNo, 'ROW_INVALID', e));
          continue;
        }
        await sql.raw('SAVEPOINT bulk_row').execute(trx);
        try {
          const { birthDate, sex, commune } = v;
          const where = writeLocality(a.scope, { province: campaign.province_code, commune });
          await assertCommuneInProvince(trx, where.province, where.commune);
          // The natural key: the citizen id, else commune + folded name + birth date.
          let person = v.citizenId ? await findPersonByCitizenId(trx, rt.cipher, v.citizenId) : undefined;
          if (!person && !v.citizenId) {
            const found = await trx
              .selectFrom('people')
              .select('id')
              .where('province_code', '=', where.province)
              .where((eb) => (commune ? eb('commune_code', '=', commune) : eb('commune_code', 'is', null)))
              .where('name_folded', '=', fold(v.fullName))
              .where((eb) => (birthDate ? eb('birth_date', '=', birthDate) : eb('birth_date', 'is', null)))
              .executeTakeFirst();
            if (found) person = await getPerson(trx, rt.cipher, found.id);
          }
          if (!person) {
            person = await createPerson(trx, rt.cipher, { province: where.province, commune: where.commune, fullName: v.fullName, birthDate, sex, village: v.village, citizenId: v.citizenId }).catch(citizenIdProblem);
          }
          const reg = await registerPerson(c, trx, a.scope, campaign, person.id, late);
          await sql.raw('RELEASE SAVEPOINT bulk_row').execute(trx);
          out.rows.push({ row: rowNo, personId: person.id, registrationId: reg.registration.id, outcome: reg.created ? 'created' : 'existing' });
          if (reg.created) out.created++;
          else out.existing++;
        } catch (e) {
          await sql.raw('ROLLBACK TO SAVEPOINT bulk_row').execute(trx);
          const code = e instanceof ApiProblem ? e.code : e instanceof RangeError ? 'ROW_INVALID' : (e as { code?: string }).code === '23505' ? 'CITIZEN_ID_TAKEN' : undefined;
          if (!code) throw e;
          const message = e instanceof ApiProblem ? e.vi : code === 'CITIZEN_ID_TAKEN' ? 'số định danh đã thuộc một người ở địa bàn khác' : (e as Error).message;
          out.errors.push({ row: rowNo, code, message });
        }
      }
      await audit(trx, c, { province: campaign.province_code, action: 'registration.bulk', subject: { kind: 'campaign', id: campaign.id }, payload: { created: out.created, existing: out.existing, errors: out.errors.length, late } });
      return out;
    });
    once.remember(result);
    return c.json(result, 200);
  });

  r.openapi(proposalsRoute, async (c) => {
    const a = await need(c, 'proposal.write');
    const id = idOr404(c.req.valid('param').id, 'campaign');
    const ids = [...new Set(c.req.valid('json').registrationIds.map((x) => idOr404(x, 'registration')))];
    const rt = runtime(c);
    const proposed = await scoped(c, a.scope, async (trx) => {
      const { campaign } = await loadCampaign(trx, a.scope, id);
      const out: Registration[] = [];
      for (const rid of ids.sort()) {
        const reg = writable(a.scope, await getRegistration(trx, rid, { forUpdate: true }), 'registration');
        if (reg.campaign_id !== campaign.id) throw notFound('registration');
        if (!transition('propose', reg.status)) throw illegal('propose', reg.status);
        const moved = await transitionRegistration(trx, rid, [reg.status], 'proposed', { at: rt.now(), proposedBy: a.user.id });
        if (!moved) throw illegal('propose', reg.status);
        out.push(moved);
      }
      await audit(trx, c, { province: campaign.province_code, action: 'proposal.create', subject: { kind: 'campaign', id: campaign.id }, payload: { registrations: out.map((x) => x.id) } });
      return out;
    });
    return c.json({ proposed: proposed.map(registrationOut) }, 200);
  });

  void outOfScope;
  return r;
}
