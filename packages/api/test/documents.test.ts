/**
 * Issue 6 over both dialects: a decision issues credentials in its transaction; the certificate PDF
 * carries the name with its diacritics and the verification URL in its QR code; verification is
 * public (valid → revoked, tampered → forged), the public page shows the state; another province's
 * admin cannot revoke; the yearly report workbook has real formulas; score sheets and templates.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './harness.js';
import { A1, createWorld, SCORES_74, SCORES_75, type World, type Who } from './world.js';

const FW = 'phu-tho/cdht-phu-tho-2018';
const NAME = 'Huỳnh Ngọc Ước';
const CITIZEN_ID = '025303001234';
const has = (cmd: string) => {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoctap-api-pdf-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function qrCodes(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'hoctap-api-qr-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-png', join(dir, 'a.pdf'), join(dir, 'p')]);
    const out: string[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.png')).sort()) {
      const text = execFileSync('zbarimg', ['--quiet', '--raw', join(dir, f)], { encoding: 'utf8' });
      out.push(...text.trim().split('\n').filter(Boolean));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(dialects)('documents and credentials on %s', (dialect) => {
  let w: World;
  const s: { campaign: string; pass: string; fail: string; decision: string; credential: string; verifyUrl: string } = {} as never;

  const bytes = async (who: Who | null, path: string) => {
    const res = await w.app.request(path, { headers: who ? { cookie: w.sessions[who].cookie } : {} });
    return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', body: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    w = await createWorld(dialect);
    await w.reset();
    const person = await w.call('offA1', 'POST', '/api/people', { commune: A1, fullName: NAME, birthDate: '2003-04-05', sex: 'female', citizenId: CITIZEN_ID, village: 'Thôn Đồng Xuân' });
    expect(person.status, person.text).toBe(201);
    const other = await w.call('offA1', 'POST', '/api/people', { commune: A1, fullName: 'Trần Văn Bình' });
    const cp = await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2018, commune: A1 });
    s.campaign = cp.json.id;
    s.pass = (await w.call('offA1', 'POST', `/api/campaigns/${s.campaign}/registrations`, { personId: person.json.id })).json.id;
    s.fail = (await w.call('offA1', 'POST', `/api/campaigns/${s.campaign}/registrations`, { personId: other.json.id })).json.id;
    await w.travel('2018-10-01T03:00:00Z');
    for (const [id, scores] of [[s.pass, SCORES_75], [s.fail, SCORES_74]] as const) {
      expect((await w.call('offA1', 'POST', `/api/registrations/${id}/self-assessment`, { scores })).status).toBe(200);
      expect((await w.call('offA1', 'POST', `/api/registrations/${id}/submit`)).status).toBe(200);
      expect((await w.call('comA1', 'POST', `/api/registrations/${id}/review`, { scores })).status).toBe(200);
    }
    expect((await w.call('offA1', 'POST', `/api/campaigns/${s.campaign}/proposals`, { registrationIds: [s.pass, s.fail] })).status).toBe(200);
    await w.travel('2018-12-02T03:00:00Z');
    const d = await w.call('provA', 'POST', '/api/decisions', { campaignId: s.campaign, number: '12/QĐ-UBND', decidedOn: '2018-12-01', signer: 'Chủ tịch UBND xã', recognised: [s.pass], notRecognised: [s.fail] });
    expect(d.status, d.text).toBe(201);
    s.decision = d.json.decision.id;
    expect(d.json.credentials).toHaveLength(1);
    s.credential = d.json.credentials[0].id;
    s.verifyUrl = d.json.credentials[0].verifyUrl;
  }, 180_000);
  afterAll(async () => {
    await w?.dispose();
  });

  it('a decision issues one signed credential per recognised subject, in its transaction; no identity number or name in clear', async () => {
    const rows = await w.db.selectFrom('credentials').selectAll().execute();
    expect(rows.map((r) => [r.registration_id, r.decision_id, r.status_index])).toEqual([[s.pass, s.decision, 0]]);
    const key = await w.db.selectFrom('issuer_keys').selectAll().execute();
    expect(key).toHaveLength(1);
    expect(key[0]!.private_key_enc).toMatch(/^v1\./);
    const cred = (await w.call(null, 'GET', `/api/credentials/urn:uuid:${s.credential}`)).json;
    expect(cred.id).toBe(`urn:uuid:${s.credential}`);
    expect(cred.issuer.id).toBe(key[0]!.did);
    const text = JSON.stringify(cred);
    expect(text).not.toContain(CITIZEN_ID);
    expect(text).not.toContain(NAME);
    expect(text).not.toContain('Ước');
    expect(cred.credentialSubject.identifier[0]).toMatchObject({ identityType: 'name', hashed: true });
    expect(cred.evidence[0].name).toBe('Quyết định số 12/QĐ-UBND');
    const audit = await w.db.selectFrom('audit_log').select(['action', 'payload']).where('action', '=', 'decision.create').execute();
    expect((audit[0]!.payload as { credentials: string[] }).credentials).toEqual([s.credential]);
    expect(s.verifyUrl).toBe(`http://localhost:3000/verify/${s.credential}`);
  });

  it('the decision PDF has the annex with the name; the certificate PDF has the name with all diacritics and the verify URL in its QR code', async () => {
    const dec = await bytes('offA1', `/api/decisions/${s.decision}/pdf`);
    expect(dec.status).toBe(200);
    expect(dec.type).toBe('application/pdf');
    expect(dec.disposition).toMatch(/^attachment; filename="quyet-dinh-12-qd-ubnd\.pdf"$/);
    const dt = pdfText(dec.body);
    expect(dt).toContain('QUYẾT ĐỊNH');
    expect(dt).toContain('Số: 12/QĐ-UBND');
    expect(dt).toContain(NAME);
    expect(dt).not.toContain('Trần Văn Bình');

    const one = await bytes('offA1', `/api/registrations/${s.pass}/certificate.pdf`);
    expect(one.status).toBe(200);
    const all = await bytes('offA1', `/api/decisions/${s.decision}/certificates.pdf`);
    expect(all.status).toBe(200);
    for (const pdf of [one.body, all.body]) {
      const t = pdfText(pdf);
      expect(t).toContain(NAME);
      expect(t).toContain('GIẤY CÔNG NHẬN');
      expect(t).toContain(s.verifyUrl);
      expect(t).not.toContain(CITIZEN_ID);
    }
    if (has('zbarimg')) expect(qrCodes(one.body)).toEqual([s.verifyUrl]);
    // another province cannot fetch it
    expect((await bytes('provB', `/api/registrations/${s.pass}/certificate.pdf`)).status).toBe(404);
    expect((await bytes(null, `/api/decisions/${s.decision}/pdf`)).status).toBe(401);
  });

  it('verification is public: valid → revoked after a province admin revokes; another province’s admin gets 404; tampering → forged; the page follows', async () => {
    const cred = (await w.call(null, 'GET', `/api/credentials/${s.credential}`)).json;
    const v1 = await w.call(null, 'POST', '/api/credentials/verify', cred);
    expect(v1.status, v1.text).toBe(200);
    expect(v1.json).toMatchObject({ status: 'valid', statusChecked: true });
    const page1 = await w.call(null, 'GET', `/verify/${s.credential}`);
    expect(page1.status).toBe(200);
    expect(page1.headers.get('content-type')).toMatch(/text\/html/);
    expect(page1.text).toContain('<html lang="vi">');
    expect(page1.text).toContain('Hợp lệ');
    expect(page1.text).toContain(NAME);
    expect(page1.text).toContain('Thôn Đồng Xuân');
    expect(page1.text).toContain('12/QĐ-UBND');
    expect(page1.text).toContain('01/12/2018');
    expect(page1.text).toContain('Công dân học tập');
    expect(page1.text).not.toContain(CITIZEN_ID);
    expect(page1.text).not.toMatch(/<script/i);

    const forged = await w.call(null, 'POST', '/api/credentials/verify', { ...cred, validFrom: '2017-01-01T00:00:00+07:00' });
    expect(forged.json.status).toBe('forged');
    const other = await w.call(null, 'POST', '/api/credentials/verify', { ...cred, credentialSubject: { ...cred.credentialSubject, identifier: [cred.credentialSubject.identifier[1]] } });
    expect(other.json.status).toBe('forged');

    // RLS and the handler hide another province's credential: 404, nothing changes
    const outsider = await w.call('provB', 'POST', `/api/credentials/${s.credential}/revoke`);
    expect([outsider.status, outsider.json.code]).toEqual([404, 'CREDENTIAL_NOT_FOUND']);
    expect((await w.call('offA1', 'POST', `/api/credentials/${s.credential}/revoke`)).status).toBe(403);
    expect((await w.call(null, 'POST', `/api/credentials/${s.credential}/revoke`)).status).toBe(401);
    expect((await w.call(null, 'POST', '/api/credentials/verify', cred)).json.status).toBe('valid');

    const before = (await w.call(null, 'GET', '/api/status-lists/25')).json;
    const rv = await w.call('provA', 'POST', `/api/credentials/${s.credential}/revoke`);
    expect(rv.status, rv.text).toBe(200);
    expect(rv.json.statusListVersion).toBe(2);
    const after = (await w.call(null, 'GET', '/api/status-lists/25')).json;
    expect(after.credentialSubject.encodedList).not.toBe(before.credentialSubject.encodedList);
    expect((await w.call(null, 'POST', '/api/credentials/verify', cred)).json.status).toBe('revoked');
    expect((await w.call('provA', 'POST', `/api/credentials/${s.credential}/revoke`)).json.code).toBe('ALREADY_REVOKED');
    const page2 = await w.call(null, 'GET', `/verify/urn:uuid:${s.credential}`);
    expect(page2.text).toContain('Đã thu hồi');
    const page3 = await w.call(null, 'GET', '/verify/00000000-0000-4000-8000-000000000000');
    expect(page3.status).toBe(404);
    expect(page3.text).toContain('Không hợp lệ');
    expect((await bytes('offA1', `/api/registrations/${s.pass}/certificate.pdf`)).status).toBe(409);
    const audit = await w.db.selectFrom('audit_log').select(['action', 'province_code']).where('action', '=', 'credential.revoke').execute();
    expect(audit).toEqual([{ action: 'credential.revoke', province_code: '25' }]);
  });

  it('the verifier scope reads no tenant data and cannot write', async () => {
    const { withVerifierScope } = await import('@hoctap/db');
    expect(await withVerifierScope(w.db, (trx) => trx.selectFrom('credentials').select('id').execute())).toHaveLength(1);
    await expect(withVerifierScope(w.db, (trx) => trx.selectFrom('people').select('id').execute())).rejects.toThrow();
    await expect(withVerifierScope(w.db, (trx) => trx.selectFrom('issuer_keys').select('private_key_enc').execute())).rejects.toThrow();
    await expect(withVerifierScope(w.db, (trx) => trx.updateTable('credentials').set({ revoked_at: null }).execute())).rejects.toThrow();
  });

  it('the yearly report xlsx has real formulas and the JSON report’s figures; the PDF too', async () => {
    const json = (await w.call('comA1', 'GET', `/api/reports/campaigns/${s.campaign}`)).json;
    const x = await bytes('comA1', `/api/reports/campaigns/${s.campaign}.xlsx`);
    expect(x.status).toBe(200);
    expect(x.type).toMatch(/spreadsheetml/);
    const wb = XLSX.read(x.body, { type: 'buffer', cellFormula: true });
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    expect(ws['H6']?.f).toBe('IF(G6>0,F6/G6,0)');
    expect(ws['E6']?.v).toBe(2);
    expect(ws['F6']?.v).toBe(json.recognised);
    const formulas = Object.values(ws).filter((c) => typeof c === 'object' && c && 'f' in c).map((c) => (c as { f: string }).f);
    expect(formulas).toEqual(expect.arrayContaining(['SUM(E6:E6)', 'SUM(F6:F6)']));
    const pdf = await bytes('comA1', `/api/reports/campaigns/${s.campaign}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdfText(pdf.body)).toContain('Công dân học tập');
    expect((await bytes('comA1', `/api/reports/campaigns/${s.campaign}`)).type).toMatch(/json/);
    expect((await bytes('provB', `/api/reports/campaigns/${s.campaign}.xlsx`)).status).toBe(404);
  });

  it('score sheet (public) has the indicator texts; forms; templates are staff only', async () => {
    const sheet = await bytes(null, `/api/frameworks/${FW}/score-sheet.pdf`);
    expect(sheet.status).toBe(200);
    const text = pdfText(sheet.body).replace(/\s+/g, ' ');
    const { registry } = await import('./world.js');
    const model = registry.get(FW).model;
    for (const i of model.indicators.slice(0, 5)) expect(text).toContain(i.text.normalize('NFC').slice(0, 25));
    expect(text).toContain('PHIẾU TỰ CHẤM ĐIỂM');
    const form = await bytes(null, `/api/frameworks/${FW}/forms/dang-ky-tap-the.pdf`);
    expect(form.status).toBe(200);
    expect(pdfText(form.body)).toContain('Họ và tên');
    expect((await bytes(null, `/api/frameworks/${FW}/forms/khong-co.pdf`)).status).toBe(404);
    expect((await bytes(null, '/api/templates/people.xlsx')).status).toBe(401);
    expect((await bytes('citizen', '/api/templates/people.xlsx')).status).toBe(403);
    const people = await bytes('offA1', '/api/templates/people.xlsx');
    expect(people.status).toBe(200);
    expect(XLSX.read(people.body, { type: 'buffer' }).SheetNames.length).toBeGreaterThan(1);
    expect((await bytes('offA1', '/api/templates/scores.xlsx')).status).toBe(400);
    const scores = await bytes('offA1', `/api/templates/scores.xlsx?framework=${FW}`);
    expect(scores.status).toBe(200);
    expect((await bytes('offA1', '/api/templates/khac.xlsx')).status).toBe(404);
  });

  it('the OpenAPI document lists the new routes', async () => {
    const doc = (await w.call(null, 'GET', '/api/openapi.json')).json;
    for (const p of ['/api/decisions/{id}/pdf', '/api/decisions/{id}/certificates.pdf', '/api/registrations/{id}/certificate.pdf', '/api/frameworks/{plugin}/{id}/score-sheet.pdf', '/api/frameworks/{plugin}/{id}/forms/{formId}.pdf', '/api/templates/{kind}.xlsx', '/api/reports/campaigns/{id}.xlsx', '/api/reports/campaigns/{id}.pdf', '/api/credentials/{id}', '/api/credentials/verify', '/api/credentials/{id}/revoke', '/api/status-lists/{province}', '/verify/{id}'])
      expect(Object.keys(doc.paths)).toContain(p);
  });
});


