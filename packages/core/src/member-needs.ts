/** What a framework's member rules ask of each member: the one reading of a model for it (server and portal). */
import type { Model } from './model.js';

/** What a framework's member rules ask of each member: titles (by reference) and facts. */
export interface MemberNeeds {
  titles: string[];
  facts: string[];
}

/**
 * The titles and facts a framework's indicators, titles and levels ask its members about
 * (examples aside).
 * @example memberNeedsOf(model).facts // ['cam-ket', 'ke-hoach-tu-hoc', …] for Tân Biên 2023
 */
export function memberNeedsOf(model: Model): MemberNeeds {
  const titles = new Set<string>();
  const facts = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) for (const y of x) walk(y);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o['kind'] === 'MemberHolds') {
        const t = o['title'] as { kind: string; value?: string; name?: string };
        titles.add((t.kind === 'Str' ? t.value : t.name) ?? '');
      } else if (o['kind'] === 'MemberHasFact') facts.add((o['fact'] as { name: string }).name);
      else for (const k in o) if (k !== 'range') walk(o[k]);
    }
  };
  walk(model.indicators);
  walk(model.titles);
  walk((model as { levels?: unknown }).levels);
  return { titles: [...titles], facts: [...facts] };
}
