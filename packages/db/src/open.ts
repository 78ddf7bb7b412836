/** Opening the database: embedded PGlite on a data directory, or PostgreSQL by connection string — one code path above. */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { createHash } from 'node:crypto';
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

/**
 * A pg client that sends parameterised statements as named prepared statements (the name is a
 * hash of the text), so PostgreSQL parses each statement once per connection and can keep its plan:
 * Kysely sends every query unnamed, which made parsing and planning cost more than executing.
 * At most {@link MAX_PREPARED} statements are prepared per connection (statements built with
 * variable-length lists have many texts); the rest are sent unnamed as before. Statements without
 * parameters (BEGIN, COMMIT, DDL, several statements in one string) are always sent unnamed, and a
 * transaction's `begin` travels with its first statement when that has no parameters.
 */
/** Statement names by text, so a hot statement is not hashed on every run (bounded: texts built from variable-length lists are many). */
const NAMES = new Map<string, string>();
function statementName(text: string): string {
  let name = NAMES.get(text);
  if (name === undefined) {
    if (NAMES.size >= 10_000) NAMES.clear();
    name = `hoctap_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    NAMES.set(text, name);
  }
  return name;
}

class PreparingClient extends pg.Client {
  #prepared = new Set<string>();
  /** A `begin` not sent yet: it goes out with the next statement when that has no parameters. */
  #begin = false;
  override query(config: unknown, values?: unknown, callback?: unknown): never {
    const plain = typeof config === 'string' && (values === undefined || (Array.isArray(values) && values.length === 0)) && typeof callback !== 'function';
    if (plain && config === 'begin' && !this.#begin) {
      this.#begin = true;
      return Promise.resolve(BEGIN_RESULT) as never;
    }
    if (this.#begin) {
      this.#begin = false;
      const send = super.query.bind(this) as (c: unknown, v?: unknown, cb?: unknown) => Promise<unknown>;
      // One round trip for `begin` and a statement without parameters (e.g. withScope's settings):
      // a simple query of two statements, the second not run if the first fails.
      if (plain) return send(`begin; ${config as string}`).then((r) => (Array.isArray(r) ? r[r.length - 1] : r)) as never;
      return send('begin').then(() => this.query(config, values, callback)) as never;
    }
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0 && typeof callback !== 'function') {
      const name = statementName(config);
      if (this.#prepared.has(name) || this.#prepared.size < MAX_PREPARED) {
        this.#prepared.add(name);
        return (super.query as (c: unknown) => never)({ name, text: config, values });
      }
    }
    return (super.query as (c: unknown, v?: unknown, cb?: unknown) => never)(config, values, callback);
  }
}

const BEGIN_RESULT = { command: 'BEGIN', rowCount: null, rows: [], fields: [] };

/** Prepared statements kept per PostgreSQL connection. */
const MAX_PREPARED = 300;

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
      Client: PreparingClient,
      connectionString: options.url,
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
