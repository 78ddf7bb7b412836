/**
 * The HTTP side of sessions: the signed-in user as the API describes it, the session cookie set
 * for a session the application layer opened, the sign-in use cases' dependencies from the runtime,
 * and the Retry-After header of a throttled attempt.
 */
import { z } from '@hono/zod-openapi';
import { isAppError, type AuthDeps, type OpenedSession } from '@hoctap/app';
import type { User } from '@hoctap/db';
import { getCookie, setCookie } from 'hono/cookie';
import { runtime, type AuthUser, type Ctx, type Runtime } from './context.js';
import { ROLES, csrfToken, isRole, isStaff, sessionCookieName, SESSION_ABSOLUTE_MS } from './security.js';

/** The signed-in user as the API describes it (with whether TOTP enrolment is still required). */
export function userOut(u: User, rt?: Pick<Runtime, 'requireMfa'>): AuthUser {
  const totp = !!u.totp_enabled_at;
  return {
    id: u.id,
    name: u.display_name,
    email: u.email,
    roles: u.roles.filter(isRole),
    localities: [...u.localities],
    totp,
    mfaEnrolmentRequired: !!rt?.requireMfa && isStaff(u.roles) && !totp,
  };
}

const UserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    roles: z.array(z.enum(ROLES)),
    localities: z.array(z.string()),
    totp: z.boolean().optional(),
    mfaEnrolmentRequired: z.boolean().optional(),
  })
  .openapi('User');
/** The answer of a sign-in: the user and the session's CSRF token. */
export const SessionOut = z.object({ user: UserSchema, csrfToken: z.string() }).openapi('SessionInfo');

const AUTH_DEPS = new WeakMap<Runtime, AuthDeps>();

/** The sign-in and account use cases' dependencies of this app (the runtime's limiter, clock and keys). */
export function authDepsOf(c: Ctx): AuthDeps {
  const rt = runtime(c);
  let d = AUTH_DEPS.get(rt);
  if (!d) {
    d = { db: rt.db, now: rt.now, totpCipher: rt.totpCipher, limiter: rt.limiter, challengeKey: rt.csrfKey, sessionMs: SESSION_ABSOLUTE_MS };
    AUTH_DEPS.set(rt, d);
  }
  return d;
}

/** The session token presented with the request, if any (ended at sign-in: rotation). */
export function presentedToken(c: Ctx): string | undefined {
  return getCookie(c, sessionCookieName(runtime(c).secure));
}

/** Sets the cookie of a session the application layer opened; answers the user and the CSRF token. */
export function startSession(c: Ctx, opened: OpenedSession) {
  const rt = runtime(c);
  setCookie(c, sessionCookieName(rt.secure), opened.token, {
    httpOnly: true,
    secure: rt.secure,
    sameSite: 'Lax',
    path: '/',
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
  c.header('cache-control', 'no-store');
  return { user: userOut(opened.user, rt), csrfToken: csrfToken(rt.csrfKey, opened.sessionId) };
}

/** Runs `fn`; a throttled refusal (`rate-limited` with `retryAfter`) carries the Retry-After header. */
export async function withRetryAfter<T>(c: Ctx, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isAppError(e) && e.kind === 'rate-limited' && typeof e.details['retryAfter'] === 'number') c.header('retry-after', String(e.details['retryAfter']));
    throw e;
  }
}
