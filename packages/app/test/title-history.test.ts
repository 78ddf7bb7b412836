/**
 * Multi-year titles from the stored decisions, the 1/3/5-year registers and the yearly report's
 * list of groups — years of real campaigns run through the use cases, on both dialects: three and
 * five consecutive years for a household and a unit, a gap year breaks the run, a revoked
 * recognition does not count, the register lists groups with their representative, the yearly
 * report of a Gia đình học tập campaign lists households.
 */
import { definePlugin } from '@hoctap/core';
import { createPerson, createUser, truncateAllTables, type Scope } from '@hoctap/db';
import { dialects, openTestDatabase, type TestDatabase } from '@hoctap/db/testing';
import { registers } from '@hoctap/documents';
import { phuTho } from '@hoctap/plugin-phu-tho';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCampaign, proposeRegistrations, registerSubject } from '../src/campaigns.js';
import { revokeCredential } from '../src/credentials.js';
import { decide } from '../src/decisions.js';
import { withCaller, type Caller, type Deps, type Trx } from '../src/deps.js';
import { yearlyReport } from '../src/documents.js';
import { addMember, createGroup } from '../src/groups.js';
import { recomputeChunk } from '../src/recompute.js';
import { registerOrder, titleRegisterPage, titleRegistersDocument } from '../src/registers.js';
import { assessRegistration, stepRegistration } from '../src/registrations.js';
import { historySpan } from '../src/title-history.js';
import { refusal, testDeps } from './support.js';

const A = '25';
const A1 = '07900';
const A2 = '07901';

/** A title over one year, three and five consecutive years, for a kind of group. */
const framework = (id: string, subject: string, t: string, name: string) => `bộ tiêu chí ${id} "${name} — thử nghiệm nhiều năm"
  đối tượng: ${subject}
  căn cứ tn: "Kế hoạch thử nghiệm"
  tiêu chí 1 "Học tập" tổng 10 theo tn "mục 1"
    chỉ số 1.1 "Kết quả học tập" tối đa 10
  tổng điểm 10
  danh hiệu ${t} "${name}"
    khi tổng điểm từ 8 trở lên
    theo tn "mục 2"
  danh hiệu ${t}-3 "${name} 3 năm liền"
    khi đạt ${t} 3 năm liền
    theo tn "mục 3"
  danh hiệu ${t}-tb "${name} tiêu biểu"
    khi đạt ${t} 5 năm liền
    theo tn "mục 3"
  ví dụ "đạt năm nay và 2 năm trước"
    năm 2018
    điểm 1.1 = 9
    lịch sử 2017: ${t}; 2016: ${t}
    mong đợi tổng 9, đạt ${t}, đạt ${t}-3, không đạt ${t}-tb
`;
const plugin = definePlugin({
  id: 'nhieu-nam',
  version: '0.1.0',
  name: 'Thử nghiệm nhiều năm',
  localities: [],
  frameworks: [
    { file: 'gd.tieuchi', source: framework('gd-nhieu-nam', 'gia đình', 'gd', 'Gia đình học tập') },
    { file: 'dv.tieuchi', source: framework('dv-nhieu-nam', 'đơn vị', 'dv', 'Đơn vị học tập') },
  ],
});

const SCOPES = {
  provA: { role: 'province', province: A },
  offA1: { role: 'commune', province: A, communes: [A1] },
  comA1: { role: 'commune', province: A, communes: [A1] },
  offA2: { role: 'commune', province: A, communes: [A2] },
} satisfies Record<string, Scope>;
type Who = keyof typeof SCOPES;

describe.each(dialects)('multi-year titles from stored decisions, registers, yearly report (%s)', (dialect) => {
  let t: TestDatabase;
  let deps: Deps;
  const clock = { now: new Date('2016-05-10T03:00:00Z') };
  const callers = {} as Record<Who, Caller>;
  const as = <T,>(who: Who, fn: (trx: Trx, caller: Caller) => Promise<T>) => withCaller(deps, callers[who], (trx) => fn(trx, callers[who]));

  beforeAll(async () => {
    t = await openTestDatabase(dialect, { migrate: true });
    deps = testDeps(t.handle.db, [phuTho, plugin], clock);
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });
  beforeEach(async () => {
    await truncateAllTables(t.handle.db);
    for (const who of Object.keys(SCOPES) as Who[]) {
      const scope: Scope = SCOPES[who];
      const localities = scope.role === 'commune' ? [scope.province, ...scope.communes] : [scope.province];
      const roles = who.startsWith('prov') ? ['province-admin'] : who.startsWith('com') ? ['committee-member'] : ['commune-officer'];
      const u = await createUser(t.handle.db, { email: `${who}@hoctap.test`, displayName: who, passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$không-dùng$không-dùng', roles, localities });
      callers[who] = { userId: u.id, roles, scope, address: '192.0.2.1' };
    }
  }, 60_000);

  /** A group of `kind` in commune A1 with a head (and the head's name). */
  async function group(kind: 'household' | 'unit', name: string, head: string, village: string | null = null) {
    clock.now = new Date('2016-01-05T03:00:00Z');
    const g = await as('offA1', (trx, c) => createGroup(deps, c, trx, { kind, commune: A1, name, village, ...(kind === 'unit' ? { type: 'school' } : {}) }));
    const p = await as('offA1', (trx) => createPerson(trx, deps.cipher, { province: A, commune: A1, fullName: head, birthDate: '1970-03-04', sex: 'male', village, citizenId: null }));
    await as('offA1', (trx, c) => addMember(deps, c, trx, { kind, groupId: g.id, personId: p.id, role: 'head', validFrom: '2016-01-01' }));
    return g.id;
  }

  /**
   * One year of a campaign: the subjects registered, self-assessed, submitted and reviewed with
   * their points, proposed, and decided (8 points or more recognised). The committee's result.
   */
  async function year(ref: string, y: number, subjects: { kind: 'household' | 'unit'; id: string; points: number }[]) {
    clock.now = new Date(`${y}-05-10T03:00:00Z`);
    const { campaign } = await as('offA1', (trx, c) => openCampaign(deps, c, trx, { framework: ref, year: y, commune: A1, confirm: true }));
    const regs: { id: string; points: number }[] = [];
    for (const s of subjects) regs.push({ id: (await as('offA1', (trx, c) => registerSubject(deps, c, trx, { campaignId: campaign.id, subject: { kind: s.kind, id: s.id } }))).registration.id, points: s.points });
    clock.now = new Date(`${y}-10-01T03:00:00Z`);
    const results = new Map<string, Record<string, unknown>>();
    for (const r of regs) {
      await as('offA1', (trx, c) => assessRegistration(deps, c, trx, { id: r.id, action: 'self-assess', body: { scores: { '1.1': r.points } } }));
      await as('offA1', (trx, c) => stepRegistration(deps, c, trx, { id: r.id, action: 'submit' }));
      const { assessment } = await as('comA1', (trx, c) => assessRegistration(deps, c, trx, { id: r.id, action: 'review', body: { scores: { '1.1': r.points } } }));
      results.set(r.id, assessment.result as Record<string, unknown>);
    }
    await as('offA1', (trx, c) => proposeRegistrations(deps, c, trx, { campaignId: campaign.id, registrationIds: regs.map((r) => r.id) }));
    clock.now = new Date(`${y}-12-01T03:00:00Z`);
    const passed = regs.filter((r) => r.points >= 8).map((r) => r.id);
    const d = await as('provA', (trx, c) => decide(deps, c, trx, { campaignId: campaign.id, number: `${y}-${ref.slice(-12)}/QĐ-UBND`, decidedOn: `${y}-12-01`, signer: 'Nguyễn Văn Chủ, Chủ tịch UBND xã', recognised: passed, notRecognised: regs.filter((r) => r.points < 8).map((r) => r.id) }));
    return { campaign, regs: regs.map((r) => r.id), results, credentials: new Map(d.issued.map((x) => [x.registrationId, x.id])) };
  }
  const titlesOf = (r: Record<string, unknown> | undefined) => (r?.['titles'] as string[] | undefined) ?? [];

  it('reads how far a framework’s titles look back', () => {
    expect(historySpan(deps.registry.get('nhieu-nam/gd-nhieu-nam').model)).toBe(4);
    expect(historySpan(deps.registry.get('phu-tho/cdht-phu-tho-2018').model)).toBe(0);
  });

  it('a household: 3 and 5 consecutive years from its own decisions; a neighbour with a gap year breaks the run; the registers list them with the head', async () => {
    const an = await group('household', 'Hộ ông Lê Văn An', 'Lê Văn An', 'Thôn Đoài');
    const binh = await group('household', 'Hộ bà Trần Thị Bình', 'Trần Thị Bình', 'Thôn Đông');
    const ref = 'nhieu-nam/gd-nhieu-nam';
    // Bình misses 2017 (7 points): 2016, then 2018–2020.
    let last;
    for (const y of [2016, 2017, 2018, 2019, 2020]) {
      last = await year(ref, y, [
        { kind: 'household', id: an, points: 9 },
        { kind: 'household', id: binh, points: y === 2017 ? 7 : 9 },
      ]);
      const [ra, rb] = last.regs.map((id) => last!.results.get(id));
      if (y === 2018) {
        expect(titlesOf(ra)).toEqual(['Gia đình học tập', 'Gia đình học tập 3 năm liền']);
        expect(titlesOf(rb)).toEqual(['Gia đình học tập']);
        expect(ra!['explanationText']).toContain('Lịch sử danh hiệu (từ các quyết định đã lưu, các năm 2014–2017): đã được công nhận năm 2016 (QĐ số 2016-gd-nhieu-nam/QĐ-UBND), 2017 (QĐ số 2017-gd-nhieu-nam/QĐ-UBND)');
        expect((rb!['history'] as { years: { year: number }[] }).years.map((x) => x.year)).toEqual([2016]);
      }
    }
    const [ra, rb] = last!.regs.map((id) => last!.results.get(id));
    expect(titlesOf(ra)).toEqual(['Gia đình học tập', 'Gia đình học tập 3 năm liền', 'Gia đình học tập tiêu biểu']);
    expect(titlesOf(rb)).toEqual(['Gia đình học tập', 'Gia đình học tập 3 năm liền']);
    expect((ra!['history'] as { years: { year: number }[] }).years.map((x) => x.year)).toEqual([2016, 2017, 2018, 2019]);

    const page = (span: 1 | 3 | 5, who: Who = 'offA1') => as(who, (trx, c) => titleRegisterPage(deps, c, trx, { title: 'learning-family', year: 2020, span, limit: 50, offset: 0 }));
    const one = await page(1);
    expect(one.total).toBe(2);
    // Sorted as Vietnamese readers expect: a group by its name.
    expect(one.items.map((x) => x.subject.name)).toEqual(['Hộ bà Trần Thị Bình', 'Hộ ông Lê Văn An']);
    expect(one.items.map((x) => [x.representative, x.village, x.years, x.consecutive])).toEqual([
      [{ role: 'Chủ hộ', name: 'Trần Thị Bình' }, 'Thôn Đông', [2016, 2018, 2019, 2020], 3],
      [{ role: 'Chủ hộ', name: 'Lê Văn An' }, 'Thôn Đoài', [2016, 2017, 2018, 2019, 2020], 5],
    ]);
    expect(one.items[1]!.decision).toEqual({ number: '2020-gd-nhieu-nam/QĐ-UBND', date: '2020-12-01' });
    const three = await page(3);
    expect(three.description).toBe('Đạt 3 năm liên tục (2018–2020), tính đến năm 2020');
    expect(three.items.map((x) => x.subject.name)).toEqual(['Hộ bà Trần Thị Bình', 'Hộ ông Lê Văn An']);
    const five = await page(5);
    expect(five.items.map((x) => x.subject.name)).toEqual(['Hộ ông Lê Văn An']);
    // The 2019 register: Bình's run is 2 years (2018–2019).
    const three2019 = await as('offA1', (trx, c) => titleRegisterPage(deps, c, trx, { title: 'learning-family', year: 2019, span: 3, limit: 50, offset: 0 }));
    expect(three2019.items.map((x) => x.subject.name)).toEqual(['Hộ ông Lê Văn An']);
    // Paged, with the total.
    const p2 = await as('provA', (trx, c) => titleRegisterPage(deps, c, trx, { title: 'learning-family', year: 2020, span: 1, commune: A1, limit: 1, offset: 1 }));
    expect([p2.total, p2.items.map((x) => x.subject.name)]).toEqual([2, ['Hộ ông Lê Văn An']]);
    // Another commune's officer sees nothing of it, and cannot ask for it.
    expect((await page(1, 'offA2')).total).toBe(0);
    expect(await refusal(as('offA2', (trx, c) => titleRegisterPage(deps, c, trx, { title: 'learning-family', year: 2020, span: 1, commune: A1, limit: 50, offset: 0 })))).toEqual(['not-found', 'LOCALITY_NOT_FOUND']);

    // The download's data: every subject of this year with its years, the group's head printed beside its name.
    const { data } = await as('offA1', (trx, c) => titleRegistersDocument(deps, c, trx, { title: 'learning-family', year: 2020 }));
    expect(data.holders).toEqual([
      { name: 'Hộ bà Trần Thị Bình', kind: 'household', representative: 'Chủ hộ: Trần Thị Bình', address: 'Thôn Đông', years: [2016, 2018, 2019, 2020], decision: '2020-gd-nhieu-nam/QĐ-UBND ngày 01/12/2020' },
      { name: 'Hộ ông Lê Văn An', kind: 'household', representative: 'Chủ hộ: Lê Văn An', address: 'Thôn Đoài', years: [2016, 2017, 2018, 2019, 2020], decision: '2020-gd-nhieu-nam/QĐ-UBND ngày 01/12/2020' },
    ]);
    expect(registers(data)[5].map((h) => h.name)).toEqual(['Hộ ông Lê Văn An']);

    // The yearly report of the 2020 Gia đình học tập campaign lists households, not persons.
    const report = await as('offA1', (trx, c) => yearlyReport(deps, c, trx, { id: last!.campaign.id, kind: 'registered' }));
    expect(report.data.subjects).toEqual([
      { kind: 'household', name: 'Hộ bà Trần Thị Bình', representative: 'Chủ hộ: Trần Thị Bình', village: 'Thôn Đông', total: 9, result: 'Được công nhận: Gia đình học tập, Gia đình học tập 3 năm liền' },
      { kind: 'household', name: 'Hộ ông Lê Văn An', representative: 'Chủ hộ: Lê Văn An', village: 'Thôn Đoài', total: 9, result: 'Được công nhận: Gia đình học tập, Gia đình học tập 3 năm liền, Gia đình học tập tiêu biểu' },
    ]);
  }, 240_000);

  it('a unit: a revoked recognition does not count, in the assessment, the recompute and the registers', async () => {
    const unit = await group('unit', 'Trường Tiểu học Đoàn Kết', 'Phạm Quốc Hưng');
    const ref = 'nhieu-nam/dv-nhieu-nam';
    const y2016 = await year(ref, 2016, [{ kind: 'unit', id: unit, points: 9 }]);
    const y2017 = await year(ref, 2017, [{ kind: 'unit', id: unit, points: 10 }]);
    // 2016's recognition is revoked before 2018 is scored: two years, not three.
    clock.now = new Date('2018-02-01T03:00:00Z');
    await as('provA', (trx, c) => revokeCredential(deps, c, trx, { id: y2016.credentials.get(y2016.regs[0]!)! }));
    const y2018 = await year(ref, 2018, [{ kind: 'unit', id: unit, points: 9 }]);
    const r2018 = y2018.results.get(y2018.regs[0]!);
    expect(titlesOf(r2018)).toEqual(['Đơn vị học tập']);
    expect(r2018!['explanationText']).toContain('đã được công nhận năm 2017 (QĐ số 2017-dv-nhieu-nam/QĐ-UBND)');
    expect(r2018!['explanationText']).not.toContain('2016 (QĐ');
    expect(r2018!['explanationText']).toContain('mới đạt "Đơn vị học tập" 2 năm liền (2017–2018), cần 3');
    // The 2018 register: in the 1-year one, not in the 3-year one; the years show the run without 2016.
    const one = await as('offA1', (trx, c) => titleRegisterPage(deps, c, trx, { title: 'learning-unit', year: 2018, span: 1, limit: 50, offset: 0 }));
    expect(one.items.map((x) => [x.subject.name, x.representative, x.years])).toEqual([['Trường Tiểu học Đoàn Kết', { role: 'Thủ trưởng đơn vị', name: 'Phạm Quốc Hưng' }, [2017, 2018]]]);
    expect((await as('offA1', (trx, c) => titleRegisterPage(deps, c, trx, { title: 'learning-unit', year: 2018, span: 3, limit: 50, offset: 0 }))).total).toBe(0);
    // Three and five years for the unit from 2019 on (2017–2019 is three; 2016 revoked, so five only if it held).
    const y2019 = await year(ref, 2019, [{ kind: 'unit', id: unit, points: 9 }]);
    expect(titlesOf(y2019.results.get(y2019.regs[0]!))).toEqual(['Đơn vị học tập', 'Đơn vị học tập 3 năm liền']);
    // Revoking 2017's recognition now queues the recompute of the later years that counted it (2018, 2019), audited.
    type JobRow = { id: string; kind: string; payload: Record<string, unknown> };
    const jobs = async () => (await sql<JobRow>`SELECT id, kind, payload FROM jobs`.execute(t.handle.db)).rows;
    const before = await jobs();
    await as('provA', (trx, c) => revokeCredential(deps, c, trx, { id: y2017.credentials.get(y2017.regs[0]!)! }));
    const queued = (await jobs()).filter((j) => !before.some((b) => b.id === j.id));
    expect(queued.map((j) => [j.kind, (j.payload as { campaignId: string }).campaignId]).sort()).toEqual([
      ['campaign.recompute', y2018.campaign.id],
      ['campaign.recompute', y2019.campaign.id],
    ].sort());
    const why = await t.handle.db.selectFrom('audit_log').select(['action', 'payload']).where('action', '=', 'campaign.recompute-history').execute();
    // (2016's revocation, earlier, had queued 2017's.)
    expect(why.map((x) => (x.payload as { reason: string }).reason).sort()).toEqual(['Công nhận năm 2016 đã bị thu hồi: tính lại các danh hiệu nhiều năm liền của năm 2017', 'Công nhận năm 2017 đã bị thu hồi: tính lại các danh hiệu nhiều năm liền của năm 2018', 'Công nhận năm 2017 đã bị thu hồi: tính lại các danh hiệu nhiều năm liền của năm 2019']);
    // The 2019 recompute (the job's chunk) reads the history without 2017: one year running, the title changes.
    const re2019 = await as('offA1', (trx, c) => recomputeChunk(deps, c, trx, { campaignId: y2019.campaign.id, lastRegistration: y2019.regs[0]!, limit: 10, jobId: queued[0]!.id, state: { recomputed: 0, changed: 0, failed: 0, changedIds: [], failures: [], cursor: null } }));
    expect([re2019.state.recomputed, re2019.state.changed, re2019.state.changedIds]).toEqual([2, 1, [y2019.regs[0]]]);
    const y2020 = await year(ref, 2020, [{ kind: 'unit', id: unit, points: 9 }]);
    expect(titlesOf(y2020.results.get(y2020.regs[0]!))).toEqual(['Đơn vị học tập', 'Đơn vị học tập 3 năm liền']);
    expect((await as('offA1', (trx, c) => titleRegisterPage(deps, c, trx, { title: 'learning-unit', year: 2020, span: 5, limit: 50, offset: 0 }))).total).toBe(0);
    expect((await as('offA1', (trx, c) => titleRegisterPage(deps, c, trx, { title: 'learning-unit', year: 2020, span: 3, limit: 50, offset: 0 }))).total).toBe(1);
    // The recompute reads the same stored history: the 2020 result is unchanged (no 5 years).
    const first = y2020.regs[0]!;
    const out = await as('offA1', (trx, c) => recomputeChunk(deps, c, trx, { campaignId: y2020.campaign.id, lastRegistration: first, limit: 10, jobId: '00000000-0000-4000-8000-000000000000', state: { recomputed: 0, changed: 0, failed: 0, changedIds: [], failures: [], cursor: null } }));
    expect([out.state.recomputed, out.state.changed, out.state.failed]).toEqual([2, 0, 0]);
  }, 240_000);

  it('orders people by the given name, as Vietnamese readers expect', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Văn Ẩn', 'Đặng Quốc Việt', 'Phạm Thị Ánh'];
    expect(names.map((name) => ({ kind: 'person' as const, name })).sort(registerOrder).map((x) => x.name)).toEqual(['Nguyễn Thị An', 'Phạm Thị Ánh', 'Lê Văn Ẩn', 'Trần Văn Bình', 'Đặng Quốc Việt']);
  });
});
