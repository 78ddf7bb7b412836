/**
 * The public list of recognised subjects (no session): what a published recognition decision makes
 * public, and nothing else. The query runs in the database's read-only public-list scope
 * (`withPublicListScope`: role `hoctap_public`, column grants, policies admitting only registrations
 * in the workflow state `published`), never in a tenant or national scope.
 *
 * Legal basis, as we read it (an assumption to be confirmed by the localities' legal officers):
 * recognition decisions of the learning-society titles are published by the commune/province so that
 * the community can see and question them (the decision and its annex are public administrative
 * acts); Decree 13/2023/NĐ-CP on personal data protection (Art. 17: processing without consent where
 * the law provides for it / for the public interest; Art. 3: minimum data for the purpose) then
 * allows showing the decision's own content — name, commune/village, title, year, number, date,
 * signer — but not birth dates, identity numbers, contacts or scores, which are not in the annex.
 * Only decisions whose publication step was taken (`published`) appear; recognised but unpublished
 * ones do not.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { publicRecognitions } from '@hoctap/app';
import { depsOf, runtime, type AppEnv } from '../context.js';
import { ApiProblem } from '../problem.js';
import { LoginLimiter } from '../security.js';
import { Problem } from '../schemas.js';
import { communeCode, Paging, provinceCode, stdProblems } from './common.js';

/** Requests per client address per minute on the public list. */
export const PUBLIC_LIST_RATE = 60;

const Item = z
  .object({
    name: z.string(),
    subjectKind: z.string(),
    province: z.object({ code: z.string(), name: z.string().nullable() }),
    commune: z.object({ code: z.string(), name: z.string() }).nullable(),
    village: z.string().nullable(),
    title: z.string(),
    year: z.number().int(),
    decision: z.object({ number: z.string(), date: z.string(), signer: z.string() }),
  })
  .openapi('PublicRecognition');

const Facets = z.object({
  years: z.array(z.number().int()),
  titles: z.array(z.string()),
  provinces: z.array(z.object({ code: z.string(), name: z.string().nullable() })),
  communes: z.array(z.object({ code: z.string(), name: z.string().nullable(), province: z.string() })),
});

const route = createRoute({
  method: 'get',
  path: '/api/public/recognised',
  tags: ['Công khai'],
  summary: 'Danh sách công khai các đối tượng đã được công nhận (chỉ quyết định đã công bố; không có ngày sinh, số định danh, liên hệ, điểm)',
  request: {
    query: z.object({
      province: provinceCode.optional(),
      commune: communeCode.optional(),
      year: z.coerce.number().int().min(1900).max(2100).optional(),
      title: z.string().regex(/^[a-z0-9-]{1,60}$/).optional(),
      q: z.string().max(100).optional().openapi({ description: 'Tìm theo tên, không phân biệt dấu và hoa thường' }),
      ...Paging,
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ total: z.number().int(), offset: z.number().int(), limit: z.number().int(), items: z.array(Item), facets: Facets }) } }, description: 'Danh sách' },
    400: stdProblems[400],
    429: { content: { 'application/problem+json': { schema: Problem } }, description: 'Quá nhiều yêu cầu: thử lại sau (Retry-After)' },
  },
});

export function publicRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  // One limiter per app (the runtime's clock); a sliding window per client address.
  let limiter: LoginLimiter | undefined;
  r.openapi(route, async (c) => {
    const rt = runtime(c);
    limiter ??= new LoginLimiter(rt.now, PUBLIC_LIST_RATE, 60_000);
    const key = `public:${c.get('deps').clientAddress?.(c) ?? 'unknown'}`;
    const wait = limiter.retryAfter(key);
    if (wait > 0) {
      c.header('retry-after', String(wait));
      throw new ApiProblem(429, 'RATE_LIMITED', `Quá nhiều yêu cầu; hãy thử lại sau ${wait} giây`, `Too many requests; try again in ${wait} s`, { retryAfter: wait });
    }
    limiter.fail(key);
    const query = c.req.valid('query');
    const out = await publicRecognitions(depsOf(c), query);
    c.header('cache-control', 'public, max-age=60');
    return c.json({ total: out.total, offset: query.offset, limit: query.limit, items: out.items, facets: out.facets }, 200);
  });
  return r;
}
