/** The list of decisions a caller may see (issue 11): newest first, with the campaign and the recognised registrations. */
import { sql, type Kysely } from 'kysely';
import type { Database, Decision } from './schema.js';

/** A listed decision: the row, its campaign's title and year, the registrations it recognised (sorted) and their credentials. */
export interface DecisionListItem extends Decision {
  title: string;
  /** The campaign's name (migration 0012). */
  campaign_name: string;
  year: number;
  recognised: string[];
  /** The credential issued for each recognised registration, and when it was revoked (null while valid). */
  credentials: { registrationId: string; id: string; revokedAt: Date | null }[];
}

/** A page of decisions visible to the caller (row-level security applies), optionally of one campaign, with the total. */
export async function listDecisions(db: Kysely<Database>, options: { campaignId?: string; limit: number; offset: number }): Promise<{ items: DecisionListItem[]; total: number }> {
  let q = db.selectFrom('decisions').innerJoin('campaigns', 'campaigns.id', 'decisions.campaign_id');
  if (options.campaignId) q = q.where('decisions.campaign_id', '=', options.campaignId);
  const { n } = await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll('decisions')
    .select(['campaigns.title', 'campaigns.name as campaign_name', 'campaigns.year'])
    .orderBy('decisions.decided_on', 'desc')
    .orderBy('decisions.created_at', 'desc')
    .orderBy('decisions.id')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  const ids = rows.map((r) => r.id);
  const subjects = ids.length
    ? await db.selectFrom('decision_subjects').select(['decision_id', 'registration_id']).where('decision_id', 'in', ids).orderBy('registration_id').execute()
    : [];
  const creds = ids.length
    ? await db.selectFrom('credentials').select(['decision_id', 'registration_id', 'id', 'revoked_at']).where('decision_id', 'in', ids).orderBy('registration_id').execute()
    : [];
  const of = new Map<string, string[]>();
  for (const s of subjects) of.set(s.decision_id, [...(of.get(s.decision_id) ?? []), s.registration_id]);
  const credOf = new Map<string, DecisionListItem['credentials']>();
  for (const c of creds) credOf.set(c.decision_id, [...(credOf.get(c.decision_id) ?? []), { registrationId: c.registration_id, id: c.id, revokedAt: c.revoked_at }]);
  return { items: rows.map((r) => ({ ...r, recognised: of.get(r.id) ?? [], credentials: credOf.get(r.id) ?? [] })), total: Number(n) };
}
