/**
 * The campaign workflow's lookups beyond the row-by-row ones of `campaigns.ts`: natural keys of the
 * bulk registration and the scores import, the report's counts, the recompute job's pages. Run
 * them inside `withScope` so row-level security applies.
 */
import { sql, type Kysely } from 'kysely';
import type { CitizenIdCipher } from './crypto.js';
import { getPerson, type PersonRow } from './people.js';
import { fold } from './text.js';
import type { Assessment, Database, RegistrationStatus, SubjectKind } from './schema.js';

/** The person with this natural key (no citizen id): province, commune (or none), folded name and birth date (or none). */
export async function findPersonByNaturalKey(
  db: Kysely<Database>,
  cipher: CitizenIdCipher,
  key: { province: string; commune: string | null; fullName: string; birthDate: string | null },
): Promise<PersonRow | undefined> {
  const found = await db
    .selectFrom('people')
    .select('id')
    .where('province_code', '=', key.province)
    .where((eb) => (key.commune ? eb('commune_code', '=', key.commune) : eb('commune_code', 'is', null)))
    .where('name_folded', '=', fold(key.fullName))
    .where((eb) => (key.birthDate ? eb('birth_date', '=', key.birthDate) : eb('birth_date', 'is', null)))
    .executeTakeFirst();
  return found ? getPerson(db, cipher, found.id) : undefined;
}

/** The provinces a commune code is filed under in the administrative units (empty when the units are not loaded). */
export async function provincesOfCommune(db: Kysely<Database>, commune: string): Promise<(string | null)[]> {
  const units = await db.selectFrom('administrative_units').select('province_code').where('level', '=', 'commune').where('code', '=', commune).execute();
  return units.map((u) => u.province_code);
}

/** Every commune's province, by commune code (for checking many rows at once). */
export async function communeProvinces(db: Kysely<Database>): Promise<Map<string, string | null>> {
  const units = await db.selectFrom('administrative_units').select(['code', 'province_code']).where('level', '=', 'commune').execute();
  return new Map(units.map((u) => [u.code, u.province_code]));
}

/** How many people are on record in a province, or in one of its communes. */
export async function countPeople(db: Kysely<Database>, province: string, commune: string | null): Promise<number> {
  let q = db.selectFrom('people').select(sql<number>`count(*)`.as('n')).where('province_code', '=', province);
  if (commune) q = q.where('commune_code', '=', commune);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Every registration of a campaign with its status. */
export async function registrationStatuses(db: Kysely<Database>, campaignId: string): Promise<{ id: string; status: RegistrationStatus }[]> {
  return db.selectFrom('registrations').select(['id', 'status']).where('campaign_id', '=', campaignId).execute();
}

/** The status of a registration, if it exists (and is visible). */
export async function registrationStatus(db: Kysely<Database>, id: string): Promise<RegistrationStatus | undefined> {
  return (await db.selectFrom('registrations').select('status').where('id', '=', id).executeTakeFirst())?.status;
}

/** The id of a campaign's registration: by registration id, or by its subject. */
export async function registrationIdInCampaign(db: Kysely<Database>, campaignId: string, key: { id: string } | { subject: { kind: SubjectKind; id: string } }): Promise<string | undefined> {
  let q = db.selectFrom('registrations').select('id').where('campaign_id', '=', campaignId);
  q = 'id' in key ? q.where('id', '=', key.id) : q.where('subject_kind', '=', key.subject.kind).where('subject_id', '=', key.subject.id);
  return (await q.executeTakeFirst())?.id;
}

/** A page of a campaign's registrations after `cursor`, in id order, up to `last` (inclusive). */
export async function registrationsAfter(
  db: Kysely<Database>,
  campaignId: string,
  cursor: string | null,
  last: string,
  limit: number,
): Promise<{ id: string; province_code: string; commune_code: string | null; subject_kind: SubjectKind; subject_id: string }[]> {
  return db
    .selectFrom('registrations')
    .select(['id', 'province_code', 'commune_code', 'subject_kind', 'subject_id'])
    .where('campaign_id', '=', campaignId)
    .where('id', '<=', last)
    .$if(cursor !== null, (q) => q.where('id', '>', cursor!))
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The latest assessment of each kind of each of these registrations, in the order they were made. */
export async function latestAssessmentsOfRegistrations(db: Kysely<Database>, registrationIds: readonly string[]): Promise<Assessment[]> {
  const latest = await sql<Assessment>`SELECT * FROM (SELECT DISTINCT ON (registration_id, kind) * FROM assessments
      WHERE registration_id = ANY (${sql.val([...registrationIds])}::uuid[])
      ORDER BY registration_id, kind, assessed_at DESC, id DESC) latest
    ORDER BY assessed_at, id`.execute(db);
  return latest.rows;
}

/** A subject's registration in a campaign of some title and year, with its latest committee result. */
export interface YearResultRow {
  subject_id: string;
  registration_id: string;
  campaign_id: string;
  framework_id: string;
  status: string;
  result: Record<string, unknown> | null;
}

/**
 * The registrations of these subjects in the campaigns of one title, year and province, each with
 * its latest committee assessment's result (the members' own results of a group's year).
 */
export async function resultsOfYear(
  db: Kysely<Database>,
  q: { kind: SubjectKind; ids: readonly string[]; title: string; year: number; province: string },
): Promise<YearResultRow[]> {
  if (q.ids.length === 0) return [];
  const rows = await sql<YearResultRow>`SELECT r.subject_id, r.id AS registration_id, r.campaign_id, c.framework_id, r.status,
      (SELECT a.result FROM assessments a WHERE a.registration_id = r.id AND a.kind = 'committee' ORDER BY a.assessed_at DESC, a.id DESC LIMIT 1) AS result
    FROM registrations r JOIN campaigns c ON c.id = r.campaign_id
    WHERE c.title = ${q.title} AND c.year = ${q.year} AND c.province_code = ${q.province}
      AND r.subject_kind = ${q.kind} AND r.subject_id = ANY (${sql.val([...q.ids])}::uuid[])
    ORDER BY r.subject_id, r.registered_at, r.id`.execute(db);
  return rows.rows;
}

/** The campaigns of a year in a province with assessed registrations of these subject kinds (the groups to recompute after a member's decision). */
export async function groupCampaignsOfYear(db: Kysely<Database>, q: { year: number; province: string; kinds: readonly SubjectKind[] }): Promise<string[]> {
  if (q.kinds.length === 0) return [];
  const rows = await db
    .selectFrom('registrations as r')
    .innerJoin('campaigns as c', 'c.id', 'r.campaign_id')
    .select('r.campaign_id')
    .distinct()
    .where('c.year', '=', q.year)
    .where('c.province_code', '=', q.province)
    .where('r.subject_kind', 'in', [...q.kinds])
    .where('r.status', 'not in', ['registered', 'withdrawn'])
    .orderBy('r.campaign_id')
    .execute();
  return rows.map((r) => r.campaign_id);
}
