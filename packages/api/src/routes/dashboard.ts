/** The yearly dashboard: each title's figures per commune and village against its targets, with the denominator stated, and the roll-ups. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { DASHBOARD_TITLES, withCaller, yearDashboard } from '@hoctap/app';
import { callerOf, depsOf, need, type AppEnv } from '../context.js';
import { communeCode, provinceCode, security, stdProblems } from './common.js';

const TITLES = DASHBOARD_TITLES.map((t) => t.title) as ['learning-citizen', 'learning-family', 'learning-clan', 'learning-community', 'learning-unit'];

const Target = z.object({
  framework: z.string(),
  title: z.string(),
  text: z.string(),
  population: z.string().nullable(),
  condition: z.string().nullable(),
  required: z.number().openapi({ description: 'Chỉ tiêu, %' }),
  numerator: z.number().int(),
  denominator: z.number().int(),
  achieved: z.number().openapi({ description: 'Đã đạt, % (2 chữ số thập phân)' }),
  gap: z.number().openapi({ description: 'Đã đạt − chỉ tiêu, điểm phần trăm (âm khi còn thiếu)' }),
  met: z.boolean(),
  shortBy: z.number().int(),
});

const areaFields = {
  level: z.enum(['area', 'commune', 'village']),
  commune: z.string().nullable(),
  communeName: z.string().nullable(),
  village: z.string().nullable(),
  all: z.number().int().openapi({ description: 'Tất cả đối tượng cùng loại trong địa bàn' }),
  registered: z.number().int(),
  assessed: z.number().int(),
  recognised: z.number().int(),
  denominator: z.number().int(),
  share: z.number(),
  text: z.string().openapi({ example: '1.234 / 5.678 hộ (tất cả hộ trong xã Minh Quân)' }),
  titles: z.array(z.object({ name: z.string(), count: z.number().int() })),
  targets: z.array(Target),
};
const Area = z.object(areaFields).openapi('DashboardArea');

const Rollup = z
  .object({
    kind: z.enum(['household', 'clan', 'community', 'unit']),
    id: z.string(),
    name: z.string(),
    commune: z.string().nullable(),
    communeName: z.string().nullable(),
    type: z.string().nullable(),
    memberKind: z.enum(['person', 'household']),
    title: z.string(),
    members: z.number().int(),
    holders: z.number().int(),
    missing: z.number().int(),
    share: z.number(),
    text: z.string(),
  })
  .openapi('DashboardRollup');

const DashboardSchema = z
  .object({
    year: z.number().int(),
    province: z.string(),
    commune: z.string().nullable(),
    denominator: z.object({ kind: z.enum(['registered', 'all']), description: z.string() }),
    counts: z.object({ all: z.string(), registered: z.string(), assessed: z.string(), recognised: z.string() }),
    titles: z.array(
      z.object({
        title: z.enum(TITLES),
        name: z.string(),
        subjectKind: z.enum(['person', 'household', 'clan', 'community', 'unit']),
        noun: z.string(),
        campaigns: z.array(z.object({ id: z.string(), commune: z.string().nullable(), framework: z.string() })),
        frameworks: z.array(z.string()),
        area: Area,
        communes: z.array(z.object({ ...areaFields, villages: z.array(Area) })),
        unmeasuredTargets: z.array(z.object({ framework: z.string(), text: z.string(), reason: z.string() })),
      }),
    ),
    rollups: z.object({ date: z.string(), clans: z.array(Rollup), villages: z.array(Rollup), units: z.array(Rollup) }),
  })
  .openapi('Dashboard');

const dashboardRoute = createRoute({
  method: 'get',
  path: '/api/reports/dashboard',
  tags: ['Báo cáo'],
  security,
  summary:
    'Bảng điều khiển năm: mỗi danh hiệu có đợt đánh giá — số đăng ký, đã đánh giá, được công nhận theo xã và thôn, nói rõ mẫu số (tất cả hoặc đã đăng ký), so với chỉ tiêu của bộ tiêu chí năm đó; tổng hợp hộ → dòng họ, thôn và thành viên → đơn vị',
  request: {
    query: z.object({
      year: z.coerce.number().int().min(2000).max(2200),
      province: provinceCode.optional().openapi({ description: 'Bắt buộc với tài khoản cấp quốc gia' }),
      commune: communeCode.optional(),
      title: z.enum(TITLES).optional(),
      denominator: z.enum(['registered', 'all']).default('all'),
    }),
  },
  responses: { 200: { content: { 'application/json': { schema: DashboardSchema } }, description: 'Bảng điều khiển' }, ...stdProblems },
});

/** The dashboard route. */
export function dashboardRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(dashboardRoute, async (c) => {
    const a = await need(c, 'report.read');
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    const q = c.req.valid('query');
    const out = await withCaller(deps, caller, (trx) => yearDashboard(deps, caller, trx, q));
    return c.json(out, 200);
  });
  return r;
}
