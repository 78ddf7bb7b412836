/** A test world: an app over a test database, an adjustable clock, users of every role and a request helper. */
import { createRegistry, definePlugin, type Plugin } from '@hoctap/core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createUser, truncateAllTables, type DialectName } from '@hoctap/db';
import { phuTho } from '@hoctap/plugin-phu-tho';
import { createApp, hashPassword } from '../src/index.js';
import { openTestDatabase, TEST_DATA_KEY, type TestDatabase } from './harness.js';

export const A = '25';
export const A1 = '07900';
export const A2 = '07901';
export const B = '01';
export const B1 = '00004';
export const PASSWORD = 'một câu mật khẩu đủ dài';

/** Replaces `from` in `text`, failing loudly when the plugin's text no longer holds it. */
function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`test world: the Phú Thọ framework no longer contains ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** Phú Thọ 2018 with a self-assessment window that refuses late work. */
const refuseSource = replaceOnce(
  phuTho.frameworks[0]!.source.replaceAll('cdht-phu-tho-2018', 'cdht-phu-tho-2018-tc'),
  'tự đánh giá "Cá nhân tự chấm điểm, tự đánh giá" trước 05/11/2018\n',
  'tự đánh giá "Cá nhân tự chấm điểm, tự đánh giá" trước 05/11/2018 trễ hạn: từ chối\n',
);
export const refusePlugin = definePlugin({
  id: 'thu-nghiem',
  version: '0.1.0',
  name: 'Thử nghiệm',
  localities: [{ code: '25', name: 'tỉnh Phú Thọ', level: 'province' }],
  frameworks: [{ file: 'tc.tieuchi', source: refuseSource }],
});
export const registry = createRegistry([phuTho, refusePlugin]);

export const USERS = {
  admin: { roles: ['platform-admin'], localities: [] },
  provA: { roles: ['province-admin'], localities: [A] },
  offA1: { roles: ['commune-officer'], localities: [A, A1] },
  comA1: { roles: ['committee-member'], localities: [A, A1] },
  comA1b: { roles: ['committee-member'], localities: [A, A1] },
  leadA1: { roles: ['leader'], localities: [A, A1] },
  offA2: { roles: ['commune-officer'], localities: [A, A2] },
  comA2: { roles: ['committee-member'], localities: [A, A2] },
  provB: { roles: ['province-admin'], localities: [B] },
  offB1: { roles: ['commune-officer'], localities: [B, B1] },
  citizen: { roles: ['citizen'], localities: [] },
} as const;
export type Who = keyof typeof USERS;

/** Scores of the worked example "75 điểm thì đạt". */
export const SCORES_75 = {
  '1.1': 5, '1.2': 5, '1.3': 4, '2.1': 3, '2.2': 3, '3.1': 3, '3.2': 3, '3.3': 3, '4.1': 4, '4.2': 4, '5.1': 3, '5.2': 4,
  '6.1': 3, '6.2': 3, '7.1': 3, '7.2': 3, '7.3': 3, '8.1': 2, '8.2': 2, '9.1': 3, '9.2': 3, '10.1': 3, '10.2': 3,
};
export const SCORES_74 = { ...SCORES_75, '10.2': 2 };

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

export async function createWorld(dialect: DialectName, plugins: readonly Plugin[] = []) {
  const t: TestDatabase = await openTestDatabase(dialect);
  const db = t.handle.db;
  const clock = { now: new Date('2018-05-10T03:00:00Z') };
  const app = createApp({
    // The world's plugins, and those a suite adds (e.g. the national frameworks).
    registry: plugins.length ? createRegistry([phuTho, refusePlugin, ...plugins]) : registry,
    db: t.handle,
    dataKey: TEST_DATA_KEY,
    now: () => clock.now,
    secureCookies: false,
    // Longer than any test: every change the API makes to sessions and accounts must be seen at once without the database.
    sessionCacheMs: 600_000,
    clientAddress: (c) => c.req.header('x-test-ip') ?? '192.0.2.1',
    logError: (e) => console.error('SERVER ERROR', e),
  });
  const passwordHash = await hashPassword(PASSWORD);
  const ids = {} as Record<Who, string>;
  const sessions = {} as Record<Who, Session>;

  async function seedUsers() {
    for (const [who, u] of Object.entries(USERS) as [Who, (typeof USERS)[Who]][]) {
      const row = await createUser(db, { email: `${who}@hoctap.test`, displayName: who, passwordHash, roles: u.roles, localities: u.localities });
      ids[who] = row.id;
    }
  }

  async function login(who: Who, ip = '192.0.2.1'): Promise<Session> {
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-ip': ip },
      body: JSON.stringify({ email: `${who}@hoctap.test`, password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${who}: ${res.status} ${await res.text()}`);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const body = (await res.json()) as { csrfToken: string; user: { id: string } };
    return { cookie, csrf: body.csrfToken, userId: body.user.id };
  }

  async function loginAll() {
    for (const who of Object.keys(USERS) as Who[]) sessions[who] = await login(who);
  }

  /** A request as `who` (null = anonymous), with its cookie and CSRF token. */
  async function call(who: Who | Session | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const s = who === null ? undefined : typeof who === 'string' ? sessions[who] : who;
    const h: Record<string, string> = { ...headers };
    if (s) {
      h['cookie'] = s.cookie;
      if (method !== 'GET') h['x-csrf-token'] = s.csrf;
    }
    let payload: string | FormData | Uint8Array<ArrayBuffer> | undefined;
    if (body instanceof FormData || body instanceof Uint8Array) payload = body as FormData | Uint8Array<ArrayBuffer>; // multipart: the boundary's content type comes with it; bytes (.xlsx) as they are
    else if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await app.request(path, { method, headers: h, ...(payload !== undefined ? { body: payload } : {}) });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text, headers: res.headers };
  }

  /** Moves the clock (months ahead in a campaign) and signs everyone in again: sessions idle out after 30 minutes. */
  async function travel(iso: string) {
    clock.now = new Date(iso);
    await loginAll();
  }

  async function reset() {
    await truncateAllTables(db);
    clock.now = new Date('2018-05-10T03:00:00Z');
    await seedUsers();
    await loginAll();
  }

  /** The world's provinces and communes as administrative units (for the suites that need them; a reset removes them). */
  async function seedUnits() {
    const unit = (code: string, level: 'province' | 'commune', name: string, province: string | null) => ({ code, level, name, province_code: province, valid_from: '2025-07-01', valid_to: null, successor_code: null });
    await db
      .insertInto('administrative_units')
      .values([unit(A, 'province', 'Phú Thọ', null), unit(B, 'province', 'Hà Nội', null), unit(A1, 'commune', 'Xã A1', A), unit(A2, 'commune', 'Xã A2', A), unit(B1, 'commune', 'Xã B1', B)])
      .execute();
  }

  return { t, db, app, clock, ids, sessions, login, call, reset, travel, seedUnits, dispose: () => t.dispose() };
}
export type World = Awaited<ReturnType<typeof createWorld>>;

/**
 * A suite's world over one dialect: made before all its tests, reset before each, disposed after
 * all. The returned object stands for it from the first hook on.
 */
export function suiteWorld(dialect: DialectName): World {
  let real: World | undefined;
  beforeAll(async () => {
    real = await createWorld(dialect);
  }, 120_000);
  afterAll(async () => {
    await real?.dispose();
  });
  beforeEach(async () => {
    await real!.reset();
  }, 60_000);
  return new Proxy({} as World, {
    get(_target, key) {
      if (!real) throw new Error('The world is made in beforeAll: use it in hooks and tests.');
      return real[key as keyof World];
    },
  });
}
