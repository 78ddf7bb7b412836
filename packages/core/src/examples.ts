/** Runs the worked examples written in a criteria file: the author's proof (codes TC3xxx). */
import { diagnostic, type Diagnostic } from '@hoctap/criteria-dsl';
import type * as A from '@hoctap/criteria-dsl';
import { fmt } from './compile.js';
import { evaluate } from './evaluate.js';
import type { Model } from './model.js';
import type { EvaluationResult, Subject } from './subject.js';
import { targetProgress } from './targets.js';

/** One expectation that did not hold. */
export interface ExampleFailure {
  readonly expected: string;
  readonly actual: string;
  readonly range: A.Range;
}

export interface ExampleResult {
  readonly framework: string;
  readonly name: string;
  readonly passed: boolean;
  readonly failures: readonly ExampleFailure[];
  readonly result: EvaluationResult;
  readonly range: A.Range;
}

const numId = (n: A.Num | A.Ident) => (n.kind === 'Num' ? n.raw : n.name);
const ref = (r: A.TitleRef) => (r.kind === 'Str' ? r.value : r.name);

/** The subject an example describes, and the population label it names. */
export function exampleSubject(ex: A.ExampleDecl): { subject: Subject; population?: string; baseline?: { year: number; share: number } } {
  const scores: Record<string, number> = {};
  const evidence: Record<string, boolean> = {};
  const attributes: Record<string, string> = {};
  const facts: string[] = [];
  const history: Record<string, string[]> = {};
  const members: Subject[] = [];
  let group: string | undefined;
  let year: number | undefined;
  let population: string | undefined;
  let baseline: { year: number; share: number } | undefined;
  for (const l of ex.lines) {
    switch (l.kind) {
      case 'ExGroup':
        group = l.group.name;
        break;
      case 'ExYear':
        year = l.year.value;
        break;
      case 'ExAttribute':
        attributes[l.attribute.name] = l.value.value;
        break;
      case 'ExFact':
        facts.push(l.fact.name);
        break;
      case 'ExScores':
        for (const s of l.scores) scores[numId(s.indicator)] = s.value.value;
        break;
      case 'ExEvidence':
        for (const i of l.indicators) evidence[numId(i)] = l.present;
        break;
      case 'ExHistory':
        for (const h of l.entries) history[String(h.year.value)] = [...(history[String(h.year.value)] ?? []), ...h.titles.map(ref)];
        break;
      case 'ExMembers': {
        const titles = l.holds.filter((p): p is Extract<A.MemberPredicate, { kind: 'MemberHolds' }> => p.kind === 'MemberHolds');
        const mfacts = l.holds.filter((p): p is Extract<A.MemberPredicate, { kind: 'MemberHasFact' }> => p.kind === 'MemberHasFact');
        const m: Subject = l.missing
          ? {}
          : {
              ...(titles.length > 0 ? { titles: titles.filter((t) => !t.negated).map((t) => ref(t.title)) } : {}),
              ...(mfacts.length > 0 ? { facts: mfacts.map((f) => f.fact.name) } : {}),
            };
        for (let k = 0; k < l.count.value; k++) members.push(m);
        break;
      }
      case 'ExPopulation':
        population = l.population.value;
        break;
      case 'ExBaseline':
        baseline = { year: l.year.value, share: l.share.value };
        break;
      case 'ExExpect':
        break;
    }
  }
  const subject: Subject = {
    id: ex.name.value,
    ...(year !== undefined ? { year } : {}),
    ...(group !== undefined ? { group } : {}),
    ...(Object.keys(attributes).length ? { attributes } : {}),
    scores,
    ...(Object.keys(evidence).length ? { evidence } : {}),
    ...(facts.length ? { facts } : {}),
    ...(Object.keys(history).length ? { history } : {}),
    ...(members.length ? { members } : {}),
  };
  return { subject, ...(population !== undefined ? { population } : {}), ...(baseline ? { baseline } : {}) };
}

/** Runs one worked example. */
export function runExample(model: Model, ex: A.ExampleDecl): ExampleResult {
  const { subject, population, baseline } = exampleSubject(ex);
  const result = evaluate(model, subject, { explain: true });
  const failures: ExampleFailure[] = [];
  const expectations = ex.lines.flatMap((l) => (l.kind === 'ExExpect' ? l.expectations : []));
  const expectsError = expectations.some((e) => e.kind === 'ExpError');
  // An example about targets alone describes a population, not a subject to score.
  const onlyTargets = expectations.length > 0 && expectations.every((e) => e.kind === 'ExpTarget');
  if (result.errors && !expectsError && !onlyTargets) {
    failures.push({ expected: 'chấm được điểm', actual: `lỗi: ${result.errors.map((e) => e.message).join('; ')}`, range: ex.name.range });
  }
  for (const e of expectations) {
    const fail = (expected: string, actual: string) => failures.push({ expected, actual, range: e.range });
    switch (e.kind) {
      case 'ExpError':
        if (!result.errors) fail('lỗi dữ liệu', `chấm được, tổng ${fmt(result.total)}`);
        break;
      case 'ExpTotal':
        if (!result.errors && result.total !== e.value.value) fail(`tổng ${e.value.raw}`, `tổng ${fmt(result.total)}`);
        break;
      case 'ExpCriterion': {
        const c = result.criteria.find((x) => x.id === numId(e.criterion));
        if (!result.errors && c?.points !== e.value.value) fail(`tiêu chí ${numId(e.criterion)} = ${e.value.raw}`, c ? `${fmt(c.points)}` : 'không có tiêu chí này');
        break;
      }
      case 'ExpIndicator': {
        const c = result.indicators.find((x) => x.id === numId(e.indicator));
        if (!result.errors && c?.points !== e.value.value) fail(`chỉ số ${numId(e.indicator)} = ${e.value.raw}`, c ? `${fmt(c.points)}` : 'không có chỉ số này');
        break;
      }
      case 'ExpTitle': {
        const key = ref(e.title);
        const t = result.titleResults.find((x) => x.id === key || x.name === key);
        if (!t) fail(`danh hiệu "${key}"`, 'bộ tiêu chí không có danh hiệu này');
        else if (!result.errors && t.achieved !== e.achieved) {
          const why = t.explanation?.children?.filter((c) => c.ok === false).map((c) => c.text).join('; ');
          fail(`${e.achieved ? 'đạt' : 'không đạt'} "${t.name}"`, `${t.achieved ? 'đạt' : 'không đạt'}${why ? ` (${why})` : ''}`);
        }
        break;
      }
      case 'ExpLevel':
        if (!result.errors && result.level !== e.level.value) fail(`xếp loại "${e.level.value}"`, result.level ? `"${result.level}"` : 'không xếp loại');
        break;
      case 'ExpTarget': {
        const progress = targetProgress(model, {
          year: e.year.value,
          ...(subject.attributes ? { attributes: subject.attributes } : {}),
          ...(population !== undefined ? { population } : {}),
          ...(baseline ? { baseline } : {}),
          members: subject.members ?? [],
        });
        const w = e.what;
        const key = w.kind === 'HasFact' ? w.fact.name : ref(w.title);
        const t = model.titles.find((x) => x.id === key || x.name === key);
        // Several targets may apply to the same holding (a province's and the nation's): all must hold.
        const ps = progress.filter((x) =>
          w.kind === 'HasFact'
            ? x.target.what.kind === 'fact' && x.target.what.fact === key
            : x.target.what.kind === 'title' && (x.target.what.title === key || x.target.what.title === t?.id || x.target.what.title === t?.name),
        );
        if (ps.length === 0) fail(`chỉ tiêu "${key}" năm ${e.year.raw}`, 'không có chỉ tiêu nào áp dụng');
        else if (ps.every((p) => p.met) !== e.met) fail(`chỉ tiêu ${e.met ? 'đạt' : 'không đạt'}`, ps.map((p) => p.text).join('; '));
        break;
      }
    }
  }
  return { framework: model.id, name: ex.name.value, passed: failures.length === 0, failures, result, range: ex.range };
}

/** Runs every worked example of a model. */
export function runExamples(model: Model): ExampleResult[] {
  return model.examples.map((ex) => runExample(model, ex));
}

/** Diagnostics (TC3001) for the failed expectations of example results. */
export function exampleDiagnostics(results: readonly ExampleResult[], file?: string): Diagnostic[] {
  return results.flatMap((r) =>
    r.failures.map((f) =>
      diagnostic(
        'TC3001',
        f.range,
        `Ví dụ "${r.name}": mong đợi ${f.expected} nhưng tính được ${f.actual}`,
        `Example "${r.name}": expected ${f.expected} but got ${f.actual}`,
        file !== undefined ? { file } : {},
      ),
    ),
  );
}
