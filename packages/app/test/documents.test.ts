/** A decision's documents and credentials without HTTP: what is printed, revocation in scope, verification — on both dialects. */
import { createPerson, createUser, getCredential, truncateAllTables, type Scope } from '@hoctap/db';
import { dialects, openTestDatabase, type TestDatabase } from '@hoctap/db/testing';
import { phuTho } from '@hoctap/plugin-phu-tho';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCampaign, proposeRegistrations, registerSubject } from '../src/campaigns.js';
import { revokeCredential, verificationPage, verifyAgainstDatabase } from '../src/credentials.js';
import { decide } from '../src/decisions.js';
import { withCaller, type Caller, type Deps, type Trx } from '../src/deps.js';
import { decisionCertificates, decisionDocument, registrationCertificate, yearlyReport } from '../src/documents.js';
import { queueCertificatesJob } from '../src/job-queue.js';
import { assessRegistration, stepRegistration } from '../src/registrations.js';
import { testDeps, refusal } from './support.js';

const A = '25';
const A1 = '07900';
const SCORES_75 = {
  '1.1': 5, '1.2': 5, '1.3': 4, '2.1': 3, '2.2': 3, '3.1': 3, '3.2': 3, '3.3': 3, '4.1': 4, '4.2': 4, '5.1': 3, '5.2': 4,
  '6.1': 3, '6.2': 3, '7.1': 3, '7.2': 3, '7.3': 3, '8.1': 2, '8.2': 2, '9.1': 3, '9.2': 3, '10.1': 3, '10.2': 3,
};
const SCORES_74 = { ...SCORES_75, '10.2': 2 };

const SCOPES = {
  provA: { role: 'province', province: A },
  offA1: { role: 'commune', province: A, communes: [A1] },
  comA1: { role: 'commune', province: A, communes: [A1] },
  offA2: { role: 'commune', province: A, communes: ['07901'] },
  provB: { role: 'province', province: '01' },
} satisfies Record<string, Scope>;
type Who = keyof typeof SCOPES;


describe.each(dialects)('documents and credentials use cases (%s)', (dialect) => {
  let t: TestDatabase;
  let deps: Deps;
  const clock = { now: new Date('2018-05-10T03:00:00Z') };
  const callers = {} as Record<Who, Caller>;
  const as = <T,>(who: Who, fn: (trx: Trx, caller: Caller) => Promise<T>) => withCaller(deps, callers[who], (trx) => fn(trx, callers[who]));

  beforeAll(async () => {
    t = await openTestDatabase(dialect, { migrate: true });
    deps = testDeps(t.handle.db, [phuTho], clock, 'https://hoctap.example.vn/');
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
      const roles = who.startsWith('prov') ? ['province-admin'] : who.startsWith('com') ? ['committee-member'] : ['commune-officer'];
      const u = await createUser(t.handle.db, { email: `${who}@hoctap.test`, displayName: who, passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$không-dùng$không-dùng', roles, localities });
      callers[who] = { userId: u.id, roles, scope, address: '192.0.2.1' };
    }
  }, 60_000);

  /** A commune campaign decided: An (75 points) recognised, Bình (74) not. */
  async function decided() {
    const { campaign } = await as('offA1', (trx, c) => openCampaign(deps, c, trx, { framework: 'phu-tho/cdht-phu-tho-2018', year: 2018, commune: A1 }));
    const ids: string[] = [];
    for (const [fullName, sex] of [['Nguyễn Thị An', 'female'], ['Trần Văn Bình', 'male']] as const) {
      const p = await as('offA1', (trx) => createPerson(trx, deps.cipher, { province: A, commune: A1, fullName, birthDate: '1990-01-02', sex, village: 'Thôn Đoài', citizenId: null }));
      ids.push((await as('offA1', (trx, c) => registerSubject(deps, c, trx, { campaignId: campaign.id, subject: { kind: 'person', id: p.id } }))).registration.id);
    }
    const [an, binh] = ids as [string, string];
    clock.now = new Date('2018-10-01T03:00:00Z');
    for (const [id, scores] of [[an, SCORES_75], [binh, SCORES_74]] as const) {
      await as('offA1', (trx, c) => assessRegistration(deps, c, trx, { id, action: 'self-assess', body: { scores } }));
      await as('offA1', (trx, c) => stepRegistration(deps, c, trx, { id, action: 'submit' }));
      await as('comA1', (trx, c) => assessRegistration(deps, c, trx, { id, action: 'review', body: { scores } }));
    }
    await as('offA1', (trx, c) => proposeRegistrations(deps, c, trx, { campaignId: campaign.id, registrationIds: ids }));
    const d = await as('provA', (trx, c) => decide(deps, c, trx, { campaignId: campaign.id, number: '12/QĐ-UBND', decidedOn: '2018-12-01', signer: 'Nguyễn Văn Chủ, Chủ tịch UBND xã', recognised: [an], notRecognised: [binh] }));
    return { campaign, decision: d.decision, an, binh, credentialId: d.issued[0]!.id };
  }

  it('the decision prints its recognised people; its certificates carry the credential and the public origin; another commune sees nothing', async () => {
    const s = await decided();
    const { document } = await as('offA1', (trx, c) => decisionDocument(deps, c, trx, { id: s.decision.id }));
    expect(document).toMatchObject({ number: '12/QĐ-UBND', date: '2018-12-01', title: 'Công dân học tập', year: 2018, signer: { name: 'Nguyễn Văn Chủ', position: 'CHỦ TỊCH UBND XÃ' } });
    expect(document.recognised).toEqual([{ name: 'Nguyễn Thị An', address: 'Thôn Đoài', total: 75 }]);
    const { certs } = await as('comA1', (trx, c) => decisionCertificates(deps, c, trx, { id: s.decision.id }));
    expect(certs.map((x) => [x.name, x.honorific, x.credentialId, x.baseUrl])).toEqual([['Nguyễn Thị An', 'Bà', s.credentialId, 'https://hoctap.example.vn']]);
    expect((await as('offA1', (trx, c) => registrationCertificate(deps, c, trx, { id: s.an }))).credentialId).toBe(s.credentialId);
    expect(await refusal(as('offA1', (trx, c) => registrationCertificate(deps, c, trx, { id: s.binh })))).toEqual(['not-found', 'CREDENTIAL_NOT_FOUND']);
    expect(await refusal(as('offA2', (trx, c) => decisionDocument(deps, c, trx, { id: s.decision.id })))).toEqual(['not-found', 'DECISION_NOT_FOUND']);
    const { data } = await as('provA', (trx, c) => yearlyReport(deps, c, trx, { id: s.campaign.id, kind: 'registered' }));
    expect(data.rows.reduce((n, r) => n + r.recognised, 0)).toBe(1);
    expect(data.rows.reduce((n, r) => n + r.registered, 0)).toBe(2);
  });

  it('revocation: another province cannot find the credential; the province revokes once; verification, the page and the certificates follow', async () => {
    const s = await decided();
    // Valid from the decision's date, against the injected clock.
    clock.now = new Date('2018-12-05T03:00:00Z');
    const credential = (await getCredential(t.handle.db, s.credentialId))!.credential;
    expect((await verifyAgainstDatabase(deps, credential)).status).toBe('valid');
    expect(await refusal(as('provB', (trx, c) => revokeCredential(deps, c, trx, { id: s.credentialId })))).toEqual(['not-found', 'CREDENTIAL_NOT_FOUND']);
    const out = await as('provA', (trx, c) => revokeCredential(deps, c, trx, { id: `urn:uuid:${s.credentialId.toUpperCase()}` }));
    expect(out).toMatchObject({ id: s.credentialId, statusListVersion: expect.any(Number) });
    expect(await refusal(as('provA', (trx, c) => revokeCredential(deps, c, trx, { id: s.credentialId })))).toEqual(['conflict', 'ALREADY_REVOKED']);
    expect((await verifyAgainstDatabase(deps, credential)).status).toBe('revoked');
    const page = await verificationPage(deps, { id: s.credentialId });
    expect([page.state, page.found, page.url, page.info?.name]).toEqual(['revoked', true, `https://hoctap.example.vn/verify/${s.credentialId}`, 'Nguyễn Thị An']);
    expect((await verificationPage(deps, { id: 'không-có' })).state).toBe('invalid');
    expect(await refusal(as('offA1', (trx, c) => registrationCertificate(deps, c, trx, { id: s.an })))).toEqual(['conflict', 'CREDENTIAL_REVOKED']);
    expect((await as('offA1', (trx, c) => decisionCertificates(deps, c, trx, { id: s.decision.id }))).certs).toEqual([]);
    expect(await refusal(as('offA1', (trx, c) => queueCertificatesJob(deps, c, trx, { kind: 'documents.certificates', decisionId: s.decision.id })))).toEqual(['not-found', 'CREDENTIAL_NOT_FOUND']);
  });
});
