/**
 * What a list of registrations shows beside each one (issue 11): the subject's name and the latest
 * committee result's total, maximum and titles — in two queries for a whole page, not one per row.
 */
import { sql, type Kysely } from 'kysely';
import { GROUP_TABLES } from './groups.js';
import type { Database, SubjectKind } from './schema.js';

/** A registration's subject name (null when not visible or gone) and its latest committee result (null before the review). */
export interface RegistrationSummary {
  subjectName: string | null;
  committee: { total: number; max: number | null; titles: string[]; assessedAt: Date } | null;
}

/** The summaries of these registrations (visible to the caller), by registration id. */
export async function registrationSummaries(
  db: Kysely<Database>,
  regs: readonly { id: string; subject_kind: SubjectKind; subject_id: string }[],
): Promise<Map<string, RegistrationSummary>> {
  const out = new Map<string, RegistrationSummary>();
  if (regs.length === 0) return out;
  const byKind = new Map<SubjectKind, string[]>();
  for (const r of regs) byKind.set(r.subject_kind, [...(byKind.get(r.subject_kind) ?? []), r.subject_id]);
  const names = new Map<string, string>();
  for (const [kind, ids] of byKind) {
    const table = kind === 'person' ? 'people' : GROUP_TABLES[kind];
    const col = kind === 'person' ? 'full_name' : 'name';
    const rows = await sql<{ id: string; name: string }>`SELECT id, ${sql.ref(col)} AS name FROM ${sql.table(table)} WHERE id = ANY (${sql.val(ids)}::uuid[])`.execute(db);
    for (const r of rows.rows) names.set(`${kind}:${r.id}`, r.name);
  }
  const latest = await sql<{ registration_id: string; result: Record<string, unknown> | null; assessed_at: Date }>`SELECT DISTINCT ON (registration_id) registration_id, result, assessed_at
      FROM assessments WHERE kind = 'committee' AND registration_id = ANY (${sql.val(regs.map((r) => r.id))}::uuid[])
      ORDER BY registration_id, assessed_at DESC, id DESC`.execute(db);
  const committee = new Map(latest.rows.map((r) => [r.registration_id, r]));
  for (const r of regs) {
    const c = committee.get(r.id);
    const res = c?.result;
    out.set(r.id, {
      subjectName: names.get(`${r.subject_kind}:${r.subject_id}`) ?? null,
      committee:
        c && res && typeof res['total'] === 'number'
          ? { total: res['total'], max: typeof res['max'] === 'number' ? res['max'] : null, titles: Array.isArray(res['titles']) ? (res['titles'] as unknown[]).filter((x): x is string => typeof x === 'string') : [], assessedAt: new Date(c.assessed_at) }
          : null,
    });
  }
  return out;
}
