/**
 * Issue 11, the decision stage over both dialects: the list of decisions in scope (counts, links,
 * paging, another locality sees none), publish and revoke, the batch submit, the committee import
 * of self-assessed records, separation of duties, and what opening a campaign checks.
 */
import { phuTho } from '@hoctap/plugin-phu-tho';
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

describe.each(dialects)('bulk submission, the committee import and separation of duties on %s', (dialect) => {
  let w: World;
  let campaign: string;
  const regs: string[] = [];
  const ids = Object.keys(SCORES_75);
  const line = (key: string, scores: Record<string, number>) => [key, ...ids.map((i) => String(scores[i]))].join(',');

  beforeAll(async () => {
    w = await createWorld(dialect);
    await w.reset();
    campaign = (await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2018, commune: A1 })).json.id;
    for (const fullName of ['Lê Thị Một', 'Lê Thị Hai', 'Lê Thị Ba', 'Lê Thị Bốn', 'Lê Thị Năm']) {
      const p = await w.call('offA1', 'POST', '/api/people', { commune: A1, fullName });
      regs.push((await w.call('offA1', 'POST', `/api/campaigns/${campaign}/registrations`, { personId: p.json.id })).json.id);
    }
    await w.travel('2018-10-01T03:00:00Z');
    for (const id of regs.slice(0, 4)) expect((await w.call('offA1', 'POST', `/api/registrations/${id}/self-assessment`, { scores: SCORES_75 })).status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await w?.dispose();
  });

  it('POST /api/campaigns/{id}/submissions is all or none: one record not self-assessed refuses the batch and names it; nothing moves', async () => {
    const bad = await w.call('offA1', 'POST', `/api/campaigns/${campaign}/submissions`, { registrationIds: [regs[0], regs[4]] });
    expect(bad.status, bad.text).toBe(409);
    expect(bad.json.code).toBe('ILLEGAL_TRANSITION');
    expect(bad.json.detail).toContain(regs[4]);
    const status = async (id: string) => (await w.call('offA1', 'GET', `/api/registrations/${id}`)).json.registration.status;
    expect(await status(regs[0]!)).toBe('self-assessed');
    // The committee member may not submit; another commune's officer does not see the records.
    expect((await w.call('comA1', 'POST', `/api/campaigns/${campaign}/submissions`, { registrationIds: [regs[0]] })).status).toBe(403);
    expect((await w.call('offA2', 'POST', `/api/campaigns/${campaign}/submissions`, { registrationIds: [regs[0]] })).status).toBe(404);
  });

  it('a batch submits each record, each audited as the single submit', async () => {
    const ok = await w.call('offA1', 'POST', `/api/campaigns/${campaign}/submissions`, { registrationIds: [regs[1], regs[0]] });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.submitted.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([regs[0], regs[1]].sort().map((id) => [id, 'submitted']));
    const audit = await w.db.selectFrom('audit_log').select(['subject_id', 'actor_id']).where('action', '=', 'registration.submit').execute();
    const pending = await w.db.selectFrom('audit_pending').select(['subject_id', 'actor_id']).where('action', '=', 'registration.submit').execute();
    expect([...audit, ...pending].map((a) => a.subject_id).sort()).toEqual([regs[0], regs[1]].sort());
    expect(new Set([...audit, ...pending].map((a) => a.actor_id))).toEqual(new Set([w.ids.offA1]));
  });

  it('the account that typed the self-assessment cannot review it: 409 SAME_PERSON_REVIEW, in Vietnamese; another member can', async () => {
    // provA may review (a province admin) but typed nothing here; make provA the self-assessor of record 3.
    expect((await w.call('provA', 'POST', `/api/registrations/${regs[3]}/self-assessment`, { scores: SCORES_75 })).status).toBe(200);
    expect((await w.call('provA', 'POST', `/api/registrations/${regs[3]}/submit`)).status).toBe(200);
    const same = await w.call('provA', 'POST', `/api/registrations/${regs[3]}/review`, { scores: SCORES_75 });
    expect([same.status, same.json.code]).toEqual([409, 'SAME_PERSON_REVIEW']);
    expect(same.json.detail).toContain('Người nhập phiếu tự đánh giá không được bình xét');
    expect((await w.call('offA1', 'GET', `/api/registrations/${regs[3]}`)).json.registration.status).toBe('submitted');
    expect((await w.call('comA1', 'POST', `/api/registrations/${regs[3]}/review`, { scores: SCORES_75 })).status).toBe(200);
  });

  it('the committee import submits a self-assessed record in the same transaction (audited), and tells what to do for one not self-assessed', async () => {
    const csv = ['ma_ho_so,' + ids.join(','), line(regs[2]!, SCORES_75), line(regs[4]!, SCORES_75)].join('\r\n');
    const r = await w.call('comA1', 'POST', `/api/campaigns/${campaign}/assessments/bulk?kind=committee`, csv, { 'content-type': 'text/csv' });
    expect(r.status, r.text).toBe(200);
    expect(r.json.rows).toEqual([expect.objectContaining({ row: 2, registrationId: regs[2], outcome: 'recorded', status: 'reviewed', total: 75, submitted: true })]);
    expect(r.json.errors).toEqual([{ row: 3, code: 'ILLEGAL_TRANSITION', message: expect.stringContaining('nhập phiếu tự đánh giá') }]);
    const all = [
      ...(await w.db.selectFrom('audit_log').select(['action', 'subject_id', 'actor_id']).execute()),
      ...(await w.db.selectFrom('audit_pending').select(['action', 'subject_id', 'actor_id']).execute()),
    ].filter((a) => a.subject_id === regs[2]);
    expect(all.map((a) => [a.action, a.actor_id])).toEqual([
      ['registration.create', w.ids.offA1],
      ['registration.self-assess', w.ids.offA1],
      ['registration.submit', w.ids.comA1],
      ['registration.review', w.ids.comA1],
    ]);
    // The committee sheet by the one who typed the self-assessment is refused row by row (separation of duties holds in bulk).
    const own = await w.call('offA1', 'POST', `/api/campaigns/${campaign}/assessments/bulk?kind=committee`, csv, { 'content-type': 'text/csv' });
    expect(own.status).toBe(403);
  });
});

describe.each(dialects)('opening a campaign checks what a locality would get wrong on %s', (dialect) => {
  let w: World;
  const GOOD = phuTho.frameworks[0]!.source.replaceAll('cdht-phu-tho-2018', 'cdht-phu-tho-2026');

  beforeAll(async () => {
    w = await createWorld(dialect);
    await w.reset();
  }, 180_000);
  afterAll(async () => {
    await w?.dispose();
  });

  it('a framework not in force that year: 409 with the warning and the frameworks in force; confirmed, it opens and the audit says so', async () => {
    const r = await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2019, commune: A1 });
    expect([r.status, r.json.code]).toEqual([409, 'CAMPAIGN_NEEDS_CONFIRM']);
    expect(r.json.warnings.map((x: { code: string }) => x.code)).toEqual(['FRAMEWORK_NOT_IN_FORCE']);
    expect(r.json.detail).toContain('không có hiệu lực trong năm 2019');
    expect(r.json.current).toEqual([]);
    expect((await w.call('offA1', 'GET', '/api/campaigns')).json.total).toBe(0);
    const ok = await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2019, commune: A1, confirm: true });
    expect(ok.status, ok.text).toBe(201);
    const audit = await w.db.selectFrom('audit_pending').select('payload').where('action', '=', 'campaign.create').execute();
    const chained = await w.db.selectFrom('audit_log').select('payload').where('action', '=', 'campaign.create').execute();
    expect([...audit, ...chained].map((a) => (a.payload as { confirmed?: string[] }).confirmed)).toEqual([['FRAMEWORK_NOT_IN_FORCE']]);
  });

  it('a campaign for the same title, year and locality: 409 naming it; another commune or a confirmed supplementary round opens', async () => {
    const first = await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2018, commune: A1 });
    expect(first.status, first.text).toBe(201);
    const again = await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2018, commune: A1 });
    expect([again.status, again.json.code]).toEqual([409, 'CAMPAIGN_NEEDS_CONFIRM']);
    expect(again.json.warnings).toEqual([expect.objectContaining({ code: 'DUPLICATE_CAMPAIGN', campaigns: [first.json.id] })]);
    expect(again.json.current).toEqual([FW, 'thu-nghiem/cdht-phu-tho-2018-tc']);
    expect((await w.call('offA2', 'POST', '/api/campaigns', { framework: FW, year: 2018, commune: '07901' })).status).toBe(201);
    expect((await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2018, commune: A1, confirm: true })).status).toBe(201);
  });

  it('a framework published from the editor is selectable for a campaign; an unknown version is 404; exactly one of framework and frameworkVersionId', async () => {
    const pub = await w.call('provA', 'POST', '/api/frameworks/publish', { source: GOOD, file: 'cdht-phu-tho-2026.tieuchi' });
    expect(pub.status, pub.text).toBe(201);
    const cp = await w.call('provA', 'POST', '/api/campaigns', { frameworkVersionId: pub.json.id, year: 2018 });
    expect(cp.status, cp.text).toBe(201);
    expect(cp.json.framework).toMatchObject({ id: pub.json.id, contentHash: pub.json.contentHash });
    expect(cp.json.calendar.length).toBeGreaterThan(0);
    // It scores like any campaign: a person registered and self-assessed through it.
    const p = await w.call('provA', 'POST', '/api/people', { commune: A1, fullName: 'Đỗ Thị Xuất Bản' });
    const reg = await w.call('provA', 'POST', `/api/campaigns/${cp.json.id}/registrations`, { personId: p.json.id });
    expect(reg.status, reg.text).toBe(201);
    await w.travel('2018-10-01T03:00:00Z');
    const sa = await w.call('provA', 'POST', `/api/registrations/${reg.json.id}/self-assessment`, { scores: SCORES_75 });
    expect([sa.status, sa.json.assessment?.result.total]).toEqual([200, 75]);
    expect((await w.call('provA', 'POST', '/api/campaigns', { frameworkVersionId: '11111111-2222-3333-4444-555555555555', year: 2018 })).status).toBe(404);
    expect((await w.call('provA', 'POST', '/api/campaigns', { year: 2018 })).status).toBe(400);
    expect((await w.call('provA', 'POST', '/api/campaigns', { framework: FW, frameworkVersionId: pub.json.id, year: 2018 })).status).toBe(400);
  });
});
