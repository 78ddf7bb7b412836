/** createApp(deps) → the platform's Hono app. Everything it needs comes in through `deps`. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { createCitizenIdCipher, createIssuerKeyCipher, createTotpSecretCipher } from '@hoctap/db';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './app-deps.js';
import type { AppEnv, Runtime } from './context.js';
import { csrfKey, LoginLimiter } from './security.js';
import { authRoutes, sessionMiddleware, requireSession } from './routes/auth.js';
import { peopleRoutes } from './routes/people.js';
import { groupRoutes } from './routes/groups.js';
import { campaignRoutes } from './routes/campaigns.js';
import { groupSheetRoutes } from './routes/group-sheets.js';
import { registrationRoutes } from './routes/registrations.js';
import { assessmentImportRoutes } from './routes/assessments-import.js';
import { evidenceRoutes } from './routes/evidence.js';
import { decisionRoutes, auditRoutes, reportRoutes } from './routes/decisions.js';
import { registerRoutes } from './routes/registers.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { ApiProblem, languageOf, problem, toProblem } from './problem.js';
import { referencePage } from './reference-page.js';
import { frameworkRoutes } from './routes/frameworks.js';
import { evaluateRoutes } from './routes/evaluate.js';
import { documentRoutes } from './routes/documents.js';
import { credentialRoutes, verifyPageRoutes } from './routes/credentials.js';
import { jobRoutes } from './jobs-routes.js';
import { accountRoutes } from './routes/account.js';
import { userRoutes } from './routes/users.js';
import { publicRoutes } from './routes/public.js';

export type { AppDeps } from './app-deps.js';

export type { AppEnv } from './context.js';

const VI_ERRORS = z.locales.vi().localeError;
const EN_ERRORS = z.locales.en().localeError;
const localeText = (m: ReturnType<typeof VI_ERRORS>) => (typeof m === 'string' ? m : m?.message);

/** Builds the Hono app; serve it with any adapter, test it with `app.request()`. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        // zod words its own messages in English; Vietnamese callers get those from zod's vi locale.
        // A message the schema wrote itself (in Vietnamese: 'cần có tên', a name's hidden character) is kept.
        const vi = languageOf(c) === 'vi';
        const issues = result.error.issues.map((i) => {
          const own = i.message !== localeText(EN_ERRORS(i as never));
          const message = vi && !own ? (localeText(VI_ERRORS(i as never)) ?? i.message) : i.message;
          return { path: i.path.join('.'), message };
        });
        const where = issues
          .slice(0, 5)
          .map((i) => `\`${i.path || '(gốc)'}\`: ${i.message}`)
          .join('; ');
        return problem(
          c,
          new ApiProblem(400, 'VALIDATION', `Dữ liệu gửi lên không hợp lệ — ${where}`, `Invalid request — ${where}`, { issues }),
        ).clone() as never;
      }
      return undefined;
    },
  });
  let rt: Runtime | undefined;
  if (deps.db) {
    if (!deps.dataKey) throw new RangeError('createApp: `dataKey` is required with `db`.');
    const now = deps.now ?? (() => new Date());
    rt = {
      db: deps.db.db,
      dialect: deps.db.dialect,
      cipher: createCitizenIdCipher(deps.dataKey),
      keyCipher: createIssuerKeyCipher(deps.dataKey),
      publicUrl: deps.publicUrl ?? 'http://localhost:3000',
      csrfKey: csrfKey(deps.dataKey),
      totpCipher: createTotpSecretCipher(deps.dataKey),
      requireMfa: deps.requireMfa ?? false,
      sessionCacheMs: deps.sessionCacheMs ?? 0,
      now,
      secure: deps.secureCookies ?? true,
      limiter: new LoginLimiter(now),
      idempotency: new Map(),
      models: new Map(),
    };
  }
  app.use('*', secureHeaders());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    if (rt) c.set('rt', rt);
    await next();
  });
  app.use('/api/*', sessionMiddleware);
  for (const p of ['/api/auth/me', '/api/auth/logout', '/api/auth/password', '/api/auth/totp', '/api/users', '/api/people', '/api/households', '/api/clans', '/api/communities', '/api/units', '/api/campaigns', '/api/registrations', '/api/decisions', '/api/reports', '/api/registers', '/api/audit', '/api/jobs']) {
    app.use(p, requireSession);
    app.use(`${p}/*`, requireSession);
  }
  app.use('/api/evidence/*', requireSession);
  app.onError((e, c) => {
    const p = toProblem(e);
    if (p.status >= 500) deps.logError?.(e, `${c.req.method} ${c.req.path}`);
    void languageOf;
    return problem(c, p);
  });
  app.notFound((c) => problem(c, new ApiProblem(404, 'NOT_FOUND', `Không có đường dẫn ${c.req.path}`, `No route ${c.req.path}`)));

  app.get('/api/health', async (c) => {
    const db = deps.database ? { dialect: deps.database.dialect, ok: await deps.database.ping().catch(() => false) } : undefined;
    return c.json({ status: db && !db.ok ? 'degraded' : 'ok', version: deps.version ?? '0.0.0', frameworks: deps.registry.frameworks.length, ...(db ? { database: db } : {}) });
  });
  app.route('/', frameworkRoutes());
  app.route('/', evaluateRoutes());
  app.route('/', authRoutes());
  app.route('/', accountRoutes());
  app.route('/', userRoutes());
  app.route('/', peopleRoutes());
  app.route('/', groupRoutes());
  app.route('/', campaignRoutes());
  app.route('/', groupSheetRoutes());
  app.route('/', registrationRoutes());
  app.route('/', assessmentImportRoutes());
  app.route('/', evidenceRoutes());
  app.route('/', decisionRoutes());
  // Before reportRoutes: `/api/reports/campaigns/{id}.xlsx` would otherwise reach the JSON route's `{id}`.
  app.route('/', documentRoutes());
  app.route('/', credentialRoutes());
  app.route('/', verifyPageRoutes());
  app.route('/', publicRoutes());
  app.route('/', dashboardRoutes());
  app.route('/', reportRoutes());
  app.route('/', registerRoutes());
  app.route('/', auditRoutes());
  app.route('/', jobRoutes(deps.onJobQueued));
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: '__Host-hoctap_session',
    description: 'Phiên đăng nhập (cookie HttpOnly); mọi yêu cầu khác GET cần thêm header `x-csrf-token`.',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Học Tập API',
      version: deps.version ?? '0.0.0',
      description: 'API của nền tảng Học Tập: bộ tiêu chí, đánh giá, đợt công nhận. Lỗi theo RFC 9457 (application/problem+json).',
    },
  });
  app.get('/api/reference', (c) => c.html(referencePage()));
  return app;
}

/** The type of the app, for typed clients. */
export type App = ReturnType<typeof createApp>;
