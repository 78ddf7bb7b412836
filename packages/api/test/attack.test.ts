/**
 * The attack suite (ASVS v5.0.0-8.2.1 function level, 8.2.2 object level, 8.4.1 cross-tenant):
 * every tenant-scoped resource × read / list / create / update / delete / workflow step, tried by
 * another commune, another province, no session, a lower role, and with guessed ids. Expected:
 * 0 leaks (no id, name or masked number of the victim commune in any response body) and 0
 * unauthorised writes (the tenant tables are byte-for-byte the same afterwards).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallPdf } from './files.js';
import { startJobWorker } from '../src/index.js';
import { dialects, TEST_DATA_KEY } from './harness.js';
import { A, A1, A2, B1, createWorld, registry, SCORES_75, type World, type Who } from './world.js';

type Op = {
  name: string;
  kind: 'read' | 'list' | 'write';
  req: (v: Victim) => [string, string, unknown?, Record<string, string>?];
  idOf?: keyof Victim;
  /** Expected statuses for other tenants and guesses when the kind's default does not fit (user administration: 403 for lower roles). */
  expectOther?: number[];
};
type Victim = {
  evidence: string;
  person: string; campaign: string; registered: string; submitted: string; reviewed: string; proposed: string; notRecognised: string; recognised: string; decision: string;
  household: string; clan: string; community: string; unit: string;
  householdMember: string; clanMember: string; communityMember: string; unitMember: string;
  /** An account of commune A1 (user administration). */
  user: string;
  /** A finished certificates job of commune A1's officer, with its file. */
  job: string;
};

/** The operations on one kind of group (households, clans, communities, units) and its members. */
const GROUP_KINDS = [
  { path: 'households', id: 'household', member: 'householdMember', extra: {} },
  { path: 'clans', id: 'clan', member: 'clanMember', extra: {} },
  { path: 'communities', id: 'community', member: 'communityMember', extra: { type: 'village' } },
  { path: 'units', id: 'unit', member: 'unitMember', extra: { type: 'school' } },
] as const;
const GROUP_OPS: Op[] = GROUP_KINDS.flatMap((k): Op[] => [
  { name: `${k.path}.list`, kind: 'list', req: () => ['GET', `/api/${k.path}?q=bi%20mat`] },
  { name: `${k.path}.list-all`, kind: 'list', req: () => ['GET', `/api/${k.path}?limit=200`] },
  { name: `${k.path}.get`, kind: 'read', idOf: k.id, req: (v) => ['GET', `/api/${k.path}/${v[k.id]}`] },
  { name: `${k.path}.create`, kind: 'write', req: () => ['POST', `/api/${k.path}`, { commune: A1, name: 'Nhóm Xâm Nhập', ...k.extra }] },
  { name: `${k.path}.update`, kind: 'write', idOf: k.id, req: (v) => ['PATCH', `/api/${k.path}/${v[k.id]}`, { name: 'Đã Bị Sửa' }] },
  { name: `${k.path}.delete`, kind: 'write', idOf: k.id, req: (v) => ['DELETE', `/api/${k.path}/${v[k.id]}`] },
  { name: `${k.path}.members.add`, kind: 'write', idOf: k.id, req: (v) => ['POST', `/api/${k.path}/${v[k.id]}/members`, { personId: v.person, validFrom: '2000-01-01', validTo: '2001-01-01' }] },
  { name: `${k.path}.members.end`, kind: 'write', idOf: k.id, req: (v) => ['POST', `/api/${k.path}/${v[k.id]}/members/${v[k.member]}/end`, { date: '2019-01-01' }] },
  { name: `${k.path}.members.end-guess`, kind: 'write', idOf: k.member, req: (v) => ['POST', `/api/${k.path}/${v[k.id]}/members/${v[k.member]}/end`, { date: '2019-01-01' }] },
]);

/** User administration: province admins manage their own province only; lower roles none of it. */
const USER_OPS: Op[] = [
  { name: 'users.list', kind: 'list', expectOther: [200, 403], req: () => ['GET', '/api/users'] },
  { name: 'users.get', kind: 'read', idOf: 'user', expectOther: [403, 404], req: (v) => ['GET', `/api/users/${v.user}`] },
  { name: 'users.create', kind: 'write', req: () => ['POST', '/api/users', { email: 'ke.xam.nhap@hoctap.test', name: 'Kẻ Xâm Nhập', roles: ['commune-officer'], localities: [A, A1] }] },
  { name: 'users.update', kind: 'write', idOf: 'user', req: (v) => ['PATCH', `/api/users/${v.user}`, { roles: ['province-admin'], localities: [A] }] },
  { name: 'users.deactivate', kind: 'write', idOf: 'user', req: (v) => ['POST', `/api/users/${v.user}/deactivate`] },
  { name: 'users.password-reset', kind: 'write', idOf: 'user', req: (v) => ['POST', `/api/users/${v.user}/password-reset`] },
];

const OPS: Op[] = [
  { name: 'people.list', kind: 'list', req: () => ['GET', '/api/people?q=bi%20mat'] },
  { name: 'people.list-all', kind: 'list', req: () => ['GET', '/api/people?limit=200'] },
  { name: 'people.get', kind: 'read', idOf: 'person', req: (v) => ['GET', `/api/people/${v.person}`] },
  { name: 'people.create', kind: 'write', req: () => ['POST', '/api/people', { commune: A1, fullName: 'Kẻ Xâm Nhập' }] },
  { name: 'people.update', kind: 'write', idOf: 'person', req: (v) => ['PATCH', `/api/people/${v.person}`, { fullName: 'Đã Bị Sửa' }] },
  { name: 'people.delete', kind: 'write', idOf: 'person', req: (v) => ['DELETE', `/api/people/${v.person}`] },
  { name: 'campaigns.list', kind: 'list', req: () => ['GET', '/api/campaigns'] },
  { name: 'campaigns.get', kind: 'read', idOf: 'campaign', req: (v) => ['GET', `/api/campaigns/${v.campaign}`] },
  { name: 'campaigns.create', kind: 'write', req: () => ['POST', '/api/campaigns', { framework: 'phu-tho/cdht-phu-tho-2018', year: 2018, commune: A1 }] },
  { name: 'registrations.list', kind: 'read', idOf: 'campaign', req: (v) => ['GET', `/api/campaigns/${v.campaign}/registrations`] },
  { name: 'registrations.create', kind: 'write', idOf: 'campaign', req: (v) => ['POST', `/api/campaigns/${v.campaign}/registrations`, { personId: v.person }] },
  { name: 'registrations.bulk', kind: 'write', idOf: 'campaign', req: (v) => ['POST', `/api/campaigns/${v.campaign}/registrations/bulk`, `ho_ten,ma_xa\nKẻ Xâm Nhập,${A1}`, { 'content-type': 'text/csv' }] },
  { name: 'assessments.bulk', kind: 'write', idOf: 'campaign', req: (v) => ['POST', `/api/campaigns/${v.campaign}/assessments/bulk?kind=self`, `ma,1.1\n${v.registered},5`, { 'content-type': 'text/csv' }] },
  { name: 'assessments.bulk-committee', kind: 'write', idOf: 'campaign', req: (v) => ['POST', `/api/campaigns/${v.campaign}/assessments/bulk?kind=committee`, `ma,1.1\n${v.submitted},5`, { 'content-type': 'text/csv' }] },
  { name: 'registration.get', kind: 'read', idOf: 'registered', req: (v) => ['GET', `/api/registrations/${v.registered}`] },
  { name: 'evidence.upload', kind: 'write', idOf: 'registered', req: (v) => ['POST', `/api/registrations/${v.registered}/evidence`, evidenceForm('x.pdf')] },
  { name: 'evidence.get', kind: 'read', idOf: 'evidence', req: (v) => ['GET', `/api/evidence/${v.evidence}`] },
  { name: 'evidence.delete', kind: 'write', idOf: 'evidence', req: (v) => ['DELETE', `/api/evidence/${v.evidence}`] },
  { name: 'self-assessment', kind: 'write', idOf: 'registered', req: (v) => ['POST', `/api/registrations/${v.registered}/self-assessment`, { scores: SCORES_75 }] },
  { name: 'submit', kind: 'write', idOf: 'registered', req: (v) => ['POST', `/api/registrations/${v.registered}/submit`] },
  { name: 'review', kind: 'write', idOf: 'submitted', req: (v) => ['POST', `/api/registrations/${v.submitted}/review`, { scores: SCORES_75 }] },
  { name: 'return', kind: 'write', idOf: 'submitted', req: (v) => ['POST', `/api/registrations/${v.submitted}/return`, { reason: 'x' }] },
  { name: 'withdraw', kind: 'write', idOf: 'registered', req: (v) => ['POST', `/api/registrations/${v.registered}/withdraw`] },
  { name: 'appeal', kind: 'write', idOf: 'notRecognised', req: (v) => ['POST', `/api/registrations/${v.notRecognised}/appeal`] },
  { name: 'publish', kind: 'write', idOf: 'recognised', req: (v) => ['POST', `/api/registrations/${v.recognised}/publish`] },
  { name: 'proposals', kind: 'write', idOf: 'campaign', req: (v) => ['POST', `/api/campaigns/${v.campaign}/proposals`, { registrationIds: [v.reviewed] }] },
  { name: 'decisions.create', kind: 'write', idOf: 'campaign', req: (v) => ['POST', '/api/decisions', { campaignId: v.campaign, number: '99/QĐ', decidedOn: '2018-12-01', signer: 'Kẻ giả mạo', recognised: [v.proposed] }] },
  { name: 'decisions.get', kind: 'read', idOf: 'decision', req: (v) => ['GET', `/api/decisions/${v.decision}`] },
  { name: 'reports.get', kind: 'read', idOf: 'campaign', req: (v) => ['GET', `/api/reports/campaigns/${v.campaign}`] },
  { name: 'campaigns.recompute-job', kind: 'write', idOf: 'campaign', req: (v) => ['POST', `/api/campaigns/${v.campaign}/recompute-jobs`] },
  { name: 'decisions.certificates-job', kind: 'write', idOf: 'decision', req: (v) => ['POST', `/api/decisions/${v.decision}/certificates-jobs`] },
  { name: 'jobs.get', kind: 'read', idOf: 'job', req: (v) => ['GET', `/api/jobs/${v.job}`] },
  { name: 'jobs.file', kind: 'read', idOf: 'job', req: (v) => ['GET', `/api/jobs/${v.job}/file`] },
  { name: 'people.groups', kind: 'read', idOf: 'person', req: (v) => ['GET', `/api/people/${v.person}/groups`] },
  ...GROUP_OPS,
  ...USER_OPS,
];

/** A multipart body with a small real PDF as evidence for indicator 1.1. */
function evidenceForm(name: string): FormData {
  const f = new FormData();
  f.set('file', new File([new Uint8Array(smallPdf())], name, { type: 'application/pdf' }));
  f.set('indicator', '1.1');
  return f;
}

const OTHER_TENANT: Who[] = ['offA2', 'comA2', 'provB', 'offB1'];
/** Write operations a committee member of the victim commune may not do. */
const LOWER_ROLE_WRITES = ['people.create', 'people.update', 'people.delete', 'campaigns.create', 'registrations.create', 'registrations.bulk', 'assessments.bulk', 'self-assessment', 'submit', 'withdraw', 'appeal', 'publish', 'proposals', 'decisions.create', 'campaigns.recompute-job', 'evidence.upload', 'evidence.delete', ...GROUP_OPS.filter((o) => o.kind === 'write').map((o) => o.name)];
// A committee member administers no account, not even one of its own commune.
LOWER_ROLE_WRITES.push(...USER_OPS.map((o) => o.name));

const TENANT_TABLES = ['people', 'campaigns', 'registrations', 'assessments', 'decisions', 'decision_subjects', 'memberships', 'evidence_files', 'households', 'clans', 'communities', 'units'] as const;

interface Case {
  label: string;
  who: Who | null;
  op: Op;
  /** Replace the victim id with a guess. */
  guess?: 'random-uuid' | 'malformed' | 'other-kind';
  expect: number[];
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const op of OPS) {
    out.push({ label: `anonymous × ${op.name}`, who: null, op, expect: [401] });
    out.push({ label: `citizen × ${op.name}`, who: 'citizen', op, expect: [403] });
    for (const who of OTHER_TENANT) {
      const expectStatus = op.expectOther ?? (op.kind === 'list' ? [200] : op.kind === 'read' ? [404, 403] : [403, 404, 422]);
      out.push({ label: `${who} × ${op.name}`, who, op, expect: expectStatus });
    }
    if (LOWER_ROLE_WRITES.includes(op.name)) out.push({ label: `lower role comA1 × ${op.name}`, who: 'comA1', op, expect: [403] });
    if (op.idOf) {
      for (const guess of ['random-uuid', 'malformed', 'other-kind'] as const) {
        for (const who of ['offA1', 'provA', 'provB'] as Who[]) out.push({ label: `${who} guesses ${guess} × ${op.name}`, who, op, guess, expect: op.kind === 'write' ? [403, 404, 409, 422] : (op.expectOther ?? [404]) });
      }
    }
  }
  return out;
}

describe.each(dialects)('attack suite on %s', (dialect) => {
  let w: World;
  let victim: Victim;
  let before: string;
  const secrets: string[] = [];
  const results: { label: string; status: number; leaked: string[] }[] = [];

  const snapshot = async () => {
    const parts: string[] = [];
    for (const t of [...TENANT_TABLES, 'users', 'password_reset_tokens', 'jobs']) parts.push(JSON.stringify((await sql.raw(`SELECT * FROM ${t} ORDER BY 1, 2`).execute(w.db)).rows));
    return parts.join('\n');
  };

  beforeAll(async () => {
    w = await createWorld(dialect);
    await w.reset();
    await w.seedUnits();
    const ok = async (who: Who, method: string, path: string, body?: unknown) => {
      const r = await w.call(who, method, path, body);
      if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
      return r.json;
    };
    // The victim: commune A1, a whole campaign in every state.
    const person = await ok('offA1', 'POST', '/api/people', { commune: A1, fullName: 'Nguyễn Văn Bí Mật', birthDate: '2003-04-05', sex: 'female', citizenId: '025303001234' });
    const campaign = await ok('offA1', 'POST', '/api/campaigns', { framework: 'phu-tho/cdht-phu-tho-2018', year: 2018, commune: A1 });
    const reg = async (name: string) => (await ok('offA1', 'POST', `/api/campaigns/${campaign.id}/registrations`, { personId: (await ok('offA1', 'POST', '/api/people', { commune: A1, fullName: name })).id })).id as string;
    const registered = (await ok('offA1', 'POST', `/api/campaigns/${campaign.id}/registrations`, { personId: person.id })).id;
    const [submitted, reviewed, proposed, notRecognised, recognised] = [await reg('Bí Mật Hai'), await reg('Bí Mật Ba'), await reg('Bí Mật Bốn'), await reg('Bí Mật Năm'), await reg('Bí Mật Sáu')];
    await w.travel('2018-10-01T03:00:00Z');
    for (const id of [submitted, reviewed, proposed, notRecognised, recognised]) {
      await ok('offA1', 'POST', `/api/registrations/${id}/self-assessment`, { scores: SCORES_75 });
      await ok('offA1', 'POST', `/api/registrations/${id}/submit`);
    }
    for (const id of [reviewed, proposed, notRecognised, recognised]) await ok('comA1', 'POST', `/api/registrations/${id}/review`, { scores: SCORES_75 });
    await ok('offA1', 'POST', `/api/campaigns/${campaign.id}/proposals`, { registrationIds: [proposed, notRecognised, recognised] });
    const d = await ok('provA', 'POST', '/api/decisions', { campaignId: campaign.id, number: '1/QĐ', decidedOn: '2018-12-01', signer: 'Chủ tịch', recognised: [recognised], notRecognised: [notRecognised] });
    // A finished certificates job of the victim commune's officer, with its PDF.
    const job = await ok('offA1', 'POST', `/api/decisions/${d.decision.id}/certificates-jobs`);
    const worker = startJobWorker({ db: w.db, dataKey: TEST_DATA_KEY, registry, pollMs: 20, now: () => w.clock.now });
    try {
      for (let i = 0; i < 600 && (await ok('offA1', 'GET', `/api/jobs/${job.id}`)).status !== 'done'; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await worker.stop();
    }
    // Its groups, each with the victim person as a member.
    const group = async (path: string, extra: Record<string, unknown>) => {
      const g = await ok('offA1', 'POST', `/api/${path}`, { commune: A1, name: `Nhóm Bí Mật ${path}`, ...extra });
      const m = await ok('offA1', 'POST', `/api/${path}/${g.id}/members`, { personId: person.id, role: 'head', validFrom: '2010-01-01' });
      return [g.id as string, m.id as string] as const;
    };
    const [household, householdMember] = await group('households', { village: 'Thôn Bí Mật' });
    const [clan, clanMember] = await group('clans', {});
    const [community, communityMember] = await group('communities', { type: 'village' });
    const [unit, unitMember] = await group('units', { type: 'school' });
    const evidence = await w.call('offA1', 'POST', `/api/registrations/${registered}/evidence`, evidenceForm('Bí Mật giấy khen.pdf'));
    if (evidence.status !== 201) throw new Error(`evidence: ${evidence.status} ${evidence.text}`);
    victim = {
      evidence: evidence.json.id,
      person: person.id, campaign: campaign.id, registered, submitted, reviewed, proposed, notRecognised, recognised, decision: d.decision.id,
      household, clan, community, unit, householdMember, clanMember, communityMember, unitMember,
      user: w.ids.comA1b,
      job: job.id,
    };
    secrets.push(...Object.values(victim), 'Bí Mật', 'bi mat', '025*******34', '025303001234');
    // The other tenants have their own data, so that lists are not trivially empty.
    await ok('offA2', 'POST', '/api/people', { commune: A2, fullName: 'Người Xã Bên' });
    await ok('offB1', 'POST', '/api/people', { commune: B1, fullName: 'Người Tỉnh Khác' });
    for (const [who, commune] of [['offA2', A2], ['offB1', B1]] as const) {
      await ok(who, 'POST', '/api/households', { commune, name: 'Hộ Xã Bên' });
      await ok(who, 'POST', '/api/units', { commune, name: 'Trường Xã Bên', type: 'school' });
    }
    await ok('offB1', 'POST', '/api/campaigns', { framework: 'phu-tho/cdht-phu-tho-2018', year: 2018, commune: B1 }).catch(() => undefined);
    before = await snapshot();
  }, 180_000);

  afterAll(async () => {
    await w?.dispose();
  });

  const all = cases();

  it(`generates at least 200 cases (${all.length})`, () => {
    expect(all.length).toBeGreaterThanOrEqual(200);
  });

  it.each(all.map((c) => [c.label, c] as const))('%s', async (_label, c) => {
    let [method, path, body, headers] = c.op.req(victim);
    if (c.guess && c.op.idOf) {
      const real = victim[c.op.idOf];
      const replacement = c.guess === 'random-uuid' ? randomUUID() : c.guess === 'malformed' ? `${real.slice(0, 8)}' OR '1'='1` : victim.decision === real ? victim.person : victim.decision;
      path = path.replace(real, encodeURIComponent(replacement));
      if (body && typeof body === 'object' && !(body instanceof FormData)) body = JSON.parse(JSON.stringify(body).replaceAll(real, replacement));
    }
    const res = await w.call(c.who, method, path, body, headers ?? {});
    const { instance: _echo, ...rest } = (res.json ?? {}) as Record<string, unknown>;
    const text = res.json ? JSON.stringify(rest) : res.text;
    const leaked = secrets.filter((s) => text.includes(s));
    results.push({ label: c.label, status: res.status, leaked });
    expect(leaked, `${c.label}: ${text.slice(0, 300)}`).toEqual([]);
    expect(c.expect, `${c.label}: ${res.status} ${text.slice(0, 300)}`).toContain(res.status);
    if (res.status >= 400) expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('0 unauthorised writes: the tenant tables are unchanged; 0 leaks in total', async () => {
    expect(results.length).toBe(all.length);
    expect(results.flatMap((r) => r.leaked)).toEqual([]);
    expect(await snapshot()).toBe(before);
    // refusals were audited
    const refused = await w.db.selectFrom('audit_log').select('action').where('action', '=', 'authz.refused').execute();
    expect(refused.length).toBeGreaterThan(20);
  });
});
