/** One row of a batch in its own savepoint: a failed row is undone alone, the batch goes on. */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Runs `work` inside a savepoint of the open transaction `trx`: on success the savepoint is
 * released and the value returned; on failure what `work` wrote is rolled back to the savepoint
 * and the error is thrown again (the transaction stays usable for the next row). Calls may nest.
 * @example const reg = await inSavepoint(trx, () => registerPerson(…)).catch((e) => report(row, e));
 */
export async function inSavepoint<T>(trx: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  await sql.raw('SAVEPOINT hoctap_row').execute(trx);
  let value: T;
  try {
    value = await work();
  } catch (error) {
    // Rolled back, then released: a savepoint of the same name further out (a nested call) is the current one again.
    await sql.raw('ROLLBACK TO SAVEPOINT hoctap_row').execute(trx);
    await sql.raw('RELEASE SAVEPOINT hoctap_row').execute(trx);
    throw error;
  }
  await sql.raw('RELEASE SAVEPOINT hoctap_row').execute(trx);
  return value;
}
