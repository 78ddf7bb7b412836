import { randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempPostgres, type TempPostgres } from '@hoctap/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, startServer, type RunningServer } from '../src/index.js';

// End to end over a real socket: the whole server (migrate, seed, demo year, API, portal) on the
// embedded database in a fresh data directory, and on PostgreSQL in a fresh database.
describe.each(['pglite', 'postgres'] as const)('the server on %s, over a real socket', (dialect) => {
  let server: RunningServer;
  let dir: string;
  let pgdb: TempPostgres | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hoctap-server-'));
    const dist = join(dir, 'admin');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="vi"><title>Học Tập</title><div id="root"></div></html>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    const env: Record<string, string> = { PORT: '0', HOCTAP_DATA_DIR: join(dir, 'data'), HOCTAP_ADMIN_DIST: dist };
    if (dialect === 'postgres') {
      pgdb = await createTempPostgres('hoctap_server');
      env['DATABASE_URL'] = pgdb.url;
      env['HOCTAP_DATA_KEY'] = randomBytes(32).toString('base64');
    }
    const config = loadConfig(env, dir);
    server = await startServer(config);
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await pgdb?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seeds the plugins on first start', () => {
    expect(server.seed.seeded).toBe(true);
    expect(server.seed.frameworks).toBe(server.registry.frameworks.length);
    expect(server.seed.frameworks).toBeGreaterThanOrEqual(11);
    expect(server.seed.units).toBeGreaterThanOrEqual(5);
    expect(server.seed.people).toBeGreaterThan(100);
    // The Phú Thọ 2018 pilot year ran through the API: three units of 40 staff, about 70 % recognised.
    expect(server.demoYear?.registrations).toBe(120);
    expect(server.demoYear?.recognised).toBeGreaterThan(40);
    expect(server.demoYear?.recognised).toBeLessThan(120);
  });

  it('a demo officer signs in over the socket and sees the demo year, scoped to Phú Thọ', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'canbo.phutho@hoctap.local', password: 'can-bo-phu-tho-2026' }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^hoctap_session=/);
    const campaigns = (await (await fetch(`${server.url}/api/campaigns`, { headers: { cookie } })).json()) as { items: { id: string; year: number }[] };
    expect(campaigns.items).toHaveLength(1);
    const report = (await (await fetch(`${server.url}/api/reports/campaigns/${campaigns.items[0]!.id}`, { headers: { cookie } })).json()) as { denominator: { kind: string; count: number } };
    expect(report.denominator).toMatchObject({ kind: 'registered', count: 120 });
    const people = (await (await fetch(`${server.url}/api/people?q=nguyen&limit=5`, { headers: { cookie } })).json()) as { items: { full_name?: string; fullName?: string; citizen_id_masked?: string | null; citizenIdMasked?: string | null }[] };
    expect(people.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(people.items)).not.toMatch(/025\d{9}/);
    const audit = await fetch(`${server.url}/api/audit/verify`, { headers: { cookie } });
    expect(audit.status).toBe(403);
  });

  it('the demo year has households, a clan, a village, the three agencies and a school, with members', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'canbo.phutho@hoctap.local', password: 'can-bo-phu-tho-2026' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const get = async (path: string) => (await (await fetch(`${server.url}${path}`, { headers: { cookie } })).json()) as { total: number; items: { id: string; name: string; memberCount: number }[] };
    const households = await get('/api/households?date=2018-06-01&limit=200');
    expect(households.total).toBeGreaterThanOrEqual(5);
    expect(households.items.every((h) => h.memberCount >= 2)).toBe(true);
    expect((await get('/api/units?type=agency&date=2018-06-01')).items.map((u) => [u.name, u.memberCount])).toEqual([
      ['Cục Thuế tỉnh Phú Thọ', 40],
      ['Sở Tài nguyên và Môi trường tỉnh Phú Thọ', 40],
      ['Sở Y tế tỉnh Phú Thọ', 40],
    ]);
    expect((await get('/api/units?type=school&q=le%20quy%20don&date=2018-06-01')).items[0]?.memberCount).toBe(3);
    expect((await get('/api/clans')).total).toBe(1);
    expect((await get('/api/communities?q=hung%20lo')).items[0]?.memberCount).toBe(15);
  });

  it('anonymous callers get 401 on resources', async () => {
    expect((await fetch(`${server.url}/api/people`)).status).toBe(401);
  });

  it('reports health with its database', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(await res.json()).toMatchObject({ status: 'ok', database: { dialect, ok: true } });
  });

  it('serves every plugin framework and the OpenAPI document', async () => {
    const list = (await (await fetch(`${server.url}/api/frameworks`)).json()) as { ref: string }[];
    expect(list.map((f) => f.ref)).toEqual(
      expect.arrayContaining(['national/cdht-quoc-gia-2022', 'phu-tho/cdht-phu-tho-2018', 'tan-thanh/cdht-tan-thanh-2022', 'tan-bien/dvht-tan-bien-2023', 'ninh-binh/cdht-ninh-binh-2022', 'yen-bai/gdht-yen-bai-2016']),
    );
    expect((await fetch(`${server.url}/api/openapi.json`)).status).toBe(200);
  });

  it('serves the portal at / with lang="vi", client routes fall back to index.html, no escape from its folder', async () => {
    const home = await fetch(`${server.url}/`);
    expect(await home.text()).toContain('lang="vi"');
    const deep = await fetch(`${server.url}/bo-tieu-chi/phu-tho`);
    expect(await deep.text()).toContain('<div id="root">');
    const asset = await fetch(`${server.url}/assets/app.js`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    const escape = await fetch(`${server.url}/..%2f..%2fdata%2fdata-key`);
    expect(await escape.text()).not.toMatch(/^[A-Za-z0-9+/=]{40,}$/);
  });

  it('an unknown API route is a problem document, not the portal', async () => {
    const res = await fetch(`${server.url}/api/khong-co`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
