/**
 * Groups people belong to — households, clans, communities and units — and their memberships over
 * time (valid_from inclusive, valid_to exclusive). Names are stored NFC with a folded search column,
 * as people's are. Run these inside `withScope`: row-level security decides what is visible.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { GroupKind } from './memberships.js';
import type { Database, MembershipsTable } from './schema.js';
import { fold, normalize, foldedNeedle } from './text.js';

/** The table of each kind of group. */
export const GROUP_TABLES = { household: 'households', clan: 'clans', community: 'communities', unit: 'units' } as const;
/** The membership column that points at each kind of group. */
export const GROUP_COLUMNS = { household: 'household_id', clan: 'clan_id', community: 'community_id', unit: 'unit_id' } as const;
export const GROUP_KINDS = ['household', 'clan', 'community', 'unit'] as const satisfies readonly GroupKind[];
/** The types of community (migration 0001). */
export const COMMUNITY_TYPES = ['village', 'residential-group', 'commune'] as const;
/** The types of unit (migration 0001). */
export const UNIT_TYPES = ['agency', 'school', 'enterprise', 'other'] as const;

/** A group as the application sees it, whatever its kind. */
export interface GroupRow {
  kind: GroupKind;
  id: string;
  province_code: string;
  commune_code: string | null;
  name: string;
  name_folded: string;
  /** Households only: the village (thôn) the household lives in. */
  village: string | null;
  /** Communities (village / residential-group / commune) and units (agency / school / enterprise / other). */
  type: string | null;
  created_at: Date;
}

/** What is needed to record a group. */
export interface GroupInput {
  province: string;
  commune: string | null;
  name: string;
  village?: string | null;
  type?: string | null;
}

/** Fields of a group that can change (the locality does not). */
export interface GroupPatch {
  name?: string;
  village?: string | null;
  type?: string;
}

const cleanName = (s: string) => normalize(s).trim().replace(/\s+/g, ' ');

function toGroupRow(kind: GroupKind, row: Record<string, unknown>): GroupRow {
  return {
    kind,
    id: row['id'] as string,
    province_code: row['province_code'] as string,
    commune_code: (row['commune_code'] as string | null) ?? null,
    name: row['name'] as string,
    name_folded: row['name_folded'] as string,
    village: kind === 'household' ? ((row['village'] as string | null) ?? null) : null,
    type: kind === 'community' || kind === 'unit' ? ((row['kind'] as string | null) ?? null) : null,
    created_at: row['created_at'] as Date,
  };
}

/**
 * Inserts a group. A community or unit needs its `type`; a household may have a village.
 * @example await createGroup(trx, 'household', { province: '25', commune: null, name: 'Hộ ông Nguyễn Văn An', village: 'Thôn Đoài' });
 */
export async function createGroup(db: Kysely<Database>, kind: GroupKind, input: GroupInput): Promise<GroupRow> {
  const name = cleanName(input.name);
  const values: Record<string, unknown> = {
    id: randomUUID(),
    province_code: input.province,
    commune_code: input.commune,
    name,
    name_folded: fold(name),
  };
  if (kind === 'household') values['village'] = input.village ? cleanName(input.village) : null;
  if (kind === 'community' || kind === 'unit') {
    if (!input.type) throw new RangeError(`A ${kind} needs a type.`);
    values['kind'] = input.type;
  }
  const row = await db
    .insertInto(GROUP_TABLES[kind] as 'households')
    .values(values as never)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toGroupRow(kind, row as unknown as Record<string, unknown>);
}

/** Gets a visible group by id. */
export async function getGroup(db: Kysely<Database>, kind: GroupKind, id: string): Promise<GroupRow | undefined> {
  const row = await db
    .selectFrom(GROUP_TABLES[kind] as 'households')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toGroupRow(kind, row as unknown as Record<string, unknown>);
}

/** A page of groups, with how many people belong to each on the given date. */
export interface GroupsPage {
  items: (GroupRow & { member_count: number })[];
  /** Rows matching the filter (all pages). */
  total: number;
}

/**
 * Lists visible groups of a kind, optionally filtered by a folded name search ("ho ong an" finds
 * "Hộ ông An"), a commune and a type, in Vietnamese order of the name (`name_sort`) then id, with paging.
 * @example await listGroups(trx, 'household', { query: 'nguyen van', date: '2018-06-01', limit: 20, offset: 0 })
 */
export async function listGroups(
  db: Kysely<Database>,
  kind: GroupKind,
  options: { query?: string; commune?: string; type?: string; date: string; limit?: number; offset?: number },
): Promise<GroupsPage> {
  let q = db.selectFrom(GROUP_TABLES[kind] as 'households');
  if (options.query && options.query.trim()) q = q.where('name_folded', 'like', `%${foldedNeedle(options.query)}%`);
  if (options.commune) q = q.where('commune_code', '=', options.commune);
  if (options.type && (kind === 'community' || kind === 'unit')) q = q.where(sql.ref('kind'), '=', options.type);
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('name_sort')
    .orderBy('id')
    .limit(options.limit ?? 50)
    .offset(options.offset ?? 0)
    .execute();
  const counts = new Map<string, number>();
  if (rows.length) {
    const column = GROUP_COLUMNS[kind];
    const found = await db
      .selectFrom('memberships')
      .select([sql<string>`${sql.ref(column)}`.as('group_id'), (eb) => eb.fn.countAll<number>().as('n')])
      .where(column, 'in', rows.map((r) => r.id))
      .where('valid_from', '<=', options.date)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', options.date)]))
      .groupBy(column)
      .execute();
    for (const f of found) counts.set(f.group_id, Number(f.n));
  }
  return {
    items: rows.map((r) => ({ ...toGroupRow(kind, r as unknown as Record<string, unknown>), member_count: counts.get(r.id) ?? 0 })),
    total: Number(n),
  };
}

/** Updates a group; returns undefined when no row is visible with that id. */
export async function updateGroup(db: Kysely<Database>, kind: GroupKind, id: string, patch: GroupPatch): Promise<GroupRow | undefined> {
  const set: Record<string, unknown> = {};
  if (patch.name !== undefined) {
    const name = cleanName(patch.name);
    set['name'] = name;
    set['name_folded'] = fold(name);
  }
  if (patch.village !== undefined && kind === 'household') set['village'] = patch.village ? cleanName(patch.village) : null;
  if (patch.type !== undefined && (kind === 'community' || kind === 'unit')) set['kind'] = patch.type;
  if (Object.keys(set).length === 0) return getGroup(db, kind, id);
  const row = await db
    .updateTable(GROUP_TABLES[kind] as 'households')
    .set(set as never)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toGroupRow(kind, row as unknown as Record<string, unknown>);
}

/** Whether a registration (of any campaign) names the group as its subject. */
export async function isGroupRegistered(db: Kysely<Database>, kind: GroupKind, id: string): Promise<boolean> {
  const reg = await db.selectFrom('registrations').select('id').where('subject_kind', '=', kind).where('subject_id', '=', id).executeTakeFirst();
  return reg !== undefined;
}

/**
 * Deletes a group and its memberships, unless a registration names it. Returns 'deleted',
 * 'not-found' (no visible row) or 'registered' (nothing deleted).
 */
export async function deleteGroup(db: Kysely<Database>, kind: GroupKind, id: string): Promise<'deleted' | 'not-found' | 'registered'> {
  if (await isGroupRegistered(db, kind, id)) return 'registered';
  await db.deleteFrom('memberships').where(GROUP_COLUMNS[kind], '=', id).execute();
  const r = await db
    .deleteFrom(GROUP_TABLES[kind] as 'households')
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows ?? 0n) > 0 ? 'deleted' : 'not-found';
}

/** A membership with the member's name (null when the person is not visible to the caller). */
export type MemberRow = Selectable<MembershipsTable> & { full_name: string | null; birth_date: string | null };

/**
 * Every membership of a group, current and past, with the members' names, ordered by start date.
 * Split them with {@link isCurrent}.
 */
export async function groupMemberships(db: Kysely<Database>, kind: GroupKind, id: string): Promise<MemberRow[]> {
  return db
    .selectFrom('memberships as m')
    .leftJoin('people as p', 'p.id', 'm.person_id')
    .selectAll('m')
    .select(['p.full_name', 'p.birth_date'])
    .where(`m.${GROUP_COLUMNS[kind]}`, '=', id)
    .orderBy('m.valid_from')
    .orderBy('p.name_sort')
    .orderBy('m.id')
    .execute() as Promise<MemberRow[]>;
}

/** Whether a membership holds on `date`. */
export function isCurrent(m: { valid_from: string; valid_to: string | null }, date: string): boolean {
  return m.valid_from <= date && (m.valid_to === null || m.valid_to > date);
}

/** Gets a visible membership by id. */
export async function getMembership(db: Kysely<Database>, id: string): Promise<Selectable<MembershipsTable> | undefined> {
  return db.selectFrom('memberships').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The group a membership points at. */
export function groupOfMembership(m: Selectable<MembershipsTable>): { kind: GroupKind; id: string } {
  for (const kind of GROUP_KINDS) {
    const id = m[GROUP_COLUMNS[kind]];
    if (id) return { kind, id };
  }
  throw new RangeError('A membership without a group.');
}

/**
 * Whether the person already belongs to the group (or, without an id, to any group of that kind) at
 * some time within [from, to) — a second, overlapping membership of the same group is refused, and
 * so is a second household at the same time.
 */
export async function overlappingMembership(
  db: Kysely<Database>,
  personId: string,
  group: { kind: GroupKind; id?: string },
  from: string,
  to: string | null,
): Promise<Selectable<MembershipsTable> | undefined> {
  let q = db
    .selectFrom('memberships')
    .selectAll()
    .where('person_id', '=', personId)
    .where(GROUP_COLUMNS[group.kind], group.id === undefined ? 'is not' : '=', group.id ?? null)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', from)]));
  if (to !== null) q = q.where('valid_from', '<', to);
  return q.executeTakeFirst();
}

/** Ends a membership on `date` (exclusive end); returns the updated row, or undefined when not visible. */
export async function endMembershipById(db: Kysely<Database>, id: string, date: string): Promise<Selectable<MembershipsTable> | undefined> {
  return db.updateTable('memberships').set({ valid_to: date }).where('id', '=', id).returningAll().executeTakeFirst();
}

/** A person's membership together with the group's name. */
export type PersonGroupRow = Selectable<MembershipsTable> & { kind: GroupKind; group_id: string; group_name: string | null };

/**
 * A person's groups, of every kind: all memberships (current and past) with the groups' names,
 * newest first.
 * @example await groupsOfPerson(trx, personId)
 */
export async function groupsOfPerson(db: Kysely<Database>, personId: string): Promise<PersonGroupRow[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .leftJoin('households as h', 'h.id', 'm.household_id')
    .leftJoin('clans as c', 'c.id', 'm.clan_id')
    .leftJoin('communities as co', 'co.id', 'm.community_id')
    .leftJoin('units as u', 'u.id', 'm.unit_id')
    .selectAll('m')
    .select(['h.name as household_name', 'c.name as clan_name', 'co.name as community_name', 'u.name as unit_name'])
    .where('m.person_id', '=', personId)
    .orderBy('m.valid_from', 'desc')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => {
    const { household_name, clan_name, community_name, unit_name, ...m } = r;
    const g = groupOfMembership(m);
    const name = { household: household_name, clan: clan_name, community: community_name, unit: unit_name }[g.kind];
    return { ...m, kind: g.kind, group_id: g.id, group_name: name ?? null };
  });
}

/** The households these people belonged to on `date`, each once, with its name (for a clan or community counted by households). */
export async function householdsOfPeopleAt(db: Kysely<Database>, personIds: readonly string[], date: string): Promise<{ id: string; name: string }[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('memberships as m')
    .innerJoin('households as h', 'h.id', 'm.household_id')
    .select(['h.id', 'h.name'])
    .distinct()
    .where('m.person_id', 'in', [...personIds])
    .where('m.valid_from', '<=', date)
    .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>', date)]))
    .orderBy('h.name')
    .orderBy('h.id')
    .execute();
}

/** The household of a commune with this name and village (folded), if one is on record (the natural key of a households sheet). */
export async function findHouseholdByName(db: Kysely<Database>, key: { province: string; commune: string | null; name: string; village: string | null }): Promise<GroupRow | undefined> {
  const row = await db
    .selectFrom('households')
    .selectAll()
    .where('province_code', '=', key.province)
    .where((eb) => (key.commune ? eb('commune_code', '=', key.commune) : eb('commune_code', 'is', null)))
    .where('name_folded', '=', fold(cleanName(key.name)))
    .where((eb) => (key.village ? eb('village', '=', cleanName(key.village)) : eb('village', 'is', null)))
    .orderBy('id')
    .executeTakeFirst();
  return row && toGroupRow('household', row as unknown as Record<string, unknown>);
}
