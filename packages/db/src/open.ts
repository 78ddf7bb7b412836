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

/** The marker of withScope's settings statement: its result is not read, so it may travel with the next one. */
export const SCOPE_SETTINGS_MARKER = '/* hoctap:scope */';

/** A statement with parameters sent after statements without (each parsed, bound, described and run), all before one Sync: one round trip. */
class PipelinedQuery extends (pg.Query as unknown as new (config: unknown) => { prepare(connection: unknown): void; callback?: (err: Error | null, res: unknown) => void }) {
  constructor(
    private readonly before: readonly string[],
    config: { name?: string; text: string; values: unknown[] },
  ) {
    super(config);
  }
  override prepare(connection: PgConnection): void {
    for (const text of this.before) {
      connection.parse({ text, name: '' });
      connection.bind({ statement: '', portal: '', values: [] });
      connection.describe({ type: 'P', name: '' });
      connection.execute({ portal: '', rows: 0 });
    }
    super.prepare(connection);
  }
}
interface PgConnection {
  parse(m: { text: string; name: string }): void;
  bind(m: { statement: string; portal: string; values: unknown[] }): void;
  describe(m: { type: 'P'; name: string }): void;
  execute(m: { portal: string; rows: number }): void;
}

const last = (r: unknown) => (Array.isArray(r) ? r[r.length - 1] : r);

/**
 * A pg client that sends parameterised statements as named prepared statements (the name is a
 * hash of the text), so PostgreSQL parses each statement once per connection and can keep its plan:
 * Kysely sends every query unnamed, which made parsing and planning cost more than executing.
 * At most {@link MAX_PREPARED} statements are prepared per connection (statements built with
 * variable-length lists have many texts); the rest are sent unnamed as before. Statements without
 * parameters (BEGIN, COMMIT, DDL, several statements in one string) are always sent unnamed, and a
 * transaction's `begin` (with withScope's settings) travels with its first statement.
 */
class PreparingClient extends pg.Client {
  #prepared = new Set<string>();
  /**
   * Statements held back: a `begin`, then withScope's settings. They go out with the next
   * statement — as a simple query of several statements when it has no parameters, else before it
   * in the same extended-protocol pipeline — so a scoped transaction's first query costs one round
   * trip. If a held statement fails, the error comes back with that next statement.
   */
  #held: string[] = [];
  override query(config: unknown, values?: unknown, callback?: unknown): never {
    const plain = typeof config === 'string' && (values === undefined || (Array.isArray(values) && values.length === 0)) && typeof callback !== 'function';
    if (plain && config === 'begin' && this.#held.length === 0) {
      this.#held.push('begin');
      return Promise.resolve(BEGIN_RESULT) as never;
    }
    if (plain && this.#held.length === 1 && (config as string).startsWith(SCOPE_SETTINGS_MARKER)) {
      this.#held.push(config as string);
      return Promise.resolve(SETTINGS_RESULT) as never;
    }
    const named = typeof config === 'string' && Array.isArray(values) && values.length > 0 && typeof callback !== 'function' ? this.#nameFor(config) : undefined;
    if (this.#held.length) {
      const before = this.#held;
      this.#held = [];
      const send = super.query.bind(this) as (c: unknown, v?: unknown, cb?: unknown) => Promise<unknown>;
      // A simple query of several statements: the later ones are not run if one fails.
      if (plain) return send(`${before.join('; ')}; ${config as string}`).then(last) as never;
      if (typeof config === 'string' && Array.isArray(values) && typeof callback !== 'function') {
        const q = new PipelinedQuery(before, { ...(named ? { name: named } : {}), text: config, values });
        return new Promise((ok, fail) => {
          q.callback = (err, res) => (err ? fail(err) : ok(last(res)));
          (super.query as (c: unknown) => unknown)(q);
        }) as never;
      }
      return send(before.join('; ')).then(() => this.query(config, values, callback)) as never;
    }
    if (named) return (super.query as (c: unknown) => never)({ name: named, text: config, values });
    return (super.query as (c: unknown, v?: unknown, cb?: unknown) => never)(config, values, callback);
  }

  /** The prepared statement's name for a text, or undefined when this connection has prepared enough. */
  #nameFor(text: string): string | undefined {
    const name = statementName(text);
    if (!this.#prepared.has(name) && this.#prepared.size >= MAX_PREPARED) return undefined;
    this.#prepared.add(name);
    return name;
  }
}

const BEGIN_RESULT = { command: 'BEGIN', rowCount: null, rows: [], fields: [] };
/** What withScope's settings statement answers while it is held back (its rows are not read). */
const SETTINGS_RESULT = { command: 'SELECT', rowCount: 0, rows: [], fields: [] };

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
