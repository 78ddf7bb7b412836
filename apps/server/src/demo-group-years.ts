/**
 * The demo years of the four group titles, through the API as officers run them (like
 * demo-year.ts), on each framework's own calendar:
 *
 * - Yên Bái, xã Tuy Lộc, 2018 (Kế hoạch 86/KH-UBND): households on "Gia đình học tập" with the
 *   conditions each member meets (member facts), a clan and two villages counted on those
 *   households' results of the same year, and two units of the commune on "Đơn vị học tập";
 * - Tân Biên, 2023 (Kế hoạch 218/KH-PNV): the district offices on "Đơn vị học tập", each on its
 *   staff's records.
 *
 * Each plugin's `demo` set gives the names, scores, member facts and area; the engine (locally,
 * before anything is written) picks households that pass and some that do not, so that the year
 * ends with both. Duties are separate: the officer registers, enters the self-assessments, submits
 * and proposes; the committee member reviews; the leader decides and publishes the recognised.
 * Clans and villages self-assess in the calendar's window, before their households are decided; the
 * households' decision queues the recompute of their results, which runs here on the demo's clock.
 */
import { createApp, startJobWorker } from '@hoctap/api';
import { createRng, evaluate, stepDates, type DemoSubject, type Model, type Registry, type Subject } from '@hoctap/core';
import type { Database } from '@hoctap/db';
import { sql, type Kysely } from 'kysely';
import { demoAccount, signIn, TUY_LOC, type App, type DemoAccount } from './demo-accounts.js';
import type { DemoCall } from './demo-groups.js';

/** One demo year, as `npm start` prints it. */
export interface DemoYearSummary {
  /** The title in Vietnamese ("Gia đình học tập"). */
  readonly title: string;
  /** Where: the commune or the body that ran it. */
  readonly place: string;
  readonly year: number;
  /** What was registered, in Vietnamese ("hộ", "dòng họ", …). */
  readonly subjects: string;
  readonly registrations: number;
  readonly recognised: number;
}

type GroupKind = 'household' | 'clan' | 'community' | 'unit';
const GROUP_PATH: Record<GroupKind, string> = { household: 'households', clan: 'clans', community: 'communities', unit: 'units' };

/** The body of a self-assessment or review: scores typed, attributes, facts declared per member. */
interface AssessmentBody {
  scores: Record<string, number>;
  attributes?: Record<string, string>;
  memberFacts?: Record<string, string[]>;
}

/** A group registered in a campaign, with what its representative declares. */
interface Entry {
  readonly kind: GroupKind;
  readonly groupId: string;
  readonly body: AssessmentBody;
  registrationId?: string;
  recognised?: boolean;
}

/** The demo clock and an app that reads it. */
interface Stage {
  readonly app: App;
  readonly clock: { now: Date };
  readonly db: Kysely<Database>;
  readonly registry: Registry;
  readonly dataKey: string;
}

const at = (isoDate: string) => new Date(`${isoDate}T02:00:00Z`);
const plusDays = (isoDate: string, days: number) => new Date(at(isoDate).getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** The dates of a campaign year from the framework's calendar: registration, self-assessment, review, decision, publication. */
function calendarOf(model: Model, year: number) {
  const step = (name: string) => {
    const s = model.calendar.find((x) => x.step === name);
    return s ? stepDates(s, year) : undefined;
  };
  const registration = step('registration')?.to ?? step('submission')?.to ?? `${year}-03-31`;
  const self = step('self-assessment');
  // The last days of the self-assessment window (on time), the review a week later when the calendar has no review step.
  const selfDate = self ? plusDays(self.to, -1) : `${year}-10-31`;
  const review = step('review')?.to ?? plusDays(selfDate, 6);
  const recognition = step('recognition');
  const decide = recognition?.from && recognition.from > review ? plusDays(recognition.from, 7) : plusDays(review, 5);
  return { registration, self: selfDate, review, propose: plusDays(decide, -2), decide, publish: plusDays(decide, 6) };
}

/** Signs in the account of a duty on the demo's current date. */
const as = (stage: Stage, account: DemoAccount) => signIn(stage.app, account.email, account.password);

/** The body of a demo subject: its typed scores (member-derived indicators are computed, never typed), its area, and the facts each member meets. */
function bodyOf(subject: DemoSubject, memberIds: readonly string[], attributes?: Record<string, string>): AssessmentBody {
  const scores: Record<string, number> = {};
  for (const [k, v] of Object.entries(subject.scores ?? {})) if (typeof v === 'number') scores[k] = v;
  const attrs = { ...(subject.attributes ?? {}), ...(attributes ?? {}) };
  const facts = (subject.members ?? []).slice(0, memberIds.length);
  const memberFacts = Object.fromEntries(facts.map((m, i) => [memberIds[i]!, [...(m.facts ?? [])]]).filter(([, f]) => (f as string[]).length > 0));
  return {
    scores,
    ...(Object.keys(attrs).length ? { attributes: attrs } : {}),
    ...(facts.some((m) => m.facts !== undefined) ? { memberFacts } : {}),
  };
}

/** Whether the engine recognises the subject with its members' own facts (for picking the demo households and units). */
function passes(model: Model, subject: DemoSubject, attributes?: Record<string, string>, members = subject.members): boolean {
  const s: Subject = { ...subject, ...(members ? { members } : {}), attributes: { ...(subject.attributes ?? {}), ...(attributes ?? {}) } };
  return evaluate(model, s).titles.length > 0;
}

/** Runs the queued background jobs (the recompute after a decision) on the demo's clock, until none is left. */
async function runQueuedJobs(stage: Stage): Promise<void> {
  const pending = async () => Number((await sql<{ n: string | number }>`SELECT count(*) AS n FROM jobs WHERE status IN ('queued', 'running')`.execute(stage.db)).rows[0]?.n ?? 0);
  if ((await pending()) === 0) return;
  const worker = startJobWorker({ db: stage.db, dataKey: stage.dataKey, registry: stage.registry, pollMs: 20, now: () => stage.clock.now, logError: (e, where) => console.error(`[lỗi] năm mẫu, ${where}:`, e instanceof Error ? e.message : e) });
  try {
    const until = Date.now() + 120_000;
    while ((await pending()) > 0) {
      if (Date.now() > until) throw new Error('demo: các tác vụ tính lại chưa xong sau 120 giây');
      await new Promise((ok) => setTimeout(ok, 25));
    }
    const failed = (await sql<{ id: string; kind: string; error: string | null }>`SELECT id, kind, error FROM jobs WHERE status = 'failed'`.execute(stage.db)).rows;
    if (failed.length) throw new Error(`demo: tác vụ thất bại: ${JSON.stringify(failed)}`);
  } finally {
    await worker.stop();
  }
}

/** The duties of a locality: officer, committee member, leader. */
interface Duties {
  readonly officer: DemoAccount;
  readonly committee: DemoAccount;
  readonly leader: DemoAccount;
}

/** A campaign of the demo: opened, its groups registered. */
interface Campaign {
  readonly id: string;
  readonly model: Model;
  readonly dates: ReturnType<typeof calendarOf>;
  readonly entries: Entry[];
}

async function openCampaign(call: DemoCall, ref: string, model: Model, year: number, where: { commune: string } | { province: string }): Promise<Campaign> {
  // The Yên Bái frameworks are drafts ("dự thảo"): opening asks to confirm, as an officer would.
  const c = (await call('POST', '/api/campaigns', { framework: ref, year, ...where, confirm: true })) as { id: string };
  return { id: c.id, model, dates: calendarOf(model, year), entries: [] };
}

async function register(call: DemoCall, campaign: Campaign, entries: Entry[]): Promise<void> {
  for (const e of entries) {
    e.registrationId = (await call('POST', `/api/campaigns/${campaign.id}/registrations`, { subject: { kind: e.kind, id: e.groupId } })).id as string;
    campaign.entries.push(e);
  }
}

async function selfAssess(call: DemoCall, campaign: Campaign): Promise<void> {
  for (const e of campaign.entries) {
    await call('POST', `/api/registrations/${e.registrationId}/self-assessment`, e.body);
    await call('POST', `/api/registrations/${e.registrationId}/submit`);
  }
}

/** The committee's review (the engine's result decides the proposal's outcome). */
async function review(call: DemoCall, campaign: Campaign): Promise<void> {
  for (const e of campaign.entries) {
    const r = (await call('POST', `/api/registrations/${e.registrationId}/review`, e.body)) as { assessment?: { result?: { titles?: string[] } } };
    e.recognised = (r.assessment?.result?.titles?.length ?? 0) > 0;
  }
}

async function propose(call: DemoCall, campaign: Campaign): Promise<void> {
  await call('POST', `/api/campaigns/${campaign.id}/proposals`, { registrationIds: campaign.entries.map((e) => e.registrationId) });
}

async function decide(call: DemoCall, campaign: Campaign, number: string, signer: string, decidedOn: string): Promise<void> {
  await call('POST', '/api/decisions', {
    campaignId: campaign.id,
    number,
    decidedOn,
    signer,
    recognised: campaign.entries.filter((e) => e.recognised).map((e) => e.registrationId),
    notRecognised: campaign.entries.filter((e) => !e.recognised).map((e) => e.registrationId),
  });
}

async function publish(call: DemoCall, campaign: Campaign): Promise<void> {
  for (const e of campaign.entries) if (e.recognised) await call('POST', `/api/registrations/${e.registrationId}/publish`);
}

/** Creates a group and its members (people of the locality, created here); the first is the head. */
async function groupWithMembers(
  call: DemoCall,
  kind: GroupKind,
  body: Record<string, unknown>,
  members: readonly string[],
  validFrom: string,
): Promise<string> {
  const id = (await call('POST', `/api/${GROUP_PATH[kind]}`, body)).id as string;
  for (const [i, personId] of members.entries()) await call('POST', `/api/${GROUP_PATH[kind]}/${id}/members`, { personId, role: i === 0 ? 'head' : 'member', validFrom });
  return id;
}

/** The name of a demo member (the generator gives every member one). */
const nameOf = (m: Subject) => (m as DemoSubject).name;
/** A member as a groups sheet names one: name and birth date (the natural key the upload finds a person by). */
interface SheetMember {
  readonly name: string;
  readonly birthDate: string;
}

/** A row of a groups sheet: the group's code, name, type and members, its representative first. */
interface SheetGroup {
  readonly code: string;
  readonly name: string;
  readonly type?: string;
  readonly members: readonly SheetMember[];
}

const csvCell = (v: string) => `"${v.replaceAll('"', '""')}"`;
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * Registers clans, communities or units in bulk as an officer uploads the platform's groups
 * template: the groups and their members as two CSV files of one form (the members found by name
 * and birth date, created when new). Returns each group's id, registration and members' person ids.
 */
async function uploadGroups(
  call: DemoCall,
  campaign: Campaign,
  kind: Exclude<GroupKind, 'household'>,
  groups: readonly SheetGroup[],
  commune: string | null,
  body: (g: SheetGroup, memberIds: readonly string[]) => AssessmentBody,
): Promise<void> {
  const withType = groups.some((g) => g.type);
  const head = ['Mã nhóm', 'Tên', ...(withType ? ['Loại'] : []), ...(commune ? ['Mã xã'] : [])];
  const rows = groups.map((g) => [g.code, g.name, ...(withType ? [g.type ?? ''] : []), ...(commune ? [commune] : [])]);
  const members = groups.flatMap((g) => g.members.map((m, i) => [g.code, m.name, dmy(m.birthDate), i === 0 ? 'Đại diện' : 'Thành viên']));
  const form = new FormData();
  form.set('groups', [head, ...rows].map((r) => r.map(csvCell).join(',')).join('\n'));
  form.set('members', [['Mã nhóm', 'Họ và tên', 'Ngày sinh', 'Vai trò'], ...members].map((r) => r.map(csvCell).join(',')).join('\n'));
  const result = (await call('POST', `/api/campaigns/${campaign.id}/registrations/groups`, form)) as {
    rows: { name: string; groupId: string; registrationId: string }[];
    errors: unknown[];
  };
  if (result.errors.length || result.rows.length !== groups.length) throw new Error(`demo: đăng ký hàng loạt ${kind} lỗi: ${JSON.stringify(result.errors).slice(0, 800)}`);
  for (const g of groups) {
    const row = result.rows.find((r) => r.name === g.name)!;
    // The members' person ids, for the facts the group declares for each of them.
    const read = (await call('GET', `/api/${GROUP_PATH[kind]}/${row.groupId}`)) as { members: { personId: string; fullName: string | null; birthDate: string | null }[] };
    const ids = g.members.map((m) => read.members.find((x) => x.fullName === m.name && x.birthDate === m.birthDate)?.personId ?? '');
    campaign.entries.push({ kind, groupId: row.groupId, registrationId: row.registrationId, body: body(g, ids) });
  }
}

/** Birth dates for demo members, from a seeded generator: adults of working age, or anyone in a household. */
function birthDates(seed: number) {
  const rng = createRng(seed);
  const day = () => `-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`;
  return { adult: () => `${1966 + Math.floor(rng() * 36)}${day()}`, anyone: () => `${1950 + Math.floor(rng() * 62)}${day()}` };
}

const familyName = (name: string) => name.split(' ')[0]!;
const honorific = (name: string) => (/ Thị /.test(name) ? 'bà' : 'ông');
const summary = (title: string, place: string, year: number, subjects: string, c: Campaign): DemoYearSummary => ({
  title,
  place,
  year,
  subjects,
  registrations: c.entries.length,
  recognised: c.entries.filter((e) => e.recognised).length,
});

/** Yên Bái, xã Tuy Lộc, 2018: households, a clan, two villages and two units. */
async function yenBaiYear(stage: Stage): Promise<DemoYearSummary[]> {
  const { registry } = stage;
  const plugin = registry.plugins.find((p) => p.id === 'yen-bai');
  if (!plugin?.demo) return [];
  const ref = (id: string) => `yen-bai/${id}`;
  const model = (id: string) => registry.get(ref(id)).model;
  const sets = plugin.demo({ seed: 2026, model: (id) => registry.get(id).model });
  const set = (id: string) => sets.find((s) => s.framework === id)!;
  const [GD, DH, CD, DV] = ['gdht-yen-bai-2016', 'dhht-yen-bai-2016', 'cdoht-yen-bai-2016', 'dvht-yen-bai-2016'] as const;
  const year = set(GD).year;
  const duties: Duties = {
    officer: demoAccount('canbo.tuyloc@hoctap.local'),
    committee: demoAccount('hoidong.tuyloc@hoctap.local'),
    leader: demoAccount('lanhdao.tuyloc@hoctap.local'),
  };
  const place = 'xã Tuy Lộc, thành phố Yên Bái';
  // Tuy Lộc is a commune of the city: the plan's "vùng kinh tế phát triển" (for the frameworks that ask).
  const areaOf = (m: Model) => (m.attributes.some((a) => a.id === 'vung') ? { vung: 'phát triển' } : undefined);
  const where = { commune: TUY_LOC };
  const gdModel = model(GD);
  const area = areaOf(gdModel);
  const dates = calendarOf(gdModel, year);

  // Nine households that meet the conditions and three that do not, in two villages.
  const households = set(GD).subjects.filter((s) => (s.members?.length ?? 0) > 0);
  const good = households.filter((s) => passes(gdModel, s, area)).slice(0, 9);
  const weak = households.filter((s) => !passes(gdModel, s, area)).slice(0, 3);
  if (good.length < 9 || weak.length < 3) throw new Error('demo: bộ dữ liệu mẫu Yên Bái không đủ hộ đạt và chưa đạt');
  const villages = [
    { name: 'Thôn 1', households: [...good.slice(0, 6), weak[0]!] },
    { name: 'Thôn 2', households: [...good.slice(6), ...weak.slice(1)] },
  ];

  stage.clock.now = at(dates.registration);
  const officer = await as(stage, duties.officer);
  const campaigns = {
    gd: await openCampaign(officer, ref(GD), gdModel, year, where),
    dh: await openCampaign(officer, ref(DH), model(DH), year, where),
    cd: await openCampaign(officer, ref(CD), model(CD), year, where),
    dv: await openCampaign(officer, ref(DV), model(DV), year, where),
  };

  // The people of each household (one by one, as the commune records them), the household with its
  // head first, registered for Gia đình học tập.
  const born = birthDates(2018);
  const peopleOf = new Map<DemoSubject, SheetMember[]>();
  const householdEntries: Entry[] = [];
  for (const v of villages) {
    for (const h of v.households) {
      const ids: string[] = [];
      const people: SheetMember[] = [];
      for (const m of h.members!) {
        const person = { name: nameOf(m), birthDate: born.anyone() };
        people.push(person);
        ids.push((await officer('POST', '/api/people', { commune: TUY_LOC, fullName: person.name, birthDate: person.birthDate, village: v.name })).id as string);
      }
      peopleOf.set(h, people);
      const head = people[0]!.name;
      const id = await groupWithMembers(officer, 'household', { commune: TUY_LOC, name: `Hộ ${honorific(head)} ${head}`, village: v.name }, ids, '2008-01-01');
      householdEntries.push({ kind: 'household', groupId: id, body: bodyOf(h, ids, area) });
    }
  }
  await register(officer, campaigns.gd, householdEntries);

  // A clan of five households (four of them passing) and the two villages with their residents,
  // registered from the groups template: the people are the households' own (same name and birth date).
  const byScore = (id: string) => [...set(id).subjects].sort((a, b) => sum(b) - sum(a));
  const clanHouseholds = [...good.slice(0, 4), weak[0]!];
  const clanMembers = clanHouseholds.flatMap((h) => peopleOf.get(h)!);
  const clanSubject = byScore(DH)[0]!;
  await uploadGroups(officer, campaigns.dh, 'clan', [{ code: 'DH01', name: `Dòng họ ${familyName(clanMembers[0]!.name)} xã Tuy Lộc`, members: clanMembers }], TUY_LOC, () => bodyOf(clanSubject, [], areaOf(model(DH))));
  const villageSubjects = byScore(CD);
  await uploadGroups(
    officer,
    campaigns.cd,
    'community',
    villages.map((v, i) => ({ code: `TH0${i + 1}`, name: v.name, type: 'Thôn', members: v.households.flatMap((h) => peopleOf.get(h)!) })),
    TUY_LOC,
    (g) => bodyOf(villageSubjects[g.code === 'TH01' ? 0 : villageSubjects.length - 1]!, [], areaOf(model(CD))),
  );

  // Two units of the commune: a school whose staff study regularly, and the health station, short of it.
  const dvModel = model(DV);
  const units = set(DV).subjects.filter((s) => (s.members?.length ?? 0) > 0 && s.members!.length <= 20);
  const unitArea = areaOf(dvModel);
  const strong = units.find((s) => passes(dvModel, s, unitArea)) ?? units[0]!;
  const short = units.find((s) => s !== strong && !passes(dvModel, s, unitArea)) ?? units.find((s) => s !== strong)!;
  const staff = (u: DemoSubject) => u.members!.map((m) => ({ name: nameOf(m), birthDate: born.adult() }));
  const unitSubjects = new Map([
    ['DV01', strong],
    ['DV02', short],
  ]);
  await uploadGroups(
    officer,
    campaigns.dv,
    'unit',
    [
      { code: 'DV01', name: 'Trường Tiểu học Tuy Lộc', type: 'Trường học', members: staff(strong) },
      { code: 'DV02', name: 'Trạm Y tế xã Tuy Lộc', type: 'Khác', members: staff(short) },
    ],
    TUY_LOC,
    (g, ids) => bodyOf(unitSubjects.get(g.code)!, ids, unitArea),
  );

  // Early in the fourth quarter everyone self-assesses; the clan and villages count households not yet decided.
  stage.clock.now = at(dates.self);
  const officerQ4 = await as(stage, duties.officer);
  for (const c of Object.values(campaigns)) await selfAssess(officerQ4, c);

  // Households and units: reviewed, proposed, decided in the recognition window.
  stage.clock.now = at(dates.review);
  const committee = await as(stage, duties.committee);
  await review(committee, campaigns.gd);
  await review(committee, campaigns.dv);
  stage.clock.now = at(dates.propose);
  const officerNov = await as(stage, duties.officer);
  await propose(officerNov, campaigns.gd);
  await propose(officerNov, campaigns.dv);
  stage.clock.now = at(dates.decide);
  const leader = await as(stage, duties.leader);
  const signer = 'Chủ tịch UBND xã Tuy Lộc';
  await decide(leader, campaigns.gd, '45/QĐ-UBND', signer, dates.decide);
  await decide(leader, campaigns.dv, '46/QĐ-UBND', signer, dates.decide);
  // The households' decision changed the clan's and villages' member results: the queued recompute runs.
  await runQueuedJobs(stage);

  // Then the clan and the villages, on their households' results of the year.
  const later = plusDays(dates.decide, 7);
  stage.clock.now = at(later);
  const committee2 = await as(stage, duties.committee);
  await review(committee2, campaigns.dh);
  await review(committee2, campaigns.cd);
  stage.clock.now = at(plusDays(later, 2));
  const officerDec = await as(stage, duties.officer);
  await propose(officerDec, campaigns.dh);
  await propose(officerDec, campaigns.cd);
  stage.clock.now = at(plusDays(later, 4));
  const leader2 = await as(stage, duties.leader);
  await decide(leader2, campaigns.dh, '52/QĐ-UBND', signer, plusDays(later, 4));
  await decide(leader2, campaigns.cd, '53/QĐ-UBND', signer, plusDays(later, 4));

  // Posted at the commune's office and on the portal.
  stage.clock.now = at(plusDays(later, 10));
  const publisher = await as(stage, duties.leader);
  for (const c of Object.values(campaigns)) await publish(publisher, c);
  return [
    summary('Gia đình học tập', place, year, 'hộ', campaigns.gd),
    summary('Dòng họ học tập', place, year, 'dòng họ', campaigns.dh),
    summary('Cộng đồng học tập', place, year, 'thôn', campaigns.cd),
    summary('Đơn vị học tập', place, year, 'đơn vị', campaigns.dv),
  ];
}

/** The points typed for a subject's own indicators (to pick a strong or a weak one). */
function sum(s: DemoSubject): number {
  return Object.values(s.scores ?? {}).reduce<number>((a, v) => a + (typeof v === 'number' ? v : 0), 0);
}

/** Tân Biên, 2023: the district offices on Đơn vị học tập, filed under the province (the plugin's note). */
async function tanBienYear(stage: Stage): Promise<DemoYearSummary[]> {
  const { registry } = stage;
  const plugin = registry.plugins.find((p) => p.id === 'tan-bien');
  if (!plugin?.demo) return [];
  const [set] = plugin.demo({ seed: 2026, model: (id) => registry.get(id).model });
  if (!set) return [];
  const ref = `tan-bien/${set.framework}`;
  const model = registry.get(ref).model;
  const year = set.year;
  const province = set.locality ?? '80';
  const duties: Duties = {
    officer: demoAccount('canbo.tanbien@hoctap.local'),
    committee: demoAccount('hoidong.tanbien@hoctap.local'),
    leader: demoAccount('lanhdao.tanbien@hoctap.local'),
  };
  const dates = calendarOf(model, year);
  stage.clock.now = at(dates.registration);
  const officer = await as(stage, duties.officer);
  const campaign = await openCampaign(officer, ref, model, year, { province });
  // The offices and their staff from the units template, in one upload.
  const born = birthDates(2023);
  const offices = set.subjects.map((office, i) => ({ office, code: `PB${String(i + 1).padStart(2, '0')}`, members: (office.members ?? []).map((m) => ({ name: nameOf(m), birthDate: born.adult() })) }));
  await uploadGroups(
    officer,
    campaign,
    'unit',
    offices.map((o) => ({ code: o.code, name: o.office.name, type: 'Cơ quan', members: o.members })),
    null,
    (g, ids) => bodyOf(offices.find((o) => o.code === g.code)!.office, ids),
  );
  // The offices self-assess the year 2023 in the first quarter of 2024 (the plan's window).
  stage.clock.now = at(dates.self);
  await selfAssess(await as(stage, duties.officer), campaign);
  stage.clock.now = at(dates.review);
  await review(await as(stage, duties.committee), campaign);
  stage.clock.now = at(dates.propose);
  await propose(await as(stage, duties.officer), campaign);
  stage.clock.now = at(dates.decide);
  const leader = await as(stage, duties.leader);
  await decide(leader, campaign, '12/QĐ-PNV', 'Trưởng phòng Nội vụ huyện Tân Biên', dates.decide);
  stage.clock.now = at(dates.publish);
  await publish(await as(stage, duties.leader), campaign);
  return [summary('Đơn vị học tập', 'Phòng Nội vụ huyện Tân Biên (tỉnh Tây Ninh)', year, 'cơ quan', campaign)];
}

/** Runs the group titles' demo years (Yên Bái's four, Tân Biên's units) through the API; the accounts exist already. */
export async function seedGroupYears(db: Kysely<Database>, registry: Registry, dataKey: string): Promise<DemoYearSummary[]> {
  const clock = { now: new Date('2018-01-02T02:00:00Z') };
  const app = createApp({ registry, db: { db, dialect: 'seed' }, dataKey, now: () => clock.now, secureCookies: false, clientAddress: () => '127.0.0.1' });
  const stage: Stage = { app, clock, db, registry, dataKey };
  return [...(await yenBaiYear(stage)), ...(await tanBienYear(stage))];
}
