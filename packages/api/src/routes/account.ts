/**
 * The caller's own account: the second sign-in step (TOTP or a recovery code), password change,
 * password reset with an administrator's one-time token, TOTP enrolment and removal.
 * ASVS v5.0.0-6.2 (passwords), 6.4 (recovery), 6.5 (TOTP, recovery codes), 7.4.3 (sessions ended
 * after a password change).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { changePassword as changeOwnPassword, confirmTotp, disableTotp, resetPassword, signInSecondStep, startTotp } from '@hoctap/app';
import { authOf, requesterOf, runtime, type AppEnv } from '../context.js';
import { Problem } from '../schemas.js';
import { PASSWORD_MAX } from '../security.js';
import { authDepsOf, presentedToken, SessionOut, startSession, withRetryAfter } from '../sessions.js';
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

const resetPasswordRoute = createRoute({
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

export function accountRoutes() {
  const r = new OpenAPIHono<AppEnv>();

  r.openapi(loginTotp, async (c) => {
    const body = c.req.valid('json');
    const opened = await withRetryAfter(c, () => signInSecondStep(authDepsOf(c), requesterOf(c), runtime(c).db, { ...body, previousToken: presentedToken(c) }));
    return c.json(startSession(c, opened), 200);
  });

  r.openapi(changePassword, async (c) => {
    const a = authOf(c);
    await withRetryAfter(c, () => changeOwnPassword(authDepsOf(c), requesterOf(c), runtime(c).db, { sessionId: a.sessionId, ...c.req.valid('json') }));
    return c.body(null, 204);
  });

  r.openapi(resetPasswordRoute, async (c) => {
    await withRetryAfter(c, () => resetPassword(authDepsOf(c), requesterOf(c), runtime(c).db, c.req.valid('json')));
    return c.body(null, 204);
  });

  r.openapi(totpSetup, async (c) => {
    authOf(c);
    const out = await startTotp(authDepsOf(c), requesterOf(c), runtime(c).db);
    c.header('cache-control', 'no-store');
    return c.json(out, 200);
  });

  r.openapi(totpConfirm, async (c) => {
    authOf(c);
    const out = await withRetryAfter(c, () => confirmTotp(authDepsOf(c), requesterOf(c), runtime(c).db, c.req.valid('json')));
    c.header('cache-control', 'no-store');
    return c.json(out, 200);
  });

  r.openapi(totpDisable, async (c) => {
    authOf(c);
    await withRetryAfter(c, () => disableTotp(authDepsOf(c), requesterOf(c), runtime(c).db, c.req.valid('json')));
    return c.body(null, 204);
  });

  return r;
}
