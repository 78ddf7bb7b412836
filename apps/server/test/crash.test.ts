/**
 * Crash test of the durable import job, on both databases: the built server (`dist/main.js`, so
 * `turbo run test` builds it first) runs in a child process on a temporary PostgreSQL database, or
 * on the embedded database in a temporary data directory; a 20,000-row import job is queued; the
 * child is killed with SIGKILL mid-import; a new server on the same database takes the job over
 * (PostgreSQL: when its lease expires; the embedded database is opened by one process, so the new
 * process is the only one) and finishes it. Every row must be imported exactly once, nothing
 * half-written, and the audit chain must verify with no entry left waiting.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, verifyAuditChain, type DatabaseHandle } from '@hoctap/db';
import { createTempPostgres, type TempPostgres } from '@hoctap/db/testing';
import { sql } from 'kysely';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const ROWS = 20_000;

/** The child must not inherit the test runner's DATABASE_URL on the embedded leg. */
function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _, ...rest } = env;
  return rest;
}

function csvOf(n: number): string {
  const lines = ['ho_ten,ngay_sinh,gioi_tinh,cccd'];
  const fam = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đặng'];
  const giv = ['Hà', 'Lan', 'Hùng', 'Dũng', 'Mai', 'Sơn', 'Thảo'];
  for (let i = 0; i < n; i++) {
    const year = 1950 + (i % 50);
    const female = i % 2 === 1;
    lines.push(`${fam[i % 6]} ${female ? 'Thị' : 'Văn'} ${giv[i % 7]},${year}-0${1 + (i % 9)}-1${i % 10},${female ? 'nữ' : 'nam'},025${female ? 1 : 0}${String(year % 100).padStart(2, '0')}${String(i).padStart(6, '0')}`);
  }
  return lines.join('\n');
}

describe.each(['postgres', 'pglite'] as const)('an import job survives kill -9 of its server (%s)', (dialect) => {
  // Smaller chunks on the embedded database: its single connection finishes 500-row chunks before a poll gets in.
  const CHUNK = dialect === 'postgres' ? 500 : 100;
  let pgdb: TempPostgres | undefined;
  let url: string;
  let dir: string;
  let handle: DatabaseHandle;
  const port = 41000 + Math.floor(Math.random() * 1000);
  const base = `http://127.0.0.1:${port}`;
  const key = randomBytes(32).toString('hex');
  const children: ChildProcess[] = [];

  const start = async (): Promise<ChildProcess> => {
    const child = spawn(process.execPath, [MAIN], {
      env: { ...withoutDatabaseUrl(process.env), ...(dialect === 'postgres' ? { DATABASE_URL: url, HOCTAP_DATA_KEY: key } : {}), HOCTAP_DATA_DIR: dir, HOCTAP_ADMIN_DIST: dir, PORT: String(port), HOST: '127.0.0.1', HOCTAP_JOB_LEASE_MS: '3000', HOCTAP_JOB_CHUNK_ROWS: String(CHUNK) },
      stdio: 'ignore',
    });
    children.push(child);
    for (let i = 0; i < 600; i++) {
      if (child.exitCode !== null) throw new Error('server exited');
      if (await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false)) return child;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('server did not start');
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hoctap-crash-'));
    if (dialect === 'pglite') return;
    pgdb = await createTempPostgres('hoctap_crash');
    url = pgdb.url;
  }, 60_000);

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await handle?.close();
    await pgdb?.drop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('kill -9 mid-import, restart, finish: every row once, audit chain valid', async () => {
    let child = await start();
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'canbo.phutho@hoctap.local', password: 'can-bo-phu-tho-2026' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const h = { cookie, 'x-csrf-token': csrfToken };
    const campaign = ((await (await fetch(`${base}/api/campaigns`, { headers: h })).json()) as { items: { id: string }[] }).items[0]!.id;
    const queued = await fetch(`${base}/api/campaigns/${campaign}/registrations/import-jobs`, { method: 'POST', headers: { ...h, 'content-type': 'text/csv' }, body: csvOf(ROWS) });
    expect(queued.status).toBe(202);
    const job = (await queued.json()) as { id: string };
    const progress = async () => (await (await fetch(`${base}/api/jobs/${job.id}`, { headers: h })).json()) as { status: string; progress: { done: number; total: number }; attempts: number; result: { registrationsCreated: number; errorCount: number } | null };

    // Wait for progress strictly between 0 and 100 %, then kill -9.
    let seen = 0;
    for (let i = 0; i < 2000; i++) {
      const p = await progress();
      seen = p.progress.done;
      if (seen > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(ROWS);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    child = await start();
    const s2 = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'canbo.phutho@hoctap.local', password: 'can-bo-phu-tho-2026' }) });
    h.cookie = (s2.headers.get('set-cookie') ?? '').split(';')[0]!;
    let last = await progress();
    for (let i = 0; i < 600 && last.status !== 'done' && last.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      last = await progress();
    }
    expect(last.status).toBe('done');
    expect(last.attempts).toBeGreaterThanOrEqual(2); // taken over after the lease expired
    expect(last.progress.done).toBe(ROWS);
    expect(last.result?.errorCount).toBe(0);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));

    handle = await openDatabase(dialect === 'postgres' ? { url } : { dataDir: join(dir, 'pglite') });
    const counts = (await sql<{ people: number; distinct_ids: number; regs: number; distinct_regs: number; half: number }>`
      SELECT (SELECT count(*) FROM people WHERE citizen_id_hmac IS NOT NULL AND created_at > (SELECT created_at FROM jobs WHERE id = ${job.id})) AS people,
             (SELECT count(DISTINCT citizen_id_hmac) FROM people) AS distinct_ids,
             (SELECT count(*) FROM registrations WHERE campaign_id = ${campaign}) AS regs,
             (SELECT count(DISTINCT subject_id) FROM registrations WHERE campaign_id = ${campaign}) AS distinct_regs,
             (SELECT count(*) FROM people p WHERE p.citizen_id_hmac IS NOT NULL AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.subject_id = p.id)) AS half`.execute(handle.db)).rows[0]!;
    expect(Number(counts.people)).toBe(ROWS); // every row imported once
    expect(Number(counts.regs)).toBe(Number(counts.distinct_regs)); // no duplicate registration
    expect(Number(counts.regs)).toBe(ROWS + 120); // the demo year's 120 and the import
    expect(Number(counts.half)).toBe(0); // no person without its registration
    const chunks = (await sql<{ n: number }>`SELECT count(*) AS n FROM audit_log WHERE action = 'registration.import-chunk'`.execute(handle.db)).rows[0]!;
    expect(Number(chunks.n)).toBe(ROWS / CHUNK); // one audit entry per committed chunk, none twice
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, pending: { count: 0 } });
  }, 240_000);
});
