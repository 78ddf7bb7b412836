/**
 * @hoctap/app — the application layer: one function per use case, each taking the platform's
 * dependencies ({@link Deps}), the caller ({@link Caller}), a transaction and a validated input,
 * and returning data or throwing a typed {@link AppError}. No HTTP inside: the API's routes, the
 * job worker, the imports and the CLI call the same functions.
 *
 * @example
 * await withCaller(deps, caller, (trx) => submitRegistration(deps, caller, trx, { id }));
 */
export { AppError, isAppError, notFound, outOfScope, type AppErrorKind, type Missing } from './errors.js';
export { canRead, canWrite, readable, writable, checkId } from './scope.js';
export { withCaller, auditEntry, localDate, type Deps, type Caller, type Trx, type AuditFields } from './deps.js';
export { modelOf } from './models.js';
