/**
 * Evidence files (issues 4, 5) through `app.request()` with real multipart bodies, over both
 * dialects: a real small PDF and PNG made here, type detected from the bytes (a text file named
 * .pdf is refused), the 10 MB limit, the framework's indicators, the workflow window, downloads
 * with an RFC 5987 Vietnamese name, removal before submission, and other tenants kept out.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sanitiseFileName, sniffEvidenceType } from '@hoctap/db';
import { buildImportTemplateXlsx } from '@hoctap/documents';
import { smallPdf, smallPng } from './files.js';
import { dialects } from './harness.js';
import { A1, createWorld, SCORES_75, type World, type Who } from './world.js';

const FW = 'phu-tho/cdht-phu-tho-2018';
const MB10 = 10 * 1024 * 1024;

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function form(bytes: Uint8Array, name: string, indicator = '1.1', type = 'application/pdf'): FormData {
  const f = new FormData();
  f.set('file', new File([new Uint8Array(bytes)], name, { type }));
  f.set('indicator', indicator);
  return f;
}

describe('evidence helpers', () => {
  it('detects types from the bytes and sanitises names', () => {
    expect(sniffEvidenceType(smallPdf())).toBe('application/pdf');
    expect(sniffEvidenceType(smallPng())).toBe('image/png');
    expect(sniffEvidenceType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffEvidenceType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(sniffEvidenceType(Buffer.from('Đây là văn bản, không phải PDF', 'utf8'))).toBeUndefined();
    expect(sniffEvidenceType(Buffer.from('<html><script>alert(1)</script>'))).toBeUndefined();
    expect(sanitiseFileName('..\\C:/Users/Ha/Giấy khen<1>.pdf', 'application/pdf')).toBe('Giấy khen_1_.pdf');
    expect(sanitiseFileName('Gia\u0301y khen'.normalize('NFD'), 'image/png')).toBe('Giáy khen.png');
    expect(sanitiseFileName('...', 'application/pdf')).toBe('minh-chung.pdf');
    expect(sanitiseFileName(`${'a'.repeat(300)}.pdf`, 'application/pdf')).toHaveLength(255);
  });

  it('recognises a real Excel workbook (an Office Open XML ZIP) and refuses another ZIP', async () => {
    const xlsx = await buildImportTemplateXlsx('people');
    expect(sniffEvidenceType(xlsx)).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(sanitiseFileName('mẫu nhập', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('mẫu nhập.xlsx');
    expect(sniffEvidenceType(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('ghi-chu.txt')]))).toBeUndefined();
  });
});

describe.each(dialects)('evidence files on %s', (dialect) => {
  let w: World;
  let registration: string;
  let campaign: string;
  beforeAll(async () => {
    w = await createWorld(dialect);
  }, 120_000);
  afterAll(async () => {
    await w?.dispose();
  });
  beforeEach(async () => {
    await w.reset();
    const ok = async (who: Who, method: string, path: string, body?: unknown) => {
      const r = await w.call(who, method, path, body);
      if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
      return r.json;
    };
    const person = await ok('offA1', 'POST', '/api/people', { commune: A1, fullName: 'Nguyễn Thị Minh Chứng' });
    campaign = (await ok('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2018, commune: A1 })).id;
    registration = (await ok('offA1', 'POST', `/api/campaigns/${campaign}/registrations`, { personId: person.id })).id;
    await w.travel('2018-10-01T03:00:00Z');
  }, 60_000);

  const upload = (who: Who | null, reg: string, f: FormData, headers: Record<string, string> = {}) => w.call(who, 'POST', `/api/registrations/${reg}/evidence`, f, headers);

  it('stores a real PDF and PNG with detected types, NFC names and hashes; lists, downloads (reviewers too) with an RFC 5987 name; audited', async () => {
    const pdf = smallPdf();
    const nfdName = 'Giấy khen Nguyễn Văn Ất.pdf'.normalize('NFD');
    const up = await upload('offA1', registration, form(pdf, nfdName));
    expect(up.status, up.text).toBe(201);
    expect(up.json).toMatchObject({ registrationId: registration, indicator: '1.1', name: 'Giấy khen Nguyễn Văn Ất.pdf', mediaType: 'application/pdf', size: pdf.length, sha256: sha(pdf) });
    expect(up.json.name).toBe(up.json.name.normalize('NFC'));
    expect(up.json.url).toBe(`/api/evidence/${up.json.id}`);
    // The browser's claimed type is ignored: a PNG sent as application/pdf is stored as image/png, with its extension.
    const png = smallPng();
    const up2 = await upload('offA1', registration, form(png, 'ảnh chụp', '2.1', 'application/pdf'));
    expect(up2.status, up2.text).toBe(201);
    expect(up2.json).toMatchObject({ mediaType: 'image/png', name: 'ảnh chụp.png', indicator: '2.1', sha256: sha(png) });

    const reg = await w.call('offA1', 'GET', `/api/registrations/${registration}`);
    expect(reg.json.evidence.map((e: { id: string }) => e.id).sort()).toEqual([up.json.id, up2.json.id].sort());

    for (const who of ['offA1', 'comA1', 'provA'] as const) {
      const app = w.app;
      const s = w.sessions[who];
      const res = await app.request(`/api/evidence/${up.json.id}`, { headers: { cookie: s.cookie } });
      expect(res.status, who).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="giay-khen-nguyen-van-at.pdf"; filename*=UTF-8''${encodeURIComponent('Giấy khen Nguyễn Văn Ất.pdf')}`,
      );
      expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    }
    const pngRes = await w.app.request(`/api/evidence/${up2.json.id}`, { headers: { cookie: w.sessions.comA1.cookie } });
    expect(pngRes.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await pngRes.arrayBuffer()).equals(png)).toBe(true);

    const entries = await w.db.selectFrom('audit_log').select(['action', 'payload', 'actor_id']).where('action', '=', 'evidence.upload').orderBy('seq').execute();
    expect(entries.map((e) => [e.payload['evidence'], e.payload['sha256'], e.actor_id])).toEqual([
      [up.json.id, sha(pdf), w.ids.offA1],
      [up2.json.id, sha(png), w.ids.offA1],
    ]);
    expect(JSON.stringify(entries)).not.toContain('Nguy'); // no file name (it may name a person) in the log
    // Every download is audited too: who opened which file.
    const downloads = await w.db.selectFrom('audit_log').select(['subject_id', 'actor_id']).where('action', '=', 'evidence.download').orderBy('seq').execute();
    expect(downloads.map((e) => [e.subject_id, e.actor_id])).toEqual([
      [up.json.id, w.ids.offA1],
      [up.json.id, w.ids.comA1],
      [up.json.id, w.ids.provA],
      [up2.json.id, w.ids.comA1],
    ]);
  });

  it('refuses a text file named .pdf (415), 10 MB + 1 (413), an unknown indicator (422), a non-multipart body (415) — nothing stored', async () => {
    const fake = await upload('offA1', registration, form(Buffer.from('Đây chỉ là chữ, không phải PDF', 'utf8'), 'giả.pdf'));
    expect([fake.status, fake.json.code]).toEqual([415, 'EVIDENCE_TYPE']);
    expect(fake.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(fake.json.detail).toContain('không phải PDF');
    const big = Buffer.alloc(MB10 + 1, 0x20);
    big.write('%PDF-1.4\n');
    const tooBig = await upload('offA1', registration, form(big, 'lớn.pdf'));
    expect([tooBig.status, tooBig.json.code]).toEqual([413, 'EVIDENCE_TOO_LARGE']);
    expect(tooBig.json.detail).toBe('Tệp minh chứng quá lớn: tối đa 10 MB mỗi tệp');
    const en = await upload('offA1', registration, form(big, 'big.pdf'), { 'accept-language': 'en' });
    expect(en.json.detail).toContain('10 MB per file');
    const unknown = await upload('offA1', registration, form(smallPdf(), 'a.pdf', '99.9'));
    expect([unknown.status, unknown.json.code]).toEqual([422, 'UNKNOWN_INDICATOR']);
    const json = await w.call('offA1', 'POST', `/api/registrations/${registration}/evidence`, { file: 'x', indicator: '1.1' });
    expect([json.status, json.json.code]).toEqual([415, 'MULTIPART_REQUIRED']);
    const noFile = new FormData();
    noFile.set('indicator', '1.1');
    expect((await upload('offA1', registration, noFile)).status).toBe(400);
    expect(await w.db.selectFrom('evidence_files').select('id').execute()).toEqual([]);
  });

  it('the self-assessment references uploaded files by id; the stored assessment keeps ids and hashes', async () => {
    const pdf = smallPdf('Evidence 1.1');
    const up = await upload('offA1', registration, form(pdf, 'giấy chứng nhận.pdf'));
    expect(up.status, up.text).toBe(201);
    const sa = await w.call('offA1', 'POST', `/api/registrations/${registration}/self-assessment`, { scores: SCORES_75, evidence: [up.json.id] });
    expect(sa.status, sa.text).toBe(200);
    expect(sa.json.assessment.evidence).toEqual([{ id: up.json.id, indicator: '1.1', name: 'giấy chứng nhận.pdf', mediaType: 'application/pdf', size: pdf.length, sha256: sha(pdf) }]);
    const stored = await w.db.selectFrom('assessments').select('evidence').where('registration_id', '=', registration).executeTakeFirstOrThrow();
    expect(stored.evidence).toEqual([{ id: up.json.id, indicator: '1.1', name: 'giấy chứng nhận.pdf', mediaType: 'application/pdf', size: pdf.length, sha256: sha(pdf) }]);
    const unknown = await w.call('offA1', 'POST', `/api/registrations/${registration}/self-assessment`, { scores: SCORES_75, evidence: ['00000000-0000-4000-8000-000000000000'] });
    expect([unknown.status, unknown.json.code]).toEqual([422, 'EVIDENCE_NOT_FOUND']);
    // The old metadata-only shape is no longer accepted.
    const old = await w.call('offA1', 'POST', `/api/registrations/${registration}/self-assessment`, {
      scores: SCORES_75,
      evidence: [{ indicator: '1.1', name: 'a.pdf', mediaType: 'application/pdf', size: 1, sha256: 'a'.repeat(64) }],
    });
    expect(old.status).toBe(400);
    // The committee's review, naming no files, rests on every file of the registration.
    expect((await w.call('offA1', 'POST', `/api/registrations/${registration}/submit`)).status).toBe(200);
    const rv = await w.call('comA1', 'POST', `/api/registrations/${registration}/review`, { scores: SCORES_75 });
    expect(rv.status, rv.text).toBe(200);
    expect(rv.json.assessment.evidence.map((e: { sha256: string }) => e.sha256)).toEqual([sha(pdf)]);
  });

  it('removal before submission only; after submission no upload or removal (409)', async () => {
    const a = await upload('offA1', registration, form(smallPdf('a'), 'a.pdf'));
    const b = await upload('offA1', registration, form(smallPng(), 'b.png', '1.2'));
    const del = await w.call('offA1', 'DELETE', `/api/evidence/${a.json.id}`);
    expect(del.status, del.text).toBe(204);
    expect((await w.call('offA1', 'GET', `/api/evidence/${a.json.id}`)).status).toBe(404);
    expect((await w.call('offA1', 'GET', `/api/registrations/${registration}`)).json.evidence.map((e: { id: string }) => e.id)).toEqual([b.json.id]);
    expect((await w.db.selectFrom('audit_log').select('action').where('action', '=', 'evidence.delete').execute()).length).toBe(1);
    expect((await w.call('offA1', 'POST', `/api/registrations/${registration}/self-assessment`, { scores: SCORES_75 })).status).toBe(200);
    expect((await w.call('offA1', 'POST', `/api/registrations/${registration}/submit`)).status).toBe(200);
    const late = await upload('offA1', registration, form(smallPdf(), 'c.pdf'));
    expect([late.status, late.json.code]).toEqual([409, 'EVIDENCE_CLOSED']);
    const lateDel = await w.call('offA1', 'DELETE', `/api/evidence/${b.json.id}`);
    expect([lateDel.status, lateDel.json.code]).toEqual([409, 'EVIDENCE_CLOSED']);
    // Returned for more evidence: files may change again.
    expect((await w.call('comA1', 'POST', `/api/registrations/${registration}/return`, { reason: 'Thiếu minh chứng' })).status).toBe(200);
    expect((await upload('offA1', registration, form(smallPdf(), 'c.pdf'))).status).toBe(201);
  });

  it('a file added or removed after the self-assessment: submission waits for the self-assessment to be saved again (409)', async () => {
    const a = await upload('offA1', registration, form(smallPdf('a'), 'a.pdf'));
    expect((await w.call('offA1', 'POST', `/api/registrations/${registration}/self-assessment`, { scores: SCORES_75 })).status).toBe(200);
    const b = await upload('offA1', registration, form(smallPng(), 'b.png', '1.2'));
    const added = await w.call('offA1', 'POST', `/api/registrations/${registration}/submit`);
    expect([added.status, added.json.code]).toEqual([409, 'EVIDENCE_CHANGED']);
    expect((await w.call('offA1', 'POST', `/api/registrations/${registration}/self-assessment`, { scores: SCORES_75, evidence: [a.json.id, b.json.id] })).status).toBe(200);
    expect((await w.call('offA1', 'DELETE', `/api/evidence/${a.json.id}`)).status).toBe(204);
    const removed = await w.call('offA1', 'POST', `/api/registrations/${registration}/submit`);
    expect([removed.status, removed.json.code]).toEqual([409, 'EVIDENCE_CHANGED']);
    expect((await w.call('offA1', 'POST', `/api/registrations/${registration}/self-assessment`, { scores: SCORES_75 })).status).toBe(200);
    const ok = await w.call('offA1', 'POST', `/api/registrations/${registration}/submit`);
    expect(ok.status, ok.text).toBe(200);
  });

  it('other tenants, lower roles, anonymous callers and missing CSRF tokens get nothing', async () => {
    const up = await upload('offA1', registration, form(smallPdf(), 'bí mật.pdf'));
    expect(up.status).toBe(201);
    for (const who of ['offA2', 'comA2', 'provB', 'offB1'] as const) {
      const u = await upload(who, registration, form(smallPdf(), 'x.pdf'));
      expect([403, 404], `${who} upload`).toContain(u.status);
      const g = await w.call(who, 'GET', `/api/evidence/${up.json.id}`);
      expect([403, 404], `${who} download`).toContain(g.status);
      expect(g.text).not.toContain('%PDF');
      expect(g.text).not.toContain('bí mật');
      const d = await w.call(who, 'DELETE', `/api/evidence/${up.json.id}`);
      expect([403, 404], `${who} delete`).toContain(d.status);
    }
    expect((await upload('comA1', registration, form(smallPdf(), 'x.pdf'))).status).toBe(403);
    expect((await w.call('comA1', 'DELETE', `/api/evidence/${up.json.id}`)).status).toBe(403);
    expect((await w.call('citizen', 'GET', `/api/evidence/${up.json.id}`)).status).toBe(403);
    expect((await upload(null, registration, form(smallPdf(), 'x.pdf'))).status).toBe(401);
    expect((await w.call(null, 'GET', `/api/evidence/${up.json.id}`)).status).toBe(401);
    const noCsrf = await w.app.request(`/api/registrations/${registration}/evidence`, { method: 'POST', headers: { cookie: w.sessions.offA1.cookie }, body: form(smallPdf(), 'x.pdf') });
    expect(noCsrf.status).toBe(403);
    expect((await w.call('offA1', 'GET', `/api/evidence/not-a-uuid`)).status).toBe(404);
    const rows = await w.db.selectFrom('evidence_files').select(['id', 'file_name']).execute();
    expect(rows).toEqual([{ id: up.json.id, file_name: 'bí mật.pdf' }]);
  });
});
