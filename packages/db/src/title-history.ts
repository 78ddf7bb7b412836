/**
 * The titles a subject was recognised for, year by year, from the stored decisions: what the
 * engine's multi-year titles ("3 năm liền", "tiêu biểu") read as the subject's history, and the
 * 1-, 3- and 5-year registers (sổ theo dõi, Yên Bái KH 86/KH-UBND 2016). A year counts when the
 * subject's registration in a campaign of the same title was recognised by a decision and stays so:
 * registration still `recognised` or `published` (a withdrawn or otherwise moved one does not
 * count) and its credential of that decision not revoked. Run inside `withScope`: row-level security
 * applies. Migration `0013_title_history` indexes registrations by subject for these lookups.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, SubjectKind } from './schema.js';

/** The SQL of migration `0013_title_history` (also in `migrations.ts`). */
export const TITLE_HISTORY_MIGRATION: string[] = [`CREATE INDEX registrations_subject_idx ON registrations (subject_kind, subject_id)`];

/** The registration states in which a decision's recognition still holds. */
export const HOLDING_STATUSES = ['recognised', 'published'] as const;

/** Recognitions that still hold, one row per registration and decision (the shared part of both queries). */
const HELD = sql`SELECT r.id AS registration_id, r.subject_kind, r.subject_id, r.province_code, r.commune_code, c.id AS campaign_id, c.year, c.framework_id,
      d.id AS decision_id, d.number AS decision_number, d.decided_on
    FROM registrations r
    JOIN campaigns c ON c.id = r.campaign_id
    JOIN decision_subjects ds ON ds.registration_id = r.id
    JOIN decisions d ON d.id = ds.decision_id
    WHERE r.status IN ('recognised', 'published')
      AND NOT EXISTS (SELECT 1 FROM credentials cr WHERE cr.registration_id = r.id AND cr.decision_id = d.id AND cr.revoked_at IS NOT NULL)`;

/** One recognised year of a subject: the registration, the decision, the titles of its latest committee result. */
export interface TitleHistoryRow {
  subject_id: string;
  year: number;
  registration_id: string;
  framework_id: string;
  decision_number: string;
  decided_on: string;
  /** Title names as the committee's result stored them (the framework's wording of that year). */
  titles: string[];
}

/**
 * The recognitions that still hold of these subjects in campaigns of `title`, in the years
 * `fromYear`–`toYear` (inclusive), ordered by subject and year. One query for any number of subjects
 * (an assessment asks for one, the recompute job for a chunk).
 */
export async function titleHistory(
  db: Kysely<Database>,
  q: { kind: SubjectKind; ids: readonly string[]; title: string; fromYear: number; toYear: number },
): Promise<TitleHistoryRow[]> {
  if (q.ids.length === 0 || q.fromYear > q.toYear) return [];
  const rows = await sql<Omit<TitleHistoryRow, 'titles'> & { titles: unknown }>`SELECT h.subject_id, h.year, h.registration_id, h.framework_id, h.decision_number, h.decided_on,
      (SELECT a.result -> 'titles' FROM assessments a WHERE a.registration_id = h.registration_id AND a.kind = 'committee' ORDER BY a.assessed_at DESC, a.id DESC LIMIT 1) AS titles
    FROM (${HELD}) h
    JOIN campaigns c ON c.id = h.campaign_id
    WHERE h.subject_kind = ${q.kind} AND h.subject_id = ANY (${sql.val([...q.ids])}::uuid[])
      AND c.title = ${q.title} AND h.year BETWEEN ${q.fromYear} AND ${q.toYear}
    ORDER BY h.subject_id, h.year, h.decided_on, h.registration_id`.execute(db);
  return rows.rows.map((r) => ({ ...r, titles: Array.isArray(r.titles) ? r.titles.filter((x): x is string => typeof x === 'string') : [] }));
}

/**
 * A subject's name, village, commune name and (for a group) its head on `date`, from rows `n` with
 * `subject_kind`, `subject_id` and `commune_code`; with {@link SUBJECT_JOINS}.
 */
const subjectColumns = (date: string) => sql`coalesce(p.full_name, hh.name, cl.name, co.name, un.name) AS name,
      coalesce(p.village, hh.village) AS village,
      (SELECT u.name FROM administrative_units u WHERE u.level = 'commune' AND u.code = n.commune_code ORDER BY u.valid_from DESC LIMIT 1) AS commune_name,
      (SELECT hp.full_name FROM memberships m JOIN people hp ON hp.id = m.person_id
        WHERE m.role = 'head' AND m.valid_from <= ${date} AND (m.valid_to IS NULL OR m.valid_to > ${date})
          AND ((n.subject_kind = 'household' AND m.household_id = n.subject_id) OR (n.subject_kind = 'clan' AND m.clan_id = n.subject_id)
            OR (n.subject_kind = 'community' AND m.community_id = n.subject_id) OR (n.subject_kind = 'unit' AND m.unit_id = n.subject_id))
        ORDER BY m.valid_from DESC, m.id LIMIT 1) AS representative`;
const SUBJECT_JOINS = sql`LEFT JOIN people p ON n.subject_kind = 'person' AND p.id = n.subject_id
    LEFT JOIN households hh ON n.subject_kind = 'household' AND hh.id = n.subject_id
    LEFT JOIN clans cl ON n.subject_kind = 'clan' AND cl.id = n.subject_id
    LEFT JOIN communities co ON n.subject_kind = 'community' AND co.id = n.subject_id
    LEFT JOIN units un ON n.subject_kind = 'unit' AND un.id = n.subject_id`;

/** One subject of a register: who, where, its representative, the years it held the title, this year's decision. */
export interface RegisterRow {
  subject_kind: SubjectKind;
  subject_id: string;
  registration_id: string;
  name: string | null;
  village: string | null;
  province_code: string;
  commune_code: string | null;
  commune_name: string | null;
  /** A group's head (role `head`) on the register's last day; null for a person or a group without one. */
  representative: string | null;
  /** Every year up to the register's in which the title held (ascending). */
  years: number[];
  decision_number: string;
  decided_on: string;
}

/**
 * A register: the subjects recognised for `title` in `year` in the locality (its registration's
 * province and, when given, one of `communes`), of `kind` when given, that held the title in each of
 * the `span` years ending with `year` (1: this year; 3: "đạt 3 năm liên tục" year-2…year; 5 likewise).
 * Every matching row, unsorted (the caller sorts by Vietnamese names and pages); `representative`
 * read on `${year}-12-31`.
 */
export async function titleRegister(
  db: Kysely<Database>,
  q: { title: string; year: number; span: number; province: string; communes?: readonly string[] | undefined; kind?: SubjectKind | undefined },
): Promise<RegisterRow[]> {
  const date = `${q.year}-12-31`;
  const communes = q.communes ? sql`AND n.commune_code = ANY (${sql.val([...q.communes])}::text[])` : sql``;
  const kind = q.kind ? sql`AND h.subject_kind = ${q.kind}` : sql``;
  const rows = await sql<RegisterRow & { years: unknown }>`WITH held AS (
      SELECT h.* FROM (${HELD}) h JOIN campaigns c ON c.id = h.campaign_id
      WHERE c.title = ${q.title} AND h.year <= ${q.year} ${kind}
    ), this_year AS (
      SELECT DISTINCT ON (n.subject_kind, n.subject_id) n.* FROM held n
      WHERE n.year = ${q.year} AND n.province_code = ${q.province} ${communes}
      ORDER BY n.subject_kind, n.subject_id, n.decided_on DESC, n.registration_id
    )
    SELECT n.subject_kind, n.subject_id, n.registration_id, n.province_code, n.commune_code, n.decision_number, n.decided_on, ${subjectColumns(date)},
      (SELECT jsonb_agg(DISTINCT y.year ORDER BY y.year) FROM held y WHERE y.subject_kind = n.subject_kind AND y.subject_id = n.subject_id) AS years
    FROM this_year n ${SUBJECT_JOINS}
    WHERE (SELECT count(DISTINCT y.year) FROM held y WHERE y.subject_kind = n.subject_kind AND y.subject_id = n.subject_id AND y.year > ${q.year - q.span}) = ${q.span}`.execute(db);
  return rows.rows.map((r) => ({ ...r, years: Array.isArray(r.years) ? r.years.map(Number) : [] }));
}

/** A campaign's registration as the yearly report lists it: who, where, representative, state, the committee's total and titles. */
export interface CampaignSubjectRow {
  registration_id: string;
  subject_kind: SubjectKind;
  subject_id: string;
  status: string;
  name: string | null;
  village: string | null;
  commune_code: string | null;
  commune_name: string | null;
  representative: string | null;
  total: number | null;
  titles: string[];
  /** Its credential was revoked (the recognition no longer holds). */
  revoked: boolean;
}

/** Every registration of a campaign but the withdrawn, with what the yearly report prints of it (representative on `date`). */
export async function campaignSubjects(db: Kysely<Database>, campaignId: string, date: string): Promise<CampaignSubjectRow[]> {
  const rows = await sql<Omit<CampaignSubjectRow, 'titles' | 'total'> & { titles: unknown; total: unknown }>`SELECT n.id AS registration_id, n.subject_kind, n.subject_id, n.status, n.commune_code, ${subjectColumns(date)},
      (SELECT a.result -> 'total' FROM assessments a WHERE a.registration_id = n.id AND a.kind = 'committee' ORDER BY a.assessed_at DESC, a.id DESC LIMIT 1) AS total,
      (SELECT a.result -> 'titles' FROM assessments a WHERE a.registration_id = n.id AND a.kind = 'committee' ORDER BY a.assessed_at DESC, a.id DESC LIMIT 1) AS titles,
      EXISTS (SELECT 1 FROM credentials cr WHERE cr.registration_id = n.id AND cr.revoked_at IS NOT NULL) AS revoked
    FROM registrations n ${SUBJECT_JOINS}
    WHERE n.campaign_id = ${campaignId} AND n.status <> 'withdrawn'
    ORDER BY n.id`.execute(db);
  return rows.rows.map((r) => ({
    ...r,
    total: typeof r.total === 'number' ? r.total : r.total == null ? null : Number(r.total),
    titles: Array.isArray(r.titles) ? r.titles.filter((x): x is string => typeof x === 'string') : [],
  }));
}

/**
 * The later campaigns (after `afterYear`, of the same title) in which a subject is registered and
 * assessed — those whose results may have counted a recognition that was just revoked.
 */
export async function laterCampaignsOfSubject(db: Kysely<Database>, q: { kind: SubjectKind; id: string; title: string; afterYear: number }): Promise<{ campaign_id: string; year: number; framework_id: string }[]> {
  const rows = await sql<{ campaign_id: string; year: number; framework_id: string }>`SELECT DISTINCT c.id AS campaign_id, c.year, c.framework_id
    FROM registrations r JOIN campaigns c ON c.id = r.campaign_id
    WHERE r.subject_kind = ${q.kind} AND r.subject_id = ${q.id} AND c.title = ${q.title} AND c.year > ${q.afterYear}
      AND r.status NOT IN ('registered', 'withdrawn')
    ORDER BY c.year, c.id`.execute(db);
  return rows.rows;
}

/** The registration's subject, campaign title and year (the one a credential was issued for). */
export async function registrationTitleYear(db: Kysely<Database>, registrationId: string): Promise<{ subject_kind: SubjectKind; subject_id: string; title: string; year: number } | undefined> {
  const rows = await sql<{ subject_kind: SubjectKind; subject_id: string; title: string; year: number }>`SELECT r.subject_kind, r.subject_id, c.title, c.year
    FROM registrations r JOIN campaigns c ON c.id = r.campaign_id WHERE r.id = ${registrationId}`.execute(db);
  return rows.rows[0];
}
