/** Opening the database: embedded PGlite on a data directory, or PostgreSQL by connection string — one code path above. */
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './schema.js';
import { typeParsers } from './parsers.js';
import { PipelinedPostgresDialect } from './pg-driver.js';

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
  /**
   * PostgreSQL only, for a long-running server: open all `maxConnections` now and keep them open
   * (by default a connection idle for 10 s is closed). A connection opened during a burst costs a
   * backend start and cold catalog caches, and its statements are prepared again: stalls of
   * 40–200 ms under load (bench/RESULTS-api.md).
   */
  keepConnections?: boolean;
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
    const max = options.maxConnections ?? 10;
    const pool = new pg.Pool({
      connectionString: options.url,
      // pg's pipeline mode: a statement is written without waiting for the previous one's answer (pg-driver.ts).
      pipeline: true,
      max,
      ...(options.keepConnections ? { min: max } : {}),
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          (format ?? 'text') === 'text' && typeParsers[oid] ? typeParsers[oid] : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // Fail at open, not at first query, when the server is unreachable.
    const clients = await Promise.all(Array.from({ length: options.keepConnections ? max : 1 }, () => pool.connect())).catch(async (error: unknown) => {
      await pool.end().catch(() => {});
      throw error;
    });
    for (const client of clients) client.release();
    const db = new Kysely<Database>({ dialect: new PipelinedPostgresDialect(pool) });
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
