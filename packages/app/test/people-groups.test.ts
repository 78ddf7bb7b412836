/** People and groups use cases without HTTP: citizen ids, scope, memberships over time — on both dialects. */
import { truncateAllTables, type Scope } from '@hoctap/db';
import { dialects, openTestDatabase, type TestDatabase } from '@hoctap/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withCaller, type Caller, type Deps, type Trx } from '../src/deps.js';
import { addMember, createGroup, deleteGroup, endMember, getGroup, groupsOfPersonAt } from '../src/groups.js';
import { createPerson, deletePerson, getPerson, updatePerson } from '../src/people.js';
import { testDeps, refusal } from './support.js';

const A = '25';
const A1 = '07900';
const A2 = '07901';

const CALLERS = {
  national: { userId: null, roles: ['platform-admin'], scope: { role: 'national' } },
  provA: { userId: null, roles: ['province-admin'], scope: { role: 'province', province: A } },
  offA1: { userId: null, roles: ['commune-officer'], scope: { role: 'commune', province: A, communes: [A1] } },
  offA2: { userId: null, roles: ['commune-officer'], scope: { role: 'commune', province: A, communes: [A2] } },
  provB: { userId: null, roles: ['province-admin'], scope: { role: 'province', province: '01' } },
} satisfies Record<string, Caller & { scope: Scope }>;
type Who = keyof typeof CALLERS;


describe.each(dialects)('people and groups use cases (%s)', (dialect) => {
  let t: TestDatabase;
  let deps: Deps;
  const clock = { now: new Date('2018-05-10T03:00:00Z') };
  const as = <T,>(who: Who, fn: (trx: Trx, caller: Caller) => Promise<T>) => withCaller(deps, CALLERS[who], (trx) => fn(trx, { ...CALLERS[who], address: '192.0.2.7' }));
  const audited = async (action: string) =>
    Number((await sql<{ n: string }>`SELECT count(*) AS n FROM (SELECT action FROM audit_log UNION ALL SELECT action FROM audit_pending) a WHERE action = ${action}`.execute(t.handle.db)).rows[0]!.n);

  beforeAll(async () => {
    t = await openTestDatabase(dialect, { migrate: true });
    deps = testDeps(t.handle.db, [], clock);
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });
  beforeEach(async () => {
    await truncateAllTables(t.handle.db);
  });

  it('creates a person with a valid citizen id (masked, audited); a bad one is unprocessable and writes nothing', async () => {
    const p = await as('offA1', (trx, c) => createPerson(deps, c, trx, { commune: A1, fullName: '  Nguyễn   Thị Hà ', birthDate: '2003-04-05', sex: 'female', citizenId: '025 303 001 234' }));
    expect(p).toMatchObject({ province_code: A, commune_code: A1, full_name: 'Nguyễn Thị Hà', citizen_id_masked: '025*******34' });
    expect(await audited('person.create')).toBe(1);
    // The century-and-sex digit says a man born in the 1900s: against a woman born in 2003 it is refused.
    expect(await refusal(as('offA1', (trx, c) => createPerson(deps, c, trx, { commune: A1, fullName: 'Trần Văn B', birthDate: '2003-04-05', sex: 'female', citizenId: '025003001234' })))).toEqual(['unprocessable', 'CITIZEN_ID_INVALID']);
    expect(await refusal(as('offA1', (trx, c) => updatePerson(deps, c, trx, { id: p.id, patch: { sex: 'male' } })))).toEqual(['unprocessable', 'CITIZEN_ID_INVALID']);
    expect(await audited('person.create')).toBe(1);
    expect(await audited('person.update')).toBe(0);
  });

  it('files rows where the caller may write: a commune officer in its commune, a national caller names the province', async () => {
    expect(await refusal(as('offA1', (trx, c) => createPerson(deps, c, trx, { commune: A2, fullName: 'Lê Văn C' })))).toEqual(['forbidden', 'OUT_OF_SCOPE']);
    expect(await refusal(as('offA1', (trx, c) => createPerson(deps, c, trx, { fullName: 'Lê Văn C' })))).toEqual(['forbidden', 'OUT_OF_SCOPE']);
    expect(await refusal(as('national', (trx, c) => createPerson(deps, c, trx, { fullName: 'Lê Văn C' })))).toEqual(['invalid', 'PROVINCE_REQUIRED']);
    const p = await as('provA', (trx, c) => createPerson(deps, c, trx, { commune: A1, fullName: 'Lê Văn C' }));
    // Another commune's officer and another province's admin see nothing: the same not-found as for an unknown id.
    expect(await refusal(as('offA2', (trx, c) => getPerson(deps, c, trx, { id: p.id })))).toEqual(['not-found', 'PERSON_NOT_FOUND']);
    expect(await refusal(as('provB', (trx, c) => getPerson(deps, c, trx, { id: p.id })))).toEqual(['not-found', 'PERSON_NOT_FOUND']);
    expect(await refusal(as('offA1', (trx, c) => getPerson(deps, c, trx, { id: 'không-phải-uuid' })))).toEqual(['not-found', 'PERSON_NOT_FOUND']);
    expect((await as('offA1', (trx, c) => getPerson(deps, c, trx, { id: p.id.toUpperCase() }))).id).toBe(p.id);
  });

  it('memberships over time: an overlap is a conflict, so is a second household; ended memberships stay history and keep the person', async () => {
    const p = await as('offA1', (trx, c) => createPerson(deps, c, trx, { commune: A1, fullName: 'Phạm Thị D' }));
    const h1 = await as('offA1', (trx, c) => createGroup(deps, c, trx, { kind: 'household', commune: A1, name: 'Hộ ông Phạm Văn E' }));
    const h2 = await as('offA1', (trx, c) => createGroup(deps, c, trx, { kind: 'household', commune: A1, name: 'Hộ bà Phạm Thị D' }));
    const clan = await as('provA', (trx, c) => createGroup(deps, c, trx, { kind: 'clan', commune: null, name: 'Dòng họ Phạm' }));
    const m = await as('offA1', (trx, c) => addMember(deps, c, trx, { kind: 'household', groupId: h1.id, personId: p.id, role: 'member', validFrom: '2010-01-01' }));
    expect(m).toMatchObject({ person_id: p.id, full_name: 'Phạm Thị D', valid_from: '2010-01-01', valid_to: null });

    expect(await refusal(as('offA1', (trx, c) => addMember(deps, c, trx, { kind: 'household', groupId: h1.id, personId: p.id, validFrom: '2015-01-01' })))).toEqual(['conflict', 'ALREADY_MEMBER']);
    expect(await refusal(as('offA1', (trx, c) => addMember(deps, c, trx, { kind: 'household', groupId: h2.id, personId: p.id, validFrom: '2018-01-01' })))).toEqual(['conflict', 'OTHER_HOUSEHOLD']);
    expect(await refusal(as('offA1', (trx, c) => addMember(deps, c, trx, { kind: 'household', groupId: h2.id, personId: p.id, validFrom: '2018-01-01', validTo: '2017-01-01' })))).toEqual(['unprocessable', 'END_NOT_AFTER_START']);
    // A clan is not a household: belonging to both at once is fine.
    await as('provA', (trx, c) => addMember(deps, c, trx, { kind: 'clan', groupId: clan.id, personId: p.id, validFrom: '2010-01-01' }));

    expect(await refusal(as('offA1', (trx, c) => endMember(deps, c, trx, { kind: 'household', groupId: h1.id, membershipId: m.id, date: '2010-01-01' })))).toEqual(['unprocessable', 'END_NOT_AFTER_START']);
    const ended = await as('offA1', (trx, c) => endMember(deps, c, trx, { kind: 'household', groupId: h1.id, membershipId: m.id, date: '2018-01-01' }));
    expect(ended.valid_to).toBe('2018-01-01');
    expect(await refusal(as('offA1', (trx, c) => endMember(deps, c, trx, { kind: 'household', groupId: h1.id, membershipId: m.id, date: '2018-06-01' })))).toEqual(['conflict', 'MEMBERSHIP_ENDED']);
    // The move: the new household from the day the old membership ended.
    await as('offA1', (trx, c) => addMember(deps, c, trx, { kind: 'household', groupId: h2.id, personId: p.id, role: 'head', validFrom: '2018-01-01' }));

    const old = await as('offA1', (trx, c) => getGroup(deps, c, trx, { kind: 'household', id: h1.id, date: '2018-05-10' }));
    expect(old.members).toHaveLength(0);
    expect(old.history.map((x) => x.id)).toEqual([m.id]);
    const groups = await as('offA1', (trx, c) => groupsOfPersonAt(deps, c, trx, { personId: p.id }));
    expect(groups.date).toBe('2018-05-10');
    expect(groups.items.map((g) => [g.kind, g.current]).sort()).toEqual([['clan', true], ['household', false], ['household', true]]);

    expect(await refusal(as('offA1', (trx, c) => deletePerson(deps, c, trx, { id: p.id })))).toEqual(['conflict', 'PERSON_HAS_MEMBERSHIPS']);
    expect(await audited('membership.create')).toBe(3);
    expect(await audited('membership.end')).toBe(1);
  });

  it('groups out of scope: another commune gets not-found for reading, a province-wide clan is visible but not writable by a commune officer', async () => {
    const h = await as('offA1', (trx, c) => createGroup(deps, c, trx, { kind: 'household', commune: A1, name: 'Hộ ông Võ Văn G' }));
    const clan = await as('provA', (trx, c) => createGroup(deps, c, trx, { kind: 'clan', commune: null, name: 'Dòng họ Võ' }));
    expect(await refusal(as('offA2', (trx, c) => getGroup(deps, c, trx, { kind: 'household', id: h.id })))).toEqual(['not-found', 'HOUSEHOLD_NOT_FOUND']);
    expect(await refusal(as('offA2', (trx, c) => deleteGroup(deps, c, trx, { kind: 'household', id: h.id })))).toEqual(['not-found', 'HOUSEHOLD_NOT_FOUND']);
    expect((await as('offA1', (trx, c) => getGroup(deps, c, trx, { kind: 'clan', id: clan.id }))).group.name).toBe('Dòng họ Võ');
    expect(await refusal(as('offA1', (trx, c) => deleteGroup(deps, c, trx, { kind: 'clan', id: clan.id })))).toEqual(['forbidden', 'OUT_OF_SCOPE']);
    await as('provA', (trx, c) => deleteGroup(deps, c, trx, { kind: 'clan', id: clan.id }));
    expect(await refusal(as('provA', (trx, c) => getGroup(deps, c, trx, { kind: 'clan', id: clan.id })))).toEqual(['not-found', 'CLAN_NOT_FOUND']);
  });
});
