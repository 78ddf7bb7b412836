/** Search that ignores diacritics, đ/d and case: "cong dan hoc tap" finds "Công dân học tập". */
import { fold } from '@hoctap/criteria-dsl';

/** The folded words of a query. */
export function queryWords(query: string): string[] {
  return fold(query.normalize('NFC')).split(/\s+/).filter((w) => w.length > 0);
}

/** True when every word of the query occurs in one of the fields (folded). An empty query matches. */
export function matchesQuery(query: string, fields: readonly (string | undefined | null)[]): boolean {
  const words = queryWords(query);
  if (words.length === 0) return true;
  const hay = fold(fields.filter((f): f is string => typeof f === 'string').join(' \u0000 ').normalize('NFC'));
  return words.every((w) => hay.includes(w));
}

/** Filters items by a query over the fields `fieldsOf` gives. */
export function searchItems<T>(items: readonly T[], query: string, fieldsOf: (item: T) => readonly (string | undefined | null)[]): T[] {
  return items.filter((it) => matchesQuery(query, fieldsOf(it)));
}
