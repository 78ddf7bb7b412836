/**
 * Issue 11, the decision stage over both dialects: the list of decisions in scope (counts, links,
 * paging, another locality sees none).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './harness.js';
import { A1, createWorld, SCORES_74, SCORES_75, type World } from './world.js';

const FW = 'phu-tho/cdht-phu-tho-2018';

describe.each(dialects)('the decision stage on %s', (dialect) => {
  let w: World;
  const s: { campaign: string; pass: string; fail: string; decision: string } = {} as never;

  beforeAll(async () => {
    w = await createWorld(dialect);
    await w.reset();
    const a = await w.call('offA1', 'POST', '/api/people', { commune: A1, fullName: 'Huỳnh Ngọc Ước', birthDate: '2003-04-05' });
    const b = await w.call('offA1', 'POST', '/api/people', { commune: A1, fullName: 'Trần Văn Bình' });
    s.campaign = (await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2018, commune: A1 })).json.id;
    s.pass = (await w.call('offA1', 'POST', `/api/campaigns/${s.campaign}/registrations`, { personId: a.json.id })).json.id;
    s.fail = (await w.call('offA1', 'POST', `/api/campaigns/${s.campaign}/registrations`, { personId: b.json.id })).json.id;
    await w.travel('2018-10-01T03:00:00Z');
    for (const [id, scores] of [[s.pass, SCORES_75], [s.fail, SCORES_74]] as const) {
      expect((await w.call('offA1', 'POST', `/api/registrations/${id}/self-assessment`, { scores })).status).toBe(200);
      expect((await w.call('offA1', 'POST', `/api/registrations/${id}/submit`)).status).toBe(200);
      expect((await w.call('comA1', 'POST', `/api/registrations/${id}/review`, { scores })).status).toBe(200);
    }
    expect((await w.call('offA1', 'POST', `/api/campaigns/${s.campaign}/proposals`, { registrationIds: [s.pass, s.fail] })).status).toBe(200);
    await w.travel('2018-12-02T03:00:00Z');
    const d = await w.call('provA', 'POST', '/api/decisions', { campaignId: s.campaign, number: '12/QĐ-UBND', decidedOn: '2018-12-01', signer: 'Chủ tịch UBND xã', recognised: [s.pass], notRecognised: [s.fail] });
    expect(d.status, d.text).toBe(201);
    s.decision = d.json.decision.id;
  }, 180_000);
  afterAll(async () => {
    await w?.dispose();
  });

  it('GET /api/decisions lists the decisions in scope with number, date, signer, title, counts and the links of their PDFs', async () => {
    const list = await w.call('offA1', 'GET', `/api/decisions?campaign=${s.campaign}`);
    expect(list.status, list.text).toBe(200);
    expect(list.json.total).toBe(1);
    expect(list.json.items).toHaveLength(1);
    const d = list.json.items[0];
    expect(d).toMatchObject({ id: s.decision, campaignId: s.campaign, number: '12/QĐ-UBND', decidedOn: '2018-12-01', signer: 'Chủ tịch UBND xã', title: 'learning-citizen', year: 2018, recognised: [s.pass], recognisedCount: 1 });
    const cred = await w.db.selectFrom('credentials').select('id').where('registration_id', '=', s.pass).executeTakeFirstOrThrow();
    expect(d.links).toEqual({
      decisionPdf: `/api/decisions/${s.decision}/pdf`,
      certificatesPdf: `/api/decisions/${s.decision}/certificates.pdf`,
      certificates: [{ registrationId: s.pass, pdf: `/api/registrations/${s.pass}/certificate.pdf`, credentialId: cred.id, verifyUrl: `http://localhost:3000/verify/${cred.id}`, revokedAt: null }],
    });
    // The links answer: the decision and the subject's certificate can be printed again.
    for (const path of [d.links.decisionPdf, d.links.certificates[0].pdf]) {
      const res = await w.app.request(path, { headers: { cookie: w.sessions.offA1.cookie } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/pdf');
    }
    expect((await w.call('provA', 'GET', '/api/decisions')).json.total).toBe(1);
  });

  it('another locality sees no decision, and a campaign out of scope is 404; anonymous is 401', async () => {
    for (const who of ['offA2', 'provB', 'offB1'] as const) {
      const all = await w.call(who, 'GET', '/api/decisions');
      expect(all.status).toBe(200);
      expect(all.json).toEqual({ items: [], total: 0 });
      expect((await w.call(who, 'GET', `/api/decisions?campaign=${s.campaign}`)).status).toBe(404);
    }
    expect((await w.call(null, 'GET', '/api/decisions')).status).toBe(401);
  });

  it('pages: limit and offset, the total stays', async () => {
    const first = await w.call('provA', 'GET', '/api/decisions?limit=1&offset=0');
    expect(first.json).toMatchObject({ total: 1 });
    expect(first.json.items).toHaveLength(1);
    const past = await w.call('provA', 'GET', '/api/decisions?limit=1&offset=1');
    expect(past.json).toEqual({ items: [], total: 1 });
    expect((await w.call('provA', 'GET', '/api/decisions?limit=201')).status).toBe(400);
  });

  it('publish, then revoke: the list shows when it was revoked and the public page says so', async () => {
    expect((await w.call('provA', 'POST', `/api/registrations/${s.pass}/publish`)).status).toBe(200);
    const cred = (await w.call('provA', 'GET', `/api/decisions?campaign=${s.campaign}`)).json.items[0].links.certificates[0];
    const before = await w.app.request(`/verify/${cred.credentialId}`);
    expect(await before.text()).toContain('Hợp lệ');
    // Only a province admin revokes; the officer may not.
    expect((await w.call('offA1', 'POST', `/api/credentials/${cred.credentialId}/revoke`)).status).toBe(403);
    expect((await w.call('provA', 'POST', `/api/credentials/${cred.credentialId}/revoke`)).status).toBe(200);
    const after = (await w.call('offA1', 'GET', `/api/decisions?campaign=${s.campaign}`)).json.items[0].links.certificates[0];
    expect(after.revokedAt).toBe(w.clock.now.toISOString());
    const page = await (await w.app.request(`/verify/${cred.credentialId}`)).text();
    expect(page).toContain('Đã thu hồi');
    const audit = await w.db.selectFrom('audit_log').select('action').where('action', 'in', ['registration.publish', 'credential.revoke']).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['credential.revoke', 'registration.publish']);
  });
});
