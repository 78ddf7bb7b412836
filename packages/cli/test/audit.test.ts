import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, migrateToLatest, openDatabase } from '@hoctap/db';
import { sql } from 'kysely';
import { main } from '../src/index.js';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
  return { code, out: out.join(''), err: err.join('') };
}

describe('hoctap audit', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hoctap-audit-'));
    const h = await openDatabase({ dataDir: dir });
    await migrateToLatest(h.db);
    for (let i = 0; i < 3; i++) await appendAudit(h.db, { province: '25', action: 'test.entry', subject: { kind: 'campaign', id: crypto.randomUUID() }, payload: { n: i }, at: new Date(Date.UTC(2026, 0, 1 + i)) });
    await h.close();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports intact chains, exit 0', async () => {
    const r = await run(['audit', '--data-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Chuỗi kiểm toán nguyên vẹn: 3 mục');
  }, 60_000);

  it('finds an edited entry and names it, exit 1', async () => {
    const h = await openDatabase({ dataDir: dir });
    await sql`update audit_log set payload = '{"n": 9}' where seq = 2`.execute(h.db);
    await h.close();
    const r = await run(['audit', '--data-dir', dir, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, province: '25', seq: 2 });
  }, 60_000);
});
