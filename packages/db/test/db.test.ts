/**
 * The database contract, run over both dialects (embedded PGlite and PostgreSQL 15).
 * ASVS references: v5.0.0-8.2.2 (object-level access across tenants), v5.0.0-14.2.4 (sensitive data
 * protected at rest), v5.0.0-16.4.2 (logs protected from modification), v5.0.0-2.3.5 (two people).
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  addMembership,
  appendAudit,
  AUDIT_PENDING_TABLES,
  canonicalJson,
  chainPendingAudit,
  APP_ROLE,
  countMembersAt,
  CREDENTIAL_TABLES,
  EVIDENCE_TABLES,
  JOB_TABLES,
  createCitizenIdCipher,
  createPerson,
  endMembership,
  findPersonByCitizenId,
  getPerson,
  GLOBAL_TABLES,
  membersAt,
  membershipsOf,
  migrateToLatest,
  migrations,
  publishFramework,
  revealCitizenId,
  searchPeople,
  TENANT_TABLES,
  truncateAllTables,
  verifyAuditChain,
  withScope,
  type Database,
  type DatabaseHandle,
} from '../src/index.js';
import { dialects, openTestDatabase, TEST_DATA_KEY, type TestDatabase } from './harness.js';

const cipher = createCitizenIdCipher(TEST_DATA_KEY);
const A = '25'; // Phú Thọ
const B = '01'; // Hà Nội
const A1 = '07900';
const A2 = '07901';
const B1 = '00004';

async function seedUser(db: Kysely<Database>, email: string) {
  return db
    .insertInto('users')
    .values({ email, display_name: email, password_hash: '$argon2id$test', roles: ['staff'], localities: [A] })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function appRoleWithoutScope<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql.raw(`SET LOCAL ROLE ${APP_ROLE}`).execute(trx);
    return fn(trx);
  });
}

describe.each(dialects)('@hoctap/db on %s', (dialect) => {
  let t: TestDatabase;
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let tablesBefore: number;
  let migrated: Awaited<ReturnType<typeof migrateToLatest>>;
  let migrateMs: number;

  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    handle = t.handle;
    db = handle.db;
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'`.execute(db);
    tablesBefore = r.rows[0]!.n;
    const started = performance.now();
    migrated = await migrateToLatest(db);
    migrateMs = performance.now() - started;
    console.info(`[${dialect}] open ${t.openMs.toFixed(0)} ms, migrate from empty ${migrateMs.toFixed(0)} ms`);
  });

  afterAll(async () => {
    await t?.dispose();
  });

  beforeEach(async () => {
    await truncateAllTables(db);
  });

  describe('migrations', () => {
    it('run from an empty database, in order, forward only', async () => {
      expect(handle.dialect).toBe(dialect);
      expect(tablesBefore).toBe(0);
      // The released migrations first, then every later one, all in name order.
      expect(migrated.results?.map((r) => [r.migrationName, r.status])).toEqual(Object.keys(migrations).sort().map((n) => [n, 'Success']));
      expect(Object.keys(migrations).sort().slice(0, 4)).toEqual(['0001_initial_schema', '0002_row_level_security', '0003_registration_workflow', '0004_credentials']);
      const again = await migrateToLatest(db);
      expect(again.results).toEqual([]);
      const tables = await sql<{ table_name: string }>`
        SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`.execute(db);
      const names = tables.rows.map((r) => r.table_name);
      for (const table of [...TENANT_TABLES, ...GLOBAL_TABLES]) expect(names).toContain(table);
    });

    it('every tenant table has RLS enabled and forced, with separate read and write policies (catalogue)', async () => {
      const rls = await sql<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>`
        SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
        WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`.execute(db);
      const byName = new Map(rls.rows.map((r) => [r.relname, r]));
      const policies = await sql<{ tablename: string; cmd: string; qual: string | null; with_check: string | null }>`
        SELECT tablename, cmd, qual, with_check FROM pg_policies WHERE schemaname = 'public'`.execute(db);
      for (const table of [...TENANT_TABLES, ...CREDENTIAL_TABLES, ...JOB_TABLES, ...EVIDENCE_TABLES, ...AUDIT_PENDING_TABLES]) {
        expect(byName.get(table), table).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
        const mine = policies.rows.filter((p) => p.tablename === table);
        const read = mine.find((p) => p.cmd === 'SELECT');
        const insert = mine.find((p) => p.cmd === 'INSERT');
        expect(read?.qual, `${table} read policy`).toBeTruthy();
        expect(insert?.with_check, `${table} insert policy`).toBeTruthy();
        expect(mine.some((p) => p.cmd === 'ALL'), `${table} has no catch-all policy`).toBe(false);
      }
      // Every table carrying a province code is a tenant table, except the reference list of units.
      const withProvince = await sql<{ table_name: string }>`
        SELECT DISTINCT c.table_name FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
        WHERE c.table_schema = 'public' AND c.column_name = 'province_code'`.execute(db);
      for (const { table_name } of withProvince.rows) {
        if (table_name !== 'administrative_units' && !(CREDENTIAL_TABLES as readonly string[]).includes(table_name) && !(JOB_TABLES as readonly string[]).includes(table_name) && !(EVIDENCE_TABLES as readonly string[]).includes(table_name) && !(AUDIT_PENDING_TABLES as readonly string[]).includes(table_name)) expect(TENANT_TABLES as readonly string[]).toContain(table_name);
      }
    });

    it('the application role has no BYPASSRLS, owns nothing, and cannot UPDATE or DELETE the audit log', async () => {
      const role = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`
        SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = ${APP_ROLE}`.execute(db);
      expect(role.rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
      const owned = await sql<{ n: number }>`
        SELECT count(*) AS n FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = ${APP_ROLE})`.execute(db);
      expect(owned.rows[0]!.n).toBe(0);
      const privileges = await sql<{ sel: boolean; ins: boolean; upd: boolean; del: boolean; trunc: boolean }>`
        SELECT has_table_privilege(${APP_ROLE}, 'audit_log', 'SELECT') AS sel,
               has_table_privilege(${APP_ROLE}, 'audit_log', 'INSERT') AS ins,
               has_table_privilege(${APP_ROLE}, 'audit_log', 'UPDATE') AS upd,
               has_table_privilege(${APP_ROLE}, 'audit_log', 'DELETE') AS del,
               has_table_privilege(${APP_ROLE}, 'audit_log', 'TRUNCATE') AS trunc`.execute(db);
      expect(privileges.rows[0]).toEqual({ sel: true, ins: true, upd: false, del: false, trunc: false });
    });
  });

  describe('round trips', () => {
    it('administrative units keep their dates and successors across the 2025 reorganisation', async () => {
      await db
        .insertInto('administrative_units')
        .values([
          { code: '25', level: 'province', name: 'Tỉnh Phú Thọ', province_code: null, valid_from: '1997-01-01', valid_to: '2025-07-01', successor_code: '25' },
          { code: '25', level: 'province', name: 'Tỉnh Phú Thọ', province_code: null, valid_from: '2025-07-01', valid_to: null, successor_code: null },
          { code: '26', level: 'province', name: 'Tỉnh Vĩnh Phúc', province_code: null, valid_from: '1997-01-01', valid_to: '2025-07-01', successor_code: '25' },
        ])
        .execute();
      const old = await db
        .selectFrom('administrative_units')
        .selectAll()
        .where('code', '=', '26')
        .executeTakeFirstOrThrow();
      expect(old).toEqual({
        code: '26',
        level: 'province',
        name: 'Tỉnh Vĩnh Phúc',
        province_code: null,
        valid_from: '1997-01-01',
        valid_to: '2025-07-01',
        successor_code: '25',
      });
      const current = await db
        .selectFrom('administrative_units')
        .select('name')
        .where('level', '=', 'province')
        .where('valid_from', '<=', '2026-01-01')
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', '2026-01-01')]))
        .execute();
      expect(current).toEqual([{ name: 'Tỉnh Phú Thọ' }]);
    });

    it('users, frameworks, campaigns, registrations, assessments and decisions', async () => {
      const proposer = await seedUser(db, 'proposer@example.vn');
      const approver = await seedUser(db, 'approver@example.vn');
      expect(proposer.roles).toEqual(['staff']);
      expect(proposer.localities).toEqual([A]);
      expect(proposer.created_at).toBeInstanceOf(Date);

      const source = 'bộ tiêu chí "Công dân học tập" …';
      const framework = await publishFramework(db, {
        plugin: 'phu-tho',
        version: '2026.1',
        title: 'learning-citizen',
        sourceText: source,
        effectiveFrom: '2026-01-01',
        publishedBy: proposer.id,
      });
      expect(framework.content_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(framework.effective_from).toBe('2026-01-01');
      await expect(
        publishFramework(db, { plugin: 'phu-tho', version: '2026.1', title: 'learning-citizen', sourceText: 'x', effectiveFrom: '2026-01-01', publishedBy: proposer.id }),
      ).rejects.toThrow();

      const calendar = [
        { name: 'registration', from: '2026-01-15', to: '2026-03-31' },
        { name: 'review', from: '2026-10-01', to: '2026-11-30' },
      ];
      const campaign = await db
        .insertInto('campaigns')
        .values({ province_code: A, commune_code: A1, title: 'learning-citizen', name: 'Công dân học tập năm 2026 — xã A1', communes: [A1], framework_id: framework.id, year: 2026, calendar: JSON.stringify(calendar) })
        .returningAll()
        .executeTakeFirstOrThrow();
      expect(campaign.calendar).toEqual(calendar);
      expect(campaign.communes).toEqual([A1]);
      expect(campaign.year).toBe(2026);

      const person = await createPerson(db, cipher, { province: A, commune: A1, fullName: 'Trần Văn Bình', birthDate: '1980-02-03', sex: 'male' });
      const registration = await db
        .insertInto('registrations')
        .values({ province_code: A, commune_code: A1, campaign_id: campaign.id, subject_kind: 'person', subject_id: person.id, registered_by: proposer.id })
        .returningAll()
        .executeTakeFirstOrThrow();
      expect(registration.status).toBe('registered');

      const scores = { 'reading': 10, 'digital-skills': 7.5, 'volunteer': true };
      const evidence = [{ name: 'chung-nhan.pdf', mediaType: 'application/pdf', size: 1234, sha256: 'a'.repeat(64), storageKey: 'ev/2026/x1' }];
      const result = { frameworkVersion: '2026.1', total: 17.5, grade: 'good', explanation: ['reading: 10/10'] };
      for (const kind of ['self', 'committee'] as const) {
        await db
          .insertInto('assessments')
          .values({ province_code: A, commune_code: A1, registration_id: registration.id, kind, scores: JSON.stringify(scores), evidence: JSON.stringify(evidence), notes: 'ghi chú', assessed_by: proposer.id, result: JSON.stringify(result) })
          .execute();
      }
      const assessments = await db.selectFrom('assessments').selectAll().orderBy('kind', 'desc').execute();
      expect(assessments.map((a) => a.kind)).toEqual(['self', 'committee']);
      expect(assessments[0]).toMatchObject({ scores, evidence, result, notes: 'ghi chú' });

      // numbers come back as numbers on both drivers (int8 count, numeric sum)
      const stats = await db
        .selectFrom('assessments')
        .select([
          sql<number>`count(*)`.as('n'),
          sql<number>`sum((scores->>'digital-skills')::numeric)`.as('digital'),
          sql<number>`sum(length(notes)::bigint)`.as('chars'),
        ])
        .executeTakeFirstOrThrow();
      expect(stats).toEqual({ n: 2, digital: 15, chars: 14 });

      const decision = await db
        .insertInto('decisions')
        .values({ province_code: A, commune_code: A1, campaign_id: campaign.id, number: '12/QĐ-UBND', decided_on: '2026-12-01', signer: 'Chủ tịch UBND xã', proposer_id: proposer.id, approver_id: approver.id })
        .returningAll()
        .executeTakeFirstOrThrow();
      await db.insertInto('decision_subjects').values({ decision_id: decision.id, registration_id: registration.id, province_code: A, commune_code: A1 }).execute();
      expect(decision.decided_on).toBe('2026-12-01');
      const subjects = await db.selectFrom('decision_subjects').select('registration_id').where('decision_id', '=', decision.id).execute();
      expect(subjects).toEqual([{ registration_id: registration.id }]);

      // a decision needs two different people
      await expect(
        db.insertInto('decisions').values({ province_code: A, commune_code: A1, campaign_id: campaign.id, number: '13/QĐ-UBND', decided_on: '2026-12-02', signer: 'x', proposer_id: proposer.id, approver_id: proposer.id }).execute(),
      ).rejects.toThrow(/check constraint/);

      // sessions: token hash only, cascade on user delete
      await db.insertInto('sessions').values({ id: 'f'.repeat(64), user_id: approver.id, expires_at: new Date(Date.now() + 3_600_000) }).execute();
      const session = await db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
      expect(session.expires_at).toBeInstanceOf(Date);
    });

    it('names are stored NFC with a folded search column', async () => {
      const decomposed = 'Nguyễn Thị Hà'.normalize('NFD');
      const p = await createPerson(db, cipher, { province: A, commune: A1, fullName: `  ${decomposed} `, birthDate: '2003-04-05', sex: 'female' });
      expect(p.full_name).toBe('Nguyễn Thị Hà'.normalize('NFC'));
      expect(p.name_folded).toBe('nguyen thi ha');
      expect(p.birth_date).toBe('2003-04-05');
      await createPerson(db, cipher, { province: A, commune: A1, fullName: 'Đỗ Đức Hải' });
      expect((await searchPeople(db, cipher, 'nguyen thi ha')).map((x) => x.full_name)).toEqual(['Nguyễn Thị Hà']);
      expect((await searchPeople(db, cipher, 'ĐỨC')).map((x) => x.full_name)).toEqual(['Đỗ Đức Hải']);
      expect(await searchPeople(db, cipher, '%')).toEqual([]);
      // the database refuses a decomposed name written around the helper
      await expect(
        db.insertInto('people').values({ province_code: A, commune_code: A1, full_name: decomposed, name_folded: 'x' }).execute(),
      ).rejects.toThrow(/check constraint/);
    });
  });

  describe('citizen id', () => {
    const clear = '025303001234'; // province 025, 21st century female, born 2003
    it('is never stored in clear; lookup by keyed hash works; display is masked (v5.0.0-14.2.4)', async () => {
      const p = await createPerson(db, cipher, { province: A, commune: A1, fullName: 'Nguyễn Thị Hà', birthDate: '2003-04-05', sex: 'female', citizenId: clear });
      expect(p.citizen_id_masked).toBe('025*******34');
      expect(p).not.toHaveProperty('citizen_id_enc');

      const raw = await sql<Record<string, unknown>>`SELECT * FROM people`.execute(db);
      expect(raw.rows).toHaveLength(1);
      for (const [column, value] of Object.entries(raw.rows[0]!)) {
        const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value);
        expect(text ?? '', column).not.toContain(clear);
      }
      // nowhere else either: the whole database as text
      const everywhere = await sql<{ hit: number }>`
        SELECT count(*) AS hit FROM people p WHERE p::text LIKE ${'%' + clear + '%'}`.execute(db);
      expect(everywhere.rows[0]!.hit).toBe(0);

      expect((await findPersonByCitizenId(db, cipher, clear))?.id).toBe(p.id);
      expect((await findPersonByCitizenId(db, cipher, '0253 0300 1234'))?.id).toBe(p.id);
      expect(await findPersonByCitizenId(db, cipher, '025303001235')).toBeUndefined();
      expect(await revealCitizenId(db, cipher, p.id)).toBe(clear);

      // another key finds nothing and cannot decrypt
      const other = createCitizenIdCipher('ff'.repeat(32));
      expect(await findPersonByCitizenId(db, other, clear)).toBeUndefined();
      await expect(getPerson(db, other, p.id)).rejects.toThrow();

      // a ciphertext copied onto another person's row does not decrypt there (bound to the id)
      const q = await createPerson(db, cipher, { province: A, commune: A1, fullName: 'Lê Văn C' });
      const enc = (await db.selectFrom('people').select('citizen_id_enc').where('id', '=', p.id).executeTakeFirstOrThrow()).citizen_id_enc;
      await db.updateTable('people').set({ citizen_id_enc: enc, citizen_id_hmac: 'e'.repeat(64) }).where('id', '=', q.id).execute();
      await expect(revealCitizenId(db, cipher, q.id)).rejects.toThrow();
    });

    it('is validated before it is stored, and is unique', async () => {
      await expect(createPerson(db, cipher, { province: A, commune: A1, fullName: 'X', citizenId: '12345' })).rejects.toThrow(/12 chữ số/);
      await expect(createPerson(db, cipher, { province: A, commune: A1, fullName: 'X', citizenId: clear, birthDate: '1990-01-01' })).rejects.toThrow(/năm sinh/);
      await createPerson(db, cipher, { province: A, commune: A1, fullName: 'X', citizenId: clear });
      await expect(createPerson(db, cipher, { province: A, commune: A1, fullName: 'Y', citizenId: clear })).rejects.toThrow();
    });
  });

  describe('memberships over time', () => {
    it('answers who belonged where on a date', async () => {
      const person = await createPerson(db, cipher, { province: A, commune: A1, fullName: 'Phạm Thị Dung' });
      const child = await createPerson(db, cipher, { province: A, commune: A1, fullName: 'Phạm Văn Em' });
      const [h1, h2] = await db
        .insertInto('households')
        .values([
          { province_code: A, commune_code: A1, name: 'Hộ ông Phạm Văn An', name_folded: 'ho ong pham van an', village: 'Thôn 1' },
          { province_code: A, commune_code: A1, name: 'Hộ bà Phạm Thị Dung', name_folded: 'ho ba pham thi dung', village: 'Thôn 2' },
        ])
        .returning('id')
        .execute();
      const clan = await db.insertInto('clans').values({ province_code: A, commune_code: A1, name: 'Dòng họ Phạm', name_folded: 'dong ho pham' }).returning('id').executeTakeFirstOrThrow();
      const old = { kind: 'household' as const, id: h1!.id };
      const now = { kind: 'household' as const, id: h2!.id };
      await addMembership(db, { province: A, commune: A1, personId: person.id, group: old, validFrom: '2010-01-01' });
      await addMembership(db, { province: A, commune: A1, personId: child.id, group: old, validFrom: '2012-05-01' });
      await addMembership(db, { province: A, commune: A1, personId: person.id, group: { kind: 'clan', id: clan.id }, validFrom: '2010-01-01' });
      expect(await endMembership(db, person.id, old, '2025-07-01')).toBe(1);
      await addMembership(db, { province: A, commune: A1, personId: person.id, group: now, role: 'head', validFrom: '2025-07-01' });

      expect((await membersAt(db, old, '2025-06-30')).map((m) => m.person_id).sort()).toEqual([person.id, child.id].sort());
      expect((await membersAt(db, old, '2025-07-01')).map((m) => m.person_id)).toEqual([child.id]);
      expect((await membersAt(db, now, '2025-06-30'))).toEqual([]);
      expect((await membersAt(db, now, '2026-01-01')).map((m) => [m.person_id, m.role])).toEqual([[person.id, 'head']]);
      expect(await countMembersAt(db, old, '2011-01-01')).toBe(1);
      const mine = await membershipsOf(db, person.id, '2026-01-01');
      expect(mine.map((m) => [m.household_id, m.clan_id])).toEqual([[null, clan.id], [h2!.id, null]].sort((a, b) => (a[0] === null ? -1 : 1) - (b[0] === null ? -1 : 1)));
      expect(mine.find((m) => m.household_id)?.valid_from).toBe('2025-07-01');

      // one group per row, and an end after the start
      await expect(
        db.insertInto('memberships').values({ province_code: A, commune_code: A1, person_id: person.id, household_id: h1!.id, clan_id: clan.id, valid_from: '2020-01-01' }).execute(),
      ).rejects.toThrow(/check constraint/);
      await expect(
        addMembership(db, { province: A, commune: A1, personId: person.id, group: old, validFrom: '2020-01-01', validTo: '2019-01-01' }),
      ).rejects.toThrow(/check constraint/);
    });
  });

  describe('audit chain (v5.0.0-16.4.2)', () => {
    async function appendMany(n: number, province = A) {
      const out = [];
      for (let i = 0; i < n; i++) {
        out.push(await appendAudit(db, { province, action: 'person.update', actorId: null, subject: { kind: 'person', id: crypto.randomUUID() }, payload: { field: 'village', step: i, ratio: 0.5 } }));
      }
      return out;
    }

    it('appends and verifies, per province', async () => {
      await appendMany(5, A);
      await appendMany(3, B);
      // Each append committed on its own and was chained at its commit: nothing waits.
      const chained = await db.selectFrom('audit_log').select(['seq']).where('province_code', '=', A).orderBy('seq').execute();
      expect(chained.map((x) => Number(x.seq))).toEqual([1, 2, 3, 4, 5]);
      expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 8, provinces: [B, A].sort(), pending: { count: 0, oldest: null } });
      expect(await verifyAuditChain(db, A)).toMatchObject({ ok: true, entries: 5 });
      const first = await db.selectFrom('audit_log').selectAll().where('province_code', '=', A).where('seq', '=', 1).executeTakeFirstOrThrow();
      expect(first.prev_hash).toBe('0'.repeat(64));
      expect(first.payload).toEqual({ field: 'village', step: 0, ratio: 0.5 });
    });

    it('refuses payloads that copy personal data', async () => {
      await expect(appendAudit(db, { province: A, action: 'x', payload: { fullName: 'Nguyễn Thị Hà' } })).rejects.toThrow(/personal data/);
      await expect(appendAudit(db, { province: A, action: 'x', payload: { note: 'id 025303001234' } })).rejects.toThrow(/identity/);
      expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 0, provinces: [], pending: { count: 0, oldest: null } });
    });

    it('detects an edited entry', async () => {
      await appendMany(5);
      await sql`UPDATE audit_log SET payload = '{"field":"village","step":99,"ratio":0.5}' WHERE province_code = ${A} AND seq = 3`.execute(db);
      expect(await verifyAuditChain(db, A)).toMatchObject({ ok: false, province: A, seq: 3, reason: expect.stringMatching(/edited/) });
    });

    it('detects an edit that recomputes the entry hash (the next link breaks)', async () => {
      await appendMany(5);
      const row = await db.selectFrom('audit_log').selectAll().where('province_code', '=', A).where('seq', '=', 2).executeTakeFirstOrThrow();
      const { auditEntryDocument, auditHash } = await import('../src/audit.js');
      const forged = { ...row, action: 'person.delete' };
      await db.updateTable('audit_log').set({ action: forged.action, hash: auditHash(row.prev_hash, auditEntryDocument(forged)) }).where('province_code', '=', A).where('seq', '=', 2).execute();
      expect(await verifyAuditChain(db, A)).toMatchObject({ ok: false, seq: 3, reason: expect.stringMatching(/prev_hash/) });
    });

    it('detects a deleted entry, in the middle and at the end', async () => {
      await appendMany(5);
      await sql`DELETE FROM audit_log WHERE province_code = ${A} AND seq = 4`.execute(db);
      expect(await verifyAuditChain(db, A)).toMatchObject({ ok: false, seq: 4, reason: expect.stringMatching(/missing/) });
      await sql`DELETE FROM audit_log WHERE province_code = ${A} AND seq = 5`.execute(db);
      expect(await verifyAuditChain(db, A)).toMatchObject({ ok: false, seq: 4, reason: expect.stringMatching(/missing/) });
    });

    it('detects an inserted (forged) entry', async () => {
      await appendMany(3);
      const appended = await db.selectFrom('audit_log').selectAll().where('province_code', '=', A).orderBy('seq').execute();
      // a well-formed entry, hash computed correctly, linked to the last one: still beyond the head
      const { auditEntryDocument, auditHash } = await import('../src/audit.js');
      const forged = { province_code: A, seq: 4, at: new Date(), actor_id: null, action: 'decision.approve', subject_kind: null, subject_id: null, payload: {} };
      await db.insertInto('audit_log').values({ ...forged, payload: '{}', prev_hash: appended[2]!.hash, hash: auditHash(appended[2]!.hash, auditEntryDocument(forged)) }).execute();
      expect(await verifyAuditChain(db, A)).toMatchObject({ ok: false, seq: 4, reason: expect.stringMatching(/beyond the chain head/) });
      // a forged entry with a made-up hash in another chain
      await db.insertInto('audit_log').values({ province_code: B, seq: 1, at: new Date(), action: 'x', payload: '{}', prev_hash: '0'.repeat(64), hash: 'a'.repeat(64) }).execute();
      expect(await verifyAuditChain(db, B)).toMatchObject({ ok: false, province: B, seq: 1 });
    });

    it('keeps one valid chain under 20 concurrent appends (a commit that finds the chain busy leaves its entry to the next one or the sweeper)', async () => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => appendAudit(db, { province: A, action: 'concurrent', payload: { i } })));
      const before = await verifyAuditChain(db, A);
      expect(before.ok).toBe(true);
      if (!before.ok) return;
      expect(before.entries + before.pending.count).toBe(20);
      await chainPendingAudit(db);
      expect(await verifyAuditChain(db, A)).toEqual({ ok: true, entries: 20, provinces: [A], pending: { count: 0, oldest: null } });
      const payloads = await db.selectFrom('audit_log').select('payload').where('province_code', '=', A).execute();
      expect(payloads.map((p) => (p.payload as { i: number }).i).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    });

    // PostgreSQL only: PGlite has one connection, so no second transaction can hold the chain meanwhile.
    if (dialect === 'postgres') it('leaves an entry pending while another commit holds the chain, then chains it (next commit or sweeper)', async () => {
      const handle = t.handle;
      // Hold province A's chaining lock in a transaction of its own (another connection of the pool).
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const isLocked = new Promise<void>((r) => (locked = r));
      const holder = handle.db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(hashtext('hoctap.audit'), hashtext(${A}))`.execute(trx);
        locked();
        await held;
      });
      await isLocked;
      await appendAudit(db, { province: A, action: 'while-busy', payload: {} });
      const waiting = await verifyAuditChain(db, A);
      expect(waiting).toMatchObject({ ok: true, entries: 0, pending: { count: 1 } });
      release();
      await holder;
      // The next writer's commit chains both its own entry and the waiting one.
      await appendAudit(db, { province: A, action: 'next', payload: {} });
      const rows = await db.selectFrom('audit_log').select(['seq', 'action']).where('province_code', '=', A).orderBy('seq').execute();
      expect(rows.map((r) => [Number(r.seq), r.action])).toEqual([[1, 'while-busy'], [2, 'next']]);
      expect(await verifyAuditChain(db, A)).toEqual({ ok: true, entries: 2, provinces: [A], pending: { count: 0, oldest: null } });
    });

    it('splits the canonical entry around its sequence number exactly as the chain hashes it', async () => {
      const { auditDocumentAround, auditEntryDocument } = await import('../src/audit.js');
      const payloads: Record<string, unknown>[] = [
        {},
        { a: 1, b: [1, 2.5, -0, 1e21, 1e-7], c: { z: null, 'é': 'Đoàn "trích" \\ \n\t\u0001', seq: 7 } },
        { '\u00e9': 1, 'e\u0301': 2, '😀': '𝄞', nested: { seq: '"seq":1' } },
      ];
      for (const payload of payloads) {
        const row = { province_code: A, at: new Date('2026-03-01T02:03:04.005Z'), actor_id: crypto.randomUUID(), action: 'hành động', subject_kind: 'person', subject_id: null, payload };
        const { prefix, suffix } = auditDocumentAround(row);
        for (const seq of [1, 42, 123456789]) expect(prefix + seq + suffix).toBe(canonicalJson(auditEntryDocument({ ...row, seq })));
      }
    });

    it('appends inside a scoped transaction, and the application role cannot rewrite history', async () => {
      await withScope(db, { role: 'province', province: A }, async (trx) => {
        await appendAudit(trx, { province: A, action: 'scoped', payload: {} });
      });
      // A commune scope appends (and its commit chains) though it may not read the log back.
      await withScope(db, { role: 'commune', province: A, communes: [A1] }, async (trx) => {
        await appendAudit(trx, { province: A, action: 'commune-scoped', payload: {} });
      });
      await expect(withScope(db, { role: 'province', province: A }, (trx) => sql`UPDATE audit_log SET action = 'x'`.execute(trx))).rejects.toThrow(/permission denied/);
      await expect(withScope(db, { role: 'province', province: A }, (trx) => sql`DELETE FROM audit_log`.execute(trx))).rejects.toThrow(/permission denied/);
      await expect(withScope(db, { role: 'province', province: A }, (trx) => appendAudit(trx, { province: B, action: 'cross', payload: {} }))).rejects.toThrow(/row-level security/);
      // Nor delete entries waiting to be chained in another province, nor chain another province's.
      await expect(withScope(db, { role: 'province', province: A }, (trx) => sql`SELECT hoctap_audit_chain_pending(${B}, true)`.execute(trx))).rejects.toThrow(/row-level security/);
      expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 2, provinces: [A], pending: { count: 0, oldest: null } });
    });
  });

  describe('row-level security (v5.0.0-8.2.2)', () => {
    async function seedBoth() {
      const a = await createPerson(db, cipher, { province: A, commune: A1, fullName: 'Người A1' });
      const a2 = await createPerson(db, cipher, { province: A, commune: A2, fullName: 'Người A2' });
      const b = await createPerson(db, cipher, { province: B, commune: B1, fullName: 'Người B' });
      return { a, a2, b };
    }

    it('a province scope sees none of another province and cannot write there', async () => {
      const { a, a2, b } = await seedBoth();
      const seen = await withScope(db, { role: 'province', province: A }, (trx) => trx.selectFrom('people').select('id').orderBy('full_name').execute());
      expect(seen.map((r) => r.id).sort()).toEqual([a.id, a2.id].sort());
      const cross = await withScope(db, { role: 'province', province: A }, (trx) => trx.selectFrom('people').select('id').where('id', '=', b.id).execute());
      expect(cross).toEqual([]);
      await expect(
        withScope(db, { role: 'province', province: A }, (trx) => createPerson(trx, cipher, { province: B, commune: B1, fullName: 'Xâm nhập' })),
      ).rejects.toThrow(/row-level security/);
      // updates and deletes of another province's rows touch nothing
      const touched = await withScope(db, { role: 'province', province: A }, async (trx) => {
        const u = await trx.updateTable('people').set({ village: 'x' }).where('id', '=', b.id).executeTakeFirst();
        const d = await trx.deleteFrom('people').where('id', '=', b.id).executeTakeFirst();
        return Number(u.numUpdatedRows ?? 0n) + Number(d.numDeletedRows ?? 0n);
      });
      expect(touched).toBe(0);
      // moving an own row into another province is refused (WITH CHECK)
      await expect(
        withScope(db, { role: 'province', province: A }, (trx) => trx.updateTable('people').set({ province_code: B }).where('id', '=', a.id).execute()),
      ).rejects.toThrow(/row-level security/);
      expect((await getPerson(db, cipher, b.id))?.village).toBeNull();
    });

    it('a commune scope reads its communes and province-wide rows, and writes only its communes', async () => {
      const { a } = await seedBoth();
      const user = await seedUser(db, 'u@example.vn');
      const fw = await publishFramework(db, { plugin: 'p', version: '1', title: 'learning-family', sourceText: 's', effectiveFrom: '2026-01-01', publishedBy: user.id });
      await db.insertInto('campaigns').values({ province_code: A, commune_code: null, title: 'learning-family', name: 'Gia đình học tập năm 2026', framework_id: fw.id, year: 2026, calendar: '[]' }).execute();
      const scope = { role: 'commune', province: A, communes: [A1] } as const;
      const seen = await withScope(db, scope, async (trx) => ({
        people: await trx.selectFrom('people').select('id').execute(),
        campaigns: await trx.selectFrom('campaigns').select('commune_code').execute(),
      }));
      expect(seen.people.map((r) => r.id)).toEqual([a.id]);
      expect(seen.campaigns).toEqual([{ commune_code: null }]);
      await expect(withScope(db, scope, (trx) => createPerson(trx, cipher, { province: A, commune: A2, fullName: 'Khác xã' }))).rejects.toThrow(/row-level security/);
      await expect(
        withScope(db, scope, (trx) => trx.insertInto('campaigns').values({ province_code: A, commune_code: null, title: 't', name: 't 2027', framework_id: fw.id, year: 2027, calendar: '[]' }).execute()),
      ).rejects.toThrow(/row-level security/);
      await withScope(db, scope, (trx) => createPerson(trx, cipher, { province: A, commune: A1, fullName: 'Cùng xã' }));
    });

    it('with no scope set, the application role sees nothing and writes nothing (fails closed)', async () => {
      await seedBoth();
      expect(await appRoleWithoutScope(db, (trx) => trx.selectFrom('people').select('id').execute())).toEqual([]);
      await expect(appRoleWithoutScope(db, (trx) => createPerson(trx, cipher, { province: A, commune: A1, fullName: 'X' }))).rejects.toThrow(/row-level security/);
      // the scope is transaction-local: after a scoped transaction, the same connection is unscoped again
      await withScope(db, { role: 'province', province: A }, (trx) => trx.selectFrom('people').select('id').execute());
      expect(await appRoleWithoutScope(db, (trx) => trx.selectFrom('people').select('id').execute())).toEqual([]);
      const settings = await sql<{ role: string | null }>`SELECT current_setting('hoctap.role', true) AS role`.execute(db);
      expect(settings.rows[0]!.role ?? '').toBe('');
    });

    it('a national scope reads every province', async () => {
      await seedBoth();
      const n = await withScope(db, { role: 'national' }, (trx) => trx.selectFrom('people').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow());
      expect(n.n).toBe(3);
    });

    it('the application may also connect as its own login role (PostgreSQL); PGlite has only its superuser', async () => {
      const { a } = await seedBoth();
      if (dialect === 'pglite') {
        // PGlite is one superuser connection: RLS only bites because withScope switches role.
        const all = await withScope(db, { role: 'province', province: A }, (trx) => trx.selectFrom('people').select('id').execute(), { role: false });
        expect(all).toHaveLength(3);
        return;
      }
      const login = `hoctap_test_login_${crypto.randomUUID().slice(0, 8)}`;
      await sql.raw(`CREATE ROLE ${login} LOGIN NOSUPERUSER NOBYPASSRLS IN ROLE ${APP_ROLE}`).execute(db);
      const url = new URL(t.url!);
      url.username = login;
      const { openDatabase } = await import('../src/index.js');
      const app = await openDatabase({ url: url.toString(), maxConnections: 2 });
      try {
        const who = await sql<{ u: string }>`SELECT current_user AS u`.execute(app.db);
        expect(who.rows[0]!.u).toBe(login);
        expect(await app.db.selectFrom('people').select('id').execute()).toEqual([]);
        const mine = await withScope(app.db, { role: 'province', province: A }, (trx) => trx.selectFrom('people').select('id').orderBy('id').execute(), { role: false });
        expect(mine.map((r) => r.id)).toContain(a.id);
        expect(mine).toHaveLength(2);
        const viaDefault = await withScope(app.db, { role: 'province', province: B }, (trx) => trx.selectFrom('people').select('id').execute());
        expect(viaDefault).toHaveLength(1);
        await expect(app.db.deleteFrom('audit_log').execute()).rejects.toThrow(/permission denied/);
      } finally {
        await app.close();
        await sql.raw(`DROP ROLE ${login}`).execute(db);
      }
    });

    it('rejects malformed scopes before touching the database', async () => {
      await expect(withScope(db, { role: 'province', province: "25', '01" }, async () => 1)).rejects.toThrow(RangeError);
      await expect(withScope(db, { role: 'commune', province: A, communes: ['07900,00004'] }, async () => 1)).rejects.toThrow(RangeError);
    });
  });
});
