/**
 * Sign-in, sign-out and the caller's own account: the password check with its throttle, the second
 * step (TOTP or a recovery code), the session that results, password change and reset, TOTP
 * enrolment and removal. ASVS v5.0.0-6.2 (passwords), 6.3 (throttling, two steps), 6.4 (recovery),
 * 6.5 (TOTP, recovery codes), 7.4.3 (sessions ended after a password change).
 *
 * These take the database, not a transaction: a refused attempt is audited and counted even though
 * the use case then throws, and the writes that belong together run in a transaction of their own.
 * Cookies, CSRF tokens and the session middleware stay with the door (the API).
 */
import { randomBytes } from 'node:crypto';
import {
  acceptTotpStep,
  appendAudit,
  consumePasswordResetToken,
  createSession,
  disableTotp as clearTotp,
  enableTotp,
  findPasswordResetToken,
  findUserByEmail,
  forgetCachedSessions,
  getUser,
  recoveryCodeHash,
  revokeOtherSessions,
  revokeSession,
  revokeUserSessions,
  sessionId,
  setPasswordHash,
  setPendingTotp,
  useRecoveryCode,
  type Database,
  type User,
} from '@hoctap/db';
import type { Kysely } from 'kysely';
import { auditEntry, type Caller, type Deps } from './deps.js';
import { AppError } from './errors.js';
import type { LoginLimiter } from './limiter.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { isStaff } from './permissions.js';
import { challengeUser, challengeValid, isRecoveryCode, mfaChallenge, MFA_CHALLENGE_MS, newRecoveryCodes, newTotpSecret, totpStep, totpUri } from './totp.js';

/** What signing in and the account's own security need beyond the platform's deps. */
export interface AuthDeps extends Pick<Deps, 'db' | 'now' | 'totpCipher'> {
  /** Failures per account and per address (one process's memory). */
  readonly limiter: LoginLimiter;
  /** The server key the sign-in challenge between password and code is MAC'd with. */
  readonly challengeKey: Buffer;
  /** The absolute lifetime of a new session. */
  readonly sessionMs: number;
}

/** Who asks: the account when signed in, and the network address. */
export type Requester = Pick<Caller, 'userId' | 'address'>;

/** A session just opened: its token (the cookie's value, never stored) and its id (the token's hash). */
export interface OpenedSession {
  user: User;
  token: string;
  sessionId: string;
}

const audit = (deps: AuthDeps, who: Requester, entry: Parameters<typeof auditEntry>[2]) => appendAudit(deps.db, auditEntry(deps, who, entry));
const minutes = (s: number) => Math.ceil(s / 60);

/** Refuses with `rate-limited` while any key waits (the wait in `details.retryAfter`, seconds). */
function throttle(deps: AuthDeps, keys: string[], code = 'TOO_MANY_ATTEMPTS'): void {
  const wait = Math.max(...keys.map((k) => deps.limiter.retryAfter(k)));
  if (wait > 0)
    throw new AppError('rate-limited', code, `Sai quá nhiều lần; hãy thử lại sau ${minutes(wait)} phút`, `Too many failed attempts; try again in ${minutes(wait)} min`, { retryAfter: wait });
}

/**
 * Opens a session for an account whose credentials were checked: ends the one presented with the
 * request (rotation), makes a new token, audits `auth.login` with how the account proved itself.
 */
export async function openSession(deps: AuthDeps, who: Requester, db: Kysely<Database>, input: { user: User; method: 'password' | 'totp' | 'recovery-code'; previousToken?: string | undefined }): Promise<OpenedSession> {
  if (input.previousToken && input.previousToken.length <= 200) await revokeSession(db, sessionId(input.previousToken), deps.now());
  const token = randomBytes(32).toString('base64url');
  const session = await createSession(db, { token, userId: input.user.id, now: deps.now(), absoluteMs: deps.sessionMs });
  await audit(deps, who, { province: '00', action: 'auth.login', actorId: input.user.id, subject: { kind: 'user', id: input.user.id }, payload: { method: input.method } });
  return { user: input.user, token, sessionId: session.id };
}

/** What a correct password gives: a session, or (TOTP enrolled) the challenge for the second step. */
export type SignInResult = { session: OpenedSession } | { mfa: { challenge: string; expiresInSeconds: number; user: User } };

/**
 * Checks an e-mail and password (throttled per account and per address, a dummy hash for unknown
 * accounts so timing tells nothing); opens a session, or answers a challenge when TOTP is enrolled.
 */
export async function signIn(deps: AuthDeps, who: Requester, db: Kysely<Database>, input: { email: string; password: string; previousToken?: string | undefined }): Promise<SignInResult> {
  const accountKey = `account:${input.email.toLowerCase()}`;
  const addressKey = `address:${who.address ?? 'unknown'}`;
  const wait = Math.max(deps.limiter.retryAfter(accountKey), deps.limiter.retryAfter(addressKey));
  const user = await findUserByEmail(db, input.email);
  if (wait > 0) {
    await audit(deps, who, { province: '00', action: 'auth.login.throttled', actorId: user?.id ?? null, payload: { retryAfter: wait } });
    throw new AppError('rate-limited', 'LOGIN_THROTTLED', `Đăng nhập sai quá nhiều lần; hãy thử lại sau ${minutes(wait)} phút`, `Too many failed sign-ins; try again in ${minutes(wait)} min`, { retryAfter: wait });
  }
  const ok = (await verifyPassword(user?.password_hash, input.password)) && !!user && !user.disabled_at;
  if (!ok || !user) {
    deps.limiter.fail(accountKey);
    deps.limiter.fail(addressKey);
    await audit(deps, who, { province: '00', action: 'auth.login.failed', actorId: user?.id ?? null, payload: { reason: !user ? 'unknown-account' : user.disabled_at ? 'disabled' : 'bad-password' } });
    throw new AppError('unauthenticated', 'LOGIN_FAILED', 'Email hoặc mật khẩu không đúng', 'Wrong email or password');
  }
  deps.limiter.reset(accountKey);
  if (user.totp_enabled_at) {
    // Two steps: no session yet, a short-lived challenge for the code (ASVS v5.0.0-6.3.3).
    await audit(deps, who, { province: '00', action: 'auth.login.password-ok', actorId: user.id, subject: { kind: 'user', id: user.id } });
    return { mfa: { challenge: mfaChallenge(deps.challengeKey, user, deps.now()), expiresInSeconds: MFA_CHALLENGE_MS / 1000, user } };
  }
  return { session: await openSession(deps, who, db, { user, method: 'password', previousToken: input.previousToken }) };
}

/**
 * Checks a second factor of an account with TOTP enrolled: a 6-digit code of a step not yet
 * accepted, or an unused recovery code (spent). Returns how it was proven, or null.
 */
async function checkSecondFactor(deps: AuthDeps, db: Kysely<Database>, user: User, submitted: string): Promise<'totp' | 'recovery-code' | null> {
  if (isRecoveryCode(submitted)) return (await useRecoveryCode(db, user.id, submitted)) ? 'recovery-code' : null;
  if (!user.totp_secret_enc) return null;
  const step = totpStep(deps.totpCipher.decrypt(user.totp_secret_enc, user.id), submitted, deps.now());
  if (step === null) return null;
  // Atomic: the same code (or an earlier one) presented again is a replay.
  return (await acceptTotpStep(db, user.id, step)) ? 'totp' : null;
}

const wrongCode = () => new AppError('unauthenticated', 'MFA_CODE_INVALID', 'Mã xác thực không đúng, đã dùng hoặc đã hết hạn', 'The code is wrong, already used or expired');

/** The second step of signing in: the challenge of the first and a TOTP or recovery code; opens the session. */
export async function signInSecondStep(deps: AuthDeps, who: Requester, db: Kysely<Database>, input: { challenge: string; code: string; previousToken?: string | undefined }): Promise<OpenedSession> {
  const address = `address:${who.address ?? 'unknown'}`;
  const userId = challengeUser(input.challenge, deps.now());
  const user = userId ? await getUser(db, userId) : undefined;
  if (!user || user.disabled_at || !user.totp_enabled_at || !challengeValid(deps.challengeKey, input.challenge, user.password_hash)) {
    deps.limiter.fail(address);
    await audit(deps, who, { province: '00', action: 'auth.mfa.failed', actorId: user?.id ?? null, payload: { reason: 'bad-challenge' } });
    throw new AppError('unauthenticated', 'MFA_CHALLENGE_INVALID', 'Phiên đăng nhập bước hai đã hết hạn; hãy nhập lại mật khẩu', 'The sign-in step has expired; enter your password again');
  }
  const key = `mfa:${user.id}`;
  throttle(deps, [key, address]);
  const how = await checkSecondFactor(deps, db, user, input.code);
  if (!how) {
    deps.limiter.fail(key);
    deps.limiter.fail(address);
    await audit(deps, who, { province: '00', action: 'auth.mfa.failed', actorId: user.id, subject: { kind: 'user', id: user.id }, payload: { reason: 'bad-code' } });
    throw wrongCode();
  }
  deps.limiter.reset(key);
  return openSession(deps, who, db, { user, method: how, previousToken: input.previousToken });
}

/** Ends the caller's session (audited). */
export async function signOut(deps: AuthDeps, who: Requester, db: Kysely<Database>, input: { sessionId: string }): Promise<void> {
  await revokeSession(db, input.sessionId, deps.now());
  await audit(deps, who, { province: '00', action: 'auth.logout', ...(who.userId ? { subject: { kind: 'user', id: who.userId } } : {}) });
}

/** The caller's current account row (the session's copy may predate this request's changes). */
async function me(db: Kysely<Database>, who: Requester): Promise<User> {
  const u = who.userId ? await getUser(db, who.userId) : undefined;
  if (!u) throw new AppError('unauthenticated', 'UNAUTHENTICATED', 'Cần đăng nhập', 'You need to sign in');
  return u;
}

/** A refused new password → `invalid` with the policy's reason. */
function assertPolicy(newPassword: string, email: string): void {
  const bad = passwordProblem(newPassword, { email });
  if (bad) throw new AppError('invalid', bad.code, bad.vi, bad.en);
}

/** Changes the caller's password: the current one checked (throttled), the new one against the policy; every other session ends. */
export async function changePassword(deps: AuthDeps, who: Requester, db: Kysely<Database>, input: { sessionId: string; currentPassword: string; newPassword: string }): Promise<void> {
  const key = `password:${who.userId}`;
  throttle(deps, [key]);
  const user = await me(db, who);
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    deps.limiter.fail(key);
    await audit(deps, who, { province: '00', action: 'auth.password.change-refused', subject: { kind: 'user', id: user.id } });
    throw new AppError('unauthenticated', 'PASSWORD_WRONG', 'Mật khẩu hiện tại không đúng', 'The current password is wrong');
  }
  deps.limiter.reset(key);
  assertPolicy(input.newPassword, user.email);
  const hashed = await hashPassword(input.newPassword);
  const now = deps.now();
  await db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, user.id, hashed, now);
    const revoked = await revokeOtherSessions(trx, user.id, input.sessionId, now);
    await appendAudit(trx, auditEntry(deps, who, { province: '00', action: 'auth.password.change', subject: { kind: 'user', id: user.id }, payload: { sessionsRevoked: revoked } }));
  });
  forgetCachedSessions();
}

/** Sets a new password with an administrator's one-time token (throttled per address); every session ends, TOTP stays. */
export async function resetPassword(deps: AuthDeps, who: Requester, db: Kysely<Database>, input: { token: string; newPassword: string }): Promise<void> {
  const address = `address:${who.address ?? 'unknown'}`;
  throttle(deps, [address]);
  const invalid = () => new AppError('invalid', 'RESET_TOKEN_INVALID', 'Liên kết đặt lại mật khẩu không hợp lệ, đã dùng hoặc đã hết hạn', 'The reset link is invalid, used or expired');
  // Look first without spending, so a refused new password does not burn the link.
  const row = await findPasswordResetToken(db, input.token);
  const user = row ? await getUser(db, row.user_id) : undefined;
  if (!row || !user || user.disabled_at || row.used_at || row.expires_at.getTime() <= deps.now().getTime()) {
    deps.limiter.fail(address);
    await audit(deps, who, { province: '00', action: 'auth.password.reset-refused', actorId: null, payload: { reason: !row ? 'unknown' : row.used_at ? 'used' : 'expired-or-disabled' } });
    throw invalid();
  }
  assertPolicy(input.newPassword, user.email);
  const hashed = await hashPassword(input.newPassword);
  const now = deps.now();
  await db.transaction().execute(async (trx) => {
    const spent = await consumePasswordResetToken(trx, input.token, now);
    if (!spent.ok || spent.userId !== user.id) throw invalid();
    await setPasswordHash(trx, user.id, hashed, now);
    await revokeUserSessions(trx, user.id, now);
    await appendAudit(trx, auditEntry(deps, who, { province: '00', action: 'auth.password.reset', actorId: user.id, subject: { kind: 'user', id: user.id } }));
  });
  forgetCachedSessions();
}

/** Starts TOTP enrolment for a staff account without it: a new secret (stored encrypted, not yet active) and its otpauth URI. */
export async function startTotp(deps: AuthDeps, who: Requester, db: Kysely<Database>): Promise<{ secret: string; uri: string }> {
  const user = await me(db, who);
  if (!isStaff(user.roles)) throw new AppError('forbidden', 'FORBIDDEN', 'Chỉ tài khoản cán bộ dùng xác thực hai bước', 'Only staff accounts use two-step verification');
  if (user.totp_enabled_at) throw new AppError('conflict', 'TOTP_ALREADY_ENABLED', 'Xác thực hai bước đã bật; hãy tắt trước khi đăng ký lại', 'Two-step verification is already on; turn it off first');
  const secret = newTotpSecret();
  await setPendingTotp(db, user.id, deps.totpCipher.encrypt(secret, user.id));
  await audit(deps, who, { province: '00', action: 'auth.totp.setup', subject: { kind: 'user', id: user.id } });
  return { secret, uri: totpUri(secret, user.email) };
}

/** Confirms TOTP enrolment with a code: two-step sign-in is on; the recovery codes are answered once. */
export async function confirmTotp(deps: AuthDeps, who: Requester, db: Kysely<Database>, input: { code: string }): Promise<{ recoveryCodes: string[] }> {
  const user = await me(db, who);
  if (user.totp_enabled_at) throw new AppError('conflict', 'TOTP_ALREADY_ENABLED', 'Xác thực hai bước đã bật', 'Two-step verification is already on');
  if (!user.totp_secret_enc) throw new AppError('conflict', 'TOTP_NOT_STARTED', 'Chưa bắt đầu bật xác thực hai bước', 'Two-step verification setup has not started');
  const key = `mfa:${user.id}`;
  throttle(deps, [key]);
  const step = totpStep(deps.totpCipher.decrypt(user.totp_secret_enc, user.id), input.code, deps.now());
  if (step === null) {
    deps.limiter.fail(key);
    await audit(deps, who, { province: '00', action: 'auth.mfa.failed', subject: { kind: 'user', id: user.id }, payload: { reason: 'bad-code', during: 'enrolment' } });
    throw wrongCode();
  }
  deps.limiter.reset(key);
  const codes = newRecoveryCodes();
  await db.transaction().execute(async (trx) => {
    await enableTotp(trx, user.id, { now: deps.now(), step, recoveryCodeHashes: codes.map(recoveryCodeHash) });
    await appendAudit(trx, auditEntry(deps, who, { province: '00', action: 'auth.totp.enable', subject: { kind: 'user', id: user.id } }));
  });
  forgetCachedSessions();
  return { recoveryCodes: codes };
}

/** Turns TOTP off: the password and a code (or a recovery code) are both needed. */
export async function disableTotp(deps: AuthDeps, who: Requester, db: Kysely<Database>, input: { password: string; code: string }): Promise<void> {
  const user = await me(db, who);
  if (!user.totp_enabled_at) throw new AppError('conflict', 'TOTP_NOT_ENABLED', 'Xác thực hai bước chưa bật', 'Two-step verification is not on');
  const key = `mfa:${user.id}`;
  throttle(deps, [key]);
  const ok = (await verifyPassword(user.password_hash, input.password)) && (await checkSecondFactor(deps, db, user, input.code)) !== null;
  if (!ok) {
    deps.limiter.fail(key);
    await audit(deps, who, { province: '00', action: 'auth.totp.disable-refused', subject: { kind: 'user', id: user.id } });
    throw new AppError('unauthenticated', 'MFA_DISABLE_REFUSED', 'Mật khẩu hoặc mã xác thực không đúng', 'Wrong password or code');
  }
  deps.limiter.reset(key);
  await db.transaction().execute(async (trx) => {
    await clearTotp(trx, user.id);
    await appendAudit(trx, auditEntry(deps, who, { province: '00', action: 'auth.totp.disable', subject: { kind: 'user', id: user.id } }));
  });
  forgetCachedSessions();
}
