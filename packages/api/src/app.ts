/** createApp(deps) → the platform's Hono app. Everything it needs comes in through `deps`. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Registry } from '@hoctap/core';
import { secureHeaders } from 'hono/secure-headers';
import { ApiProblem, languageOf, problem, toProblem } from './problem.js';
import { referencePage } from './reference-page.js';
import { frameworkRoutes } from './routes/frameworks.js';
import { evaluateRoutes } from './routes/evaluate.js';

/** What the app is built from. */
export interface AppDeps {
  /** The registered locality plugins and their checked frameworks. */
  readonly registry: Registry;
  /** The database, when there is one: its dialect and a liveness check. */
  readonly database?: { readonly dialect: string; ping(): Promise<boolean> };
  /** The version shown by /api/health. */
  readonly version?: string;
  /** Logs server errors (never personal data). */
  readonly logError?: (e: unknown, where: string) => void;
}

/** The app's environment: what handlers can read from the context. */
export type AppEnv = { Variables: { deps: AppDeps } };

/** Builds the Hono app; serve it with any adapter, test it with `app.request()`. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const lang = languageOf(c);
        const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
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
  app.use('*', secureHeaders());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
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
