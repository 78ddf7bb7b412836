/**
 * Bulk registration of clans, communities and units: the platform's group templates (Excel with the
 * worksheets “Dữ liệu” and “Thành viên”), a CSV of groups (members in their row's “Thành viên”
 * cell), or two files in one multipart form (groups, members). The rows are read and written by
 * the application layer (`registerGroupsSheet`); this route only reads the files.
 */
import { createHash } from 'node:crypto';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { checkId, GROUPS_SHEET, MEMBERS_SHEET, registerGroupsSheet, withCaller, type GroupsSheetResult, type SheetTable } from '@hoctap/app';
import { readCsvSheet, readXlsxSheet, SheetError, decodeText, isXlsx, type Sheet } from '@hoctap/sheets';
import { callerOf, depsOf, idempotency, need, type AppEnv, type Ctx } from '../context.js';
import { ApiProblem } from '../problem.js';
import { XLSX_TYPE, zipUnpackedSize } from '../imports.js';
import { IdParam, security, stdProblems } from './common.js';

const MAX_BYTES = 4_000_000;
const MAX_ROWS = 5000;

const GroupsRowErrorSchema = z
  .object({
    sheet: z.string().openapi({ description: 'Trang (tệp) của dòng: “Dữ liệu” (các nhóm) hoặc “Thành viên”' }),
    row: z.number().int(),
    column: z.string().optional(),
    header: z.string().optional(),
    field: z.string().optional(),
    code: z.string(),
    message: z.string(),
  })
  .openapi('GroupsRowError');
const GroupsResult = z
  .object({
    kind: z.enum(['household', 'clan', 'community', 'unit']),
    created: z.number().int(),
    existing: z.number().int(),
    skipped: z.number().int().openapi({ description: 'Số dòng ghi “Không” ở cột Đăng ký danh hiệu' }),
    membersAdded: z.number().int().openapi({ description: 'Số thành viên mới được ghi vào nhóm' }),
    rows: z.array(
      z.object({
        row: z.number().int(),
        groupId: z.string(),
        name: z.string(),
        members: z.number().int(),
        registrationId: z.string(),
        outcome: z.enum(['created', 'existing']),
        groupCreated: z.boolean(),
      }),
    ),
    errors: z.array(GroupsRowErrorSchema),
  })
  .openapi('GroupsRegistrationResult');

const route = {
  method: 'post' as const,
  path: '/api/campaigns/{id}/registrations/groups',
  tags: ['Đợt đánh giá'],
  security,
  summary:
    'Đăng ký hàng loạt dòng họ, cộng đồng hoặc đơn vị (theo đối tượng của bộ tiêu chí) từ mẫu `/api/templates/{clans|communities|units}.xlsx`: mỗi dòng một nhóm (Mã nhóm, Tên, Loại, Mã xã, người đại diện, Thành viên, Đăng ký danh hiệu); thành viên bằng số định danh hoặc họ tên + ngày sinh, ở cột “Thành viên” (cách nhau bằng “;”) hoặc ở trang “Thành viên” (Excel) / tệp thứ hai `members` (multipart). Dòng lỗi được báo kèm trang, số dòng, cột; một nhóm có thành viên lỗi không được ghi (cả nhóm), các nhóm đúng được giữ; gửi lại không tạo trùng',
  request: {
    params: IdParam,
    headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
    body: {
      content: {
        [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) },
        'text/csv': { schema: z.string() },
        'multipart/form-data': { schema: z.object({ groups: z.string().openapi({ format: 'binary' }), members: z.string().optional().openapi({ format: 'binary' }) }) },
      },
      required: true,
    },
  },
  responses: { 200: { content: { 'application/json': { schema: GroupsResult } }, description: 'Kết quả từng nhóm và từng dòng lỗi' }, ...stdProblems },
};

function sheetProblem(e: SheetError, sheet: string): ApiProblem {
  const where = `Trang “${sheet}”: `;
  if (e.code === 'TOO_MANY_ROWS') return new ApiProblem(413, 'CSV_TOO_MANY_ROWS', `${where}tối đa ${MAX_ROWS} dòng mỗi lần`, `At most ${MAX_ROWS} rows at a time`);
  if (e.code === 'XLSX_UNREADABLE') return new ApiProblem(422, 'XLSX_UNREADABLE', e.message, 'The Excel (.xlsx) file cannot be read: it is damaged or not an .xlsx file');
  if (e.code === 'EMPTY') return new ApiProblem(400, 'CSV_EMPTY', `${where}${e.message}`, e.messageEn);
  return new ApiProblem(400, `CSV_${e.code}`, `${where}${e.message}`, e.messageEn);
}

const tableOf = (s: Sheet): SheetTable => ({ header: s.header, rows: s.rows.map((r) => ({ row: r.row, cells: r.cells })) });

/** One uploaded file as the groups sheet and, in a workbook, its “Thành viên” worksheet. */
async function readFile(bytes: Uint8Array, sheet: string, withMembers: boolean): Promise<{ main: SheetTable; members?: SheetTable | undefined }> {
  if (bytes.length > MAX_BYTES) throw new ApiProblem(413, 'CSV_TOO_LARGE', `Tệp quá lớn (tối đa ${MAX_BYTES / 1_000_000} MB)`, `The file is too large (${MAX_BYTES / 1_000_000} MB at most)`);
  try {
    if (!isXlsx(bytes)) {
      const s = readCsvSheet(decodeText(bytes).text, { maxRows: MAX_ROWS });
      if (s.issues.length) throw new ApiProblem(422, 'CSV_ROW_TOO_WIDE', `Trang “${sheet}”: ${s.issues[0]!.message}`, s.issues[0]!.messageEn, { errors: s.issues });
      return { main: tableOf(s) };
    }
    let unpacked: number;
    try {
      unpacked = zipUnpackedSize(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch {
      throw new ApiProblem(422, 'XLSX_UNREADABLE', 'Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không phải .xlsx', 'The Excel (.xlsx) file cannot be read');
    }
    if (unpacked > Math.min(25 * MAX_BYTES, 200_000_000)) throw new ApiProblem(413, 'XLSX_TOO_LARGE_UNPACKED', 'Tệp Excel giải nén ra quá lớn', 'The Excel file unpacks to too much data');
    const main = await readXlsxSheet(bytes, { maxRows: MAX_ROWS, beyondHeader: 'ignore' });
    let members: Sheet | undefined;
    if (withMembers)
      try {
        members = await readXlsxSheet(bytes, { sheet: MEMBERS_SHEET, maxRows: MAX_ROWS, beyondHeader: 'ignore' });
      } catch (e) {
        // No “Thành viên” worksheet, or an empty one: the members are in the groups' own cells.
        if (!(e instanceof SheetError) || !['NO_SUCH_SHEET', 'EMPTY', 'NO_HEADER'].includes(e.code)) throw e;
      }
    return { main: tableOf(main), ...(members ? { members: tableOf(members) } : {}) };
  } catch (e) {
    if (e instanceof SheetError) throw sheetProblem(e, sheet);
    throw e;
  }
}

/** The body as the groups sheet and the members sheet, whatever the form: one workbook, one CSV, or a multipart form with two files. */
async function readBody(c: Ctx): Promise<{ groups: SheetTable; members?: SheetTable | undefined; digest: string }> {
  const ctype = (c.req.header('content-type') ?? '').toLowerCase();
  if (Number(c.req.header('content-length') ?? 0) > 2 * MAX_BYTES) throw new ApiProblem(413, 'CSV_TOO_LARGE', `Tệp quá lớn (tối đa ${MAX_BYTES / 1_000_000} MB)`, 'The upload is too large');
  const hash = createHash('sha256');
  if (ctype.startsWith('multipart/form-data')) {
    const form = await c.req.formData();
    const file = async (name: string) => {
      const f = form.get(name);
      if (f === null || f === '') return undefined;
      const bytes = typeof f === 'string' ? new TextEncoder().encode(f) : new Uint8Array(await f.arrayBuffer());
      hash.update(name).update('\0').update(bytes).update('\0');
      return bytes;
    };
    const g = await file('groups');
    if (!g) throw new ApiProblem(400, 'GROUPS_FILE_REQUIRED', 'Cần tệp các nhóm (trường “groups”)', 'The groups file (field “groups”) is required');
    const m = await file('members');
    const first = await readFile(g, GROUPS_SHEET, !m);
    const members = m ? (await readFile(m, MEMBERS_SHEET, false)).main : first.members;
    return { groups: first.main, members, digest: hash.digest('hex') };
  }
  if (!/^text\/csv\b/.test(ctype) && !ctype.startsWith(XLSX_TYPE))
    throw new ApiProblem(415, 'CSV_REQUIRED', 'Nội dung phải là tệp Excel .xlsx, text/csv, hoặc multipart/form-data (groups, members)', 'The body must be an .xlsx file, text/csv, or multipart/form-data (groups, members)');
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const { main, members } = await readFile(bytes, GROUPS_SHEET, true);
  return { groups: main, members, digest: hash.update(bytes).digest('hex') };
}

/** The route of a groups upload: read the files, one use case. */
export function groupSheetRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  // Documented here, read by hand: a multipart body carries files, which the schema cannot validate.
  r.openAPIRegistry.registerPath(route);
  r.post('/api/campaigns/:id/registrations/groups', async (c) => {
    const a = await need(c, 'registration.write');
    const id = checkId(c.req.param('id'), 'campaign');
    const body = await readBody(c);
    const once = idempotency<GroupsSheetResult>(c, a.user.id, createHash('sha256').update(id).update('\0').update(body.digest).digest('hex'));
    if (once.replayed) return c.json(once.replayed, 200);
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    const result = await withCaller(deps, caller, (trx) => registerGroupsSheet(deps, caller, trx, { campaignId: id, groups: body.groups, members: body.members }));
    once.remember(result);
    return c.json(result, 200);
  });
  return r;
}
