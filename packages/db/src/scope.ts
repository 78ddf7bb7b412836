/**
 * The caller's scope, set per transaction for row-level security. Settings are transaction-local
 * (`set_config(…, true)`), so nothing leaks to the next user of a pooled connection; the policies
 * fail closed when they are unset.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import { APP_ROLE } from './roles.js';
import { SCOPE_SETTINGS_MARKER } from './pg-driver.js';

/** Who the caller acts for. */
export type Scope =
  | { role: 'national' }
  | { role: 'province'; province: string }
  | { role: 'commune'; province: string; communes: readonly string[] };

/** Options of {@link withScope}. */
export interface ScopeOptions {
  /**
   * The role to switch to for the transaction (`SET LOCAL ROLE`), default `hoctap_app`. The
   * connection's user must be that role or a member of it. This is what makes RLS bite on PGlite
   * and for a superuser connection; `false` keeps the connection's own role.
   */
  role?: string | false;
}

const PROVINCE = /^[0-9]{2}$/;
const COMMUNE = /^[0-9]{5}$/;

/** Checks a scope's codes (they end up in a comma-separated setting, so no stray characters). */
export function assertScope(scope: Scope): void {
  if (scope.role === 'national') return;
  if (!PROVINCE.test(scope.province)) throw new RangeError(`Invalid province code in scope: ${JSON.stringify(scope.province)}`);
  if (scope.role === 'commune') {
    if (scope.communes.length === 0) throw new RangeError('A commune scope needs at least one commune.');
    for (const c of scope.communes) if (!COMMUNE.test(c)) throw new RangeError(`Invalid commune code in scope: ${JSON.stringify(c)}`);
  } else if (scope.role !== 'province') {
    throw new RangeError(`Unknown scope role: ${JSON.stringify((scope as { role: unknown }).role)}`);
  }
}

/**
 * Runs `fn` in a transaction scoped to `scope`: sets `hoctap.role`, `hoctap.province` and
 * `hoctap.communes` for this transaction only and switches to the application role.
 * @example const mine = await withScope(db, { role: 'province', province: '25' }, (trx) => trx.selectFrom('people').selectAll().execute());
 */
export async function withScope<T>(
  db: Kysely<Database>,
  scope: Scope,
  fn: (trx: Transaction<Database>) => Promise<T>,
  options: ScopeOptions = {},
): Promise<T> {
  assertScope(scope);
  const role = options.role ?? APP_ROLE;
  if (role !== false && !/^[a-z_][a-z0-9_]*$/.test(role)) throw new RangeError(`Invalid role name: ${role}`);
  const province = scope.role === 'national' ? '' : scope.province;
  const communes = scope.role === 'commune' ? scope.communes.join(',') : '';
  return db.transaction().execute(async (trx) => {
    // One statement, no parameters (the codes and the role name are checked above), marked so that
    // on PostgreSQL it travels with the transaction's BEGIN and the first statement is not held up
    // by its answer (pg-driver.ts): the scope settings and, through the `role` setting, `SET LOCAL ROLE`.
    const settings = [
      `set_config('hoctap.role', '${scope.role}', true)`,
      `set_config('hoctap.province', '${province}', true)`,
      `set_config('hoctap.communes', '${communes}', true)`,
      ...(role === false ? [] : [`set_config('role', '${role}', true)`]),
    ];
    await sql.raw(`${SCOPE_SETTINGS_MARKER} SELECT ${settings.join(', ')}`).execute(trx);
    return fn(trx);
  });
}
