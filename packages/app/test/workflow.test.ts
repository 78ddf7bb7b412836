/** The campaign workflow's use cases without HTTP: open, register, assess, step, propose, decide, report — on both dialects. */
import { createPerson, createUser, truncateAllTables, type Scope } from '@hoctap/db';
import { dialects, openTestDatabase, type TestDatabase } from '@hoctap/db/testing';
import { phuTho } from '@hoctap/plugin-phu-tho';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assessRegistration, readRegistration, stepRegistration } from '../src/registrations.js';
import { listCampaignRegistrations, openCampaign, proposeRegistrations, readCampaign, registerPeopleSheet, registerSubject, type PeopleSheet } from '../src/campaigns.js';
import { campaignReport, decide } from '../src/decisions.js';
import { withCaller, type Caller, type Deps, type Trx } from '../src/deps.js';
import { recomputeChunk, RECOMPUTE_NOTE, type RecomputeState } from '../src/recompute.js';
import { importScores, type ScoresSheet } from '../src/scores-import.js';
import { AppError } from '../src/errors.js';
import { deleteEvidence, downloadEvidence, uploadEvidence } from '../src/evidence.js';
import { testDeps, refusal } from './support.js';

const A = '25';
const A1 = '07900';
const A2 = '07901';
const FW = 'phu-tho/cdht-phu-tho-2018';
const SCORES_75 = {
  '1.1': 5, '1.2': 5, '1.3': 4, '2.1': 3, '2.2': 3, '3.1': 3, '3.2': 3, '3.3': 3, '4.1': 4, '4.2': 4, '5.1': 3, '5.2': 4,
  '6.1': 3, '6.2': 3, '7.1': 3, '7.2': 3, '7.3': 3, '8.1': 2, '8.2': 2, '9.1': 3, '9.2': 3, '10.1': 3, '10.2': 3,
};
const SCORES_74 = { ...SCORES_75, '10.2': 2 };

const SCOPES = {
  provA: { role: 'province', province: A },
  offA1: { role: 'commune', province: A, communes: [A1] },
  comA1: { role: 'commune', province: A, communes: [A1] },
  comA1b: { role: 'commune', province: A, communes: [A1] },
  offA2: { role: 'commune', province: A, communes: [A2] },
} satisfies Record<string, Scope>;
type Who = keyof typeof SCOPES;


describe.each(dialects)('campaign workflow use cases (%s)', (dialect) => {
  let t: TestDatabase;
  let deps: Deps;
  const clock = { now: new Date('2018-05-10T03:00:00Z') };
  const callers = {} as Record<Who, Caller>;

  /** Runs a use case as `who` in a transaction scoped to them. */
  const as = <T,>(who: Who, fn: (trx: Trx, caller: Caller) => Promise<T>) => withCaller(deps, callers[who], (trx) => fn(trx, callers[who]));

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
    for (const who of Object.keys(SCOPES) as Who[]) {
      const scope: Scope = SCOPES[who];
      const localities = scope.role === 'commune' ? [scope.province, ...scope.communes] : scope.role === 'province' ? [scope.province] : [];
      const roles = who === 'provA' ? ['province-admin'] : who.startsWith('com') ? ['committee-member'] : ['commune-officer'];
      const u = await createUser(t.handle.db, { email: `${who}@hoctap.test`, displayName: who, passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$không-dùng$không-dùng', roles, localities });
      callers[who] = { userId: u.id, roles, scope, address: '192.0.2.1' };
    }
  }, 60_000);

  const newCampaign = () => as('offA1', (trx, caller) => openCampaign(deps, caller, trx, { framework: FW, year: 2018, commune: A1 }));
  const newPerson = (fullName = 'Nguyễn Thị An', commune = A1) =>
    as('offA1', (trx) => createPerson(trx, deps.cipher, { province: A, commune, fullName, birthDate: '1990-01-02', sex: 'female', village: null, citizenId: null }));

  it('the happy path: register → self-assess → submit → review → propose → decide (two people) → publish, with the report', async () => {
    const { campaign, framework } = await newCampaign();
    expect(campaign).toMatchObject({ province_code: A, commune_code: A1, title: 'learning-citizen', year: 2018 });
    expect(framework.plugin).toBe('phu-tho');
    expect(await refusal(as('offA1', (trx, c) => registerSubject(deps, c, trx, { campaignId: campaign.id, subject: { kind: 'person', id: '42' } })))).toEqual(['not-found', 'PERSON_NOT_FOUND']);
    const p1 = await newPerson();
    const p2 = await newPerson('Trần Văn Bình');
    const r1 = await as('offA1', (trx, c) => registerSubject(deps, c, trx, { campaignId: campaign.id, subject: { kind: 'person', id: p1.id } }));
    expect(r1).toMatchObject({ created: true, registration: { status: 'registered', subject_id: p1.id } });
    const again = await as('offA1', (trx, c) => registerSubject(deps, c, trx, { campaignId: campaign.id, subject: { kind: 'person', id: p1.id } }));
    expect([again.created, again.registration.id]).toEqual([false, r1.registration.id]);
    const r2 = (await as('offA1', (trx, c) => registerSubject(deps, c, trx, { campaignId: campaign.id, subject: { kind: 'person', id: p2.id } }))).registration;
    const id1 = r1.registration.id;

    clock.now = new Date('2018-10-01T03:00:00Z');
    const sa = await as('offA1', (trx, c) => assessRegistration(deps, c, trx, { id: id1, action: 'self-assess', body: { scores: SCORES_75 } }));
    expect(sa.registration.status).toBe('self-assessed');
    expect(sa.assessment.result).toMatchObject({ total: 75, titles: ['Công dân học tập'], late: false, framework: { ref: FW, contentHash: framework.content_hash } });
    await as('offA1', (trx, c) => assessRegistration(deps, c, trx, { id: r2.id, action: 'self-assess', body: { scores: SCORES_74 } }));
    for (const id of [id1, r2.id]) expect((await as('offA1', (trx, c) => stepRegistration(deps, c, trx, { id, action: 'submit' }))).status).toBe('submitted');
    const rv = await as('comA1', (trx, c) => assessRegistration(deps, c, trx, { id: id1, action: 'review', body: { scores: SCORES_75, notes: 'Đạt' } }));
    expect([rv.registration.status, rv.registration.reviewed_by, rv.assessment.kind]).toEqual(['reviewed', callers.comA1.userId, 'committee']);
    await as('comA1', (trx, c) => assessRegistration(deps, c, trx, { id: r2.id, action: 'review', body: { scores: SCORES_74 } }));

    const proposed = await as('offA1', (trx, c) => proposeRegistrations(deps, c, trx, { campaignId: campaign.id, registrationIds: [id1, r2.id] }));
    expect(proposed.map((r) => [r.status, r.proposed_by])).toEqual([
      ['proposed', callers.offA1.userId],
      ['proposed', callers.offA1.userId],
    ]);
    const decision = { campaignId: campaign.id, number: '12/QĐ-UBND', decidedOn: '2018-12-01', signer: 'Chủ tịch UBND xã', recognised: [id1], notRecognised: [r2.id] };
    // Two people: the proposer may not approve.
    expect(await refusal(as('offA1', (trx, c) => decide(deps, c, trx, decision)))).toEqual(['conflict', 'SAME_PERSON']);
    const d = await as('provA', (trx, c) => decide(deps, c, trx, decision));
    expect(d.decision).toMatchObject({ number: '12/QĐ-UBND', proposer_id: callers.offA1.userId, approver_id: callers.provA.userId });
    expect(d.moved.map((r) => [r.id, r.status]).sort()).toEqual([[id1, 'recognised'], [r2.id, 'not-recognised']].sort());
    // One signed credential for the recognised subject, in the decision's transaction.
    expect(d.issued.map((x) => x.registrationId)).toEqual([id1]);
    const stored = await t.handle.db.selectFrom('credentials').select(['id', 'registration_id', 'decision_id']).execute();
    expect(stored).toEqual([{ id: d.issued[0]!.id, registration_id: id1, decision_id: d.decision.id }]);

    const { report } = await as('comA1', (trx, c) => campaignReport(deps, c, trx, { id: campaign.id, kind: 'registered' }));
    expect(report).toMatchObject({ denominator: { kind: 'registered', count: 2 }, statuses: { recognised: 1, 'not-recognised': 1 }, recognised: 1, titles: [{ key: 'Công dân học tập', count: 1, share: 50 }] });

    expect((await as('provA', (trx, c) => stepRegistration(deps, c, trx, { id: id1, action: 'publish' }))).status).toBe('published');
    const read = await as('comA1', (trx, c) => readRegistration(deps, c, trx, { id: id1 }));
    expect([read.registration.status, read.assessments.map((x) => x.kind)]).toEqual(['published', ['self', 'committee']]);
    // Every step was audited with who and where.
    const actions = (await t.handle.db.selectFrom('audit_log').select(['action', 'actor_id', 'payload']).orderBy('seq').execute()).map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(['campaign.create', 'registration.create', 'registration.self-assess', 'registration.submit', 'registration.review', 'proposal.create', 'decision.create', 'registration.publish']));
  });

  it('an illegal move is a conflict and changes nothing; an appeal goes to another reviewer', async () => {
    const { campaign } = await newCampaign();
    const p = await newPerson();
    const { registration } = await as('offA1', (trx, c) => registerSubject(deps, c, trx, { campaignId: campaign.id, subject: { kind: 'person', id: p.id } }));
    const e = await as('offA1', (trx, c) => stepRegistration(deps, c, trx, { id: registration.id, action: 'submit' })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ kind: 'conflict', code: 'ILLEGAL_TRANSITION', details: { state: 'registered', action: 'submit' } });
    expect((e as AppError).vi).toBe('Không thể nộp hồ sơ khi hồ sơ đã đăng ký');
    expect(await refusal(as('offA1', (trx, c) => stepRegistration(deps, c, trx, { id: registration.id, action: 'publish' })))).toEqual(['conflict', 'ILLEGAL_TRANSITION']);
    expect(await refusal(as('offA1', (trx, c) => proposeRegistrations(deps, c, trx, { campaignId: campaign.id, registrationIds: [registration.id] })))).toEqual(['conflict', 'ILLEGAL_TRANSITION']);
    expect((await as('offA1', (trx, c) => readRegistration(deps, c, trx, { id: registration.id }))).registration.status).toBe('registered');

    // Scores the engine refuses are unprocessable and store nothing.
    clock.now = new Date('2018-10-01T03:00:00Z');
    expect(await refusal(as('offA1', (trx, c) => assessRegistration(deps, c, trx, { id: registration.id, action: 'self-assess', body: { scores: { ...SCORES_74, '1.1': 7 } } })))).toEqual(['unprocessable', 'EVALUATION_FAILED']);
    expect((await as('offA1', (trx, c) => readRegistration(deps, c, trx, { id: registration.id }))).assessments).toEqual([]);

    // Through to not recognised, then an appeal: the first reviewer may not review it again.
    const id = registration.id;
    await as('offA1', (trx, c) => assessRegistration(deps, c, trx, { id, action: 'self-assess', body: { scores: SCORES_74 } }));
    await as('offA1', (trx, c) => stepRegistration(deps, c, trx, { id, action: 'submit' }));
    await as('comA1', (trx, c) => assessRegistration(deps, c, trx, { id, action: 'review', body: { scores: SCORES_74 } }));
    await as('offA1', (trx, c) => proposeRegistrations(deps, c, trx, { campaignId: campaign.id, registrationIds: [id] }));
    await as('provA', (trx, c) => decide(deps, c, trx, { campaignId: campaign.id, number: '1/QĐ', decidedOn: '2018-12-01', signer: 'Chủ tịch', recognised: [], notRecognised: [id] }));
    expect((await as('offA1', (trx, c) => stepRegistration(deps, c, trx, { id, action: 'appeal' }))).status).toBe('appealed');
    expect(await refusal(as('comA1', (trx, c) => assessRegistration(deps, c, trx, { id, action: 'review', body: { scores: SCORES_75 } })))).toEqual(['conflict', 'SAME_REVIEWER']);
    expect((await as('comA1b', (trx, c) => assessRegistration(deps, c, trx, { id, action: 'review', body: { scores: SCORES_75 } }))).registration.status).toBe('reviewed');
  });

  it('scope: another commune sees nothing (not found, malformed ids too); a visible row outside the writable communes is forbidden', async () => {
    const { campaign } = await newCampaign();
    const p = await newPerson();
    const { registration } = await as('offA1', (trx, c) => registerSubject(deps, c, trx, { campaignId: campaign.id, subject: { kind: 'person', id: p.id } }));
    expect(await refusal(as('offA2', (trx, c) => readCampaign(deps, c, trx, { id: campaign.id })))).toEqual(['not-found', 'CAMPAIGN_NOT_FOUND']);
    expect(await refusal(as('offA2', (trx, c) => readCampaign(deps, c, trx, { id: 'không-phải-uuid' })))).toEqual(['not-found', 'CAMPAIGN_NOT_FOUND']);
    expect(await refusal(as('offA2', (trx, c) => readRegistration(deps, c, trx, { id: registration.id })))).toEqual(['not-found', 'REGISTRATION_NOT_FOUND']);
    expect(await refusal(as('offA2', (trx, c) => stepRegistration(deps, c, trx, { id: registration.id, action: 'withdraw' })))).toEqual(['not-found', 'REGISTRATION_NOT_FOUND']);
    expect(await refusal(as('offA2', (trx, c) => listCampaignRegistrations(deps, c, trx, { campaignId: campaign.id, limit: 50, offset: 0 })))).toEqual(['not-found', 'CAMPAIGN_NOT_FOUND']);
    // A commune officer opening a campaign for another commune, or a province-wide one.
    expect(await refusal(as('offA1', (trx, c) => openCampaign(deps, c, trx, { framework: FW, year: 2018, commune: A2 })))).toEqual(['forbidden', 'CAMPAIGN_COMMUNE_OUT_OF_SCOPE']);
    // A province-level campaign and a person of no commune: visible to the commune officer, not writable.
    const wide = await as('provA', (trx, c) => openCampaign(deps, c, trx, { framework: FW, year: 2018 }));
    const staff = await as('provA', (trx) => createPerson(trx, deps.cipher, { province: A, commune: null, fullName: 'Cán bộ Tỉnh', birthDate: null, sex: null, village: null, citizenId: null }));
    expect((await as('offA1', (trx, c) => readCampaign(deps, c, trx, { id: wide.campaign.id }))).campaign.id).toBe(wide.campaign.id);
    expect(await refusal(as('offA1', (trx, c) => registerSubject(deps, c, trx, { campaignId: wide.campaign.id, subject: { kind: 'person', id: staff.id } })))).toEqual(['forbidden', 'OUT_OF_SCOPE']);
    expect((await as('provA', (trx, c) => registerSubject(deps, c, trx, { campaignId: wide.campaign.id, subject: { kind: 'person', id: staff.id } }))).created).toBe(true);
  });

  it('a scores sheet records each good row through the one assessment path; a retry changes nothing; the recompute stores new results beside the old', async () => {
    const { campaign } = await newCampaign();
    const ids: string[] = [];
    for (const name of ['Nguyễn Thị An', 'Trần Văn Bình']) {
      const p = await newPerson(name);
      ids.push((await as('offA1', (trx, c) => registerSubject(deps, c, trx, { campaignId: campaign.id, subject: { kind: 'person', id: p.id } }))).registration.id);
    }
    clock.now = new Date('2018-10-01T03:00:00Z');
    // The door's reading of a sheet: column 0 the key, the rest the scores of 75 (or 74 when the row says so).
    const sheet = (rows: [number, string, 'pass' | 'fail'][]): ScoresSheet => ({
      format: 'csv',
      rows: rows.map(([row, key, kind]) => ({ row, cells: [key, kind] })),
      against: () => ({
        key: (cells) => cells[0]!.trim(),
        keyError: (row, code, message) => ({ row, column: 'A', header: 'Mã', field: 'key', code, message: `Cột A (Mã): ${message}` }),
        body: (_row, cells) => ({ body: { scores: cells[1] === 'pass' ? SCORES_75 : SCORES_74 }, errors: [] }),
      }),
    });
    const rows: [number, string, 'pass' | 'fail'][] = [
      [2, ids[0]!, 'pass'],
      [3, '11111111-2222-3333-4444-555555555555', 'pass'],
      [4, ids[1]!, 'fail'],
      [5, ids[0]!, 'pass'],
    ];
    const first = await as('offA1', (trx, c) => importScores(deps, c, trx, { campaignId: campaign.id, kind: 'self', sheet: sheet(rows) }));
    expect([first.recorded, first.unchanged]).toEqual([2, 0]);
    expect(first.rows.map((r) => [r.row, r.outcome, r.status, r.total])).toEqual([
      [2, 'recorded', 'self-assessed', 75],
      [4, 'recorded', 'self-assessed', 74],
    ]);
    expect(first.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'SUBJECT_NOT_FOUND'],
      [5, 'DUPLICATE_ROW'],
    ]);
    const again = await as('offA1', (trx, c) => importScores(deps, c, trx, { campaignId: campaign.id, kind: 'self', sheet: sheet(rows.slice(0, 1)) }));
    expect([again.recorded, again.unchanged, again.rows[0]!.assessmentId]).toEqual([0, 1, first.rows[0]!.assessmentId]);
    // A committee sheet before submission submits the self-assessed record in the same transaction and
    // records the review (issue 11); tried here in a transaction rolled back, so the recompute below sees self-assessments only.
    let early: Awaited<ReturnType<typeof importScores>> | undefined;
    await as('comA1', async (trx, c) => {
      early = await importScores(deps, c, trx, { campaignId: campaign.id, kind: 'committee', sheet: sheet(rows.slice(0, 1)) });
      throw new Error('rollback');
    }).catch((e: Error) => expect(e.message).toBe('rollback'));
    expect([early!.recorded, early!.errors, early!.rows.map((r) => [r.status, r.submitted])]).toEqual([1, [], [['reviewed', true]]]);

    // Recompute in chunks of one: a new assessment per old one, the note, the old ones untouched.
    const last = [...ids].sort().at(-1)!;
    let state: RecomputeState = { recomputed: 0, changed: 0, changedIds: [], failed: 0, failures: [], cursor: null };
    const counts: number[] = [];
    for (let more = true; more; ) {
      const next = await as('offA1', (trx, c) => recomputeChunk(deps, c, trx, { campaignId: campaign.id, lastRegistration: last, limit: 1, jobId: 'job-1', state }));
      counts.push(next.count);
      state = next.state;
      more = next.more;
    }
    expect(counts.slice(0, 2)).toEqual([1, 1]);
    expect(state).toMatchObject({ recomputed: 2, changed: 0, failed: 0, cursor: last });
    const stored = await t.handle.db.selectFrom('assessments').select(['registration_id', 'notes', 'kind']).orderBy('assessed_at').orderBy('id').execute();
    expect(stored.filter((x) => x.notes === RECOMPUTE_NOTE).map((x) => x.registration_id).sort()).toEqual([...ids].sort());
    expect(stored.length).toBe(4);
  });

  it('evidence: only the framework’s indicators and the accepted types; the download is audited; a change after the self-assessment holds the submission; none after it', async () => {
    const { campaign } = await newCampaign();
    const p = await newPerson();
    const id = (await as('offA1', (trx, c) => registerSubject(deps, c, trx, { campaignId: campaign.id, subject: { kind: 'person', id: p.id } }))).registration.id;
    const pdf = new Uint8Array(Buffer.from('%PDF-1.4\n% giấy khen\n%%EOF\n', 'utf8'));
    const upload = (indicator: string, bytes: Uint8Array, who: Who = 'offA1') => as(who, (trx, c) => uploadEvidence(deps, c, trx, { registrationId: id, indicator, fileName: 'Giấy khen.pdf', bytes }));
    expect(await refusal(upload('99.9', pdf))).toEqual(['unprocessable', 'UNKNOWN_INDICATOR']);
    expect(await refusal(upload('1.1', new Uint8Array(Buffer.from('chỉ là chữ', 'utf8'))))).toEqual(['unsupported', 'EVIDENCE_TYPE']);
    expect(await refusal(upload('1.1', new Uint8Array()))).toEqual(['invalid', 'EVIDENCE_EMPTY']);
    expect(await refusal(upload('1.1', pdf, 'offA2'))).toEqual(['not-found', 'REGISTRATION_NOT_FOUND']);
    const file = await upload('1.1', pdf);
    expect([file.indicator, file.media_type, file.size]).toEqual(['1.1', 'application/pdf', pdf.byteLength]);
    const got = await as('comA1', (trx, c) => downloadEvidence(deps, c, trx, { id: file.id }));
    expect(Buffer.from(got.bytes).equals(Buffer.from(pdf))).toBe(true);
    const downloads = await t.handle.db.selectFrom('audit_log').select(['actor_id']).where('action', '=', 'evidence.download').execute();
    expect(downloads).toEqual([{ actor_id: callers.comA1.userId }]);

    clock.now = new Date('2018-10-01T03:00:00Z');
    await as('offA1', (trx, c) => assessRegistration(deps, c, trx, { id, action: 'self-assess', body: { scores: SCORES_75 } }));
    const second = await upload('1.2', pdf);
    expect(await refusal(as('offA1', (trx, c) => stepRegistration(deps, c, trx, { id, action: 'submit' })))).toEqual(['conflict', 'EVIDENCE_CHANGED']);
    await as('offA1', (trx, c) => assessRegistration(deps, c, trx, { id, action: 'self-assess', body: { scores: SCORES_75, evidence: [file.id, second.id] } }));
    expect((await as('offA1', (trx, c) => stepRegistration(deps, c, trx, { id, action: 'submit' }))).status).toBe('submitted');
    expect(await refusal(as('offA1', (trx, c) => deleteEvidence(deps, c, trx, { id: second.id })))).toEqual(['conflict', 'EVIDENCE_CLOSED']);
    expect(await refusal(upload('1.3', pdf))).toEqual(['conflict', 'EVIDENCE_CLOSED']);
  });

  it('a people sheet: good rows registered, bad rows reported with their row, a refused row leaves nothing behind', async () => {
    const { campaign } = await newCampaign();
    // A citizen id already on record in another commune: invisible to the officer, refused by the database.
    await as('provA', (trx) => createPerson(trx, deps.cipher, { province: A, commune: A2, fullName: 'Người Xã Khác', birthDate: null, sex: null, village: null, citizenId: '025303001234' }));
    const sheet: PeopleSheet = {
      rows: [
        { row: 2, cells: ['Lê Văn Cường', A1] },
        { row: 3, cells: ['', A1] },
        { row: 4, cells: ['Phạm Thị Dung', A2] },
        { row: 5, cells: ['Lê Văn Cường', A1] },
        { row: 6, cells: ['Trùng Số Định Danh', A1, '025303001234'] },
        { row: 7, cells: ['Hoàng Văn Em', A1] },
      ],
      read: (row, cells, target) => {
        if (!cells[0]) return { errors: [{ row, column: 'A', header: 'Họ và tên', field: 'fullName', code: 'ROW_INVALID', message: 'Cột A (Họ và tên): cần họ tên' }] };
        expect(target).toMatchObject({ defaultCommune: A1, communeRequired: true, campaignCommune: A1 });
        return { record: { fullName: cells[0], birthDate: null, sex: null, village: null, citizenId: cells[2] ?? null, commune: cells[1] ?? null }, errors: [] };
      },
    };
    const out = await as('offA1', (trx, c) => registerPeopleSheet(deps, c, trx, { campaignId: campaign.id, sheet }));
    expect([out.created, out.existing]).toEqual([2, 1]);
    expect(out.rows.map((r) => [r.row, r.outcome])).toEqual([
      [2, 'created'],
      [5, 'existing'],
      [7, 'created'],
    ]);
    expect(out.errors).toEqual([
      { row: 3, column: 'A', header: 'Họ và tên', field: 'fullName', code: 'ROW_INVALID', message: 'Cột A (Họ và tên): cần họ tên' },
      { row: 4, code: 'OUT_OF_SCOPE', message: 'Địa bàn này ngoài phạm vi của tài khoản' },
      { row: 6, code: 'CITIZEN_ID_TAKEN', message: 'số định danh đã thuộc một người ở địa bàn khác' },
    ]);
    // The refused row rolled back to its savepoint; the rows after it were kept.
    const people = await t.handle.db.selectFrom('people').select('full_name').where('commune_code', '=', A1).orderBy('full_name').execute();
    expect(people.map((x) => x.full_name)).toEqual(['Hoàng Văn Em', 'Lê Văn Cường']);
    expect((await t.handle.db.selectFrom('registrations').select('id').execute()).length).toBe(2);
  });
});
