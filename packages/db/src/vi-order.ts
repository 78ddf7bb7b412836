/**
 * Vietnamese order in the database: `vi_sort_key(text)`, a key whose byte order (`COLLATE "C"`)
 * is the order Vietnamese readers expect — the 29 letters of the alphabet in their order (a < ă <
 * â, d < đ, o < ô < ơ, u < ư; f j w z where the Latin alphabet puts them), then the tones (ngang,
 * huyền, hỏi, ngã, sắc, nặng), then case — the order of `Intl.Collator('vi')`, which a test holds
 * it to. Without it names sort as if unaccented ("Đặng" before "Đào") or by code point.
 *
 * People and the four group tables keep the key in a stored generated column `name_sort` with an
 * index by locality, so that lists page in that order at any size (migration `0016_vietnamese_order`).
 */

const ALPHABET = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
/** The tone marks in dictionary order: none, huyền, hỏi, ngã, sắc, nặng. */
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

/** The three `translate()` strings: every letter (NFC, both cases, every tone), its place in the alphabet, its tone. */
function tables(): { from: string; letter: string; tone: string } {
  let from = '';
  let letter = '';
  let tone = '';
  ALPHABET.forEach((l, i) => {
    // Letters' places as characters above ASCII (U+00C0 …): spaces, digits and punctuation sort before letters.
    const place = String.fromCodePoint(0xc0 + i);
    for (const c of [l, l.toUpperCase()]) {
      const forms = VOWELS.has(l) ? TONES.map((t) => (c + t).normalize('NFC')) : [c];
      forms.forEach((f, t) => {
        from += f;
        letter += place;
        tone += String(t);
      });
    }
  });
  return { from, letter, tone };
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The SQL of migration `0016_vietnamese_order`. */
export function vietnameseOrderMigration(): string[] {
  const { from, letter, tone } = tables();
  const key = `translate(s, ${quote(from)}, ${quote(letter)}) || chr(1) || translate(s, ${quote(from)}, ${quote(tone)}) || chr(1) || s`;
  const column = (table: string, source: string) => [
    `ALTER TABLE ${table} ADD COLUMN name_sort text COLLATE "C" GENERATED ALWAYS AS (vi_sort_key(${source})) STORED`,
    `CREATE INDEX ${table}_locality_sort_idx ON ${table} (province_code, commune_code, name_sort)`,
  ];
  return [
    `CREATE FUNCTION vi_sort_key(s text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$ SELECT ${key} $fn$`,
    ...column('people', 'full_name'),
    ...['households', 'clans', 'communities', 'units'].flatMap((t) => column(t, 'name')),
  ];
}
