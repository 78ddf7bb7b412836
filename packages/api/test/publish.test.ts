/** Publishing a criteria version: checked (errors, worked examples), stored by content hash, audited, idempotent — over both dialects. */
import { describe, expect, it } from 'vitest';
import { phuTho } from '@hoctap/plugin-phu-tho';
import { contentHash } from '@hoctap/db';
import { dialects } from './harness.js';
import { suiteWorld } from './world.js';

const BASE = phuTho.frameworks[0]!.source;
const GOOD = BASE.replaceAll('cdht-phu-tho-2018', 'cdht-phu-tho-2026');
/** A line the language does not know, at a known place. */
const BROKEN_LINE = 31;
const BROKEN = (() => {
  const lines = GOOD.normalize('NFC').split('\n');
  lines.splice(BROKEN_LINE - 1, 0, '    %%% dòng này sai');
  return lines.join('\n');
})();
const FAILING = GOOD.replace('mong đợi tổng 75, đạt cdht', 'mong đợi tổng 76, đạt cdht');
const OTHER_PROVINCE = GOOD.replace('địa bàn: "25" "tỉnh Phú Thọ"', 'địa bàn: "01" "thành phố Hà Nội"');

describe.each(dialects)('framework publishing on %s', (dialect) => {
  const w = suiteWorld(dialect);

  it('publishes (201), the same text again is the same row (200); listed; audited with ids and hash only; the chain verifies', async () => {
    const first = await w.call('provA', 'POST', '/api/frameworks/publish', { source: GOOD, file: 'cdht-phu-tho-2026.tieuchi' });
    expect(first.status, first.text).toBe(201);
    const row = await w.db.selectFrom('frameworks').selectAll().executeTakeFirstOrThrow();
    expect(first.json.contentHash).toBe(contentHash(row.source_text));
    expect(row.content_hash).toBe(first.json.contentHash);
    expect(first.json).toMatchObject({ created: true, plugin: '25', framework: 'cdht-phu-tho-2026', status: 'published', effective: { from: '2018-05-01', to: '2018-12-31' }, publishedBy: { id: w.ids.provA, name: 'provA' } });
    expect(first.json.version).toMatch(/^cdht-phu-tho-2026@[0-9a-f]{12}$/);
    expect(first.json.version.slice(-12)).toBe(first.json.contentHash.slice(0, 12));
    expect(first.json.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const again = await w.call('provA', 'POST', '/api/frameworks/publish', { source: GOOD });
    expect(again.status, again.text).toBe(200);
    expect(again.json.id).toBe(first.json.id);
    expect(again.json.created).toBe(false);
    expect(await w.db.selectFrom('frameworks').select('id').execute()).toHaveLength(1);

    const entries = await w.db.selectFrom('audit_log').selectAll().where('action', '=', 'framework.publish').execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.payload).toMatchObject({ framework: 'cdht-phu-tho-2026', version: first.json.version, contentHash: first.json.contentHash });
    expect(JSON.stringify(entries[0]!.payload)).not.toContain('tiêu chí');
    const v = await w.call('admin', 'GET', '/api/audit/verify');
    expect(v.status).toBe(200);
    expect(v.json.ok).toBe(true);

    const listA = await w.call('provA', 'GET', '/api/frameworks/published');
    expect(listA.status).toBe(200);
    expect(listA.json.map((f: { id: string }) => f.id)).toEqual([first.json.id]);
    expect((await w.call('provB', 'GET', '/api/frameworks/published')).json).toEqual([]);
    expect((await w.call('admin', 'GET', '/api/frameworks/published')).json).toHaveLength(1);

    // a platform admin publishes under "locality"
    const nat = await w.call('admin', 'POST', '/api/frameworks/publish', { source: GOOD });
    expect(nat.status, nat.text).toBe(201);
    expect(nat.json.plugin).toBe('locality');
  });

  it('a file with an error → 422 FRAMEWORK_INVALID with Vietnamese diagnostics, line and column; nothing stored', async () => {
    const r = await w.call('provA', 'POST', '/api/frameworks/publish', { source: BROKEN });
    expect(r.status, r.text).toBe(422);
    expect(r.headers.get('content-type')).toMatch(/problem\+json/);
    expect(r.json.code).toBe('FRAMEWORK_INVALID');
    expect(r.json.detail).toMatch(/lỗi/);
    const line = BROKEN_LINE;
    const d = r.json.diagnostics.find((x: { severity: string }) => x.severity === 'error');
    expect(d).toBeDefined();
    expect(d.line).toBe(line);
    expect(d.column).toBeGreaterThan(0);
    expect(await w.db.selectFrom('frameworks').select('id').execute()).toEqual([]);
    expect(await w.db.selectFrom('audit_log').selectAll().where('action', '=', 'framework.publish').execute()).toEqual([]);
  });

  it('a failing worked example → 422 with the example’s diagnostic; nothing stored', async () => {
    const r = await w.call('provA', 'POST', '/api/frameworks/publish', { source: FAILING });
    expect(r.status, r.text).toBe(422);
    expect(r.json.code).toBe('FRAMEWORK_INVALID');
    expect(r.json.detail).toMatch(/ví dụ mẫu không đạt/);
    expect(r.json.examples.some((e: { passed: boolean; name: string }) => !e.passed && e.name === '75 điểm thì đạt')).toBe(true);
    expect(r.json.diagnostics.some((x: { code: string; line: number }) => x.code === 'TC3001' && x.line > 0)).toBe(true);
    expect(await w.db.selectFrom('frameworks').select('id').execute()).toEqual([]);
  });

  it('a citizen → 403, an officer → 403, anonymous → 401, another province’s framework → 403', async () => {
    expect((await w.call('citizen', 'POST', '/api/frameworks/publish', { source: GOOD })).status).toBe(403);
    expect((await w.call('offA1', 'POST', '/api/frameworks/publish', { source: GOOD })).status).toBe(403);
    const anon = await w.call(null, 'POST', '/api/frameworks/publish', { source: GOOD });
    expect(anon.status).toBe(401);
    expect(anon.json.code).toBe('UNAUTHENTICATED');
    const other = await w.call('provA', 'POST', '/api/frameworks/publish', { source: OTHER_PROVINCE });
    expect(other.status).toBe(403);
    expect(other.json.code).toBe('OUT_OF_SCOPE');
    expect((await w.call('citizen', 'GET', '/api/frameworks/published')).status).toBe(403);
    expect((await w.call(null, 'GET', '/api/frameworks/published')).status).toBe(401);
    expect(await w.db.selectFrom('frameworks').select('id').execute()).toEqual([]);
  });

  it('one published version with its source text: in scope 200, another province or a guessed id → 404, anonymous → 401', async () => {
    const first = await w.call('provA', 'POST', '/api/frameworks/publish', { source: GOOD });
    expect(first.status, first.text).toBe(201);
    const one = await w.call('offA1', 'GET', `/api/frameworks/published/${first.json.id}`);
    expect(one.status, one.text).toBe(200);
    expect(one.json).toMatchObject({ id: first.json.id, contentHash: contentHash(GOOD), publishedBy: { name: 'provA' }, source: GOOD });
    expect((await w.call('provB', 'GET', `/api/frameworks/published/${first.json.id}`)).status).toBe(404);
    expect((await w.call('provA', 'GET', '/api/frameworks/published/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await w.call('provA', 'GET', '/api/frameworks/published/not-a-uuid')).status).toBe(404);
    expect((await w.call(null, 'GET', `/api/frameworks/published/${first.json.id}`)).status).toBe(401);
  });
});
