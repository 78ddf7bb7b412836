/**
 * Campaigns (one title, one year, one locality, one framework version) and their registrations:
 * open, list, read; register one subject, a sheet of people (per-row report, a savepoint per row)
 * or a background job's chunk; propose the reviewed ones for recognition.
 */
import { createHash } from 'node:crypto';
import { stepDates } from '@hoctap/core';
import {
  appendAudit,
  createCampaign,
  createPerson,
  createRegistration,
  ensureFramework,
  findPersonByCitizenId,
  findPersonByNaturalKey,
  getCampaign,
  getFramework,
  unitName,
  addMembership,
  createGroup,
  findHouseholdByName,
  getGroup,
  getPerson,
  getPublishedFramework,
  overlappingMembership,
  getRegistration,
  importChunk,
  inSavepoint,
  listCampaigns,
  listRegistrations,
  registrationSummaries,
  transitionRegistration,
  type CalendarWindow,
  type Campaign,
  type Framework,
  type GroupKind,
  type Registration,
  type RegistrationSummary,
  type Scope,
  type SubjectKind,
  CAMPAIGN_TITLE_NAMES,
} from '@hoctap/db';
import { auditEntry, localDate, type Caller, type Deps, type Trx } from './deps.js';
import { AppError, notFound, outOfScope } from './errors.js';
import { GROUP_NAMES, groupNotFound } from './groups.js';
import { modelOf } from './models.js';
import { assertConfirmed, assertNameFree, campaignNameOf, campaignWarnings, checkCampaignCommunes, currentFrameworks, duplicateWarnings } from './campaign-checks.js';
import { citizenIdError } from './people.js';
import { assertCommuneInProvince, writeLocality } from './where.js';
import { canRead, canWrite, checkId, readable, writable } from './scope.js';
import { illegal, transition, type State } from './workflow.js';

/** The account acting, or `unauthenticated` when the caller is the system (a use case that records who did it). */
export function actorOf(caller: Caller): string {
  if (!caller.userId) throw new AppError('unauthenticated', 'UNAUTHENTICATED', 'Cần đăng nhập', 'You need to sign in');
  return caller.userId;
}

/** A campaign and its framework row. */
export interface CampaignWithFramework {
  campaign: Campaign;
  framework: Framework;
}

// A framework row never changes once stored (a new version is a new row with a new random id), so rows are cached by id.
const FRAMEWORK_ROWS = new Map<string, Framework>();

/** A campaign already read, checked against the scope (not found otherwise), with its framework row. */
export async function campaignWithFramework(trx: Trx, scope: Scope, row: Campaign | undefined): Promise<CampaignWithFramework> {
  const campaign = readable(scope, row, 'campaign');
  const cached = FRAMEWORK_ROWS.get(campaign.framework_id);
  if (cached) return { campaign, framework: cached };
  const framework = await getFramework(trx, campaign.framework_id);
  if (!framework) throw notFound('campaign');
  if (FRAMEWORK_ROWS.size > 500) FRAMEWORK_ROWS.clear();
  FRAMEWORK_ROWS.set(framework.id, framework);
  return { campaign, framework };
}

/** A campaign visible in `scope` and its framework row (not found otherwise). */
export async function loadCampaign(trx: Trx, scope: Scope, id: string): Promise<CampaignWithFramework> {
  return campaignWithFramework(trx, scope, await getCampaign(trx, id));
}

/**
 * Checks an action's date against the campaign's calendar (copied from the framework): early, or
 * late with policy `refuse` → unprocessable; late with policy `flag` → accepted and flagged.
 */
export function checkWindow(cp: Campaign, step: string, now: Date): { late: boolean } {
  const w = (cp.calendar as CalendarWindow[]).find((x) => x.name === step);
  if (!w) return { late: false };
  const today = localDate(now);
  if (w.from && today < w.from)
    throw new AppError('unprocessable', 'WINDOW_NOT_OPEN', `Chưa đến hạn ${w.label ?? step}: từ ${w.from}`, `The ${step} window opens on ${w.from}`, { window: w });
  if (today > w.to) {
    if (w.late === 'refuse')
      throw new AppError('unprocessable', 'DEADLINE_PASSED', `Đã quá hạn ${w.label ?? step} (đến hết ${w.to})`, `The ${step} deadline (${w.to}) has passed`, { window: w });
    return { late: true };
  }
  return { late: false };
}

const TITLE_OF_SUBJECT = { citizen: 'learning-citizen', household: 'learning-family', clan: 'learning-clan', community: 'learning-community', commune: 'learning-community', unit: 'learning-unit' } as const;

/** The titles a campaign can be opened for. */
export type CampaignTitle = 'learning-citizen' | 'learning-family' | 'learning-clan' | 'learning-community' | 'learning-unit';

/** What opening a campaign takes: a registered framework's ref, the year, where, and the title (default: the framework's subject's). */
export interface OpenCampaignInput {
  framework: string;
  year: number;
  province?: string | undefined;
  /** One commune (the older form of `communes: [commune]`). */
  commune?: string | null | undefined;
  /** The communes it covers (5-digit codes of the province); none: the whole province. */
  communes?: readonly string[] | undefined;
  /** What the locality calls it; absent: named from its title, year and locality (numbered when one is already open). */
  name?: string | undefined;
  title?: CampaignTitle | undefined;
  /** A version published from the editor (`GET /api/frameworks/published`) instead of the plugin's `framework`. */
  frameworkVersionId?: string | undefined;
  /** The caller confirms the warnings (draft, not in force that year, a campaign already open for the same title, year and locality). */
  confirm?: boolean | undefined;
}

/**
 * Opens a campaign: the framework version recorded by content hash (a plugin's, or one published
 * from the editor), the locality checked against the caller's scope and the framework's own
 * locality, the calendar copied from the framework; a draft, a framework not in force that year or
 * a duplicate needs `confirm` (409 `CAMPAIGN_NEEDS_CONFIRM` with the warnings and the frameworks in force).
 */
export async function openCampaign(deps: Deps, caller: Caller, trx: Trx, input: OpenCampaignInput): Promise<CampaignWithFramework> {
  const published = input.frameworkVersionId ? await getPublishedFramework(trx, checkId(input.frameworkVersionId, 'framework')) : undefined;
  if (input.frameworkVersionId && !published?.published_at) throw notFound('framework');
  const f = published ? { ...modelOf(deps, published), plugin: published.plugin, source: published.source_text } : deps.registry.get(input.framework);
  const { province, communes } = await checkCampaignCommunes(trx, caller.scope, input);
  // One commune: the campaign is that commune's row; several or none: the province's.
  const where = { province, commune: communes.length === 1 ? communes[0]! : null };
  const loc = f.model.locality?.code;
  if (loc && loc !== where.province && !(communes.length > 0 && communes.every((c) => c === loc)))
    throw new AppError('unprocessable', 'FRAMEWORK_LOCALITY', `Bộ tiêu chí ${f.ref} dành cho địa bàn ${loc}`, `Framework ${f.ref} belongs to locality ${loc}`);
  const title = input.title ?? TITLE_OF_SUBJECT[f.model.subject];
  const calendar: CalendarWindow[] = f.model.calendar.map((s) => {
    const d = stepDates(s, input.year);
    return { name: s.step, ...(d.from ? { from: d.from } : {}), to: d.to, late: s.late, label: s.label ?? s.description };
  });
  const duplicates = await duplicateWarnings(trx, { title, year: input.year, province: where.province, communes });
  const given = input.name !== undefined;
  const name = given
    ? campaignNameOf(input.name!)
    : await defaultCampaignName(trx, { title, year: input.year, province: where.province, communes, round: (duplicates[0]?.existing.length ?? 0) + 1 });
  assertNameFree(name, duplicates[0]?.existing ?? []);
  const warnings = [...campaignWarnings(f.model, f.ref, input.year), ...duplicates.map(({ existing: _e, ...w }) => w)];
  assertConfirmed(warnings, currentFrameworks(deps.registry, f.model, input.year), input.confirm === true, duplicates[0] ? { existing: duplicates[0].existing } : {});
  const framework = published ?? await ensureFramework(trx, {
    plugin: f.plugin,
    version: `${f.model.id}@${createHash('sha256').update(f.source, 'utf8').digest('hex').slice(0, 12)}`,
    title,
    sourceText: f.source,
    effectiveFrom: f.model.effective?.from ?? `${input.year}-01-01`,
    effectiveTo: f.model.effective?.to ?? null,
    publishedBy: actorOf(caller),
    publishedAt: deps.now(),
  });
  const campaign = await createCampaign(trx, { province: where.province, commune: where.commune, title, name, communes, frameworkId: framework.id, year: input.year, calendar });
  await appendAudit(
    trx,
    auditEntry(deps, caller, {
      province: campaign.province_code,
      action: 'campaign.create',
      subject: { kind: 'campaign', id: campaign.id },
      payload: { framework: framework.id, contentHash: framework.content_hash, year: campaign.year, name, ...(given ? {} : { named: 'default' }), commune: campaign.commune_code, communes, ...(warnings.length ? { confirmed: warnings.map((w) => w.code) } : {}) },
    }),
  );
  return { campaign, framework };
}

/** The communes a campaign covers: its list, else its one commune, else none (the whole province). */
export function campaignCommunes(c: Pick<Campaign, 'communes' | 'commune_code'>): string[] {
  return c.communes?.length ? [...c.communes] : c.commune_code ? [c.commune_code] : [];
}

/**
 * The name a campaign gets when none is given, as migration 0012 names the older ones: "Công dân
 * học tập năm 2026 — Xã A, Phú Thọ" (the units' names, else the codes; "3 xã" beyond two), and
 * " — đợt 2" when one is already open for the same title, year and locality.
 */
async function defaultCampaignName(trx: Trx, key: { title: string; year: number; province: string; communes: readonly string[]; round: number }): Promise<string> {
  const province = (await unitName(trx, 'province', key.province)) ?? `tỉnh ${key.province}`;
  const communes = key.communes.length > 2 ? [`${key.communes.length} xã`] : await Promise.all(key.communes.map(async (c) => (await unitName(trx, 'commune', c)) ?? `xã ${c}`));
  const base = `${CAMPAIGN_TITLE_NAMES[key.title] ?? key.title} năm ${key.year} — ${[...communes, province].join(', ')}`;
  return campaignNameOf(key.round > 1 ? `${base} — đợt ${key.round}` : base);
}

/** A page of the campaigns the caller may see, each with its framework row. */
export async function listCampaignsInScope(_deps: Deps, caller: Caller, trx: Trx, input: { year?: number | undefined; limit: number; offset: number }): Promise<{ items: CampaignWithFramework[]; total: number }> {
  const page = await listCampaigns(trx, { ...(input.year !== undefined ? { year: input.year } : {}), limit: input.limit, offset: input.offset });
  const items: CampaignWithFramework[] = [];
  for (const cp of page.items) {
    const fw = await getFramework(trx, cp.framework_id);
    if (fw && readable(caller.scope, cp, 'campaign')) items.push({ campaign: cp, framework: fw });
  }
  return { items, total: page.total };
}

/** One campaign the caller may see, with its framework row. */
export async function readCampaign(_deps: Deps, caller: Caller, trx: Trx, input: { id: string }): Promise<CampaignWithFramework> {
  return loadCampaign(trx, caller.scope, checkId(input.id, 'campaign'));
}

/**
 * Refuses (422 `SUBJECT_OUTSIDE_CAMPAIGN`) a subject filed outside the campaign's province or, when
 * the campaign covers communes, outside them — saying where the subject is and which communes the
 * campaign covers.
 */
export function assertInCampaign(campaign: Campaign, subject: { province_code: string; commune_code: string | null }, who: { vi: string; en: string }): void {
  const covered = campaignCommunes(campaign);
  const where = subject.province_code !== campaign.province_code ? `tỉnh ${subject.province_code}` : subject.commune_code ? `xã ${subject.commune_code}` : `tỉnh ${subject.province_code}, không thuộc xã nào`;
  const inside = subject.province_code === campaign.province_code && (covered.length === 0 || (subject.commune_code !== null && covered.includes(subject.commune_code)));
  if (inside) return;
  const campaignWhere = covered.length ? `các xã ${covered.join(', ')}` : `tỉnh ${campaign.province_code}`;
  throw new AppError(
    'unprocessable',
    'SUBJECT_OUTSIDE_CAMPAIGN',
    `${who.vi} ở ${where}, ngoài địa bàn của đợt đánh giá «${campaign.name}» (${campaignWhere})`,
    `${who.en} is in ${subject.commune_code ? `commune ${subject.commune_code}` : `province ${subject.province_code}`}, outside the campaign’s locality (${covered.length ? covered.join(', ') : campaign.province_code})`,
    { province: subject.province_code, commune: subject.commune_code, campaign: { id: campaign.id, province: campaign.province_code, communes: covered } },
  );
}

/** Registers a person (visible, writable, in the campaign's locality) — shared by the single and the sheet registration. */
async function registerPerson(deps: Deps, caller: Caller, trx: Trx, campaign: Campaign, personId: string, late: boolean) {
  const person = writable(caller.scope, await getPerson(trx, deps.cipher, personId), 'person');
  assertInCampaign(campaign, person, { vi: 'Người này', en: 'This person' });
  return createRegistration(trx, {
    province: person.province_code,
    commune: person.commune_code,
    campaignId: campaign.id,
    subject: { kind: 'person', id: person.id },
    registeredBy: actorOf(caller),
    registeredAt: deps.now(),
    late,
  });
}

/** How a framework's `đối tượng` and a registration's subject kind are named in messages. */
const SUBJECT_NAMES: Record<string, string> = {
  citizen: 'công dân',
  person: 'công dân',
  household: 'gia đình (hộ gia đình)',
  clan: 'dòng họ',
  community: 'cộng đồng (thôn, tổ dân phố)',
  commune: 'cộng đồng cấp xã',
  unit: 'đơn vị',
};

/** The subject kind a framework's `đối tượng` takes, and for communities the types allowed. */
export function subjectKindOf(subject: string): { kind: SubjectKind; types?: readonly string[] } {
  if (subject === 'citizen') return { kind: 'person' };
  if (subject === 'community') return { kind: 'community', types: ['village', 'residential-group'] };
  if (subject === 'commune') return { kind: 'community', types: ['commune'] };
  return { kind: subject as SubjectKind };
}

/** The subject a registration names: a person, or a household, clan, community or unit. */
export type SubjectRef = { kind: 'person' | GroupKind; id: string };

/** Refuses a subject whose kind (or community type) is not the framework's `đối tượng`, naming both. */
export function assertSubjectKind(frameworkSubject: string, ref: string, kind: string, type?: string | null): void {
  const want = subjectKindOf(frameworkSubject);
  const actual = kind === 'community' && type === 'commune' ? 'commune' : kind;
  if (want.kind === kind && (!want.types || (type != null && want.types.includes(type)))) return;
  throw new AppError(
    'unprocessable',
    'SUBJECT_KIND_MISMATCH',
    `Bộ tiêu chí ${ref} dành cho ${SUBJECT_NAMES[frameworkSubject] ?? frameworkSubject}, không đăng ký được ${SUBJECT_NAMES[actual] ?? actual}`,
    `Framework ${ref} is for ${frameworkSubject} subjects, not ${actual}`,
    { expected: frameworkSubject, actual },
  );
}

/** Registers a group (visible, writable, in the campaign's locality, of the framework's kind). */
async function registerGroup(deps: Deps, caller: Caller, trx: Trx, campaign: Campaign, kind: GroupKind, id: string, late: boolean) {
  const group = await getGroup(trx, kind, id);
  if (!group || !canRead(caller.scope, group)) throw groupNotFound(kind);
  if (!canWrite(caller.scope, group)) throw outOfScope();
  assertInCampaign(campaign, group, { vi: `${GROUP_NAMES[kind].vi} này`, en: `This ${GROUP_NAMES[kind].en}` });
  return { group, ...(await createRegistration(trx, { province: group.province_code, commune: group.commune_code, campaignId: campaign.id, subject: { kind, id: group.id }, registeredBy: actorOf(caller), registeredAt: deps.now(), late })) };
}

/**
 * Registers one subject — a person, or a household, clan, community or unit — in a campaign,
 * within the registration window; its kind must be the framework's `đối tượng` (unprocessable
 * otherwise, naming both). Registering it again returns the existing registration (`created: false`).
 */
export async function registerSubject(deps: Deps, caller: Caller, trx: Trx, input: { campaignId: string; subject: SubjectRef }): Promise<{ registration: Registration; created: boolean }> {
  const campaignId = checkId(input.campaignId, 'campaign');
  const { kind } = input.subject;
  const { campaign, framework } = await loadCampaign(trx, caller.scope, campaignId);
  const { model, ref } = modelOf(deps, framework);
  let res: { registration: Registration; created: boolean };
  if (kind === 'person') {
    const personId = checkId(input.subject.id, 'person');
    assertSubjectKind(model.subject, ref, 'person');
    const { late } = checkWindow(campaign, 'registration', deps.now());
    res = await registerPerson(deps, caller, trx, campaign, personId, late);
  } else {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.subject.id)) throw groupNotFound(kind);
    const g = await getGroup(trx, kind, input.subject.id.toLowerCase());
    if (!g || !canRead(caller.scope, g)) throw groupNotFound(kind);
    assertSubjectKind(model.subject, ref, kind, g.type);
    const { late } = checkWindow(campaign, 'registration', deps.now());
    res = await registerGroup(deps, caller, trx, campaign, kind, g.id, late);
  }
  if (res.created)
    await appendAudit(trx, auditEntry(deps, caller, { province: res.registration.province_code, action: 'registration.create', subject: { kind: 'registration', id: res.registration.id }, payload: { campaign: campaign.id, late: res.registration.late, subjectKind: kind } }));
  return { registration: res.registration, created: res.created };
}

/** A listed registration: the row, its subject's name and its latest committee result (total, maximum, titles, whether it passed). */
export type RegistrationListItem = Registration & { summary: RegistrationSummary & { passed: boolean | null } };

/**
 * A page of a campaign's registrations the caller may see, optionally of one status, each with its
 * subject's name and latest committee result (two queries for the page, not one per row), and the total.
 */
export async function listCampaignRegistrations(_deps: Deps, caller: Caller, trx: Trx, input: { campaignId: string; status?: string | undefined; limit: number; offset: number }): Promise<{ items: RegistrationListItem[]; total: number }> {
  const id = checkId(input.campaignId, 'campaign');
  await loadCampaign(trx, caller.scope, id);
  const page = await listRegistrations(trx, id, { ...(input.status ? { status: input.status as State } : {}), limit: input.limit, offset: input.offset });
  const items = page.items.filter((x) => readable(caller.scope, x, 'registration'));
  const summaries = await registrationSummaries(trx, items);
  return {
    items: items.map((r) => {
      const s = summaries.get(r.id) ?? { subjectName: null, committee: null };
      return { ...r, summary: { ...s, passed: s.committee ? s.committee.titles.length > 0 : null } };
    }),
    total: page.total,
  };
}

/** One row's problem in a sheet: the row number, the column (letter and header) when one cell is at fault, a Vietnamese message. */
export interface RowError {
  row: number;
  column?: string;
  header?: string;
  field?: string;
  code: string;
  message: string;
}

/** One person read from a people sheet. */
export interface PersonRecord {
  fullName: string;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  village: string | null;
  citizenId: string | null;
  commune: string | null;
}

/** Where people are registered: the commune a row without one gets, whether a row must name one, the campaign's commune. */
export interface PeopleTarget {
  defaultCommune: string | null;
  communeRequired: boolean;
  campaignCommune: string | null;
  scope: Scope;
}

/**
 * A people sheet as its door read it (the file's parsing belongs to the sheets reader): the data
 * rows and how one row becomes a person for a target, or its cell errors.
 */
export interface PeopleSheet {
  readonly rows: readonly { row: number; cells: readonly string[] }[];
  read(row: number, cells: readonly string[], target: PeopleTarget): { record?: PersonRecord | undefined; errors: RowError[] };
}

/** The answer of a sheet registration: counts, the registration of every good row, the bad rows' errors. */
export interface SheetRegistrationResult {
  created: number;
  existing: number;
  rows: { row: number; personId: string; registrationId: string; outcome: 'created' | 'existing' }[];
  errors: RowError[];
}

/** Where a campaign's people go when registered by the caller (the commune of a row without one, whether one is required). */
export function peopleTargetOf(campaign: Campaign, scope: Scope): PeopleTarget {
  const covered = campaignCommunes(campaign);
  return {
    defaultCommune: campaign.commune_code ?? (covered.length === 1 ? covered[0]! : scope.role === 'commune' && scope.communes.length === 1 ? scope.communes[0]! : null),
    // A province-level campaign (staff of provincial agencies, as in Phú Thọ 2018) may register
    // people who belong to no commune; a campaign of communes and a commune officer file under one.
    communeRequired: covered.length > 0 || scope.role === 'commune',
    campaignCommune: campaign.commune_code,
    scope,
  };
}

/**
 * Registers the people of a sheet: each good row finds its person by the natural key (the citizen
 * id, else commune + folded name + birth date) or creates it, then registers it, under a savepoint
 * so a refused row leaves nothing behind; bad rows are reported, good ones kept; one audit entry.
 */
export async function registerPeopleSheet(deps: Deps, caller: Caller, trx: Trx, input: { campaignId: string; sheet: PeopleSheet }): Promise<SheetRegistrationResult> {
  const scope = caller.scope;
  const { campaign, framework } = await loadCampaign(trx, scope, checkId(input.campaignId, 'campaign'));
  const { model, ref } = modelOf(deps, framework);
  // A people sheet in a family, clan, community or unit campaign would register individuals as the group.
  assertSubjectKind(model.subject, ref, 'person');
  const { late } = checkWindow(campaign, 'registration', deps.now());
  const out: SheetRegistrationResult = { created: 0, existing: 0, rows: [], errors: [] };
  const target = peopleTargetOf(campaign, scope);
  for (const { row: rowNo, cells } of input.sheet.rows) {
    const { record: v, errors } = input.sheet.read(rowNo, cells, target);
    if (!v) {
      out.errors.push(...errors);
      continue;
    }
    try {
      const { person, reg } = await inSavepoint(trx, async () => {
        const where = writeLocality(scope, { province: campaign.province_code, commune: v.commune });
        await assertCommuneInProvince(trx, where.province, where.commune);
        let person = v.citizenId ? await findPersonByCitizenId(trx, deps.cipher, v.citizenId) : undefined;
        if (!person && !v.citizenId) person = await findPersonByNaturalKey(trx, deps.cipher, { province: where.province, commune: v.commune, fullName: v.fullName, birthDate: v.birthDate });
        person ??= await createPerson(trx, deps.cipher, { province: where.province, commune: where.commune, fullName: v.fullName, birthDate: v.birthDate, sex: v.sex, village: v.village, citizenId: v.citizenId }).catch(citizenIdError);
        const reg = await registerPerson(deps, caller, trx, campaign, person.id, late);
        return { person, reg };
      });
      out.rows.push({ row: rowNo, personId: person.id, registrationId: reg.registration.id, outcome: reg.created ? 'created' : 'existing' });
      if (reg.created) out.created++;
      else out.existing++;
    } catch (e) {
      const code = e instanceof AppError ? e.code : e instanceof RangeError ? 'ROW_INVALID' : (e as { code?: string }).code === '23505' ? 'CITIZEN_ID_TAKEN' : undefined;
      if (!code) throw e;
      const message = e instanceof AppError ? e.vi : code === 'CITIZEN_ID_TAKEN' ? 'số định danh đã thuộc một người ở địa bàn khác' : (e as Error).message;
      out.errors.push({ row: rowNo, code, message });
    }
  }
  await appendAudit(trx, auditEntry(deps, caller, { province: campaign.province_code, action: 'registration.bulk', subject: { kind: 'campaign', id: campaign.id }, payload: { created: out.created, existing: out.existing, errors: out.errors.length, late } }));
  return out;
}

/** One household read from a households sheet (the platform's template): its head, village, commune, whether it registers. */
export interface HouseholdRecord {
  head: string;
  village: string | null;
  commune: string | null;
  register: boolean;
}

/** A households sheet as its door read it: the data rows and how one row becomes a household, or its cell errors. */
export interface HouseholdsSheet {
  readonly rows: readonly { row: number; cells: readonly string[] }[];
  read(row: number, cells: readonly string[], target: PeopleTarget): { record?: HouseholdRecord | undefined; errors: RowError[] };
}

/** The answer of a households sheet: as a people sheet's, each row with its household, and the rows that do not register. */
export interface HouseholdsSheetResult extends SheetRegistrationResult {
  rows: { row: number; personId: string; householdId: string; registrationId: string; outcome: 'created' | 'existing' }[];
  skipped: number;
}

/**
 * Registers the households of a sheet in a family campaign: each good row finds its household by
 * commune + name ("Hộ " + the head's name) + village, or creates it with the head as a person and
 * its member (role head) from the first day of the campaign's year, then registers it — a savepoint
 * per row, bad rows reported; a row marked "Không" under "Đăng ký danh hiệu" is skipped.
 */
export async function registerHouseholdsSheet(deps: Deps, caller: Caller, trx: Trx, input: { campaignId: string; sheet: HouseholdsSheet }): Promise<HouseholdsSheetResult> {
  const scope = caller.scope;
  const { campaign, framework } = await loadCampaign(trx, scope, checkId(input.campaignId, 'campaign'));
  const { model, ref } = modelOf(deps, framework);
  assertSubjectKind(model.subject, ref, 'household');
  const { late } = checkWindow(campaign, 'registration', deps.now());
  const out: HouseholdsSheetResult = { created: 0, existing: 0, skipped: 0, rows: [], errors: [] };
  const target = peopleTargetOf(campaign, scope);
  for (const { row: rowNo, cells } of input.sheet.rows) {
    const { record: v, errors } = input.sheet.read(rowNo, cells, target);
    if (!v) {
      out.errors.push(...errors);
      continue;
    }
    if (!v.register) {
      out.skipped++;
      continue;
    }
    try {
      const { head, household, reg } = await inSavepoint(trx, async () => {
        const where = writeLocality(scope, { province: campaign.province_code, commune: v.commune });
        await assertCommuneInProvince(trx, where.province, where.commune);
        const name = `Hộ ${v.head}`;
        let household = await findHouseholdByName(trx, { province: where.province, commune: where.commune, name, village: v.village });
        let head = await findPersonByNaturalKey(trx, deps.cipher, { province: where.province, commune: where.commune, fullName: v.head, birthDate: null });
        head ??= await createPerson(trx, deps.cipher, { province: where.province, commune: where.commune, fullName: v.head, birthDate: null, sex: null, village: v.village, citizenId: null });
        if (!household) {
          household = await createGroup(trx, 'household', { province: where.province, commune: where.commune, name, village: v.village });
          const from = `${campaign.year}-01-01`;
          if (await overlappingMembership(trx, head.id, { kind: 'household' }, from, null))
            throw new AppError('conflict', 'ALREADY_MEMBER', `${v.head} đã là thành viên của một hộ khác`, `${v.head} already belongs to another household`);
          await addMembership(trx, { province: where.province, commune: where.commune, personId: head.id, group: { kind: 'household', id: household.id }, role: 'head', validFrom: from });
        }
        const reg = await registerGroup(deps, caller, trx, campaign, 'household', household.id, late);
        return { head, household, reg };
      });
      out.rows.push({ row: rowNo, personId: head.id, householdId: household.id, registrationId: reg.registration.id, outcome: reg.created ? 'created' : 'existing' });
      if (reg.created) out.created++;
      else out.existing++;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out.errors.push({ row: rowNo, code: e.code, message: e.vi });
    }
  }
  await appendAudit(trx, auditEntry(deps, caller, { province: campaign.province_code, action: 'registration.bulk', subject: { kind: 'campaign', id: campaign.id }, payload: { created: out.created, existing: out.existing, skipped: out.skipped, errors: out.errors.length, late, subjectKind: 'household' } }));
  return out;
}

/** One chunk of a background import: its people (with their row numbers) registered in one statement set. */
export interface ImportChunkInput {
  province: string;
  campaign: { id: string; commune: string | null };
  late: boolean;
  /** The job and the chunk's first and last row, for the chunk's audit entry. */
  auditPayload: Record<string, unknown>;
  rows: readonly { row: number; record: PersonRecord }[];
  /** The index of the sheet's commune column, for errors that name it. */
  communeError: (row: number, message: string) => RowError;
  /** Every commune's province (from the administrative units; empty when they are not loaded). */
  communeProvinces: ReadonlyMap<string, string | null>;
}

/** What an import chunk did: counts and its row errors (row order). */
export interface ImportChunkOutcome {
  peopleCreated: number;
  registrationsCreated: number;
  registrationsExisting: number;
  errors: RowError[];
}

/**
 * Registers one chunk of a background import in the caller's transaction: rows whose commune
 * belongs to another province are refused, the others go through the batched import (natural keys
 * as the sheet registration; running a chunk again creates nothing) with the chunk's audit entry.
 */
export async function importRegistrationsChunk(deps: Pick<Deps, 'cipher' | 'now'>, caller: Caller, trx: Trx, input: ImportChunkInput): Promise<ImportChunkOutcome> {
  const early: RowError[] = [];
  const chunk: PersonRecord[] = [];
  const rowNo: number[] = [];
  // A campaign of several communes files each row under one of them (one commune: the batched import checks it).
  const cp0 = await getCampaign(trx, input.campaign.id);
  const covered = cp0 ? campaignCommunes(cp0) : [];
  for (const { row, record } of input.rows) {
    const cp = record.commune ? input.communeProvinces.get(record.commune) : undefined;
    if (cp && cp !== input.province) {
      early.push(input.communeError(row, `xã ${record.commune} không thuộc tỉnh ${input.province}`));
      continue;
    }
    if (covered.length > 1 && (!record.commune || !covered.includes(record.commune))) {
      early.push(input.communeError(row, `${record.commune ? `xã ${record.commune}` : 'dòng không ghi xã'}: ngoài các xã của đợt đánh giá (${covered.join(', ')})`));
      continue;
    }
    chunk.push(record);
    rowNo.push(row);
  }
  const res = await importChunk(trx, deps.cipher, { province: input.province, campaign: input.campaign, actorId: caller.userId, at: deps.now(), late: input.late, action: 'registration.import-chunk', auditPayload: input.auditPayload }, chunk);
  const errors = [...early, ...res.errors.map((e) => ({ row: rowNo[e.index]!, code: e.code, message: e.message }))].sort((a, b) => a.row - b.row);
  return { peopleCreated: res.peopleCreated, registrationsCreated: res.registrationsCreated, registrationsExisting: res.registrationsExisting, errors };
}

/**
 * Proposes reviewed registrations of a campaign for recognition: all of them or none (a conflict
 * for any not reviewed); the proposer is recorded for the two-person rule of the decision.
 */
export async function proposeRegistrations(deps: Deps, caller: Caller, trx: Trx, input: { campaignId: string; registrationIds: readonly string[] }): Promise<Registration[]> {
  const id = checkId(input.campaignId, 'campaign');
  const ids = [...new Set(input.registrationIds.map((x) => checkId(x, 'registration')))];
  const proposer = actorOf(caller);
  const { campaign } = await loadCampaign(trx, caller.scope, id);
  const out: Registration[] = [];
  for (const rid of ids.sort()) {
    const reg = writable(caller.scope, await getRegistration(trx, rid, { forUpdate: true }), 'registration');
    if (reg.campaign_id !== campaign.id) throw notFound('registration');
    if (!transition('propose', reg.status)) throw illegal('propose', reg.status);
    const moved = await transitionRegistration(trx, rid, [reg.status], 'proposed', { at: deps.now(), proposedBy: proposer });
    if (!moved) throw illegal('propose', reg.status);
    out.push(moved);
  }
  await appendAudit(trx, auditEntry(deps, caller, { province: campaign.province_code, action: 'proposal.create', subject: { kind: 'campaign', id: campaign.id }, payload: { registrations: out.map((x) => x.id) } }));
  return out;
}
