/**
 * Authentication and authorisation building blocks: password policy and hashing (Argon2id),
 * the login rate limiter, session cookies, CSRF tokens bound to the session, roles, permissions
 * and the row-level scope derived from a user. No HTTP routing here.
 */
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { parseDataKey, type Scope } from '@hoctap/db';

/** The roles of the platform. */
export const ROLES = ['platform-admin', 'province-admin', 'commune-officer', 'committee-member', 'citizen'] as const;
export type Role = (typeof ROLES)[number];

/** What a role may do; object-level checks (which locality) come on top. */
export const PERMISSIONS = {
  'people.read': ['platform-admin', 'province-admin', 'commune-officer', 'committee-member'],
  'people.write': ['platform-admin', 'province-admin', 'commune-officer'],
  'campaign.read': ['platform-admin', 'province-admin', 'commune-officer', 'committee-member'],
  'campaign.write': ['platform-admin', 'province-admin', 'commune-officer'],
  'registration.write': ['platform-admin', 'province-admin', 'commune-officer'],
  'review.write': ['platform-admin', 'province-admin', 'committee-member'],
  'proposal.write': ['platform-admin', 'province-admin', 'commune-officer'],
  'decision.write': ['platform-admin', 'province-admin', 'commune-officer'],
  'publish.write': ['platform-admin', 'province-admin'],
  'report.read': ['platform-admin', 'province-admin', 'commune-officer', 'committee-member'],
  'audit.verify': ['platform-admin'],
  'credential.revoke': ['platform-admin', 'province-admin'],
  'template.read': ['platform-admin', 'province-admin', 'commune-officer', 'committee-member'],
  'users.admin': ['platform-admin', 'province-admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** Roles that act for public bodies: they may enrol TOTP and, with `requireMfa`, must. */
export const STAFF_ROLES: readonly Role[] = ['platform-admin', 'province-admin', 'commune-officer', 'committee-member'];

export function isStaff(roles: readonly string[]): boolean {
  return roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r));
}

export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).some((r) => roles.includes(r));
}

/**
 * The row-level scope of a user: platform-admin → national; province-admin → its province;
 * commune-officer / committee-member → its communes (the 5-digit codes) in its province (the
 * 2-digit code); otherwise none (a citizen reaches no staff resource).
 */
export function scopeOf(user: { roles: readonly string[]; localities: readonly string[] }): Scope | null {
  const province = user.localities.find((l) => /^[0-9]{2}$/.test(l));
  const communes = user.localities.filter((l) => /^[0-9]{5}$/.test(l));
  if (user.roles.includes('platform-admin')) return { role: 'national' };
  if (user.roles.includes('province-admin') && province) return { role: 'province', province };
  if ((user.roles.includes('commune-officer') || user.roles.includes('committee-member')) && province && communes.length)
    return { role: 'commune', province, communes };
  return null;
}

/** The same test as the SQL policy `hoctap_can_read` — the first wall, in the handler. */
export function canRead(scope: Scope, row: { province_code: string; commune_code: string | null }): boolean {
  if (scope.role === 'national') return true;
  if (row.province_code !== scope.province) return false;
  return scope.role === 'province' || row.commune_code === null || scope.communes.includes(row.commune_code);
}

/** The same test as the SQL policy `hoctap_can_write`. */
export function canWrite(scope: Scope, row: { province_code: string; commune_code: string | null }): boolean {
  if (scope.role === 'national') return true;
  if (row.province_code !== scope.province) return false;
  return scope.role === 'province' || (row.commune_code !== null && scope.communes.includes(row.commune_code));
}

// ---------------------------------------------------------------------------------------------
// Passwords (ASVS v5.0.0-6.2.x): ≥ 12 characters for new passwords (6.2.1 recommends 15 without
// MFA; 12 is the house minimum), up to 256 (6.2.9: at least 64), no composition rules (6.2.5),
// not a common password (6.2.4), not the account's own e-mail (6.2.11).

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

/** A small list of the most common passwords (international and Vietnamese); compared folded. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '12345678', '123456789', '1234567890', '12345678910', '87654321', '11111111', '00000000', '88888888', '66666666',
  '99999999', '12341234', '11223344', '123123123', '147258369', '123456789a', 'a123456789', '1q2w3e4r', '1qaz2wsx',
  'qwertyui', 'qwerty123', 'qwertyuiop', 'asdfghjk', 'zxcvbnm1', 'password', 'password1', 'password123', 'passw0rd',
  'p@ssw0rd', 'p@ssword', 'iloveyou', 'iloveyou1', 'sunshine', 'princess', 'football', 'baseball', 'welcome1',
  'welcome123', 'abc12345', 'abcd1234', 'admin123', 'administrator', 'letmein1', 'trustno1', 'superman', 'starwars',
  'whatever', 'computer', 'internet', 'changeme', 'default1', 'matkhau', 'matkhau1', 'matkhau123', 'matkhau@123',
  'anhyeuem', 'anhyeuem1', 'anhyeuem123', 'emyeuanh', 'emyeuanh1', 'yeuemmaimai', 'vietnam1', 'vietnam123', 'hanoi123',
  'saigon123', 'hoctap123', 'hoctap2025', 'hoctap2026', 'congdanhoctap', 'khuyenhoc', 'khuyenhoc123', 'ubnd1234',
  'admin@123', 'abc@1234', 'abc@12345', 'aa123456', 'a1234567', 'qwe12345', 'zaq12wsx', 'asdf1234', '0123456789',
  '12344321', '19001900', 'hocsinh1', 'giadinh1', 'doanthanhnien',
  // Common ones that pass the 12-character minimum.
  '123456789012', '1234567890123', '111111111111', '000000000000', '123123123123', '123456123456', 'qwerty123456',
  'qwertyuiop12', '1q2w3e4r5t6y', 'password1234', 'password12345', 'passwordpassword', 'iloveyou1234', 'abcd12345678',
  'matkhau12345', 'matkhau123456', 'matkhaucuatoi', 'anhyeuem1234', 'anhyeuemnhieu', 'emyeuanhnhieu', 'vietnam12345',
  'vietnamvodich', 'hoctap123456', 'hoctap@12345', 'khuyenhoc2025', 'khuyenhoc2026', 'congdanhoctap1', 'admin1234567',
  'administrator1', 'quantri123456', 'quantrivien1',
]);

const foldPassword = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/\s+/g, '');

/**
 * Why a new password is refused, or null when it is acceptable. The common list is checked first,
 * so a short common password is named as common. `context.email`: the account's e-mail, refused
 * as a password (whole or its local part).
 */
export function passwordProblem(
  password: string,
  context: { email?: string } = {},
): null | { code: 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_COMMON' | 'PASSWORD_IS_EMAIL'; vi: string; en: string } {
  const chars = [...password.normalize('NFC')].length;
  const folded = foldPassword(password);
  if (COMMON_PASSWORDS.has(folded))
    return { code: 'PASSWORD_COMMON', vi: 'Mật khẩu này quá phổ biến, hãy chọn mật khẩu khác', en: 'This password is too common; choose another one' };
  if (context.email) {
    const email = foldPassword(context.email);
    const local = email.split('@')[0] ?? '';
    if (folded === email || (local.length >= 4 && folded === local))
      return { code: 'PASSWORD_IS_EMAIL', vi: 'Mật khẩu không được trùng với email của tài khoản', en: 'The password must not be the account’s e-mail' };
  }
  if (chars < PASSWORD_MIN)
    return { code: 'PASSWORD_TOO_SHORT', vi: `Mật khẩu cần ít nhất ${PASSWORD_MIN} ký tự`, en: `The password needs at least ${PASSWORD_MIN} characters` };
  if (chars > PASSWORD_MAX)
    return { code: 'PASSWORD_TOO_LONG', vi: `Mật khẩu dài tối đa ${PASSWORD_MAX} ký tự`, en: `The password may have at most ${PASSWORD_MAX} characters` };
  return null;
}

/**
 * Hashes a password with Argon2id (OWASP parameters: m = 19 MiB, t = 2, p = 1) after checking the
 * policy; throws a RangeError naming the problem.
 * @example await createUser(db, { email, displayName, passwordHash: await hashPassword('một câu dài dễ nhớ'), roles });
 */
export async function hashPassword(password: string): Promise<string> {
  const p = passwordProblem(password);
  if (p) throw new RangeError(p.en);
  return hash(password.normalize('NFC'), { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

/** A hash verified against when the account does not exist, so that timing does not reveal accounts. */
let dummyHash: Promise<string> | undefined;

/** Verifies a password; `hashed` undefined runs a dummy verification and returns false. */
export async function verifyPassword(hashed: string | undefined, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX * 4) return false;
  const target = hashed ?? (await (dummyHash ??= hash('dummy-password-for-timing', { memoryCost: 19_456, timeCost: 2, parallelism: 1 })));
  try {
    const ok = await verify(target, password.normalize('NFC'));
    return hashed !== undefined && ok;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Login rate limiting (ASVS v5.0.0-6.3.1): failures counted per account and per address.

/** A sliding-window failure counter against an injected clock (in memory: one process). */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly now: () => Date,
    readonly max = 5,
    readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string): number[] {
    const t = this.now().getTime();
    const list = (this.failures.get(key) ?? []).filter((x) => t - x < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const list = this.recent(key);
    if (list.length < this.max) return 0;
    return Math.max(1, Math.ceil((list[list.length - this.max]! + this.windowMs - this.now().getTime()) / 1000));
  }

  fail(key: string): void {
    const list = this.recent(key);
    list.push(this.now().getTime());
    this.failures.set(key, list);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}

// ---------------------------------------------------------------------------------------------
// Sessions and CSRF (ASVS v5.0.0-7.2.x, 3.5.1).

export const SESSION_IDLE_MS = 30 * 60_000;
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
