/**
 * Test databases for both dialects, as in `@hoctap/db`'s tests: one PGlite per test file, and on
 * PostgreSQL (DATABASE_URL or postgres://postgres@127.0.0.1:5432/test) an own temporary database
 * per file. An unreachable server FAILS the leg with instructions; it is never skipped.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle, type DialectName } from '@hoctap/db';

export const dialects: DialectName[] = ['pglite', 'postgres'];
export const TEST_DATA_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const DEFAULT_TEST_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  handle: DatabaseHandle;
  dispose(): Promise<void>;
}

export async function openTestDatabase(dialect: DialectName, baseUrl = process.env['DATABASE_URL'] || DEFAULT_TEST_URL): Promise<TestDatabase> {
  if (dialect === 'pglite') {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(handle.db);
    return { handle, dispose: () => handle.close() };
  }
  const name = `hoctap_api_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL leg: cannot connect to the test server (${(error as Error).message}). This suite runs over both dialects and does not ` +
        'skip PostgreSQL: start it (`sudo pg_ctlcluster 15 main start`) or point DATABASE_URL at a server where this user may CREATE DATABASE and CREATE ROLE.',
      { cause: error },
    );
  }
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  await migrateToLatest(handle.db);
  return {
    handle,
    async dispose() {
      await handle.close();
      const c = new pg.Client({ connectionString: baseUrl });
      c.on('error', () => {});
      await c.connect();
      try {
        // Without FORCE first: terminating our own closing connections would surface as unhandled errors.
        for (let i = 0; ; i++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name}`);
            break;
          } catch (e) {
            if (i >= 20) {
              await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
              break;
            }
            void e;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}
