/**
 * @hoctap/api — `createApp(deps)` returns the platform's Hono app: routes under /api, zod
 * schemas, an OpenAPI 3.1 document at /api/openapi.json, RFC 9457 problem documents.
 *
 * @example
 * const app = createApp({ registry: createRegistry([phuTho]) });
 * const res = await app.request('/api/frameworks');
 */
export { createApp, type App, type AppDeps, type AppEnv } from './app.js';
export { ApiProblem, problem, toProblem, languageOf } from './problem.js';
export * from './schemas.js';
