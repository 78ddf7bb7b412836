/**
 * Bulk imports from Excel as well as CSV, over both dialects: people (the bulk registration and the
 * import job) and scores (self-assessment and committee review through the single-assessment path).
 * The workbooks are real .xlsx files written by exceljs here, some from the downloaded templates.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { startJobWorker } from '../src/index.js';
import { dialects, TEST_DATA_KEY } from './harness.js';
import { A1, SCORES_75, suiteWorld } from './world.js';

const FW = 'phu-tho/cdht-phu-tho-2018';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A workbook with one sheet: a header row, then the rows as given (Date cells stay dates, strings stay text). */
async function sheet(header: string[], rows: (string | number | Date | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return bytesOf(wb);
}

describe.each(dialects)('imports from Excel and CSV on %s', (dialect) => {
  const w = suiteWorld(dialect);

  // `confirm`: a second campaign for the same title, year and commune (issue 11: confirmed, not refused).
  const newCampaign = async (confirm = false) => {
    const r = await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2018, commune: A1, ...(confirm ? { confirm } : {}) });
    expect(r.status, r.text).toBe(201);
    return r.json as { id: string };
  };
  const registrations = async (campaign: string) => (await w.call('offA1', 'GET', `/api/campaigns/${campaign}/registrations?limit=200`)).json.items as { id: string; subject: { id: string }; status: string }[];

  it('people from the downloaded template: real dates and dd/mm/yyyy text, row errors with the Excel row and column, retry', async () => {
    const cp = await newCampaign();
    const tpl = await w.call('offA1', 'GET', '/api/templates/people.xlsx');
    expect(tpl.status).toBe(200);
    const raw = await w.app.request('/api/templates/people.xlsx', { headers: { cookie: w.sessions.offA1.cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await raw.arrayBuffer());
    const data = wb.getWorksheet('Dữ liệu')!;
    const header = (data.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 5)).toEqual(['Mã *', 'Họ và tên *', 'Giới tính', 'Ngày sinh', 'Thôn, tổ dân phố']);
    const put = (r: number, values: (string | Date | null)[]) => values.forEach((v, i) => (data.getRow(r).getCell(i + 1).value = v));
    put(2, ['001', 'Nguyễn Thị Hà', 'nữ', new Date(Date.UTC(1985, 8, 5)), 'Thôn Đông']);
    put(3, ['002', 'Trần Văn Bình', 'nam', '03/02/1980', 'Thôn Tây']);
    put(4, ['003', 'Lê Văn Cường', 'nam', '31/02/1990', null]); // no such day → D4
    put(5, ['004', 'Phạm Thị Dung', 'khác', '01/01/1991', null]); // sex → C5
    // row 6 left blank: skipped, row numbers stay the sheet's own
    put(7, ['006', 'Vũ Văn Em', null, null, 'Thôn Đông']);
    const file = await bytesOf(wb);
    const r1 = await w.call('offA1', 'POST', `/api/campaigns/${cp.id}/registrations/bulk`, file, { 'content-type': XLSX, 'idempotency-key': 'x-1' });
    expect(r1.status, r1.text).toBe(200);
    expect(r1.json.created).toBe(3);
    expect(r1.json.rows.map((x: { row: number }) => x.row)).toEqual([2, 3, 7]);
    expect(r1.json.errors).toEqual([
      { row: 4, column: 'D', header: 'Ngày sinh', field: 'birthDate', code: 'ROW_INVALID', message: 'Cột D (Ngày sinh): ngày không có thật' },
      { row: 5, column: 'C', header: 'Giới tính', field: 'sex', code: 'ROW_INVALID', message: 'Cột C (Giới tính): giới tính là "nam" hoặc "nữ"' },
    ]);
    const people = await w.db.selectFrom('people').select(['full_name', 'birth_date', 'village']).orderBy('full_name').execute();
    expect(people.map((p) => [p.full_name, p.birth_date ? new Date(p.birth_date as unknown as string).toISOString().slice(0, 10) : null, p.village])).toEqual([
      ['Nguyễn Thị Hà', '1985-09-05', 'Thôn Đông'],
      ['Trần Văn Bình', '1980-02-03', 'Thôn Tây'],
      ['Vũ Văn Em', null, 'Thôn Đông'],
    ]);
    // The same key and file: the first answer replayed; another file under that key: 409.
    const r2 = await w.call('offA1', 'POST', `/api/campaigns/${cp.id}/registrations/bulk`, file, { 'content-type': XLSX, 'idempotency-key': 'x-1' });
    expect(r2.json).toEqual(r1.json);
    expect(r2.headers.get('idempotent-replayed')).toBe('true');
    const other = await sheet(['Họ và tên'], [['Mới Thêm']]);
    expect((await w.call('offA1', 'POST', `/api/campaigns/${cp.id}/registrations/bulk`, other, { 'content-type': XLSX, 'idempotency-key': 'x-1' })).json.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Without a key: natural keys, nothing new.
    const r3 = await w.call('offA1', 'POST', `/api/campaigns/${cp.id}/registrations/bulk`, file, { 'content-type': XLSX });
    expect([r3.json.created, r3.json.existing]).toEqual([0, 3]);
    expect((await registrations(cp.id)).length).toBe(3);
  });

  it('CSV-style Vietnamese headers in Excel: ids stored as text keep their leading zero, a number cell that lost it is reported', async () => {
    const cp = await newCampaign();
    const file = await sheet(
      ['ho_ten', 'ngay_sinh', 'gioi_tinh', 'cccd'],
      [
        ['Nguyễn Thị Hà', '05/04/2003', 'nữ', '025303001234'],
        ['Trần Văn Bình', new Date(Date.UTC(1980, 1, 3)), 'nam', 25080001235], // a number cell: the leading 0 is gone
        ['', '01/01/1990', 'nam', null],
      ],
    );
    const r = await w.call('offA1', 'POST', `/api/campaigns/${cp.id}/registrations/bulk`, file, { 'content-type': XLSX });
    expect(r.status, r.text).toBe(200);
    expect(r.json.created).toBe(1);
    expect(r.json.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, 'D'],
      [4, 'A'],
    ]);
    expect(r.json.errors[0].message).toMatch(/^Cột D \(cccd\): số định danh gồm đúng 12 chữ số .*Văn bản/);
    expect(r.json.errors[1].message).toBe('Cột A (ho_ten): cần họ tên');
    const person = await w.call('offA1', 'GET', `/api/people/${r.json.rows[0].personId}`);
    expect(person.json.birthDate).toBe('2003-04-05');
  });

  it('a corrupt or non-xlsx body is a 415/422 problem, never a 500; too large is 413', async () => {
    const cp = await newCampaign();
    const url = `/api/campaigns/${cp.id}/registrations/bulk`;
    const garbage = await w.call('offA1', 'POST', url, new Uint8Array(Buffer.from('this is not a workbook')), { 'content-type': XLSX });
    expect([garbage.status, garbage.json.code]).toEqual([422, 'XLSX_UNREADABLE']);
    expect(garbage.json.detail ?? garbage.json.title).toBeTruthy();
    const good = await sheet(['Họ và tên'], [['Nguyễn Thị Hà']]);
    const truncated = await w.call('offA1', 'POST', url, good.slice(0, Math.floor(good.length / 2)), { 'content-type': XLSX });
    expect([truncated.status, truncated.json.code]).toEqual([422, 'XLSX_UNREADABLE']);
    const zipNotXlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('rubbish after a zip signature')]);
    expect((await w.call('offA1', 'POST', url, zipNotXlsx, { 'content-type': XLSX })).status).toBe(422);
    expect((await w.call('offA1', 'POST', url, good, { 'content-type': 'application/pdf' })).status).toBe(415);
    const big = new Uint8Array(2_000_001);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect((await w.call('offA1', 'POST', url, big, { 'content-type': XLSX })).status).toBe(413);
    // A workbook whose archive declares a huge unpacked size (a "zip bomb") is refused before it is unpacked.
    const bomb = Buffer.from(good);
    const eocd = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    bomb.writeUInt32LE(3_000_000_000, bomb.readUInt32LE(eocd + 16) + 24); // the first entry's uncompressed size
    const bombed = await w.call('offA1', 'POST', url, new Uint8Array(bomb), { 'content-type': XLSX });
    expect([bombed.status, bombed.json.code]).toEqual([413, 'XLSX_TOO_LARGE_UNPACKED']);
    const scores = await w.call('offA1', 'POST', `/api/campaigns/${cp.id}/assessments/bulk?kind=self`, new Uint8Array([1, 2, 3]), { 'content-type': XLSX });
    expect([scores.status, scores.json.code]).toEqual([422, 'XLSX_UNREADABLE']);
    expect(await w.db.selectFrom('people').select('id').execute()).toEqual([]);
  });

  it('the import job reads Excel too: row errors carry the Excel row and column', async () => {
    const cp = await newCampaign();
    const rows: (string | Date)[][] = [];
    for (let i = 1; i <= 20; i++) rows.push([`Người Số ${i}`, i === 7 ? '30/02/1990' : new Date(Date.UTC(1980 + i, 0, i))]);
    const file = await sheet(['Họ và tên', 'Ngày sinh'], rows);
    const q = await w.call('offA1', 'POST', `/api/campaigns/${cp.id}/registrations/import-jobs`, file, { 'content-type': XLSX });
    expect(q.status, q.text).toBe(202);
    expect(q.json.progress.total).toBe(20);
    const worker = startJobWorker({ db: w.db, dataKey: TEST_DATA_KEY, pollMs: 20, chunkRows: 8, now: () => w.clock.now });
    try {
      await expect.poll(async () => (await w.call('offA1', 'GET', `/api/jobs/${q.json.id}`)).json.status, { timeout: 30_000 }).toBe('done');
    } finally {
      await worker.stop();
    }
    const job = (await w.call('offA1', 'GET', `/api/jobs/${q.json.id}`)).json;
    expect(job.result).toMatchObject({ registrationsCreated: 19, errorCount: 1, errors: [{ row: 8, column: 'B', header: 'Ngày sinh', code: 'ROW_INVALID', message: 'Cột B (Ngày sinh): ngày không có thật' }] });
    expect((await registrations(cp.id)).length).toBe(19);
  });

  describe('scores', () => {
    /** A campaign with four registered people (citizen ids 0253030012301…04), in the self-assessment window. */
    const setup = async () => {
      const cp = await newCampaign();
      const csv = ['ho_ten,cccd', ...[1, 2, 3, 4].map((i) => `Người Thứ ${i},02530300123${i}`)].join('\n');
      const bulk = await w.call('offA1', 'POST', `/api/campaigns/${cp.id}/registrations/bulk`, csv, { 'content-type': 'text/csv' });
      expect(bulk.json.created, bulk.text).toBe(4);
      await w.travel('2018-10-01T03:00:00Z');
      const regs = bulk.json.rows as { personId: string; registrationId: string }[];
      return { cp, regs };
    };
    const scoresTemplate = async () => {
      const res = await w.app.request(`/api/templates/scores.xlsx?framework=${FW}`, { headers: { cookie: w.sessions.offA1.cookie } });
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const ws = wb.getWorksheet('Dữ liệu')!;
      const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
      return { wb, ws, header };
    };

    it('self-assessments from the filled template: keys by registration, person or citizen id; bad rows reported, good rows kept; retry writes nothing twice', async () => {
      const { cp, regs } = await setup();
      const { wb, ws, header } = await scoresTemplate();
      expect(header.slice(0, 3)).toEqual(['Mã *', 'Họ và tên *', 'Chỉ số 1.1']);
      const fill = (r: number, key: string, name: string, scores: Record<string, number | string>) => {
        ws.getRow(r).getCell(1).value = key;
        ws.getRow(r).getCell(2).value = name;
        for (const [id, v] of Object.entries(scores)) ws.getRow(r).getCell(header.indexOf(`Chỉ số ${id}`) + 1).value = v;
      };
      fill(2, regs[0]!.registrationId, 'Người Thứ 1', SCORES_75);
      fill(3, regs[1]!.personId, 'Người Thứ 2', SCORES_75);
      fill(4, '025303001233', 'Người Thứ 3', SCORES_75);
      fill(5, '025303009999', 'Không Có Ai', SCORES_75); // unknown person
      fill(6, regs[3]!.registrationId, 'Người Thứ 4', { ...SCORES_75, '1.1': 7 }); // above the maximum of 1.1 (6)
      fill(7, regs[3]!.registrationId, 'Người Thứ 4', { ...SCORES_75, '2.1': 'ba' }); // not a number
      const file = await bytesOf(wb);
      const col = (id: string) => ws.getRow(1).getCell(header.indexOf(`Chỉ số ${id}`) + 1).address.replace(/\d+$/, '');
      const r1 = await w.call('offA1', 'POST', `/api/campaigns/${cp.id}/assessments/bulk?kind=self`, file, { 'content-type': XLSX, 'idempotency-key': 's-1' });
      expect(r1.status, r1.text).toBe(200);
      expect([r1.json.recorded, r1.json.unchanged]).toEqual([3, 0]);
      expect(r1.json.rows.map((x: { row: number; status: string; total: number }) => [x.row, x.status, x.total])).toEqual([
        [2, 'self-assessed', 75],
        [3, 'self-assessed', 75],
        [4, 'self-assessed', 75],
      ]);
      expect(r1.json.errors).toEqual([
        { row: 5, column: 'A', header: 'Mã', field: 'key', code: 'SUBJECT_NOT_FOUND', message: 'Cột A (Mã): không có người hay hồ sơ “025303009999” trong đợt đánh giá này' },
        { row: 6, column: col('1.1'), header: 'Chỉ số 1.1', field: '1.1', code: 'ROW_INVALID', message: `Cột ${col('1.1')} (Chỉ số 1.1): điểm 7 lớn hơn điểm tối đa 6 của chỉ số 1.1` },
        { row: 7, column: col('2.1'), header: 'Chỉ số 2.1', field: '2.1', code: 'ROW_INVALID', message: `Cột ${col('2.1')} (Chỉ số 2.1): “ba” không phải là số` },
      ]);
      const count = async () => (await w.db.selectFrom('assessments').select('id').execute()).length;
      expect(await count()).toBe(3);
      // The single endpoint sees the same assessment.
      const one = await w.call('offA1', 'GET', `/api/registrations/${regs[0]!.registrationId}`);
      expect(one.json.assessments.map((a: { kind: string; result: { total: number } }) => [a.kind, a.result.total])).toEqual([['self', 75]]);
      // Retry with the same key: replayed; without a key: unchanged rows are skipped, nothing written twice.
      const r2 = await w.call('offA1', 'POST', `/api/campaigns/${cp.id}/assessments/bulk?kind=self`, file, { 'content-type': XLSX, 'idempotency-key': 's-1' });
      expect(r2.json).toEqual(r1.json);
      expect(r2.headers.get('idempotent-replayed')).toBe('true');
      const r3 = await w.call('offA1', 'POST', `/api/campaigns/${cp.id}/assessments/bulk?kind=self`, file, { 'content-type': XLSX });
      expect([r3.json.recorded, r3.json.unchanged, r3.json.errors.length]).toEqual([0, 3, 3]);
      expect(await count()).toBe(3);
      // The same key for the other kind is another request.
      expect((await w.call('comA1', 'POST', `/api/campaigns/${cp.id}/assessments/bulk?kind=committee`, file, { 'content-type': XLSX, 'idempotency-key': 's-1' })).status).toBe(200);
    });

    it('committee reviews from CSV: wrong state reported per row, the reviewer role enforced, the same rules as the single endpoint', async () => {
      const { cp, regs } = await setup();
      const ids = Object.keys(SCORES_75);
      const line = (key: string, scores: Record<string, number>) => [key, ...ids.map((i) => String(scores[i]))].join(',');
      for (const r of regs.slice(0, 2)) {
        expect((await w.call('offA1', 'POST', `/api/registrations/${r.registrationId}/self-assessment`, { scores: SCORES_75 })).status).toBe(200);
        expect((await w.call('offA1', 'POST', `/api/registrations/${r.registrationId}/submit`)).status).toBe(200);
      }
      const csv = ['ma_ho_so,' + ids.join(','), line(regs[0]!.registrationId, SCORES_75), line(regs[1]!.registrationId, { ...SCORES_75, '10.2': 2 }), line(regs[2]!.registrationId, SCORES_75)].join('\r\n');
      const url = `/api/campaigns/${cp.id}/assessments/bulk?kind=committee`;
      // A commune officer may not review, in bulk or not.
      expect((await w.call('offA1', 'POST', url, csv, { 'content-type': 'text/csv' })).status).toBe(403);
      const r = await w.call('comA1', 'POST', url, csv, { 'content-type': 'text/csv' });
      expect(r.status, r.text).toBe(200);
      expect(r.json.rows.map((x: { row: number; status: string; total: number }) => [x.row, x.status, x.total])).toEqual([
        [2, 'reviewed', 75],
        [3, 'reviewed', 74],
      ]);
      // Row 4 was never self-assessed: the workflow refuses, the row is reported with what to do first.
      expect(r.json.errors).toEqual([{ row: 4, code: 'ILLEGAL_TRANSITION', message: 'Không thể bình xét khi hồ sơ đã đăng ký — hồ sơ chưa tự đánh giá: nhập phiếu tự đánh giá (hoặc tệp điểm tự đánh giá) rồi nhập lại dòng này' }]);
      const reviewed = await w.call('comA1', 'GET', `/api/registrations/${regs[1]!.registrationId}`);
      expect(reviewed.json.registration.status).toBe('reviewed');
      // (the test clock stands still: both carry the same time, so sort by kind)
      expect(reviewed.json.assessments.map((a: { kind: string; assessedBy: string }) => [a.kind, a.assessedBy]).sort((a: string[], b: string[]) => (a[0]! < b[0]! ? 1 : -1))).toEqual([
        ['self', w.ids.offA1],
        ['committee', w.ids.comA1],
      ]);
      // Retried without a key: the reviewed rows are unchanged, nothing is written twice.
      const again = await w.call('comA1', 'POST', url, csv, { 'content-type': 'text/csv' });
      expect([again.json.recorded, again.json.unchanged]).toEqual([0, 2]);
      expect((await w.db.selectFrom('assessments').select('id').where('kind', '=', 'committee').execute()).length).toBe(2);
      // Another campaign's registration is unknown here; a header without indicator columns is refused.
      const other = await newCampaign(true);
      const foreign = await w.call('comA1', 'POST', `/api/campaigns/${other.id}/assessments/bulk?kind=committee`, csv, { 'content-type': 'text/csv' });
      expect(foreign.json.errors.map((e: { code: string }) => e.code)).toEqual(['SUBJECT_NOT_FOUND', 'SUBJECT_NOT_FOUND', 'SUBJECT_NOT_FOUND']);
      const noInd = await w.call('comA1', 'POST', url, 'ma,ghi_chu\nx,y', { 'content-type': 'text/csv' });
      expect([noInd.status, noInd.json.code]).toEqual([400, 'SCORES_HEADER']);
    });
  });
});
