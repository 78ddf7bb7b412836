/**
 * Kysely over a node-postgres pool through pg's public API only: `client.query(text)` and
 * `client.query({ name, text, values })`, on clients opened with pg's documented `pipeline` option
 * (queries are written to the server without waiting for the previous answer).
 *
 * Two things Kysely's own PostgresDialect does not do, both measured (bench/RESULTS-api.md):
 * - Parameterised statements are sent as named prepared statements (the name is a hash of the
 *   text), so PostgreSQL parses each once per connection and can keep its plan: parsing and
 *   planning cost more than executing. At most {@link MAX_PREPARED} per connection (statements
 *   built from variable-length lists have many texts); the rest go unnamed.
 * - A transaction's BEGIN and withScope's settings statement are not waited for: BEGIN is sent
 *   together with the settings as one simple query, and the transaction's first statement follows
 *   on the wire without waiting, so a scoped transaction's first query costs one round trip. If
 *   BEGIN or the settings fail, that error comes back with the next statement.
 */
import pg from 'pg';
import { createHash } from 'node:crypto';
import {
  AbortedTransactionError,
  CompiledQuery,
  IdentifierNode,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  RawNode,
  createQueryId,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/** The marker of withScope's settings statement: its result is not read, so the driver need not wait for it. */
export const SCOPE_SETTINGS_MARKER = '/* hoctap:scope */';

/** Prepared statements kept per PostgreSQL connection. */
export const MAX_PREPARED = 300;

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

type PgResult = pg.QueryResult<Record<string, unknown>>;

/** One pooled pg client as Kysely sees it. */
class PipelinedConnection implements DatabaseConnection {
  readonly #client: pg.PoolClient;
  readonly #prepared = new Set<string>();
  /** Statements held back, not yet sent: a transaction's BEGIN, then withScope's settings. */
  #unsent: string[] = [];
  /** Statements sent whose outcome nobody has looked at yet; the next statement reports their failure. */
  #unchecked: Promise<unknown>[] = [];
  #discarded = false;

  constructor(client: pg.PoolClient) {
    this.#client = client;
  }

  get client(): pg.PoolClient {
    return this.#client;
  }

  get discarded(): boolean {
    return this.#discarded;
  }

  /** Holds a transaction's BEGIN back until the next statement, to travel with it. */
  begin(text: string): void {
    this.#unsent.push(text);
  }

  /** Forgets held statements on release, so that nothing of one transaction reaches the next user of the client. */
  reset(): void {
    this.#unsent = [];
    this.#unchecked = [];
  }

  /** Marks the connection to be destroyed, not reused, when it is released. */
  discard(): void {
    this.#discarded = true;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    return this.#run<R>(compiled.sql, compiled.parameters, true);
  }

  /** Rolls back without reporting a held statement's failure: whatever it did is being undone. */
  async rollback(): Promise<QueryResult<unknown>> {
    if (this.#unchecked.length === 0 && this.#unsent.length > 0) {
      // Nothing of this transaction reached the server: nothing to undo.
      this.#unsent = [];
      return { rows: [{ command: 'ROLLBACK' }] };
    }
    return this.#run('rollback', [], false);
  }

  async #run<R>(text: string, parameters: readonly unknown[], report: boolean): Promise<QueryResult<R>> {
    if (this.#discarded) throw new Error('Postgres connection has been discarded');
    if (parameters.length === 0 && this.#unsent.length > 0 && text.startsWith(SCOPE_SETTINGS_MARKER)) {
      this.#unsent.push(text);
      return { rows: [] };
    }
    let result: Promise<PgResult | PgResult[]>;
    if (this.#unsent.length > 0 && parameters.length === 0) {
      // One simple query of several statements: the later ones are not run if one fails.
      result = this.#client.query(`${this.#unsent.join('; ')}; ${text}`) as Promise<PgResult | PgResult[]>;
      this.#unsent = [];
    } else {
      if (this.#unsent.length > 0) {
        this.#sendUnchecked(this.#unsent.join('; '));
        this.#unsent = [];
      }
      result = (parameters.length === 0 ? this.#client.query(text) : this.#client.query(this.#config(text, parameters))) as Promise<PgResult | PgResult[]>;
    }
    if (this.#unchecked.length > 0) {
      const unchecked = this.#unchecked;
      this.#unchecked = [];
      const outcomes = await Promise.allSettled([...unchecked, result]);
      const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      // The first failure is the cause: the statements after it failed only because the transaction was aborted.
      if (failed && report) throw failed.reason;
    }
    return toKysely<R>(await result);
  }

  #sendUnchecked(text: string): void {
    const sent = this.#client.query(text);
    // Looked at by the next statement; until then a failure is not an unhandled rejection.
    sent.catch(() => {});
    this.#unchecked.push(sent);
  }

  /** A named prepared statement while this connection has prepared fewer than MAX_PREPARED, else unnamed. */
  #config(text: string, parameters: readonly unknown[]): pg.QueryConfig {
    const name = statementName(text);
    if (!this.#prepared.has(name)) {
      if (this.#prepared.size >= MAX_PREPARED) return { text, values: parameters as unknown[] };
      this.#prepared.add(name);
    }
    return { name, text, values: parameters as unknown[] };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported by this dialect.');
  }
}

/** pg's answer as Kysely's (a simple query of several statements answers with the last one's). */
function toKysely<R>(answer: PgResult | PgResult[]): QueryResult<R> {
  const r = Array.isArray(answer) ? answer[answer.length - 1]! : answer;
  const { command, rowCount, rows } = r;
  if (command === 'ROLLBACK' || command === 'COMMIT') return { rows: [{ command } as R] };
  return {
    ...(command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE' ? { numAffectedRows: BigInt(rowCount ?? 0) } : {}),
    rows: (rows ?? []) as R[],
  };
}

function savepointCommand(command: string, name: string) {
  return RawNode.createWithChildren([RawNode.createWithSql(`${command} `), IdentifierNode.create(name)]);
}

/** The Kysely driver: a connection per pooled client, kept with it for the client's life. */
class PipelinedDriver implements Driver {
  readonly #pool: pg.Pool;
  readonly #connections = new WeakMap<pg.PoolClient, PipelinedConnection>();

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const client = await this.#pool.connect();
    let connection = this.#connections.get(client);
    if (!connection) {
      connection = new PipelinedConnection(client);
      this.#connections.set(client, connection);
    }
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    let text = 'begin';
    if (settings.isolationLevel || settings.accessMode) {
      text = 'start transaction';
      if (settings.isolationLevel) text += ` isolation level ${settings.isolationLevel}`;
      if (settings.accessMode) text += ` ${settings.accessMode}`;
    }
    (connection as PipelinedConnection).begin(text);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const { rows } = await connection.executeQuery<{ command?: string }>(CompiledQuery.raw('commit'));
    // PostgreSQL completes COMMIT with a ROLLBACK tag if an earlier error left the transaction aborted.
    if (rows[0]?.command === 'ROLLBACK') throw new AbortedTransactionError();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as PipelinedConnection;
    try {
      await c.rollback();
    } catch (error) {
      c.discard();
      throw error;
    }
  }

  async savepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(compileQuery(savepointCommand('savepoint', name), createQueryId()));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(compileQuery(savepointCommand('rollback to', name), createQueryId()));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(compileQuery(savepointCommand('release', name), createQueryId()));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = connection as PipelinedConnection;
    c.reset();
    c.client.release(c.discarded);
  }

  async destroy(): Promise<void> {
    if (!this.#pool.ended) await this.#pool.end();
  }
}

/**
 * A Kysely dialect over a pg pool whose clients pipeline (`new pg.Pool({ pipeline: true, … })`);
 * without `pipeline` it still works, with a round trip more for a transaction's first statement.
 * @example new Kysely<Database>({ dialect: new PipelinedPostgresDialect(new pg.Pool({ connectionString, pipeline: true })) })
 */
export class PipelinedPostgresDialect implements Dialect {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  createDriver(): Driver {
    return new PipelinedDriver(this.#pool);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
