/** What handlers share: the signed-in user, permission checks, scoped transactions, clocks and problems. */
import type { Context } from 'hono';
import type { Caller, Deps } from '@hoctap/app';
import type { Model } from '@hoctap/core';
import { appendAudit, withScope, type AuditInput, type CitizenIdCipher, type Database, type IssuerKeyCipher, type Scope, type TotpSecretCipher } from '@hoctap/db';
import type { Kysely, Transaction } from 'kysely';
import { ApiProblem } from './problem.js';
import { hasPermission, LoginLimiter, type Permission, type Role } from './security.js';
import type { AppDeps } from './app-deps.js';

/** The signed-in user as the API describes it. */
export interface AuthUser {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  localities: string[];
  /** TOTP is enrolled (sign-in takes a code). */
  totp?: boolean;
  /** The server requires staff to enrol TOTP and this account has not: only `/api/auth/*` is open. */
  mfaEnrolmentRequired?: boolean;
}

/** The request's authentication: the user, the session (token hash) and the row scope. */
export interface Auth {
  user: AuthUser;
  sessionId: string;
  scope: Scope | null;
}

/** Per-app state built once from the deps. */
export interface Runtime {
  db: Kysely<Database>;
  dialect: string;
  cipher: CitizenIdCipher;
  /** Encrypts the provinces' credential signing keys (derived from the data key). */
  keyCipher: IssuerKeyCipher;
  /** The public origin printed in QR codes and credentials. */
  publicUrl: string;
  csrfKey: Buffer;
  /** Encrypts TOTP secrets at rest (derived from the data key). */
  totpCipher: TotpSecretCipher;
  /** Staff must enrol TOTP at their next sign-in (`HOCTAP_REQUIRE_MFA=1`). */
  requireMfa: boolean;
  /** See `AppDeps.sessionCacheMs`. */
  sessionCacheMs: number;
  now: () => Date;
  secure: boolean;
  limiter: LoginLimiter;
  /** Responses replayed for a repeated `Idempotency-Key` (per user), with the request's hash. */
  idempotency: Map<string, { at: number; requestHash: string; status: number; body: unknown }>;
  models: Map<string, { model: Model; ref: string }>;
}

export type AppEnv = { Variables: { deps: AppDeps; rt?: Runtime; auth?: Auth } };
export type Ctx = Context<AppEnv>;

export function runtime(c: Ctx): Runtime {
  const rt = c.get('rt');
  if (!rt) throw new ApiProblem(503, 'NO_DATABASE', 'Máy chủ chưa được nối với cơ sở dữ liệu', 'The server has no database configured');
  return rt;
}

/** The application layer's dependencies, built once per runtime from the app's deps. */
const DEPS = new WeakMap<Runtime, Deps>();

/** The application layer's dependencies of this app (see `Deps` in `@hoctap/app`). */
export function depsOf(c: Ctx): Deps {
  const rt = runtime(c);
  let d = DEPS.get(rt);
  if (!d) {
    const deps = c.get('deps');
    d = { db: rt.db, registry: deps.registry, cipher: rt.cipher, keyCipher: rt.keyCipher, totpCipher: rt.totpCipher, publicUrl: rt.publicUrl, now: rt.now, models: rt.models, onJobQueued: deps.onJobQueued };
    DEPS.set(rt, d);
  }
  return d;
}

/** The caller of a use case: the signed-in account, its roles, its scope and its address. */
export function callerOf(c: Ctx, auth: Auth & { scope: Scope }): Caller {
  return { userId: auth.user.id, roles: auth.user.roles, scope: auth.scope, address: c.get('deps').clientAddress?.(c) };
}

/** Who asks when there may be no scope (sign-in, the public paths): the account if signed in, and the address. */
export function requesterOf(c: Ctx): Pick<Caller, 'userId' | 'address'> {
  return { userId: c.get('auth')?.user.id ?? null, address: c.get('deps').clientAddress?.(c) };
}

/** The signed-in user, or a 401 problem. */
export function authOf(c: Ctx): Auth {
  const a = c.get('auth');
  if (!a) throw unauthorised();
  return a;
}

export const unauthorised = () => new ApiProblem(401, 'UNAUTHENTICATED', 'Cần đăng nhập', 'You need to sign in');

/** The signed-in user with a permission and a scope, else 401 / 403 (the refusal is audited). */
export async function need(c: Ctx, permission: Permission): Promise<Auth & { scope: Scope }> {
  const a = authOf(c);
  if (!hasPermission(a.user.roles, permission) || !a.scope) {
    await audit(runtime(c).db, c, { province: '00', action: 'authz.refused', payload: { permission, method: c.req.method, route: c.req.routePath } }).catch(() => {});
    throw new ApiProblem(403, 'FORBIDDEN', 'Tài khoản không có quyền thực hiện việc này', 'Your account may not do this');
  }
  return a as Auth & { scope: Scope };
}

/** Runs `fn` in a transaction scoped to the user (RLS is the second wall). */
export function scoped<T>(c: Ctx, scope: Scope, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return withScope(runtime(c).db, scope, fn);
}

/** Appends an audit entry with who, what, when (the injected clock) and where (the address). */
export function audit(
  db: Kysely<Database>,
  c: Ctx,
  entry: { province: string; action: string; subject?: { kind: string; id: string }; payload?: Record<string, unknown>; actorId?: string | null },
) {
  return appendAudit(db, auditInput(c, entry));
}

/** The audit entry of `entry` with who, when and where filled in (for writes that carry their entry themselves). */
export function auditInput(
  c: Ctx,
  entry: { province: string; action: string; subject?: { kind: string; id: string }; payload?: Record<string, unknown>; actorId?: string | null },
): AuditInput {
  const rt = c.get('rt')!;
  const actorId = entry.actorId !== undefined ? entry.actorId : (c.get('auth')?.user.id ?? null);
  const where = c.get('deps').clientAddress?.(c);
  return {
    province: entry.province,
    action: entry.action,
    actorId,
    subject: entry.subject ?? null,
    payload: { ...(entry.payload ?? {}), ...(where ? { from: where } : {}) },
    at: rt.now(),
  };
}

/** How long a bulk request's answer is replayed for a retry with the same Idempotency-Key. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

/**
 * Idempotency-Key for a bulk request (per user): `replayed` is the first answer when the same key
 * comes again with the same request (`requestHash`) — a 409 problem with another request — and
 * `remember` keeps this answer. Expired answers are dropped as new ones are kept.
 */
export function idempotency<T>(c: Ctx, userId: string, requestHash: string): { replayed: T | undefined; remember(body: T): void } {
  const rt = runtime(c);
  const key = c.req.header('idempotency-key');
  const cacheKey = key ? `${userId}:${key}` : undefined;
  let replayed: T | undefined;
  const hit = cacheKey ? rt.idempotency.get(cacheKey) : undefined;
  if (hit && rt.now().getTime() - hit.at < IDEMPOTENCY_TTL_MS) {
    if (hit.requestHash !== requestHash)
      throw new ApiProblem(409, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key này đã dùng cho một yêu cầu khác', 'This Idempotency-Key was used for another request');
    c.header('idempotent-replayed', 'true');
    replayed = hit.body as T;
  }
  return {
    replayed,
    remember(body: T) {
      if (!cacheKey) return;
      const now = rt.now().getTime();
      for (const [k, v] of rt.idempotency) {
        if (now - v.at < IDEMPOTENCY_TTL_MS) break; // kept in the order they came
        rt.idempotency.delete(k);
      }
      rt.idempotency.delete(cacheKey);
      rt.idempotency.set(cacheKey, { at: now, requestHash, status: 200, body });
    },
  };
}
