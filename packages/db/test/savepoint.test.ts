/** `inSavepoint`: a failed row is undone alone, nested calls undo exactly their own part — both dialects. */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inSavepoint, migrateToLatest, type Database } from '../src/index.js';
import { dialects, openTestDatabase, type TestDatabase } from './harness.js';

describe.each(dialects)('inSavepoint on %s', (dialect) => {
  let t: TestDatabase;
  let db: Kysely<Database>;
  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    db = t.handle.db;
    await migrateToLatest(db);
  });
  afterAll(async () => t?.dispose());

  it('keeps the good rows, undoes a failed one, and a nested failure undoes only the inner work', async () => {
    const kept = await db.transaction().execute(async (trx) => {
      await sql`CREATE TEMP TABLE rows_t (v text) ON COMMIT DROP`.execute(trx);
      const put = (v: string) => sql`INSERT INTO rows_t VALUES (${v})`.execute(trx);
      await inSavepoint(trx, () => put('a'));
      await expect(inSavepoint(trx, async () => { await put('b'); throw new Error('row b'); })).rejects.toThrow('row b');
      // Outer keeps its own write when the inner call fails and is caught inside it.
      await inSavepoint(trx, async () => {
        await put('c');
        await inSavepoint(trx, async () => { await put('d'); throw new Error('inner'); }).catch(() => {});
      });
      // A failure after a failed inner call undoes the whole outer call, not only up to the inner savepoint.
      await expect(
        inSavepoint(trx, async () => {
          await put('e');
          await inSavepoint(trx, async () => { await put('f'); throw new Error('inner'); }).catch(() => {});
          throw new Error('outer');
        }),
      ).rejects.toThrow('outer');
      return (await sql<{ v: string }>`SELECT v FROM rows_t ORDER BY v`.execute(trx)).rows.map((r) => r.v);
    });
    expect(kept).toEqual(['a', 'c']);
  });
});
