import { describe, expect, it } from 'vitest';
import { createRegistry } from '@hoctap/core';
import { phuTho } from '@hoctap/plugin-phu-tho';
import { createApp } from '../src/index.js';

const app = createApp({ registry: createRegistry([phuTho]), version: '0.1.0' });
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('system routes', () => {
  it('GET /api/health is public and reports the registered frameworks', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', frameworks: 1 });
  });

  it('GET /api/openapi.json documents every route from the zod schemas', async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/frameworks', '/api/frameworks/{plugin}/{id}', '/api/frameworks/check', '/api/evaluate']));
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Subject', 'EvaluateRequest', 'Problem', 'Diagnostic']));
  });

  it('GET /api/reference serves a self-contained page', async () => {
    const res = await app.request('/api/reference');
    const html = await res.text();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toContain('lang="vi"');
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  it('an unknown route is a 404 problem document in Vietnamese, English on request', async () => {
    const vi = await app.request('/api/khong-co');
    expect(vi.status).toBe(404);
    expect(vi.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await vi.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', title: 'Không tìm thấy' });
    const en = await app.request('/api/khong-co', { headers: { 'accept-language': 'en-GB,en;q=0.9,vi;q=0.5' } });
    expect(await en.json()).toMatchObject({ title: 'Not found' });
  });

  it('sets security headers', async () => {
    const res = await app.request('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('frameworks', () => {
  it('lists the registered frameworks', async () => {
    const list = (await (await app.request('/api/frameworks')).json()) as { ref: string; subject: string; status: string }[];
    expect(list).toEqual([expect.objectContaining({ ref: 'phu-tho/cdht-phu-tho-2018', subject: 'citizen', status: 'in-force', effective: { from: '2018-05-01', to: '2018-12-31' } })]);
  });

  it('returns a framework with its model and source', async () => {
    const res = await app.request('/api/frameworks/phu-tho/cdht-phu-tho-2018');
    const body = (await res.json()) as { source: string; model: { criteria: unknown[]; indicators: unknown[]; max: number } };
    expect(body.model.criteria).toHaveLength(10);
    expect(body.model.indicators).toHaveLength(23);
    expect(body.model.max).toBe(100);
    expect(body.source).toContain('bộ tiêu chí cdht-phu-tho-2018');
  });

  it('an unknown framework is a 404 problem with a suggestion', async () => {
    const res = await app.request('/api/frameworks/phu-tho/cdht-phu-tho-2019');
    expect(res.status).toBe(404);
    const body = (await res.json()) as { code: string; detail: string };
    expect(body.code).toBe('FRAMEWORK_NOT_FOUND');
    expect(body.detail).toContain('ý bạn là `phu-tho/cdht-phu-tho-2018`');
  });

  it('checks a draft file: Vietnamese diagnostics with line and column, examples run', async () => {
    const bad = await app.request('/api/frameworks/check', json({ source: 'bộ tiêu chí x "X"\n  đối tượng: công dân\n  tieu chi 1 "A" tổng 5\n    chỉ số 1.1 "a" tối đa 4\n' }));
    const b = (await bad.json()) as { valid: boolean; diagnostics: { code: string; line: number; column: number; message: string }[] };
    expect(b.valid).toBe(false);
    expect(b.diagnostics).toEqual([expect.objectContaining({ code: 'TC2010', line: 3, column: 3 })]);
    expect(b.diagnostics[0]!.message).toContain('cộng lại 4 = 4');
    const en = await app.request('/api/frameworks/check', json({ source: 'bộ tiêu chí x "X"\n  tiêu chí 1 "A"\n    chỉ số 1.1 "a" tối đa\n' }, { 'accept-language': 'en' }));
    const e = (await en.json()) as { diagnostics: { message: string }[] };
    expect(e.diagnostics[0]!.message).toMatch(/^Missing a number after `tối đa`/);
  });

  it('a derived draft resolves its base among the registered frameworks', async () => {
    const res = await app.request('/api/frameworks/check', json({ source: 'bộ tiêu chí y "Y"\n  dựa trên: cdht-phu-tho-2018\n  bỏ qua chỉ số 10.2\n' }));
    const b = (await res.json()) as { diagnostics: { code: string }[] };
    // Dropping 10.2 breaks the stated subtotal 9 and the total 100: the checker says so.
    expect(b.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['TC2010', 'TC2011']));
  });
});

describe('evaluate (what if)', () => {
  const full = { '1.1': 6, '1.2': 6, '1.3': 5, '2.1': 4, '2.2': 4, '3.1': 4, '3.2': 4, '3.3': 4, '4.1': 4, '4.2': 5, '5.1': 5, '5.2': 5, '6.1': 4, '6.2': 5, '7.1': 4, '7.2': 4, '7.3': 4, '8.1': 3, '8.2': 3, '9.1': 4, '9.2': 4, '10.1': 4, '10.2': 5 };

  it('scores subjects and explains, without saving', async () => {
    const res = await app.request('/api/evaluate', json({ framework: 'phu-tho/cdht-phu-tho-2018', explain: true, subjects: [{ id: 'a', scores: full }, { id: 'b', scores: { ...full, '1.1': 0, '1.2': 0, '1.3': 0, '2.1': 0, '2.2': 0, '3.1': 3 } }] }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { id: string; total: number; titles: string[]; explanationText: string }[] };
    expect(body.results[0]).toMatchObject({ id: 'a', total: 100, titles: ['Công dân học tập'] });
    expect(body.results[1]).toMatchObject({ id: 'b', total: 74, titles: [] });
    expect(body.results[1]!.explanationText).toContain('tổng điểm 74 < 75 (thiếu 1 điểm)');
  });

  it('a score above the maximum is an error for that subject only', async () => {
    const res = await app.request('/api/evaluate', json({ framework: 'phu-tho/cdht-phu-tho-2018', subjects: [{ id: 'a', scores: { '1.1': 7 } }, { id: 'b', scores: full }] }));
    const body = (await res.json()) as { results: { id: string; errors?: { code: string; message: string }[]; total?: number }[] };
    expect(body.results[0]!.errors![0]).toMatchObject({ code: 'E_ABOVE_MAX', message: 'Điểm chỉ số 1.1 = 7 vượt tối đa 6' });
    expect(body.results[1]!.total).toBe(100);
  });

  it('bad input is a 400 problem naming the field, never a 500', async () => {
    const res = await app.request('/api/evaluate', json({ framework: 'phu-tho/cdht-phu-tho-2018', subjects: [{ id: 'a', scores: { '1.1': 'sáu' } }] }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; detail: string };
    expect(body.code).toBe('VALIDATION');
    expect(body.detail).toContain('subjects.0.scores.1.1');
    const broken = await app.request('/api/evaluate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"framework": ' });
    expect(broken.status).toBe(400);
  });

  it('Vietnamese input is NFC-normalised on the way in', async () => {
    const decomposed = 'Nguyễn Thị Hà'.normalize('NFD');
    const res = await app.request('/api/evaluate', json({ framework: 'phu-tho/cdht-phu-tho-2018', subjects: [{ id: decomposed, scores: full }] }));
    const body = (await res.json()) as { results: { id: string }[] };
    expect(body.results[0]!.id).toBe('Nguyễn Thị Hà'.normalize('NFC'));
  });
});

describe('validation messages', () => {
  it('are Vietnamese by default and English on request', async () => {
    const body = JSON.stringify({ framework: 'phu-tho/cdht-phu-tho-2018', subjects: [] });
    const vi = (await (await app.request('/api/evaluate', { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json()) as { detail: string };
    expect(vi.detail).toMatch(/`subjects`: .*(nhỏ|ít)/i);
    const en = (await (await app.request('/api/evaluate', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, body })).json()) as { detail: string };
    expect(en.detail).toMatch(/`subjects`: Too small/);
  });
});
