/**
 * Test databases for both dialects. One database per test file and dialect (a PGlite instance
 * costs seconds and ~0.8 GB): tests reset it with `truncateAllTables`, never open a new one.
 * PostgreSQL: each file creates and drops its own `hoctap_test_<random>` database on the server at
 * DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test). An unreachable server FAILS the
 * leg (locally and in CI) with a message saying how to start it; it is never skipped.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type DialectName } from '../src/index.js';

export const dialects: DialectName[] = ['pglite', 'postgres'];

export const DEFAULT_TEST_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** A test data key (32 bytes, hex): never a real one. */
export const TEST_DATA_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Milliseconds to open (PGlite start-up, or connect to a fresh PostgreSQL database). */
  openMs: number;
  /** PostgreSQL only: the URL of the test database. */
  url?: string;
  dispose(): Promise<void>;
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

export async function openTestDatabase(dialect: DialectName, baseUrl = process.env['DATABASE_URL'] || DEFAULT_TEST_URL): Promise<TestDatabase> {
  if (dialect === 'pglite') {
    const started = performance.now();
    const handle = await openDatabase({ dataDir: 'memory://' });
    return { handle, openMs: performance.now() - started, dispose: () => handle.close() };
  }
  const name = `hoctap_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL leg: cannot connect to ${redact(baseUrl)} (${(error as Error).message}). ` +
        'This suite runs over both dialects and does not skip PostgreSQL. Start it ' +
        '(`sudo pg_ctlcluster 15 main start` or `sudo service postgresql start`) or point DATABASE_URL at a ' +
        'server where this user may CREATE DATABASE and CREATE ROLE.',
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
  const started = performance.now();
  const handle = await openDatabase({ url: url.toString() });
  const openMs = performance.now() - started;
  return {
    handle,
    openMs,
    url: url.toString(),
    async dispose() {
      await handle.close();
      const c = new pg.Client({ connectionString: baseUrl });
      c.on('error', () => {});
      await c.connect();
      try {
        // Without FORCE first: terminating connections that are still closing (ours, or a test's
        // own clients) surfaces as unhandled errors in those clients.
        for (let i = 0; ; i++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name}`);
            break;
          } catch {
            if (i >= 30) {
              await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
              break;
            }
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}
