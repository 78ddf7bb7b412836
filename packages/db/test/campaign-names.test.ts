/** Migration 0012 over both dialects: existing campaigns are named and cover their commune; existing decisions read what they did not recognise from their audit entry. */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignsLike, communesOfUnits, createMigrator, createUser, migrateToLatest, publishFramework, type Database } from '../src/index.js';
import { dialects, openTestDatabase, type TestDatabase } from './harness.js';

const A = '25';
const A1 = '07900';
const A2 = '07901';

describe.each(dialects)('campaign names and communes (migration 0012) on %s', (dialect) => {
  let t: TestDatabase;
  let db: Kysely<Database>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    db = t.handle.db;
    const before = await createMigrator(db).migrateTo('0011_job_files');
    expect(before.error).toBeUndefined();
    // Rows as they stood before 0012 (no name, no communes, no not_recognised).
    const u = await createUser(db, { email: 'a@x.vn', displayName: 'A', passwordHash: '$argon2id$x', roles: ['province-admin'], localities: [A] });
    const v = await createUser(db, { email: 'b@x.vn', displayName: 'B', passwordHash: '$argon2id$x', roles: ['province-admin'], localities: [A] });
    const fw = await publishFramework(db, { plugin: 'phu-tho', version: '1', title: 'learning-citizen', sourceText: 'x', effectiveFrom: '2018-01-01', publishedBy: u.id });
    await sql`INSERT INTO administrative_units (code, level, name, province_code, valid_from) VALUES (${A}, 'province', 'Phú Thọ', NULL, '2008-01-01'), (${A1}, 'commune', 'Xã Cũ', ${A}, '2008-01-01'), (${A1}, 'commune', 'Xã Mới', ${A}, '2025-07-01')`.execute(db);
    const cp = async (commune: string | null, title: string, year: number) =>
      (await sql<{ id: string }>`INSERT INTO campaigns (province_code, commune_code, title, framework_id, year) VALUES (${A}, ${commune}, ${title}, ${fw.id}, ${year}) RETURNING id`.execute(db)).rows[0]!.id;
    ids['province'] = await cp(null, 'learning-citizen', 2018);
    ids['commune'] = await cp(A1, 'learning-family', 2019);
    ids['unknown'] = await cp(A2, 'learning-unit', 2020);
    const d = (await sql<{ id: string }>`INSERT INTO decisions (province_code, campaign_id, number, decided_on, signer, proposer_id, approver_id) VALUES (${A}, ${ids['province']}, '1/QĐ', '2018-12-20', 'Chủ tịch', ${u.id}, ${v.id}) RETURNING id`.execute(db)).rows[0]!.id;
    ids['decision'] = d;
    ids['refused'] = '0190f0f0-0000-7000-8000-000000000001';
    await sql`INSERT INTO audit_pending (province_code, at, actor_id, action, subject_kind, subject_id, payload, doc_prefix, doc_suffix)
      VALUES (${A}, now(), ${v.id}, 'decision.create', 'decision', ${d}, ${JSON.stringify({ recognised: [], notRecognised: [ids['refused']] })}::jsonb, '', '')`.execute(db);
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('names every existing campaign from its title, year and locality (the units’ latest names), and gives it its commune', async () => {
    const rows = await db.selectFrom('campaigns').select(['id', 'name', 'communes']).execute();
    const of = new Map(rows.map((r) => [r.id, r]));
    expect(of.get(ids['province']!)).toMatchObject({ name: 'Công dân học tập năm 2018 — Phú Thọ', communes: [] });
    expect(of.get(ids['commune']!)).toMatchObject({ name: 'Gia đình học tập năm 2019 — Xã Mới, Phú Thọ', communes: [A1] });
    expect(of.get(ids['unknown']!)).toMatchObject({ name: 'Đơn vị học tập năm 2020 — xã 07901, Phú Thọ', communes: [A2] });
  });

  it('names a row written without a name (scripts, benchmarks) from its title, year and locality codes', async () => {
    const fw = (await db.selectFrom('frameworks').select('id').executeTakeFirstOrThrow()).id;
    const r = await sql<{ name: string }>`INSERT INTO campaigns (province_code, commune_code, title, framework_id, year) VALUES (${A}, ${A1}, 'learning-citizen', ${fw}, 2031) RETURNING name`.execute(db);
    expect(r.rows[0]!.name).toBe(`Công dân học tập năm 2031 — xã ${A1}, tỉnh ${A}`);
  });

  it('reads what an existing decision did not recognise from its audit entry', async () => {
    const d = await db.selectFrom('decisions').select('not_recognised').where('id', '=', ids['decision']!).executeTakeFirstOrThrow();
    expect(d.not_recognised).toEqual([ids['refused']]);
  });

  it('refuses a name that is empty, untrimmed, decomposed or too long, and communes that disagree with the commune', async () => {
    const base = (await db.selectFrom('campaigns').selectAll().where('id', '=', ids['province']!).executeTakeFirstOrThrow()) as Record<string, unknown>;
    const insert = (over: Record<string, unknown>) =>
      db
        .insertInto('campaigns')
        .values({ province_code: A, commune_code: null, title: 'learning-citizen', framework_id: base['framework_id'] as string, year: 2030, name: 'x', ...over } as never)
        .execute();
    for (const name of ['', ' Đợt 1', 'Đợt 1 ', 'Đợt công dân học tập'.normalize('NFD'), 'x'.repeat(201)]) await expect(insert({ name })).rejects.toThrow();
    await expect(insert({ commune_code: A1, communes: [A2] })).rejects.toThrow();
    await expect(insert({ name: 'Đợt 2030', communes: [A1, A2] })).resolves.toBeDefined();
  });

  it('finds the campaigns of the same title, year and province that cover one of the communes; a province-wide key, the province-wide ones', async () => {
    const like = async (communes: string[], title = 'learning-citizen', year = 2030) => (await campaignsLike(db, { title, year, province: A, communes })).map((c) => c.communes);
    expect(await like([A1])).toEqual([[A1, A2]]);
    expect(await like(['07999'])).toEqual([]);
    expect(await like([A2, '07999'])).toEqual([[A1, A2]]);
    expect(await like([])).toEqual([]);
    expect(await like([], 'learning-citizen', 2018)).toEqual([[]]);
    expect(await like([A1], 'learning-citizen', 2018)).toEqual([]);
  });

  it('reads the communes’ provinces from the administrative units, and whether they are loaded', async () => {
    const r = await communesOfUnits(db, [A1, A2]);
    expect(r.loaded).toBe(true);
    expect([...r.provinces]).toEqual([[A1, A]]);
  });
});
