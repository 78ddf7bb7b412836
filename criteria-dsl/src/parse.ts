/** Text → syntax tree + diagnostics, in one pass that reports every syntax error. */
import type { CstNode, IRecognitionException, IToken, TokenType } from 'chevrotain';
import type * as A from './ast.js';
import { buildAst, planComments, tokenRange } from './build-ast.js';
import { diagnostic, type Diagnostic } from './diagnostics.js';
import { criteriaParser, type SyntaxErrorPayload } from './parser.js';
import { closest, fold, normalize } from './text.js';
import { allTokens, criteriaLexer, KEYWORDS, keywordSpecs, StringLit, UnterminatedString } from './tokens.js';

/** The result of parsing: a tree (always, best effort after errors) and the diagnostics. */
export interface ParseResult {
  readonly ast: A.CriteriaFile;
  readonly diagnostics: readonly Diagnostic[];
  /** The normalised source the ranges refer to. */
  readonly source: string;
}

const TOKEN_LABELS_VI: Record<string, string> = {
  StringLit: 'một chuỗi trong dấu ngoặc kép',
  NumberLit: 'một số',
  DateLit: 'một ngày dd/mm/yyyy',
  Identifier: 'một tên (mã)',
  Percent: '`%`',
  Colon: '`:`',
  Comma: '`,`',
  Semicolon: '`;`',
  LParen: '`(`',
  RParen: '`)`',
  Dash: '`-`',
  Eq: '`=`',
  Gte: '`>=`',
  Gt: '`>`',
  Lte: '`<=`',
  Lt: '`<`',
  Neq: '`≠`',
  EOF: 'hết tệp',
};
const TOKEN_LABELS_EN: Record<string, string> = {
  StringLit: 'a quoted string',
  NumberLit: 'a number',
  DateLit: 'a date dd/mm/yyyy',
  Identifier: 'a name (id)',
  EOF: 'end of file',
};

function label(name: string, lang: 'vi' | 'en'): string {
  const spec = keywordSpecs[name];
  if (spec) return lang === 'vi' ? `\`${spec.vi[0]}\`` : `\`${spec.en[0]}\``;
  return (lang === 'en' ? TOKEN_LABELS_EN[name] : undefined) ?? TOKEN_LABELS_VI[name] ?? name;
}

function list(names: readonly string[], lang: 'vi' | 'en'): string {
  const labels = [...new Set(names.map((n) => label(n, lang)))];
  if (labels.length <= 1) return labels[0] ?? '';
  const shown = labels.slice(0, 8);
  const more = labels.length > shown.length ? (lang === 'vi' ? ', …' : ', …') : '';
  const last = shown.pop();
  return `${shown.join(', ')}${more} ${lang === 'vi' ? 'hoặc' : 'or'} ${last}`;
}

function found(t: IToken, lang: 'vi' | 'en'): string {
  if (t.tokenType.name === 'EOF') return lang === 'vi' ? 'hết tệp' : 'end of file';
  return `\`${t.image}\``;
}

function syntaxDiagnostic(e: IRecognitionException, file: string | undefined, tokens: readonly IToken[]): Diagnostic {
  let payload: SyntaxErrorPayload;
  try {
    payload = JSON.parse(e.message) as SyntaxErrorPayload;
  } catch {
    payload = { type: 'no-viable', expected: [] };
  }
  const t = e.token;
  // Chevrotain sets previousToken on most recognition exceptions, but does not declare it.
  const prevTok = (e as IRecognitionException & { previousToken?: IToken }).previousToken;
  const prev = prevTok && !Number.isNaN(prevTok.startOffset) ? prevTok : undefined;
  const atEof = t.tokenType.name === 'EOF' || Number.isNaN(t.startOffset);
  // Something missing at the end of a line is reported where it is missing, not on the next line.
  const missingAtEol = !!prev && (atEof || (payload.type !== 'not-all-input' && (t.startLine ?? 0) > (prev.endLine ?? 0)));
  const t0 = missingAtEol ? prev! : t;
  const range = tokenRange(t0);
  const codes = { mismatched: 'TC1101', 'no-viable': 'TC1102', 'early-exit': 'TC1103', 'not-all-input': 'TC1104' } as const;
  const code = codes[payload.type];
  const exp = payload.expected;
  let vi: string;
  let en: string;
  if (payload.type === 'not-all-input') {
    vi = `Không hiểu ${found(t, 'vi')} ở đây; mỗi tệp bắt đầu bằng \`bộ tiêu chí\``;
    en = `Unexpected ${found(t, 'en')}; a file starts with \`framework\``;
  } else if (exp.length > 0) {
    vi = `Cần ${list(exp, 'vi')} nhưng gặp ${found(t, 'vi')}`;
    en = `Expected ${list(exp, 'en')} but found ${found(t, 'en')}`;
  } else {
    vi = `Không hiểu ${found(t, 'vi')} ở đây`;
    en = `Unexpected ${found(t, 'en')}`;
  }
  if (missingAtEol && exp.length > 0) {
    vi = `Thiếu ${list(exp, 'vi')} sau \`${prev!.image}\``;
    en = `Missing ${list(exp, 'en')} after \`${prev!.image}\``;
  }
  // A name that happens to spell a keyword (`tong`, `nam`, `dat` without diacritics) is read as the
  // keyword: say so, since the author meant a name.
  const kwSpec = keywordSpecs[t.tokenType.name];
  if (kwSpec && !missingAtEol && exp.includes('Identifier')) {
    vi += ` — \`${t.image}\` là từ khóa \`${kwSpec.vi[0]}\`, không dùng làm tên được; hãy đặt tên khác (ví dụ \`${t.image}-1\`)`;
    en += ` — \`${t.image}\` is the keyword \`${kwSpec.en[0]}\` and cannot be a name; pick another (e.g. \`${t.image}-1\`)`;
  }
  // A misspelt keyword lexes as a name: suggest the closest keyword the parser wanted.
  let suggestion: string | undefined;
  if (t.tokenType.name === 'Identifier' || t.tokenType.name === 'NumberLit') {
    const wanted = exp.map((n) => keywordSpecs[n]).filter((s): s is (typeof KEYWORDS)[number] => !!s);
    const pool = wanted.length > 0 ? wanted : KEYWORDS;
    const candidates = pool.flatMap((s) => s.vi);
    const head = [t.image, ...nextWords(t, tokens)].join(' ');
    suggestion = closest(head, candidates) ?? closest(t.image, candidates);
  }
  return diagnostic(code, range, vi, en, { ...(suggestion ? { suggestion } : {}), ...(file ? { file } : {}) });
}

// Words right after a token on the same line, for matching multi-word keywords ("tieu chj 1").
function nextWords(t: IToken, tokens: readonly IToken[]): string[] {
  const i = tokens.indexOf(t);
  if (i < 0) return [];
  const out: string[] = [];
  for (let j = i + 1; j < tokens.length && out.length < 3; j++) {
    const n = tokens[j]!;
    if (n.startLine !== t.startLine || n.tokenType.name === 'StringLit') break;
    out.push(n.image);
  }
  return out.slice(0, 1);
}

/** Parses a criteria file. Never throws on bad input: problems come back as diagnostics. */
export function parse(text: string, opts: { file?: string } = {}): ParseResult {
  return treePhase(syntaxPhase(lexPhase(text, opts)));
}

/**
 * A parse's state between its phases. `parse` runs the three phases in one call; they are
 * separate functions of this value (and of nothing else) so that tests can interleave two parses.
 */
export interface Lexed {
  readonly source: string;
  readonly file: string | undefined;
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
  readonly diagnostics: readonly Diagnostic[];
}

/** A parse after its syntax phase: the CST and every diagnostic so far. */
export interface Parsed extends Lexed {
  readonly cst: CstNode;
}

/** Phase 1: normalises and lexes the text; reports invalid characters and unterminated strings. */
export function lexPhase(text: string, opts: { file?: string } = {}): Lexed {
  const source = normalize(text);
  const lex = criteriaLexer.tokenize(source);
  const diagnostics: Diagnostic[] = [];
  const fileOpt = opts.file ? { file: opts.file } : {};
  for (const e of lex.errors) {
    const ch = source.slice(e.offset, e.offset + e.length);
    const range: A.Range = {
      start: { offset: e.offset, line: e.line ?? 1, column: e.column ?? 1 },
      end: { offset: e.offset + e.length, line: e.line ?? 1, column: (e.column ?? 1) + e.length },
    };
    diagnostics.push(
      diagnostic('TC1001', range, `Ký tự không hợp lệ \`${ch}\``, `Invalid character \`${ch}\``, fileOpt),
    );
  }
  // Only a file with an unterminated string needs its tokens copied without them.
  const tokens: IToken[] = lex.tokens.some((t) => t.tokenType === UnterminatedString) ? [] : lex.tokens;
  if (tokens !== lex.tokens) for (const t of lex.tokens) {
    if (t.tokenType === UnterminatedString) {
      diagnostics.push(
        diagnostic('TC1002', tokenRange(t), 'Chuỗi chưa đóng: thiếu dấu ngoặc kép `"` ở cuối', 'Unterminated string: missing closing `"`', fileOpt),
      );
      // Parsed as the string it was meant to be, so that the one mistake gives one diagnostic.
      const close = t.image.startsWith('“') ? '”' : '"';
      tokens.push({ ...t, image: t.image + close, tokenType: StringLit, tokenTypeIdx: StringLit.tokenTypeIdx! });
      continue;
    }
    tokens.push(t);
  }
  return { source, file: opts.file, tokens, comments: lex.groups['comments'] ?? [], diagnostics };
}

/** Phase 2: runs the grammar over the tokens; reports every syntax error. */
export function syntaxPhase(l: Lexed): Parsed {
  // The parser object is the grammar, analysed once; its cursor lives only inside this block: set
  // here, read out and detached before returning, so nothing of one parse reaches the next.
  let cst: CstNode;
  let errors: IRecognitionException[];
  try {
    criteriaParser.input = l.tokens as IToken[];
    cst = criteriaParser.file();
    errors = criteriaParser.errors;
  } finally {
    criteriaParser.input = [];
  }
  return { ...l, cst, diagnostics: [...l.diagnostics, ...errors.map((e) => syntaxDiagnostic(e, l.file, l.tokens))] };
}

/** Phase 3: builds the frozen syntax tree with its comments; reports unreadable lines. */
export function treePhase(p: Parsed): ParseResult {
  const built = buildAst(p.cst, planComments(p.cst, p.comments, p.source));
  // The parser already reported the token where a run of junk starts: one problem, one diagnostic.
  const reported = new Set(p.diagnostics.map((d) => d.range.start.offset));
  const firstFramework = p.cst.children['framework']?.[0];
  const bodyStart = firstFramework && 'location' in firstFramework ? (firstFramework.location?.startOffset ?? Infinity) : Infinity;
  const diagnostics = [
    ...p.diagnostics,
    ...junkDiagnostics(built.junk, p.tokens, p.file, bodyStart).filter((d) => !reported.has(d.range.start.offset)),
  ];
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { ast: built.ast, diagnostics, source: p.source };
}

/** Keywords that start a statement, for suggestions on a line the parser could not read. */
const STATEMENT_KEYWORDS = [
  'FrameworkKw', 'SubjectKw', 'LocalityKw', 'EffectiveKw', 'StatusKw', 'BasisKw', 'BasedOnKw', 'TargetGroupKw',
  'AttributeKw', 'FactKw', 'CompetencyKw', 'CriterionKw', 'IndicatorKw', 'ExcludeKw', 'TotalPointsKw',
  'EveryIndicatorKw', 'FloorKw', 'RoundKw', 'MissingDataKw', 'TitleKw', 'GradingKw', 'TargetKw', 'CalendarKw', 'ExampleKw',
];

/** Statements whose keyword is followed by a name of the author's choosing. */
const NAME_TAKING = new Set(['FrameworkKw', 'TargetGroupKw', 'AttributeKw', 'FactKw', 'TitleKw', 'BasisKw', 'BasedOnKw']);

/** One diagnostic per run of unreadable tokens on a line. */
function junkDiagnostics(junk: readonly IToken[], tokens: readonly IToken[], file: string | undefined, bodyStart: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (junk.length === 0) return out;
  const index = new Map(tokens.map((t, i) => [t, i]));
  let run: IToken[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const range = { start: tokenRange(first).start, end: tokenRange(last).end };
    const words = run.slice(0, 3).map((t) => t.image);
    const head = words.slice(0, 2).join(' ');
    // Before the first `bộ tiêu chí` only that keyword can start the file.
    const outside = first.startOffset < bodyStart;
    const statements = outside ? (keywordSpecs['FrameworkKw']?.vi ?? []) : STATEMENT_KEYWORDS.flatMap((n) => keywordSpecs[n]?.vi ?? []);
    const found =
      closest(head, statements) ??
      closest(words.join(' '), statements) ??
      closest(words[0]!, statements) ??
      (outside ? undefined : closest(head, KEYWORDS.flatMap((k) => k.vi)));
    // Suggesting what is already written (a keyword in the wrong place) helps no one.
    const suggestion = found && ![head, words[0]!].some((w) => fold(w) === fold(found)) ? found : undefined;
    const shown = run.length > 4 ? `${run.slice(0, 4).map((t) => t.image).join(' ')} …` : run.map((t) => t.image).join(' ');
    // A statement that takes a name, given a word that spells a keyword (`nhóm đối tượng nam`).
    const named = run.length > 1 && NAME_TAKING.has(run[0]!.tokenType.name) ? run[1]! : undefined;
    const kwName = named ? keywordSpecs[named.tokenType.name] : undefined;
    const hintVi = kwName ? ` — \`${named!.image}\` là từ khóa \`${kwName.vi[0]}\`, không dùng làm tên được; hãy đặt tên khác (ví dụ \`${named!.image}-1\`)` : '';
    const hintEn = kwName ? ` — \`${named!.image}\` is the keyword \`${kwName.en[0]}\` and cannot be a name; pick another (e.g. \`${named!.image}-1\`)` : '';
    out.push(
      diagnostic(
        'TC1105',
        range,
        outside
          ? `Không hiểu \`${shown}\`: tệp phải bắt đầu bằng \`bộ tiêu chí\``
          : kwName
            ? `Không hiểu \`${shown}\`${hintVi}`
            : `Không hiểu \`${shown}\`: ở đây cần một câu lệnh như \`tiêu chí\`, \`chỉ số\`, \`danh hiệu\``,
        outside
          ? `Cannot read \`${shown}\`: a file starts with \`framework\``
          : kwName
            ? `Cannot read \`${shown}\`${hintEn}`
            : `Cannot read \`${shown}\`: a statement such as \`criterion\`, \`indicator\` or \`title\` is expected here`,
        { ...(suggestion ? { suggestion } : {}), ...(file ? { file } : {}) },
      ),
    );
    run = [];
  };
  for (const t of junk) {
    const prev = run[run.length - 1];
    if (prev && (prev.startLine !== t.startLine || index.get(t)! !== index.get(prev)! + 1)) flush();
    run.push(t);
  }
  flush();
  return out;
}

/** The token types, for tools (syntax highlighting in the portal). */
export function tokenKinds(): readonly TokenType[] {
  return allTokens;
}
