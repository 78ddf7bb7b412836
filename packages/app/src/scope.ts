/** Object-level checks against the caller's scope (the first wall; row-level security is the second). */
import type { Scope } from '@hoctap/db';
import { notFound, outOfScope, type Missing } from './errors.js';

type Located = { province_code: string; commune_code: string | null };

/** The same test as the SQL policy `hoctap_can_read`. */
export function canRead(scope: Scope, row: Located): boolean {
  if (scope.role === 'national') return true;
  if (row.province_code !== scope.province) return false;
  return scope.role === 'province' || row.commune_code === null || scope.communes.includes(row.commune_code);
}

/** The same test as the SQL policy `hoctap_can_write`. */
export function canWrite(scope: Scope, row: Located): boolean {
  if (scope.role === 'national') return true;
  if (row.province_code !== scope.province) return false;
  return scope.role === 'province' || (row.commune_code !== null && scope.communes.includes(row.commune_code));
}

/** A row the caller may read, else not found (invisible rows are indistinguishable from missing ones). */
export function readable<T extends Located>(scope: Scope, row: T | undefined, what: Missing): T {
  if (!row || !canRead(scope, row)) throw notFound(what);
  return row;
}

/** A row the caller may write: invisible → not found; visible but not writable → forbidden. */
export function writable<T extends Located>(scope: Scope, row: T | undefined, what: Missing): T {
  const r = readable(scope, row, what);
  if (!canWrite(scope, r)) throw outOfScope();
  return r;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id's form checked before it reaches SQL (a malformed uuid is "not found", never a crash). */
export function checkId(id: string, what: Missing): string {
  if (!UUID.test(id)) throw notFound(what);
  return id.toLowerCase();
}
