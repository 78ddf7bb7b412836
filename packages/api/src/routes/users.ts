/**
 * User administration (issue 4): list, read, create, change role and localities, deactivate and
 * reactivate (their sessions are revoked), and issue a one-time password-reset link.
 * A platform admin manages everyone; a province admin only accounts of its province and may not
 * grant platform admin nor localities outside it; lower roles cannot administer users
 * (ASVS v5.0.0-8.2.1, 8.2.2, 8.4.1). Every change is audited in the same transaction.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  createPasswordResetToken,
  createUser,
  getUser,
  listUsers,
  forgetCachedSessions,
  setUserDisabled,
  updateUser,
  type Database,
  type Scope,
  type User,
} from '@hoctap/db';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit, need, outOfScope, runtime, scoped, type AppEnv, type Ctx } from '../context.js';
import { ApiProblem } from '../problem.js';
import { ROLES } from '../security.js';
import { assertCommuneInProvince, IdParam, nfc, security, stdProblems } from './common.js';

/** A reset link lives 24 hours. */
export const RESET_TOKEN_TTL_MS = 24 * 3600_000;
/** The portal page that takes a reset token. */
export const RESET_PAGE = '/dat-lai-mat-khau';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const userNotFound = () => new ApiProblem(404, 'USER_NOT_FOUND', 'Không tìm thấy tài khoản', 'No such account');

export const ManagedUser = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(z.string()),
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
    roles: [...u.roles],
    localities: [...u.localities],
    active: !u.disabled_at,
    totp: !!u.totp_enabled_at,
    createdAt: u.created_at.toISOString(),
    disabledAt: u.disabled_at ? u.disabled_at.toISOString() : null,
  };
}

const provinceOf = (localities: readonly string[]) => localities.find((l) => /^[0-9]{2}$/.test(l));

/** Whether the caller's scope reaches an account: national all; a province its own province's accounts (never a platform admin). */
function manages(scope: Scope, u: User): boolean {
  if (scope.role === 'national') return true;
  if (scope.role !== 'province') return false;
  if (u.roles.includes('platform-admin') || u.roles.includes('system')) return false;
  const provinces = u.localities.filter((l) => /^[0-9]{2}$/.test(l));
  return provinces.length > 0 && provinces.every((p) => p === scope.province);
}

/** An account the caller manages, else 404 (same answer for unknown, malformed and out-of-scope ids). */
async function target(db: Kysely<Database>, scope: Scope, id: string): Promise<User> {
  if (!UUID.test(id)) throw userNotFound();
  const u = await getUser(db, id.toLowerCase());
  if (!u || !manages(scope, u)) throw userNotFound();
  return u;
}

/**
 * Checks roles and localities the caller wants to grant: a consistent assignment (one province for
 * province and commune roles, communes for commune roles, communes in that province when the units
 * are loaded) inside the caller's scope (a province admin: its own province, no platform admin).
 */
async function assertGrant(db: Kysely<Database>, scope: Scope, roles: readonly string[], localities: readonly string[]): Promise<void> {
  const bad = (vi: string, en: string) => new ApiProblem(422, 'ROLE_LOCALITY_INVALID', vi, en);
  const provinces = [...new Set(localities.filter((l) => l.length === 2))];
  const communes = [...new Set(localities.filter((l) => l.length === 5))];
  if (scope.role !== 'national' && roles.includes('platform-admin')) {
    throw new ApiProblem(403, 'FORBIDDEN', 'Chỉ quản trị nền tảng mới cấp được vai trò quản trị nền tảng', 'Only a platform admin may grant platform admin');
  }
  if (scope.role !== 'national' && (provinces.some((p) => p !== scope.province) || provinces.length === 0)) throw outOfScope();
  if (roles.includes('platform-admin')) {
    if (localities.length) throw bad('Quản trị nền tảng không gắn với địa bàn', 'A platform admin has no localities');
    return;
  }
  const staff = roles.some((r) => r !== 'citizen');
  if (staff && provinces.length !== 1) throw bad('Cần đúng một mã tỉnh cho vai trò cán bộ', 'Staff roles need exactly one province code');
  if ((roles.includes('commune-officer') || roles.includes('committee-member')) && !roles.includes('province-admin') && communes.length === 0)
    throw bad('Cán bộ xã và thành viên hội đồng cần ít nhất một mã xã', 'Commune officers and committee members need at least one commune');
  for (const commune of communes) await assertCommuneInProvince(db, provinces[0] ?? '', commune);
}

/** The audit chain of an account's changes: its province, or the national chain. */
const chainOf = (localities: readonly string[], scope: Scope) => provinceOf(localities) ?? (scope.role === 'national' ? '00' : scope.province);

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

/** Refuses changing one's own roles, localities or activity (no self-escalation, no lock-out). */
function notSelf(c: Ctx, id: string): void {
  if (c.get('auth')?.user.id === id.toLowerCase())
    throw new ApiProblem(409, 'SELF_ADMINISTRATION', 'Không tự đổi vai trò, địa bàn hoặc khoá tài khoản của chính mình', 'You cannot change your own role, localities or activity');
}

export function userRoutes() {
  const r = new OpenAPIHono<AppEnv>();

  r.openapi(list, async (c) => {
    const a = await need(c, 'users.admin');
    const items = await scoped(c, a.scope, (trx) => listUsers(trx, a.scope.role === 'national' ? {} : { province: (a.scope as { province: string }).province }));
    return c.json({ items: items.filter((u) => manages(a.scope, u)).map(out) }, 200);
  });

  r.openapi(get, async (c) => {
    const a = await need(c, 'users.admin');
    const u = await scoped(c, a.scope, (trx) => target(trx, a.scope, c.req.valid('param').id));
    return c.json(out(u), 200);
  });

  r.openapi(create, async (c) => {
    const a = await need(c, 'users.admin');
    const body = c.req.valid('json');
    const created = await scoped(c, a.scope, async (trx) => {
      await assertGrant(trx, a.scope, body.roles, body.localities);
      if (await trx.selectFrom('users').select('id').where('email', '=', body.email).executeTakeFirst())
        throw new ApiProblem(409, 'EMAIL_TAKEN', 'Email này đã có tài khoản', 'This e-mail already has an account');
      // No usable password until the person sets one through a reset link.
      const u = await createUser(trx, { email: body.email, displayName: body.name, passwordHash: `$unset$${randomBytes(16).toString('base64url')}`, roles: body.roles, localities: body.localities });
      await audit(trx, c, { province: chainOf(u.localities, a.scope), action: 'user.create', subject: { kind: 'user', id: u.id }, payload: { roles: u.roles, localities: u.localities } });
      return u;
    });
    return c.json(out(created), 201);
  });

  r.openapi(patch, async (c) => {
    const a = await need(c, 'users.admin');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const updated = await scoped(c, a.scope, async (trx) => {
      const u = await target(trx, a.scope, id);
      if (body.roles || body.localities) notSelf(c, u.id);
      const roles = body.roles ?? u.roles;
      const localities = body.localities ?? u.localities;
      await assertGrant(trx, a.scope, roles, localities);
      const next = (await updateUser(trx, u.id, { ...(body.name !== undefined ? { displayName: body.name } : {}), roles, localities }))!;
      await audit(trx, c, {
        province: chainOf(next.localities, a.scope),
        action: 'user.update',
        subject: { kind: 'user', id: u.id },
        payload: { roles: next.roles, localities: next.localities, previousRoles: u.roles, previousLocalities: u.localities, renamed: body.name !== undefined },
      });
      return next;
    });
    // Roles and localities are read with the session: no request may go on with the old ones.
    forgetCachedSessions();
    return c.json(out(updated), 200);
  });

  for (const [route, active] of [[deactivate, false], [reactivate, true]] as const) {
    r.openapi(route, async (c) => {
      const a = await need(c, 'users.admin');
      const { id } = c.req.valid('param');
      const rt = runtime(c);
      const updated = await scoped(c, a.scope, async (trx) => {
        const u = await target(trx, a.scope, id);
        notSelf(c, u.id);
        const now = rt.now();
        const next = (await setUserDisabled(trx, u.id, active ? null : now))!;
        let revoked = 0;
        if (!active) {
          const res = await trx.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', u.id).where('revoked_at', 'is', null).executeTakeFirst();
          revoked = Number(res.numUpdatedRows ?? 0n);
          await trx.updateTable('password_reset_tokens').set({ used_at: now }).where('user_id', '=', u.id).where('used_at', 'is', null).execute();
        }
        await audit(trx, c, { province: chainOf(u.localities, a.scope), action: active ? 'user.reactivate' : 'user.deactivate', subject: { kind: 'user', id: u.id }, payload: active ? {} : { sessionsRevoked: revoked } });
        return next;
      });
      forgetCachedSessions();
      return c.json(out(updated), 200);
    });
  }

  r.openapi(reset, async (c) => {
    const a = await need(c, 'users.admin');
    const { id } = c.req.valid('param');
    const rt = runtime(c);
    const link = await scoped(c, a.scope, async (trx) => {
      const u = await target(trx, a.scope, id);
      if (u.disabled_at) throw new ApiProblem(409, 'USER_DISABLED', 'Tài khoản đang bị khoá; hãy mở lại trước', 'The account is deactivated; reactivate it first');
      const issued = await createPasswordResetToken(trx, { userId: u.id, createdBy: a.user.id, now: rt.now(), ttlMs: RESET_TOKEN_TTL_MS });
      await audit(trx, c, { province: chainOf(u.localities, a.scope), action: 'user.password-reset-issued', subject: { kind: 'user', id: u.id }, payload: { expiresAt: issued.expiresAt.toISOString() } });
      return issued;
    });
    c.header('cache-control', 'no-store');
    return c.json({ token: link.token, url: `${RESET_PAGE}?token=${encodeURIComponent(link.token)}`, expiresAt: link.expiresAt.toISOString() }, 201);
  });

  return r;
}
