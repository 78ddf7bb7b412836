/**
 * The lexicon of the criteria language. Keywords are Vietnamese, accepted with or without
 * diacritics and in any case, with English aliases for the platform team.
 *
 * Chevrotain drops the regex `u` flag, so letters are explicit character ranges and the input is
 * NFC-normalised before lexing (decomposed text would not match).
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { fold } from './text.js';

/** Letters an identifier may use: ASCII, Latin-1, Latin Extended A/B and Vietnamese (U+1E00–1EFF). */
const LETTER = 'A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF';
const LETTER_RE = new RegExp(`[${LETTER}]`);

/** One keyword of the language: its canonical Vietnamese spelling and its other spellings. */
export interface KeywordSpec {
  readonly name: string;
  /** Vietnamese spellings; the first is canonical and is what the formatter prints. */
  readonly vi: readonly string[];
  /** English aliases. */
  readonly en: readonly string[];
}

/** Every keyword, by token name. Spellings with diacritics also match without them. */
export const KEYWORDS: readonly KeywordSpec[] = [
  { name: 'FrameworkKw', vi: ['bộ tiêu chí'], en: ['framework'] },
  { name: 'CompetencyKw', vi: ['nhóm năng lực'], en: ['competency'] },
  { name: 'TargetGroupKw', vi: ['nhóm đối tượng'], en: ['target group'] },
  { name: 'CriterionKw', vi: ['tiêu chí'], en: ['criterion'] },
  { name: 'IndicatorKw', vi: ['chỉ số'], en: ['indicator'] },
  { name: 'SubjectKw', vi: ['đối tượng'], en: ['subject'] },
  { name: 'LocalityKw', vi: ['địa bàn'], en: ['locality'] },
  { name: 'EffectiveKw', vi: ['hiệu lực'], en: ['effective'] },
  { name: 'StatusKw', vi: ['trạng thái'], en: ['status'] },
  { name: 'InForceKw', vi: ['ban hành'], en: ['in force'] },
  { name: 'DraftKw', vi: ['dự thảo'], en: ['draft'] },
  { name: 'BasisKw', vi: ['căn cứ'], en: ['basis'] },
  { name: 'BasedOnKw', vi: ['dựa trên'], en: ['based on'] },
  { name: 'AttributeKw', vi: ['thuộc tính'], en: ['attribute'] },
  { name: 'FactKw', vi: ['sự kiện'], en: ['fact'] },
  { name: 'MaxKw', vi: ['tối đa'], en: ['max'] },
  { name: 'TotalPointsKw', vi: ['tổng điểm'], en: ['total points'] },
  { name: 'TotalKw', vi: ['tổng'], en: ['total'] },
  { name: 'StepKw', vi: ['bước'], en: ['step'] },
  { name: 'KindKw', vi: ['dạng'], en: ['kind'] },
  { name: 'NeedsEvidenceKw', vi: ['cần minh chứng'], en: ['needs evidence'] },
  { name: 'EvidenceKw', vi: ['minh chứng'], en: ['evidence'] },
  { name: 'OnlyForKw', vi: ['chỉ cho'], en: ['only for'] },
  { name: 'VariantKw', vi: ['riêng'], en: ['variant'] },
  { name: 'MeasureKw', vi: ['đo'], en: ['measure'] },
  { name: 'MemberRatioKw', vi: ['tỉ lệ thành viên', 'tỷ lệ thành viên'], en: ['member ratio'] },
  { name: 'MemberCountKw', vi: ['số thành viên'], en: ['member count'] },
  { name: 'MembersKw', vi: ['thành viên'], en: ['members'] },
  { name: 'BandKw', vi: ['mức'], en: ['band'] },
  { name: 'ThenKw', vi: ['thì'], en: ['then'] },
  { name: 'OtherwiseKw', vi: ['còn lại'], en: ['otherwise'] },
  { name: 'SourceKw', vi: ['theo'], en: ['per'] },
  { name: 'AssumptionKw', vi: ['giả định'], en: ['assumption'] },
  { name: 'EveryIndicatorKw', vi: ['mọi chỉ số'], en: ['every indicator'] },
  { name: 'EveryCriterionKw', vi: ['mọi tiêu chí'], en: ['every criterion'] },
  { name: 'NoIndicatorKw', vi: ['không có chỉ số nào'], en: ['no indicator'] },
  { name: 'FloorKw', vi: ['điểm sàn'], en: ['floor'] },
  { name: 'RoundKw', vi: ['làm tròn'], en: ['round'] },
  { name: 'MissingDataKw', vi: ['thiếu dữ liệu'], en: ['missing data'] },
  { name: 'ExcludeKw', vi: ['bỏ qua'], en: ['exclude'] },
  { name: 'TitleKw', vi: ['danh hiệu'], en: ['title'] },
  { name: 'WhenKw', vi: ['khi'], en: ['when'] },
  { name: 'IfKw', vi: ['nếu'], en: ['if'] },
  { name: 'AndKw', vi: ['và'], en: ['and'] },
  { name: 'OrKw', vi: ['hoặc'], en: ['or'] },
  { name: 'NotAchievedKw', vi: ['không đạt'], en: ['not achieved'] },
  { name: 'NotKw', vi: ['không'], en: ['not'] },
  { name: 'AchievedKw', vi: ['đạt'], en: ['achieved'] },
  { name: 'ConsecutiveYearsKw', vi: ['năm liền'], en: ['consecutive years'] },
  { name: 'IsKw', vi: ['là'], en: ['is'] },
  { name: 'HasKw', vi: ['có'], en: ['has'] },
  { name: 'OrMoreKw', vi: ['trở lên'], en: ['or more'] },
  { name: 'FromKw', vi: ['từ'], en: ['from'] },
  { name: 'BelowKw', vi: ['dưới'], en: ['below'] },
  { name: 'AboveKw', vi: ['trên'], en: ['above'] },
  { name: 'ToKw', vi: ['đến'], en: ['to'] },
  { name: 'BeforeKw', vi: ['trước'], en: ['before'] },
  { name: 'GradingKw', vi: ['xếp loại'], en: ['grading'] },
  { name: 'TargetKw', vi: ['chỉ tiêu'], en: ['target'] },
  { name: 'EachYearKw', vi: ['mỗi năm'], en: ['each year'] },
  { name: 'BaselineKw', vi: ['năm gốc'], en: ['baseline'] },
  { name: 'NextYearKw', vi: ['năm sau'], en: ['next year'] },
  { name: 'YearKw', vi: ['năm'], en: ['year'] },
  { name: 'IncreaseKw', vi: ['tăng'], en: ['increase'] },
  { name: 'AmongKw', vi: ['trong số'], en: ['among'] },
  { name: 'InKw', vi: ['trong'], en: ['in'] },
  { name: 'PopulationKw', vi: ['dân số'], en: ['population'] },
  { name: 'HistoryKw', vi: ['lịch sử'], en: ['history'] },
  { name: 'CalendarKw', vi: ['lịch'], en: ['calendar'] },
  { name: 'RegistrationKw', vi: ['đăng ký', 'đăng kí'], en: ['registration'] },
  { name: 'SelfAssessmentKw', vi: ['tự đánh giá', 'tự chấm điểm'], en: ['self-assessment'] },
  { name: 'ReviewKw', vi: ['bình xét', 'thẩm định', 'chấm điểm'], en: ['review'] },
  { name: 'ReportKw', vi: ['báo cáo'], en: ['report'] },
  { name: 'RecognitionKw', vi: ['công nhận'], en: ['recognition'] },
  { name: 'SubmissionKw', vi: ['nộp hồ sơ'], en: ['submission'] },
  { name: 'EarlyKw', vi: ['đầu'], en: ['early'] },
  { name: 'QuarterKw', vi: ['quý'], en: ['quarter'] },
  { name: 'MonthKw', vi: ['tháng'], en: ['month'] },
  { name: 'LateKw', vi: ['trễ hạn'], en: ['late'] },
  { name: 'RefuseKw', vi: ['từ chối'], en: ['refuse'] },
  { name: 'FlagKw', vi: ['ghi nhận'], en: ['flag'] },
  { name: 'ExampleKw', vi: ['ví dụ'], en: ['example'] },
  { name: 'ScoresKw', vi: ['điểm'], en: ['scores'] },
  { name: 'ExpectKw', vi: ['mong đợi'], en: ['expect'] },
  { name: 'ErrorKw', vi: ['lỗi'], en: ['error'] },
  { name: 'CommuneKindKw', vi: ['cộng đồng cấp xã'], en: ['commune'] },
  { name: 'CitizenKindKw', vi: ['công dân'], en: ['citizen'] },
  { name: 'HouseholdKindKw', vi: ['gia đình', 'hộ gia đình'], en: ['household', 'family'] },
  { name: 'ClanKindKw', vi: ['dòng họ'], en: ['clan'] },
  { name: 'CommunityKindKw', vi: ['cộng đồng'], en: ['community'] },
  { name: 'UnitKindKw', vi: ['đơn vị'], en: ['unit'] },
  { name: 'GroupKw', vi: ['nhóm'], en: ['group'] },
];

/** Builds a pattern for one spelling: diacritics optional, any case, any run of blanks between words. */
function spellingPattern(spelling: string): string {
  const words = spelling.split(' ');
  return words
    .map((w) =>
      [...w]
        .map((ch) => {
          const base = fold(ch);
          const esc = (c: string) => c.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
          return base !== ch.toLowerCase() ? `[${esc(ch)}${esc(base)}]` : esc(ch);
        })
        .join(''),
    )
    .join('[ \\t]+');
}

function startChars(spellings: readonly string[]): string[] {
  const out = new Set<string>();
  for (const s of spellings) {
    const c = s[0]!;
    for (const v of [c, fold(c)]) {
      out.add(v.toLowerCase());
      out.add(v.toUpperCase());
    }
  }
  return [...out];
}

/** A category every real token belongs to: the parser's error statement swallows any of them. */
export const AnyToken = createToken({ name: 'AnyToken', pattern: Lexer.NA });
const any = { categories: [AnyToken] };

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\uFEFF\u00A0]+/, group: Lexer.SKIPPED, line_breaks: true });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n]*/, group: 'comments' });
export const StringLit = createToken({ ...any, name: 'StringLit', pattern: /"(?:[^"\\\n]|\\.)*"|“[^”\n]*”/, label: 'chuỗi "…"' });
/** A string whose closing quote is missing; the lexer turns it into a diagnostic. */
export const UnterminatedString = createToken({ ...any, name: 'UnterminatedString', pattern: /["“][^\n]*/ });
export const DateLit = createToken({ ...any, name: 'DateLit', pattern: /\d{1,2}\/\d{1,2}(?:\/\d{4})?/, label: 'ngày dd/mm/yyyy' });
export const NumberLit = createToken({ ...any, name: 'NumberLit', pattern: /\d+(?:[.,]\d+)*/, label: 'số' });
export const Percent = createToken({ ...any, name: 'Percent', pattern: /%/, label: '%' });
export const Gte = createToken({ ...any, name: 'Gte', pattern: />=|≥/, label: '>=' });
export const Lte = createToken({ ...any, name: 'Lte', pattern: /<=|≤/, label: '<=' });
export const Neq = createToken({ ...any, name: 'Neq', pattern: /!=|≠/, label: '≠' });
export const Gt = createToken({ ...any, name: 'Gt', pattern: />/, label: '>' });
export const Lt = createToken({ ...any, name: 'Lt', pattern: /</, label: '<' });
export const Eq = createToken({ ...any, name: 'Eq', pattern: /=/, label: '=' });
export const Colon = createToken({ ...any, name: 'Colon', pattern: /:/, label: ':' });
export const Comma = createToken({ ...any, name: 'Comma', pattern: /,/, label: ',' });
export const Semicolon = createToken({ ...any, name: 'Semicolon', pattern: /;/, label: ';' });
export const LParen = createToken({ ...any, name: 'LParen', pattern: /\(/, label: '(' });
export const RParen = createToken({ ...any, name: 'RParen', pattern: /\)/, label: ')' });
export const Dash = createToken({ ...any, name: 'Dash', pattern: /[-–—]/, label: '-' });
export const Identifier = createToken({
  ...any,
  name: 'Identifier',
  pattern: new RegExp(`[${LETTER}][${LETTER}0-9\\-]*`),
  label: 'tên',
});

/** The keyword token types by name. */
export const kw: Record<string, TokenType> = {};
/** For each keyword token name, its spec (for labels, the formatter and suggestions). */
export const keywordSpecs: Record<string, KeywordSpec> = {};

const byLength = [...KEYWORDS].sort((a, b) => {
  const wa = Math.max(...[...a.vi, ...a.en].map((s) => s.split(' ').length));
  const wb = Math.max(...[...b.vi, ...b.en].map((s) => s.split(' ').length));
  if (wa !== wb) return wb - wa;
  return Math.max(...b.vi.map((s) => s.length)) - Math.max(...a.vi.map((s) => s.length));
});
/**
 * Without diacritics `gia dinh` is both `gia đình` (a subject kind) and `giả định` (an assumption).
 * A subject kind is never followed by a string on its line and an assumption always is.
 */
const NOT_BEFORE_STRING = new Set(['HouseholdKindKw']);
const keywordTokens: TokenType[] = [];
for (const spec of byLength) {
  const spellings = [...spec.vi, ...spec.en].sort((a, b) => b.length - a.length);
  // A keyword ends at a word boundary: `tối daa` must not lex as `tối da` + `a`.
  const end = `(?![${LETTER}0-9\\-])${NOT_BEFORE_STRING.has(spec.name) ? '(?![ \\t]*["“])' : ''}`;
  const pattern = new RegExp(`(?:${spellings.map(spellingPattern).join('|')})${end}`, 'i');
  const t = createToken({
    ...any,
    name: spec.name,
    pattern,
    longer_alt: Identifier,
    start_chars_hint: startChars(spellings),
    label: `\`${spec.vi[0]}\``,
  });
  kw[spec.name] = t;
  keywordSpecs[spec.name] = spec;
  keywordTokens.push(t);
}
// Filled once above; read-only from here on.
Object.freeze(kw);
Object.freeze(keywordSpecs);

/** The canonical (first Vietnamese) spelling of a keyword token, as the formatter writes it. */
export function canonicalSpelling(name: string): string {
  const spelling = keywordSpecs[name]?.vi[0];
  if (spelling === undefined) throw new Error(`unknown keyword ${name}`);
  return spelling;
}

/** All token types in lexing order. */
export const allTokens: TokenType[] = [
  AnyToken,
  WhiteSpace,
  Comment,
  StringLit,
  UnterminatedString,
  DateLit,
  NumberLit,
  Percent,
  Gte,
  Lte,
  Neq,
  Gt,
  Lt,
  Eq,
  Colon,
  Comma,
  Semicolon,
  LParen,
  RParen,
  ...keywordTokens,
  Identifier,
  Dash,
];

/** True when the character can start an identifier. */
export function isLetter(ch: string): boolean {
  return LETTER_RE.test(ch);
}

/** The lexer; built once, shared. */
export const criteriaLexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });
