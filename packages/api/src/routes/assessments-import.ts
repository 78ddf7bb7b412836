/**
 * The scores import's route: a CSV or Excel file (the `scores` template's columns — the registration
 * or person key, then one column per indicator of the campaign's framework) is read here into rows
 * of scores; `importScores` of `@hoctap/app` records each good row through the one assessment path
 * and reports the bad ones. A retry writes nothing twice (Idempotency-Key replays the first answer;
 * without one an unchanged row is skipped).
 */
import { createHash } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { checkId, importScores, withCaller, type ScoresSheet } from '@hoctap/app';
import type { Model } from '@hoctap/core';
import { REGISTRATION_STATUSES, fold, normalize } from '@hoctap/db';
import { readNumber, readYesNo } from '@hoctap/sheets';
import { callerOf, depsOf, idempotency, need, type AppEnv } from '../context.js';
import { CellError, headerKey, readTable, rowError, XLSX_TYPE, type Table } from '../imports.js';
import { RowErrorSchema } from '../views/campaigns.js';
import { IdParam, security, stdProblems } from './common.js';

const MAX_BYTES = 2_000_000;
const MAX_ROWS = 5000;

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
        status: z.enum(REGISTRATION_STATUSES),
        total: z.number().nullable(),
        submitted: z.literal(true).optional().openapi({ description: 'Hồ sơ đã tự đánh giá nhưng chưa nộp: được nộp trong cùng giao dịch (có ghi nhật ký)' }),
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

function columnsOf(table: Pick<Table, 'header'>, model: Model): ColumnRole[] {
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
    // The one vocabulary of @hoctap/sheets: yes/no/blank words and numbers read as hoctap eval reads them.
    if (ind.measure.kind === 'yes-no') {
      const y = readYesNo(v);
      if (!y.ok) errors.push(new CellError(j, col.id, y.message));
      else if (y.value !== null) scores[ind.id] = y.value;
      return;
    }
    if (ind.measure.kind === 'member-ratio') return; // computed from the members, never entered
    const n = readNumber(v, { percent: ind.measure.kind === 'measured' });
    const x = n.ok ? n.value : null;
    if (!n.ok) errors.push(new CellError(j, col.id, /không phải là số/.test(n.message) ? `“${v}” không phải là số` : n.message));
    else if (x === null) return;
    else if (x < 0) errors.push(new CellError(j, col.id, `điểm ${num(x)} âm`));
    else if (x > max) errors.push(new CellError(j, col.id, `điểm ${num(x)} lớn hơn điểm tối đa ${num(max)} của chỉ số ${ind.id}`));
    else scores[ind.id] = x;
  });
  if (errors.length) return { errors };
  return { body: { scores, ...(group !== undefined ? { group } : {}), ...(Object.keys(attributes).length ? { attributes } : {}) }, errors };
}

/** The scores sheet of a table: its columns read against the campaign's model, each row's key and assessment. */
function scoresSheetOf(table: Table): ScoresSheet {
  return {
    format: table.format,
    rows: table.rows,
    against(model) {
      const cols = columnsOf(table, model);
      const keyCol = cols.findIndex((x) => x?.role === 'key');
      if (keyCol < 0 || !cols.some((x) => x?.role === 'indicator')) return undefined;
      return {
        key: (cells) => (cells[keyCol] ?? '').trim(),
        keyError: (row, code, message) => rowError(table, row, code, new CellError(keyCol, 'key', message)),
        body: (row, cells) => {
          const parsed = bodyOf(cols, [...cells], model);
          return { body: parsed.body, errors: parsed.errors.map((e) => rowError(table, row, 'ROW_INVALID', e)) };
        },
      };
    },
  };
}

/** Routes of the scores import: the file read here, every row recorded by `importScores` of `@hoctap/app`. */
export function assessmentImportRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(route, async (c) => {
    const kind = c.req.valid('query').kind;
    const a = await need(c, kind === 'committee' ? 'review.write' : 'registration.write');
    const id = checkId(c.req.valid('param').id, 'campaign');
    const table = await readTable(c, { maxBytes: MAX_BYTES, maxRows: MAX_ROWS });

    const requestHash = createHash('sha256').update('assessments\0').update(id).update('\0').update(kind).update('\0').update(table.digest).digest('hex');
    const once = idempotency<Result>(c, a.user.id, requestHash);
    if (once.replayed) return c.json(once.replayed, 200);

    const deps = depsOf(c);
    const caller = callerOf(c, a);
    const result = await withCaller(deps, caller, (trx) => importScores(deps, caller, trx, { campaignId: id, kind, sheet: scoresSheetOf(table) }));
    once.remember(result);
    return c.json(result, 200);
  });
  return r;
}
