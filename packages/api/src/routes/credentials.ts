/**
 * Credentials: the public read and verification path (no session: anyone holding a certificate may
 * check it) and revocation by a province admin. The public path runs in the database's read-only
 * verifier scope (`withVerifierScope`), never in a tenant or national scope.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { publicCredential, publicStatusList, revokeCredential, verificationPage, verifyAgainstDatabase } from '@hoctap/app';
import type { CredentialPublicInfo } from '@hoctap/db';
import { html, raw } from 'hono/html';
import { callerOf, depsOf, need, scoped, type AppEnv, type Ctx } from '../context.js';
import { Problem } from '../schemas.js';
import { provinceCode, security, stdProblems } from './common.js';

const tags = ['Chứng nhận'];
const p404 = { 404: { content: { 'application/problem+json': { schema: Problem } }, description: 'Không có chứng nhận' } };
const Credential = z.record(z.string(), z.unknown()).openapi('OpenBadgeCredential', { description: 'Open Badges 3.0 OpenBadgeCredential (VC 2.0, DataIntegrityProof eddsa-jcs-2022)' });
const Verification = z
  .object({
    status: z.enum(['valid', 'revoked', 'forged', 'expired', 'not-yet-valid']),
    reason: z.string(),
    statusChecked: z.boolean(),
  })
  .openapi('CredentialVerification');

const getRoute = createRoute({
  method: 'get',
  path: '/api/credentials/{id}',
  tags,
  summary: 'Chứng nhận (JSON, công khai): người nhận chỉ xuất hiện dưới dạng mã băm có muối',
  request: { params: z.object({ id: z.string().max(200) }) },
  responses: { 200: { content: { 'application/json': { schema: Credential } }, description: 'Chứng nhận' }, ...p404 },
});
const verifyRoute = createRoute({
  method: 'post',
  path: '/api/credentials/verify',
  tags,
  summary: 'Xác thực một chứng nhận (công khai): chữ ký với khóa của tỉnh, hiệu lực theo đồng hồ máy chủ, danh sách thu hồi',
  request: { body: { content: { 'application/json': { schema: Credential } }, required: true } },
  responses: { 200: { content: { 'application/json': { schema: Verification } }, description: 'Kết quả' }, 400: stdProblems[400] },
});
const revokeRoute = createRoute({
  method: 'post',
  path: '/api/credentials/{id}/revoke',
  tags,
  security,
  summary: 'Thu hồi chứng nhận (quản trị tỉnh): bật bit trong danh sách trạng thái của tỉnh, ký lại danh sách; ghi nhật ký',
  request: { params: z.object({ id: z.string().max(200) }) },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ id: z.string(), revokedAt: z.string(), statusListVersion: z.number().int() }) } }, description: 'Đã thu hồi' },
    ...stdProblems,
  },
});
const statusListRoute = createRoute({
  method: 'get',
  path: '/api/status-lists/{province}',
  tags,
  summary: 'Danh sách trạng thái (BitstringStatusListCredential đã ký) của tỉnh — công khai',
  request: { params: z.object({ province: provinceCode }) },
  responses: { 200: { content: { 'application/json': { schema: Credential } }, description: 'Danh sách' }, ...p404 },
});

export function credentialRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(getRoute, async (c) => c.json(await publicCredential(depsOf(c), c.req.valid('param')), 200));
  r.openapi(verifyRoute, async (c) => c.json(await verifyAgainstDatabase(depsOf(c), c.req.valid('json')), 200));
  r.openapi(revokeRoute, async (c) => {
    const a = await need(c, 'credential.revoke');
    const out = await scoped(c, a.scope, (trx) => revokeCredential(depsOf(c), callerOf(c, a), trx, c.req.valid('param')));
    return c.json({ id: out.id, revokedAt: out.revokedAt.toISOString(), statusListVersion: out.statusListVersion }, 200);
  });
  r.openapi(statusListRoute, async (c) => c.json(await publicStatusList(depsOf(c), c.req.valid('param')), 200));
  return r;
}

// ------------------------------------------------------------------------------ public page

const STATES = {
  valid: { word: 'Hợp lệ', colour: '#166534', bg: '#dcfce7', note: 'Chứng nhận do cơ quan có thẩm quyền cấp, chữ ký số hợp lệ và chưa bị thu hồi.' },
  revoked: { word: 'Đã thu hồi', colour: '#9a3412', bg: '#ffedd5', note: 'Chứng nhận này đã bị cơ quan cấp thu hồi và không còn giá trị.' },
  invalid: { word: 'Không hợp lệ', colour: '#991b1b', bg: '#fee2e2', note: 'Không xác thực được chứng nhận này: không có trong hệ thống, chữ ký không khớp, hoặc chưa/không còn hiệu lực.' },
} as const;

const dmy = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};

function page(state: keyof typeof STATES, info: CredentialPublicInfo | undefined, reason: string, url: string) {
  const s = STATES[state];
  const rows = info
    ? [
        ['Danh hiệu', info.title],
        ['Năm', String(info.year)],
        ['Người được công nhận', info.name],
        ...(info.village ? [['Thôn, tổ dân phố', info.village]] : []),
        ['Địa bàn', info.locality],
        ['Quyết định số', info.decisionNumber],
        ['Ngày quyết định', dmy(info.decisionDate)],
      ]
    : [];
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${s.word} — Xác thực giấy công nhận</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;background:#f8fafc;color:#0f172a;line-height:1.5}
main{max-width:40rem;margin:0 auto;padding:1.25rem}
h1{font-size:1.15rem;margin:0 0 1rem}
.state{border-radius:.75rem;padding:1rem 1.25rem;margin-bottom:1.25rem;background:${raw(s.bg)};color:${raw(s.colour)}}
.state strong{display:block;font-size:1.75rem}
dl{display:grid;grid-template-columns:minmax(8rem,auto) 1fr;gap:.5rem 1rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem;padding:1rem 1.25rem;margin:0}
dt{color:#475569}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
@media (max-width:30rem){dl{grid-template-columns:1fr}dd{margin-bottom:.5rem}}
footer{margin-top:1.25rem;font-size:.85rem;color:#475569;overflow-wrap:anywhere}
</style>
</head>
<body>
<main>
<h1>Xác thực giấy công nhận danh hiệu học tập</h1>
<section class="state" role="status"><strong>${s.word}</strong>${s.note}</section>
${rows.length ? html`<dl>${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>` : ''}
<footer><p>Chi tiết: ${reason}</p><p>Địa chỉ xác thực: ${url}</p><p>Trang này chỉ công bố họ tên và thôn, tổ dân phố của người được công nhận; không công bố số định danh hay thông tin liên lạc.</p></footer>
</main>
</body>
</html>`;
}

export function verifyPageRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  r.openAPIRegistry.registerPath({
    method: 'get',
    path: '/verify/{id}',
    tags,
    summary: 'Trang xác thực công khai (HTML, tiếng Việt): Hợp lệ / Đã thu hồi / Không hợp lệ',
    request: { params: z.object({ id: z.string() }) },
    responses: { 200: { description: 'Trang HTML', content: { 'text/html': { schema: z.string() } } } },
  });
  r.get('/verify/:id', async (c: Ctx) => {
    const v = await verificationPage(depsOf(c), { id: c.req.param('id') ?? '' });
    c.header('cache-control', 'no-store');
    c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    return c.html(page(v.state, v.info, v.reason, v.url), v.found ? 200 : 404);
  });
  return r;
}
