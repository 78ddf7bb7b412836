/** Account use cases without HTTP: administration in scope, sign-in with its throttle, a reset link — on both dialects. */
import { createUser, getUser, truncateAllTables, type Scope } from '@hoctap/db';
import { dialects, openTestDatabase, type TestDatabase } from '@hoctap/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createManagedUser, issuePasswordReset, listManagedUsers, setUserActive, updateManagedUser } from '../src/accounts.js';
import { resetPassword, signIn, type AuthDeps } from '../src/auth.js';
import { withCaller, type Caller, type Deps, type Trx } from '../src/deps.js';
import { AppError } from '../src/errors.js';
import { LoginLimiter } from '../src/limiter.js';
import { hashPassword } from '../src/passwords.js';
import { testDeps } from './support.js';

const A = '25';
const PASSWORD = 'một câu mật khẩu đủ dài';

/** A thrown AppError. */
async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(dialects)('account use cases (%s)', (dialect) => {
  let t: TestDatabase;
  let deps: Deps;
  let auth: AuthDeps;
  const clock = { now: new Date('2018-05-10T03:00:00Z') };
  const callers = {} as Record<'admin' | 'provA' | 'provB', Caller>;
  const as = <T,>(who: keyof typeof callers, fn: (trx: Trx, caller: Caller) => Promise<T>) => withCaller(deps, callers[who], (trx) => fn(trx, callers[who]));

  beforeAll(async () => {
    t = await openTestDatabase(dialect, { migrate: true });
    deps = testDeps(t.handle.db, [], clock);
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });
  beforeEach(async () => {
    await truncateAllTables(t.handle.db);
    clock.now = new Date('2018-05-10T03:00:00Z');
    auth = { db: t.handle.db, now: () => clock.now, totpCipher: deps.totpCipher, limiter: new LoginLimiter(() => clock.now), challengeKey: Buffer.alloc(32, 7), sessionMs: 12 * 3600_000 };
    const hash = await hashPassword(PASSWORD);
    const seed: [keyof typeof callers, string[], string[], Scope][] = [
      ['admin', ['platform-admin'], [], { role: 'national' }],
      ['provA', ['province-admin'], [A], { role: 'province', province: A }],
      ['provB', ['province-admin'], ['01'], { role: 'province', province: '01' }],
    ];
    for (const [who, roles, localities, scope] of seed) {
      const u = await createUser(t.handle.db, { email: `${who}@hoctap.test`, displayName: who, passwordHash: hash, roles, localities });
      callers[who] = { userId: u.id, roles, scope, address: '192.0.2.9' };
    }
  }, 60_000);

  it('a province admin manages its own province only: no platform admin, no other province, not itself', async () => {
    expect((await refusal(as('provA', (trx, c) => createManagedUser(deps, c, trx, { email: 'x@hoctap.test', name: 'X', roles: ['platform-admin'], localities: [] })))).code).toBe('FORBIDDEN');
    expect((await refusal(as('provA', (trx, c) => createManagedUser(deps, c, trx, { email: 'x@hoctap.test', name: 'X', roles: ['commune-officer'], localities: ['01', '00004'] })))).kind).toBe('forbidden');
    const officer = await as('provA', (trx, c) => createManagedUser(deps, c, trx, { email: 'canbo@hoctap.test', name: 'Cán bộ', roles: ['commune-officer'], localities: [A, '07900'] }));
    const dup = await refusal(as('admin', (trx, c) => createManagedUser(deps, c, trx, { email: 'canbo@hoctap.test', name: 'Khác', roles: ['citizen'], localities: [] })));
    expect([dup.kind, dup.code]).toEqual(['conflict', 'EMAIL_TAKEN']);
    expect((await refusal(as('provA', (trx, c) => updateManagedUser(deps, c, trx, { id: officer.id, roles: ['commune-officer'], localities: [A] })))).code).toBe('ROLE_LOCALITY_INVALID');
    // A leader or committee member may sit at the province (no commune); a commune officer may not.
    const leader = await as('provA', (trx, c) => createManagedUser(deps, c, trx, { email: 'lanhdao@hoctap.test', name: 'Lãnh đạo', roles: ['leader'], localities: [A] }));
    expect(leader).toMatchObject({ roles: ['leader'], localities: [A] });
    expect((await refusal(as('provB', (trx, c) => setUserActive(deps, c, trx, { id: officer.id, active: false })))).code).toBe('USER_NOT_FOUND');
    expect((await refusal(as('provA', (trx, c) => setUserActive(deps, c, trx, { id: callers.provA.userId!, active: false })))).code).toBe('SELF_ADMINISTRATION');
    expect((await as('provA', (trx, c) => listManagedUsers(deps, c, trx))).map((u) => u.email).sort()).toEqual(['canbo@hoctap.test', 'lanhdao@hoctap.test', 'prova@hoctap.test']);
    expect((await as('provA', (trx, c) => setUserActive(deps, c, trx, { id: officer.id, active: false }))).disabled_at).toEqual(clock.now);
    expect((await refusal(as('provA', (trx, c) => issuePasswordReset(deps, c, trx, { id: officer.id })))).code).toBe('USER_DISABLED');
  });

  it('sign-in: a wrong password is unauthenticated; the fifth failure throttles the account with a retry time, even with the right password', async () => {
    const who = { userId: null, address: '192.0.2.10' };
    const ok = await signIn(auth, who, t.handle.db, { email: 'provA@hoctap.test', password: PASSWORD });
    expect('session' in ok && ok.session.user.id).toBe(callers.provA.userId);
    for (let i = 0; i < 5; i++) {
      const e = await refusal(signIn(auth, who, t.handle.db, { email: 'provA@hoctap.test', password: 'sai mật khẩu rồi nhé' }));
      expect([e.kind, e.code]).toEqual(['unauthenticated', 'LOGIN_FAILED']);
    }
    const throttled = await refusal(signIn(auth, who, t.handle.db, { email: 'provA@hoctap.test', password: PASSWORD }));
    expect([throttled.kind, throttled.code]).toEqual(['rate-limited', 'LOGIN_THROTTLED']);
    expect(throttled.details['retryAfter']).toBeGreaterThan(0);
    clock.now = new Date(clock.now.getTime() + 16 * 60_000);
    expect('session' in (await signIn(auth, who, t.handle.db, { email: 'provA@hoctap.test', password: PASSWORD }))).toBe(true);
  });

  it('a reset link: a refused new password does not spend it; the link then sets the password once', async () => {
    const officer = await as('provA', (trx, c) => createManagedUser(deps, c, trx, { email: 'canbo@hoctap.test', name: 'Cán bộ', roles: ['commune-officer'], localities: [A, '07900'] }));
    const link = await as('provA', (trx, c) => issuePasswordReset(deps, c, trx, { id: officer.id }));
    const who = { userId: null, address: '192.0.2.11' };
    const weak = await refusal(resetPassword(auth, who, t.handle.db, { token: link.token, newPassword: 'matkhau123456' }));
    expect([weak.kind, weak.code]).toEqual(['invalid', 'PASSWORD_COMMON']);
    await resetPassword(auth, who, t.handle.db, { token: link.token, newPassword: 'một mật khẩu mới đủ dài' });
    expect((await getUser(t.handle.db, officer.id))!.password_hash.startsWith('$argon2id$')).toBe(true);
    expect((await refusal(resetPassword(auth, who, t.handle.db, { token: link.token, newPassword: 'một mật khẩu khác đủ dài' }))).code).toBe('RESET_TOKEN_INVALID');
    expect('session' in (await signIn(auth, who, t.handle.db, { email: 'canbo@hoctap.test', password: 'một mật khẩu mới đủ dài' }))).toBe(true);
  });
});
