/**
 * Group subjects through the year, over `app.request()` on both dialects: households, clans and
 * units registered in a campaign of their framework's kind, their member-derived indicators scored
 * from the members' own results of the same year (missing data by the framework's rule, the
 * members named), an empty group and a kind mismatch refused, another locality's group not found,
 * and a recognised group on the public list with its kind.
 */
import { createRegistry, definePlugin, type Plugin } from '@hoctap/core';
import { createUser, truncateAllTables } from '@hoctap/db';
import { national } from '@hoctap/plugin-national';
import { tanBien } from '@hoctap/plugin-tan-bien';
import { yenBai } from '@hoctap/plugin-yen-bai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, hashPassword, startJobWorker } from '../src/index.js';
import { dialects, openTestDatabase, TEST_DATA_KEY, type TestDatabase } from './harness.js';

const Y = '15';
const Y1 = '04501';
const Y2 = '04502';
const T = '80';
const T1 = '25900';
const PASSWORD = 'một câu mật khẩu đủ dài';

/** The text of a PDF (poppler's pdftotext, as the documents suite reads it). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoctap-groups-pdf-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A plugin's frameworks without their calendars, so that every step can be taken on one day. */
function withoutCalendar(p: Plugin, id: string): Plugin {
  const strip = (src: string) => src.replace(/\n {2}lịch\n(?: {4}.*\n)+/g, '\n');
  return definePlugin({ id, version: '0.1.0', name: p.name, localities: [...p.localities], frameworks: p.frameworks.map((f) => ({ file: f.file, source: strip(f.source) })) });
}

/** A test locality in Yên Bái: a citizen title and a family title counted on the members' citizen titles, under each missing-data rule. */
const household = (id: string, rule: string) => `bộ tiêu chí ${id} "Gia đình học tập — thử nghiệm (${rule})"
  đối tượng: gia đình
  địa bàn: "15" "tỉnh Yên Bái"
  căn cứ tn: "Kế hoạch thử nghiệm"
  thiếu dữ liệu: ${rule}
  tiêu chí 1 "Học tập của các thành viên" tổng 10 theo tn "mục 1"
    chỉ số 1.1 "Thành viên đạt Công dân học tập" tối đa 10
      đo tỉ lệ thành viên đạt "Công dân học tập"
      mức 75% thì 10
  tiêu chí 2 "Điều kiện học tập" tổng 10 theo tn "mục 2"
    chỉ số 2.1 "Góc học tập" tối đa 10
  tổng điểm 20
  danh hiệu gdht "Gia đình học tập"
    khi tổng điểm từ 20 trở lên
    theo tn "mục 3"
  ví dụ "3/4 thành viên đạt"
    điểm 2.1 = 10
    thành viên 3 đạt "Công dân học tập"
    thành viên 1 không đạt "Công dân học tập"
    mong đợi tổng 20, đạt gdht
`;
const testPlugin = definePlugin({
  id: 'thu-nghiem-nhom',
  version: '0.1.0',
  name: 'Thử nghiệm nhóm',
  localities: [{ code: Y, name: 'tỉnh Yên Bái', level: 'province' }],
  frameworks: [
    {
      file: 'cdht.tieuchi',
      source: `bộ tiêu chí cdht-thu-nghiem "Công dân học tập — thử nghiệm"
  đối tượng: công dân
  địa bàn: "15" "tỉnh Yên Bái"
  căn cứ tn: "Kế hoạch thử nghiệm"
  tiêu chí 1 "Học tập" tổng 10 theo tn "mục 1"
    chỉ số 1.1 "Tự học" tối đa 10
  tổng điểm 10
  danh hiệu cdht "Công dân học tập"
    khi tổng điểm từ 5 trở lên
    theo tn "mục 2"
  ví dụ "5 điểm thì đạt"
    điểm 1.1 = 5
    mong đợi tổng 5, đạt cdht
`,
    },
    { file: 'gdht.tieuchi', source: household('gdht-thu-nghiem', 'không đạt') },
    { file: 'gdht-bq.tieuchi', source: household('gdht-thu-nghiem-bq', 'bỏ qua') },
  ],
});
const registry = createRegistry([national, withoutCalendar(yenBai, 'yen-bai-tn'), withoutCalendar(tanBien, 'tan-bien-tn'), testPlugin]);

const USERS = {
  offY1: { roles: ['commune-officer'], localities: [Y, Y1] },
  comY1: { roles: ['committee-member'], localities: [Y, Y1] },
  provY: { roles: ['province-admin'], localities: [Y] },
  offY2: { roles: ['commune-officer'], localities: [Y, Y2] },
  offT1: { roles: ['commune-officer'], localities: [T, T1] },
  comT1: { roles: ['committee-member'], localities: [T, T1] },
  provT: { roles: ['province-admin'], localities: [T] },
} as const;
type Who = keyof typeof USERS;

describe.each(dialects)('group subjects through the year on %s', (dialect) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const clock = { now: new Date('2018-06-01T03:00:00Z') };
  const sessions = {} as Record<Who, { cookie: string; csrf: string }>;
  let passwordHash: string;

  async function call(who: Who | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    const s = who ? sessions[who] : undefined;
    if (s) {
      h['cookie'] = s.cookie;
      if (method !== 'GET') h['x-csrf-token'] = s.csrf;
    }
    if (body !== undefined) h['content-type'] ??= 'application/json';
    const res = await app.request(path, { method, headers: h, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text };
  }

  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    app = createApp({ registry, db: t.handle, dataKey: TEST_DATA_KEY, now: () => clock.now, secureCookies: false, sessionCacheMs: 600_000, logError: (e) => console.error('SERVER ERROR', e) });
    passwordHash = await hashPassword(PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });
  beforeEach(async () => {
    await truncateAllTables(t.handle.db);
    clock.now = new Date('2018-06-01T03:00:00Z');
    for (const [who, u] of Object.entries(USERS) as [Who, (typeof USERS)[Who]][]) {
      await createUser(t.handle.db, { email: `${who}@hoctap.test`, displayName: who, passwordHash, roles: u.roles, localities: u.localities });
      const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `${who}@hoctap.test`, password: PASSWORD }) });
      expect(res.status).toBe(200);
      const b = (await res.json()) as { csrfToken: string };
      sessions[who] = { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: b.csrfToken };
    }
  }, 60_000);

  const created = (r: { status: number; text: string; json: any }) => {
    expect(r.status, r.text).toBe(201);
    return r.json.id as string;
  };
  const campaign = async (framework: string, year: number, commune = Y1, who: Who = 'offY1') => created(await call(who, 'POST', '/api/campaigns', { framework, year, commune, confirm: true }));
  const person = async (fullName: string, commune = Y1, who: Who = 'offY1') => created(await call(who, 'POST', '/api/people', { commune, fullName }));
  const group = async (kind: 'households' | 'clans' | 'communities' | 'units', body: Record<string, unknown>, who: Who = 'offY1') => created(await call(who, 'POST', `/api/${kind}`, { commune: Y1, ...body }));
  const join = async (kind: string, groupId: string, personId: string, role?: string, who: Who = 'offY1') => {
    const r = await call(who, 'POST', `/api/${kind}/${groupId}/members`, { personId, validFrom: '2010-01-01', ...(role ? { role } : {}) });
    expect(r.status, r.text).toBe(201);
  };
  const register = async (campaignId: string, subject: { kind: string; id: string }, who: Who = 'offY1') => call(who, 'POST', `/api/campaigns/${campaignId}/registrations`, { subject });
  /** Runs registrations to a decision: self-assessed, submitted, reviewed, proposed, decided by the province. */
  async function decide(campaignId: string, regs: { id: string; body: Record<string, unknown>; pass: boolean }[], number: string, officer: Who = 'offY1', committee: Who = 'comY1', leader: Who = 'provY') {
    for (const r of regs) {
      const s = await call(officer, 'POST', `/api/registrations/${r.id}/self-assessment`, r.body);
      expect(s.status, s.text).toBe(200);
      expect((await call(officer, 'POST', `/api/registrations/${r.id}/submit`)).status).toBe(200);
      const v = await call(committee, 'POST', `/api/registrations/${r.id}/review`, r.body);
      expect(v.status, v.text).toBe(200);
    }
    expect((await call(officer, 'POST', `/api/campaigns/${campaignId}/proposals`, { registrationIds: regs.map((r) => r.id) })).status).toBe(200);
    const d = await call(leader, 'POST', '/api/decisions', {
      campaignId,
      number,
      decidedOn: '2018-12-01',
      signer: 'Chủ tịch UBND xã',
      recognised: regs.filter((r) => r.pass).map((r) => r.id),
      notRecognised: regs.filter((r) => !r.pass).map((r) => r.id),
    });
    expect(d.status, d.text).toBe(201);
    return d.json;
  }

  it('a household of 4 scores its member indicator from the members’ citizen results of the same year and can pass', async () => {
    const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Nguyễn Văn Cường', 'Nguyễn Thị Dung'];
    const people = [];
    for (const n of names) people.push(await person(n));
    const h = await group('households', { name: 'Hộ ông Nguyễn Văn An', village: 'Thôn Đoài' });
    for (const [i, p] of people.entries()) await join('households', h, p, i === 0 ? 'head' : undefined);

    // The citizens' year: three recognised, one not.
    const cdht = await campaign('thu-nghiem-nhom/cdht-thu-nghiem', 2018);
    const regs = [];
    for (const [i, p] of people.entries()) {
      const r = await call('offY1', 'POST', `/api/campaigns/${cdht}/registrations`, { personId: p });
      expect(r.status, r.text).toBe(201);
      regs.push({ id: r.json.id as string, body: { scores: { '1.1': i === 3 ? 2 : 8 } }, pass: i !== 3 });
    }
    await decide(cdht, regs, '1/QĐ-UBND');

    const gd = await campaign('thu-nghiem-nhom/gdht-thu-nghiem', 2018);
    const reg = await register(gd, { kind: 'household', id: h });
    expect(reg.status, reg.text).toBe(201);
    expect(reg.json.subject).toEqual({ kind: 'household', id: h });
    // idempotent
    const again = await register(gd, { kind: 'household', id: h });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(reg.json.id);

    // A value typed for the member indicator is refused.
    const typed = await call('offY1', 'POST', `/api/registrations/${reg.json.id}/self-assessment`, { scores: { '1.1': 10, '2.1': 10 } });
    expect(typed.status).toBe(422);
    expect(typed.json.code).toBe('MEMBER_INDICATOR_TYPED');

    const self = await call('offY1', 'POST', `/api/registrations/${reg.json.id}/self-assessment`, { scores: { '2.1': 10 } });
    expect(self.status, self.text).toBe(200);
    const result = self.json.assessment.result;
    expect(result.criteria[0].points).toBe(10); // 3/4 = 75 %
    expect(result.total).toBe(20);
    expect(result.titles).toEqual(['Gia đình học tập']);
    expect(result.members.counted.map((m: { name: string }) => m.name).sort()).toEqual([...names].sort());
    expect(result.members.missing).toEqual([]);
    expect(result.members.text).toContain('3/4 thành viên đạt Công dân học tập năm 2018');
    expect(result.explanationText).toContain('3/4 thành viên đạt Công dân học tập năm 2018');

    // Decided, published: the public list shows the household with its kind.
    const dec = await decide(gd, [{ id: reg.json.id, body: { scores: { '2.1': 10 } }, pass: true }], '2/QĐ-UBND');
    // The decision and the certificate name the household and its head.
    const pdf = async (path: string) => {
      const res = await app.request(path, { headers: { cookie: sessions.offY1.cookie } });
      expect(res.status, path).toBe(200);
      return pdfText(Buffer.from(await res.arrayBuffer()));
    };
    const decisionText = await pdf(`/api/decisions/${dec.decision.id}/pdf`);
    expect(decisionText).toContain('Hộ ông Nguyễn Văn An');
    expect(decisionText).toContain('gia đình');
    const certText = await pdf(`/api/registrations/${reg.json.id}/certificate.pdf`);
    expect(certText).toContain('Hộ ông Nguyễn Văn An');
    expect(certText).toContain('Chủ hộ: Nguyễn Văn An');
    expect(certText).toContain('GIA ĐÌNH HỌC TẬP');
    expect((await call('provY', 'POST', `/api/registrations/${reg.json.id}/publish`)).status).toBe(200);
    const pub = await call(null, 'GET', '/api/public/recognised');
    expect(pub.status).toBe(200);
    const item = pub.json.items.find((x: { name: string }) => x.name === 'Hộ ông Nguyễn Văn An');
    expect(item).toMatchObject({ subjectKind: 'household', year: 2018, decision: { number: '2/QĐ-UBND' } });
  });

  it('members without a result that year: "không đạt" counts them out of all, "bỏ qua" leaves them out; both named', async () => {
    const people = [];
    for (const n of ['Lê Văn Một', 'Lê Thị Hai', 'Lê Văn Ba', 'Lê Thị Bốn', 'Lê Văn Năm', 'Lê Thị Sáu']) people.push(await person(n));
    const cdht = await campaign('thu-nghiem-nhom/cdht-thu-nghiem', 2018);
    const regs = [];
    for (const p of [...people.slice(0, 3), ...people.slice(4)]) regs.push({ id: (await call('offY1', 'POST', `/api/campaigns/${cdht}/registrations`, { personId: p })).json.id as string, body: { scores: { '1.1': 8 } }, pass: true });
    await decide(cdht, regs, '3/QĐ-UBND');
    // The fourth registered in the citizens' campaign but not yet assessed.
    expect((await call('offY1', 'POST', `/api/campaigns/${cdht}/registrations`, { personId: people[3] })).status).toBe(201);
    const h = await group('households', { name: 'Hộ ông Lê Văn Một' });
    for (const p of people.slice(0, 4)) await join('households', h, p);

    const fail = await campaign('thu-nghiem-nhom/gdht-thu-nghiem', 2018);
    const r1 = (await register(fail, { kind: 'household', id: h })).json.id as string;
    const a1 = await call('offY1', 'POST', `/api/registrations/${r1}/self-assessment`, { scores: { '2.1': 10 } });
    expect(a1.status, a1.text).toBe(200);
    expect(a1.json.assessment.result.criteria[0].points).toBe(10); // 3/4 = 75 %
    expect(a1.json.assessment.result.members.missing).toEqual([expect.objectContaining({ id: people[3], name: 'Lê Thị Bốn', reason: expect.stringContaining('chưa được đánh giá') })]);
    expect(a1.json.assessment.result.members.text).toContain('1 chưa có kết quả (tính là chưa đạt)');

    // With 2 of 4 recognised: "không đạt" gives 2/4 = 50 % (0 points); "bỏ qua" would give 2/3.
    const h2 = await group('households', { name: 'Hộ ông Lê Văn Năm' });
    const outsider = await person('Phạm Văn Bảy');
    for (const p of [people[4]!, people[5]!, outsider]) await join('households', h2, p);
    const skip = await campaign('thu-nghiem-nhom/gdht-thu-nghiem-bq', 2018);
    const r2 = (await register(skip, { kind: 'household', id: h2 })).json.id as string;
    const a2 = await call('offY1', 'POST', `/api/registrations/${r2}/self-assessment`, { scores: { '2.1': 10 } });
    expect(a2.status, a2.text).toBe(200);
    // 2/2 counted (the outsider never registered: left out) → 100 %
    expect(a2.json.assessment.result.criteria[0].points).toBe(10);
    expect(a2.json.assessment.result.members.missing).toEqual([expect.objectContaining({ id: outsider, reason: 'chưa đăng ký đánh giá Công dân học tập năm 2018' })]);
    expect(a2.json.assessment.result.members.text).toContain('không tính vào mẫu số');
    const r3 = (await register(fail, { kind: 'household', id: h2 })).json.id as string;
    const a3 = await call('offY1', 'POST', `/api/registrations/${r3}/self-assessment`, { scores: { '2.1': 10 } });
    expect(a3.json.assessment.result.criteria[0].points).toBe(0); // 2/3 < 75 %
    expect(a3.json.assessment.result.titles).toEqual([]);
  });

  it('a Yên Bái clan is counted on its households’ Gia đình học tập of the year; the family framework on the facts declared for each member', async () => {
    const people = [];
    for (const n of ['Đỗ Văn A', 'Đỗ Thị B', 'Đỗ Văn C', 'Đỗ Thị D']) people.push(await person(n));
    const h1 = await group('households', { name: 'Hộ Đỗ Văn A' });
    const h2 = await group('households', { name: 'Hộ Đỗ Văn C' });
    await join('households', h1, people[0]!, 'head');
    await join('households', h1, people[1]!);
    await join('households', h2, people[2]!, 'head');
    await join('households', h2, people[3]!);
    const clan = await group('clans', { name: 'Dòng họ Đỗ' });
    for (const [i, p] of people.entries()) await join('clans', clan, p, i === 0 ? 'head' : undefined);

    // The families' year, on the Yên Bái family framework: member facts declared by the family.
    const gd = await campaign('yen-bai-tn/gdht-yen-bai-2016', 2018);
    const all = ['pc-dat', 'kq-hoc-dat', 'biet-chu', 'hoc-1-nd'];
    const fam = { scores: { '1.3': 10, '2.3': 10, '3.1': 15, '4.1': 15 } };
    const g1 = (await register(gd, { kind: 'household', id: h1 })).json.id as string;
    const g2 = (await register(gd, { kind: 'household', id: h2 })).json.id as string;
    // one member's facts not declared: missing data, counted as not met ("không đạt")
    const partial = await call('offY1', 'POST', `/api/registrations/${g2}/self-assessment`, { ...fam, memberFacts: { [people[2]!]: all } });
    expect(partial.status, partial.text).toBe(200);
    expect(partial.json.assessment.result.total).toBe(50);
    expect(partial.json.assessment.result.members.missing).toEqual([expect.objectContaining({ id: people[3], reason: 'chưa khai các điều kiện của thành viên' })]);
    // Facts for someone outside the family, or a fact the framework does not have: refused, not silently uncounted.
    const stranger = await call('offY1', 'POST', `/api/registrations/${g1}/self-assessment`, { ...fam, memberFacts: { [people[2]!]: all } });
    expect(stranger.status).toBe(422);
    expect(stranger.json.code).toBe('MEMBER_NOT_IN_GROUP');
    const typo = await call('offY1', 'POST', `/api/registrations/${g1}/self-assessment`, { ...fam, memberFacts: { [people[0]!]: ['biet-chuu'] } });
    expect(typo.status).toBe(422);
    expect(typo.json.detail).toContain('biet-chuu');
    await decide(
      gd,
      [
        { id: g1, body: { ...fam, memberFacts: { [people[0]!]: all, [people[1]!]: all } }, pass: true },
        { id: g2, body: { ...fam, memberFacts: { [people[2]!]: all, [people[3]!]: all } }, pass: true },
      ],
      '5/QĐ-UBND',
    );

    const dh = await campaign('yen-bai-tn/dhht-yen-bai-2016', 2018);
    const cr = await register(dh, { kind: 'clan', id: clan });
    expect(cr.status, cr.text).toBe(201);
    const a = await call('offY1', 'POST', `/api/registrations/${cr.json.id}/self-assessment`, { scores: {} });
    expect(a.status, a.text).toBe(200);
    const res = a.json.assessment.result;
    expect(res.members.memberKind).toBe('household');
    expect(res.members.counted.map((m: { name: string }) => m.name).sort()).toEqual(['Hộ Đỗ Văn A', 'Hộ Đỗ Văn C']);
    expect(res.members.text).toContain('2/2 hộ thành viên đạt Gia đình học tập năm 2018');
  });

  it('a Tân Biên unit with members: facts per member, one missing counted as not met', async () => {
    clock.now = new Date('2023-06-01T03:00:00Z');
    for (const who of Object.keys(USERS) as Who[]) {
      const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `${who}@hoctap.test`, password: PASSWORD }) });
      const b = (await res.json()) as { csrfToken: string };
      sessions[who] = { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: b.csrfToken };
    }
    const staff = [];
    for (let i = 1; i <= 5; i++) staff.push(await person(`Cán bộ ${i}`, T1, 'offT1'));
    const u = created(await call('offT1', 'POST', '/api/units', { commune: T1, name: 'Phòng Giáo dục và Đào tạo', type: 'agency' }));
    for (const [i, p] of staff.entries()) await join('units', u, p, i === 0 ? 'head' : undefined, 'offT1');
    const cp = await campaign('tan-bien-tn/dvht-tan-bien-2023', 2023, T1, 'offT1');
    const reg = await register(cp, { kind: 'unit', id: u }, 'offT1');
    expect(reg.status, reg.text).toBe(201);
    const facts = ['cam-ket', 'ke-hoach-tu-hoc', 'tuan-thu-ky-luat', 'hoan-thanh-bd', 'ldtt', 'nang-luc-cdht'];
    const memberFacts = Object.fromEntries(staff.map((p) => [p, facts]));
    const scores = { '1.1': 10, '1.2': 10, '1.3': 10, '3.2': 10, '3.3': 5 };
    const full = await call('offT1', 'POST', `/api/registrations/${reg.json.id}/self-assessment`, { scores, memberFacts });
    expect(full.status, full.text).toBe(200);
    const { [staff[4]!]: _dropped, ...four } = memberFacts;
    const again = await call('offT1', 'POST', `/api/registrations/${reg.json.id}/submit`);
    expect(again.status).toBe(200);
    const rev = await call('comT1', 'POST', `/api/registrations/${reg.json.id}/review`, { scores, memberFacts: four });
    expect(rev.status, rev.text).toBe(200);
    expect(rev.json.assessment.result.total).toBeLessThan(full.json.assessment.result.total);
    expect(rev.json.assessment.result.members.missing.map((m: { id: string }) => m.id)).toEqual([staff[4]]);
    expect(rev.json.assessment.result.members.counted).toHaveLength(4);
  });

  it('a decision in the members’ campaign queues the recompute of the household, audited with why; the job scores it from the new results', async () => {
    const people = [];
    for (const n of ['Vũ Văn Một', 'Vũ Thị Hai', 'Vũ Văn Ba', 'Vũ Thị Bốn']) people.push(await person(n));
    const h = await group('households', { name: 'Hộ ông Vũ Văn Một' });
    for (const p of people) await join('households', h, p);
    const cdht = await campaign('thu-nghiem-nhom/cdht-thu-nghiem', 2018);
    const regs = [];
    for (const p of people) regs.push({ id: (await call('offY1', 'POST', `/api/campaigns/${cdht}/registrations`, { personId: p })).json.id as string, body: { scores: { '1.1': 8 } }, pass: true });
    const gd = await campaign('thu-nghiem-nhom/gdht-thu-nghiem', 2018);
    const reg = (await register(gd, { kind: 'household', id: h })).json.id as string;
    const before = await call('offY1', 'POST', `/api/registrations/${reg}/self-assessment`, { scores: { '2.1': 10 } });
    expect(before.json.assessment.result.criteria[0].points).toBe(0); // nobody decided yet: 0/4
    expect(before.json.assessment.result.members.missing).toHaveLength(4);

    await decide(cdht, regs, '9/QĐ-UBND');
    const audit = await t.handle.db.selectFrom('audit_pending').select(['action', 'subject_id', 'payload']).where('action', '=', 'campaign.recompute-members').execute();
    const chained = await t.handle.db.selectFrom('audit_log').select(['action', 'subject_id', 'payload']).where('action', '=', 'campaign.recompute-members').execute();
    const entries = [...audit, ...chained];
    expect(entries).toHaveLength(1);
    expect(entries[0]!.subject_id).toBe(gd);
    expect((entries[0]!.payload as { reason: string }).reason).toContain('quyết định số 9/QĐ-UBND');
    const jobId = (entries[0]!.payload as { job: string }).job;

    const wk = startJobWorker({ db: t.handle.db, dataKey: TEST_DATA_KEY, registry, pollMs: 20, now: () => clock.now });
    try {
      await expect.poll(async () => (await call('provY', 'GET', `/api/jobs/${jobId}`)).json?.status, { timeout: 30_000, interval: 50 }).toBe('done');
    } finally {
      await wk.stop();
    }
    const read = await call('offY1', 'GET', `/api/registrations/${reg}`);
    const latest = read.json.assessments.at(-1);
    expect(latest.result.criteria[0].points).toBe(10);
    expect(latest.result.titles).toEqual(['Gia đình học tập']);
    expect(latest.result.members.text).toContain('4/4 thành viên đạt Công dân học tập năm 2018');
  });

  it('registers households in bulk from the households template’s columns (head as member), again without duplicates; a people sheet is refused there', async () => {
    const gd = await campaign('thu-nghiem-nhom/gdht-thu-nghiem', 2018);
    const csv = ['Mã hộ *,Chủ hộ *,"Thôn, tổ dân phố",Số thành viên,Đăng ký danh hiệu', 'H01,Nguyễn Văn Tám,Thôn Đoài,4,Có', 'H02,Trần Thị Chín,Thôn Đông,3,Có', 'H03,Lê Văn Mười,Thôn Đông,2,Không', 'H04,,Thôn Đông,2,Có'].join('\n');
    const first = await call('offY1', 'POST', `/api/campaigns/${gd}/registrations/bulk`, csv, { 'content-type': 'text/csv' });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ created: 2, existing: 0, skipped: 1 });
    expect(first.json.errors).toEqual([expect.objectContaining({ row: 5, code: 'ROW_INVALID', message: expect.stringContaining('thiếu họ tên chủ hộ') })]);
    const h = await call('offY1', 'GET', `/api/households/${first.json.rows[0].householdId}`);
    expect(h.json).toMatchObject({ name: 'Hộ Nguyễn Văn Tám', village: 'Thôn Đoài' });
    expect(h.json.members).toEqual([expect.objectContaining({ fullName: 'Nguyễn Văn Tám', role: 'head', validFrom: '2018-01-01' })]);
    const reg = await call('offY1', 'GET', `/api/campaigns/${gd}/registrations`);
    expect(reg.json.items.map((x: { subject: { kind: string } }) => x.subject.kind)).toEqual(['household', 'household']);
    const again = await call('offY1', 'POST', `/api/campaigns/${gd}/registrations/bulk`, csv, { 'content-type': 'text/csv' });
    expect(again.json).toMatchObject({ created: 0, existing: 2 });
    const people = await call('offY1', 'POST', `/api/campaigns/${gd}/registrations/bulk`, 'Họ và tên\nNguyễn Văn Một', { 'content-type': 'text/csv' });
    expect(people.status).toBe(422);
    expect(people.json.code).toBe('SUBJECT_KIND_MISMATCH');
    // The same people file as a background job is refused the same way, and nothing is queued.
    const job = await call('offY1', 'POST', `/api/campaigns/${gd}/registrations/import-jobs`, 'Họ và tên\nNguyễn Văn Một', { 'content-type': 'text/csv' });
    expect(job.status).toBe(422);
    expect(job.json.code).toBe('SUBJECT_KIND_MISMATCH');
  });

  it('refuses an empty group, a kind the framework is not for, and another locality’s group', async () => {
    const gd = await campaign('thu-nghiem-nhom/gdht-thu-nghiem', 2018);
    const empty = await group('households', { name: 'Hộ trống' });
    const reg = await register(gd, { kind: 'household', id: empty });
    expect(reg.status, reg.text).toBe(201);
    const a = await call('offY1', 'POST', `/api/registrations/${reg.json.id}/self-assessment`, { scores: { '2.1': 10 } });
    expect(a.status).toBe(422);
    expect(a.json.code).toBe('GROUP_HAS_NO_MEMBERS');
    expect(a.json.detail).toMatch(/^Hộ gia đình "Hộ trống" chưa có thành viên nào/);

    const clan = await group('clans', { name: 'Dòng họ Vũ' });
    const mismatch = await register(gd, { kind: 'clan', id: clan });
    expect(mismatch.status).toBe(422);
    expect(mismatch.json.code).toBe('SUBJECT_KIND_MISMATCH');
    expect(mismatch.json.detail).toMatch(/dành cho gia đình.*không đăng ký được dòng họ/);
    const p = await person('Hoàng Văn Sáu');
    const asPerson = await call('offY1', 'POST', `/api/campaigns/${gd}/registrations`, { personId: p });
    expect(asPerson.status).toBe(422);
    expect(asPerson.json.detail).toMatch(/không đăng ký được công dân/);
    const cdht = await campaign('thu-nghiem-nhom/cdht-thu-nghiem', 2018);
    expect((await register(cdht, { kind: 'household', id: empty })).json.code).toBe('SUBJECT_KIND_MISMATCH');
    // A village is a community of the Yên Bái community title; the commune itself is not.
    const co = await campaign('yen-bai-tn/cdoht-yen-bai-2016', 2018);
    const village = await group('communities', { name: 'Thôn Đoài', type: 'village' });
    expect((await register(co, { kind: 'community', id: village })).status).toBe(201);
    const commune = await group('communities', { name: 'Xã Thử Nghiệm', type: 'commune' });
    const wrong = await register(co, { kind: 'community', id: commune });
    expect(wrong.status).toBe(422);
    expect(wrong.json.detail).toMatch(/không đăng ký được cộng đồng cấp xã/);
    // A village with people but no households among them: nobody to count for a title counted on families.
    const lone = await person('Đinh Văn Lẻ');
    await join('communities', village, lone);
    const regs = await call('offY1', 'GET', `/api/campaigns/${co}/registrations`);
    const none = await call('offY1', 'POST', `/api/registrations/${regs.json.items[0].id}/self-assessment`, { scores: {} });
    expect(none.status).toBe(422);
    expect(none.json.detail).toMatch(/^Cộng đồng "Thôn Đoài" chưa có hộ gia đình thành viên nào/);

    // A household of the other commune: invisible to this officer → 404; another province's too.
    const other = await group('households', { commune: Y2, name: 'Hộ xã bên' }, 'offY2');
    const far = await register(gd, { kind: 'household', id: other });
    expect(far.status).toBe(404);
    expect(far.json.code).toBe('HOUSEHOLD_NOT_FOUND');
    const tay = created(await call('offT1', 'POST', '/api/households', { commune: T1, name: 'Hộ Tây Ninh' }));
    expect((await register(gd, { kind: 'household', id: tay })).status).toBe(404);
    // The province's officer sees it, but it is outside the commune's campaign.
    const out = await register(gd, { kind: 'household', id: other }, 'provY');
    expect(out.status).toBe(422);
    expect(out.json.code).toBe('SUBJECT_OUTSIDE_CAMPAIGN');
  });
});
