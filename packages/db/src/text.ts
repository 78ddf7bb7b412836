/** Vietnamese text helpers for stored names; kept identical to `fold`/`normalize` in `@hoctap/criteria-dsl` (a test checks). */

/** NFC-normalises text; every name is stored in NFC. */
export function normalize(text: string): string {
  return text.normalize('NFC');
}

/**
 * Folds Vietnamese text for search: no diacritics, đ → d, lower case.
 * @example fold('Nguyễn Thị Hà') === 'nguyen thi ha'
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
