/**
 * When the editor's "Xuất bản" button is enabled: a signed-in platform or province admin, the
 * analysis up to date, no error, exactly one framework in the file, every worked example passing and
 * the framework rules that are warnings in a draft (every rule cites its source…) met.
 * The server checks all of this again (`POST /api/frameworks/publish`); this only spares a useless round trip.
 */
import type { Analysis } from './analyze.ts';

/** Roles the API lets publish a framework (`framework.publish`). */
export const PUBLISHER_ROLES = ['platform-admin', 'province-admin'] as const;

export type PublishBlock = 'signedOut' | 'notAllowed' | 'checking' | 'errors' | 'count' | 'examples' | 'rules';

export interface PublishGate {
  readonly enabled: boolean;
  /** Why it is disabled (an i18n key suffix: `editor.publishWhy.<reason>`). */
  readonly reason?: PublishBlock;
  readonly passed: number;
  readonly total: number;
}

export function publishGate(
  analysis: Pick<Analysis, 'diagnostics' | 'valid' | 'models' | 'examples' | 'publishable'>,
  o: { pending: boolean; roles: readonly string[] | undefined },
): PublishGate {
  const total = analysis.examples.length;
  const passed = analysis.examples.filter((e) => e.passed).length;
  const no = (reason: PublishBlock): PublishGate => ({ enabled: false, reason, passed, total });
  if (o.roles === undefined) return no('signedOut');
  if (!o.roles.some((r) => (PUBLISHER_ROLES as readonly string[]).includes(r))) return no('notAllowed');
  if (o.pending) return no('checking');
  if (!analysis.valid) return no('errors');
  if (analysis.models.length !== 1) return no('count');
  // A failing example is also an error diagnostic (TC3001): name the examples first.
  if (passed !== total) return no('examples');
  if (analysis.diagnostics.some((d) => d.severity === 'error')) return no('errors');
  // A draft may break the framework rules (a rule without its source…) as warnings; publishing refuses them.
  if (!analysis.publishable) return no('rules');
  return { enabled: true, passed, total };
}
