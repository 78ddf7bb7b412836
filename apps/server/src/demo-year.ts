/**
 * Seeds a demo year through the API itself, as officers would run it: demo accounts, then for a
 * plugin's demo set a campaign, bulk registration from CSV, self-assessments and submission by the
 * officer, committee review by a second person, the proposal, the decision and its publication by
 * the leader (a third). Every step is validated, scored by the engine, scoped and audited exactly as
 * in real use; the clock is set to the plan's own dates. The group titles' years follow
 * (demo-group-years.ts).
 */
import { createApp, hashPassword } from '@hoctap/api';
import { createRng, evaluate, stepDates, type DemoSubject, type Registry } from '@hoctap/core';
import { createUser, type Database } from '@hoctap/db';
import type { Kysely } from 'kysely';
import { DEMO_ACCOUNTS, demoAccount, signIn } from './demo-accounts.js';
import { seedDemoGroups } from './demo-groups.js';
import { seedGroupYears, type DemoYearSummary } from './demo-group-years.js';

/** A plausible (not real) 12-digit identity number for a demo person: province 025, century/sex digit, year, random. */
function demoCitizenId(rng: () => number, sex: 'male' | 'female', birth: string): string {
  const year = Number(birth.slice(0, 4));
  const digit = (year >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
  return `025${digit}${String(year % 100).padStart(2, '0')}${String(Math.floor(rng() * 1e6)).padStart(6, '0')}`;
}

/** What the demo years produced: the Phú Thọ citizens' year first, then the group years. */
export interface DemoYearReport {
  readonly accounts: number;
  readonly registrations: number;
  readonly recognised: number;
  /** Every demo year, the Phú Thọ pilot first: its title, place, registrations and recognitions. */
  readonly years: readonly DemoYearSummary[];
}

/** Creates the demo accounts, runs the Phú Thọ 2018 pilot year through the API, then a year of each group title (demo-group-years.ts). */
export async function seedDemoYear(db: Kysely<Database>, registry: Registry, dataKey: string): Promise<DemoYearReport> {
  for (const a of DEMO_ACCOUNTS) {
    await createUser(db, { email: a.email, displayName: a.name, passwordHash: await hashPassword(a.password), roles: a.roles, localities: a.localities });
  }
  const ref = 'phu-tho/cdht-phu-tho-2018';
  const f = registry.get(ref);
  const plugin = registry.plugins.find((p) => p.id === f.plugin)!;
  const set = plugin.demo!({ seed: 2026, model: (id) => registry.get(id).model }).find((s) => s.framework === f.model.id)!;
  const year = set.year;
  // The plan's own calendar decides the dates of each step.
  const on = (step: string, fallback: string) => {
    const s = f.model.calendar.find((x) => x.step === step);
    return new Date(`${s ? stepDates(s, year).to : fallback}T02:00:00Z`);
  };
  let clock = new Date(`${year}-05-10T02:00:00Z`);
  const app = createApp({ registry, db: { db, dialect: 'seed' }, dataKey, now: () => clock, secureCookies: false, clientAddress: () => '127.0.0.1' });
  const officer = demoAccount('canbo.phutho@hoctap.local');
  const committee = demoAccount('hoidong.phutho@hoctap.local');
  const leader = demoAccount('lanhdao.phutho@hoctap.local');
  let asOfficer = await signIn(app, officer.email, officer.password);
  const campaign = (await asOfficer('POST', '/api/campaigns', { framework: ref, year, province: '25' })) as { id: string };

  const rng = createRng(2018);
  const subjects = set.subjects as readonly (DemoSubject & { unit?: string })[];
  const sexes = subjects.map(() => (rng() < 0.5 ? 'male' : 'female') as 'male' | 'female');
  const births = subjects.map(() => `${1965 + Math.floor(rng() * 35)}-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`);
  const csv = [
    'ho_ten,ngay_sinh,gioi_tinh,thon,cccd',
    ...subjects.map((s, i) => [s.name, births[i], sexes[i] === 'male' ? 'nam' : 'nữ', `"${s.unit ?? ''}"`, demoCitizenId(rng, sexes[i]!, births[i]!)].join(',')),
  ].join('\n');
  const bulk = (await asOfficer('POST', `/api/campaigns/${campaign.id}/registrations/bulk`, csv, 'text/csv')) as { rows: { row: number; personId: string; registrationId: string }[] };
  const regByRow = new Map(bulk.rows.map((r) => [r.row, r.registrationId]));
  if (bulk.rows.length === 0) throw new Error(`demo: bulk registration kept no row: ${JSON.stringify(bulk).slice(0, 500)}`);
  // Their households, clan, village, agencies and a school, with members over time.
  await seedDemoGroups(
    asOfficer,
    bulk.rows.map((r) => {
      const s = subjects[r.row - 2]!;
      return { id: r.personId, name: s.name, sex: sexes[r.row - 2]!, ...(s.unit ? { unit: s.unit } : {}) };
    }),
  );

  clock = on('self-assessment', `${year}-11-01`);
  asOfficer = await signIn(app, officer.email, officer.password);
  const registered: { id: string; subject: DemoSubject }[] = [];
  for (let i = 0; i < subjects.length; i++) {
    const id = regByRow.get(i + 2);
    if (!id) continue;
    const s = subjects[i]!;
    await asOfficer('POST', `/api/registrations/${id}/self-assessment`, { scores: s.scores ?? {} });
    await asOfficer('POST', `/api/registrations/${id}/submit`);
    registered.push({ id, subject: s });
  }

  // The committee (another person than the one who typed the self-assessments) reviews.
  clock = on('review', `${year}-11-08`);
  const asCommittee = await signIn(app, committee.email, committee.password);
  const recognised: string[] = [];
  const notRecognised: string[] = [];
  for (const { id, subject } of registered) {
    // The committee mostly confirms the self-score, and marks one indicator down now and then.
    const scores = { ...(subject.scores ?? {}) } as Record<string, number>;
    if (rng() < 0.2) {
      const k = Object.keys(scores)[Math.floor(rng() * Object.keys(scores).length)]!;
      scores[k] = Math.max(0, (scores[k] ?? 0) - 1);
    }
    await asCommittee('POST', `/api/registrations/${id}/review`, { scores });
    (evaluate(f.model, { scores }).titles.length > 0 ? recognised : notRecognised).push(id);
  }

  clock = new Date(`${year}-11-20T02:00:00Z`);
  asOfficer = await signIn(app, officer.email, officer.password);
  await asOfficer('POST', `/api/campaigns/${campaign.id}/proposals`, { registrationIds: registered.map((r) => r.id) });
  // The leader decides (not the officer who proposed) and publishes.
  const asLeader = await signIn(app, leader.email, leader.password);
  await asLeader('POST', '/api/decisions', {
    campaignId: campaign.id,
    number: `15/QĐ-BCĐ`,
    decidedOn: `${year}-11-25`,
    signer: 'Trưởng Ban Chỉ đạo công tác khuyến học Đảng bộ Khối các cơ quan tỉnh',
    recognised,
    notRecognised,
  });
  // The decision is then published (posted at the office and on the portal): the public list shows it.
  clock = new Date(`${year}-12-01T02:00:00Z`);
  const asPublisher = await signIn(app, leader.email, leader.password);
  for (const id of recognised) await asPublisher('POST', `/api/registrations/${id}/publish`);
  const groupYears = await seedGroupYears(db, registry, dataKey);
  return {
    accounts: DEMO_ACCOUNTS.length,
    registrations: registered.length,
    recognised: recognised.length,
    years: [{ title: 'Công dân học tập', place: 'Đảng bộ Khối các cơ quan tỉnh Phú Thọ', year, subjects: 'người', registrations: registered.length, recognised: recognised.length }, ...groupYears],
  };
}
