/** People: names stored NFC with a folded search column; the citizen id only encrypted, found by its keyed hash. */
import type { Kysely, Selectable } from 'kysely';
import { randomUUID } from 'node:crypto';
import { maskCitizenId, validateCitizenId } from './citizen-id.js';
import type { CitizenIdCipher } from './crypto.js';
import type { Database, PeopleTable } from './schema.js';
import { fold, normalize, foldedNeedle } from './text.js';

/** A person as the application sees it: never the clear citizen id. */
export type PersonRow = Omit<Selectable<PeopleTable>, 'citizen_id_enc' | 'citizen_id_hmac'> & {
  /** Masked citizen id for display (`001*******45`), or null. */
  citizen_id_masked: string | null;
};

/** What is needed to record a person. */
export interface PersonInput {
  province: string;
  commune: string | null;
  fullName: string;
  birthDate?: string | null;
  sex?: 'male' | 'female' | null;
  village?: string | null;
  /** The 12-digit citizen id, validated against the birth date and sex before it is encrypted. */
  citizenId?: string | null;
}

function toPersonRow(row: Selectable<PeopleTable>, cipher: CitizenIdCipher): PersonRow {
  const { citizen_id_enc, citizen_id_hmac: _hmac, ...rest } = row;
  return { ...rest, citizen_id_masked: citizen_id_enc ? maskCitizenId(cipher.decrypt(citizen_id_enc, row.id)) : null };
}

/**
 * Inserts a person; throws a RangeError if the citizen id fails validation.
 * @example const p = await createPerson(trx, cipher, { province: '25', commune: '07900', fullName: 'Nguyễn Thị Hà', citizenId: '025303001234', birthDate: '2003-04-05', sex: 'female' });
 */
export async function createPerson(db: Kysely<Database>, cipher: CitizenIdCipher, input: PersonInput): Promise<PersonRow> {
  const id = randomUUID();
  const fullName = normalize(input.fullName).trim().replace(/\s+/g, ' ');
  let enc: string | null = null;
  let hmac: string | null = null;
  if (input.citizenId) {
    const check = validateCitizenId(input.citizenId, input.birthDate ?? undefined, input.sex ?? undefined);
    if (!check.ok) throw new RangeError(check.message);
    enc = cipher.encrypt(check.id, id);
    hmac = cipher.lookupHash(check.id);
  }
  const row = await db
    .insertInto('people')
    .values({
      id,
      province_code: input.province,
      commune_code: input.commune,
      full_name: fullName,
      name_folded: fold(fullName),
      birth_date: input.birthDate ?? null,
      sex: input.sex ?? null,
      village: input.village ? normalize(input.village) : null,
      citizen_id_enc: enc,
      citizen_id_hmac: hmac,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPersonRow(row, cipher);
}

/** Finds a person by citizen id through the keyed hash (the clear id never reaches the database). */
export async function findPersonByCitizenId(db: Kysely<Database>, cipher: CitizenIdCipher, citizenId: string): Promise<PersonRow | undefined> {
  const row = await db
    .selectFrom('people')
    .selectAll()
    .where('citizen_id_hmac', '=', cipher.lookupHash(citizenId.replace(/\s+/g, '')))
    .executeTakeFirst();
  return row && toPersonRow(row, cipher);
}

/** Gets a person by id. */
export async function getPerson(db: Kysely<Database>, cipher: CitizenIdCipher, id: string): Promise<PersonRow | undefined> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toPersonRow(row, cipher);
}

/** Reveals a person's clear citizen id, for the few places that need it (audit the call). */
export async function revealCitizenId(db: Kysely<Database>, cipher: CitizenIdCipher, id: string): Promise<string | null> {
  const row = await db.selectFrom('people').select(['id', 'citizen_id_enc']).where('id', '=', id).executeTakeFirst();
  return row?.citizen_id_enc ? cipher.decrypt(row.citizen_id_enc, row.id) : null;
}

/**
 * Searches people by name, diacritics and case ignored ("nguyen thi ha" finds "Nguyễn Thị Hà").
 * @example await searchPeople(trx, cipher, 'nguyen thi')
 */
export async function searchPeople(db: Kysely<Database>, cipher: CitizenIdCipher, query: string, limit = 50): Promise<PersonRow[]> {
  const needle = foldedNeedle(query);
  const rows = await db
    .selectFrom('people')
    .selectAll()
    .where('name_folded', 'like', `%${needle}%`)
    .orderBy('name_sort')
    .limit(limit)
    .execute();
  return rows.map((r) => toPersonRow(r, cipher));
}

/** A page of people. */
export interface PeoplePage {
  items: PersonRow[];
  /** Rows matching the filter (all pages). */
  total: number;
}

/**
 * Lists people visible to the caller (run it inside `withScope`), optionally filtered by a folded
 * name search and a commune, ordered by folded name then id, with paging.
 * @example await listPeople(trx, cipher, { query: 'nguyen thi ha', limit: 20, offset: 0 })
 */
export async function listPeople(
  db: Kysely<Database>,
  cipher: CitizenIdCipher,
  options: { query?: string; commune?: string; limit?: number; offset?: number } = {},
): Promise<PeoplePage> {
  let q = db.selectFrom('people');
  if (options.query && options.query.trim()) {
    const needle = foldedNeedle(options.query);
    q = q.where('name_folded', 'like', `%${needle}%`);
  }
  if (options.commune) q = q.where('commune_code', '=', options.commune);
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('name_sort')
    .orderBy('id')
    .limit(options.limit ?? 50)
    .offset(options.offset ?? 0)
    .execute();
  return { items: rows.map((r) => toPersonRow(r, cipher)), total: Number(n) };
}

/** Fields of a person that can change (the locality does not: move = delete + create). */
export interface PersonPatch {
  fullName?: string;
  birthDate?: string | null;
  sex?: 'male' | 'female' | null;
  village?: string | null;
  /** A new citizen id (validated against the resulting birth date and sex), or null to remove it. */
  citizenId?: string | null;
}

/**
 * Updates a person; throws a RangeError if the citizen id fails validation. Returns undefined when
 * no row is visible with that id.
 */
export async function updatePerson(db: Kysely<Database>, cipher: CitizenIdCipher, id: string, patch: PersonPatch): Promise<PersonRow | undefined> {
  const current = await db.selectFrom('people').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!current) return undefined;
  const set: Record<string, unknown> = { updated_at: new Date() };
  if (patch.fullName !== undefined) {
    const fullName = normalize(patch.fullName).trim().replace(/\s+/g, ' ');
    set['full_name'] = fullName;
    set['name_folded'] = fold(fullName);
  }
  if (patch.birthDate !== undefined) set['birth_date'] = patch.birthDate;
  if (patch.sex !== undefined) set['sex'] = patch.sex;
  if (patch.village !== undefined) set['village'] = patch.village ? normalize(patch.village) : null;
  const birthDate = patch.birthDate !== undefined ? patch.birthDate : current.birth_date;
  const sex = patch.sex !== undefined ? patch.sex : current.sex;
  if (patch.citizenId !== undefined) {
    if (patch.citizenId === null) {
      set['citizen_id_enc'] = null;
      set['citizen_id_hmac'] = null;
    } else {
      const check = validateCitizenId(patch.citizenId, birthDate ?? undefined, sex ?? undefined);
      if (!check.ok) throw new RangeError(check.message);
      set['citizen_id_enc'] = cipher.encrypt(check.id, id);
      set['citizen_id_hmac'] = cipher.lookupHash(check.id);
    }
  } else if (current.citizen_id_enc && (patch.birthDate !== undefined || patch.sex !== undefined)) {
    // The stored id must still agree with the birth date and sex.
    const check = validateCitizenId(cipher.decrypt(current.citizen_id_enc, id), birthDate ?? undefined, sex ?? undefined);
    if (!check.ok) throw new RangeError(check.message);
  }
  const row = await db.updateTable('people').set(set).where('id', '=', id).returningAll().executeTakeFirst();
  return row && toPersonRow(row, cipher);
}

/** Deletes a person (and nothing else); returns whether a visible row was deleted. */
export async function deletePerson(db: Kysely<Database>, id: string): Promise<boolean> {
  const r = await db.deleteFrom('people').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows ?? 0n) > 0;
}

/** Where a visible person lives (id, province, commune), without decrypting anything; undefined when invisible. */
export async function personLocation(db: Kysely<Database>, id: string): Promise<{ id: string; province_code: string; commune_code: string | null } | undefined> {
  return db.selectFrom('people').select(['id', 'province_code', 'commune_code']).where('id', '=', id).executeTakeFirst();
}

/** Whether a registration names the person (a registered person is withdrawn, not deleted). */
export async function isPersonRegistered(db: Kysely<Database>, id: string): Promise<boolean> {
  return !!(await db.selectFrom('registrations').select('id').where('subject_kind', '=', 'person').where('subject_id', '=', id).executeTakeFirst());
}

/** Whether the person is in any membership history (memberships are kept, so is the person). */
export async function hasMemberships(db: Kysely<Database>, id: string): Promise<boolean> {
  return !!(await db.selectFrom('memberships').select('id').where('person_id', '=', id).executeTakeFirst());
}
