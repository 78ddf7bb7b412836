/** The campaign report for the routes that render it (JSON, the yearly report's workbook and PDF). */
import { campaignReport as reportOf, withCaller } from '@hoctap/app';
import type { Scope } from '@hoctap/db';
import { authOf, callerOf, depsOf, type Ctx } from '../context.js';

/** The campaign report of `id` in the signed-in caller's `scope` (see `campaignReport` in `@hoctap/app`). */
export function campaignReport(c: Ctx, scope: Scope, id: string, kind: 'registered' | 'all') {
  const deps = depsOf(c);
  const caller = callerOf(c, { ...authOf(c), scope });
  return withCaller(deps, caller, (trx) => reportOf(deps, caller, trx, { id, kind }));
}
