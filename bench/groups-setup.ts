/**
 * What the group benchmark and its workers share: the plugins' group frameworks whose indicators
 * read members (Yên Bái's family and clan titles of 2016–2020, Tân Biên's unit title of 2023), and
 * seeded group subjects of 5, 50 and 5,000 members shaped as the application layer hands them to
 * the engine (`engineResult` of packages/app/src/registrations.ts: `{ id, year, scores, evidence,
 * attributes, members }` evaluated with `{ explain: true, year }`; each member as
 * `groupMembersOfYear` builds it — `{ id, facts }` with the facts the group declared for it, or
 * `{ id, titles }` with the titles of its decided result of the year, names and ids, or `{ id }` alone
 * when it has no decided result).
 */
import { createRegistry, type Model, type Subject } from '@hoctap/core';
import { national } from '@hoctap/plugin-national';
import { tanBien } from '@hoctap/plugin-tan-bien';
import { yenBai } from '@hoctap/plugin-yen-bai';
import { intIn, mulberry32 } from './prng.ts';

/** The group frameworks measured, with the kind of member data their indicators read. */
export const GROUP_FRAMEWORKS = {
  gdht: { ref: 'yen-bai/gdht-yen-bai-2016', year: 2018, reads: 'facts' },
  dhht: { ref: 'yen-bai/dhht-yen-bai-2016', year: 2018, reads: 'titles' },
  dvht: { ref: 'tan-bien/dvht-tan-bien-2023', year: 2023, reads: 'facts' },
} as const;
export type GroupFramework = keyof typeof GROUP_FRAMEWORKS;
export const MEMBER_COUNTS = [5, 50, 5000] as const;
/** Subjects cycled through per case: fewer for the large groups (memory), enough that no branch predictor sees one subject. */
export const subjectsPer = (members: number) => (members >= 1000 ? 16 : 256);
export const GROUP_SEED = 20260101;
/** The unit title's names as the engine returns them (the national frame's title, kept by Tân Biên). */
const DVHT_TITLES = ['Đơn vị học tập'];

let registry: ReturnType<typeof createRegistry> | undefined;
/** The checked model of a group framework, from the plugins' registry (as the server loads them: `dựa trên` resolved). */
export function groupModel(fw: GroupFramework): Model {
  registry ??= createRegistry([national, yenBai, tanBien]);
  return registry.get(GROUP_FRAMEWORKS[fw].ref).model;
}

/** A member id shaped as the platform's (a UUID). */
const memberId = (k: number, m: number) => `0193${k.toString(16).padStart(4, '0')}-0000-7000-8000-${m.toString(16).padStart(12, '0')}`;

/** The facts members are asked about (from the framework's member rules), and the titles they may hold. */
function memberVocabulary(model: Model): { facts: string[]; titles: string[] } {
  const facts = new Set<string>();
  const titles = new Set<string>();
  for (const i of model.indicators) {
    if (i.measure.kind !== 'member-ratio') continue;
    const p = i.measure.predicate as { kind: string; fact?: { name: string }; title?: { kind: string; value?: string; name?: string } };
    if (p.kind === 'MemberHasFact' && p.fact) facts.add(p.fact.name);
    if (p.kind === 'MemberHolds' && p.title) titles.add((p.title.kind === 'Str' ? p.title.value : p.title.name) ?? '');
  }
  return { facts: [...facts], titles: [...titles] };
}

/** Seeded group subjects of `members` members for a framework, as the application builds them. */
export function makeGroupSubjects(fw: GroupFramework, members: number, count = subjectsPer(members), seed = GROUP_SEED): Subject[] {
  const model = groupModel(fw);
  const { year } = GROUP_FRAMEWORKS[fw];
  const vocab = memberVocabulary(model);
  const rand = mulberry32(seed + members);
  const out: Subject[] = [];
  for (let k = 0; k < count; k++) {
    const scores: Record<string, number | boolean> = {};
    for (const i of model.indicators) {
      if (i.measure.kind === 'member-ratio') continue;
      if (i.measure.kind === 'yes-no') scores[i.id] = rand() < 0.7;
      else {
        const units = Math.round(i.max / i.step);
        scores[i.id] = Math.min(units, Math.round(units * (0.6 + rand() * 0.4)) + intIn(rand, -1, 1)) * i.step;
      }
    }
    // Half of the groups have every member complete; the others miss a fact or a title here and there.
    const complete = rand() < 0.5;
    const list: Subject[] = [];
    for (let m = 0; m < members; m++) {
      const id = memberId(k, m);
      if (vocab.titles.length) {
        const r = rand();
        // Recognised (title names and ids, as `groupMembersOfYear` gives them), not recognised, or not decided yet.
        if (complete || r < 0.8) list.push({ id, titles: vocab.titles.flatMap((t) => [t, ...model.titles.filter((x) => x.name === t).map((x) => x.id)]).filter((x, j, a) => a.indexOf(x) === j) });
        else if (r < 0.95) list.push({ id, titles: [] });
        else list.push({ id });
      } else {
        const facts = vocab.facts.filter(() => complete || rand() < 0.97);
        list.push(complete || rand() < 0.98 ? { id, facts } : { id });
      }
    }
    const subject: Subject = {
      id: `0193ffff-0000-7000-8000-${k.toString(16).padStart(12, '0')}`,
      year,
      scores,
      evidence: {},
      ...(model.attributes.length ? { attributes: { [model.attributes[0]!.id]: model.attributes[0]!.values[k % model.attributes[0]!.values.length]! } } : {}),
      ...(fw === 'dvht' && rand() < 0.5 ? { facts: ['ttldtt'] } : {}),
      members: list,
    };
    out.push(subject);
  }
  // Through JSON, as the members arrive from the database rows and a request body.
  return JSON.parse(JSON.stringify(out)) as Subject[];
}

/** The evaluation options the application passes (`engineResult`). */
export const appOptions = (fw: GroupFramework) => ({ explain: true, year: GROUP_FRAMEWORKS[fw].year });

/** A group of `n` members where every member has everything the framework asks (or all but one lacks `except`), with known scores. */
export function knownGroup(fw: GroupFramework, n: number, lacking = 0): { subject: Subject; total: number; titles: string[] } {
  const model = groupModel(fw);
  const vocab = memberVocabulary(model);
  const members: Subject[] = [];
  for (let m = 0; m < n; m++) {
    const short = m < lacking;
    if (vocab.titles.length) members.push({ id: memberId(0, m), titles: short ? [] : ['Gia đình học tập', 'gdht'] });
    else members.push({ id: memberId(0, m), facts: short ? vocab.facts.slice(1) : vocab.facts });
  }
  // The worked examples' own figures (gdht-yen-bai-2016, dhht-yen-bai-2016, dvht-tan-bien-2023).
  if (fw === 'gdht') {
    // 80 points with every member complete; one member without the first fact (pc-dat) loses 1.1: 70, not recognised.
    return { subject: { id: 'known', year: 2018, scores: { '1.3': 10, '2.3': 10, '3.1': 10, '4.1': 10 }, evidence: {}, members }, total: lacking ? 70 : 80, titles: lacking ? [] : ['Gia đình học tập'] };
  }
  if (fw === 'dhht') {
    // Every household recognised: 1.1 = 60, + 30 = 90; one not (≥ 70 % still, for n ≥ 4): 50 + 30 = 80, still recognised.
    return { subject: { id: 'known', year: 2018, scores: { '2.1': 30 }, evidence: {}, members }, total: lacking ? 80 : 90, titles: ['Dòng họ học tập'] };
  }
  // Tân Biên: 100 points, "Tốt"; one member without an approved self-study plan (ke-hoach-tu-hoc): 2.1 = 0, 90, still "Tốt".
  return { subject: { id: 'known', year: 2023, facts: ['ttldtt'], scores: { '1.1': 10, '1.2': 10, '1.3': 10, '3.2': true, '3.3': 5 }, evidence: {}, members }, total: lacking ? 90 : 100, titles: DVHT_TITLES };
}
