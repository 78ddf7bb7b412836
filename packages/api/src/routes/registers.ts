/**
 * The 1-, 3- and 5-year registers (sổ theo dõi, Yên Bái KH 86/KH-UBND 2016): `GET /api/registers`
 * (one register, paged, with its total) and the three registers as a workbook or a PDF
 * (`/api/registers.xlsx`, `/api/registers.pdf`), in the caller's locality.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError, titleRegisterPage, titleRegistersDocument, withCaller } from '@hoctap/app';
import { buildRegistersXlsx, renderRegistersPdf } from '@hoctap/documents';
import { callerOf, depsOf, need, type AppEnv } from '../context.js';
import { Problem } from '../schemas.js';
import { fileName } from '../views/files.js';
import { registerPageOut, RegisterPageSchema } from '../views/registers.js';
import { communeCode, Paging, provinceCode, security, stdProblems } from './common.js';
import { send } from './documents.js';

const tags = ['Sổ theo dõi'];
const TITLE = z.enum(['learning-citizen', 'learning-family', 'learning-clan', 'learning-community', 'learning-unit']).openapi({ description: 'Danh hiệu (mã của đợt)' });
const Where = {
  title: TITLE,
  year: z.coerce.number().int().min(2000).max(2100),
  commune: communeCode.optional().openapi({ description: 'Một xã, phường trong phạm vi của tài khoản (mặc định: cả phạm vi)' }),
  province: provinceCode.optional().openapi({ description: 'Chỉ cho tài khoản cấp trung ương (bắt buộc với họ)' }),
  kind: z.enum(['person', 'household', 'clan', 'community', 'unit']).optional().openapi({ description: 'Chỉ một loại đối tượng' }),
};
const PageQuery = z.object({
  ...Where,
  span: z.coerce
    .number()
    .int()
    .refine((n) => n === 1 || n === 3 || n === 5, 'sổ 1, 3 hoặc 5 năm')
    .default(1)
    .openapi({ type: 'integer', enum: [1, 3, 5], description: '1: đạt năm nay; 3, 5: đạt liên tục 3, 5 năm tính đến năm nay' }),
  ...Paging,
});
const FileQuery = z.object(Where);

const listRoute = createRoute({
  method: 'get',
  path: '/api/registers',
  tags,
  security,
  summary: 'Sổ theo dõi danh hiệu 1, 3, 5 năm: các cá nhân, hộ, dòng họ, cộng đồng, đơn vị đã đăng ký và được công nhận năm nay, hoặc liên tục 3, 5 năm tính đến năm nay (quyết định còn hiệu lực); nhóm kèm người đại diện',
  request: { query: PageQuery },
  responses: { 200: { content: { 'application/json': { schema: RegisterPageSchema } }, description: 'Một trang của sổ, kèm tổng số' }, ...stdProblems },
});

/** Routes of the registers. */
export function registerRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(listRoute, async (c) => {
    const a = await need(c, 'report.read');
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    const q = c.req.valid('query');
    const page = await withCaller(deps, caller, (trx) => titleRegisterPage(deps, caller, trx, { ...q, span: q.span as 1 | 3 | 5 }));
    return c.json(registerPageOut(page), 200);
  });
  for (const ext of ['xlsx', 'pdf'] as const) {
    const path = `/api/registers.${ext}`;
    r.openAPIRegistry.registerPath({
      method: 'get',
      path,
      tags,
      security,
      summary: `Sổ theo dõi 1, 3, 5 năm của một danh hiệu (${ext === 'xlsx' ? 'Excel: trang tổng hợp có công thức và một trang cho mỗi sổ' : 'PDF'})`,
      request: { query: FileQuery },
      responses: {
        200: { description: 'Sổ theo dõi', content: { [ext === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf']: { schema: z.string().openapi({ format: 'binary' }) } } },
        ...Object.fromEntries([400, 401, 403, 404].map((s) => [s, { description: 'Lỗi', content: { 'application/problem+json': { schema: Problem } } }])),
      },
    });
    r.get(path, async (c) => {
      const a = await need(c, 'report.read');
      const parsed = FileQuery.safeParse(c.req.query());
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new AppError('invalid', 'INVALID_QUERY', `Tham số ${issue.path.join('.')} không hợp lệ: ${issue.message}`, `Invalid parameter ${issue.path.join('.')}: ${issue.message}`, { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
      }
      const deps = depsOf(c);
      const caller = callerOf(c, a);
      const { data, locality } = await withCaller(deps, caller, (trx) => titleRegistersDocument(deps, caller, trx, parsed.data));
      const bytes = ext === 'xlsx' ? await buildRegistersXlsx(data) : await renderRegistersPdf(data);
      return send(c, bytes, ext === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf', `so-theo-doi-${fileName(data.title)}-${data.year}-${fileName(locality)}.${ext}`);
    });
  }
  return r;
}
