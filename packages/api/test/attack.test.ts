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
import { dialects } from './harness.js';
import { A, A1, A2, B, B1, createWorld, SCORES_75, type World, type Who } from './world.js';

type Op = { name: string; kind: 'read' | 'list' | 'write'; req: (v: Victim) => [string, string, unknown?, Record<string, string>?]; idOf?: keyof Victim };
type Victim = { person: string; campaign: string; registered: string; submitted: string; reviewed: string; proposed: string; notRecognised: string; recognised: string; decision: string };

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
  { name: 'registration.get', kind: 'read', idOf: 'registered', req: (v) => ['GET', `/api/registrations/${v.registered}`] },
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
];

const OTHER_TENANT: Who[] = ['offA2', 'comA2', 'provB', 'offB1'];
/** Write operations a committee member of the victim commune may not do. */
const LOWER_ROLE_WRITES = ['people.create', 'people.update', 'people.delete', 'campaigns.create', 'registrations.create', 'registrations.bulk', 'self-assessment', 'submit', 'withdraw', 'appeal', 'publish', 'proposals', 'decisions.create'];

const TENANT_TABLES = ['people', 'campaigns', 'registrations', 'assessments', 'decisions', 'decision_subjects', 'memberships'] as const;

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
      const expectStatus = op.kind === 'list' ? [200] : op.kind === 'read' ? [404, 403] : [403, 404, 422];
      out.push({ label: `${who} × ${op.name}`, who, op, expect: expectStatus });
    }
    if (LOWER_ROLE_WRITES.includes(op.name)) out.push({ label: `lower role comA1 × ${op.name}`, who: 'comA1', op, expect: [403] });
    if (op.idOf) {
      for (const guess of ['random-uuid', 'malformed', 'other-kind'] as const) {
        for (const who of ['offA1', 'provA', 'provB'] as Who[]) out.push({ label: `${who} guesses ${guess} × ${op.name}`, who, op, guess, expect: op.kind === 'write' ? [403, 404, 409, 422] : [404] });
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
    for (const t of TENANT_TABLES) parts.push(JSON.stringify((await sql.raw(`SELECT * FROM ${t} ORDER BY 1, 2`).execute(w.db)).rows));
    return parts.join('\n');
  };

  beforeAll(async () => {
    w = await createWorld(dialect);
    await w.reset();
    await w.db.insertInto('administrative_units').values([
      { code: A, level: 'province', name: 'Phú Thọ', province_code: null, valid_from: '2025-07-01', valid_to: null, successor_code: null },
      { code: B, level: 'province', name: 'Hà Nội', province_code: null, valid_from: '2025-07-01', valid_to: null, successor_code: null },
      { code: A1, level: 'commune', name: 'Xã A1', province_code: A, valid_from: '2025-07-01', valid_to: null, successor_code: null },
      { code: A2, level: 'commune', name: 'Xã A2', province_code: A, valid_from: '2025-07-01', valid_to: null, successor_code: null },
      { code: B1, level: 'commune', name: 'Xã B1', province_code: B, valid_from: '2025-07-01', valid_to: null, successor_code: null },
    ]).execute();
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
    victim = { person: person.id, campaign: campaign.id, registered, submitted, reviewed, proposed, notRecognised, recognised, decision: d.decision.id };
    secrets.push(...Object.values(victim), 'Bí Mật', 'bi mat', '025*******34', '025303001234');
    // The other tenants have their own data, so that lists are not trivially empty.
    await ok('offA2', 'POST', '/api/people', { commune: A2, fullName: 'Người Xã Bên' });
    await ok('offB1', 'POST', '/api/people', { commune: B1, fullName: 'Người Tỉnh Khác' });
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
      if (body && typeof body === 'object') body = JSON.parse(JSON.stringify(body).replaceAll(real, replacement));
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
