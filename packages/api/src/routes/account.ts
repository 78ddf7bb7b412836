/**
 * The caller's own account: the second sign-in step (TOTP or a recovery code), password change,
 * password reset with an administrator's one-time token, TOTP enrolment and removal.
 * ASVS v5.0.0-6.2 (passwords), 6.4 (recovery), 6.5 (TOTP, recovery codes), 7.4.3 (sessions ended
 * after a password change).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  acceptTotpStep,
  consumePasswordResetToken,
  disableTotp,
  forgetCachedSessions,
  enableTotp,
  getUser,
  recoveryCodeHash,
  setPasswordHash,
  setPendingTotp,
  useRecoveryCode,
  type Database,
  type User,
} from '@hoctap/db';
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit, authOf, runtime, type AppEnv, type Ctx, type Runtime } from '../context.js';
import { ApiProblem } from '../problem.js';
import { Problem } from '../schemas.js';
import { hashPassword, isStaff, passwordProblem, verifyPassword, PASSWORD_MAX } from '../security.js';
import { challengeUser, challengeValid, isRecoveryCode, newRecoveryCodes, newTotpSecret, totpStep, totpUri } from '../totp.js';
import { SessionOut, startSession } from './auth.js';
import { security } from './common.js';

const p = (description: string) => ({ content: { 'application/problem+json': { schema: Problem } }, description });
const problems = {
  400: p('Yêu cầu sai hoặc mật khẩu mới không đạt (PASSWORD_TOO_SHORT, PASSWORD_COMMON, PASSWORD_IS_EMAIL…)'),
  401: p('Chưa đăng nhập, sai mật khẩu hoặc sai mã'),
  403: p('Thiếu mã CSRF'),
  409: p('Trạng thái không cho phép (đã bật / chưa bật TOTP)'),
  429: p('Quá nhiều lần sai: thử lại sau (Retry-After)'),
};
const NoContent = { 204: { description: 'Xong' } };

const password = z.string().min(1).max(PASSWORD_MAX * 4);
const code = z.string().trim().min(6).max(40).openapi({ description: 'Mã 6 chữ số của ứng dụng xác thực, hoặc một mã khôi phục' });

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** A refused new password → 400 with the policy's reason. */
function assertPolicy(newPassword: string, email: string): void {
  const bad = passwordProblem(newPassword, { email });
  if (bad) throw new ApiProblem(400, bad.code, bad.vi, bad.en);
}

/** Rate limit of second-factor and password checks per key (the login limiter's window). */
function throttle(c: Ctx, rt: Runtime, keys: string[]): void {
  const wait = Math.max(...keys.map((k) => rt.limiter.retryAfter(k)));
  if (wait > 0) {
    c.header('retry-after', String(wait));
    throw new ApiProblem(429, 'TOO_MANY_ATTEMPTS', `Sai quá nhiều lần; hãy thử lại sau ${Math.ceil(wait / 60)} phút`, `Too many failed attempts; try again in ${Math.ceil(wait / 60)} min`, { retryAfter: wait });
  }
}

/**
 * Checks a second factor of a user with TOTP enrolled: a 6-digit code of a step not yet accepted,
 * or an unused recovery code (spent). Returns how it was proven, or null.
 */
async function checkSecondFactor(rt: Runtime, db: Kysely<Database>, user: User, submitted: string): Promise<'totp' | 'recovery-code' | null> {
  if (isRecoveryCode(submitted)) return (await useRecoveryCode(db, user.id, submitted)) ? 'recovery-code' : null;
  if (!user.totp_secret_enc) return null;
  const step = totpStep(rt.totpCipher.decrypt(user.totp_secret_enc, user.id), submitted, rt.now());
  if (step === null) return null;
  // Atomic: the same code (or an earlier one) presented again is a replay.
  return (await acceptTotpStep(db, user.id, step)) ? 'totp' : null;
}

const wrongCode = () => new ApiProblem(401, 'MFA_CODE_INVALID', 'Mã xác thực không đúng, đã dùng hoặc đã hết hạn', 'The code is wrong, already used or expired');

const loginTotp = createRoute({
  method: 'post',
  path: '/api/auth/login/totp',
  tags: ['Đăng nhập'],
  summary: 'Bước hai của đăng nhập: mã TOTP (hoặc mã khôi phục) với thử thách nhận ở bước một',
  request: { body: { content: { 'application/json': { schema: z.object({ challenge: z.string().max(200), code }).openapi('LoginTotpRequest') } }, required: true } },
  responses: { 200: { content: { 'application/json': { schema: SessionOut } }, description: 'Đã đăng nhập' }, 400: problems[400], 401: problems[401], 429: problems[429] },
});

const changePassword = createRoute({
  method: 'post',
  path: '/api/auth/password',
  tags: ['Tài khoản'],
  summary: 'Đổi mật khẩu của mình: cần mật khẩu hiện tại; mọi phiên khác bị huỷ',
  security,
  request: {
    body: {
      content: { 'application/json': { schema: z.object({ currentPassword: password, newPassword: password }).strict().openapi('PasswordChange') } },
      required: true,
    },
  },
  responses: { ...NoContent, ...problems },
});

const resetPassword = createRoute({
  method: 'post',
  path: '/api/auth/reset-password',
  tags: ['Tài khoản'],
  summary: 'Đặt lại mật khẩu bằng mã dùng một lần do quản trị viên cấp (hiệu lực 24 giờ); mọi phiên bị huỷ, TOTP vẫn giữ',
  request: {
    body: {
      content: { 'application/json': { schema: z.object({ token: z.string().min(20).max(200), newPassword: password }).strict().openapi('PasswordReset') } },
      required: true,
    },
  },
  responses: { ...NoContent, 400: problems[400], 429: problems[429] },
});

const totpSetup = createRoute({
  method: 'post',
  path: '/api/auth/totp/setup',
  tags: ['Tài khoản'],
  summary: 'Bắt đầu bật TOTP: khoá bí mật và URI otpauth:// (mã QR); chưa có hiệu lực đến khi xác nhận',
  security,
  responses: {
    200: { content: { 'application/json': { schema: z.object({ secret: z.string(), uri: z.string() }).openapi('TotpSetup') } }, description: 'Khoá mới' },
    ...problems,
  },
});

const totpConfirm = createRoute({
  method: 'post',
  path: '/api/auth/totp/confirm',
  tags: ['Tài khoản'],
  summary: 'Xác nhận TOTP bằng một mã: bật xác thực hai bước, trả về các mã khôi phục (chỉ một lần)',
  security,
  request: { body: { content: { 'application/json': { schema: z.object({ code }).strict() } }, required: true } },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ recoveryCodes: z.array(z.string()) }).openapi('TotpEnabled') } }, description: 'Đã bật' },
    ...problems,
  },
});

const totpDisable = createRoute({
  method: 'post',
  path: '/api/auth/totp/disable',
  tags: ['Tài khoản'],
  summary: 'Tắt TOTP: cần mật khẩu và một mã',
  security,
  request: { body: { content: { 'application/json': { schema: z.object({ password, code }).strict() } }, required: true } },
  responses: { ...NoContent, ...problems },
});

/** The user's current row (the session's copy may predate this request's changes). */
async function me(rt: Runtime, c: Ctx): Promise<User> {
  const u = await getUser(rt.db, authOf(c).user.id);
  if (!u) throw new ApiProblem(401, 'UNAUTHENTICATED', 'Cần đăng nhập', 'You need to sign in');
  return u;
}

export function accountRoutes() {
  const r = new OpenAPIHono<AppEnv>();

  r.openapi(loginTotp, async (c) => {
    const rt = runtime(c);
    const body = c.req.valid('json');
    const address = `address:${c.get('deps').clientAddress?.(c) ?? 'unknown'}`;
    const userId = challengeUser(body.challenge, rt.now());
    const user = userId ? await getUser(rt.db, userId) : undefined;
    if (!user || user.disabled_at || !user.totp_enabled_at || !challengeValid(rt.csrfKey, body.challenge, user.password_hash)) {
      rt.limiter.fail(address);
      await audit(rt.db, c, { province: '00', action: 'auth.mfa.failed', actorId: user?.id ?? null, payload: { reason: 'bad-challenge' } });
      throw new ApiProblem(401, 'MFA_CHALLENGE_INVALID', 'Phiên đăng nhập bước hai đã hết hạn; hãy nhập lại mật khẩu', 'The sign-in step has expired; enter your password again');
    }
    const key = `mfa:${user.id}`;
    throttle(c, rt, [key, address]);
    const how = await checkSecondFactor(rt, rt.db, user, body.code);
    if (!how) {
      rt.limiter.fail(key);
      rt.limiter.fail(address);
      await audit(rt.db, c, { province: '00', action: 'auth.mfa.failed', actorId: user.id, subject: { kind: 'user', id: user.id }, payload: { reason: 'bad-code' } });
      throw wrongCode();
    }
    rt.limiter.reset(key);
    return c.json(await startSession(c, rt, user, how), 200);
  });

  r.openapi(changePassword, async (c) => {
    const rt = runtime(c);
    const a = authOf(c);
    const body = c.req.valid('json');
    const key = `password:${a.user.id}`;
    throttle(c, rt, [key]);
    const user = await me(rt, c);
    if (!(await verifyPassword(user.password_hash, body.currentPassword))) {
      rt.limiter.fail(key);
      await audit(rt.db, c, { province: '00', action: 'auth.password.change-refused', subject: { kind: 'user', id: user.id } });
      throw new ApiProblem(401, 'PASSWORD_WRONG', 'Mật khẩu hiện tại không đúng', 'The current password is wrong');
    }
    rt.limiter.reset(key);
    assertPolicy(body.newPassword, user.email);
    const hashed = await hashPassword(body.newPassword);
    const now = rt.now();
    await rt.db.transaction().execute(async (trx) => {
      await setPasswordHash(trx, user.id, hashed, now);
      const revoked = await trx
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('user_id', '=', user.id)
        .where('id', '!=', a.sessionId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      await audit(trx, c, { province: '00', action: 'auth.password.change', subject: { kind: 'user', id: user.id }, payload: { sessionsRevoked: Number(revoked.numUpdatedRows ?? 0n) } });
    });
    forgetCachedSessions();
    return c.body(null, 204);
  });

  r.openapi(resetPassword, async (c) => {
    const rt = runtime(c);
    const body = c.req.valid('json');
    const address = `address:${c.get('deps').clientAddress?.(c) ?? 'unknown'}`;
    throttle(c, rt, [address]);
    const invalid = () => new ApiProblem(400, 'RESET_TOKEN_INVALID', 'Liên kết đặt lại mật khẩu không hợp lệ, đã dùng hoặc đã hết hạn', 'The reset link is invalid, used or expired');
    // Look first without spending, so a refused new password does not burn the link.
    const row = await rt.db.selectFrom('password_reset_tokens').selectAll().where('id', '=', sha256(body.token)).executeTakeFirst();
    const user = row ? await getUser(rt.db, row.user_id) : undefined;
    if (!row || !user || user.disabled_at || row.used_at || row.expires_at.getTime() <= rt.now().getTime()) {
      rt.limiter.fail(address);
      await audit(rt.db, c, { province: '00', action: 'auth.password.reset-refused', actorId: null, payload: { reason: !row ? 'unknown' : row.used_at ? 'used' : 'expired-or-disabled' } });
      throw invalid();
    }
    assertPolicy(body.newPassword, user.email);
    const hashed = await hashPassword(body.newPassword);
    const now = rt.now();
    await rt.db.transaction().execute(async (trx) => {
      const spent = await consumePasswordResetToken(trx, body.token, now);
      if (!spent.ok || spent.userId !== user.id) throw invalid();
      await setPasswordHash(trx, user.id, hashed, now);
      await trx.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', user.id).where('revoked_at', 'is', null).execute();
      await audit(trx, c, { province: '00', action: 'auth.password.reset', actorId: user.id, subject: { kind: 'user', id: user.id } });
    });
    forgetCachedSessions();
    return c.body(null, 204);
  });

  r.openapi(totpSetup, async (c) => {
    const rt = runtime(c);
    const user = await me(rt, c);
    if (!isStaff(user.roles)) throw new ApiProblem(403, 'FORBIDDEN', 'Chỉ tài khoản cán bộ dùng xác thực hai bước', 'Only staff accounts use two-step verification');
    if (user.totp_enabled_at) throw new ApiProblem(409, 'TOTP_ALREADY_ENABLED', 'Xác thực hai bước đã bật; hãy tắt trước khi đăng ký lại', 'Two-step verification is already on; turn it off first');
    const secret = newTotpSecret();
    await setPendingTotp(rt.db, user.id, rt.totpCipher.encrypt(secret, user.id));
    await audit(rt.db, c, { province: '00', action: 'auth.totp.setup', subject: { kind: 'user', id: user.id } });
    c.header('cache-control', 'no-store');
    return c.json({ secret, uri: totpUri(secret, user.email) }, 200);
  });

  r.openapi(totpConfirm, async (c) => {
    const rt = runtime(c);
    const user = await me(rt, c);
    if (user.totp_enabled_at) throw new ApiProblem(409, 'TOTP_ALREADY_ENABLED', 'Xác thực hai bước đã bật', 'Two-step verification is already on');
    if (!user.totp_secret_enc) throw new ApiProblem(409, 'TOTP_NOT_STARTED', 'Chưa bắt đầu bật xác thực hai bước', 'Two-step verification setup has not started');
    const key = `mfa:${user.id}`;
    throttle(c, rt, [key]);
    const step = totpStep(rt.totpCipher.decrypt(user.totp_secret_enc, user.id), c.req.valid('json').code, rt.now());
    if (step === null) {
      rt.limiter.fail(key);
      await audit(rt.db, c, { province: '00', action: 'auth.mfa.failed', subject: { kind: 'user', id: user.id }, payload: { reason: 'bad-code', during: 'enrolment' } });
      throw wrongCode();
    }
    rt.limiter.reset(key);
    const codes = newRecoveryCodes();
    await rt.db.transaction().execute(async (trx) => {
      await enableTotp(trx, user.id, { now: rt.now(), step, recoveryCodeHashes: codes.map(recoveryCodeHash) });
      await audit(trx, c, { province: '00', action: 'auth.totp.enable', subject: { kind: 'user', id: user.id } });
    });
    forgetCachedSessions();
    c.header('cache-control', 'no-store');
    return c.json({ recoveryCodes: codes }, 200);
  });

  r.openapi(totpDisable, async (c) => {
    const rt = runtime(c);
    const user = await me(rt, c);
    const body = c.req.valid('json');
    if (!user.totp_enabled_at) throw new ApiProblem(409, 'TOTP_NOT_ENABLED', 'Xác thực hai bước chưa bật', 'Two-step verification is not on');
    const key = `mfa:${user.id}`;
    throttle(c, rt, [key]);
    const ok = (await verifyPassword(user.password_hash, body.password)) && (await checkSecondFactor(rt, rt.db, user, body.code)) !== null;
    if (!ok) {
      rt.limiter.fail(key);
      await audit(rt.db, c, { province: '00', action: 'auth.totp.disable-refused', subject: { kind: 'user', id: user.id } });
      throw new ApiProblem(401, 'MFA_DISABLE_REFUSED', 'Mật khẩu hoặc mã xác thực không đúng', 'Wrong password or code');
    }
    rt.limiter.reset(key);
    await rt.db.transaction().execute(async (trx) => {
      await disableTotp(trx, user.id);
      await audit(trx, c, { province: '00', action: 'auth.totp.disable', subject: { kind: 'user', id: user.id } });
    });
    forgetCachedSessions();
    return c.body(null, 204);
  });

  return r;
}
