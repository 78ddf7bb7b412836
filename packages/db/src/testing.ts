/**
 * `@hoctap/db/testing` — test databases for both dialects, for this package's tests and for every
 * package above it (API, server, plugins). PGlite: one in-memory instance per call. PostgreSQL
 * (`DATABASE_URL`, default postgres://postgres@127.0.0.1:5432/test): a temporary database of its own,
 * dropped afterwards. An unreachable server FAILS with instructions; a leg is never skipped.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest } from './migrations.js';
import { openDatabase, type DatabaseHandle, type DialectName } from './open.js';

export const dialects: DialectName[] = ['pglite', 'postgres'];

export const DEFAULT_TEST_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** A test data key (32 bytes, hex): never a real one. */
export const TEST_DATA_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

/** The PostgreSQL server tests use: `DATABASE_URL`, else the local default. */
export const testServerUrl = (): string => process.env['DATABASE_URL'] || DEFAULT_TEST_URL;

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** A temporary PostgreSQL database on the test server: its URL, and `drop()`. */
export interface TempPostgres {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates `<prefix>_<random>` on the server at `baseUrl` (the user needs CREATEDB).
 * @example const tmp = await createTempPostgres('hoctap_server'); … await tmp.drop();
 */
export async function createTempPostgres(prefix = 'hoctap_test', baseUrl = testServerUrl()): Promise<TempPostgres> {
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new RangeError(`Invalid database name prefix: ${prefix}`);
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
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
  return {
    url: url.toString(),
    async drop() {
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

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Milliseconds to open (PGlite start-up, or connect to a fresh PostgreSQL database). */
  openMs: number;
  /** PostgreSQL only: the URL of the test database. */
  url?: string;
  dispose(): Promise<void>;
}

/**
 * Opens a fresh test database of `dialect`; `migrate: true` brings it to the latest migration.
 * One per test file and dialect (a PGlite instance costs seconds and ~0.8 GB): reset it between
 * tests with `truncateAllTables`, do not open another.
 */
export async function openTestDatabase(dialect: DialectName, options: { baseUrl?: string; migrate?: boolean } = {}): Promise<TestDatabase> {
  const started = performance.now();
  if (dialect === 'pglite') {
    const handle = await openDatabase({ dataDir: 'memory://' });
    const openMs = performance.now() - started;
    if (options.migrate) await migrateToLatest(handle.db);
    return { handle, openMs, dispose: () => handle.close() };
  }
  const tmp = await createTempPostgres('hoctap_test', options.baseUrl ?? testServerUrl());
  const opened = performance.now();
  const handle = await openDatabase({ url: tmp.url });
  const openMs = performance.now() - opened;
  if (options.migrate) await migrateToLatest(handle.db);
  return {
    handle,
    openMs,
    url: tmp.url,
    async dispose() {
      await handle.close();
      await tmp.drop();
    },
  };
}
