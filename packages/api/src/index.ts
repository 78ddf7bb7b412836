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
export {
  hashPassword,
  verifyPassword,
  passwordProblem,
  scopeOf,
  canRead,
  canWrite,
  hasPermission,
  PERMISSIONS,
  ROLES,
  LoginLimiter,
  sessionCookieName,
  SESSION_IDLE_MS,
  SESSION_ABSOLUTE_MS,
  type Role,
  type Permission,
} from './security.js';
export { WORKFLOW, STATES, ACTIONS, transition, type State, type Action } from '@hoctap/app';
export { parseCsv } from './imports.js';
export { startJobWorker, IMPORT_JOB, type JobWorker, type JobWorkerOptions, type ImportJobPayload, type ImportJobResult } from './jobs.js';
export { RECOMPUTE_JOB, type RecomputeJobPayload, type RecomputeJobResult } from './recompute-job.js';
export { CERTIFICATES_JOB, type CertificatesJobPayload, type CertificatesJobResult } from './certificates-job.js';
export { JobSchema } from './jobs-routes.js';
