/** What opening a campaign checks against the campaigns already open and the administrative units (issue 11). */
import { sql, type Kysely } from 'kysely';
import type { Campaign, Database } from './schema.js';

/**
 * The campaigns visible to the caller with this title and year in the same locality: in the
 * province, and covering one of `communes`; with no communes, the other province-wide campaigns (a
 * province's own campaign, e.g. of its agencies' staff, and its communes' are different localities).
 * Oldest first.
 */
export async function campaignsLike(db: Kysely<Database>, key: { title: string; year: number; province: string; communes: readonly string[] }): Promise<Campaign[]> {
  return db
    .selectFrom('campaigns')
    .selectAll()
    .where('title', '=', key.title)
    .where('year', '=', key.year)
    .where('province_code', '=', key.province)
    .where((eb) =>
      key.communes.length === 0
        ? eb.and([eb('commune_code', 'is', null), eb(sql<number>`cardinality(communes)`, '=', 0)])
        : eb.or([eb('commune_code', 'in', [...key.communes]), eb(sql<boolean>`communes && ${sql.val([...key.communes])}::text[]`, '=', true)]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * Of these commune codes, the province each is filed under in the administrative units (the latest
 * version of each), and whether the units are loaded at all (no commune on record).
 */
export async function communesOfUnits(db: Kysely<Database>, codes: readonly string[]): Promise<{ loaded: boolean; provinces: Map<string, string | null> }> {
  const any = await db.selectFrom('administrative_units').select('code').where('level', '=', 'commune').limit(1).executeTakeFirst();
  if (!any || codes.length === 0) return { loaded: !!any, provinces: new Map() };
  const rows = await db
    .selectFrom('administrative_units')
    .select(['code', 'province_code'])
    .where('level', '=', 'commune')
    .where('code', 'in', [...codes])
    .orderBy('code')
    .orderBy('valid_from')
    .execute();
  return { loaded: true, provinces: new Map(rows.map((r) => [r.code, r.province_code])) };
}
