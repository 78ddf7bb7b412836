/**
 * Demo data of the national plugin: citizens scored against the national "Công dân học tập"
 * framework, for every target group and both kinds of area (the threshold differs by area); and
 * units, households, clans and communities for the other national frameworks, with the member
 * parameters given in `frameworks/DEMO-NOTES.md` by the author of those files.
 */
import { generateSubjects, type DemoSet, type Model } from '@hoctap/core';

/** The id of the national "Công dân học tập" framework. */
export const CDHT_QUOC_GIA = 'cdht-quoc-gia-2022';

/** Demo citizens per target group and per kind of area. */
export const CDHT_DEMO_PER_CELL = 20;

/** Demo citizens of the national CDHT framework: 3 groups × 2 areas × 20 citizens, year 2023. */
export function cdhtDemo({ seed, model }: { readonly seed: number; readonly model: (id: string) => Model }): DemoSet[] {
  const m = model(CDHT_QUOC_GIA);
  const areas = m.attributes.find((a) => a.id === 'vung')?.values ?? [];
  let k = 0;
  const subjects = m.groups.flatMap((g) =>
    areas.flatMap((area) => {
      k++;
      // A hard area scores a little lower on average; its threshold is 70 instead of 80.
      const goodShare = area === 'khó khăn' ? 0.55 : 0.65;
      return generateSubjects(m, { seed: seed + k, count: CDHT_DEMO_PER_CELL, year: 2023, idPrefix: `${g.id}-${area === 'khó khăn' ? 'kk' : 'tl'}`, goodShare }).map((s) => ({
        ...s,
        group: g.id,
        attributes: { ...(s.attributes ?? {}), vung: area },
      }));
    }),
  );
  return [{ framework: m.id, year: 2023, subjects }];
}

/** The other national frameworks: subjects with members, as DEMO-NOTES.md describes them. */
const MEMBER_SETS = [
  // Đơn vị học tập (TT 22/2020): agencies of 8–30 staff; member facts drive indicators 2.1–2.4, 3.1.
  { framework: 'dvht-tt22-2020', year: 2022, count: 40, idPrefix: 'dvht', members: { min: 8, max: 30 }, memberTitles: [] as string[] },
  // Gia đình học tập (QĐ 448/QĐ-KHVN): households of 2–6 people.
  { framework: 'gdht-2015', year: 2019, count: 60, idPrefix: 'gdht', members: { min: 2, max: 6 }, memberTitles: [] as string[] },
  // Dòng họ học tập: clans of 15–60 households, judged on their "Gia đình học tập" share.
  { framework: 'dhht-2015', year: 2019, count: 40, idPrefix: 'dhht', members: { min: 15, max: 60 }, memberTitles: ['Gia đình học tập'] },
  // Cộng đồng học tập (thôn, tổ dân phố): 60–250 households.
  { framework: 'cdoht-2015', year: 2019, count: 30, idPrefix: 'cdoht', members: { min: 60, max: 250 }, memberTitles: ['Gia đình học tập'] },
] as const;

/** Demo sets of every national framework. */
export function nationalDemo(ctx: { readonly seed: number; readonly model: (id: string) => Model }): DemoSet[] {
  const sets = cdhtDemo(ctx);
  MEMBER_SETS.forEach((s, k) => {
    const m = ctx.model(s.framework);
    sets.push({
      framework: m.id,
      year: s.year,
      subjects: generateSubjects(m, { seed: ctx.seed + 100 + k, count: s.count, year: s.year, idPrefix: s.idPrefix, goodShare: 0.65, members: s.members, memberTitles: s.memberTitles }),
    });
  });
  return sets;
}
