/**
 * Bench (a): 1,000,000 people from CSV into PostgreSQL through the platform's import path at the
 * database layer (`importChunk` of @hoctap/db: NFC, folded name, AES-GCM citizen id + keyed hash,
 * natural keys, one multi-row INSERT per table per chunk, one audit entry per chunk), chunks in
 * transactions under row-level security; then one request of 5,000 rows to the API's bulk endpoint.
 */
import { createRegistry } from '@hoctap/core';
import { createCitizenIdCipher, createUser, importChunk, migrateToLatest, openDatabase, verifyAuditChain, withScope, type ImportRow } from '@hoctap/db';
import { sql } from 'kysely';
import { randomBytes, } from 'node:crypto';
import { fmt, generatePeopleCsv, ms, tempDatabase } from './common.ts';

export interface ImportBench {
  rows: number;
  generateMs: number;
  parseMs: number;
  importMs: number;
  totalMs: number;
  rowsPerSec: number;
  chunkRows: number;
  concurrency: number;
  people: number;
  registrations: number;
  auditEntries: number;
  auditOk: boolean;
  bulk?: { rows: number; ms: number; rowsPerSec: number; created: number };
}

export async function benchImport(n: number, options: { chunkRows?: number; concurrency?: number; log?: (s: string) => void } = {}): Promise<ImportBench> {
  const log = options.log ?? console.log;
  const chunkRows = options.chunkRows ?? 5000;
  const concurrency = options.concurrency ?? 2;
  // The API package is optional here: without its build, only the database-layer import is measured.
  const api = await import('@hoctap/api').catch(() => undefined);
  const tmp = await tempDatabase('hoctap_bench_import');
  const handle = await openDatabase({ url: tmp.url, maxConnections: concurrency + 2 });
  try {
    await migrateToLatest(handle.db);
    const dataKey = randomBytes(32).toString('hex');
    const cipher = createCitizenIdCipher(dataKey);
    const officer = await createUser(handle.db, { email: 'canbo@bench.local', displayName: 'Cán bộ', passwordHash: api ? await api.hashPassword('bench-password-2026') : '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA', roles: ['province-admin'], localities: ['25'] });
    const fw = await sql<{ id: string }>`INSERT INTO frameworks (plugin, version, title, source_text, status, effective_from, content_hash, published_by, published_at)
      VALUES ('phu-tho', 'bench@1', 'learning-citizen', '', 'published', '2018-01-01', ${'0'.repeat(64)}, ${officer.id}, now()) RETURNING id`.execute(handle.db);
    const campaign = await sql<{ id: string }>`INSERT INTO campaigns (province_code, commune_code, title, framework_id, year)
      VALUES ('25', NULL, 'learning-citizen', ${fw.rows[0]!.id}, 2026) RETURNING id`.execute(handle.db);
    const campaignId = campaign.rows[0]!.id;

    let t = process.hrtime.bigint();
    const csv = generatePeopleCsv(n);
    const generateMs = ms(t);
    log(`  generated ${fmt(n)} rows (${fmt(csv.length / 2 ** 20, 1)} MiB) in ${fmt(generateMs)} ms`);

    const t0 = process.hrtime.bigint();
    // The CSV parser of the API (RFC 4180), then the mapping to rows.
    const all = api ? api.parseCsv(csv) : csv.trimEnd().split('\n').map((l) => l.split(','));
    const rows: ImportRow[] = new Array(all.length - 1);
    for (let i = 1; i < all.length; i++) {
      const f = all[i]!;
      rows[i - 1] = { fullName: f[0]!, birthDate: f[1]!, sex: f[2] === 'nam' ? 'male' : 'female', village: f[3]!, citizenId: f[4]!, commune: f[5]! };
    }
    const parseMs = ms(t0);
    t = process.hrtime.bigint();
    let next = 0;
    const scope = { role: 'province' as const, province: '25' };
    const at = new Date();
    const worker = async () => {
      for (;;) {
        const from = next;
        if (from >= rows.length) return;
        next += chunkRows;
        const chunk = rows.slice(from, from + chunkRows);
        const res = await withScope(handle.db, scope, (trx) =>
          importChunk(trx, cipher, { province: '25', campaign: { id: campaignId, commune: null }, actorId: officer.id, at, auditPayload: { fromRow: from + 2 } }, chunk));
        if (res.errors.length) throw new Error(`unexpected row errors: ${JSON.stringify(res.errors.slice(0, 3))}`);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const importMs = ms(t);
    const totalMs = ms(t0);
    const counts = await sql<{ p: number; r: number; a: number }>`SELECT (SELECT count(*) FROM people) AS p, (SELECT count(*) FROM registrations) AS r, (SELECT count(*) FROM audit_log) AS a`.execute(handle.db);
    const audit = await verifyAuditChain(handle.db, '25');
    const c = counts.rows[0]!;
    log(`  imported in ${fmt(importMs)} ms (+ parse ${fmt(parseMs)} ms): ${fmt(n / (totalMs / 1000))} rows/s; people ${fmt(Number(c.p))}, registrations ${fmt(Number(c.r))}, audit ${c.a} (${audit.ok ? 'valid' : 'INVALID'})`);

    // The user path: one API request of 5,000 rows (in process, no socket), new people.
    let bulk: ImportBench['bulk'];
    if (api) {
      const app = api.createApp({ registry: createRegistry([]), db: handle, dataKey, secureCookies: false, now: () => new Date('2026-03-01T02:00:00Z') });
      const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'canbo@bench.local', password: 'bench-password-2026' }) });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const body = generatePeopleCsv(5000, 99).split('\n').map((l, i) => (i === 0 ? l : l.replace(/,025(\d)(\d\d)(\d{6}),/, (_m, d, y, r) => `,026${d}${y}${r},`))).join('\n');
      const t1 = process.hrtime.bigint();
      const res = await app.request(`/api/campaigns/${campaignId}/registrations/bulk`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'text/csv' }, body });
      const took = ms(t1);
      const out = (await res.json()) as { created?: number; errors?: unknown[] };
      if (res.status !== 200) throw new Error(`bulk: ${res.status} ${JSON.stringify(out).slice(0, 300)}`);
      bulk = { rows: 5000, ms: took, rowsPerSec: 5000 / (took / 1000), created: out.created ?? 0 };
      log(`  API bulk endpoint, 5,000 rows in one request: ${fmt(took)} ms = ${fmt(bulk.rowsPerSec)} rows/s (created ${bulk.created}, errors ${out.errors?.length ?? 0})`);
    }
    return { rows: n, generateMs, parseMs, importMs, totalMs, rowsPerSec: n / (totalMs / 1000), chunkRows, concurrency, people: Number(c.p), registrations: Number(c.r), auditEntries: Number(c.a), auditOk: audit.ok, bulk };
  } finally {
    await handle.close();
    await tmp.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 1_000_000);
  console.log(JSON.stringify(await benchImport(n), null, 2));
}
