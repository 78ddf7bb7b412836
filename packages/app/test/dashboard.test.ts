/**
 * The yearly dashboard on both dialects: a Yên Bái commune with households in two villages, a clan,
 * two village communities and a unit, read back per title, commune and village with both
 * denominators, against the frameworks' targets of 2020, and the roll-ups (households → clan and
 * village, members → unit) equal to what the group's own member-derived indicator counts.
 */
import { definePlugin } from '@hoctap/core';
import {
  addAssessment,
  addMembership,
  createCampaign,
  createGroup,
  createPerson,
  createRegistration,
  createUser,
  ensureFramework,
  truncateAllTables,
  withScope,
  type Campaign,
  type Database,
  type GroupKind,
  type SubjectKind,
} from '@hoctap/db';
import { dialects, openTestDatabase, type TestDatabase } from '@hoctap/db/testing';
import { national } from '@hoctap/plugin-national';
import { yenBai } from '@hoctap/plugin-yen-bai';
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCaller, type Caller, type Deps } from '../src/deps.js';
import { yearDashboard, type Dashboard, type DashboardTitle } from '../src/dashboard.js';
import { groupMembersOfYear } from '../src/group-members.js';
import { modelOf } from '../src/models.js';
import { refusal, testDeps } from './support.js';

const Y = '15';
const Y1 = '04501';
const Y2 = '04502';

/** A citizen framework of Yên Bái with a target for 2020 (the plugin has none for citizens). */
const citizen = definePlugin({
  id: 'yb-cdht',
  version: '0.1.0',
  name: 'Công dân học tập — thử nghiệm Yên Bái',
  localities: [],
  frameworks: [
    {
      file: 'cdht-yb.tieuchi',
      source: `bộ tiêu chí cdht-yb "Công dân học tập — thử nghiệm"
  đối tượng: công dân
  địa bàn: "15" "tỉnh Yên Bái"
  căn cứ tn: "Kế hoạch thử nghiệm"
  tiêu chí 1 "Học tập" tổng 10 theo tn "mục 1"
    chỉ số 1.1 "Tự học" tối đa 10
  tổng điểm 10
  danh hiệu cdht "Công dân học tập"
    khi tổng điểm từ 10 trở lên
    theo tn "mục 2"
  chỉ tiêu cdht năm 2020: 50%
    theo tn "mục 3"
  ví dụ "đủ điểm"
    điểm 1.1 = 10
    mong đợi tổng 10, đạt cdht
`,
    },
  ],
});

/** A campaign row's input; `name` and `communes` are what migration 0012 asks of a campaign (written through whatever the input type says at the time). */
const campaignInput = (x: { province: string; commune: string; title: string; name: string; communes: string[]; frameworkId: string; year: number }) => ({ ...x, calendar: [] }) as unknown as Parameters<typeof createCampaign>[1];

const CALLERS = {
  national: { userId: null, roles: ['platform-admin'], scope: { role: 'national' } },
  province: { userId: null, roles: ['province-admin'], scope: { role: 'province', province: Y } },
  officerY2: { userId: null, roles: ['commune-officer'], scope: { role: 'commune', province: Y, communes: [Y2] } },
} satisfies Record<string, Caller>;

describe.each(dialects)('the yearly dashboard (%s)', (dialect) => {
  let t: TestDatabase;
  let deps: Deps;
  const clock = { now: new Date('2020-06-01T03:00:00Z') };
  const campaigns: Partial<Record<string, Campaign>> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await openTestDatabase(dialect, { migrate: true });
    deps = testDeps(t.handle.db, [national, yenBai, citizen], clock);
    await truncateAllTables(t.handle.db);
    await t.handle.db
      .insertInto('administrative_units')
      .values([
        { code: Y, level: 'province', name: 'tỉnh Yên Bái', province_code: null, valid_from: '2016-01-01', valid_to: null, successor_code: null },
        { code: Y1, level: 'commune', name: 'xã Minh Quân', province_code: Y, valid_from: '2016-01-01', valid_to: null, successor_code: null },
        { code: Y2, level: 'commune', name: 'xã Tuy Lộc', province_code: Y, valid_from: '2016-01-01', valid_to: null, successor_code: null },
      ])
      .execute();
    const user = await createUser(t.handle.db, { email: 'canbo@yb.test', displayName: 'Cán bộ', passwordHash: '$argon2id$x', roles: ['province-admin'], localities: [Y] });
    await withScope(t.handle.db, { role: 'national' }, async (trx: Transaction<Database>) => {
      const person = async (key: string, commune: string, village: string) => (ids[key] = (await createPerson(trx, deps.cipher, { province: Y, commune, fullName: `Người ${key}`, birthDate: null, sex: null, village, citizenId: null })).id);
      for (const p of ['p1', 'p2', 'p3']) await person(p, Y1, 'Thôn Đoài');
      for (const p of ['p4', 'p5', 'p6']) await person(p, Y1, 'Thôn Đông');
      await person('p7', Y2, 'Thôn Trung');
      const group = async (key: string, kind: GroupKind, commune: string, extra: { village?: string; type?: string } = {}) =>
        (ids[key] = (await createGroup(trx, kind, { province: Y, commune, name: `Nhóm ${key}`, ...extra })).id);
      await group('h1', 'household', Y1, { village: 'Thôn Đoài' });
      await group('h2', 'household', Y1, { village: 'Thôn Đoài' });
      await group('h3', 'household', Y1, { village: 'Thôn Đông' });
      await group('h4', 'household', Y1, { village: 'Thôn Đông' });
      await group('h5', 'household', Y2, { village: 'Thôn Trung' });
      await group('c1', 'clan', Y1);
      ids['v1'] = (await createGroup(trx, 'community', { province: Y, commune: Y1, name: 'Thôn Đoài', type: 'village' })).id;
      ids['v2'] = (await createGroup(trx, 'community', { province: Y, commune: Y1, name: 'Thôn Đông', type: 'village' })).id;
      await group('u1', 'unit', Y1, { type: 'agency' });
      const member = (p: string, kind: GroupKind, g: string, commune = Y1) => addMembership(trx, { province: Y, commune, personId: ids[p]!, group: { kind, id: ids[g]! }, validFrom: '2019-01-01' });
      for (const [p, h] of [['p1', 'h1'], ['p2', 'h1'], ['p3', 'h2'], ['p4', 'h3'], ['p5', 'h3'], ['p6', 'h4']] as const) await member(p, 'household', h);
      await member('p7', 'household', 'h5', Y2);
      for (const p of ['p1', 'p3', 'p4']) await member(p, 'clan', 'c1');
      for (const p of ['p1', 'p2', 'p3']) await member(p, 'community', 'v1');
      for (const p of ['p4', 'p5', 'p6']) await member(p, 'community', 'v2');
      for (const p of ['p1', 'p4', 'p5']) await member(p, 'unit', 'u1');

      const open = async (title: string, ref: string) => {
        const f = deps.registry.get(ref);
        const fw = await ensureFramework(trx, {
          plugin: f.plugin,
          version: `${f.model.id}@${createHash('sha256').update(f.source, 'utf8').digest('hex').slice(0, 12)}`,
          title,
          sourceText: f.source,
          effectiveFrom: '2016-01-01',
          publishedBy: user.id,
          publishedAt: clock.now,
        });
        campaigns[title] = await createCampaign(trx, campaignInput({ province: Y, commune: Y1, title, name: `${title} 2020`, communes: [Y1], frameworkId: fw.id, year: 2020 }));
      };
      await open('learning-citizen', 'yb-cdht/cdht-yb');
      await open('learning-family', 'yen-bai/gdht-yen-bai-2016');
      await open('learning-clan', 'yen-bai/dhht-yen-bai-2016');
      await open('learning-community', 'yen-bai/cdoht-yen-bai-2016');
      await open('learning-unit', 'yen-bai/dvht-yen-bai-2016');
      // The household of the other commune registers in that commune's own campaign of the title.
      const fam = campaigns['learning-family']!;
      campaigns['family-y2'] = await createCampaign(trx, campaignInput({ province: Y, commune: Y2, title: 'learning-family', name: 'GĐHT 2020 Tuy Lộc', communes: [Y2], frameworkId: fam.framework_id, year: 2020 }));

      const register = async (campaign: string, kind: SubjectKind, key: string, status: string, titles?: string[]) => {
        const cp = campaigns[campaign]!;
        const { registration } = await createRegistration(trx, { province: Y, commune: cp.commune_code, campaignId: cp.id, subject: { kind, id: ids[key]! }, registeredBy: user.id, registeredAt: clock.now });
        await sql`UPDATE registrations SET status = ${status} WHERE id = ${registration.id}`.execute(trx);
        if (titles)
          await addAssessment(trx, { province: Y, commune: cp.commune_code, registrationId: registration.id, kind: 'committee', scores: {}, evidence: [], assessedBy: user.id, assessedAt: clock.now, result: { total: 0, titles } });
      };
      await register('learning-citizen', 'person', 'p1', 'recognised', ['Công dân học tập']);
      await register('learning-citizen', 'person', 'p4', 'published', ['Công dân học tập']);
      await register('learning-citizen', 'person', 'p5', 'reviewed', ['Công dân học tập']);
      await register('learning-citizen', 'person', 'p2', 'registered');
      await register('learning-family', 'household', 'h1', 'recognised', ['Gia đình học tập']);
      await register('learning-family', 'household', 'h2', 'not-recognised', []);
      await register('learning-family', 'household', 'h3', 'published', ['Gia đình học tập']);
      await register('family-y2', 'household', 'h5', 'registered');
      // Withdrawn: not registered, and counted nowhere.
      await register('learning-family', 'household', 'h4', 'withdrawn');
      await register('learning-community', 'community', 'v1', 'recognised', ['Cộng đồng học tập']);
      await register('learning-community', 'community', 'v2', 'self-assessed');
      await register('learning-clan', 'clan', 'c1', 'registered');
      await register('learning-unit', 'unit', 'u1', 'registered');
    });
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });

  const dashboard = (who: keyof typeof CALLERS, input: Parameters<typeof yearDashboard>[3]) => withCaller(deps, CALLERS[who], (trx) => yearDashboard(deps, CALLERS[who], trx, input));
  const title = (d: Dashboard, code: string): DashboardTitle => d.titles.find((x) => x.title === code)!;

  it('counts each title per commune and village with all subjects as the denominator, in Vietnamese', async () => {
    const d = await dashboard('province', { year: 2020 });
    expect(d.titles.map((x) => x.title)).toEqual(['learning-citizen', 'learning-family', 'learning-clan', 'learning-community', 'learning-unit']);
    expect(d.denominator.kind).toBe('all');
    const fam = title(d, 'learning-family');
    expect(fam.area).toMatchObject({ all: 5, registered: 4, assessed: 3, recognised: 2, denominator: 5, share: 40 });
    const [minhQuan, tuyLoc] = fam.communes;
    expect(minhQuan).toMatchObject({ commune: Y1, communeName: 'xã Minh Quân', all: 4, registered: 3, assessed: 3, recognised: 2, denominator: 4, share: 50 });
    expect(minhQuan!.text).toBe('2 / 4 hộ (tất cả hộ trong xã Minh Quân)');
    expect(minhQuan!.villages.map((v) => [v.village, v.all, v.registered, v.assessed, v.recognised, v.text])).toEqual([
      ['Thôn Đoài', 2, 2, 2, 1, '1 / 2 hộ (tất cả hộ trong Thôn Đoài)'],
      ['Thôn Đông', 2, 1, 1, 1, '1 / 2 hộ (tất cả hộ trong Thôn Đông)'],
    ]);
    expect(tuyLoc).toMatchObject({ commune: Y2, communeName: 'xã Tuy Lộc', all: 1, registered: 1, assessed: 0, recognised: 0 });
    expect(minhQuan!.titles).toEqual([{ name: 'Gia đình học tập', count: 2 }]);

    const cit = title(d, 'learning-citizen');
    expect(cit.area).toMatchObject({ all: 7, registered: 4, assessed: 3, recognised: 2 });
    expect(cit.communes[0]!.villages.map((v) => [v.village, v.all, v.registered, v.recognised])).toEqual([
      ['Thôn Đoài', 3, 2, 1],
      ['Thôn Đông', 3, 2, 1],
    ]);
    // Communities are villages: the village community counts in its own village, the commune rolls them up.
    const com = title(d, 'learning-community');
    expect(com.communes[0]).toMatchObject({ all: 2, registered: 2, recognised: 1, text: '1 / 2 cộng đồng (tất cả cộng đồng trong xã Minh Quân)' });
    expect(com.communes[0]!.villages.map((v) => [v.village, v.recognised])).toEqual([
      ['Thôn Đoài', 1],
      ['Thôn Đông', 0],
    ]);
    expect(title(d, 'learning-clan').area).toMatchObject({ all: 1, registered: 1, recognised: 0 });
    // Clans and units live in no village: their communes have no village rows.
    expect(title(d, 'learning-clan').communes[0]!.villages).toEqual([]);
    expect(title(d, 'learning-unit').communes[0]!.villages).toEqual([]);
    expect(title(d, 'learning-unit').area).toMatchObject({ all: 1, registered: 1, recognised: 0 });
  });

  it('with registered subjects as the denominator, says so', async () => {
    const d = await dashboard('province', { year: 2020, denominator: 'registered', title: 'learning-family' });
    expect(d.titles.map((x) => x.title)).toEqual(['learning-family']);
    const c = title(d, 'learning-family').communes[0]!;
    expect([c.denominator, c.share, c.text]).toEqual([3, 66.67, '2 / 3 hộ (số hộ đã đăng ký ở xã Minh Quân)']);
    expect(d.denominator.description).toContain('đã đăng ký');
  });

  it('measures the frameworks’ targets of the year: target, achieved, gap; says which it cannot measure', async () => {
    const d = await dashboard('province', { year: 2020 });
    const cit = title(d, 'learning-citizen');
    expect(cit.area.targets).toHaveLength(1);
    // 2 of the 7 people of the province hold the title: 28.57 % against 50 %, 2 more needed (ceil(3.5) − 2).
    expect(cit.area.targets[0]).toMatchObject({ framework: 'yb-cdht/cdht-yb', title: 'Công dân học tập', required: 50, numerator: 2, denominator: 7, achieved: 28.57, gap: -21.43, met: false, shortBy: 2 });
    expect(cit.area.targets[0]!.text).toBe('Chỉ tiêu 50% đạt "Công dân học tập": 2/7 = 28,57% — chưa đạt, thiếu 2 (mẫu số: tất cả)');
    // Yên Bái's family targets of 2020 are by area kind; the yearly growth needs a base year.
    const fam = title(d, 'learning-family');
    const c1 = fam.communes[0]!;
    expect(c1.targets.map((x) => [x.required, x.condition, x.achieved, x.gap, x.met])).toEqual([
      [30, 'vung là “phát triển”', 50, 20, true],
      [20, 'vung là “khó khăn”', 50, 30, true],
    ]);
    expect(fam.unmeasuredTargets).toEqual([expect.objectContaining({ framework: 'yen-bai/gdht-yen-bai-2016', text: '"Gia đình học tập": mỗi năm tăng 2,5%' })]);
    // Communities: 50 % "toàn tỉnh" — one of the two villages.
    const com = title(d, 'learning-community').communes[0]!;
    expect(com.targets.find((x) => x.population === 'toàn tỉnh')).toMatchObject({ required: 50, numerator: 1, denominator: 2, achieved: 50, gap: 0, met: true, shortBy: 0 });
    // Units: 60 % in 2020, none recognised yet.
    expect(title(d, 'learning-unit').area.targets[0]).toMatchObject({ required: 60, numerator: 0, denominator: 1, met: false, shortBy: 1 });
    // No target of another year.
    const d2019 = await dashboard('province', { year: 2019 });
    expect(d2019.titles).toEqual([]);
  });

  it('rolls households up to the clan and the village, members up to the unit — as the groups’ own indicators count them', async () => {
    const d = await dashboard('province', { year: 2020 });
    expect(d.rollups.date).toBe('2020-06-01');
    expect(d.rollups.clans.map((r) => [r.name, r.memberKind, r.members, r.holders, r.missing, r.share, r.text])).toEqual([
      ['Nhóm c1', 'household', 3, 2, 0, 66.67, '2/3 hộ thành viên đạt Gia đình học tập năm 2020'],
    ]);
    expect(d.rollups.villages.map((r) => [r.name, r.members, r.holders, r.missing, r.text])).toEqual([
      ['Thôn Đoài', 2, 1, 0, '1/2 hộ thành viên đạt Gia đình học tập năm 2020'],
      ['Thôn Đông', 2, 1, 1, '1/2 hộ thành viên đạt Gia đình học tập năm 2020; 1 chưa có kết quả'],
    ]);
    expect(d.rollups.units.map((r) => [r.name, r.memberKind, r.members, r.holders, r.missing])).toEqual([['Nhóm u1', 'person', 3, 2, 1]]);
    // The Cộng đồng học tập indicator of the village reads the same members and the same results.
    const cp = campaigns['learning-community']!;
    const own = await withCaller(deps, CALLERS.province, async (trx) => {
      const fw = (await trx.selectFrom('frameworks').selectAll().where('id', '=', cp.framework_id).executeTakeFirstOrThrow());
      return groupMembersOfYear(deps, trx, { campaign: cp, model: modelOf(deps, fw).model, group: { kind: 'community', id: ids['v2']!, name: 'Thôn Đông' } });
    });
    const v2 = d.rollups.villages[1]!;
    expect([own.report.counted.length + own.report.missing.length, own.report.missing.length]).toEqual([v2.members, v2.missing]);
    expect(own.report.text.startsWith(`${v2.holders}/${v2.members} hộ thành viên đạt Gia đình học tập năm 2020`)).toBe(true);
  });

  it('keeps to the caller’s scope: a commune officer sees their commune; a national caller names the province', async () => {
    const d = await dashboard('officerY2', { year: 2020 });
    // Only the commune's own campaign is visible, and only its household.
    expect(d.titles.map((x) => x.title)).toEqual(['learning-family']);
    expect(title(d, 'learning-family').area).toMatchObject({ all: 1, registered: 1, recognised: 0 });
    expect(d.rollups.clans).toEqual([]);
    expect(await refusal(dashboard('officerY2', { year: 2020, commune: Y1 }))).toEqual(['forbidden', 'OUT_OF_SCOPE']);
    expect(await refusal(dashboard('national', { year: 2020 }))).toEqual(['invalid', 'PROVINCE_REQUIRED']);
    const n = await dashboard('national', { year: 2020, province: Y, commune: Y1 });
    expect(title(n, 'learning-family').area).toMatchObject({ all: 4, registered: 3, recognised: 2, text: '2 / 4 hộ (tất cả hộ trong xã Minh Quân)' });
  });
});
