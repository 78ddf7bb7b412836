/**
 * The queries added for the API (issue 4): accounts and sessions, people paging/update/delete,
 * campaigns, registrations and their conditional transitions, assessments and decisions — over
 * both dialects, inside `withScope` where the rows are tenant-scoped.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  addAssessment,
  createCampaign,
  createCitizenIdCipher,
  createDecision,
  createGroup,
  createPerson,
  listGroups,
  createRegistration,
  createSession,
  createUser,
  deletePerson,
  ensureFramework,
  findUserByEmail,
  forgetCachedSessions,
  getDecision,
  getRegistration,
  latestAssessments,
  listCampaigns,
  listPeople,
  listRegistrations,
  migrateToLatest,
  newAssessment,
  registrationCounts,
  resolveSession,
  revokeSession,
  revokeUserSessions,
  setUserDisabled,
  sessionId,
  transitionRegistration,
  truncateAllTables,
  updatePerson,
  updateUser,
  withScope,
  chainPendingAudit,
  type Database,
} from '../src/index.js';
import { dialects, openTestDatabase, TEST_DATA_KEY, type TestDatabase } from './harness.js';

const cipher = createCitizenIdCipher(TEST_DATA_KEY);
const A = '25';
const A1 = '07900';
const A2 = '07901';
const scopeA1 = { role: 'commune' as const, province: A, communes: [A1] };
const scopeA2 = { role: 'commune' as const, province: A, communes: [A2] };

describe.each(dialects)('API queries on %s', (dialect) => {
  let t: TestDatabase;
  let db: Kysely<Database>;

  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    db = t.handle.db;
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await t?.dispose();
  });
  beforeEach(async () => {
    await truncateAllTables(db);
  });

  it('createUser lower-cases the email, refuses clear passwords and bad locality codes', async () => {
    const u = await createUser(db, { email: ' Can-Bo@Xa.VN ', displayName: 'Cán bộ', passwordHash: '$argon2id$x', roles: ['commune-officer'], localities: [A, A1] });
    expect(u.email).toBe('can-bo@xa.vn');
    expect((await findUserByEmail(db, 'CAN-BO@xa.vn'))?.id).toBe(u.id);
    await expect(createUser(db, { email: 'b@x.vn', displayName: 'B', passwordHash: 'hunter2', roles: [] })).rejects.toThrow(/PHC/);
    await expect(createUser(db, { email: 'c@x.vn', displayName: 'C', passwordHash: '$x', roles: [], localities: ['25,1'] })).rejects.toThrow(/locality/);
  });

  it('sessions: stored by token hash; idle and absolute timeouts against the given clock; revocation (v5.0.0-7.3.1, 7.3.2)', async () => {
    const u = await createUser(db, { email: 'a@x.vn', displayName: 'A', passwordHash: '$argon2id$x', roles: ['platform-admin'] });
    const t0 = new Date('2026-03-01T00:00:00Z');
    const token = 'tok-' + 'a'.repeat(40);
    await createSession(db, { token, userId: u.id, now: t0, absoluteMs: 12 * 3600_000 });
    const row = await db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
    expect(row.id).toBe(sessionId(token));
    expect(row.id).not.toContain(token);
    const idle = 30 * 60_000;
    // used every 20 minutes: alive until the absolute limit
    let now = t0.getTime();
    for (let i = 0; i < 35; i++) {
      now += 20 * 60_000;
      const r = await resolveSession(db, { token, now: new Date(now), idleMs: idle });
      expect(r.ok).toBe(true);
    }
    now += 20 * 60_000; // 12 h 0 min
    expect(await resolveSession(db, { token, now: new Date(now), idleMs: idle })).toEqual({ ok: false, reason: 'expired' });
    expect(await resolveSession(db, { token, now: new Date(now), idleMs: idle })).toEqual({ ok: false, reason: 'revoked' });

    const t2 = 'tok-' + 'b'.repeat(40);
    await createSession(db, { token: t2, userId: u.id, now: t0, absoluteMs: 12 * 3600_000 });
    expect(await resolveSession(db, { token: t2, now: new Date(t0.getTime() + idle + 1), idleMs: idle })).toEqual({ ok: false, reason: 'idle' });
    const t3 = 'tok-' + 'c'.repeat(40);
    await createSession(db, { token: t3, userId: u.id, now: t0, absoluteMs: 12 * 3600_000 });
    expect(await revokeUserSessions(db, u.id, t0)).toBe(1);
    expect(await resolveSession(db, { token: t3, now: t0, idleMs: idle })).toEqual({ ok: false, reason: 'revoked' });
    expect(await resolveSession(db, { token: 'nope', now: t0, idleMs: idle })).toEqual({ ok: false, reason: 'unknown' });
    // The idle clock is refreshed at most once a minute (no write per request).
    const t4 = 'tok-' + 'd'.repeat(40);
    await createSession(db, { token: t4, userId: u.id, now: t0, absoluteMs: 12 * 3600_000 });
    const seen = async () => (await db.selectFrom('sessions').select('last_seen_at').where('id', '=', sessionId(t4)).executeTakeFirstOrThrow()).last_seen_at.getTime();
    expect(await resolveSession(db, { token: t4, now: new Date(t0.getTime() + 59_000), idleMs: idle })).toMatchObject({ ok: true, user: { id: u.id, email: 'a@x.vn' } });
    expect(await seen()).toBe(t0.getTime());
    expect((await resolveSession(db, { token: t4, now: new Date(t0.getTime() + 61_000), idleMs: idle })).ok).toBe(true);
    expect(await seen()).toBe(t0.getTime() + 61_000);
  });

  it('sessions read from a cache: what this process changes is seen at once, what another process changes within cacheMs', async () => {
    const u = await createUser(db, { email: 'k@x.vn', displayName: 'K', passwordHash: '$argon2id$x', roles: ['commune-officer'], localities: [A, A1] });
    const t0 = new Date('2026-03-01T00:00:00Z');
    const lookup = (token: string, cacheMs = 60_000) => resolveSession(db, { token, now: t0, idleMs: 30 * 60_000, cacheMs });
    const tokens = ['e', 'f', 'g', 'h'].map((x) => 'tok-' + x.repeat(40));
    for (const token of tokens) await createSession(db, { token, userId: u.id, now: t0, absoluteMs: 12 * 3600_000 });
    const [t1, t2, t3, t4] = tokens as [string, string, string, string];
    expect(await lookup(t1)).toMatchObject({ ok: true, user: { roles: ['commune-officer'] } });
    // Another process revokes it: this one still has it for cacheMs, but not without the cache.
    await db.updateTable('sessions').set({ revoked_at: t0 }).where('id', '=', sessionId(t1)).execute();
    expect((await lookup(t1)).ok).toBe(true);
    expect(await lookup(t1, 0)).toEqual({ ok: false, reason: 'revoked' });
    forgetCachedSessions();
    expect(await lookup(t1)).toEqual({ ok: false, reason: 'revoked' });
    // What this process does through the package is seen by the next lookup.
    expect((await lookup(t2)).ok).toBe(true);
    await revokeSession(db, sessionId(t2), t0);
    expect(await lookup(t2)).toEqual({ ok: false, reason: 'revoked' });
    expect((await lookup(t3)).ok).toBe(true);
    await updateUser(db, u.id, { roles: ['province-admin'], localities: [A] });
    expect(await lookup(t3)).toMatchObject({ ok: true, user: { roles: ['province-admin'], localities: [A] } });
    await setUserDisabled(db, u.id, t0);
    expect(await lookup(t3)).toEqual({ ok: false, reason: 'disabled' });
    await setUserDisabled(db, u.id, null);
    expect((await lookup(t4)).ok).toBe(true);
    expect(await revokeUserSessions(db, u.id, t0)).toBe(2);
    expect(await lookup(t3)).toEqual({ ok: false, reason: 'revoked' });
    expect(await lookup(t4)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('people: folded search with paging and totals, update re-validates the citizen id, delete — all scoped', async () => {
    const names = ['Nguyễn Thị Hà', 'Nguyễn Thị Hải', 'Trần Văn Bình', 'Nguyễn Thị Hạnh'];
    await withScope(db, scopeA1, async (trx) => {
      for (const n of names) await createPerson(trx, cipher, { province: A, commune: A1, fullName: n });
    });
    await withScope(db, scopeA2, (trx) => createPerson(trx, cipher, { province: A, commune: A2, fullName: 'Nguyễn Thị Hà' }));
    const page = await withScope(db, scopeA1, (trx) => listPeople(trx, cipher, { query: 'nguyen thi ha', limit: 2, offset: 0 }));
    expect(page.total).toBe(3);
    expect(page.items.map((p) => p.full_name)).toEqual(['Nguyễn Thị Hà', 'Nguyễn Thị Hải']);
    const page2 = await withScope(db, scopeA1, (trx) => listPeople(trx, cipher, { query: 'NGUYEN THI HA', limit: 2, offset: 2 }));
    expect(page2.items.map((p) => p.full_name)).toEqual(['Nguyễn Thị Hạnh']);
    // a literal % does not match everything
    expect((await withScope(db, scopeA1, (trx) => listPeople(trx, cipher, { query: '%' }))).total).toBe(0);

    const p = page.items[0]!;
    const updated = await withScope(db, scopeA1, (trx) => updatePerson(trx, cipher, p.id, { birthDate: '2003-04-05', sex: 'female', citizenId: '025303001234' }));
    expect(updated?.citizen_id_masked).toBe('025*******34');
    await expect(withScope(db, scopeA1, (trx) => updatePerson(trx, cipher, p.id, { birthDate: '1990-01-01' }))).rejects.toThrow(RangeError);
    // another commune sees nothing and changes nothing
    expect(await withScope(db, scopeA2, (trx) => updatePerson(trx, cipher, p.id, { fullName: 'X' }))).toBeUndefined();
    expect(await withScope(db, scopeA2, (trx) => deletePerson(trx, p.id))).toBe(false);
    expect(await withScope(db, scopeA1, (trx) => deletePerson(trx, p.id))).toBe(true);
  });

  it('people and groups are listed in Vietnamese order (the order of Intl.Collator("vi")), page after page', async () => {
    const names = ['Đặng Thị Bích', 'Đào Văn An', 'Dương Văn Cường', 'Đỗ Thị Dung', 'Ánh', 'Anh', 'Ảnh', 'Ăn', 'Ân', 'Bùi Văn Hải', 'Ông Văn Ơn', 'Ơn', 'Ưng Thị Lan', 'Uông Văn Tú', 'Hạ', 'Há', 'Hà', 'Ha', 'Lê Thị Hồng', 'Lê Thị Hông', 'an'];
    await withScope(db, scopeA1, async (trx) => {
      for (const n of names) await createPerson(trx, cipher, { province: A, commune: A1, fullName: n });
      for (const n of names.slice(0, 8)) await createGroup(trx, 'clan', { province: A, commune: A1, name: `Họ ${n}` });
    });
    const expected = [...names].sort(new Intl.Collator('vi').compare);
    // Not the order of unaccented names nor of code points: "Đào" before "Đặng", "Dương" before both.
    expect(expected.indexOf('Đào Văn An')).toBeLessThan(expected.indexOf('Đặng Thị Bích'));
    const seen: string[] = [];
    for (let offset = 0; offset < names.length; offset += 5) {
      const page = await withScope(db, scopeA1, (trx) => listPeople(trx, cipher, { limit: 5, offset }));
      seen.push(...page.items.map((p) => p.full_name));
    }
    expect(seen).toEqual(expected);
    const clans = await withScope(db, scopeA1, (trx) => listGroups(trx, 'clan', { date: '2026-01-01', limit: 50 }));
    expect(clans.items.map((g) => g.name)).toEqual(names.slice(0, 8).map((n) => `Họ ${n}`).sort(new Intl.Collator('vi').compare));
  });

  it('campaigns, idempotent registrations, conditional transitions, assessments and decisions', async () => {
    const officer = await createUser(db, { email: 'o@x.vn', displayName: 'O', passwordHash: '$argon2id$x', roles: ['commune-officer'], localities: [A, A1] });
    const chair = await createUser(db, { email: 'c@x.vn', displayName: 'C', passwordHash: '$argon2id$x', roles: ['province-admin'], localities: [A] });
    const at = new Date('2018-05-10T03:00:00Z');
    const fw = await withScope(db, scopeA1, (trx) =>
      ensureFramework(trx, { plugin: 'p', version: 'f@1', title: 'learning-citizen', sourceText: 'bộ tiêu chí f "F"', effectiveFrom: '2018-01-01', publishedBy: officer.id, publishedAt: at }),
    );
    const again = await ensureFramework(db, { plugin: 'p', version: 'f@1', title: 'learning-citizen', sourceText: 'bộ tiêu chí f "F"', effectiveFrom: '2018-01-01', publishedBy: officer.id, publishedAt: at });
    expect(again.id).toBe(fw.id);
    await expect(ensureFramework(db, { plugin: 'p', version: 'f@1', title: 'x', sourceText: 'other', effectiveFrom: '2018-01-01', publishedBy: officer.id, publishedAt: at })).rejects.toThrow(/another text/);

    const { campaign, reg, person } = await withScope(db, scopeA1, async (trx) => {
      const campaign = await createCampaign(trx, { province: A, commune: A1, title: 'learning-citizen', name: 'Công dân học tập năm 2018', communes: [A1], frameworkId: fw.id, year: 2018, calendar: [{ name: 'self-assessment', to: '2018-11-04', late: 'flag' }] });
      const person = await createPerson(trx, cipher, { province: A, commune: A1, fullName: 'Lê Thị Mai' });
      const first = await createRegistration(trx, { province: A, commune: A1, campaignId: campaign.id, subject: { kind: 'person', id: person.id }, registeredBy: officer.id, registeredAt: at });
      const second = await createRegistration(trx, { province: A, commune: A1, campaignId: campaign.id, subject: { kind: 'person', id: person.id }, registeredBy: officer.id, registeredAt: at });
      expect(first.created).toBe(true);
      expect(second).toMatchObject({ created: false, registration: { id: first.registration.id } });
      return { campaign, reg: first.registration, person };
    });
    expect(campaign.calendar).toEqual([{ name: 'self-assessment', to: '2018-11-04', late: 'flag' }]);
    expect(person.full_name).toBe('Lê Thị Mai');
    expect((await withScope(db, scopeA2, (trx) => listCampaigns(trx))).total).toBe(0);
    expect((await withScope(db, { role: 'province', province: A }, (trx) => listCampaigns(trx, { year: 2018 }))).total).toBe(1);

    await withScope(db, scopeA1, async (trx) => {
      expect(await transitionRegistration(trx, reg.id, ['submitted'], 'reviewed', { at })).toBeUndefined();
      const moved = await transitionRegistration(trx, reg.id, ['registered'], 'self-assessed', { at, late: true });
      expect(moved).toMatchObject({ status: 'self-assessed', late: true });
      await addAssessment(trx, { province: A, commune: A1, registrationId: reg.id, kind: 'self', scores: { '1.1': 5 }, evidence: [], assessedBy: officer.id, assessedAt: at, result: { total: 5 } });
      await addAssessment(trx, { province: A, commune: A1, registrationId: reg.id, kind: 'self', scores: { '1.1': 6 }, evidence: [], assessedBy: officer.id, assessedAt: new Date(at.getTime() + 1000), result: { total: 6 } });
      const latest = await latestAssessments(trx, campaign.id, 'self');
      expect(latest.map((a) => a.result)).toEqual([{ total: 6 }]);
      await transitionRegistration(trx, reg.id, ['self-assessed'], 'proposed', { at, proposedBy: officer.id });
    });
    // A move with the assessment that made it and its audit entry, in one statement: all three or none.
    const audited = { province: A, action: 'registration.self-assess', actorId: officer.id, subject: { kind: 'registration', id: reg.id } };
    await withScope(db, scopeA1, async (trx) => {
      const a = newAssessment({ province: A, commune: A1, registrationId: reg.id, kind: 'self', scores: { '1.1': 7 }, evidence: [], assessedBy: officer.id, assessedAt: at, result: { total: 7 } });
      // Not in `registered` any more: nothing moves, nothing is stored.
      expect(await transitionRegistration(trx, reg.id, ['registered'], 'self-assessed', { at, assessment: a, audit: { ...audited, payload: { assessment: a.id } } })).toBeUndefined();
      expect(await trx.selectFrom('assessments').select('id').where('id', '=', a.id).execute()).toEqual([]);
      expect(await trx.selectFrom('audit_pending').select('id').where('subject_id', '=', reg.id).execute()).toEqual([]);
      const b = newAssessment({ province: A, commune: A1, registrationId: reg.id, kind: 'self', scores: { '1.1': 8 }, evidence: [], notes: 'ghi chú', assessedBy: officer.id, assessedAt: at, result: { total: 8 } });
      expect(await transitionRegistration(trx, reg.id, ['proposed'], 'proposed', { at, assessment: b, audit: { ...audited, payload: { assessment: b.id } } })).toMatchObject({ status: 'proposed' });
      expect(await trx.selectFrom('assessments').select(['id', 'kind', 'scores', 'notes', 'result', 'assessed_by']).where('id', '=', b.id).execute()).toEqual([
        { id: b.id, kind: 'self', scores: { '1.1': 8 }, notes: 'ghi chú', result: { total: 8 }, assessed_by: officer.id },
      ]);
    });
    await chainPendingAudit(db);
    expect((await db.selectFrom('audit_log').select('payload').where('subject_id', '=', reg.id).execute()).map((r) => r.payload)).toEqual([{ assessment: expect.any(String) }]);
    // an unknown state is refused by the CHECK
    await expect(db.updateTable('registrations').set({ status: 'bogus' as never }).where('id', '=', reg.id).execute()).rejects.toThrow(/check constraint/);

    const decision = await withScope(db, { role: 'province', province: A }, async (trx) => {
      const d = await createDecision(trx, {
        province: A, commune: A1, campaignId: campaign.id, number: '1/QĐ-UBND', decidedOn: '2018-12-01', signer: 'Chủ tịch', proposerId: officer.id, approverId: chair.id,
        recognised: [{ id: reg.id, province: A, commune: A1 }],
      });
      await transitionRegistration(trx, reg.id, ['proposed'], 'recognised', { at });
      return d;
    });
    expect((await withScope(db, scopeA1, (trx) => getDecision(trx, decision.id)))?.registrations).toEqual([reg.id]);
    expect(await withScope(db, scopeA2, (trx) => getDecision(trx, decision.id))).toBeUndefined();
    expect(await withScope(db, scopeA2, (trx) => getRegistration(trx, reg.id))).toBeUndefined();
    expect(await withScope(db, scopeA1, (trx) => registrationCounts(trx, campaign.id))).toEqual({ recognised: 1 });
    expect((await withScope(db, scopeA1, (trx) => listRegistrations(trx, campaign.id, { status: 'recognised' }))).total).toBe(1);
  });
});

describe('audit guard', () => {
  it('accepts UUIDs whose last group is all digits (ids, not identity numbers), still refuses bare numbers', async () => {
    const { assertNoPersonalData } = await import('../src/index.js');
    expect(() => assertNoPersonalData({ registration: '6a86143e-0a5e-4d4c-9f76-430417123456' })).not.toThrow();
    expect(() => assertNoPersonalData({ ids: ['6a86143e-0a5e-4d4c-9f76-430417123456'] })).not.toThrow();
    expect(() => assertNoPersonalData({ note: 'gọi 0912345678' })).toThrow(/identity/);
    expect(() => assertNoPersonalData({ note: '6a86143e-0a5e-4d4c-9f76-430417123456 025303001234' })).toThrow(/identity/);
  });
});

describe('PostgreSQL pool for a server', () => {
  it('keepConnections opens every connection at once (no backend started, and no statement prepared again, under load)', async () => {
    const { createTempPostgres } = await import('../src/testing.js');
    const { openDatabase } = await import('../src/index.js');
    const tmp = await createTempPostgres('hoctap_pool');
    const handle = await openDatabase({ url: tmp.url, maxConnections: 3, keepConnections: true });
    const lazy = await openDatabase({ url: tmp.url, maxConnections: 3 });
    try {
      const backends = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()`.execute(lazy.db)).rows[0]!.n);
      // The three kept ones and the lazy pool's one connection that asks.
      expect(await backends()).toBe(4);
    } finally {
      await lazy.close();
      await handle.close();
      await tmp.drop();
    }
  });
});

describe('withScope on PostgreSQL: BEGIN and the scope settings travel with the first statement', () => {
  it('the first statement sees the scope and the role, with or without parameters; an error comes back with it and the connection goes on', async () => {
    const t = await openTestDatabase('postgres');
    try {
      await migrateToLatest(t.handle.db);
      const db = t.handle.db;
      const scope = { role: 'province' as const, province: A };
      const withParams = await withScope(db, scope, (trx) => sql<{ p: string; u: string; one: number }>`SELECT current_setting('hoctap.province') AS p, current_user AS u, ${1}::int AS one`.execute(trx));
      expect(withParams.rows).toEqual([{ p: A, u: 'hoctap_app', one: 1 }]);
      // The first statement's values are parsed as any other's (the pool's type parsers).
      const typed = (trx: Kysely<Database>) => sql<Record<string, unknown>>`SELECT ${'2018-05-10'}::date AS d, ${'2018-05-10T03:00:00Z'}::timestamptz AS t, ${'12.50'}::numeric AS n, ${1}::bigint AS b`.execute(trx);
      const [first, second] = await withScope(db, scope, async (trx) => [(await typed(trx)).rows, (await typed(trx)).rows]);
      expect(first).toEqual(second);
      expect(first![0]!['t']).toEqual(new Date('2018-05-10T03:00:00Z'));
      const plain = await withScope(db, scopeA1, (trx) => sql<{ r: string; c: string }>`SELECT current_setting('hoctap.role') AS r, current_setting('hoctap.communes') AS c`.execute(trx));
      expect(plain.rows).toEqual([{ r: 'commune', c: A1 }]);
      await expect(withScope(db, scope, (trx) => sql`SELECT ${'x'}::int`.execute(trx))).rejects.toThrow(/invalid input syntax/);
      expect(await withScope(db, scope, async () => 'nothing sent but the commit')).toBe('nothing sent but the commit');
      // Ten at once over the pool, each in its own scope, and nothing left set outside a transaction.
      const many = await Promise.all(
        Array.from({ length: 10 }, (_, i) => withScope(db, { role: 'commune', province: A, communes: [`0790${i}`] }, (trx) => sql<{ c: string }>`SELECT current_setting('hoctap.communes') AS c WHERE ${i}::int >= 0`.execute(trx))),
      );
      expect(many.map((r) => r.rows[0]!.c)).toEqual(Array.from({ length: 10 }, (_, i) => `0790${i}`));
      expect((await sql<{ c: string | null }>`SELECT current_setting('hoctap.communes', true) AS c`.execute(db)).rows[0]!.c ?? '').toBe('');
    } finally {
      await t.dispose();
    }
  });
});
