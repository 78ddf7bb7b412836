/**
 * The PostgreSQL driver (src/pg-driver.ts) through pg's public API: what each statement is sent as
 * (named prepared statement or not), that a scoped transaction's first statement is written before
 * BEGIN and the scope settings are answered, and that errors still come back with the statement
 * that caused them. PostgreSQL only: PGlite has its own dialect.
 */
import { AbortedTransactionError, Kysely, sql } from 'kysely';
import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, withScope, type Database } from '../src/index.js';
import { MAX_PREPARED, PipelinedPostgresDialect, SCOPE_SETTINGS_MARKER } from '../src/pg-driver.js';
import { createTempPostgres, type TempPostgres } from '../src/testing.js';

/** One call of `client.query` as the driver made it, and whether every earlier call had been answered by then. */
interface Sent {
  text: string;
  name?: string;
  values: number;
  earlierAnswered: boolean;
}

let tmp: TempPostgres;
let pool: pg.Pool;
let db: Kysely<Database>;
let sent: Sent[] = [];

beforeAll(async () => {
  tmp = await createTempPostgres('hoctap_driver');
  pool = new pg.Pool({ connectionString: tmp.url, max: 3, pipeline: true });
  // A spy on each client's public query method: records the call, and when its answer arrives.
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (config: unknown) => Promise<unknown>;
    const open = new Set<Promise<unknown>>();
    (client as unknown as { query: (config: unknown) => Promise<unknown> }).query = (config: unknown) => {
      const c = typeof config === 'string' ? { text: config } : (config as { text: string; name?: string; values?: unknown[] });
      sent.push({ text: c.text, ...(c.name ? { name: c.name } : {}), values: c.values?.length ?? 0, earlierAnswered: open.size === 0 });
      const answer = query(config);
      open.add(answer);
      const done = () => open.delete(answer);
      answer.then(done, done);
      return answer;
    };
  });
  db = new Kysely<Database>({ dialect: new PipelinedPostgresDialect(pool) });
  await migrateToLatest(db);
});

afterAll(async () => {
  await db?.destroy();
  await tmp?.drop();
});

beforeEach(() => {
  sent = [];
});

const scope = { role: 'province' as const, province: '25' };

/** Answers are held back this long by {@link roundTripCounter}, so that what a client writes without waiting arrives before them. */
const ANSWER_DELAY_MS = 60;

/**
 * A TCP proxy to PostgreSQL that counts round trips: each time the client writes after an answer
 * reached it is one. Answers are delayed, so statements a client writes without waiting for an
 * answer count once, as they would over a real network.
 */
async function roundTripCounter(target: URL): Promise<{ port: number; reset(): void; roundTrips(): number; close(): Promise<void> }> {
  let trips = 0;
  let answered = true;
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    client.on('data', (d) => {
      if (answered) trips++;
      answered = false;
      upstream.write(d);
    });
    upstream.on('data', (d) =>
      setTimeout(() => {
        answered = true;
        if (!client.destroyed) client.write(d);
      }, ANSWER_DELAY_MS),
    );
    const end = () => {
      setTimeout(() => {
        client.destroy();
        upstream.destroy();
      }, ANSWER_DELAY_MS * 2);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    reset: () => {
      trips = 0;
      answered = true;
    },
    roundTrips: () => trips,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

describe('PipelinedPostgresDialect', () => {
  it('sends BEGIN with the scope settings as one simple query, and the first statement before their answer: one round trip', async () => {
    const rows = await withScope(db, scope, async (trx) => {
      const first = await sql<{ p: string; u: string }>`SELECT current_setting('hoctap.province') AS p, current_user AS u WHERE ${1}::int = 1`.execute(trx);
      const second = await sql<{ n: number }>`SELECT ${2}::int AS n`.execute(trx);
      return [...first.rows, ...second.rows];
    });
    expect(rows).toEqual([{ p: '25', u: 'hoctap_app' }, { n: 2 }]);
    expect(sent.map((s) => s.text.slice(0, 40))).toEqual([
      `begin; ${SCOPE_SETTINGS_MARKER} SELECT set_con`,
      `SELECT current_setting('hoctap.province'`,
      'SELECT $1::int AS n',
      'commit',
    ]);
    // The driver handed pg the first statement before BEGIN and the settings were answered (pg's pipeline
    // mode writes it at once: the next test counts what the wire sees); the later ones after.
    expect(sent.map((s) => s.earlierAnswered)).toEqual([true, false, true, true]);
  });

  it('round trips on the wire: a scoped transaction of two statements costs three (BEGIN and the settings ride with the first), one more without pg\'s pipeline mode', async () => {
    const proxy = await roundTripCounter(new URL(tmp.url));
    const through = (pipeline: boolean) => {
      const url = new URL(tmp.url);
      url.host = `127.0.0.1:${proxy.port}`;
      return new pg.Pool({ connectionString: url.toString(), max: 1, pipeline });
    };
    try {
      const count = async (pipeline: boolean) => {
        const k = new Kysely<Database>({ dialect: new PipelinedPostgresDialect(through(pipeline)) });
        try {
          await sql`SELECT 1`.execute(k); // connect and authenticate before counting
          proxy.reset();
          const rows = await withScope(k, scope, async (trx) => [
            ...(await sql<{ p: string }>`SELECT current_setting('hoctap.province') AS p WHERE ${1}::int = 1`.execute(trx)).rows,
            ...(await sql<{ u: string }>`SELECT current_user AS u WHERE ${2}::int = 2`.execute(trx)).rows,
          ]);
          expect(rows).toEqual([{ p: '25' }, { u: 'hoctap_app' }]);
          return proxy.roundTrips();
        } finally {
          await k.destroy();
        }
      };
      expect(await count(true)).toBe(3);
      expect(await count(false)).toBe(4);
    } finally {
      await proxy.close();
    }
  });

  it('a first statement without parameters travels in the same simple query as BEGIN and the settings', async () => {
    const r = await withScope(db, { role: 'commune', province: '25', communes: ['07900'] }, (trx) => sql<{ c: string }>`SELECT current_setting('hoctap.communes') AS c`.execute(trx));
    expect(r.rows).toEqual([{ c: '07900' }]);
    expect(sent.map((s) => s.text.split(';').length)).toEqual([3, 1]);
    // A transaction that sends nothing costs one simple query: BEGIN, the settings, COMMIT.
    sent = [];
    expect(await withScope(db, scope, async () => 'nothing')).toBe('nothing');
    expect(sent.map((s) => s.text.endsWith('; commit'))).toEqual([true]);
  });

  it('parameterised statements are named prepared statements (the same name for the same text), statements without parameters are not', async () => {
    const text = (trx: Kysely<Database>, n: number) => sql`SELECT ${n}::int AS n`.execute(trx);
    await text(db, 1);
    await text(db, 2);
    await sql`SELECT 1`.execute(db);
    expect(sent.map((s) => [s.values, s.name !== undefined])).toEqual([
      [1, true],
      [1, true],
      [0, false],
    ]);
    expect(sent[0]!.name).toBe(sent[1]!.name);
    expect(sent[0]!.name).toMatch(/^hoctap_[A-Za-z0-9_-]{20}$/);
  });

  it(`prepares at most ${MAX_PREPARED} statements per connection, then sends the others unnamed`, async () => {
    await db.connection().execute(async (c) => {
      for (let i = 0; i < MAX_PREPARED + 5; i++) await sql`SELECT ${i}::int AS ${sql.ref(`n${i}`)}`.execute(c);
      // One already prepared stays named.
      await sql`SELECT ${0}::int AS ${sql.ref('n0')}`.execute(c);
    });
    const named = sent.filter((s) => s.name !== undefined);
    expect(sent.length).toBe(MAX_PREPARED + 6);
    expect(named.length).toBeLessThanOrEqual(MAX_PREPARED + 1);
    expect(sent.slice(-6, -1).every((s) => s.name === undefined)).toBe(true);
    expect(sent.at(-1)!.name).toBeDefined();
  });

  it('a failing scope setting comes back with the first statement, not as "transaction aborted"; the connection goes on', async () => {
    for (const first of [
      (trx: Kysely<Database>) => sql`SELECT ${1}::int`.execute(trx),
      (trx: Kysely<Database>) => sql`SELECT 1`.execute(trx),
      async () => undefined,
    ]) {
      await expect(withScope(db, scope, first, { role: 'hoctap_no_such_role' })).rejects.toThrow(/role "hoctap_no_such_role" does not exist/);
    }
    // The pool's connections are usable again, outside any role or scope.
    const after = await Promise.all([1, 2, 3].map((n) => sql<{ u: string; p: string | null; n: number }>`SELECT current_user AS u, current_setting('hoctap.province', true) AS p, ${n}::int AS n`.execute(db)));
    expect(after.map((r) => ({ ...r.rows[0]!, p: r.rows[0]!.p ?? '' }))).toEqual([1, 2, 3].map((n) => ({ u: 'postgres', p: '', n })));
  });

  it('a transaction that fails before sending anything sends nothing, and the connection goes on', async () => {
    await expect(withScope(db, scope, async () => Promise.reject(new Error('hỏng trước khi gửi')))).rejects.toThrow('hỏng trước khi gửi');
    expect(sent).toEqual([]);
    expect((await sql<{ n: number }>`SELECT ${7}::int AS n`.execute(db)).rows).toEqual([{ n: 7 }]);
    // A rollback after a statement was sent is sent, and the scope's settings are gone with it.
    await expect(withScope(db, scope, async (trx) => {
      await sql`SELECT ${1}::int`.execute(trx);
      throw new Error('hỏng sau khi gửi');
    })).rejects.toThrow('hỏng sau khi gửi');
    expect(sent.map((s) => s.text).slice(-2)).toEqual(['SELECT $1::int', 'rollback']);
  });

  it('an error the caller swallowed still aborts the transaction: COMMIT fails with AbortedTransactionError', async () => {
    await expect(
      withScope(db, scope, async (trx) => {
        await sql`SELECT ${'x'}::int`.execute(trx).catch(() => undefined);
        return 'committed?';
      }),
    ).rejects.toBeInstanceOf(AbortedTransactionError);
  });

  it('savepoints roll back their part of a scoped transaction only', async () => {
    const trx = await db.startTransaction().execute();
    try {
      await sql`CREATE TEMP TABLE t (n int) ON COMMIT DROP`.execute(trx);
      await sql`INSERT INTO t VALUES (${1})`.execute(trx);
      const sp = await trx.savepoint('before_two').execute();
      await sql`INSERT INTO t VALUES (${2})`.execute(sp);
      await sp.rollbackToSavepoint('before_two').execute();
      await sql`INSERT INTO t VALUES (${3})`.execute(trx);
      expect((await sql<{ n: number }>`SELECT n FROM t ORDER BY n`.execute(trx)).rows).toEqual([{ n: 1 }, { n: 3 }]);
    } finally {
      await trx.rollback().execute();
    }
  });

  it('concurrent scoped transactions over the pool each see their own scope, with INSERT counts as Kysely reports them', async () => {
    const communes = Array.from({ length: 12 }, (_, i) => `079${String(i).padStart(2, '0')}`);
    const seen = await Promise.all(
      communes.map((c) => withScope(db, { role: 'commune', province: '25', communes: [c] }, async (trx) => (await sql<{ c: string }>`SELECT current_setting('hoctap.communes') AS c WHERE ${c}::text <> ''`.execute(trx)).rows[0]!.c)),
    );
    expect(seen).toEqual(communes);
    const inserted = await db.insertInto('administrative_units').values([
      { code: '25', level: 'province', name: 'Tỉnh Phú Thọ', province_code: null, valid_from: '2025-07-01', valid_to: null, successor_code: null },
      { code: '07900', level: 'commune', name: 'Xã A', province_code: '25', valid_from: '2025-07-01', valid_to: null, successor_code: null },
    ]).executeTakeFirst();
    expect(inserted.numInsertedOrUpdatedRows).toBe(2n);
  });
});
