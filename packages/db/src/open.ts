/** Opening the database: embedded PGlite on a data directory, or PostgreSQL by connection string — one code path above. */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './schema.js';
import { typeParsers } from './parsers.js';

/** Which engine is behind a handle. */
export type DialectName = 'pglite' | 'postgres';

/** Where the data lives. */
export interface OpenOptions {
  /** A PostgreSQL connection string (DATABASE_URL, read by the caller). When given, PostgreSQL is used. */
  url?: string;
  /** PGlite data directory (default `./.hoctap-data/pglite`); `memory://` for an in-memory database. */
  dataDir?: string;
  /** PGlite only: start from a dump made by `dumpDataDir()` (a migrated snapshot, for tests). */
  loadDataDir?: Blob | File;
  /** PostgreSQL only: pool size (default 10). */
  maxConnections?: number;
}

/** An open database. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The PGlite instance when `dialect === 'pglite'` (for `dumpDataDir`). */
  pglite?: PGlite;
  close(): Promise<void>;
}

/** The default PGlite data directory, relative to the working directory (git-ignored). */
export const DEFAULT_DATA_DIR = './.hoctap-data/pglite';

/**
 * Opens the database: PostgreSQL when `url` is given, otherwise embedded PGlite.
 * @example const { db, close } = await openDatabase({ url: process.env.DATABASE_URL });
 */
export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          (format ?? 'text') === 'text' && typeParsers[oid] ? typeParsers[oid] : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // Fail at open, not at first query, when the server is unreachable.
    const client = await pool.connect().catch(async (error: unknown) => {
      await pool.end().catch(() => {});
      throw error;
    });
    client.release();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      async close() {
        await db.destroy();
        // destroy() only ends the pool if Kysely used it.
        if (!pool.ended) await pool.end();
      },
    };
  }

  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  if (dataDir !== 'memory://' && !dataDir.includes('://')) {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dataDir, { recursive: true });
  }
  const pglite = await PGlite.create({
    dataDir,
    parsers: typeParsers,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    dialect: 'pglite',
    pglite,
    async close() {
      await db.destroy();
      // The dialect closes PGlite on destroy, but only if Kysely ever used it.
      if (!pglite.closed) await pglite.close();
    },
  };
}
