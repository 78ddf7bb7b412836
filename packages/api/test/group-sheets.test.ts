/**
 * Clans, communities and units in bulk over `app.request()` on both dialects: the platform's group
 * templates (two worksheets) filled and sent back, CSV files as a multipart form (groups, members),
 * every bad row with its sheet, row and column in Vietnamese, the good groups kept, a refused group
 * left out whole, again without duplicates; a citizens' campaign and a wrong body refused.
 */
import { createRegistry, definePlugin, type Plugin } from '@hoctap/core';
import { createUser, truncateAllTables } from '@hoctap/db';
import { national } from '@hoctap/plugin-national';
import { tanBien } from '@hoctap/plugin-tan-bien';
import { yenBai } from '@hoctap/plugin-yen-bai';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, hashPassword } from '../src/index.js';
import { dialects, openTestDatabase, TEST_DATA_KEY, type TestDatabase } from './harness.js';

const Y = '15';
const Y1 = '04501';
const T = '80';
const T1 = '25900';
const PASSWORD = 'một câu mật khẩu đủ dài';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A plugin's frameworks without their calendars, so that every step can be taken on one day. */
function withoutCalendar(p: Plugin, id: string): Plugin {
  const strip = (src: string) => src.replace(/\n {2}lịch\n(?: {4}.*\n)+/g, '\n');
  return definePlugin({ id, version: '0.1.0', name: p.name, localities: [...p.localities], frameworks: p.frameworks.map((f) => ({ file: f.file, source: strip(f.source) })) });
}
const registry = createRegistry([national, withoutCalendar(yenBai, 'yen-bai-tn'), withoutCalendar(tanBien, 'tan-bien-tn')]);

const USERS = {
  offY1: { roles: ['commune-officer'], localities: [Y, Y1] },
  offT1: { roles: ['commune-officer'], localities: [T, T1] },
} as const;
type Who = keyof typeof USERS;

describe.each(dialects)('groups registered in bulk on %s', (dialect) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const clock = { now: new Date('2023-06-01T03:00:00Z') };
  const sessions = {} as Record<Who, { cookie: string; csrf: string }>;
  let passwordHash: string;

  async function call(who: Who, method: string, path: string, body?: BodyInit | object, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { cookie: sessions[who].cookie, ...headers };
    if (method !== 'GET') h['x-csrf-token'] = sessions[who].csrf;
    const isJson = body !== undefined && !(body instanceof FormData) && !(body instanceof Uint8Array) && typeof body !== 'string';
    if (isJson) h['content-type'] = 'application/json';
    const res = await app.request(path, { method, headers: h, ...(body !== undefined ? { body: isJson ? JSON.stringify(body) : (body as BodyInit) } : {}) });
    const buf = Buffer.from(await res.arrayBuffer());
    let json: any;
    try {
      json = JSON.parse(buf.toString('utf8'));
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text: buf.toString('utf8'), buf };
  }

  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    app = createApp({ registry, db: t.handle, dataKey: TEST_DATA_KEY, now: () => clock.now, secureCookies: false, sessionCacheMs: 600_000, logError: (e) => console.error('SERVER ERROR', e) });
    passwordHash = await hashPassword(PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });
  beforeEach(async () => {
    await truncateAllTables(t.handle.db);
    for (const [who, u] of Object.entries(USERS) as [Who, (typeof USERS)[Who]][]) {
      await createUser(t.handle.db, { email: `${who}@hoctap.test`, displayName: who, passwordHash, roles: u.roles, localities: u.localities });
      const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `${who}@hoctap.test`, password: PASSWORD }) });
      expect(res.status).toBe(200);
      const b = (await res.json()) as { csrfToken: string };
      sessions[who] = { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: b.csrfToken };
    }
  }, 60_000);

  const campaign = async (who: Who, framework: string, year: number, commune: string) => {
    const r = await call(who, 'POST', '/api/campaigns', { framework, year, commune, confirm: true });
    expect(r.status, r.text).toBe(201);
    return r.json.id as string;
  };

  it('the units template has a data sheet and a members sheet; filled, it registers a unit of 50 and reports the bad rows by sheet, row and column', async () => {
    const tpl = await call('offT1', 'GET', '/api/templates/units.xlsx');
    expect(tpl.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Dữ liệu', 'Thành viên', 'Danh mục']);
    const data = wb.getWorksheet('Dữ liệu')!;
    const members = wb.getWorksheet('Thành viên')!;
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(['Mã nhóm *', 'Tên *', 'Loại', 'Mã xã', 'Thủ trưởng đơn vị', 'Thành viên', 'Đăng ký danh hiệu']);
    expect((members.getRow(1).values as unknown[]).slice(1)).toEqual(['Mã nhóm *', 'Họ và tên', 'Ngày sinh', 'Số định danh', 'Giới tính', 'Thôn, tổ dân phố', 'Vai trò']);
    data.getRow(2).values = ['DV01', 'Trường Tiểu học Thị trấn Tân Biên', 'trường học', '', '', '', 'Có'];
    data.getRow(3).values = ['DV02', 'Phòng Tài chính', 'cơ quan', '', '', '', 'Có'];
    data.getRow(4).values = ['DV03', '', 'cơ quan', '', '', '', 'Có'];
    for (let i = 0; i < 50; i++) members.getRow(2 + i).values = ['DV01', `Giáo viên ${i + 1}`, new Date(Date.UTC(1980, 0, 1 + i)), '', i % 2 ? 'nữ' : 'nam', '', i === 0 ? 'đại diện' : ''];
    members.getRow(52).values = ['DV02', 'Kế toán Một', '30/02/1985', '', '', '', ''];
    members.getRow(53).values = ['DV02', 'Kế toán Hai', '', '', '', '', ''];
    const file = new Uint8Array(await wb.xlsx.writeBuffer());

    const cp = await campaign('offT1', 'tan-bien-tn/dvht-tan-bien-2023', 2023, T1);
    const r = await call('offT1', 'POST', `/api/campaigns/${cp}/registrations/groups`, file, { 'content-type': XLSX });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ kind: 'unit', created: 1, existing: 0, membersAdded: 50 });
    expect(r.json.rows).toEqual([expect.objectContaining({ row: 2, name: 'Trường Tiểu học Thị trấn Tân Biên', members: 50, outcome: 'created', groupCreated: true })]);
    expect(r.json.errors.map((e: { sheet: string; row: number; column?: string; code: string }) => [e.sheet, e.row, e.column ?? '', e.code])).toEqual([
      ['Dữ liệu', 3, '', 'GROUP_MEMBERS_INVALID'],
      ['Dữ liệu', 4, 'B', 'ROW_INVALID'],
      ['Thành viên', 52, 'C', 'ROW_INVALID'],
      ['Thành viên', 53, '', 'ROW_INVALID'],
    ]);
    expect(r.json.errors[1].message).toBe('dòng 4, cột B (Tên): thiếu tên đơn vị');
    expect(r.json.errors[2].message).toBe('Trang “Thành viên”, dòng 52, cột C (Ngày sinh): ngày 30/02/1985 không có thật');
    expect(r.json.errors[3].message).toBe('Trang “Thành viên”, dòng 53: cần số định danh, hoặc họ tên và ngày sinh');
    // The refused unit left nothing: no unit, no people.
    const units = await call('offT1', 'GET', '/api/units?q=phong%20tai%20chinh');
    expect(units.json.items).toEqual([]);
    const unit = await call('offT1', 'GET', `/api/units/${r.json.rows[0].groupId}`);
    expect(unit.json).toMatchObject({ name: 'Trường Tiểu học Thị trấn Tân Biên', type: 'school' });
    expect(unit.json.members).toHaveLength(50);
    const regs = await call('offT1', 'GET', `/api/campaigns/${cp}/registrations`);
    expect(regs.json.items.map((x: { subject: unknown }) => x.subject)).toEqual([{ kind: 'unit', id: r.json.rows[0].groupId }]);

    // The same workbook again: nothing new, the same unit; with the same Idempotency-Key, the first answer.
    const again = await call('offT1', 'POST', `/api/campaigns/${cp}/registrations/groups`, file, { 'content-type': XLSX, 'idempotency-key': 'k1' });
    expect(again.json).toMatchObject({ created: 0, existing: 1, membersAdded: 0 });
    const replay = await call('offT1', 'POST', `/api/campaigns/${cp}/registrations/groups`, file, { 'content-type': XLSX, 'idempotency-key': 'k1' });
    expect(replay.json).toEqual(again.json);
  });

  it('clans from two CSV files in a multipart form; members by citizen id or name + birth date; a citizens’ campaign and a wrong body are refused', async () => {
    clock.now = new Date('2018-06-01T03:00:00Z');
    const cp = await campaign('offY1', 'yen-bai-tn/dhht-yen-bai-2016', 2018, Y1);
    const form = new FormData();
    form.set('groups', new Blob(['Mã nhóm;Tên;Trưởng họ;Đăng ký danh hiệu\nDH1;Dòng họ Hoàng;Hoàng Văn Tộc (01/01/1950);Có\nDH2;Dòng họ Triệu;;Không\n'], { type: 'text/csv' }), 'dong-ho.csv');
    form.set('members', new Blob(['Mã nhóm,Họ và tên,Ngày sinh,Số định danh\nDH1,Hoàng Thị Một,,015185001234\nDH1,Hoàng Văn Hai,02/02/1982,\nDH1,,,015\nDH7,Ai Đó,01/01/1990,\n'], { type: 'text/csv' }), 'thanh-vien.csv');
    const r = await call('offY1', 'POST', `/api/campaigns/${cp}/registrations/groups`, form);
    expect(r.status, r.text).toBe(200);
    // DH1 has a bad member row (a 3-digit id): it is left out whole; DH2 is not registering; DH7 is unknown.
    expect(r.json).toMatchObject({ kind: 'clan', created: 0, skipped: 1 });
    expect(r.json.errors.map((e: { sheet: string; row: number; code: string }) => [e.sheet, e.row, e.code])).toEqual([
      ['Dữ liệu', 2, 'GROUP_MEMBERS_INVALID'],
      ['Thành viên', 4, 'ROW_INVALID'],
      ['Thành viên', 5, 'UNKNOWN_GROUP_CODE'],
    ]);
    const fixed = new FormData();
    fixed.set('groups', form.get('groups')!);
    fixed.set('members', new Blob(['Mã nhóm,Họ và tên,Ngày sinh,Số định danh\nDH1,Hoàng Thị Một,,015185001234\nDH1,Hoàng Văn Hai,02/02/1982,\n'], { type: 'text/csv' }), 'thanh-vien.csv');
    const ok = await call('offY1', 'POST', `/api/campaigns/${cp}/registrations/groups`, fixed);
    expect(ok.json).toMatchObject({ created: 1, skipped: 1, membersAdded: 3, errors: [] });
    const clan = await call('offY1', 'GET', `/api/clans/${ok.json.rows[0].groupId}`);
    expect(clan.json.members.map((m: { fullName: string; role: string }) => [m.fullName, m.role]).sort()).toEqual([
      ['Hoàng Thị Một', 'member'],
      ['Hoàng Văn Hai', 'member'],
      ['Hoàng Văn Tộc', 'head'],
    ]);

    const cdht = await campaign('offY1', 'yen-bai-tn/gdht-yen-bai-2016', 2018, Y1);
    const wrongKind = await call('offY1', 'POST', `/api/campaigns/${cdht}/registrations/groups`, 'Tên\nDòng họ Hoàng', { 'content-type': 'text/csv' });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.json.code).toBe('SUBJECT_KIND_MISMATCH');
    const noName = await call('offY1', 'POST', `/api/campaigns/${cp}/registrations/groups`, 'Mã nhóm\nDH1', { 'content-type': 'text/csv' });
    expect(noName.status).toBe(400);
    expect(noName.json.code).toBe('GROUPS_SHEET_HEADER');
    const json = await call('offY1', 'POST', `/api/campaigns/${cp}/registrations/groups`, { groups: [] });
    expect(json.status).toBe(415);
  });
});
