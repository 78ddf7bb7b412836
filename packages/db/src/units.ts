/** The administrative units (provinces, communes) as loaded: a unit's name. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The latest name of a province or commune in the loaded units, or undefined. */
export async function unitName(db: Kysely<Database>, level: 'province' | 'commune', code: string): Promise<string | undefined> {
  const row = await db.selectFrom('administrative_units').select('name').where('level', '=', level).where('code', '=', code).orderBy('valid_from', 'desc').executeTakeFirst();
  return row?.name;
}
