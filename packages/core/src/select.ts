/** Choosing the version of a framework in force on a date. */
import type { Model } from './model.js';

/**
 * The model in force on `date` (ISO) among candidates: effective period contains the date,
 * `ban hành` preferred over `dự thảo`, then the latest start.
 */
export function selectInForce<T extends { readonly model: Model }>(candidates: readonly T[], date: string): T | undefined {
  const ok = candidates.filter(({ model: m }) => !m.effective || (m.effective.from <= date && (!m.effective.to || date <= m.effective.to)));
  ok.sort((a, b) => {
    const s = (a.model.status === 'in-force' ? 0 : 1) - (b.model.status === 'in-force' ? 0 : 1);
    if (s !== 0) return s;
    return (b.model.effective?.from ?? '').localeCompare(a.model.effective?.from ?? '');
  });
  return ok[0];
}
