/**
 * The chunked import (`importChunk`) on both dialects: rows land once (a rerun creates nothing),
 * bad rows are reported by index while the others are kept, citizen ids are stored encrypted and
 * bound to their row, ids are time-ordered (UUIDv7), and the chunk's audit entry chains.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCitizenIdCipher,
  createUser,
  importChunk,
  migrateToLatest,
  uuidv7,
  verifyAuditChain,
  withScope,
  type DatabaseHandle,
  type ImportRow,
} from '../src/index.js';
import { dialects, openTestDatabase, TEST_DATA_KEY, type TestDatabase } from './harness.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('is version 7, variant 10, and strictly increasing even within one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7(1_700_000_000_000));
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // The first 48 bits carry the time.
    const later = uuidv7(Date.now() + 60_000);
    expect(parseInt(later.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(Date.now() + 59_000);
  });
});

describe.each(dialects)('importChunk on %s', (dialect) => {
  let t: TestDatabase;
  let handle: DatabaseHandle;
  let campaignId: string;
  let actorId: string;
  const cipher = createCitizenIdCipher(TEST_DATA_KEY);

  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    handle = t.handle;
    await migrateToLatest(handle.db);
    const u = await createUser(handle.db, { email: 'nhap@hoctap.test', displayName: 'Cán bộ', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA', roles: ['province-admin'], localities: ['25'] });
    actorId = u.id;
    const fw = await sql<{ id: string }>`INSERT INTO frameworks (plugin, version, title, source_text, status, effective_from, content_hash, published_by, published_at)
      VALUES ('phu-tho', 't@1', 'learning-citizen', '', 'published', '2018-01-01', ${'0'.repeat(64)}, ${actorId}, now()) RETURNING id`.execute(handle.db);
    const c = await sql<{ id: string }>`INSERT INTO campaigns (province_code, commune_code, title, framework_id, year)
      VALUES ('25', '07900', 'learning-citizen', ${fw.rows[0]!.id}, 2026) RETURNING id`.execute(handle.db);
    campaignId = c.rows[0]!.id;
  });
  afterAll(async () => t?.dispose());

  const rows: ImportRow[] = [
    { fullName: 'Nguyễn Thị Hà', birthDate: '1985-03-02', sex: 'female', citizenId: '025185000001', commune: '07900' },
    // Decomposed input (NFD) is stored NFC.
    { fullName: 'Tra\u0302\u0300n Va\u0306n Bi\u0300nh', birthDate: '1979-11-20', sex: 'male', village: 'Thôn Đông', commune: '07900' },
    { fullName: '', commune: '07900' },
    { fullName: 'Lê Văn Sai', birthDate: '1990-01-01', sex: 'male', citizenId: '025199000002', commune: '07900' }, // sex digit says female
    { fullName: 'Phạm Văn Xa', commune: '07903' }, // another commune than the campaign's
    { fullName: 'Nguyễn Thị Hà', birthDate: '1985-03-02', sex: 'female', citizenId: '025185000001', commune: '07900' }, // same person twice
  ];

  const run = () =>
    withScope(handle.db, { role: 'commune', province: '25', communes: ['07900'] }, (trx) =>
      importChunk(trx, cipher, { province: '25', campaign: { id: campaignId, commune: '07900' }, actorId, at: new Date('2026-03-01T02:00:00Z') }, rows));

  it('keeps the good rows, reports the bad ones by index, stores ids encrypted and ordered', async () => {
    const out = await run();
    expect(out.errors.map((e) => [e.index, e.code])).toEqual([
      [2, 'ROW_INVALID'],
      [3, 'CITIZEN_ID_INVALID'],
      [4, 'ROW_INVALID'],
    ]);
    expect(out.peopleCreated).toBe(2);
    expect(out.registrationsCreated).toBe(2);
    const people = await sql<{ id: string; full_name: string; citizen_id_enc: string | null; citizen_id_hmac: string | null }>`SELECT id, full_name, citizen_id_enc, citizen_id_hmac FROM people ORDER BY full_name`.execute(handle.db);
    expect(people.rows.map((p) => p.full_name)).toEqual(['Nguyễn Thị Hà', 'Trần Văn Bình']);
    for (const p of people.rows) expect(p.id).toMatch(UUID_V7);
    const ha = people.rows[0]!;
    expect(ha.citizen_id_enc).not.toContain('025185000001');
    expect(cipher.decrypt(ha.citizen_id_enc!, ha.id)).toBe('025185000001');
    expect(() => cipher.decrypt(ha.citizen_id_enc!, people.rows[1]!.id)).toThrow();
    expect(ha.citizen_id_hmac).toBe(cipher.lookupHash('025185000001'));
    const regs = await sql<{ id: string; subject_id: string }>`SELECT id, subject_id FROM registrations WHERE campaign_id = ${campaignId}`.execute(handle.db);
    expect(regs.rows).toHaveLength(2);
    for (const r of regs.rows) expect(r.id).toMatch(UUID_V7);
  });

  it('creates nothing when the same chunk runs again, and every chunk is audited in the chain', async () => {
    const again = await run();
    expect(again.peopleCreated).toBe(0);
    expect(again.registrationsCreated).toBe(0);
    const counts = await sql<{ p: string; r: string }>`SELECT (SELECT count(*) FROM people) AS p, (SELECT count(*) FROM registrations) AS r`.execute(handle.db);
    expect([Number(counts.rows[0]!.p), Number(counts.rows[0]!.r)]).toEqual([2, 2]);
    const audit = await sql<{ action: string; payload: unknown }>`SELECT action, payload FROM audit_log WHERE province_code = '25' ORDER BY seq`.execute(handle.db);
    expect(audit.rows.map((a) => a.action)).toEqual(['registration.import-chunk', 'registration.import-chunk']);
    expect(await verifyAuditChain(handle.db, '25')).toMatchObject({ ok: true, entries: 2 });
  });
});
