/**
 * Property tests: random syntax trees survive print → parse unchanged, and no text makes the
 * parser throw. The generators only build trees the parser can build (see `items` for the one
 * shape indentation cannot express).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as A from '../src/ast.js';
import { fold, numberValue, parse, print, stripRanges } from '../src/index.js';
import { criteriaLexer, KEYWORDS } from '../src/tokens.js';

const R: A.Range = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

/** Drops the keys whose value is undefined: the parser leaves absent options out. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

// ---------------------------------------------------------------- literals

const KEYWORD_WORDS = new Set(KEYWORDS.flatMap((k) => [...k.vi, ...k.en]).flatMap((s) => s.split(' ').map(fold)));

/** A name that lexes as one identifier and is no word of any keyword (so it cannot join one). */
function isPlainName(name: string): boolean {
  const r = criteriaLexer.tokenize(name);
  const [t] = r.tokens;
  return r.errors.length === 0 && r.tokens.length === 1 && t?.tokenType.name === 'Identifier' && t.image === name && !KEYWORD_WORDS.has(fold(name));
}

const SYLLABLES = ['cd', 'ht', 'nông', 'dân', 'vùng', 'Hà', 'Nội', 'tân', 'thạnh', 'x', 'a1', 'kh41', 'đường', 'Ưu', 'tộc', 'gđ', 'q', 'Tiêu', 'đạt'];
const name = fc
  .tuple(fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 3 }), fc.constantFrom('-', '_'))
  .map(([parts, sep]) => parts.join(sep))
  .filter(isPlainName);
const ident: fc.Arbitrary<A.Ident> = name.map((n) => ({ kind: 'Ident', name: n, range: R }));

const STRING_CHARS = ['a', 'b', 'ă', 'â', 'đ', 'ế', 'ữ', 'ộ', 'ở', 'Ư', 'Đ', ' ', ' ', '"', '\\', '#', '“', '”', ',', '.', '%', '1', '9', '\n', '\t', ':', '-'];
const str: fc.Arbitrary<A.Str> = fc
  .string({ unit: fc.constantFrom(...STRING_CHARS), maxLength: 12 })
  .map((value) => ({ kind: 'Str', value, range: R }));

const numOf = (raw: string, percent = false): A.Num => ({ kind: 'Num', raw, value: numberValue(raw), percent, range: R });
/** A number as written: `7`, `7,5`, `0.25`. */
const num = fc.stringMatching(/^[0-9]{1,4}([.,][0-9]{1,2})?$/).map((raw) => numOf(raw));
/** A value: a number, maybe a percentage. */
const value = fc.tuple(fc.stringMatching(/^[0-9]{1,3}([.,][0-9]{1,2})?$/), fc.boolean()).map(([raw, p]) => numOf(raw, p));
/** An official number: `1`, `1.2`, `2.1.3`, or a name (`a`). */
const numberOrName: fc.Arbitrary<A.Num | A.Ident> = fc.oneof(fc.stringMatching(/^[0-9]{1,2}(\.[0-9]{1,2}){0,2}$/).map((raw) => numOf(raw)), ident);
const date: fc.Arbitrary<A.DateLit> = fc
  .record({ day: fc.integer({ min: 1, max: 31 }), month: fc.integer({ min: 1, max: 12 }), year: maybe(fc.integer({ min: 1000, max: 2999 })) })
  .map((d) => clean({ kind: 'Date' as const, ...d, range: R }));
const titleRef: fc.Arbitrary<A.TitleRef> = fc.oneof(ident, str);

const COMMENT_CHARS = ['a', 'ạ', 'ư', 'Đ', ' ', '#', '"', '“', '(', ')', '1', ':', '-'];
const commentText = fc.string({ unit: fc.constantFrom(...COMMENT_CHARS), maxLength: 10 }).filter((t) => t === t.replace(/\s+$/, ''));

/** Adds leading comments (some followed by a blank line) and a trailing comment to a node that the formatter prints on a line of its own. */
function commented<T extends object>(arb: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc
    .tuple(arb, maybe(fc.array(commentText, { minLength: 1, maxLength: 2 })), maybe(commentText), fc.array(fc.boolean(), { maxLength: 2 }))
    .map(([node, comments, trailingComment, gaps]) => {
      // A blank line below some of the comments (a section heading), as the parser records it.
      const breaks = comments?.map((_, i) => i).filter((i) => gaps[i] === true);
      return clean({ ...node, comments, commentBreaks: breaks && breaks.length > 0 ? breaks : undefined, trailingComment });
    });
}

// ---------------------------------------------------------------- conditions

const comparison: fc.Arbitrary<A.Comparison> = fc.oneof(
  fc.tuple(fc.constantFrom<A.CompareOp>('>=', '<', '>'), value).map(([op, v]) => ({ op, value: v, style: 'words' as const, range: R })),
  fc.tuple(fc.constantFrom<A.CompareOp>('>=', '>', '<=', '<', '=', '!='), value).map(([op, v]) => ({ op, value: v, style: 'symbol' as const, range: R })),
);

const memberPredicate: fc.Arbitrary<A.MemberPredicate> = fc.oneof(
  fc.tuple(titleRef, fc.boolean()).map(([title, negated]) => ({ kind: 'MemberHolds' as const, title, negated, range: R })),
  ident.map((fact) => ({ kind: 'MemberHasFact' as const, fact, range: R })),
);

const atom: fc.Arbitrary<A.Condition> = fc.oneof(
  comparison.map((test) => ({ kind: 'TotalCmp' as const, test, range: R })),
  comparison.map((test) => ({ kind: 'EveryIndicator' as const, test, range: R })),
  value.map((v) => ({ kind: 'NoIndicatorBelow' as const, value: v, range: R })),
  comparison.map((test) => ({ kind: 'EveryCriterion' as const, test, range: R })),
  fc.tuple(numberOrName, comparison).map(([indicator, test]) => ({ kind: 'IndicatorCmp' as const, indicator, test, range: R })),
  fc.tuple(numberOrName, comparison).map(([criterion, test]) => ({ kind: 'CriterionCmp' as const, criterion, test, range: R })),
  ident.map((group) => ({ kind: 'InGroup' as const, group, range: R })),
  fc.tuple(ident, str).map(([attribute, v]) => ({ kind: 'AttributeIs' as const, attribute, value: v, range: R })),
  ident.map((fact) => ({ kind: 'HasFact' as const, fact, range: R })),
  fc.tuple(titleRef, maybe(num)).map(([title, years]) => clean({ kind: 'HoldsTitle' as const, title, years, range: R })),
  fc.tuple(memberPredicate, comparison).map(([predicate, test]) => ({ kind: 'MemberRatio' as const, predicate, test, range: R })),
  fc.tuple(memberPredicate, comparison).map(([predicate, test]) => ({ kind: 'MemberCount' as const, predicate, test, range: R })),
);

/** Conditions shaped as the parser builds them: `hoặc` over `và` over `không` / atoms / parentheses. */
const { condition } = fc.letrec<{ condition: A.Condition; unary: A.Condition; and: A.Condition; or: A.Condition }>((tie) => ({
  condition: fc.oneof({ maxDepth: 3, depthIdentifier: 'condition' }, tie('unary'), tie('and'), tie('or')),
  unary: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'condition' },
    atom,
    tie('unary').map((item) => ({ kind: 'Not' as const, item, range: R })),
    tie('condition').map((item) => ({ kind: 'Paren' as const, item, range: R })),
  ),
  and: fc.array(tie('unary'), { minLength: 2, maxLength: 3 }).map((items) => ({ kind: 'And' as const, items, range: R })),
  or: fc.array(fc.oneof(tie('unary'), tie('and')), { minLength: 2, maxLength: 3 }).map((items) => ({ kind: 'Or' as const, items, range: R })),
}));

// ---------------------------------------------------------------- statements

const ruleOptions: fc.Arbitrary<A.RuleOptions> = fc
  .record({
    source: maybe(fc.tuple(ident, maybe(str)).map(([basis, clause]) => clean({ kind: 'Source' as const, basis, clause, range: R }))),
    assumption: maybe(str),
  })
  .map(clean);

const band: fc.Arbitrary<A.Band> = commented(fc.tuple(comparison, num).map(([test, points]) => ({ kind: 'Band' as const, test, points, range: R })));
const variant: fc.Arbitrary<A.Variant> = commented(
  fc.tuple(ident, str, maybe(num)).map(([group, text, max]) => clean({ kind: 'Variant' as const, group, text, max, range: R })),
);
const measure: fc.Arbitrary<A.IndicatorMeasure> = fc.oneof(
  fc.constant({ kind: 'YesNo' as const, range: R }),
  maybe(str).map((unit) => clean({ kind: 'Measured' as const, unit, range: R })),
  memberPredicate.map((predicate) => ({ kind: 'MemberRatio' as const, predicate, range: R })),
);

const indicator: fc.Arbitrary<A.IndicatorDecl> = commented(
  fc
    .record({
      number: numberOrName,
      text: str,
      max: maybe(num),
      step: maybe(num),
      needsEvidence: fc.boolean(),
      onlyFor: fc.array(ident, { maxLength: 2 }),
      measure: maybe(measure),
      bands: fc.array(band, { maxLength: 2 }),
      variants: fc.array(variant, { maxLength: 2 }),
      options: ruleOptions,
    })
    .map(({ options, ...i }) => clean({ kind: 'Indicator' as const, ...i, ...options, range: R })),
);

const criterion: fc.Arbitrary<A.CriterionDecl> = commented(
  fc
    .record({ number: numberOrName, text: str, total: maybe(num), options: ruleOptions, indicators: fc.array(indicator, { maxLength: 3 }) })
    .map(({ options, ...c }) => clean({ kind: 'Criterion' as const, ...c, ...options, range: R })),
);

const competency: fc.Arbitrary<A.CompetencyDecl> = commented(
  fc
    .record({
      number: numberOrName,
      text: str,
      total: maybe(num),
      options: ruleOptions,
      indicators: fc.array(indicator, { maxLength: 2 }),
      criteria: fc.array(criterion, { maxLength: 2 }),
    })
    // An indicator after a criterion belongs to that criterion: indicators come first.
    .map(({ options, indicators, criteria, ...c }) =>
      clean({ kind: 'Competency' as const, ...c, ...options, children: [...indicators, ...criteria], range: R }),
    ),
);

const holding: fc.Arbitrary<A.Holding> = fc.oneof(
  titleRef.map((title) => ({ kind: 'HoldsTitle' as const, title, range: R })),
  ident.map((fact) => ({ kind: 'HasFact' as const, fact, range: R })),
);

const title: fc.Arbitrary<A.TitleDecl> = commented(
  fc
    .record({
      id: maybe(ident),
      name: str,
      when: maybe(condition),
      cases: fc.array(
        commented(fc.tuple(condition, condition).map(([guard, then]) => ({ kind: 'Case' as const, guard, then, range: R }))),
        { maxLength: 2 },
      ),
      options: ruleOptions,
    })
    .map(({ options, ...t }) => clean({ kind: 'Title' as const, ...t, ...options, range: R })),
);

const grading: fc.Arbitrary<A.GradingDecl> = commented(
  fc
    .record({
      levels: fc.array(
        commented(fc.tuple(str, maybe(condition)).map(([n, when]) => clean({ kind: 'Level' as const, name: n, when, range: R }))),
        { maxLength: 3 },
      ),
      options: ruleOptions,
    })
    .map(({ options, levels }) => clean({ kind: 'Grading' as const, levels, ...options, range: R })),
);

const target: fc.Arbitrary<A.TargetDecl> = commented(
  fc
    .record({
      what: holding,
      when: fc.oneof(fc.constant({ perYearIncrease: true }), num.map((year) => ({ perYearIncrease: false, year }))),
      share: value,
      population: maybe(str),
      among: maybe(holding),
      guard: maybe(condition),
      options: ruleOptions,
    })
    .map(({ options, when, ...t }) => clean({ kind: 'Target' as const, ...t, ...when, ...options, range: R })),
);

const window: fc.Arbitrary<A.Window> = fc.oneof(
  fc.tuple(date, date).map(([from, to]) => ({ kind: 'Dates' as const, from, to, range: R })),
  fc.tuple(date, fc.boolean()).map(([to, before]) => clean({ kind: 'Dates' as const, to, before: before || undefined, range: R })),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.boolean()).map(([quarter, early, next]) => clean({ kind: 'Quarter' as const, quarter, early, nextYear: next || undefined, range: R })),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.boolean()).map(([from, to, next]) => clean({ kind: 'Months' as const, from, to, nextYear: next || undefined, range: R })),
);

const STEPS: A.StepKind[] = ['registration', 'self-assessment', 'review', 'report', 'recognition', 'submission'];
const calendar: fc.Arbitrary<A.CalendarDecl> = commented(
  fc
    .array(
      commented(
        fc
          .record({ step: fc.constantFrom(...STEPS), label: maybe(str), window, late: maybe(fc.constantFrom('refuse' as const, 'flag' as const)), options: ruleOptions })
          .map(({ options, ...s }) => clean({ kind: 'Step' as const, ...s, ...options, range: R })),
      ),
      { maxLength: 3 },
    )
    .map((steps) => ({ kind: 'Calendar' as const, steps, range: R })),
);

const expectation: fc.Arbitrary<A.Expectation> = fc.oneof(
  num.map((v) => ({ kind: 'ExpTotal' as const, value: v, range: R })),
  fc.tuple(numberOrName, num).map(([criterion, v]) => ({ kind: 'ExpCriterion' as const, criterion, value: v, range: R })),
  fc.tuple(numberOrName, num).map(([indicator, v]) => ({ kind: 'ExpIndicator' as const, indicator, value: v, range: R })),
  fc.tuple(titleRef, fc.boolean()).map(([t, achieved]) => ({ kind: 'ExpTitle' as const, title: t, achieved, range: R })),
  str.map((level) => ({ kind: 'ExpLevel' as const, level, range: R })),
  fc.tuple(holding, num, fc.boolean()).map(([what, year, met]) => ({ kind: 'ExpTarget' as const, what, year, met, range: R })),
  fc.constant({ kind: 'ExpError' as const, range: R }),
);

const exampleLine: fc.Arbitrary<A.ExampleLine> = commented(
  fc.oneof(
    ident.map((group) => ({ kind: 'ExGroup' as const, group, range: R })),
    num.map((year) => ({ kind: 'ExYear' as const, year, range: R })),
    fc.tuple(ident, str).map(([attribute, v]) => ({ kind: 'ExAttribute' as const, attribute, value: v, range: R })),
    ident.map((fact) => ({ kind: 'ExFact' as const, fact, range: R })),
    fc
      .array(fc.tuple(numberOrName, num).map(([indicator, v]) => ({ indicator, value: v, range: R })), { minLength: 1, maxLength: 3 })
      .map((scores) => ({ kind: 'ExScores' as const, scores, range: R })),
    fc
      .tuple(fc.boolean(), fc.array(numberOrName, { minLength: 1, maxLength: 3 }))
      .map(([present, indicators]) => ({ kind: 'ExEvidence' as const, present, indicators, range: R })),
    fc
      .array(fc.tuple(num, fc.array(titleRef, { minLength: 1, maxLength: 2 })).map(([year, titles]) => ({ year, titles, range: R })), {
        minLength: 1,
        maxLength: 2,
      })
      .map((entries) => ({ kind: 'ExHistory' as const, entries, range: R })),
    fc
      .tuple(num, fc.oneof(fc.constant<A.MemberPredicate[]>([]), fc.array(memberPredicate, { minLength: 1, maxLength: 2 })))
      .map(([count, holds]) => ({ kind: 'ExMembers' as const, count, holds, missing: holds.length === 0, range: R })),
    str.map((population) => ({ kind: 'ExPopulation' as const, population, range: R })),
    fc.tuple(num, num).map(([year, share]) => ({ kind: 'ExBaseline' as const, year, share, range: R })),
    fc.array(expectation, { minLength: 1, maxLength: 3 }).map((expectations) => ({ kind: 'ExExpect' as const, expectations, range: R })),
  ),
);

const example: fc.Arbitrary<A.ExampleDecl> = commented(
  fc.tuple(str, fc.array(exampleLine, { maxLength: 4 })).map(([n, lines]) => ({ kind: 'Example' as const, name: n, lines, range: R })),
);

const SUBJECTS: A.SubjectKind[] = ['citizen', 'household', 'clan', 'community', 'commune', 'unit'];
const simpleItem: fc.Arbitrary<A.FrameworkItem> = commented(
  fc.oneof(
    fc.constantFrom(...SUBJECTS).map((subject) => ({ kind: 'Subject' as const, subject, range: R })),
    fc.tuple(str, maybe(str)).map(([code, n]) => clean({ kind: 'Locality' as const, code, name: n, range: R })),
    fc.tuple(date, maybe(date)).map(([from, to]) => clean({ kind: 'Effective' as const, from, to, range: R })),
    fc.constantFrom('in-force' as const, 'draft' as const).map((status) => ({ kind: 'Status' as const, status, range: R })),
    fc.tuple(maybe(ident), str, maybe(date)).map(([id, text, from]) => clean({ kind: 'Basis' as const, id, text, from, range: R })),
    ident.map((ref) => ({ kind: 'BasedOn' as const, ref, range: R })),
    fc.tuple(ident, str).map(([id, n]) => ({ kind: 'TargetGroup' as const, id, name: n, range: R })),
    fc.tuple(ident, str, fc.array(str, { minLength: 1, maxLength: 3 })).map(([id, n, values]) => ({ kind: 'Attribute' as const, id, name: n, values, range: R })),
    fc.tuple(ident, str).map(([id, n]) => ({ kind: 'Fact' as const, id, name: n, range: R })),
    fc.tuple(fc.constantFrom('indicator' as const, 'criterion' as const), numberOrName).map(([t, number]) => ({ kind: 'Drop' as const, target: t, number, range: R })),
    fc.constant({ kind: 'Drop' as const, target: 'targets' as const, range: R }),
    num.map((v) => ({ kind: 'Total' as const, value: v, range: R })),
    ruleOptions.map((o) => ({ kind: 'EvidenceRule' as const, ...o, range: R })),
    fc.tuple(num, ruleOptions).map(([v, o]) => ({ kind: 'Floor' as const, value: v, ...o, range: R })),
    fc.tuple(num, ruleOptions).map(([v, o]) => ({ kind: 'Round' as const, value: v, ...o, range: R })),
    fc.tuple(fc.constantFrom('fail' as const, 'exclude' as const), ruleOptions).map(([policy, o]) => ({ kind: 'MissingData' as const, policy, ...o, range: R })),
  ),
);

/**
 * Statements of a framework. Indentation carries no meaning, so a criterion or indicator right
 * after a competency group belongs to the group, and an indicator right after a criterion to the
 * criterion: such trees cannot be written, and are not generated.
 */
const items: fc.Arbitrary<A.FrameworkItem[]> = fc
  .array(
    fc.oneof(
      { arbitrary: simpleItem, weight: 5 },
      ...[competency, criterion, indicator, title, grading, target, calendar, example].map((arbitrary) => ({ arbitrary, weight: 1 })),
    ),
    { maxLength: 7 },
  )
  .map((list) => {
    const out: A.FrameworkItem[] = [];
    for (const it of list) {
      const prev = out[out.length - 1]?.kind;
      if (prev === 'Competency' && (it.kind === 'Criterion' || it.kind === 'Indicator')) continue;
      if (prev === 'Criterion' && it.kind === 'Indicator') continue;
      out.push(it);
    }
    return out;
  });

const framework: fc.Arbitrary<A.FrameworkDecl> = commented(
  fc.tuple(ident, str, items).map(([id, t, its]) => ({ kind: 'Framework' as const, id, title: t, items: its, range: R })),
);

const file: fc.Arbitrary<A.CriteriaFile> = fc
  .tuple(fc.array(framework, { maxLength: 2 }), maybe(fc.array(commentText, { minLength: 1, maxLength: 2 })))
  .map(([frameworks, endComments]) => clean({ kind: 'File' as const, frameworks, endComments, range: R }));

// ---------------------------------------------------------------- properties

describe('print → parse', () => {
  it('gives back the same tree, comments included, with no diagnostics', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(file, (ast) => {
        const text = print(ast);
        const r = parse(text);
        expect(r.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`), text).toEqual([]);
        expect(stripRanges(r.ast, { comments: true }), text).toStrictEqual(stripRanges(ast, { comments: true }));
        expect(print(r.ast), text).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('gives back the same condition, for deeply mixed `và` / `hoặc` / `không` / parentheses', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(condition, (when) => {
        const t: A.TitleDecl = { kind: 'Title', name: { kind: 'Str', value: 'T', range: R }, when, cases: [], range: R };
        const ast: A.CriteriaFile = {
          kind: 'File',
          frameworks: [{ kind: 'Framework', id: { kind: 'Ident', name: 'x', range: R }, title: t.name, items: [t], range: R }],
          range: R,
        };
        const text = print(ast);
        const r = parse(text);
        expect(r.diagnostics, text).toEqual([]);
        expect(stripRanges(r.ast), text).toStrictEqual(stripRanges(ast));
      }),
      { numRuns: 300 },
    );
  });
});

describe('parse on any text', () => {
  const FRAGMENTS = [
    ...KEYWORDS.flatMap((k) => [k.vi[0]!, fold(k.vi[0]!)]),
    '"chuỗi"', '“cong”', '"chưa đóng', '12', '7,5', '1.2', '65%', '01/02/2020', '5/11', '(', ')', '>=', '≠', '=', ':', ',', ';', '-',
    '\n', '\n  ', '\n    ', '# chú thích\n', '@', 'cdht', 'a', 'IV',
  ];
  const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(' '));

  it('never throws, and reports diagnostics with a code and a place inside the text', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(soup, (text) => {
        const r = parse(text);
        for (const d of r.diagnostics) {
          expect(d.code).toMatch(/^TC\d{4}$/);
          expect(d.range.start.offset).toBeGreaterThanOrEqual(0);
          expect(d.range.end.offset).toBeLessThanOrEqual(r.source.length);
          expect(d.message.length).toBeGreaterThan(0);
        }
        expect(() => print(r.ast)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a valid file with a piece cut out', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(file, fc.nat(), fc.nat(40), (ast, at, length) => {
        const text = print(ast);
        const start = at % (text.length + 1);
        const cut = text.slice(0, start) + text.slice(start + length);
        expect(() => parse(cut)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
