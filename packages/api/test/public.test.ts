/**
 * The public list of recognised subjects over both dialects: no session needed; only registrations
 * whose recognition was published appear (not recognised-but-unpublished, not refused); no birth
 * date, identity number, contact or score anywhere in the body; filters and diacritics-insensitive
 * search work; the database role of the path reads nothing else; the path is rate-limited.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPublicListScope } from '@hoctap/db';
import { dialects } from './harness.js';
import { A, A1, A2, B, createWorld, SCORES_74, SCORES_75, type World, type Who } from './world.js';

const FW = 'phu-tho/cdht-phu-tho-2018';
const PUBLISHED = { fullName: 'Huỳnh Ngọc Ước', birthDate: '2003-04-05', citizenId: '025303001234', village: 'Thôn Đồng Xuân' };
const UNPUBLISHED = { fullName: 'Lê Thị Chưa Công Bố', birthDate: '1990-01-02', citizenId: '025190004321' };
const REFUSED = { fullName: 'Trần Văn Không Đạt', birthDate: '1985-06-07' };
const OTHER_COMMUNE = { fullName: 'Đặng Thị Đào', birthDate: '1970-08-09', village: 'Xóm Bãi' };
const ALLOWED_KEYS = new Set(['name', 'subjectKind', 'province', 'commune', 'village', 'title', 'year', 'decision']);

describe.each(dialects)('public list of recognised subjects on %s', (dialect) => {
  let w: World;
  const ids: Record<string, string> = {};

  /** One commune's campaign run to a decision; returns the registration ids by name. */
  async function runCampaign(officer: Who, committee: Who, commune: string, people: { fullName: string; birthDate?: string; citizenId?: string; village?: string; pass: boolean }[], number: string) {
    const cp = await w.call(officer, 'POST', '/api/campaigns', { framework: FW, year: 2018, commune });
    expect(cp.status, cp.text).toBe(201);
    const regs: { id: string; pass: boolean; name: string }[] = [];
    for (const p of people) {
      const { pass, ...body } = p;
      const person = await w.call(officer, 'POST', '/api/people', { commune, sex: 'female', ...body });
      expect(person.status, person.text).toBe(201);
      const reg = await w.call(officer, 'POST', `/api/campaigns/${cp.json.id}/registrations`, { personId: person.json.id });
      expect(reg.status, reg.text).toBe(201);
      regs.push({ id: reg.json.id, pass, name: p.fullName });
    }
    return { campaign: cp.json.id as string, regs, officer, committee, number };
  }

  beforeAll(async () => {
    w = await createWorld(dialect);
    await w.reset();
    await w.db
      .insertInto('administrative_units')
      .values([
        { code: A, level: 'province', name: 'tỉnh Phú Thọ', province_code: null, valid_from: '2008-01-01' },
        { code: A1, level: 'commune', name: 'xã Thử Nghiệm Một', province_code: A, valid_from: '2008-01-01' },
        { code: A2, level: 'commune', name: 'xã Thử Nghiệm Hai', province_code: A, valid_from: '2008-01-01' },
      ])
      .execute();
    const runs = [
      await runCampaign('offA1', 'comA1', A1, [{ ...PUBLISHED, pass: true }, { ...UNPUBLISHED, pass: true }, { ...REFUSED, pass: false }], '12/QĐ-UBND'),
      await runCampaign('offA2', 'comA2', A2, [{ ...OTHER_COMMUNE, pass: true }], '7/QĐ-UBND'),
    ];
    await w.travel('2018-10-01T03:00:00Z');
    for (const run of runs) {
      for (const r of run.regs) {
        const scores = r.pass ? SCORES_75 : SCORES_74;
        expect((await w.call(run.officer, 'POST', `/api/registrations/${r.id}/self-assessment`, { scores })).status).toBe(200);
        expect((await w.call(run.officer, 'POST', `/api/registrations/${r.id}/submit`)).status).toBe(200);
        expect((await w.call(run.committee, 'POST', `/api/registrations/${r.id}/review`, { scores })).status).toBe(200);
      }
      expect((await w.call(run.officer, 'POST', `/api/campaigns/${run.campaign}/proposals`, { registrationIds: run.regs.map((r) => r.id) })).status).toBe(200);
    }
    await w.travel('2018-12-02T03:00:00Z');
    for (const run of runs) {
      const d = await w.call('provA', 'POST', '/api/decisions', {
        campaignId: run.campaign,
        number: run.number,
        decidedOn: '2018-12-01',
        signer: 'Chủ tịch UBND xã',
        recognised: run.regs.filter((r) => r.pass).map((r) => r.id),
        notRecognised: run.regs.filter((r) => !r.pass).map((r) => r.id),
      });
      expect(d.status, d.text).toBe(201);
      for (const r of run.regs) ids[r.name] = r.id;
    }
    // Published: the first person of A1 and the person of A2; the second of A1 stays recognised only.
    for (const name of [PUBLISHED.fullName, OTHER_COMMUNE.fullName]) {
      const p = await w.call('provA', 'POST', `/api/registrations/${ids[name]}/publish`);
      expect(p.status, p.text).toBe(200);
    }
  }, 240_000);
  afterAll(async () => {
    await w?.dispose();
  });

  const list = (query = '', ip = '198.51.100.1') => w.call(null, 'GET', `/api/public/recognised${query}`, undefined, { 'x-test-ip': ip });

  it('answers without a session and lists only the published recognitions, with the decision', async () => {
    const res = await list();
    expect(res.status, res.text).toBe(200);
    expect(res.json.total).toBe(2);
    expect(res.json.items.map((i: { name: string }) => i.name).sort()).toEqual([OTHER_COMMUNE.fullName, PUBLISHED.fullName].sort());
    const item = res.json.items.find((i: { name: string }) => i.name === PUBLISHED.fullName);
    expect(item).toEqual({
      name: PUBLISHED.fullName,
      subjectKind: 'person',
      province: { code: A, name: 'tỉnh Phú Thọ' },
      commune: { code: A1, name: 'xã Thử Nghiệm Một' },
      village: PUBLISHED.village,
      title: item.title,
      year: 2018,
      decision: { number: '12/QĐ-UBND', date: '2018-12-01', signer: 'Chủ tịch UBND xã' },
    });
    expect(typeof item.title).toBe('string');
    expect(res.json.facets).toMatchObject({ years: [2018], provinces: [{ code: A, name: 'tỉnh Phú Thọ' }] });
    expect(res.json.facets.communes.map((c: { code: string }) => c.code)).toEqual([A1, A2]);
  });

  it('never shows a birth date, identity number, contact, score or an unpublished / refused subject', async () => {
    const res = await list('?limit=200');
    const body = res.text;
    for (const s of [PUBLISHED.birthDate, PUBLISHED.citizenId, '03/04/2003', '05/04/2003', OTHER_COMMUNE.birthDate, UNPUBLISHED.fullName, UNPUBLISHED.citizenId, REFUSED.fullName]) expect(body).not.toContain(s);
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) keys.add(k), walk(x);
    };
    walk(res.json);
    for (const k of keys) expect(k).not.toMatch(/birth|citizen|score|sex|phone|email|contact|hmac|enc|registration|^id$|subjectId|result/i);
    for (const item of res.json.items) expect(Object.keys(item).every((k) => ALLOWED_KEYS.has(k))).toBe(true);
    // Still recognised (not yet published) in the staff view: it is the publication step that gates the list.
    const reg = await w.call('offA1', 'GET', `/api/registrations/${ids[UNPUBLISHED.fullName]}`);
    expect(reg.json.status ?? reg.json.registration?.status).toBe('recognised');
  });

  it('filters by province, commune, year and title, searches without diacritics, and pages', async () => {
    const names = async (q: string) => ((await list(q)).json.items as { name: string }[]).map((i) => i.name);
    expect(await names(`?commune=${A2}`)).toEqual([OTHER_COMMUNE.fullName]);
    expect(await names(`?commune=${A1}`)).toEqual([PUBLISHED.fullName]);
    expect(await names(`?province=${B}`)).toEqual([]);
    expect(await names(`?province=${A}`)).toHaveLength(2);
    expect(await names('?year=2019')).toEqual([]);
    expect(await names('?year=2018')).toHaveLength(2);
    const title = (await list()).json.items[0].title as string;
    expect(await names(`?title=${title}`)).toHaveLength(2);
    expect(await names('?title=no-such-title')).toEqual([]);
    expect(await names('?q=huynh%20ngoc%20uoc')).toEqual([PUBLISHED.fullName]);
    expect(await names('?q=DANG%20THI')).toEqual([OTHER_COMMUNE.fullName]);
    expect(await names(`?q=${encodeURIComponent('ước')}`)).toEqual([PUBLISHED.fullName]);
    expect(await names('?q=chua%20cong%20bo')).toEqual([]);
    expect(await names('?q=%25')).toEqual([]);
    const page = await list('?limit=1&offset=1');
    expect(page.json).toMatchObject({ total: 2, offset: 1, limit: 1 });
    expect(page.json.items).toHaveLength(1);
    expect((await list('?commune=abc')).status).toBe(400);
  });

  it('runs as a role that reads only the published rows and only the public columns', async () => {
    const regs = await withPublicListScope(w.db, (trx) => trx.selectFrom('registrations').select(['id', 'status']).execute());
    expect(regs.map((r) => r.status)).toEqual(['published', 'published']);
    const denied = async (q: string) => {
      await expect(withPublicListScope(w.db, (trx) => sql.raw(q).execute(trx))).rejects.toThrow(/permission denied/);
    };
    await denied('SELECT birth_date FROM people');
    await denied('SELECT citizen_id_enc FROM people');
    await denied('SELECT scores FROM assessments');
    await denied('SELECT email FROM users');
    await denied('SELECT * FROM credentials');
    const people = await withPublicListScope(w.db, (trx) => trx.selectFrom('people').select('full_name').execute());
    expect(people.map((p) => p.full_name).sort()).toEqual([OTHER_COMMUNE.fullName, PUBLISHED.fullName].sort());
    await expect(withPublicListScope(w.db, (trx) => sql`UPDATE people SET village = 'x'`.execute(trx))).rejects.toThrow();
  });

  it('is rate-limited per address (429 with Retry-After)', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < 60; i++) expect((await list('?limit=1', ip)).status).toBe(200);
    const over = await list('?limit=1', ip);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.json.code).toBe('RATE_LIMITED');
    expect((await list('?limit=1', '203.0.113.10')).status).toBe(200);
  });
});
