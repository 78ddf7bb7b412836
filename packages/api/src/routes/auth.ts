/**
 * Sign-in, sign-out and the current user. Server-side sessions (sha256 of a 256-bit token in the
 * `sessions` table), idle 30 min / absolute 12 h against the injected clock, a new token at every
 * sign-in; CSRF: a token bound to the session (HMAC of its id), required in `x-csrf-token` on every
 * non-GET request that carries a session cookie.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { signIn, signOut } from '@hoctap/app';
import { resolveSession } from '@hoctap/db';
import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { audit, authOf, requesterOf, runtime, unauthorised, type AppEnv, type Ctx } from '../context.js';
import { ApiProblem, problem } from '../problem.js';
import { Problem } from '../schemas.js';
import { csrfMatches, csrfToken, scopeOf, sessionCookieName, SESSION_IDLE_MS } from '../security.js';
import { authDepsOf, presentedToken, SessionOut, startSession, userOut, withRetryAfter } from '../sessions.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * No CSRF token before there is a session of the caller's own: sign-in, its second step (an
 * unguessable challenge in the body) and the password reset (an unguessable token in the body).
 */
const CSRF_EXEMPT = new Set(['/api/auth/login', '/api/auth/login/totp', '/api/auth/reset-password']);

/** Loads the session from its cookie (if any) and enforces CSRF on unsafe methods. */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const rt = c.get('rt');
  if (!rt) return next();
  const token = getCookie(c, sessionCookieName(rt.secure));
  if (token && token.length <= 200) {
    const found = await resolveSession(rt.db, { token, now: rt.now(), idleMs: SESSION_IDLE_MS, cacheMs: rt.sessionCacheMs });
    if (found.ok) c.set('auth', { user: userOut(found.user, rt), sessionId: found.session.id, scope: scopeOf(found.user) });
  }
  const auth = c.get('auth');
  if (!SAFE.has(c.req.method) && !CSRF_EXEMPT.has(c.req.path) && auth) {
    if (!csrfMatches(rt.csrfKey, auth.sessionId, c.req.header('x-csrf-token'))) {
      await audit(rt.db, c as Ctx, { province: '00', action: 'authz.csrf-refused', payload: { method: c.req.method } }).catch(() => {});
      return problem(c, new ApiProblem(403, 'CSRF', 'Thiếu hoặc sai mã chống giả mạo yêu cầu (x-csrf-token)', 'Missing or wrong anti-forgery token (x-csrf-token)'));
    }
  }
  return next();
};

/** 401 for resources without a live session — before any validation of the request. */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('rt')) return problem(c, new ApiProblem(503, 'NO_DATABASE', 'Máy chủ chưa được nối với cơ sở dữ liệu', 'The server has no database configured'));
  const auth = c.get('auth');
  if (!auth) return problem(c, unauthorised());
  // HOCTAP_REQUIRE_MFA: until the account enrols TOTP, only its own account routes are open.
  if (auth.user.mfaEnrolmentRequired && !c.req.path.startsWith('/api/auth/'))
    return problem(c, new ApiProblem(403, 'MFA_ENROLMENT_REQUIRED', 'Cần bật xác thực hai bước (TOTP) cho tài khoản trước khi làm việc', 'Enrol two-step verification (TOTP) before you continue'));
  return next();
};

const MfaChallengeOut = z
  .object({ mfaRequired: z.literal(true), challenge: z.string(), expiresInSeconds: z.number() })
  .openapi('MfaChallenge', { description: 'Mật khẩu đúng; tài khoản có TOTP: gửi mã ở bước hai (`POST /api/auth/login/totp`)' });
const LoginRequest = z
  .object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(1024) })
  .openapi('LoginRequest');

const problems = {
  401: { content: { 'application/problem+json': { schema: Problem } }, description: 'Chưa đăng nhập / sai thông tin' },
  403: { content: { 'application/problem+json': { schema: Problem } }, description: 'Thiếu mã CSRF' },
};

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['Đăng nhập'],
  summary: 'Đăng nhập: đặt cookie phiên (HttpOnly, SameSite=Lax), trả về người dùng và mã CSRF',
  request: { body: { content: { 'application/json': { schema: LoginRequest } }, required: true } },
  responses: {
    200: { content: { 'application/json': { schema: z.union([SessionOut, MfaChallengeOut]) } }, description: 'Đã đăng nhập, hoặc cần mã TOTP ở bước hai' },
    400: { content: { 'application/problem+json': { schema: Problem } }, description: 'Yêu cầu sai' },
    401: problems[401],
    429: { content: { 'application/problem+json': { schema: Problem } }, description: 'Quá nhiều lần sai: thử lại sau (Retry-After)' },
  },
});
const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['Đăng nhập'],
  summary: 'Đăng xuất: huỷ phiên phía máy chủ',
  security: [{ session: [] }],
  responses: { 204: { description: 'Đã đăng xuất' }, ...problems },
});
const me = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags: ['Đăng nhập'],
  summary: 'Người dùng hiện tại và mã CSRF của phiên',
  security: [{ session: [] }],
  responses: { 200: { content: { 'application/json': { schema: SessionOut } }, description: 'Phiên hiện tại' }, 401: problems[401] },
});

export function authRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(login, async (c) => {
    const { email, password } = c.req.valid('json');
    const out = await withRetryAfter(c, () => signIn(authDepsOf(c), requesterOf(c), runtime(c).db, { email, password, previousToken: presentedToken(c) }));
    if ('mfa' in out) {
      c.header('cache-control', 'no-store');
      return c.json({ mfaRequired: true as const, challenge: out.mfa.challenge, expiresInSeconds: out.mfa.expiresInSeconds }, 200);
    }
    return c.json(startSession(c, out.session), 200);
  });
  r.openapi(logout, async (c) => {
    const rt = runtime(c);
    const a = authOf(c);
    await signOut(authDepsOf(c), requesterOf(c), rt.db, { sessionId: a.sessionId });
    deleteCookie(c, sessionCookieName(rt.secure), { path: '/', secure: rt.secure });
    return c.body(null, 204);
  });
  r.openapi(me, (c) => {
    const rt = runtime(c);
    const a = authOf(c);
    c.header('cache-control', 'no-store');
    return c.json({ user: a.user, csrfToken: csrfToken(rt.csrfKey, a.sessionId) }, 200);
  });
  return r;
}
