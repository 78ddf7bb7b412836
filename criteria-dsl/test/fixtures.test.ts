import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CriteriaFile } from '../src/ast.js';
import { formatDiagnostic, messageOf, parse, print, stripRanges, type Diagnostic } from '../src/index.js';
import { criteriaLexer, KEYWORDS } from '../src/tokens.js';

const VALID = new URL('./fixtures/valid/', import.meta.url);
const INVALID = new URL('./fixtures/invalid/', import.meta.url);

const list = (dir: URL) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.tieuchi'))
    .sort();
const read = (dir: URL, name: string) => readFileSync(new URL(name, dir), 'utf8');

const valid = list(VALID);
const invalid = list(INVALID);

/** Fixtures written in the formatter's layout: printing them gives back the same text. */
const CANONICAL = ['01-phu-tho-canonical.tieuchi', '02-competency-groups.tieuchi', '07-scoring-rules.tieuchi', '09-grading.tieuchi'];

interface Expected {
  code: string;
  line: number;
  column: number;
  suggestion?: string;
}

const summary = (d: Diagnostic): Expected => ({
  code: d.code,
  line: d.range.start.line,
  column: d.range.start.column,
  ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
});

describe('valid fixtures', () => {
  it('form a corpus of at least 12 files', () => {
    expect(valid.length).toBeGreaterThanOrEqual(12);
  });

  describe.each(valid)('%s', (name) => {
    const text = read(VALID, name);
    const first = parse(text, { file: name });

    it('parses with no diagnostics', () => {
      expect(first.diagnostics.map((d) => formatDiagnostic(d, first.source))).toEqual([]);
    });

    it('round-trips through the formatter, comments included', () => {
      const printed = print(first.ast);
      const again = parse(printed);
      expect(again.diagnostics.map((d) => formatDiagnostic(d, again.source))).toEqual([]);
      expect(stripRanges(again.ast, { comments: true })).toStrictEqual(stripRanges(first.ast, { comments: true }));
      expect(print(again.ast)).toBe(printed);
    });

    it('parses decomposed (NFD) text exactly like composed (NFC) text', () => {
      expect(parse(text.normalize('NFD')).ast).toStrictEqual(parse(text.normalize('NFC')).ast);
    });
  });

  it.each(CANONICAL)('%s is already in canonical layout', (name) => {
    const text = read(VALID, name);
    expect(print(parse(text).ast)).toBe(text);
  });

  it('include a file stored decomposed (NFD)', () => {
    const text = read(VALID, '18-nfd-decomposed.tieuchi');
    expect(text).not.toBe(text.normalize('NFC'));
    expect(parse(text).ast.frameworks[0]?.title.value).toBe('Công dân học tập — tổ hợp dấu');
  });

  it('use every token of the language', () => {
    const seen = new Set<string>();
    for (const name of valid) {
      const lexed = criteriaLexer.tokenize(read(VALID, name).normalize('NFC'));
      for (const t of lexed.tokens) seen.add(t.tokenType.name);
      if ((lexed.groups['comments'] ?? []).length > 0) seen.add('Comment');
    }
    const wanted = [
      ...KEYWORDS.map((k) => k.name),
      ...['StringLit', 'DateLit', 'NumberLit', 'Percent', 'Gte', 'Lte', 'Neq', 'Gt', 'Lt', 'Eq'],
      ...['Colon', 'Comma', 'Semicolon', 'LParen', 'RParen', 'Dash', 'Identifier', 'Comment'],
    ];
    expect(wanted.filter((w) => !seen.has(w))).toEqual([]);
  });

  it('build every kind of node and every variant of a construct', () => {
    const seen = new Set<string>();
    for (const name of valid) features(parse(read(VALID, name)).ast, seen);
    const missing = ALL_FEATURES.filter((f) => !seen.has(f));
    expect(missing).toEqual([]);
  });
});

describe('invalid fixtures', () => {
  it('form a corpus of at least 10 files', () => {
    expect(invalid.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(invalid)('%s', (name) => {
    const text = read(INVALID, name);
    const expected = JSON.parse(read(INVALID, name.replace(/\.tieuchi$/, '.expected.json'))) as Expected[];

    it('reports exactly the expected diagnostics, in one pass', () => {
      const got = parse(text, { file: name }).diagnostics.map(summary);
      expect(got).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    });
  });

  it('recovers and reports every error of a file with many, one per broken line', () => {
    const lines = parse(read(INVALID, 'many-errors.tieuchi')).diagnostics.map((d) => d.range.start.line);
    expect(lines).toEqual([2, 3, 5, 6, 8, 10]);
  });

  it('reports decomposed (NFD) input at the same places as composed input', () => {
    const text = read(INVALID, 'nfd-decomposed.tieuchi');
    expect(text).not.toBe(text.normalize('NFC'));
    expect(parse(text).diagnostics).toStrictEqual(parse(text.normalize('NFC')).diagnostics);
  });

  it('word messages in Vietnamese, with the English alongside', () => {
    const ds = parse(read(INVALID, 'many-errors.tieuchi')).diagnostics;
    for (const d of ds) {
      expect(d.message).toMatch(/^(Thiếu|Cần|Không hiểu|Chuỗi chưa đóng|Ký tự không hợp lệ) /);
      expect(d.messageEn).toMatch(/^(Missing|Expected|Unexpected|Cannot read|Unterminated|Invalid) /);
    }
    expect(ds[1]?.message).toBe('Thiếu một số sau `tổng`');
    expect(ds[1]?.messageEn).toBe('Missing a number after `tổng`');
  });

  it('offer the keyword a misspelling was meant to be, in Vietnamese', () => {
    const [d] = parse(read(INVALID, 'misspelt-keyword.tieuchi'), { file: 'misspelt-keyword.tieuchi' }).diagnostics;
    expect(d).toBeDefined();
    expect(messageOf(d!)).toMatch(/ — ý bạn là `tiêu chí`\?$/);
    expect(messageOf(d!, 'en')).toMatch(/ — did you mean `tiêu chí`\?$/);
    const shown = formatDiagnostic(d!, read(INVALID, 'misspelt-keyword.tieuchi'));
    expect(shown.split('\n')).toEqual([
      'misspelt-keyword.tieuchi:3:3: lỗi TC1105: Không hiểu `tieu chj 1 "Học tập" …`: ở đây cần một câu lệnh như `tiêu chí`, `chỉ số`, `danh hiệu` — ý bạn là `tiêu chí`?',
      '  |',
      '3 |   tieu chj 1 "Học tập" tổng 10',
      '  |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    ]);
  });
});

/** Everything the corpus must show at least once. */
const ALL_FEATURES = [
  ...['Subject', 'Locality', 'Effective', 'Status', 'Basis', 'BasedOn', 'TargetGroup', 'Attribute', 'Fact'],
  ...['Competency', 'Criterion', 'Indicator', 'Drop', 'Total', 'EvidenceRule', 'Floor', 'Round', 'MissingData'],
  ...['Title', 'Grading', 'Target', 'Calendar', 'Example', 'Band', 'Variant', 'Case', 'Level', 'Step', 'Source'],
  ...['And', 'Or', 'Not', 'Paren', 'TotalCmp', 'EveryIndicator', 'NoIndicatorBelow', 'EveryCriterion', 'IndicatorCmp'],
  ...['CriterionCmp', 'InGroup', 'AttributeIs', 'HasFact', 'HoldsTitle', 'MemberRatio', 'MemberCount'],
  ...['ExGroup', 'ExYear', 'ExAttribute', 'ExFact', 'ExScores', 'ExEvidence', 'ExHistory', 'ExMembers', 'ExPopulation', 'ExExpect'],
  ...['ExpTotal', 'ExpCriterion', 'ExpIndicator', 'ExpTitle', 'ExpLevel', 'ExpTarget', 'ExpError', 'MemberHolds', 'MemberHasFact'],
  ...['subject:citizen', 'subject:household', 'subject:clan', 'subject:community', 'subject:commune', 'subject:unit'],
  ...['status:in-force', 'status:draft', 'policy:fail', 'policy:exclude', 'drop:indicator', 'drop:criterion'],
  ...['step:registration', 'step:self-assessment', 'step:review', 'step:report', 'step:recognition', 'step:submission'],
  ...['step:label', 'late:refuse', 'late:flag', 'window:dates', 'window:until', 'window:before', 'window:quarter', 'window:early-quarter'],
  ...['window:month', 'window:months', 'window:next-year'],
  ...['cmp:words:>=', 'cmp:words:<', 'cmp:words:>', 'cmp:symbol:>=', 'cmp:symbol:>', 'cmp:symbol:<=', 'cmp:symbol:<'],
  ...['cmp:symbol:=', 'cmp:symbol:!='],
  ...['measure:YesNo', 'measure:Measured', 'measure:Measured-bare', 'measure:MemberRatio', 'indicator:max', 'indicator:step'],
  ...['indicator:needs-evidence', 'indicator:only-for', 'variant:max', 'number:ident', 'total'],
  ...['target:year', 'target:increase', 'target:population', 'target:among:HoldsTitle', 'target:among:HasFact'],
  ...['target:guard', 'target:what:HasFact', 'target:what:Str'],
  ...['title:when', 'title:no-id', 'holds:years', 'holds:str', 'level:otherwise', 'member:negated', 'members:missing'],
  ...['evidence:absent', 'expect:not-achieved', 'expect:target-not-met', 'expect:target-met'],
  ...['basis:no-id', 'basis:from', 'locality:name', 'effective:to', 'effective:open', 'source:clause', 'source:bare', 'assumption'],
  ...['num:comma', 'num:percent', 'date:no-year', 'comment:leading', 'comment:trailing', 'comment:end', 'frameworks:many'],
];

/** Collects the constructs a tree shows, as the strings of ALL_FEATURES. */
function features(file: CriteriaFile, seen: Set<string>): void {
  if (file.frameworks.length > 1) seen.add('frameworks:many');
  if (file.endComments?.length) seen.add('comment:end');
  const walk = (v: unknown, key: string): void => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, key));
    if (!v || typeof v !== 'object') return;
    const n = v as Record<string, unknown> & { kind?: string };
    const k = n.kind;
    if (k) seen.add(key === 'measure' ? `measure:${k}` : k);
    if (n.comments) seen.add('comment:leading');
    if (n.trailingComment !== undefined) seen.add('comment:trailing');
    if ('op' in n && 'style' in n) seen.add(`cmp:${String(n.style)}:${String(n.op)}`);
    if (k === 'Num' && String(n.raw).includes(',')) seen.add('num:comma');
    if (k === 'Num' && n.percent) seen.add('num:percent');
    if (k === 'Date' && n.year === undefined) seen.add('date:no-year');
    if (k === 'Subject') seen.add(`subject:${String(n.subject)}`);
    if (k === 'Status') seen.add(`status:${String(n.status)}`);
    if (k === 'MissingData') seen.add(`policy:${String(n.policy)}`);
    if (k === 'Drop') seen.add(`drop:${String(n.target)}`);
    if (k === 'Basis') {
      if (!n.id) seen.add('basis:no-id');
      if (n.from) seen.add('basis:from');
    }
    if (k === 'Locality' && n.name) seen.add('locality:name');
    if (k === 'Effective') seen.add(n.to ? 'effective:to' : 'effective:open');
    if (k === 'Source') seen.add(n.clause ? 'source:clause' : 'source:bare');
    if (n.assumption) seen.add('assumption');
    if ((k === 'Criterion' || k === 'Competency') && n.total) seen.add('total');
    if (key === 'number' && k === 'Ident') seen.add('number:ident');
    if (key === 'measure' && k === 'Measured' && !n.unit) seen.add('measure:Measured-bare');
    if (k === 'Indicator') {
      if (n.max) seen.add('indicator:max');
      if (n.step) seen.add('indicator:step');
      if (n.needsEvidence) seen.add('indicator:needs-evidence');
      if ((n.onlyFor as unknown[]).length > 0) seen.add('indicator:only-for');
    }
    if (k === 'Variant' && n.max) seen.add('variant:max');
    if (k === 'Step') {
      seen.add(`step:${String(n.step)}`);
      if (n.label) seen.add('step:label');
      if (n.late) seen.add(`late:${String(n.late)}`);
      const w = n.window as { kind: string; from?: unknown; to?: unknown; early?: boolean; before?: boolean; nextYear?: boolean };
      if (w.nextYear) seen.add('window:next-year');
      if (w.kind === 'Dates') seen.add(w.from ? 'window:dates' : w.before ? 'window:before' : 'window:until');
      if (w.kind === 'Quarter') seen.add(w.early ? 'window:early-quarter' : 'window:quarter');
      if (w.kind === 'Months') seen.add(w.from === w.to ? 'window:month' : 'window:months');
    }
    if (k === 'Target') {
      seen.add(n.perYearIncrease ? 'target:increase' : 'target:year');
      if (n.population) seen.add('target:population');
      if (n.among) seen.add(`target:among:${(n.among as { kind: string }).kind}`);
      if (n.guard) seen.add('target:guard');
      const what = n.what as { kind: string; title?: { kind: string } };
      if (what.kind === 'HasFact') seen.add('target:what:HasFact');
      if (what.title?.kind === 'Str') seen.add('target:what:Str');
    }
    if (k === 'Title') {
      if (n.when) seen.add('title:when');
      if (!n.id) seen.add('title:no-id');
    }
    if (k === 'HoldsTitle' && n.years) seen.add('holds:years');
    if (k === 'HoldsTitle' && (n.title as { kind: string } | undefined)?.kind === 'Str') seen.add('holds:str');
    if (k === 'Level' && !n.when) seen.add('level:otherwise');
    if (k === 'MemberHolds' && n.negated) seen.add('member:negated');
    if (k === 'ExMembers' && n.missing) seen.add('members:missing');
    if (k === 'ExEvidence' && !n.present) seen.add('evidence:absent');
    if (k === 'ExpTitle' && !n.achieved) seen.add('expect:not-achieved');
    if (k === 'ExpTarget') seen.add(n.met ? 'expect:target-met' : 'expect:target-not-met');
    for (const [child, x] of Object.entries(n)) if (child !== 'range') walk(x, child);
  };
  walk(file, 'file');
}
