/**
 * The public list of recognised subjects (migration `0009_public_list`): what may be published, and
 * only that — name, commune and village, title, year, the decision's number, date and signer.
 *
 * Legal basis (our reading, not legal advice): the recognition decisions are administrative decisions
 * that the communes and provinces publish (posted at the commune office, on the portal) so that the
 * community can see and question them; Decree 13/2023/NĐ-CP (personal data protection) Art. 17
 * allows processing without consent where a law provides for it and for the public interest, and
 * Art. 2/3 require the least data for the purpose. We ASSUME that publishing a recognition means
 * publishing the decision's annex (name, place, title) and nothing more; birth dates, identity
 * numbers, contacts and scores are never exposed, and only registrations in the workflow state
 * `published` (the officer's explicit publication step after the decision) appear.
 *
 * Like the credential verifier, the path needs no tenant scope and no SECURITY DEFINER function:
 * `withPublicListScope` runs a READ ONLY transaction as the role `hoctap_public`, which may SELECT
 * only the listed columns (column grants), and whose policies admit only published registrations
 * and the rows they point to, and only with `hoctap.purpose = 'public-list'`. The view
 * `public_recognitions` (security_invoker, so RLS applies to the caller) is the one query it runs.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { foldedNeedle } from './text.js';
import type { Database } from './schema.js';

/** The role of the public list: SELECT on the public columns of published recognitions only. */
export const PUBLIC_ROLE = 'hoctap_public';

const PURPOSE = `current_setting('hoctap.purpose', true) = 'public-list'`;
const PUBLISHED_REG = (kind: string, table: string) =>
  `EXISTS (SELECT 1 FROM registrations r WHERE r.subject_kind = '${kind}' AND r.subject_id = ${table}.id)`;

const GROUPS = [
  ['households', 'household', 'id, name, name_folded, village'],
  ['clans', 'clan', 'id, name, name_folded'],
  ['communities', 'community', 'id, name, name_folded'],
  ['units', 'unit', 'id, name, name_folded'],
] as const;

/** The SQL of migration `0009_public_list` (also in `migrations.ts`). */
export const PUBLIC_LIST_MIGRATION: string[] = [
  `DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${PUBLIC_ROLE}') THEN
      CREATE ROLE ${PUBLIC_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END $$`,
  // Column grants: nothing else of these tables is readable by the role, whatever the policies say.
  `GRANT SELECT (id, campaign_id, subject_kind, subject_id, status, province_code, commune_code) ON registrations TO ${PUBLIC_ROLE}`,
  `GRANT SELECT (decision_id, registration_id) ON decision_subjects TO ${PUBLIC_ROLE}`,
  `GRANT SELECT (id, number, decided_on, signer) ON decisions TO ${PUBLIC_ROLE}`,
  `GRANT SELECT (id, title, year) ON campaigns TO ${PUBLIC_ROLE}`,
  `GRANT SELECT (id, full_name, name_folded, village) ON people TO ${PUBLIC_ROLE}`,
  ...GROUPS.map(([t, , cols]) => `GRANT SELECT (${cols}) ON ${t} TO ${PUBLIC_ROLE}`),
  `GRANT SELECT (code, level, name, valid_from) ON administrative_units TO ${PUBLIC_ROLE}`,
  // Row policies for the role: published registrations, and only the rows they reach.
  `CREATE POLICY registrations_public ON registrations FOR SELECT TO ${PUBLIC_ROLE} USING (${PURPOSE} AND status = 'published')`,
  `CREATE POLICY decision_subjects_public ON decision_subjects FOR SELECT TO ${PUBLIC_ROLE}
    USING (${PURPOSE} AND EXISTS (SELECT 1 FROM registrations r WHERE r.id = decision_subjects.registration_id))`,
  `CREATE POLICY decisions_public ON decisions FOR SELECT TO ${PUBLIC_ROLE}
    USING (${PURPOSE} AND EXISTS (SELECT 1 FROM decision_subjects ds WHERE ds.decision_id = decisions.id))`,
  `CREATE POLICY campaigns_public ON campaigns FOR SELECT TO ${PUBLIC_ROLE}
    USING (${PURPOSE} AND EXISTS (SELECT 1 FROM registrations r WHERE r.campaign_id = campaigns.id))`,
  `CREATE POLICY people_public ON people FOR SELECT TO ${PUBLIC_ROLE} USING (${PURPOSE} AND ${PUBLISHED_REG('person', 'people')})`,
  ...GROUPS.map(([t, kind]) => `CREATE POLICY ${t}_public ON ${t} FOR SELECT TO ${PUBLIC_ROLE} USING (${PURPOSE} AND ${PUBLISHED_REG(kind, t)})`),
  // The one query of the public path. security_invoker: the caller's grants and policies apply.
  `CREATE VIEW public_recognitions WITH (security_invoker = true) AS
    SELECT r.province_code, r.commune_code,
      (SELECT u.name FROM administrative_units u WHERE u.level = 'province' AND u.code = r.province_code ORDER BY u.valid_from DESC LIMIT 1) AS province_name,
      (SELECT u.name FROM administrative_units u WHERE u.level = 'commune' AND u.code = r.commune_code ORDER BY u.valid_from DESC LIMIT 1) AS commune_name,
      r.subject_kind,
      coalesce(p.full_name, h.name, cl.name, co.name, un.name) AS name,
      coalesce(p.name_folded, h.name_folded, cl.name_folded, co.name_folded, un.name_folded) AS name_folded,
      coalesce(p.village, h.village) AS village,
      c.title, c.year,
      d.number AS decision_number, d.decided_on, d.signer
    FROM registrations r
    JOIN decision_subjects ds ON ds.registration_id = r.id
    JOIN decisions d ON d.id = ds.decision_id
    JOIN campaigns c ON c.id = r.campaign_id
    LEFT JOIN people p ON r.subject_kind = 'person' AND p.id = r.subject_id
    LEFT JOIN households h ON r.subject_kind = 'household' AND h.id = r.subject_id
    LEFT JOIN clans cl ON r.subject_kind = 'clan' AND cl.id = r.subject_id
    LEFT JOIN communities co ON r.subject_kind = 'community' AND co.id = r.subject_id
    LEFT JOIN units un ON r.subject_kind = 'unit' AND un.id = r.subject_id
    WHERE r.status = 'published'`,
  `GRANT SELECT ON public_recognitions TO ${PUBLIC_ROLE}`,
];

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Runs `fn` in the public-list scope: READ ONLY, as `hoctap_public`, with `hoctap.purpose =
 * 'public-list'` and no tenant scope (every tenant policy fails closed).
 */
export async function withPublicListScope<T>(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<T>, options: { role?: string | false } = {}): Promise<T> {
  const role = options.role ?? PUBLIC_ROLE;
  if (role !== false && !/^[a-z_][a-z0-9_]*$/.test(role)) throw new RangeError(`Invalid role name: ${role}`);
  return db.transaction().execute(async (trx) => {
    await sql`SET TRANSACTION READ ONLY`.execute(trx);
    await sql`SELECT set_config('hoctap.role', '', true), set_config('hoctap.province', '', true),
      set_config('hoctap.communes', '', true), set_config('hoctap.purpose', 'public-list', true)`.execute(trx);
    if (role !== false) await sql.raw(`SET LOCAL ROLE ${role}`).execute(trx);
    return fn(trx);
  });
}

/** One published recognition, as the public may see it. */
export interface PublicRecognition {
  name: string;
  subjectKind: string;
  province: { code: string; name: string | null };
  commune: { code: string; name: string } | null;
  village: string | null;
  title: string;
  year: number;
  decision: { number: string; date: string; signer: string };
}

export interface PublicListFilter {
  province?: string;
  commune?: string;
  year?: number;
  title?: string;
  /** Name search, diacritics- and case-insensitive. */
  q?: string;
  offset?: number;
  limit?: number;
}

const iso = (d: unknown): string => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

/**
 * Published recognitions matching the filter, ordered by year (newest), province, commune, name;
 * with the total. Run inside {@link withPublicListScope}.
 */
export async function listPublicRecognitions(db: Db, f: PublicListFilter): Promise<{ total: number; items: PublicRecognition[] }> {
  let q = sql`SELECT * FROM public_recognitions WHERE true`;
  if (f.province) q = sql`${q} AND province_code = ${f.province}`;
  if (f.commune) q = sql`${q} AND commune_code = ${f.commune}`;
  if (f.year !== undefined) q = sql`${q} AND year = ${f.year}`;
  if (f.title) q = sql`${q} AND title = ${f.title}`;
  const needle = f.q ? foldedNeedle(f.q) : '';
  if (needle) q = sql`${q} AND name_folded LIKE ${`%${needle}%`}`;
  const total = await sql<{ n: string | number }>`SELECT count(*) AS n FROM (${q}) t`.execute(db);
  const rows = await sql<{
    province_code: string;
    commune_code: string | null;
    province_name: string | null;
    commune_name: string | null;
    subject_kind: string;
    name: string;
    village: string | null;
    title: string;
    year: number;
    decision_number: string;
    decided_on: unknown;
    signer: string;
  }>`${q} ORDER BY year DESC, province_code, commune_code NULLS FIRST, vi_sort_key(name) COLLATE "C", decision_number LIMIT ${f.limit ?? 50} OFFSET ${f.offset ?? 0}`.execute(db);
  return {
    total: Number(total.rows[0]?.n ?? 0),
    items: rows.rows.map((r) => ({
      name: r.name,
      subjectKind: r.subject_kind,
      province: { code: r.province_code, name: r.province_name },
      commune: r.commune_code ? { code: r.commune_code, name: r.commune_name ?? r.commune_code } : null,
      village: r.village,
      title: r.title,
      year: Number(r.year),
      decision: { number: r.decision_number, date: iso(r.decided_on), signer: r.signer },
    })),
  };
}

/** What the public list can be filtered by: its years, titles, provinces and communes. */
export interface PublicListFacets {
  years: number[];
  titles: string[];
  provinces: { code: string; name: string | null }[];
  communes: { code: string; name: string | null; province: string }[];
}

/** The facets of every published recognition. Run inside {@link withPublicListScope}. */
export async function publicListFacets(db: Db): Promise<PublicListFacets> {
  const years = await sql<{ year: number }>`SELECT DISTINCT year FROM public_recognitions ORDER BY year DESC`.execute(db);
  const titles = await sql<{ title: string }>`SELECT DISTINCT title FROM public_recognitions ORDER BY title`.execute(db);
  const provinces = await sql<{ code: string; name: string | null }>`SELECT DISTINCT province_code AS code, province_name AS name FROM public_recognitions ORDER BY code`.execute(db);
  const communes = await sql<{ code: string; name: string | null; province: string }>`SELECT DISTINCT commune_code AS code, commune_name AS name, province_code AS province
    FROM public_recognitions WHERE commune_code IS NOT NULL ORDER BY code`.execute(db);
  return { years: years.rows.map((x) => Number(x.year)), titles: titles.rows.map((x) => x.title), provinces: provinces.rows, communes: communes.rows };
}
