/**
 * A small tokenizer of the criteria language for syntax highlighting. It uses the language
 * package's KEYWORDS (Vietnamese spellings with or without diacritics, English aliases), so the
 * highlighter and the parser agree on what a keyword is. It works line by line and never fails:
 * anything it does not know is `text`. Errors are the parser's job, not the highlighter's.
 */
import { fold, KEYWORDS } from '@hoctap/criteria-dsl';

export type TokenKind = 'keyword' | 'operatorKeyword' | 'atom' | 'string' | 'number' | 'date' | 'comment' | 'operator' | 'name' | 'punctuation';

export interface Token {
  readonly kind: TokenKind;
  /** Offsets within the line, [from, to). */
  readonly from: number;
  readonly to: number;
}

const LETTER = 'A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF';

/** Logical words of conditions, shown apart from the structural keywords. */
const OPERATOR_KEYWORDS = new Set(['WhenKw', 'IfKw', 'AndKw', 'OrKw', 'NotKw', 'NotAchievedKw', 'AchievedKw', 'ThenKw', 'OtherwiseKw', 'IsKw', 'HasKw', 'OrMoreKw', 'FromKw', 'BelowKw', 'AboveKw', 'ToKw', 'BeforeKw', 'InKw', 'AmongKw']);
/** Values rather than statements: subject kinds, statuses. */
const ATOM_KEYWORDS = new Set(['CitizenKindKw', 'HouseholdKindKw', 'ClanKindKw', 'CommunityKindKw', 'CommuneKindKw', 'UnitKindKw', 'InForceKw', 'DraftKw', 'RefuseKw', 'FlagKw', 'ExcludeKw']);

const esc = (c: string) => c.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');

/** One spelling as a pattern: each letter with or without its diacritics, blanks between words. */
function spellingPattern(spelling: string): string {
  return spelling
    .split(' ')
    .map((w) =>
      [...w]
        .map((ch) => {
          const base = fold(ch);
          return base !== ch.toLowerCase() ? `[${esc(ch)}${esc(base)}]` : esc(ch);
        })
        .join(''),
    )
    .join('[ \\t]+');
}

interface KeywordPattern {
  readonly kind: TokenKind;
  readonly re: RegExp;
}

/** Longest spellings first, as the lexer does: `tổng điểm` before `tổng`, `không đạt` before `không`. */
const KEYWORD_PATTERNS: readonly KeywordPattern[] = KEYWORDS.flatMap((k) =>
  [...k.vi, ...k.en].map((s) => ({ spec: k.name, s })),
)
  .sort((a, b) => b.s.length - a.s.length)
  .map(({ spec, s }) => ({
    kind: OPERATOR_KEYWORDS.has(spec) ? 'operatorKeyword' : ATOM_KEYWORDS.has(spec) ? 'atom' : 'keyword',
    re: new RegExp(`(?:${spellingPattern(s)})(?![${LETTER}0-9\\-])`, 'iy'),
  }));

const RULES: readonly { kind: TokenKind | null; re: RegExp }[] = [
  { kind: null, re: /[ \t\r\u00A0\uFEFF]+/y },
  { kind: 'comment', re: /#.*/y },
  { kind: 'string', re: /"(?:[^"\\\n]|\\.)*"?|“[^”\n]*”?/y },
  { kind: 'date', re: /\d{1,2}\/\d{1,2}(?:\/\d{4})?/y },
  { kind: 'number', re: /\d+(?:[.,]\d+)*%?/y },
  { kind: 'operator', re: />=|<=|!=|[≥≤≠<>=%]/y },
];
const NAME = new RegExp(`[${LETTER}][${LETTER}0-9\\-]*`, 'y');

/** Reads one token at `pos`; returns null at the end of the line. Whitespace is skipped. */
export function nextToken(line: string, pos: number): Token | null {
  let p = pos;
  while (p < line.length) {
    let matched = false;
    for (const r of RULES) {
      r.re.lastIndex = p;
      const m = r.re.exec(line);
      if (m && m[0].length > 0) {
        if (r.kind === null) {
          p += m[0].length;
          matched = true;
          break;
        }
        return { kind: r.kind, from: p, to: p + m[0].length };
      }
    }
    if (matched) continue;
    // A keyword starts where a word starts.
    const prev = p > 0 ? line[p - 1]! : ' ';
    if (!new RegExp(`[${LETTER}0-9\\-]`).test(prev)) {
      for (const k of KEYWORD_PATTERNS) {
        k.re.lastIndex = p;
        const m = k.re.exec(line);
        if (m) return { kind: k.kind, from: p, to: p + m[0].length };
      }
    }
    NAME.lastIndex = p;
    const n = NAME.exec(line);
    if (n) return { kind: 'name', from: p, to: p + n[0].length };
    return { kind: 'punctuation', from: p, to: p + 1 };
  }
  return null;
}

/** All tokens of one line (NFC text). */
export function tokenizeLine(line: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  for (;;) {
    const t = nextToken(line, pos);
    if (!t) return out;
    out.push(t);
    pos = t.to;
  }
}
