/**
 * No citizen id in clear at rest (issue 12): a people sheet queued as an import job waits
 * encrypted in the job's payload, and is deleted when the job ends. Every table is read back as
 * text (what a dump holds) and, on the embedded database, the whole data directory as bytes (the
 * heap, the WAL, everything PGlite writes), looking for the sheet's ids — before the worker runs
 * and after. Both dialects.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startJobWorker } from '../src/index.js';
import { dialects, TEST_DATA_KEY } from './harness.js';
import { A1, suiteWorld } from './world.js';

const FW = 'phu-tho/cdht-phu-tho-2018';
// Valid-form ids: province 025, the century-and-sex digit and the birth year agree with the row.
const IDS = ['025080031415', '025181092653', '025075058979', '025190032384', '025086026433'];
const BIRTHS = ['1980-01-10', '1981-02-11', '1975-03-12', '1990-04-13', '1986-05-14'];

describe.each(dialects)('personal data at rest on %s', (dialect) => {
  const w = suiteWorld(dialect);

  /** Everything at rest: every table's rows as text, and PGlite's data directory as bytes. */
  async function atRest(): Promise<{ tables: string; dir: string }> {
    const tables = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(w.db);
    expect(tables.rows.map((t) => t.name)).toContain('jobs');
    let text = '';
    for (const { name } of tables.rows) {
      const rows = await sql<{ t: string }>`SELECT x::text AS t FROM ${sql.table(name)} x`.execute(w.db);
      text += rows.rows.map((r) => r.t).join('\n');
    }
    const pglite = w.t.handle.pglite;
    // The whole virtual file system, uncompressed: heap files, WAL, everything.
    const dir = pglite ? Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()).toString('utf8') : '';
    return { tables: text, dir };
  }
  /** The sheet's ids found in clear. */
  const idsInClear = async () => {
    const { tables, dir } = await atRest();
    return IDS.filter((id) => tables.includes(id) || dir.includes(id));
  };

  it('an import job keeps the sheet encrypted while it waits and deletes it when it ends', async () => {
    const cp = await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2018, commune: A1 });
    expect(cp.status, cp.text).toBe(201);
    const csv = ['ho_ten,ngay_sinh,cccd', ...IDS.map((id, i) => `Người Số ${i + 1},${BIRTHS[i]},${id}`)].join('\n');
    const q = await w.call('offA1', 'POST', `/api/campaigns/${cp.json.id}/registrations/import-jobs`, csv, { 'content-type': 'text/csv' });
    expect(q.status, q.text).toBe(202);

    // Waiting: the payload holds only the sealed sheet.
    const payloadOf = async (id: string) => (await sql<{ payload: Record<string, unknown> }>`SELECT payload FROM jobs WHERE id = ${id}`.execute(w.db)).rows[0]!;
    const waiting = await payloadOf(q.json.id);
    expect(typeof waiting.payload['sealed']).toBe('string');
    expect(JSON.stringify(waiting.payload)).not.toContain('Người Số');
    expect(await idsInClear()).toEqual([]);

    const worker = startJobWorker({ db: w.db, dataKey: TEST_DATA_KEY, pollMs: 20, now: () => w.clock.now });
    try {
      await expect.poll(async () => (await w.call('offA1', 'GET', `/api/jobs/${q.json.id}`)).json.status, { timeout: 30_000 }).toBe('done');
    } finally {
      await worker.stop();
    }
    const job = (await w.call('offA1', 'GET', `/api/jobs/${q.json.id}`)).json;
    expect(job.result).toMatchObject({ registrationsCreated: 5, errorCount: 0 });

    // Done: the sheet is gone from the job; the people's ids are stored encrypted only.
    const ended = await payloadOf(q.json.id);
    expect(ended.payload['sealed']).toBeUndefined();
    expect(await idsInClear()).toEqual([]);
    // The scan does read the data: the people's names (not secret) are there, and the ids as ciphertext only.
    const { tables, dir } = await atRest();
    expect(tables).toContain('Người Số 3');
    if (dialect === 'pglite') expect(dir).toContain('Người Số 3');
    // …and can still be read back by those allowed to (the encryption is real, not a loss).
    const people = await w.db.selectFrom('people').select(['id', 'citizen_id_enc']).execute();
    expect(people.length).toBe(5);
    expect(people.every((p) => typeof p.citizen_id_enc === 'string' && p.citizen_id_enc.startsWith('v1.'))).toBe(true);
  });
});
