/**
 * Credentials: the public read and verification path (no session: anyone holding a certificate may
 * check it) and revocation by a province admin. The public path runs in the database's read-only
 * verifier scope (`withVerifierScope`), never in a tenant or national scope.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getCredential, getStatusList, markCredentialRevoked, withVerifierScope, type CredentialPublicInfo } from '@hoctap/db';
import { html, raw } from 'hono/html';
import { audit, need, notFound, runtime, scoped, writable, type AppEnv, type Ctx } from '../context.js';
import { revokeInStatusList, verifyAgainstDatabase, verifyPageUrl } from '../credentials.js';
import { ApiProblem } from '../problem.js';
import { Problem } from '../schemas.js';
import { provinceCode, security, stdProblems } from './common.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `urn:uuid:…` or the bare uuid → the uuid, else a 404. */
export function credentialIdOr404(id: string): string {
  const bare = decodeURIComponent(id).replace(/^urn:uuid:/i, '');
  if (!UUID.test(bare)) throw notFound('credential');
  return bare.toLowerCase();
}

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
  r.openapi(getRoute, async (c) => {
    const id = credentialIdOr404(c.req.valid('param').id);
    const row = await withVerifierScope(runtime(c).db, (trx) => getCredential(trx, id));
    if (!row) throw notFound('credential');
    return c.json(row.credential, 200);
  });
  r.openapi(verifyRoute, async (c) => {
    const v = await verifyAgainstDatabase(runtime(c), c.req.valid('json'));
    return c.json(v, 200);
  });
  r.openapi(revokeRoute, async (c) => {
    const a = await need(c, 'credential.revoke');
    const rt = runtime(c);
    const id = credentialIdOr404(c.req.valid('param').id);
    const out = await scoped(c, a.scope, async (trx) => {
      const row = writable(a.scope, await getCredential(trx, id, { forUpdate: true }), 'credential');
      if (row.revoked_at) throw new ApiProblem(409, 'ALREADY_REVOKED', 'Chứng nhận đã bị thu hồi từ trước', 'The credential was already revoked');
      const marked = await markCredentialRevoked(trx, id, a.user.id, rt.now());
      if (!marked) throw new ApiProblem(409, 'ALREADY_REVOKED', 'Chứng nhận đã bị thu hồi từ trước', 'The credential was already revoked');
      const version = await revokeInStatusList(rt, c.get('deps').registry, trx, row.province_code, row.status_index);
      await audit(trx, c, { province: row.province_code, action: 'credential.revoke', subject: { kind: 'credential', id }, payload: { registration: row.registration_id, decision: row.decision_id, statusIndex: row.status_index, statusListVersion: version } });
      return { id, revokedAt: rt.now().toISOString(), statusListVersion: version };
    });
    return c.json(out, 200);
  });
  r.openapi(statusListRoute, async (c) => {
    const province = c.req.valid('param').province;
    const row = await withVerifierScope(runtime(c).db, (trx) => getStatusList(trx, province));
    if (!row) throw new ApiProblem(404, 'STATUS_LIST_NOT_FOUND', 'Tỉnh chưa có danh sách trạng thái', 'The province has no status list');
    return c.json(row.credential, 200);
  });
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
    const rt = runtime(c);
    const raw = c.req.param('id') ?? '';
    let id: string | undefined;
    try {
      id = credentialIdOr404(raw);
    } catch {
      id = undefined;
    }
    const row = id ? await withVerifierScope(rt.db, (trx) => getCredential(trx, id!)) : undefined;
    const v = row ? await verifyAgainstDatabase(rt, row.credential) : undefined;
    const state = v?.status === 'valid' ? 'valid' : v?.status === 'revoked' ? 'revoked' : 'invalid';
    const reason = v?.reason ?? 'Không có chứng nhận với mã này.';
    c.header('cache-control', 'no-store');
    c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    return c.html(page(state, row ? (row.public_info as unknown as CredentialPublicInfo) : undefined, reason, id ? verifyPageUrl(rt, id) : ''), row ? 200 : 404);
  });
  return r;
}
