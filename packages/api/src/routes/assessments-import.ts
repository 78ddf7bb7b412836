/**
 * The scores import: a CSV or Excel file (the `scores` template's columns — the registration or
 * person key, then one column per indicator of the campaign's framework) records, for each good row,
 * the self-assessment or the committee review through the same code path as the single endpoints
 * (`assessRegistration`: workflow state, other reviewer for appeals, calendar, engine, audit). Bad rows
 * are reported with their row, column and a Vietnamese message; good rows are kept; a retry writes
 * nothing twice (Idempotency-Key replays the first answer; without one an unchanged row is skipped).
 */
import { createHash } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Model } from '@hoctap/core';
import { assessmentsOf, findPersonByCitizenId, fold, normalize, type Database } from '@hoctap/db';
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import { audit, idempotency, idOr404, modelOf, need, runtime, scoped, type AppEnv, type Ctx } from '../context.js';
import { CellError, headerKey, readTable, rowError, XLSX_TYPE, type RowError, type Table } from '../imports.js';
import { ApiProblem } from '../problem.js';
import { WORKFLOW } from '../workflow.js';
import { IdParam, security, stdProblems } from './common.js';
import { loadCampaign, RowErrorSchema } from './campaigns.js';
import { assessRegistration, type AssessAction } from './registrations.js';

const MAX_BYTES = 2_000_000;
const MAX_ROWS = 5000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ScoresImportResult = z
  .object({
    kind: z.enum(['self', 'committee']),
    recorded: z.number().int(),
    unchanged: z.number().int(),
    rows: z.array(
      z.object({
        row: z.number().int(),
        registrationId: z.string(),
        outcome: z.enum(['recorded', 'unchanged']),
        assessmentId: z.string().optional(),
        status: z.string(),
        total: z.number().nullable(),
      }),
    ),
    errors: z.array(RowErrorSchema),
  })
  .openapi('ScoresImportResult');
type Result = z.infer<typeof ScoresImportResult>;

const route = createRoute({
  method: 'post',
  path: '/api/campaigns/{id}/assessments/bulk',
  tags: ['Đợt đánh giá'],
  security,
  summary:
    'Nhập điểm hàng loạt từ CSV hoặc Excel .xlsx (mẫu `/api/templates/scores.xlsx?framework=…`): cột “Mã” là mã hồ sơ, mã người hoặc số định danh; mỗi chỉ số một cột (“Chỉ số 1.1” hoặc “1.1”). `kind=self`: tự đánh giá; `kind=committee`: bình xét của hội đồng — cùng quy tắc như chấm từng hồ sơ. Dòng lỗi được báo kèm số dòng và cột, dòng đúng được giữ; gửi lại không ghi trùng (Idempotency-Key, và dòng không đổi thì bỏ qua)',
  request: {
    params: IdParam,
    query: z.object({ kind: z.enum(['self', 'committee']).openapi({ description: 'self: tự đánh giá; committee: bình xét của hội đồng' }) }),
    headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
    body: { content: { 'text/csv': { schema: z.string() }, [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } }, required: true },
  },
  responses: { 200: { content: { 'application/json': { schema: ScoresImportResult } }, description: 'Kết quả từng dòng' }, ...stdProblems },
});

/** What each column of a scores file holds. */
type ColumnRole = { role: 'key' } | { role: 'group' } | { role: 'indicator'; id: string } | { role: 'attribute'; id: string } | undefined;

const KEY_HEADERS = new Set(['ma', 'id', 'mahoso', 'registrationid', 'registration', 'personid', 'manguoi', 'cccd', 'citizenid', 'sodinhdanh', 'sodinhdanhcanhan']);

function columnsOf(table: Table, model: Model): ColumnRole[] {
  const indicators = new Map(model.indicators.map((i) => [fold(normalize(i.id)).toLowerCase(), i.id] as const));
  const attributes = new Map(model.attributes.map((a) => [headerKey(a.name), a.id] as const));
  return table.header.map((h): ColumnRole => {
    const k = headerKey(h);
    if (KEY_HEADERS.has(k)) return { role: 'key' };
    if (k === 'nhomdoituong' || k === 'group') return { role: 'group' };
    const ind = indicators.get(k.replace(/^(chiso|indicator)/, ''));
    if (ind && !k.startsWith('minhchung')) return { role: 'indicator', id: ind };
    const attr = attributes.get(k);
    if (attr) return { role: 'attribute', id: attr };
    return undefined;
  });
}

/** The registration of this campaign a key names: a registration id, a person id or a citizen id. */
async function registrationOf(c: Ctx, trx: Transaction<Database>, campaignId: string, key: string): Promise<string | undefined> {
  const byPerson = (personId: string) =>
    trx.selectFrom('registrations').select('id').where('campaign_id', '=', campaignId).where('subject_kind', '=', 'person').where('subject_id', '=', personId).executeTakeFirst();
  if (UUID.test(key)) {
    const id = key.toLowerCase();
    const reg = await trx.selectFrom('registrations').select('id').where('id', '=', id).where('campaign_id', '=', campaignId).executeTakeFirst();
    return (reg ?? (await byPerson(id)))?.id;
  }
  const digits = key.replace(/\s+/g, '');
  if (/^[0-9]{12}$/.test(digits)) {
    const person = await findPersonByCitizenId(trx, runtime(c).cipher, digits);
    return person ? (await byPerson(person.id))?.id : undefined;
  }
  return undefined;
}

const yesNo = (s: string): boolean | undefined => {
  const f = fold(s).trim();
  if (['co', 'x', '1', 'true', 'dat', 'yes'].includes(f)) return true;
  if (['khong', '0', 'false', 'chua', 'no'].includes(f)) return false;
  return undefined;
};

const num = (x: number) => String(x).replace('.', ',');

/** A row's request body (scores, group, attributes), or its cell errors. */
function bodyOf(cols: ColumnRole[], cells: string[], model: Model): { body?: { scores: Record<string, number | boolean>; group?: string; attributes?: Record<string, string> }; errors: CellError[] } {
  const errors: CellError[] = [];
  const cell = (j: number) => (cells[j] ?? '').normalize('NFC').trim();
  let group: string | undefined;
  const gj = cols.findIndex((x) => x?.role === 'group');
  if (gj >= 0 && cell(gj)) {
    const g = cell(gj);
    group = model.groups.find((x) => x.name.normalize('NFC') === g || x.id === g || fold(x.name) === fold(g))?.id;
    if (!group) errors.push(new CellError(gj, 'group', `nhóm “${g}” không có trong bộ tiêu chí`));
  } else if (model.groups.length && gj >= 0) errors.push(new CellError(gj, 'group', 'thiếu nhóm đối tượng'));
  const attributes: Record<string, string> = {};
  const scores: Record<string, number | boolean> = {};
  cols.forEach((col, j) => {
    const v = cell(j);
    if (!col || v === '') return;
    if (col.role === 'attribute') {
      const a = model.attributes.find((x) => x.id === col.id)!;
      if (a.values.length && !a.values.map((x) => x.normalize('NFC')).includes(v)) errors.push(new CellError(j, col.id, `giá trị “${v}” không có trong danh sách`));
      else attributes[col.id] = v;
    }
    if (col.role !== 'indicator') return;
    const ind = model.indicators.find((x) => x.id === col.id)!;
    if (ind.onlyFor.length && (group === undefined || !ind.onlyFor.includes(group))) {
      errors.push(new CellError(j, col.id, `chỉ số ${ind.id} không áp dụng cho nhóm đối tượng này`));
      return;
    }
    const max = (group !== undefined ? ind.variants[group]?.max : undefined) ?? ind.max;
    if (ind.measure.kind === 'yes-no') {
      const y = yesNo(v);
      if (y === undefined) errors.push(new CellError(j, col.id, `“${v}” không phải Có / Không`));
      else scores[ind.id] = y;
      return;
    }
    if (ind.measure.kind === 'member-ratio') return; // computed from the members, never entered
    const x = Number(v.replace(',', '.'));
    if (!/^-?\d+([.,]\d+)?$/.test(v) || !Number.isFinite(x)) errors.push(new CellError(j, col.id, `“${v}” không phải là số`));
    else if (x < 0) errors.push(new CellError(j, col.id, `điểm ${num(x)} âm`));
    else if (x > max) errors.push(new CellError(j, col.id, `điểm ${num(x)} lớn hơn điểm tối đa ${num(max)} của chỉ số ${ind.id}`));
    else scores[ind.id] = x;
  });
  if (errors.length) return { errors };
  return { body: { scores, ...(group !== undefined ? { group } : {}), ...(Object.keys(attributes).length ? { attributes } : {}) }, errors };
}

const same = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)]));
  return v;
}

export function assessmentImportRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(route, async (c) => {
    const kind = c.req.valid('query').kind;
    const action: AssessAction = kind === 'committee' ? 'review' : 'self-assess';
    const a = await need(c, kind === 'committee' ? 'review.write' : 'registration.write');
    const rt = runtime(c);
    const id = idOr404(c.req.valid('param').id, 'campaign');
    const table = await readTable(c, { maxBytes: MAX_BYTES, maxRows: MAX_ROWS });

    const requestHash = createHash('sha256').update('assessments\0').update(id).update('\0').update(kind).update('\0').update(table.digest).digest('hex');
    const once = idempotency<Result>(c, a.user.id, requestHash);
    if (once.replayed) return c.json(once.replayed, 200);

    const result = await scoped(c, a.scope, async (trx) => {
      const { campaign, framework } = await loadCampaign(trx, a.scope, id);
      const { model } = modelOf(rt, c.get('deps').registry, framework);
      const cols = columnsOf(table, model);
      const keyCol = cols.findIndex((x) => x?.role === 'key');
      if (keyCol < 0 || !cols.some((x) => x?.role === 'indicator'))
        throw new ApiProblem(
          400,
          'SCORES_HEADER',
          'Dòng đầu phải là tên cột: cột “Mã” (mã hồ sơ, mã người hoặc số định danh) và các cột “Chỉ số …” của bộ tiêu chí',
          'The first row must name the columns: “Mã” (registration, person or citizen id) and the framework’s “Chỉ số …” indicator columns',
        );
      const out: Result = { kind, recorded: 0, unchanged: 0, rows: [], errors: [] };
      const seen = new Map<string, number>();
      for (const { row, cells } of table.rows) {
        const errors: RowError[] = [];
        const keyText = (cells[keyCol] ?? '').trim();
        const regId = keyText ? await registrationOf(c, trx, campaign.id, keyText) : undefined;
        if (!keyText) errors.push(rowError(table, row, 'ROW_INVALID', new CellError(keyCol, 'key', 'thiếu mã')));
        else if (!regId) errors.push(rowError(table, row, 'SUBJECT_NOT_FOUND', new CellError(keyCol, 'key', `không có người hay hồ sơ “${keyText}” trong đợt đánh giá này`)));
        else if (seen.has(regId)) errors.push(rowError(table, row, 'DUPLICATE_ROW', new CellError(keyCol, 'key', `trùng với dòng ${seen.get(regId)}`)));
        const parsed = bodyOf(cols, cells, model);
        for (const e of parsed.errors) errors.push(rowError(table, row, 'ROW_INVALID', e));
        if (errors.length || !parsed.body || !regId) {
          out.errors.push(...errors);
          continue;
        }
        seen.set(regId, row);
        const body = parsed.body;
        // A retry without a key: the same scores already recorded in the resulting state are skipped.
        const reg = await trx.selectFrom('registrations').select(['status']).where('id', '=', regId).executeTakeFirstOrThrow();
        if (reg.status === WORKFLOW[action].to) {
          const last = (await assessmentsOf(trx, regId)).filter((x) => x.kind === kind).at(-1);
          const lastGroup = (last?.result as { group?: string } | null)?.group;
          const lastAttributes = (last?.result as { attributes?: Record<string, string> } | null)?.attributes;
          if (last && same(last.scores, body.scores) && lastGroup === body.group && same(lastAttributes ?? {}, body.attributes ?? {})) {
            out.unchanged++;
            out.rows.push({ row, registrationId: regId, outcome: 'unchanged', assessmentId: last.id, status: reg.status, total: ((last.result as { total?: number } | null)?.total ?? null) });
            continue;
          }
        }
        await sql.raw('SAVEPOINT scores_row').execute(trx);
        try {
          const res = await assessRegistration(c, trx, a.scope, regId, action, body, campaign.id);
          await sql.raw('RELEASE SAVEPOINT scores_row').execute(trx);
          out.recorded++;
          out.rows.push({ row, registrationId: regId, outcome: 'recorded', assessmentId: res.assessment.id, status: res.registration.status, total: ((res.assessment.result as { total?: number } | null)?.total ?? null) });
        } catch (e) {
          await sql.raw('ROLLBACK TO SAVEPOINT scores_row').execute(trx);
          if (!(e instanceof ApiProblem)) throw e;
          out.errors.push({ row, code: e.code, message: e.vi });
        }
      }
      await audit(trx, c, { province: campaign.province_code, action: 'assessment.bulk', subject: { kind: 'campaign', id: campaign.id }, payload: { kind, recorded: out.recorded, unchanged: out.unchanged, errors: out.errors.length, format: table.format } });
      return out;
    });
    once.remember(result);
    return c.json(result, 200);
  });
  return r;
}
