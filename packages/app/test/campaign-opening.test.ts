/**
 * Opening a campaign as a locality would (issue 11), on both dialects: its name and communes
 * checked against the administrative units and the caller's scope, campaigns already open for the
 * same title, year and locality named (confirm, or refused when the name is the same), a subject
 * outside the campaign's communes refused, and the list of registrations with names and results.
 */
import { createPerson, createUser, truncateAllTables, type Scope } from '@hoctap/db';
import { dialects, openTestDatabase, type TestDatabase } from '@hoctap/db/testing';
import { phuTho } from '@hoctap/plugin-phu-tho';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { campaignCommunes, listCampaignRegistrations, openCampaign, registerSubject, type OpenCampaignInput } from '../src/campaigns.js';
import { withCaller, type Caller, type Deps, type Trx } from '../src/deps.js';
import { AppError } from '../src/errors.js';
import { refusal, testDeps } from './support.js';

const A = '25';
const B = '01';
const A1 = '07900';
const A2 = '07901';
const A3 = '07902';
const B1 = '00004';
const FW = 'phu-tho/cdht-phu-tho-2018';

const SCOPES = {
  provA: { role: 'province', province: A },
  offA1: { role: 'commune', province: A, communes: [A1] },
  offA12: { role: 'commune', province: A, communes: [A1, A2] },
} satisfies Record<string, Scope>;
type Who = keyof typeof SCOPES;

/** The AppError a promise rejects with. */
async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(dialects)('opening a campaign (%s)', (dialect) => {
  let t: TestDatabase;
  let deps: Deps;
  const clock = { now: new Date('2018-05-10T03:00:00Z') };
  const callers = {} as Record<Who, Caller>;
  const as = <T,>(who: Who, fn: (trx: Trx, caller: Caller) => Promise<T>) => withCaller(deps, callers[who], (trx) => fn(trx, callers[who]));
  const open = (who: Who, input: Partial<OpenCampaignInput>) => as(who, (trx, c) => openCampaign(deps, c, trx, { framework: FW, year: 2018, ...input }));

  beforeAll(async () => {
    t = await openTestDatabase(dialect, { migrate: true });
    deps = testDeps(t.handle.db, [phuTho], clock);
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });
  beforeEach(async () => {
    await truncateAllTables(t.handle.db);
    clock.now = new Date('2018-05-10T03:00:00Z');
    const unit = (code: string, level: 'province' | 'commune', name: string, province: string | null) => ({ code, level, name, province_code: province, valid_from: '2008-01-01', valid_to: null, successor_code: null });
    await t.handle.db
      .insertInto('administrative_units')
      .values([unit(A, 'province', 'Phú Thọ', null), unit(B, 'province', 'Hà Nội', null), unit(A1, 'commune', 'Xã Hy Cương', A), unit(A2, 'commune', 'Xã Chu Hóa', A), unit(A3, 'commune', 'Xã Thanh Đình', A), unit(B1, 'commune', 'Phường Ba Đình', B)])
      .execute();
    for (const who of Object.keys(SCOPES) as Who[]) {
      const scope: Scope = SCOPES[who];
      const localities = scope.role === 'commune' ? [scope.province, ...scope.communes] : [scope.province];
      const roles = who === 'provA' ? ['province-admin'] : ['commune-officer'];
      const u = await createUser(t.handle.db, { email: `${who}@hoctap.test`, displayName: who, passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$x$x', roles, localities });
      callers[who] = { userId: u.id, roles, scope, address: '192.0.2.1' };
    }
  }, 60_000);

  it('stores the name as NFC, trimmed, inner blanks single; an empty or too long name is refused, each with its code and field', async () => {
    const { campaign } = await open('offA1', { communes: [A1], name: '  Công dân học tập   năm 2018 — Hy Cương '.normalize('NFD') });
    expect(campaign.name).toBe('Công dân học tập năm 2018 — Hy Cương');
    expect(campaign.name).toBe(campaign.name.normalize('NFC'));
    expect(campaignCommunes(campaign)).toEqual([A1]);
    const blank = await appError(open('offA1', { communes: [A1], name: ' \t ', confirm: true }));
    expect([blank.kind, blank.code, blank.details]).toEqual(['invalid', 'CAMPAIGN_NAME_REQUIRED', { field: 'name' }]);
    expect(blank.vi).toBe('Cần đặt tên cho đợt đánh giá (trường `name`)');
    expect(await refusal(open('offA1', { communes: [A1], name: 'đ'.repeat(201), confirm: true }))).toEqual(['invalid', 'CAMPAIGN_NAME_TOO_LONG']);
    const max = await open('offA1', { communes: [A1], name: 'đ'.repeat(200), confirm: true });
    expect([...max.campaign.name].length).toBe(200);
  });

  it('without a name, names it from the title, year and the units’ names; the next one of the same locality is “đợt 2”', async () => {
    const a = await open('provA', { communes: [A1] });
    expect(a.campaign.name).toBe('Công dân học tập năm 2018 — Xã Hy Cương, Phú Thọ');
    const wide = await open('provA', { year: 2019, confirm: true });
    expect(wide.campaign.name).toBe('Công dân học tập năm 2019 — Phú Thọ');
    const b = await open('provA', { communes: [A1], confirm: true });
    expect(b.campaign.name).toBe('Công dân học tập năm 2018 — Xã Hy Cương, Phú Thọ — đợt 2');
  });

  it('communes: 5-digit codes on record in the campaign’s province; several make a province row covering them', async () => {
    const bad = await appError(open('provA', { communes: [A1, '7900', 'abcde'] }));
    expect([bad.kind, bad.code, bad.details]).toEqual(['invalid', 'COMMUNE_CODE_INVALID', { field: 'communes', communes: ['7900', 'abcde'] }]);
    expect(bad.vi).toContain('"7900", "abcde"');
    const unknown = await appError(open('provA', { communes: [A1, '07999'] }));
    expect([unknown.kind, unknown.code, unknown.details]).toEqual(['unprocessable', 'COMMUNE_UNKNOWN', { field: 'communes', communes: ['07999'] }]);
    const elsewhere = await appError(open('provA', { communes: [B1] }));
    expect([elsewhere.code, elsewhere.vi]).toEqual(['COMMUNE_NOT_IN_PROVINCE', `Xã ${B1} không thuộc tỉnh ${A} (trường \`communes\`)`]);
    expect(await refusal(open('provA', { commune: A1, communes: [A2] }))).toEqual(['invalid', 'COMMUNES_DISAGREE']);
    const two = await open('provA', { communes: [A2, A1, A2], name: 'Hai xã' });
    expect(two.campaign).toMatchObject({ commune_code: null, communes: [A1, A2], name: 'Hai xã' });
  });

  it('a commune officer opens campaigns for one of his communes only, and is told which', async () => {
    const other = await appError(open('offA1', { communes: [A2] }));
    expect([other.kind, other.code, other.details]).toEqual(['forbidden', 'CAMPAIGN_COMMUNE_OUT_OF_SCOPE', { field: 'communes', communes: [A2], allowed: [A1] }]);
    expect(other.vi).toBe(`Xã ${A2} không thuộc phạm vi của tài khoản (các xã của tài khoản: ${A1})`);
    // None named: an officer of one commune opens it for that commune; of several, he must say which.
    expect((await open('offA1', { name: 'Xã của tôi' })).campaign).toMatchObject({ commune_code: A1, communes: [A1] });
    expect(await refusal(open('offA12', {}))).toEqual(['forbidden', 'CAMPAIGN_COMMUNE_OUT_OF_SCOPE']);
    expect(await refusal(open('offA12', { communes: [A1, A2] }))).toEqual(['forbidden', 'CAMPAIGN_COMMUNES_PROVINCE_ONLY']);
    const mine = await open('offA12', { communes: [A2] });
    expect(mine.campaign).toMatchObject({ commune_code: A2, communes: [A2] });
  });

  it('a campaign already open for the same title, year and locality is named; confirming opens a differently named round, the same name is refused', async () => {
    const first = await open('provA', { communes: [A1, A2], name: 'CDHT 2018 hai xã' });
    const dup = await appError(open('provA', { communes: [A2], name: 'CDHT 2018 Chu Hóa' }));
    expect([dup.kind, dup.code]).toEqual(['conflict', 'CAMPAIGN_NEEDS_CONFIRM']);
    const on = new Date(first.campaign.created_at);
    const dmy = `${String(on.getUTCDate()).padStart(2, '0')}/${String(on.getUTCMonth() + 1).padStart(2, '0')}/${on.getUTCFullYear()}`;
    expect(dup.vi).toContain(`«CDHT 2018 hai xã» (mở ngày ${dmy}, xã 07900, 07901)`);
    expect(dup.details).toMatchObject({ warnings: [{ code: 'DUPLICATE_CAMPAIGN', campaigns: [first.campaign.id] }], existing: [{ id: first.campaign.id, name: 'CDHT 2018 hai xã', communes: [A1, A2], year: 2018 }] });
    // The same name (without case or diacritics) is refused even when confirmed.
    const taken = await appError(open('provA', { communes: [A2], name: 'cdht 2018 HAI XA', confirm: true }));
    expect([taken.kind, taken.code]).toEqual(['conflict', 'CAMPAIGN_NAME_TAKEN']);
    expect(taken.vi).toContain('«CDHT 2018 hai xã»');
    const round = await open('provA', { communes: [A2], name: 'CDHT 2018 Chu Hóa — đợt bổ sung', confirm: true });
    expect(round.campaign.communes).toEqual([A2]);
    // The province's own campaign is another locality (e.g. its agencies' staff), and so is another commune; a second province-wide one is not.
    await expect(open('provA', { name: 'Toàn tỉnh' })).resolves.toBeDefined();
    expect(await refusal(open('provA', { name: 'Toàn tỉnh — lần hai' }))).toEqual(['conflict', 'CAMPAIGN_NEEDS_CONFIRM']);
    await expect(open('provA', { communes: [A3], name: 'Thanh Đình' })).resolves.toBeDefined();
    await expect(open('provA', { communes: [A1], name: 'CDHT 2018 hai xã', year: 2019, confirm: true })).resolves.toBeDefined();
    const logged = await sql<{ payload: { name: string; communes: string[]; confirmed: string[] } }>`SELECT payload FROM audit_log WHERE action = 'campaign.create' AND subject_id = ${round.campaign.id}
      UNION ALL SELECT payload FROM audit_pending WHERE action = 'campaign.create' AND subject_id = ${round.campaign.id}`.execute(t.handle.db);
    expect(logged.rows).toHaveLength(1);
    expect(logged.rows[0]!.payload).toMatchObject({ name: 'CDHT 2018 Chu Hóa — đợt bổ sung', communes: [A2] });
    expect(logged.rows[0]!.payload.confirmed).toContain('DUPLICATE_CAMPAIGN');
  });

  it('a subject outside the campaign’s communes is refused, saying where it is and which communes the campaign covers', async () => {
    const { campaign } = await open('provA', { communes: [A1, A2], name: 'Hai xã' });
    const person = (fullName: string, commune: string | null) => as('provA', (trx) => createPerson(trx, deps.cipher, { province: A, commune, fullName, birthDate: '1990-01-02', sex: 'female', village: null, citizenId: null }));
    const inA2 = await person('Nguyễn Thị An', A2);
    const inA3 = await person('Trần Văn Bình', A3);
    const none = await person('Lê Văn Cường', null);
    await expect(as('provA', (trx, c) => registerSubject(deps, c, trx, { campaignId: campaign.id, subject: { kind: 'person', id: inA2.id } }))).resolves.toMatchObject({ created: true });
    const out = await appError(as('provA', (trx, c) => registerSubject(deps, c, trx, { campaignId: campaign.id, subject: { kind: 'person', id: inA3.id } })));
    expect([out.kind, out.code]).toEqual(['unprocessable', 'SUBJECT_OUTSIDE_CAMPAIGN']);
    expect(out.vi).toBe(`Người này ở xã ${A3}, ngoài địa bàn của đợt đánh giá «Hai xã» (các xã ${A1}, ${A2})`);
    expect(out.details).toEqual({ province: A, commune: A3, campaign: { id: campaign.id, province: A, communes: [A1, A2] } });
    const nowhere = await appError(as('provA', (trx, c) => registerSubject(deps, c, trx, { campaignId: campaign.id, subject: { kind: 'person', id: none.id } })));
    expect(nowhere.vi).toContain(`ở tỉnh ${A}, không thuộc xã nào`);
    // A province-wide campaign takes every commune of the province, and a person of none.
    const wide = await open('provA', { name: 'Toàn tỉnh' });
    for (const p of [inA3, none]) await expect(as('provA', (trx, c) => registerSubject(deps, c, trx, { campaignId: wide.campaign.id, subject: { kind: 'person', id: p.id } }))).resolves.toMatchObject({ created: true });
  });

  it('the list of registrations carries each subject’s name and, before the review, no result', async () => {
    const { campaign } = await open('offA1', { communes: [A1], name: 'Hy Cương' });
    const p = await as('offA1', (trx) => createPerson(trx, deps.cipher, { province: A, commune: A1, fullName: 'Phạm Thị Dung', birthDate: null, sex: null, village: null, citizenId: null }));
    await as('offA1', (trx, c) => registerSubject(deps, c, trx, { campaignId: campaign.id, subject: { kind: 'person', id: p.id } }));
    const page = await as('offA1', (trx, c) => listCampaignRegistrations(deps, c, trx, { campaignId: campaign.id, limit: 50, offset: 0 }));
    expect(page.total).toBe(1);
    expect(page.items[0]!.summary).toEqual({ subjectName: 'Phạm Thị Dung', committee: null, passed: null });
  });
});
