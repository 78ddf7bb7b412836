/** What opening a campaign checks against the campaigns already open (issue 11): the same title, year and locality. */
import type { Kysely } from 'kysely';
import type { Campaign, Database } from './schema.js';

/** The campaigns visible to the caller with this title, year, province and commune (none: the province-wide ones). */
export async function campaignsLike(db: Kysely<Database>, key: { title: string; year: number; province: string; commune: string | null }): Promise<Campaign[]> {
  return db
    .selectFrom('campaigns')
    .selectAll()
    .where('title', '=', key.title)
    .where('year', '=', key.year)
    .where('province_code', '=', key.province)
    .where((eb) => (key.commune ? eb('commune_code', '=', key.commune) : eb('commune_code', 'is', null)))
    .orderBy('created_at')
    .execute();
}
