/**
 * Households, clans, communities and units with their members over time, through `app.request()`
 * on both dialects: folded name search, scope, roles, membership dates, audit, problems in Vietnamese.
 */
import { describe, expect, it } from 'vitest';
import { dialects } from './harness.js';
import { A, A1, A2, type World, suiteWorld } from './world.js';

describe.each(dialects)('groups on %s', (dialect) => {
  const w = suiteWorld(dialect);

  const person = async (fullName: string, commune = A1, who: Parameters<World['call']>[0] = 'offA1') => {
    const r = await w.call(who, 'POST', '/api/people', { commune, fullName });
    expect(r.status, r.text).toBe(201);
    return r.json.id as string;
  };

  it('creates each kind, searches without diacritics, lists in scope with member counts', async () => {
    const h = await w.call('offA1', 'POST', '/api/households', { commune: A1, name: '  Hộ   Nguyễn Thị Hà ', village: 'Thôn Đoài' });
    expect(h.status, h.text).toBe(201);
    expect(h.json).toMatchObject({ kind: 'household', province: A, commune: A1, name: 'Hộ Nguyễn Thị Hà', village: 'Thôn Đoài', type: null });
    const clan = await w.call('offA1', 'POST', '/api/clans', { commune: A1, name: 'Dòng họ Đỗ' });
    expect(clan.status, clan.text).toBe(201);
    const com = await w.call('offA1', 'POST', '/api/communities', { commune: A1, name: 'Thôn Đông', type: 'village' });
    expect(com.json).toMatchObject({ kind: 'community', type: 'village' });
    const unit = await w.call('offA1', 'POST', '/api/units', { commune: A1, name: 'Trường Tiểu học Thanh Sơn', type: 'school' });
    expect(unit.json).toMatchObject({ kind: 'unit', type: 'school' });
    // another commune's household is not listed for offA1
    expect((await w.call('offA2', 'POST', '/api/households', { commune: A2, name: 'Hộ Nguyễn Thị Hà' })).status).toBe(201);

    const found = await w.call('offA1', 'GET', '/api/households?q=nguyen%20thi%20ha');
    expect(found.status).toBe(200);
    expect(found.json.total).toBe(1);
    expect(found.json.items[0]).toMatchObject({ id: h.json.id, name: 'Hộ Nguyễn Thị Hà', memberCount: 0 });
    expect((await w.call('offA1', 'GET', '/api/clans?q=DO')).json.items.map((x: { name: string }) => x.name)).toEqual(['Dòng họ Đỗ']);
    expect((await w.call('offA1', 'GET', '/api/households?q=khong%20co')).json.total).toBe(0);
    // the province sees both communes; a committee member reads its own
    expect((await w.call('provA', 'GET', '/api/households?q=nguyen')).json.total).toBe(2);
    expect((await w.call('comA1', 'GET', '/api/households')).json.total).toBe(1);
    expect((await w.call('offA1', 'GET', '/api/units?type=school')).json.total).toBe(1);
    expect((await w.call('offA1', 'GET', '/api/units?type=agency')).json.total).toBe(0);
    // paging
    for (let i = 0; i < 3; i++) await w.call('offA1', 'POST', '/api/clans', { commune: A1, name: `Họ Lê ${i}` });
    const page = await w.call('offA1', 'GET', '/api/clans?limit=2&offset=2');
    expect(page.json).toMatchObject({ total: 4, limit: 2, offset: 2 });
    expect(page.json.items).toHaveLength(2);
  });

  it('members over time: add, as of a date, history, end with a date; a person’s groups; audited', async () => {
    const ha = await person('Nguyễn Thị Hà');
    const an = await person('Nguyễn Văn An');
    const h = (await w.call('offA1', 'POST', '/api/households', { commune: A1, name: 'Hộ ông Nguyễn Văn An' })).json.id as string;
    const head = await w.call('offA1', 'POST', `/api/households/${h}/members`, { personId: an, role: 'head', validFrom: '2010-01-01' });
    expect(head.status, head.text).toBe(201);
    expect(head.json).toMatchObject({ personId: an, fullName: 'Nguyễn Văn An', role: 'head', validFrom: '2010-01-01', validTo: null });
    // validFrom defaults to today (the world's clock: 10/05/2018)
    const m = await w.call('offA1', 'POST', `/api/households/${h}/members`, { personId: ha });
    expect(m.status, m.text).toBe(201);
    expect(m.json).toMatchObject({ role: 'member', validFrom: '2018-05-10' });

    let d = await w.call('comA1', 'GET', `/api/households/${h}`);
    expect(d.status).toBe(200);
    expect(d.json.date).toBe('2018-05-10');
    expect(d.json.members.map((x: { fullName: string }) => x.fullName).sort()).toEqual(['Nguyễn Thị Hà', 'Nguyễn Văn An']);
    expect(d.json.history).toEqual([]);
    // as of an earlier date, Hà was not yet a member
    d = await w.call('offA1', 'GET', `/api/households/${h}?date=2015-01-01`);
    expect(d.json.members.map((x: { fullName: string }) => x.fullName)).toEqual(['Nguyễn Văn An']);
    expect(d.json.history.map((x: { fullName: string }) => x.fullName)).toEqual(['Nguyễn Thị Hà']);
    expect((await w.call('offA1', 'GET', '/api/households?q=an')).json.items[0].memberCount).toBe(2);

    // overlapping membership of the same group → 409; a closed earlier period is fine
    const dup = await w.call('offA1', 'POST', `/api/households/${h}/members`, { personId: ha, validFrom: '2019-01-01' });
    expect(dup.status).toBe(409);
    expect(dup.json.code).toBe('ALREADY_MEMBER');
    expect(dup.json.detail).toMatch(/đã là thành viên/);
    const earlier = await w.call('offA1', 'POST', `/api/households/${h}/members`, { personId: ha, validFrom: '2000-01-01', validTo: '2005-01-01' });
    expect(earlier.status, earlier.text).toBe(201);
    const bad = await w.call('offA1', 'POST', `/api/households/${h}/members`, { personId: ha, validFrom: '2006-01-01', validTo: '2006-01-01' });
    expect(bad.status).toBe(422);
    expect(bad.json.code).toBe('END_NOT_AFTER_START');

    // end: before the start → 422; then at 01/01/2019; again → 409
    const early = await w.call('offA1', 'POST', `/api/households/${h}/members/${m.json.id}/end`, { date: '2018-05-10' });
    expect(early.status).toBe(422);
    const end = await w.call('offA1', 'POST', `/api/households/${h}/members/${m.json.id}/end`, { date: '2019-01-01' });
    expect(end.status, end.text).toBe(200);
    expect(end.json).toMatchObject({ id: m.json.id, validTo: '2019-01-01' });
    expect((await w.call('offA1', 'POST', `/api/households/${h}/members/${m.json.id}/end`, { date: '2019-02-01' })).json.code).toBe('MEMBERSHIP_ENDED');
    d = await w.call('offA1', 'GET', `/api/households/${h}?date=2019-01-01`);
    expect(d.json.members.map((x: { fullName: string }) => x.fullName)).toEqual(['Nguyễn Văn An']);

    // one household at a time: An (still in h) cannot join another; Hà can, from the day she left h
    const h2 = (await w.call('offA1', 'POST', '/api/households', { commune: A1, name: 'Hộ bà Nguyễn Thị Hà' })).json.id as string;
    const twice = await w.call('offA1', 'POST', `/api/households/${h2}/members`, { personId: an, validFrom: '2019-01-01' });
    expect([twice.status, twice.json.code]).toEqual([409, 'OTHER_HOUSEHOLD']);
    expect(twice.json.detail).toMatch(/hộ gia đình khác/);
    const overlapsOld = await w.call('offA1', 'POST', `/api/households/${h2}/members`, { personId: ha, validFrom: '2018-12-01' });
    expect([overlapsOld.status, overlapsOld.json.code]).toEqual([409, 'OTHER_HOUSEHOLD']);
    const moved = await w.call('offA1', 'POST', `/api/households/${h2}/members`, { personId: ha, role: 'head', validFrom: '2019-01-01' });
    expect(moved.status, moved.text).toBe(201);
    expect(d.json.history.map((x: { validTo: string }) => x.validTo).sort()).toEqual(['2005-01-01', '2019-01-01']);
    // ending without a body ends today
    const clan = (await w.call('offA1', 'POST', '/api/clans', { commune: A1, name: 'Họ Nguyễn' })).json.id as string;
    const cm = await w.call('offA1', 'POST', `/api/clans/${clan}/members`, { personId: an, validFrom: '2000-01-01' });
    const endToday = await w.call('offA1', 'POST', `/api/clans/${clan}/members/${cm.json.id}/end`);
    expect(endToday.status, endToday.text).toBe(200);
    expect(endToday.json.validTo).toBe('2018-05-10');
    // a membership id of another group is not found under this one
    expect((await w.call('offA1', 'POST', `/api/clans/${clan}/members/${m.json.id}/end`, { date: '2020-01-01' })).status).toBe(404);

    const groups = await w.call('comA1', 'GET', `/api/people/${an}/groups`);
    expect(groups.status).toBe(200);
    expect(groups.json.items.map((g: { kind: string; groupName: string; current: boolean }) => [g.kind, g.groupName, g.current]).sort()).toEqual([
      ['clan', 'Họ Nguyễn', false],
      ['household', 'Hộ ông Nguyễn Văn An', true],
    ]);

    // A person in the membership history is not deleted (the history would lose them): a clear 409, nothing removed.
    const del = await w.call('offA1', 'DELETE', `/api/people/${an}`, undefined, { 'accept-language': 'vi' });
    expect([del.status, del.json.code]).toEqual([409, 'PERSON_HAS_MEMBERSHIPS']);
    expect(del.json.detail ?? del.json.title).toMatch(/lịch sử thành viên/);
    expect((await w.call('comA1', 'GET', `/api/people/${an}`)).status).toBe(200);

    const actions = (await w.db.selectFrom('audit_log').select(['action', 'payload']).orderBy('seq').execute()).map((r) => r.action);
    expect(actions.filter((a) => a === 'membership.create')).toHaveLength(5);
    expect(actions.filter((a) => a === 'membership.end')).toHaveLength(2);
    expect(actions).toContain('household.create');
    expect(actions).toContain('clan.create');
  });

  it('update and delete; not when registered; roles and scope', async () => {
    const an = await person('Nguyễn Văn An');
    const u = (await w.call('offA1', 'POST', '/api/units', { commune: A1, name: 'Công ty ABC', type: 'enterprise' })).json.id as string;
    const up = await w.call('offA1', 'PATCH', `/api/units/${u}`, { name: 'Công ty Cổ phần Chè Phú Thọ', type: 'other' });
    expect(up.status, up.text).toBe(200);
    expect(up.json).toMatchObject({ name: 'Công ty Cổ phần Chè Phú Thọ', type: 'other' });
    expect((await w.call('offA1', 'GET', '/api/units?q=che%20phu%20tho')).json.total).toBe(1);
    expect((await w.call('offA1', 'POST', `/api/units/${u}/members`, { personId: an })).status).toBe(201);

    // a committee member reads but does not write; another commune gets 403 / 404; a citizen 403
    expect((await w.call('comA1', 'GET', `/api/units/${u}`)).status).toBe(200);
    expect((await w.call('comA1', 'PATCH', `/api/units/${u}`, { name: 'x' })).status).toBe(403);
    expect((await w.call('comA1', 'POST', '/api/units', { commune: A1, name: 'x', type: 'other' })).status).toBe(403);
    expect((await w.call('offA2', 'GET', `/api/units/${u}`)).status).toBe(404);
    expect((await w.call('offA2', 'DELETE', `/api/units/${u}`)).status).toBe(404);
    expect((await w.call('offA2', 'POST', '/api/units', { commune: A1, name: 'x', type: 'other' })).status).toBe(403);
    expect((await w.call('citizen', 'GET', '/api/units')).status).toBe(403);
    expect((await w.call(null, 'GET', '/api/units')).status).toBe(401);
    // a person of another commune cannot be added by offA1 (not visible); a person of another province → 422 for the province admin of A? (not visible either)
    const other = await person('Người Xã Bên', A2, 'offA2');
    expect((await w.call('offA1', 'POST', `/api/units/${u}/members`, { personId: other })).status).toBe(404);
    // the province admin may add a person of another commune of the province
    expect((await w.call('provA', 'POST', `/api/units/${u}/members`, { personId: other, validFrom: '2018-01-01' })).status).toBe(201);

    // registered → 409, nothing deleted
    await w.db.insertInto('frameworks').values({ plugin: 'p', version: 'v', title: 't', source_text: 's', status: 'draft', effective_from: '2018-01-01', content_hash: 'a'.repeat(64) }).execute();
    const fw = await w.db.selectFrom('frameworks').select('id').executeTakeFirstOrThrow();
    const cp = await w.db.insertInto('campaigns').values({ province_code: A, commune_code: A1, title: 'learning-unit', name: 'Đơn vị học tập năm 2018', framework_id: fw.id, year: 2018, calendar: [] }).returning('id').executeTakeFirstOrThrow();
    const reg = await w.db.insertInto('registrations').values({ province_code: A, commune_code: A1, campaign_id: cp.id, subject_kind: 'unit', subject_id: u }).returning('id').executeTakeFirstOrThrow();
    const refused = await w.call('offA1', 'DELETE', `/api/units/${u}`);
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toMatch(/đã đăng ký/);
    await w.db.deleteFrom('registrations').where('id', '=', reg.id).execute();
    const del = await w.call('offA1', 'DELETE', `/api/units/${u}`);
    expect(del.status, del.text).toBe(204);
    expect((await w.call('offA1', 'GET', `/api/units/${u}`)).status).toBe(404);
    expect(await w.db.selectFrom('memberships').select('id').where('unit_id', '=', u).execute()).toEqual([]);
    // the person is still there
    expect((await w.call('offA1', 'GET', `/api/people/${an}`)).status).toBe(200);
  });

  it('bad input is a Vietnamese problem, never a 500', async () => {
    const h = (await w.call('offA1', 'POST', '/api/households', { commune: A1, name: 'Hộ A' })).json.id as string;
    const cases: [string, string, unknown?][] = [
      ['POST', '/api/households', { commune: A1 }],
      ['POST', '/api/households', { commune: A1, name: '' }],
      ['POST', '/api/households', { commune: A1, name: 'x', extra: 1 }],
      ['POST', '/api/communities', { commune: A1, name: 'x' }],
      ['POST', '/api/communities', { commune: A1, name: 'x', type: 'city' }],
      ['POST', '/api/units', { commune: 'abc', name: 'x', type: 'school' }],
      ['POST', '/api/clans', { commune: A1, name: 'x', village: 'y' }],
      ['GET', '/api/households?limit=0'],
      ['GET', '/api/households?date=2018-02-30'],
      ['GET', `/api/households/${h}?date=hôm-nay`],
      ['GET', '/api/households/khong-phai-id'],
      ['GET', `/api/clans/${h}`],
      ['PATCH', `/api/households/${h}`, { name: 5 }],
      ['POST', `/api/households/${h}/members`, {}],
      ['POST', `/api/households/${h}/members`, { personId: 'x' }],
      ['POST', `/api/households/${h}/members`, { personId: h }],
      ['POST', `/api/households/${h}/members`, { personId: h, validFrom: '31/12/2018' }],
      ['POST', `/api/households/${h}/members`, { personId: h, role: 'king' }],
      ['POST', `/api/households/${h}/members/not-an-id/end`, { date: '2019-01-01' }],
      ['POST', `/api/households/${h}/members/${h}/end`, { date: '2019-01-01' }],
      ['POST', `/api/households/${h}/members/${h}/end`, { date: 'mai' }],
    ];
    for (const [method, path, body] of cases) {
      const r = await w.call('offA1', method, path, body);
      expect(r.status, `${method} ${path} ${r.text}`).toBeGreaterThanOrEqual(400);
      expect(r.status, `${method} ${path} ${r.text}`).toBeLessThan(500);
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(r.headers.get('content-language')).toBe('vi');
    }
    const en = await w.call('offA1', 'GET', '/api/households/khong-phai-id', undefined, { 'accept-language': 'en' });
    expect(en.json.detail).toBe('No such household');
    const vi = await w.call('offA1', 'GET', '/api/households/khong-phai-id');
    expect(vi.json.detail).toBe('Không tìm thấy hộ gia đình');
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await w.call(null, 'GET', '/api/openapi.json')).json;
    for (const p of ['/api/households', '/api/clans/{id}', '/api/communities/{id}/members', '/api/units/{id}/members/{membershipId}/end', '/api/people/{id}/groups']) expect(Object.keys(doc.paths)).toContain(p);
    expect(doc.components.schemas).toHaveProperty('HouseholdCreate');
    expect(doc.components.schemas).toHaveProperty('Membership');
  });
});
