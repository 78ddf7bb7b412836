/**
 * The figures of the yearly dashboard (issue 11): per title, every subject of its kind in an area
 * against the registrations of that year's campaigns of the title — registered, assessed by the
 * committee, recognised and the titles held — rolled up village → commune → area in ONE query per
 * title (`GROUPING SETS`), and the members of many groups on a day, batched, for the roll-ups
 * (households → clan and village, members → unit). Run inside `withScope`: row-level security
 * limits every table to the caller's localities.
 */
import { sql, type Kysely } from 'kysely';
import { GROUP_COLUMNS, GROUP_TABLES } from './groups.js';
import type { GroupKind } from './memberships.js';
import type { Database, SubjectKind } from './schema.js';

/** The statuses counted as assessed by the committee (reviewed and every later step, including a refusal). */
export const ASSESSED_STATUSES = ['reviewed', 'proposed', 'recognised', 'not-recognised', 'published', 'appealed', 'assessed', 'refused'] as const;
/** The statuses that hold the title (a decision recognised the subject; published or not). */
export const RECOGNISED_STATUSES = ['recognised', 'published'] as const;

/** Where each kind of subject lives: its table and the village it is counted in (communities are villages; a commune-wide community has none). */
const SUBJECTS: Record<SubjectKind, { table: string; village: string }> = {
  person: { table: 'people', village: 'village' },
  household: { table: 'households', village: 'village' },
  clan: { table: 'clans', village: 'NULL::text' },
  community: { table: 'communities', village: "CASE WHEN kind = 'commune' THEN NULL ELSE name END" },
  unit: { table: 'units', village: 'NULL::text' },
};

/** One row of a title's figures: an area (a village of a commune, a commune, or the whole area), and, when `title` is set, the holders of that title there. */
export interface FigureRow {
  level: 'village' | 'commune' | 'area';
  commune_code: string | null;
  village: string | null;
  /** A title held (its name as the decision's result recorded it); null for the area's counts. */
  title: string | null;
  /** Every subject of the kind in the area. */
  all: number;
  /** Subjects with a registration (not withdrawn) in a campaign of the title and year. */
  registered: number;
  assessed: number;
  recognised: number;
}

const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql.lit(x)));

/**
 * A title's figures for a year in a province (optionally one commune), in one statement: per
 * village, per commune and for the whole area, and per title held at each of those levels. A
 * subject registered in two campaigns of the title counts once.
 * @example await titleFigures(trx, { kind: 'household', title: 'learning-family', year: 2026, province: '15' })
 */
export async function titleFigures(db: Kysely<Database>, q: { kind: SubjectKind; title: string; year: number; province: string; commune?: string | null }): Promise<FigureRow[]> {
  const s = SUBJECTS[q.kind];
  const commune = q.commune ? sql`AND commune_code = ${q.commune}` : sql``;
  const rows = await sql<{ commune_code: string | null; village: string | null; title: string | null; g_commune: number; g_village: number; g_title: number; total: number; registered: number; assessed: number; recognised: number }>`
    WITH s AS (
      SELECT id, commune_code, ${sql.raw(s.village)} AS village FROM ${sql.table(s.table)} WHERE province_code = ${q.province} ${commune}
    ), r AS (
      SELECT r.subject_id, r.status,
        CASE WHEN r.status IN (${list(RECOGNISED_STATUSES)}) THEN
          (SELECT a.result -> 'titles' FROM assessments a WHERE a.registration_id = r.id AND a.kind = 'committee' ORDER BY a.assessed_at DESC, a.id DESC LIMIT 1)
        END AS titles
      FROM registrations r JOIN campaigns c ON c.id = r.campaign_id
      WHERE c.year = ${q.year} AND c.title = ${q.title} AND c.province_code = ${q.province}
        AND r.subject_kind = ${q.kind} AND r.status <> 'withdrawn'
    )
    SELECT s.commune_code, s.village, h.title,
      GROUPING(s.commune_code) AS g_commune, GROUPING(s.village) AS g_village, GROUPING(h.title) AS g_title,
      count(DISTINCT s.id) AS total,
      count(DISTINCT r.subject_id) AS registered,
      count(DISTINCT r.subject_id) FILTER (WHERE r.status IN (${list(ASSESSED_STATUSES)})) AS assessed,
      count(DISTINCT r.subject_id) FILTER (WHERE r.status IN (${list(RECOGNISED_STATUSES)})) AS recognised
    FROM s
    LEFT JOIN r ON r.subject_id = s.id
    LEFT JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(r.titles) = 'array' THEN r.titles ELSE '[]'::jsonb END) AS h(title) ON true
    GROUP BY GROUPING SETS ((s.commune_code, s.village), (s.commune_code), (), (s.commune_code, s.village, h.title), (s.commune_code, h.title), (h.title))`.execute(db);
  const out: FigureRow[] = [];
  for (const r of rows.rows) {
    // In the sets by title, the subjects that hold none come out with a null title: not a title.
    if (Number(r.g_title) === 0 && r.title === null) continue;
    const level = Number(r.g_commune) === 1 ? 'area' : Number(r.g_village) === 1 ? 'commune' : 'village';
    out.push({
      level,
      commune_code: level === 'area' ? null : r.commune_code,
      village: level === 'village' ? r.village : null,
      title: Number(r.g_title) === 0 ? r.title : null,
      all: Number(r.total),
      registered: Number(r.registered),
      assessed: Number(r.assessed),
      recognised: Number(r.recognised),
    });
  }
  return out;
}

/** A campaign of the dashboard's year. */
export interface DashboardCampaignRow {
  id: string;
  title: string;
  framework_id: string;
  province_code: string;
  commune_code: string | null;
}

/** The campaigns of a year in a province that the caller can see. */
export async function campaignsOfYear(db: Kysely<Database>, q: { year: number; province: string }): Promise<DashboardCampaignRow[]> {
  return db
    .selectFrom('campaigns')
    .select(['id', 'title', 'framework_id', 'province_code', 'commune_code'])
    .where('year', '=', q.year)
    .where('province_code', '=', q.province)
    .orderBy('title')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The names of communes by code (their latest name). */
export async function communeNames(db: Kysely<Database>, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('administrative_units').select(['code', 'name', 'valid_from']).where('level', '=', 'commune').where('code', 'in', [...codes]).orderBy('valid_from').execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** A group of an area, for the roll-ups. */
export interface AreaGroupRow {
  id: string;
  name: string;
  commune_code: string | null;
  /** Communities: village, residential-group or commune; units: their type; else null. */
  type: string | null;
}

/** The groups of a kind in a province (optionally one commune), by commune and name. */
export async function groupsOfArea(db: Kysely<Database>, q: { kind: GroupKind; province: string; commune?: string | null }): Promise<AreaGroupRow[]> {
  const type = q.kind === 'community' || q.kind === 'unit' ? sql.raw('kind') : sql.raw('NULL::text');
  const commune = q.commune ? sql`AND commune_code = ${q.commune}` : sql``;
  const rows = await sql<AreaGroupRow>`SELECT id, name, commune_code, ${type} AS type FROM ${sql.table(GROUP_TABLES[q.kind])}
    WHERE province_code = ${q.province} ${commune} ORDER BY commune_code, name_folded, id`.execute(db);
  return rows.rows;
}

/** One member of a group on a day: a person, or a household of the group's members. */
export interface GroupMemberRow {
  group_id: string;
  id: string;
  name: string | null;
}

/**
 * The members of these groups on `date`, batched: the people with a membership that holds that
 * day (by start date, then name), or — `members: 'household'` — the households those people
 * belonged to that day, each once per group (by name). A person twice in a group comes twice: the
 * caller counts ids once.
 */
export async function groupMembersOn(db: Kysely<Database>, q: { kind: GroupKind; ids: readonly string[]; members: 'person' | 'household'; date: string }): Promise<GroupMemberRow[]> {
  if (q.ids.length === 0) return [];
  const col = sql.ref(`g.${GROUP_COLUMNS[q.kind]}`);
  const ids = sql`ANY (${sql.val([...q.ids])}::uuid[])`;
  const current = (m: string) => sql`${sql.ref(`${m}.valid_from`)} <= ${q.date} AND (${sql.ref(`${m}.valid_to`)} IS NULL OR ${sql.ref(`${m}.valid_to`)} > ${q.date})`;
  if (q.members === 'person') {
    const rows = await sql<GroupMemberRow>`SELECT ${col} AS group_id, g.person_id AS id, p.full_name AS name
      FROM memberships g LEFT JOIN people p ON p.id = g.person_id
      WHERE ${col} = ${ids} AND ${current('g')}
      ORDER BY ${col}, g.valid_from, p.name_folded, g.id`.execute(db);
    return rows.rows;
  }
  const rows = await sql<GroupMemberRow>`SELECT DISTINCT ${col} AS group_id, h.id, h.name
    FROM memberships g
    JOIN memberships mh ON mh.person_id = g.person_id AND mh.household_id IS NOT NULL AND ${current('mh')}
    JOIN households h ON h.id = mh.household_id
    WHERE ${col} = ${ids} AND ${current('g')}
    ORDER BY group_id, h.name, h.id`.execute(db);
  return rows.rows;
}

/**
 * Migration 0014_dashboard: the latest committee assessment of a registration found by its id (the
 * dashboard's titles held, a group's members' results, the yearly report) instead of a scan of
 * every assessment of the locality per registration.
 */
export const DASHBOARD_MIGRATION: string[] = [`CREATE INDEX assessments_registration_idx ON assessments (registration_id, kind, assessed_at DESC, id DESC)`];
