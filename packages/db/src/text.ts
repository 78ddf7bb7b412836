/** Vietnamese text helpers for stored names: the one definition lives in the language package. */
import { fold, normalize } from '@hoctap/criteria-dsl';

export { fold, normalize };

/**
 * What a person typed into a name search, as the inside of a `LIKE '%…%'` pattern over folded
 * names: NFC, folded (diacritics and case), spaces collapsed, LIKE's `\\`, `%` and `_` escaped.
 * @example foldedNeedle('Nguyễn  Thị') // 'nguyen thi'
 */
export function foldedNeedle(query: string): string {
  return fold(normalize(query)).trim().replace(/\s+/g, ' ').replace(/[\\%_]/g, (c) => `\\${c}`);
}
