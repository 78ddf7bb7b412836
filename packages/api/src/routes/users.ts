/**
 * User administration (issue 4): list, read, create, change role and localities, deactivate and
 * reactivate (their sessions are revoked), and issue a one-time password-reset link.
 * A platform admin manages everyone; a province admin only accounts of its province and may not
 * grant platform admin nor localities outside it; lower roles cannot administer users
 * (ASVS v5.0.0-8.2.1, 8.2.2, 8.4.1). Every change is audited in the same transaction.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createManagedUser, getManagedUser, issuePasswordReset, listManagedUsers, setUserActive, updateManagedUser } from '@hoctap/app';
import { forgetCachedSessions, type User } from '@hoctap/db';
import { callerOf, depsOf, need, scoped, type AppEnv } from '../context.js';
import { ROLES, isRole } from '../security.js';
import { IdParam, nfc, security, stdProblems } from './common.js';

/** The portal page that takes a reset token. */
export const RESET_PAGE = '/dat-lai-mat-khau';

/** An account as an administrator sees it. */
export const ManagedUser = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(z.enum(ROLES)),
    localities: z.array(z.string()),
    active: z.boolean(),
    totp: z.boolean(),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
  })
  .openapi('ManagedUser');

const role = z.enum(ROLES);
const locality = z.string().regex(/^([0-9]{2}|[0-9]{5})$/, 'mã tỉnh 2 chữ số hoặc mã xã 5 chữ số');
const email = z
  .string()
  .transform((s) => s.normalize('NFC').trim().toLowerCase())
  .pipe(z.email().max(254));

const UserCreate = z
  .object({
    email,
    name: nfc.pipe(z.string().min(1).max(200)),
    roles: z.array(role).min(1).max(5),
    localities: z.array(locality).max(50).default([]),
  })
  .strict()
  .openapi('UserCreate');
const UserPatch = z
  .object({
    name: nfc.pipe(z.string().min(1).max(200)).optional(),
    roles: z.array(role).min(1).max(5).optional(),
    localities: z.array(locality).max(50).optional(),
  })
  .strict()
  .openapi('UserPatch');
const ResetLink = z
  .object({ token: z.string(), url: z.string(), expiresAt: z.string() })
  .openapi('PasswordResetLink', { description: 'Đường dẫn dùng một lần để quản trị viên trao cho người dùng (không gửi email)' });

function out(u: User): z.infer<typeof ManagedUser> {
  return {
    id: u.id,
    email: u.email,
    name: u.display_name,
    roles: u.roles.filter(isRole),
    localities: [...u.localities],
    active: !u.disabled_at,
    totp: !!u.totp_enabled_at,
    createdAt: u.created_at.toISOString(),
    disabledAt: u.disabled_at ? u.disabled_at.toISOString() : null,
  };
}

const list = createRoute({
  method: 'get',
  path: '/api/users',
  tags: ['Người dùng'],
  summary: 'Danh sách tài khoản trong phạm vi quản lý',
  security,
  responses: { 200: { content: { 'application/json': { schema: z.object({ items: z.array(ManagedUser) }) } }, description: 'Tài khoản' }, ...stdProblems },
});
const get = createRoute({
  method: 'get',
  path: '/api/users/{id}',
  tags: ['Người dùng'],
  summary: 'Một tài khoản',
  security,
  request: { params: IdParam },
  responses: { 200: { content: { 'application/json': { schema: ManagedUser } }, description: 'Tài khoản' }, ...stdProblems },
});
const create = createRoute({
  method: 'post',
  path: '/api/users',
  tags: ['Người dùng'],
  summary: 'Tạo tài khoản (chưa có mật khẩu: cấp đường dẫn đặt mật khẩu sau)',
  security,
  request: { body: { content: { 'application/json': { schema: UserCreate } }, required: true } },
  responses: { 201: { content: { 'application/json': { schema: ManagedUser } }, description: 'Đã tạo' }, ...stdProblems },
});
const patch = createRoute({
  method: 'patch',
  path: '/api/users/{id}',
  tags: ['Người dùng'],
  summary: 'Đổi tên, vai trò, địa bàn',
  security,
  request: { params: IdParam, body: { content: { 'application/json': { schema: UserPatch } }, required: true } },
  responses: { 200: { content: { 'application/json': { schema: ManagedUser } }, description: 'Đã sửa' }, ...stdProblems },
});
const deactivate = createRoute({
  method: 'post',
  path: '/api/users/{id}/deactivate',
  tags: ['Người dùng'],
  summary: 'Khoá tài khoản: mọi phiên bị huỷ',
  security,
  request: { params: IdParam },
  responses: { 200: { content: { 'application/json': { schema: ManagedUser } }, description: 'Đã khoá' }, ...stdProblems },
});
const reactivate = createRoute({
  method: 'post',
  path: '/api/users/{id}/reactivate',
  tags: ['Người dùng'],
  summary: 'Mở lại tài khoản',
  security,
  request: { params: IdParam },
  responses: { 200: { content: { 'application/json': { schema: ManagedUser } }, description: 'Đã mở lại' }, ...stdProblems },
});
const reset = createRoute({
  method: 'post',
  path: '/api/users/{id}/password-reset',
  tags: ['Người dùng'],
  summary: 'Cấp đường dẫn đặt lại mật khẩu dùng một lần (24 giờ); đường dẫn cũ chưa dùng mất hiệu lực',
  security,
  request: { params: IdParam },
  responses: { 201: { content: { 'application/json': { schema: ResetLink } }, description: 'Đường dẫn' }, ...stdProblems },
});

export function userRoutes() {
  const r = new OpenAPIHono<AppEnv>();

  r.openapi(list, async (c) => {
    const a = await need(c, 'users.admin');
    const items = await scoped(c, a.scope, (trx) => listManagedUsers(depsOf(c), callerOf(c, a), trx));
    return c.json({ items: items.map(out) }, 200);
  });

  r.openapi(get, async (c) => {
    const a = await need(c, 'users.admin');
    const u = await scoped(c, a.scope, (trx) => getManagedUser(depsOf(c), callerOf(c, a), trx, c.req.valid('param')));
    return c.json(out(u), 200);
  });

  r.openapi(create, async (c) => {
    const a = await need(c, 'users.admin');
    const created = await scoped(c, a.scope, (trx) => createManagedUser(depsOf(c), callerOf(c, a), trx, c.req.valid('json')));
    return c.json(out(created), 201);
  });

  r.openapi(patch, async (c) => {
    const a = await need(c, 'users.admin');
    const updated = await scoped(c, a.scope, (trx) => updateManagedUser(depsOf(c), callerOf(c, a), trx, { id: c.req.valid('param').id, ...c.req.valid('json') }));
    // Roles and localities are read with the session: no request may go on with the old ones.
    forgetCachedSessions();
    return c.json(out(updated), 200);
  });

  for (const [route, active] of [[deactivate, false], [reactivate, true]] as const) {
    r.openapi(route, async (c) => {
      const a = await need(c, 'users.admin');
      const updated = await scoped(c, a.scope, (trx) => setUserActive(depsOf(c), callerOf(c, a), trx, { id: c.req.valid('param').id, active }));
      forgetCachedSessions();
      return c.json(out(updated), 200);
    });
  }

  r.openapi(reset, async (c) => {
    const a = await need(c, 'users.admin');
    const link = await scoped(c, a.scope, (trx) => issuePasswordReset(depsOf(c), callerOf(c, a), trx, c.req.valid('param')));
    c.header('cache-control', 'no-store');
    return c.json({ token: link.token, url: `${RESET_PAGE}?token=${encodeURIComponent(link.token)}`, expiresAt: link.expiresAt.toISOString() }, 201);
  });

  return r;
}
