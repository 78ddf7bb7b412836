/** Vietnamese text helpers shared by the language, the engine and the portal. */

/** NFC-normalises text; every string that enters the platform passes through here. */
export function normalize(text: string): string {
  return text.normalize('NFC');
}

/**
 * Folds Vietnamese text for search and fuzzy matching: no diacritics, đ → d, lower case.
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

/** Levenshtein distance, for "ý bạn là …?" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate to `word` (compared folded), if it is near enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = fold(word);
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, fold(c));
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = Math.max(1, Math.min(3, Math.floor(w.length / 3)));
  return bestD <= limit ? best : undefined;
}

/** Vietnamese collation for sorting names the way readers expect. */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** What is wrong with a typed name, in Vietnamese and English, and where (1-based character position). */
export interface NameProblem {
  readonly vi: string;
  readonly en: string;
  readonly position: number;
}

const CHAR_NAMES: Record<string, string> = {
  '\u200b': 'khoảng trắng độ rộng 0 (U+200B)',
  '\u200c': 'ký tự nối độ rộng 0 (U+200C)',
  '\u200d': 'ký tự nối độ rộng 0 (U+200D)',
  '\u00ad': 'gạch nối mềm (U+00AD)',
  '\ufeff': 'dấu BOM (U+FEFF)',
  '\u00a0': 'khoảng trắng không ngắt (U+00A0)',
};

const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Checks a name (a person's, a group's, a village's) after NFC: refuses control and invisible
 * characters (zero-width spaces and joiners, bidi overrides and isolates, soft hyphens, BOMs),
 * whitespace other than the plain space, and letters of another script than the Latin one that
 * Vietnamese is written in (a Cyrillic "а" looks like "a" but escapes search and de-duplication).
 * Digits and ordinary punctuation are the caller's business. Undefined when the name is clean.
 * @example nameProblem('Nguy\u200bễn Văn An')?.vi // 'có ký tự ẩn khoảng trắng độ rộng 0 (U+200B) ở vị trí 5: gõ lại, đừng dán từ nơi khác'
 */
export function nameProblem(name: string): NameProblem | undefined {
  let position = 0;
  for (const c of name) {
    position++;
    if (c === ' ') continue;
    if (/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(c)) {
      const what = CHAR_NAMES[c] ?? `ký tự điều khiển ${hex(c)}`;
      return { vi: `có ký tự ẩn ${what} ở vị trí ${position}: gõ lại, đừng dán từ nơi khác`, en: `contains the invisible character ${hex(c)} at position ${position}: type it again rather than pasting`, position };
    }
    if (/\s/u.test(c)) {
      const what = CHAR_NAMES[c] ?? `khoảng trắng lạ ${hex(c)}`;
      return { vi: `có ${what} ở vị trí ${position}: dùng dấu cách thường`, en: `contains the space character ${hex(c)} at position ${position}: use a plain space`, position };
    }
    if (/\p{L}/u.test(c) && !/\p{Script=Latin}/u.test(c)) {
      return { vi: `có chữ “${c}” (${hex(c)}) không thuộc bảng chữ cái Latinh ở vị trí ${position}: có thể là chữ trông giống chữ Việt, hãy gõ lại`, en: `contains the non-Latin letter “${c}” (${hex(c)}) at position ${position}, perhaps a look-alike: type it again`, position };
    }
  }
  return undefined;
}
