/**
 * Authentication and authorisation building blocks of the HTTP door: session cookies and CSRF
 * tokens bound to the session. Roles, permissions, the row scope, the password policy and hashing
 * and the attempt limiter live in the application layer (`@hoctap/app`) and are re-exported here.
 */
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseDataKey } from '@hoctap/db';

export {
  ROLES,
  PERMISSIONS,
  STAFF_ROLES,
  isStaff,
  isRole,
  hasPermission,
  scopeOf,
  canRead,
  canWrite,
  PASSWORD_MIN,
  PASSWORD_MAX,
  COMMON_PASSWORDS,
  passwordProblem,
  hashPassword,
  verifyPassword,
  LoginLimiter,
  type Role,
  type Permission,
} from '@hoctap/app';

// ---------------------------------------------------------------------------------------------
// Sessions and CSRF (ASVS v5.0.0-7.2.x, 3.5.1).

/** A session ends after 30 minutes without a request. */
export const SESSION_IDLE_MS = 30 * 60_000;
/** A session ends 12 hours after sign-in whatever happens. */
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;

/** The session cookie's name: `__Host-` prefixed when the cookie is Secure. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-hoctap_session' : 'hoctap_session';
}

/** A new session token: 256 random bits, base64url. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Derives the CSRF key from the data key (HKDF, its own label). */
export function csrfKey(dataKey: string | Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', parseDataKey(dataKey), Buffer.from('hoctap/api', 'utf8'), 'csrf v1', 32));
}

/** The CSRF token of a session: HMAC of the session id, so it is bound to the session and needs no storage. */
export function csrfToken(key: Buffer, sessionId: string): string {
  return createHmac('sha256', key).update(sessionId, 'utf8').digest('base64url');
}

/** Tokens already derived, per key and session id (an HMAC per unsafe request showed in profiles). */
const CSRF_TOKENS = new WeakMap<Buffer, Map<string, Buffer>>();

/** Compares a presented CSRF token with the session's, in constant time. */
export function csrfMatches(key: Buffer, sessionId: string, presented: string | undefined): boolean {
  if (!presented) return false;
  let tokens = CSRF_TOKENS.get(key);
  if (!tokens) CSRF_TOKENS.set(key, (tokens = new Map()));
  let a = tokens.get(sessionId);
  if (!a) {
    if (tokens.size >= 10_000) tokens.clear();
    a = Buffer.from(csrfToken(key, sessionId));
    tokens.set(sessionId, a);
  }
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
