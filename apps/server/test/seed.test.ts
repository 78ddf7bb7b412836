import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, loadConfig, startServer, type RunningServer } from '../src/index.js';

// The first start's demo years on the embedded database, read back over a real socket: the public
// list holds subjects of all five kinds, and duties are separate (a commune officer proposes but may
// not decide; the commune's leader decides).
describe('the demo years of npm start (PGlite)', () => {
  let server: RunningServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hoctap-seed-'));
    const dist = join(dir, 'admin');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="vi"><title>Học Tập</title></html>');
    server = await startServer(loadConfig({ PORT: '0', HOCTAP_DATA_DIR: join(dir, 'data'), HOCTAP_ADMIN_DIST: dist }, dir));
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  type Json = Record<string, any>;
  async function session(email: string) {
    const a = DEMO_ACCOUNTS.find((x) => x.email === email)!;
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: a.email, password: a.password }) });
    expect(login.status, email).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    return async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, type: res.headers.get('content-type') ?? '', json: (text ? JSON.parse(text) : undefined) as Json };
    };
  }

  it('runs a year of each title and publishes recognised households, clans, communities, units and citizens', async () => {
    const years = server.demoYear!.years;
    expect(years.map((y) => y.title)).toEqual(['Công dân học tập', 'Gia đình học tập', 'Dòng họ học tập', 'Cộng đồng học tập', 'Đơn vị học tập', 'Đơn vị học tập']);
    for (const y of years) {
      expect(y.recognised, `${y.title} ${y.place}`).toBeGreaterThan(0);
      // Some subjects are not recognised (a clan of one is the exception: it is recognised).
      if (y.registrations > 1) expect(y.recognised, `${y.title} ${y.place}`).toBeLessThan(y.registrations);
    }

    const kinds = new Map<string, Json[]>();
    for (const province of ['25', '15', '80']) {
      const res = await fetch(`${server.url}/api/public/recognised?province=${province}&limit=200`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { total: number; items: Json[] };
      expect(body.total).toBe(body.items.length);
      for (const it of body.items) kinds.set(it.subjectKind, [...(kinds.get(it.subjectKind) ?? []), it]);
    }
    expect([...kinds.keys()].sort()).toEqual(['clan', 'community', 'household', 'person', 'unit']);
    const published = (title: string) => years.filter((y) => y.title === title).reduce((n, y) => n + y.recognised, 0);
    expect(kinds.get('person')!.length).toBe(published('Công dân học tập'));
    expect(kinds.get('household')!.length).toBe(published('Gia đình học tập'));
    expect(kinds.get('clan')!.length).toBe(published('Dòng họ học tập'));
    expect(kinds.get('community')!.length).toBe(published('Cộng đồng học tập'));
    expect(kinds.get('unit')!.length).toBe(published('Đơn vị học tập'));
    // The Yên Bái groups are filed under the commune the plugin declares, with its name.
    const household = kinds.get('household')![0]!;
    expect(household).toMatchObject({ commune: { code: '04276', name: 'xã Tuy Lộc, thành phố Yên Bái' }, year: 2018, decision: { number: '45/QĐ-UBND', signer: 'Chủ tịch UBND xã Tuy Lộc' } });
    expect(household.name).toMatch(/^Hộ (ông|bà) /);
    expect(kinds.get('unit')!.map((u) => u.name)).toEqual(expect.arrayContaining(['Trường Tiểu học Tuy Lộc', 'Phòng Nội vụ huyện Tân Biên']));
  });

  it('the clan and villages are scored on their households’ results of the year (recomputed after the households’ decision)', async () => {
    const committee = await session('hoidong.tuyloc@hoctap.local');
    const campaigns = (await committee('GET', '/api/campaigns')).json.items as Json[];
    const clanCampaign = campaigns.find((c) => c.title === 'learning-clan')!;
    const regs = (await committee('GET', `/api/campaigns/${clanCampaign.id}/registrations`)).json.items as Json[];
    expect(regs).toHaveLength(1);
    const reg = (await committee('GET', `/api/registrations/${regs[0]!.id}`)).json;
    const committeeResult = reg.assessments.filter((a: Json) => a.kind === 'committee').at(-1).result;
    expect(committeeResult.members.memberKind).toBe('household');
    expect(committeeResult.members.text).toContain('4/5 hộ thành viên đạt Gia đình học tập năm 2018');
    // The self-assessment, typed before the households were decided, was recomputed by the job.
    const selfs = reg.assessments.filter((a: Json) => a.kind === 'self');
    expect(selfs).toHaveLength(2);
    expect(selfs[0].result.members.text).toContain('0/5 hộ');
    expect(selfs[1].result.members.text).toContain('4/5 hộ');
  });

  it('separates duties: the demo accounts of each locality, a commune officer refused deciding (403 problem), the leader deciding', async () => {
    for (const place of ['phutho', 'tuyloc', 'tanbien']) {
      const roles = (who: string) => DEMO_ACCOUNTS.find((a) => a.email === `${who}.${place}@hoctap.local`)!.roles;
      expect(roles('hoidong')).toEqual(['committee-member']);
      expect(roles('lanhdao')).toEqual(['leader']);
      expect(roles('canbo')).not.toContain('leader');
    }
    expect(DEMO_ACCOUNTS.find((a) => a.email === 'canbo.tuyloc@hoctap.local')!.roles).toEqual(['commune-officer']);

    const officer = await session('canbo.tuyloc@hoctap.local');
    const committee = await session('hoidong.tuyloc@hoctap.local');
    const leader = await session('lanhdao.tuyloc@hoctap.local');
    const campaign = ((await officer('GET', '/api/campaigns')).json.items as Json[]).find((c) => c.title === 'learning-family')!;
    const person = await officer('POST', '/api/people', { commune: '04276', fullName: 'Lý Văn Mới' });
    expect(person.status).toBe(201);
    const household = await officer('POST', '/api/households', { commune: '04276', name: 'Hộ ông Lý Văn Mới', village: 'Thôn 2' });
    expect((await officer('POST', `/api/households/${household.json.id}/members`, { personId: person.json.id, role: 'head', validFrom: '2010-01-01' })).status).toBe(201);
    const reg = await officer('POST', `/api/campaigns/${campaign.id}/registrations`, { subject: { kind: 'household', id: household.json.id } });
    expect(reg.status).toBe(201);
    const body = { scores: { '1.3': 10, '2.3': 10, '3.1': 15, '4.1': 15 }, attributes: { vung: 'phát triển' }, memberFacts: { [person.json.id]: ['pc-dat', 'kq-hoc-dat', 'biet-chu', 'hoc-1-nd'] } };
    expect((await officer('POST', `/api/registrations/${reg.json.id}/self-assessment`, body)).status).toBe(200);
    expect((await officer('POST', `/api/registrations/${reg.json.id}/submit`)).status).toBe(200);
    // The officer may not review what she typed; the committee member does.
    expect((await officer('POST', `/api/registrations/${reg.json.id}/review`, body)).status).toBe(403);
    const reviewed = await committee('POST', `/api/registrations/${reg.json.id}/review`, body);
    expect(reviewed.status).toBe(200);
    expect(reviewed.json.assessment.result.titles).toContain('Gia đình học tập');
    expect((await officer('POST', `/api/campaigns/${campaign.id}/proposals`, { registrationIds: [reg.json.id] })).status).toBe(200);

    const decision = { campaignId: campaign.id, number: '60/QĐ-UBND', decidedOn: '2018-12-20', signer: 'Chủ tịch UBND xã Tuy Lộc', recognised: [reg.json.id] };
    const refused = await officer('POST', '/api/decisions', decision);
    expect(refused.status).toBe(403);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.json).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(refused.json.title).toMatch(/[à-ỹ]/); // Vietnamese first
    expect((await committee('POST', '/api/decisions', decision)).status).toBe(403);
    const decided = await leader('POST', '/api/decisions', decision);
    expect(decided.status).toBe(201);
    expect(decided.json.decision).toMatchObject({ number: '60/QĐ-UBND', recognised: [reg.json.id] });
    expect((await leader('POST', `/api/registrations/${reg.json.id}/publish`)).status).toBe(200);
    const list = (await (await fetch(`${server.url}/api/public/recognised?q=${encodeURIComponent('Lý Văn Mới')}`)).json()) as { items: Json[] };
    expect(list.items).toEqual([expect.objectContaining({ name: 'Hộ ông Lý Văn Mới', subjectKind: 'household' })]);
  });
});
