/** Memberships of people in households, clans, communities and units, over time (valid_from inclusive, valid_to exclusive). */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, MembershipsTable } from './schema.js';

/** The kind of group a person belongs to. */
export type GroupKind = 'household' | 'clan' | 'community' | 'unit';

const COLUMN = { household: 'household_id', clan: 'clan_id', community: 'community_id', unit: 'unit_id' } as const;

/** A membership to record. */
export interface MembershipInput {
  province: string;
  commune: string | null;
  personId: string;
  group: { kind: GroupKind; id: string };
  role?: string;
  validFrom: string;
  validTo?: string | null;
}

/**
 * Records that a person belongs to a group from `validFrom` (until `validTo`, exclusive).
 * @example await addMembership(trx, { province: '25', commune: '07900', personId, group: { kind: 'household', id }, validFrom: '2024-01-01' });
 */
export async function addMembership(db: Kysely<Database>, input: MembershipInput): Promise<Selectable<MembershipsTable>> {
  return db
    .insertInto('memberships')
    .values({
      province_code: input.province,
      commune_code: input.commune,
      person_id: input.personId,
      household_id: null,
      clan_id: null,
      community_id: null,
      unit_id: null,
      [COLUMN[input.group.kind]]: input.group.id,
      role: input.role ?? 'member',
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Ends a person's open membership of a group on `date` (exclusive end); returns how many rows changed. */
export async function endMembership(db: Kysely<Database>, personId: string, group: { kind: GroupKind; id: string }, date: string): Promise<number> {
  const result = await db
    .updateTable('memberships')
    .set({ valid_to: date })
    .where('person_id', '=', personId)
    .where(COLUMN[group.kind], '=', group.id)
    .where('valid_to', 'is', null)
    .where('valid_from', '<', date)
    .executeTakeFirst();
  return Number(result.numUpdatedRows ?? 0n);
}

/** The people who belonged to a group on `date`. */
export async function membersAt(db: Kysely<Database>, group: { kind: GroupKind; id: string }, date: string): Promise<Selectable<MembershipsTable>[]> {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where(COLUMN[group.kind], '=', group.id)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .orderBy('valid_from')
    .execute();
}

/** A person's memberships on `date`, of every kind. */
export async function membershipsOf(db: Kysely<Database>, personId: string, date: string): Promise<Selectable<MembershipsTable>[]> {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('person_id', '=', personId)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .orderBy('valid_from')
    .execute();
}

/** Counts rows of a group's members on a date (a `count(*)`, normalised to a number by the parsers). */
export async function countMembersAt(db: Kysely<Database>, group: { kind: GroupKind; id: string }, date: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select(sql<number>`count(*)`.as('n'))
    .where(COLUMN[group.kind], '=', group.id)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .executeTakeFirstOrThrow();
  return row.n;
}
