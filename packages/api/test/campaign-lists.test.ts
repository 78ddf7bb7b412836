/**
 * Issue 11 over HTTP on both dialects: a campaign's name and communes (checked, shown), duplicates
 * named, a subject outside the campaign's communes refused, the calendar in the campaign's year
 * ("quý I năm sau" of TT 22/2020), and lists of any length — registrations with names and results,
 * a decision of more than 200 subjects with its counts and every certificate link.
 */
import { createPerson, createRegistration, createCitizenIdCipher } from '@hoctap/db';
import { national } from '@hoctap/plugin-national';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialects, TEST_DATA_KEY } from './harness.js';
import { A, A1, A2, B1, createWorld, SCORES_74, SCORES_75, type World } from './world.js';

const FW = 'phu-tho/cdht-phu-tho-2018';
const cipher = createCitizenIdCipher(TEST_DATA_KEY);

describe.each(dialects)('campaign names, communes and lists of any length on %s', (dialect) => {
  let w: World;

  beforeAll(async () => {
    w = await createWorld(dialect, [national]);
  }, 120_000);
  afterAll(async () => {
    await w?.dispose();
  });
  beforeEach(async () => {
    await w.reset();
    await w.seedUnits();
  }, 60_000);

  it('opens a campaign with its name and communes and shows them in the list and the campaign', async () => {
    const res = await w.call('provA', 'POST', '/api/campaigns', { framework: FW, year: 2018, communes: [A2, A1], name: ' Công dân học tập 2018 — hai xã ' });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ name: 'Công dân học tập 2018 — hai xã', communes: [A1, A2], commune: null, province: A });
    const one = await w.call('offA1', 'GET', `/api/campaigns/${res.json.id}`);
    expect(one.json).toMatchObject({ name: 'Công dân học tập 2018 — hai xã', communes: [A1, A2] });
    const list = await w.call('provA', 'GET', '/api/campaigns');
    expect(list.json.items.map((c: { name: string }) => c.name)).toEqual(['Công dân học tập 2018 — hai xã']);
    // Without a name: from the title, year and the units' names.
    const named = await w.call('offA2', 'POST', '/api/campaigns', { framework: FW, year: 2018, communes: [A2], confirm: true });
    expect(named.status, named.text).toBe(201);
    expect(named.json.name).toBe('Công dân học tập năm 2018 — Xã A2, Phú Thọ — đợt 2');
  });

  it('refuses a bad name, bad or foreign communes and communes outside an officer’s, each with its code, where and why', async () => {
    const post = (who: 'provA' | 'offA1', body: object) => w.call(who, 'POST', '/api/campaigns', { framework: FW, year: 2018, ...body });
    const cases: [string, 'provA' | 'offA1', object, number, string][] = [
      ['blank name', 'provA', { communes: [A1], name: '   ' }, 400, 'CAMPAIGN_NAME_REQUIRED'],
      ['long name', 'provA', { communes: [A1], name: 'x'.repeat(201) }, 400, 'CAMPAIGN_NAME_TOO_LONG'],
      ['code', 'provA', { communes: ['790'] }, 400, 'COMMUNE_CODE_INVALID'],
      ['unknown', 'provA', { communes: ['07999'] }, 422, 'COMMUNE_UNKNOWN'],
      ['other province', 'provA', { communes: [B1] }, 422, 'COMMUNE_NOT_IN_PROVINCE'],
      ['officer, other commune', 'offA1', { communes: [A2] }, 403, 'CAMPAIGN_COMMUNE_OUT_OF_SCOPE'],
    ];
    for (const [what, who, body, status, code] of cases) {
      const r = await post(who, body);
      expect([what, r.status, r.json.code]).toEqual([what, status, code]);
      expect(r.json.detail ?? r.json.title, what).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    }
    const r = await post('offA1', { communes: [A2] });
    expect(r.json).toMatchObject({ field: 'communes', communes: [A2], allowed: [A1] });
    expect(await w.db.selectFrom('campaigns').select('id').execute()).toEqual([]);
  });

  it('names the campaign already open for the same title, year and locality; confirm opens another round, the same name is refused', async () => {
    const first = (await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2018, communes: [A1], name: 'CDHT 2018 xã A1' })).json;
    const dup = await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2018, communes: [A1], name: 'CDHT 2018 xã A1 — bổ sung' });
    expect(dup.status).toBe(409);
    expect(dup.json).toMatchObject({ code: 'CAMPAIGN_NEEDS_CONFIRM', warnings: [{ code: 'DUPLICATE_CAMPAIGN', campaigns: [first.id] }], existing: [{ id: first.id, name: 'CDHT 2018 xã A1', communes: [A1] }] });
    expect(dup.json.warnings[0].message).toContain('«CDHT 2018 xã A1»');
    const same = await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2018, communes: [A1], name: 'CDHT 2018 XA A1', confirm: true });
    expect([same.status, same.json.code]).toEqual([409, 'CAMPAIGN_NAME_TAKEN']);
    const round = await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2018, communes: [A1], name: 'CDHT 2018 xã A1 — bổ sung', confirm: true });
    expect(round.status, round.text).toBe(201);
    // Another commune of the province is no duplicate.
    expect((await w.call('offA2', 'POST', '/api/campaigns', { framework: FW, year: 2018, communes: [A2], name: 'CDHT 2018 xã A2' })).status).toBe(201);
  });

  it('a person outside the campaign’s communes is refused with where they are', async () => {
    const cp = (await w.call('provA', 'POST', '/api/campaigns', { framework: FW, year: 2018, communes: [A1], name: 'Chỉ xã A1' })).json;
    const p = await w.call('offA2', 'POST', '/api/people', { commune: A2, fullName: 'Nguyễn Văn Ở Xa' });
    const r = await w.call('provA', 'POST', `/api/campaigns/${cp.id}/registrations`, { personId: p.json.id });
    expect([r.status, r.json.code]).toEqual([422, 'SUBJECT_OUTSIDE_CAMPAIGN']);
    expect(r.json.detail).toBe(`Người này ở xã ${A2}, ngoài địa bàn của đợt đánh giá «Chỉ xã A1» (các xã ${A1})`);
    expect(r.json).toMatchObject({ commune: A2, campaign: { id: cp.id, communes: [A1] } });
  });

  it('TT 22/2020 opened for 2026: its submission "trong quý I năm sau" is January–March 2027', async () => {
    const cp = await w.call('provA', 'POST', '/api/campaigns', { framework: 'national/dvht-tt22-2020', year: 2026, communes: [A1], name: 'Đơn vị học tập năm 2026', confirm: true });
    expect(cp.status, cp.text).toBe(201);
    const submission = cp.json.calendar.find((s: { name: string }) => s.name === 'submission');
    expect(submission).toMatchObject({ from: '2027-01-01', to: '2027-03-31', late: 'flag' });
    expect(submission.label).toContain('quý I năm sau');
  });

  it('the registrations list pages past 200 rows with the total, each row with its subject’s name and result', async () => {
    const cp = (await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2018, communes: [A1], name: 'Nhiều người' })).json;
    for (let i = 0; i < 205; i++) {
      const p = await createPerson(w.db, cipher, { province: A, commune: A1, fullName: `Người Thứ ${String(i).padStart(3, '0')}`, birthDate: null, sex: null, village: null, citizenId: null });
      await createRegistration(w.db, { province: A, commune: A1, campaignId: cp.id, subject: { kind: 'person', id: p.id }, registeredBy: w.ids.offA1, registeredAt: new Date(Date.UTC(2018, 4, 10, 3, 0, i)) });
    }
    const first = await w.call('offA1', 'GET', `/api/campaigns/${cp.id}/registrations?limit=200&offset=0`);
    const rest = await w.call('offA1', 'GET', `/api/campaigns/${cp.id}/registrations?limit=200&offset=200`);
    expect([first.json.total, first.json.items.length, rest.json.total, rest.json.items.length]).toEqual([205, 200, 205, 5]);
    const names = [...first.json.items, ...rest.json.items].map((r: { subjectName: string }) => r.subjectName);
    expect(new Set(names).size).toBe(205);
    expect(rest.json.items.at(-1)).toMatchObject({ subjectName: 'Người Thứ 204', result: null });
    expect((await w.call('offA1', 'GET', `/api/campaigns/${cp.id}/registrations?limit=201`)).status).toBe(400);
  });

  it('a decision of 202 recognised and 2 not: the list counts both and links every certificate; the reviewed list shows total and pass', async () => {
    const cp = (await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2018, communes: [A1], name: 'Quyết định lớn' })).json;
    // Two through the committee (their results shown in the list), 203 more proposed directly.
    const a = await w.call('offA1', 'POST', '/api/people', { commune: A1, fullName: 'Huỳnh Ngọc Ước' });
    const b = await w.call('offA1', 'POST', '/api/people', { commune: A1, fullName: 'Trần Văn Bình' });
    const pass = (await w.call('offA1', 'POST', `/api/campaigns/${cp.id}/registrations`, { personId: a.json.id })).json.id;
    const fail = (await w.call('offA1', 'POST', `/api/campaigns/${cp.id}/registrations`, { personId: b.json.id })).json.id;
    await w.travel('2018-10-01T03:00:00Z');
    for (const [id, scores] of [[pass, SCORES_75], [fail, SCORES_74]] as const) {
      expect((await w.call('offA1', 'POST', `/api/registrations/${id}/self-assessment`, { scores })).status).toBe(200);
      expect((await w.call('offA1', 'POST', `/api/registrations/${id}/submit`)).status).toBe(200);
      expect((await w.call('comA1', 'POST', `/api/registrations/${id}/review`, { scores })).status).toBe(200);
    }
    const reviewed = await w.call('offA1', 'GET', `/api/campaigns/${cp.id}/registrations?status=reviewed`);
    const byId = new Map(reviewed.json.items.map((r: { id: string }) => [r.id, r]));
    expect(byId.get(pass)).toMatchObject({ subjectName: 'Huỳnh Ngọc Ước', result: { total: 75, passed: true } });
    expect(byId.get(fail)).toMatchObject({ subjectName: 'Trần Văn Bình', result: { total: 74, passed: false, titles: [] } });
    expect((await w.call('offA1', 'POST', `/api/campaigns/${cp.id}/proposals`, { registrationIds: [pass, fail] })).status).toBe(200);
    const more: string[] = [];
    for (let i = 0; i < 202; i++) {
      const p = await createPerson(w.db, cipher, { province: A, commune: A1, fullName: `Đề Nghị ${i}`, birthDate: null, sex: null, village: null, citizenId: null });
      const { registration } = await createRegistration(w.db, { province: A, commune: A1, campaignId: cp.id, subject: { kind: 'person', id: p.id }, registeredBy: w.ids.offA1, registeredAt: new Date() });
      more.push(registration.id);
    }
    const refused = more.pop()!;
    await w.db.updateTable('registrations').set({ status: 'proposed', proposed_by: w.ids.offA1 }).where('id', 'in', [...more, refused]).execute();
    await w.travel('2018-12-02T03:00:00Z');
    const recognised = [pass, ...more];
    const d = await w.call('provA', 'POST', '/api/decisions', { campaignId: cp.id, number: '99/QĐ-UBND', decidedOn: '2018-12-01', signer: 'Chủ tịch UBND xã', recognised, notRecognised: [fail, refused] });
    expect(d.status, d.text).toBe(201);
    expect(d.json.decision.notRecognised).toEqual([fail, refused].sort());
    const list = await w.call('offA1', 'GET', `/api/decisions?campaign=${cp.id}`);
    const item = list.json.items[0];
    expect(item).toMatchObject({ number: '99/QĐ-UBND', campaignName: 'Quyết định lớn', recognisedCount: 202, notRecognisedCount: 2, subjectCount: 204 });
    expect(item.links.certificates).toHaveLength(202);
    expect(new Set(item.links.certificates.map((c: { registrationId: string }) => c.registrationId))).toEqual(new Set(recognised));
  }, 120_000);
});
