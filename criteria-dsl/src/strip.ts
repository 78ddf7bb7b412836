/** Removes ranges (and optionally comments and their blank lines) from a tree, to compare trees by meaning. */
export function stripRanges<T>(value: T, opts: { comments?: boolean } = {}): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (k === 'range') continue;
        if (!opts.comments && (k === 'comments' || k === 'commentBreaks' || k === 'trailingComment' || k === 'endComments')) continue;
        out[k] = walk(x);
      }
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
