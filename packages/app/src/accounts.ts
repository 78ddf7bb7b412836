/**
 * User administration (issue 4): list, read, create, change role and localities, deactivate and
 * reactivate (their sessions are revoked), and issue a one-time password-reset link. A platform
 * admin manages everyone; a province admin only accounts of its province and may not grant platform
 * admin nor localities outside it (ASVS v5.0.0-8.2.1, 8.2.2, 8.4.1). Every change is audited in the
 * same transaction.
 */
import { randomBytes } from 'node:crypto';
import {
  appendAudit,
  createPasswordResetToken,
  createUser,
  getUser,
  isEmailTaken,
  listUsers,
  revokeUserSessions,
  setUserDisabled,
  updateUser,
  voidPasswordResetTokens,
  type Database,
  type Scope,
  type User,
} from '@hoctap/db';
import type { Kysely } from 'kysely';
import { auditEntry, type Caller, type Deps, type Trx } from './deps.js';
import { AppError, outOfScope } from './errors.js';
import { assertCommuneInProvince } from './where.js';

/** A reset link lives 24 hours. */
export const RESET_TOKEN_TTL_MS = 24 * 3600_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const userNotFound = () => new AppError('not-found', 'USER_NOT_FOUND', 'Không tìm thấy tài khoản', 'No such account');
const provinceOf = (localities: readonly string[]) => localities.find((l) => /^[0-9]{2}$/.test(l));

/** Whether the caller's scope reaches an account: national all; a province its own province's accounts (never a platform admin). */
export function manages(scope: Scope, u: User): boolean {
  if (scope.role === 'national') return true;
  if (scope.role !== 'province') return false;
  if (u.roles.includes('platform-admin') || u.roles.includes('system')) return false;
  const provinces = u.localities.filter((l) => /^[0-9]{2}$/.test(l));
  return provinces.length > 0 && provinces.every((p) => p === scope.province);
}

/** An account the caller manages, else `not-found` (same answer for unknown, malformed and out-of-scope ids). */
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
  const bad = (vi: string, en: string) => new AppError('unprocessable', 'ROLE_LOCALITY_INVALID', vi, en);
  const provinces = [...new Set(localities.filter((l) => l.length === 2))];
  const communes = [...new Set(localities.filter((l) => l.length === 5))];
  if (scope.role !== 'national' && roles.includes('platform-admin'))
    throw new AppError('forbidden', 'FORBIDDEN', 'Chỉ quản trị nền tảng mới cấp được vai trò quản trị nền tảng', 'Only a platform admin may grant platform admin');
  if (scope.role !== 'national' && (provinces.some((p) => p !== scope.province) || provinces.length === 0)) throw outOfScope();
  if (roles.includes('platform-admin')) {
    if (localities.length) throw bad('Quản trị nền tảng không gắn với địa bàn', 'A platform admin has no localities');
    return;
  }
  const staff = roles.some((r) => r !== 'citizen');
  if (staff && provinces.length !== 1) throw bad('Cần đúng một mã tỉnh cho vai trò cán bộ', 'Staff roles need exactly one province code');
  // A committee member or a leader without communes sits at the province (scopeOf); a commune officer works in communes.
  if (roles.includes('commune-officer') && !roles.includes('province-admin') && communes.length === 0)
    throw bad('Cán bộ xã cần ít nhất một mã xã', 'Commune officers need at least one commune');
  for (const commune of communes) await assertCommuneInProvince(db, provinces[0] ?? '', commune);
}

/** The audit chain of an account's changes: its province, or the national chain. */
const chainOf = (localities: readonly string[], scope: Scope) => provinceOf(localities) ?? (scope.role === 'national' ? '00' : scope.province);

/** Refuses changing one's own roles, localities or activity (no self-escalation, no lock-out). */
function notSelf(caller: Caller, id: string): void {
  if (caller.userId === id.toLowerCase())
    throw new AppError('conflict', 'SELF_ADMINISTRATION', 'Không tự đổi vai trò, địa bàn hoặc khoá tài khoản của chính mình', 'You cannot change your own role, localities or activity');
}

/** The accounts the caller manages. */
export async function listManagedUsers(_deps: unknown, caller: Caller, trx: Trx): Promise<User[]> {
  const scope = caller.scope;
  const items = await listUsers(trx, scope.role === 'national' ? {} : { province: scope.province });
  return items.filter((u) => manages(scope, u));
}

/** An account the caller manages. */
export function getManagedUser(_deps: unknown, caller: Caller, trx: Trx, input: { id: string }): Promise<User> {
  return target(trx, caller.scope, input.id);
}

/** Creates an account without a usable password (the person sets one through a reset link); `EMAIL_TAKEN` is a conflict. */
export async function createManagedUser(deps: Pick<Deps, 'now'>, caller: Caller, trx: Trx, input: { email: string; name: string; roles: readonly string[]; localities: readonly string[] }): Promise<User> {
  await assertGrant(trx, caller.scope, input.roles, input.localities);
  if (await isEmailTaken(trx, input.email)) throw new AppError('conflict', 'EMAIL_TAKEN', 'Email này đã có tài khoản', 'This e-mail already has an account');
  const u = await createUser(trx, { email: input.email, displayName: input.name, passwordHash: `$unset$${randomBytes(16).toString('base64url')}`, roles: input.roles as string[], localities: input.localities as string[] });
  await appendAudit(trx, auditEntry(deps, caller, { province: chainOf(u.localities, caller.scope), action: 'user.create', subject: { kind: 'user', id: u.id }, payload: { roles: u.roles, localities: u.localities } }));
  return u;
}

/**
 * Renames an account or changes its roles and localities (never one's own). Sessions carry roles:
 * the door forgets its cached sessions once the transaction has committed.
 */
export async function updateManagedUser(deps: Pick<Deps, 'now'>, caller: Caller, trx: Trx, input: { id: string; name?: string | undefined; roles?: readonly string[] | undefined; localities?: readonly string[] | undefined }): Promise<User> {
  const u = await target(trx, caller.scope, input.id);
  if (input.roles || input.localities) notSelf(caller, u.id);
  const roles = input.roles ?? u.roles;
  const localities = input.localities ?? u.localities;
  await assertGrant(trx, caller.scope, roles, localities);
  const next = (await updateUser(trx, u.id, { ...(input.name !== undefined ? { displayName: input.name } : {}), roles: [...roles], localities: [...localities] }))!;
  await appendAudit(
    trx,
    auditEntry(deps, caller, {
      province: chainOf(next.localities, caller.scope),
      action: 'user.update',
      subject: { kind: 'user', id: u.id },
      payload: { roles: next.roles, localities: next.localities, previousRoles: u.roles, previousLocalities: u.localities, renamed: input.name !== undefined },
    }),
  );
  return next;
}

/** Deactivates (its sessions and reset links end) or reactivates an account the caller manages, never its own (the door forgets cached sessions after commit). */
export async function setUserActive(deps: Pick<Deps, 'now'>, caller: Caller, trx: Trx, input: { id: string; active: boolean }): Promise<User> {
  const u = await target(trx, caller.scope, input.id);
  notSelf(caller, u.id);
  const now = deps.now();
  const next = (await setUserDisabled(trx, u.id, input.active ? null : now))!;
  let revoked = 0;
  if (!input.active) {
    revoked = await revokeUserSessions(trx, u.id, now);
    await voidPasswordResetTokens(trx, u.id, now);
  }
  await appendAudit(trx, auditEntry(deps, caller, { province: chainOf(u.localities, caller.scope), action: input.active ? 'user.reactivate' : 'user.deactivate', subject: { kind: 'user', id: u.id }, payload: input.active ? {} : { sessionsRevoked: revoked } }));
  return next;
}

/** Issues a one-time password-reset token (24 hours) for an active account the caller manages; earlier unused ones die. */
export async function issuePasswordReset(deps: Pick<Deps, 'now'>, caller: Caller, trx: Trx, input: { id: string }): Promise<{ token: string; expiresAt: Date }> {
  const u = await target(trx, caller.scope, input.id);
  if (u.disabled_at) throw new AppError('conflict', 'USER_DISABLED', 'Tài khoản đang bị khoá; hãy mở lại trước', 'The account is deactivated; reactivate it first');
  const issued = await createPasswordResetToken(trx, { userId: u.id, createdBy: caller.userId, now: deps.now(), ttlMs: RESET_TOKEN_TTL_MS });
  await appendAudit(trx, auditEntry(deps, caller, { province: chainOf(u.localities, caller.scope), action: 'user.password-reset-issued', subject: { kind: 'user', id: u.id }, payload: { expiresAt: issued.expiresAt.toISOString() } }));
  return issued;
}
