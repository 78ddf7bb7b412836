/**
 * The 1/3/5-year registers over HTTP on both dialects: three years of Công dân học tập decisions
 * for two people (one misses the middle year), read back from `GET /api/registers` (paged, sorted by
 * the given name, the other commune sees nothing), the workbook of the three registers and its PDF.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { dialects } from './harness.js';
import { A1, SCORES_74, SCORES_75, suiteWorld, type World, type Who } from './world.js';

const FW = 'phu-tho/cdht-phu-tho-2018';

describe.each(dialects)('registers on %s', (dialect) => {
  const w: World = suiteWorld(dialect);
  const bytes = async (who: Who, path: string) => {
    const res = await w.app.request(path, { headers: { cookie: w.sessions[who].cookie } });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: Buffer.from(await res.arrayBuffer()) };
  };

  /** One year: both registered, assessed with their scores, proposed and decided (75 points recognised). */
  async function year(y: number, people: { id: string; scores: Record<string, number> }[]) {
    await w.travel(`${y}-05-10T03:00:00Z`);
    const cp = await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: y, commune: A1, confirm: true });
    expect(cp.status, cp.text).toBe(201);
    const regs: string[] = [];
    for (const p of people) regs.push((await w.call('offA1', 'POST', `/api/campaigns/${cp.json.id}/registrations`, { personId: p.id })).json.id);
    await w.travel(`${y}-10-01T03:00:00Z`);
    for (const [i, id] of regs.entries()) {
      const scores = people[i]!.scores;
      expect((await w.call('offA1', 'POST', `/api/registrations/${id}/self-assessment`, { scores })).status).toBe(200);
      expect((await w.call('offA1', 'POST', `/api/registrations/${id}/submit`)).status).toBe(200);
      expect((await w.call('comA1', 'POST', `/api/registrations/${id}/review`, { scores })).status).toBe(200);
    }
    expect((await w.call('offA1', 'POST', `/api/campaigns/${cp.json.id}/proposals`, { registrationIds: regs })).status).toBe(200);
    await w.travel(`${y}-12-02T03:00:00Z`);
    const passed = regs.filter((_, i) => people[i]!.scores === SCORES_75);
    const d = await w.call('provA', 'POST', '/api/decisions', { campaignId: cp.json.id, number: `${y}/QĐ-UBND`, decidedOn: `${y}-12-01`, signer: 'Chủ tịch UBND xã', recognised: passed, notRecognised: regs.filter((r) => !passed.includes(r)) });
    expect(d.status, d.text).toBe(201);
  }

  it('lists who reached the title this year and 3 years running, paged and sorted by the given name; the workbook and the PDF', async () => {
    const an = (await w.call('offA1', 'POST', '/api/people', { commune: A1, fullName: 'Trần Thị An', village: 'Thôn Đoài' })).json.id;
    const binh = (await w.call('offA1', 'POST', '/api/people', { commune: A1, fullName: 'Lê Văn Bình', village: 'Thôn Đông' })).json.id;
    for (const y of [2016, 2017, 2018]) await year(y, [{ id: binh, scores: y === 2017 ? SCORES_74 : SCORES_75 }, { id: an, scores: SCORES_75 }]);

    const one = await w.call('offA1', 'GET', '/api/registers?title=learning-citizen&year=2018&span=1');
    expect(one.status, one.text).toBe(200);
    expect(one.json.total).toBe(2);
    expect(one.json.items.map((x: { subject: { name: string }; years: number[]; consecutive: number; representative: unknown }) => [x.subject.name, x.years, x.consecutive, x.representative])).toEqual([
      ['Trần Thị An', [2016, 2017, 2018], 3, null],
      ['Lê Văn Bình', [2016, 2018], 1, null],
    ]);
    expect(one.json.items[0].decision).toEqual({ number: '2018/QĐ-UBND', date: '2018-12-01' });
    const three = await w.call('offA1', 'GET', '/api/registers?title=learning-citizen&year=2018&span=3');
    expect([three.json.description, three.json.items.map((x: { subject: { name: string } }) => x.subject.name)]).toEqual(['Đạt 3 năm liên tục (2016–2018), tính đến năm 2018', ['Trần Thị An']]);
    const paged = await w.call('provA', 'GET', `/api/registers?title=learning-citizen&year=2018&span=1&commune=${A1}&limit=1&offset=1`);
    expect([paged.json.total, paged.json.items.map((x: { subject: { name: string } }) => x.subject.name)]).toEqual([2, ['Lê Văn Bình']]);
    expect((await w.call('offA2', 'GET', '/api/registers?title=learning-citizen&year=2018')).json.total).toBe(0);
    expect((await w.call('offA2', 'GET', `/api/registers?title=learning-citizen&year=2018&commune=${A1}`)).status).toBe(404);
    expect((await w.call('offA1', 'GET', '/api/registers?title=learning-citizen&year=2018&span=2')).status).toBe(400);
    expect((await w.call(null, 'GET', '/api/registers?title=learning-citizen&year=2018')).status).toBe(401);

    const x = await bytes('offA1', '/api/registers.xlsx?title=learning-citizen&year=2018');
    expect([x.status, x.type]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    const wb = XLSX.read(x.body);
    expect(wb.SheetNames).toEqual(['Tổng hợp', 'Sổ 1 năm', 'Sổ 3 năm', 'Sổ 5 năm']);
    const rows = (sheet: string) => XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet]!, { header: 1, range: 3 });
    expect(rows('Sổ 1 năm').slice(1).map((r) => r.slice(0, 5))).toEqual([
      [1, 'Trần Thị An', 'Thôn Đoài', '2016, 2017, 2018', 3],
      [2, 'Lê Văn Bình', 'Thôn Đông', '2016, 2018', 1],
    ]);
    expect(rows('Sổ 3 năm').slice(1).map((r) => r[1])).toEqual(['Trần Thị An']);
    expect(rows('Sổ 1 năm')[1]![5]).toBe('QĐ 2018/QĐ-UBND ngày 01/12/2018');
    expect((await bytes('offA1', '/api/registers.xlsx?title=learning-citizen&year=abc')).status).toBe(400);
    const pdf = await bytes('offA1', '/api/registers.pdf?title=learning-citizen&year=2018');
    expect([pdf.status, pdf.type, pdf.body.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
  }, 240_000);
});
