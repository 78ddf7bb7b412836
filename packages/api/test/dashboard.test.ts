/**
 * `GET /api/reports/dashboard` over `app.request()` on both dialects: a Phú Thọ citizen campaign's
 * registrations read back per commune and village with the denominator written out; the query
 * checked by its schema; a national caller names the province; another commune's officer sees none
 * of it. (The figures, targets and roll-ups in depth: packages/app/test/dashboard.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { dialects } from './harness.js';
import { A, A1, suiteWorld } from './world.js';

describe.each(dialects)('the yearly dashboard over HTTP (%s)', (dialect) => {
  const w = suiteWorld(dialect);
  const ok = async (who: Parameters<typeof w.call>[0], method: string, path: string, body?: unknown) => {
    const r = await w.call(who, method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
    return r.json;
  };

  it('counts a commune’s citizens per village against all its people and against those registered', async () => {
    await w.seedUnits();
    const campaign = await ok('offA1', 'POST', '/api/campaigns', { framework: 'phu-tho/cdht-phu-tho-2018', year: 2018, commune: A1 });
    const person = (fullName: string, village: string) => ok('offA1', 'POST', '/api/people', { commune: A1, fullName, village });
    const people = [await person('Nguyễn Văn An', 'Thôn Đoài'), await person('Trần Thị Bình', 'Thôn Đoài'), await person('Lê Văn Cường', 'Thôn Đông')];
    for (const p of people.slice(0, 2)) await ok('offA1', 'POST', `/api/campaigns/${campaign.id}/registrations`, { personId: p.id });

    const r = await w.call('offA1', 'GET', '/api/reports/dashboard?year=2018');
    expect(r.status).toBe(200);
    expect(r.json.denominator.kind).toBe('all');
    const cit = r.json.titles.find((x: { title: string }) => x.title === 'learning-citizen');
    expect(cit.campaigns).toEqual([{ id: campaign.id, commune: A1, framework: 'phu-tho/cdht-phu-tho-2018' }]);
    expect(cit.area).toMatchObject({ all: 3, registered: 2, assessed: 0, recognised: 0 });
    expect(cit.communes[0]).toMatchObject({ commune: A1, communeName: 'Xã A1', text: '0 / 3 người (tất cả người trong Xã A1)' });
    expect(cit.communes[0].villages.map((v: { village: string; all: number; registered: number }) => [v.village, v.all, v.registered])).toEqual([
      ['Thôn Đoài', 2, 2],
      ['Thôn Đông', 1, 0],
    ]);
    const reg = await w.call('offA1', 'GET', '/api/reports/dashboard?year=2018&denominator=registered');
    expect(reg.json.titles[0].communes[0].text).toBe('0 / 2 người (số người đã đăng ký ở Xã A1)');
  });

  it('checks the query, the role and the scope', async () => {
    expect((await w.call('offA1', 'GET', '/api/reports/dashboard')).status).toBe(400);
    expect((await w.call('offA1', 'GET', '/api/reports/dashboard?year=2018&commune=123')).status).toBe(400);
    expect((await w.call('citizen', 'GET', '/api/reports/dashboard?year=2018')).status).toBe(403);
    expect((await w.call(null, 'GET', '/api/reports/dashboard?year=2018')).status).toBe(401);
    const national = await w.call('admin', 'GET', '/api/reports/dashboard?year=2018');
    expect([national.status, national.json.code]).toEqual([400, 'PROVINCE_REQUIRED']);
    expect((await w.call('admin', 'GET', `/api/reports/dashboard?year=2018&province=${A}`)).status).toBe(200);
    await ok('offA1', 'POST', '/api/campaigns', { framework: 'phu-tho/cdht-phu-tho-2018', year: 2018, commune: A1 });
    // Another commune's officer: not that commune's campaign, and not that commune named.
    expect((await w.call('offA2', 'GET', '/api/reports/dashboard?year=2018')).json.titles).toEqual([]);
    expect((await w.call('offA2', 'GET', `/api/reports/dashboard?year=2018&commune=${A1}`)).status).toBe(403);
  });
});
