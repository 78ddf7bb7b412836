import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, generateSubjects } from '@hoctap/core';
import { qrMatrix, renderCertificatePdf, renderFormPdf, renderScoreSheetPdf, renderYearlyReportPdf, verifyUrl, viDateWords, type CertificateInput } from '../src/index.js';
import { inkShare, pdfFonts, pdfPng, pdfText, reg } from './helpers.js';

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('Vietnamese dates (Nghị định 30/2020)', () => {
  it('pads days below 10 and months 1–2 only', () => {
    expect(viDateWords('2022-12-05')).toBe('ngày 05 tháng 12 năm 2022');
    expect(viDateWords('2023-02-24')).toBe('ngày 24 tháng 02 năm 2023');
    expect(viDateWords('2023-03-09')).toBe('ngày 09 tháng 3 năm 2023');
  });
});

describe('renderCertificatePdf', () => {
  const cert: CertificateInput = {
    issuer: { name: 'ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN THẠNH', nameInText: 'Ủy ban nhân dân phường Tân Thạnh' },
    title: 'Công dân học tập',
    year: 2022,
    honorific: 'Bà',
    name: 'Hồ Thị Thúy',
    address: 'Khối phố Mỹ Thạch Bắc, phường Tân Thạnh',
    decision: { number: '125/QĐ-UBND', date: '2022-12-05', by: 'Chủ tịch Ủy ban nhân dân phường Tân Thạnh' },
    place: 'Tân Thạnh',
    date: '2022-12-05',
    signer: { mode: 'KT', onBehalfOf: 'CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', name: 'Đặng Quốc Việt' },
    registerNo: '07/2022',
    credentialId: 'urn:uuid:6f1c2a9e-6a0b-4c55-9d8e-2f3b7a1c0d42',
    baseUrl: 'https://hoctap.example.vn',
  };
  it('renders the name, title, decision and the verification URL', async () => {
    const pdf = await renderCertificatePdf(cert);
    const text = pdfText(pdf);
    for (const part of ['GIẤY CÔNG NHẬN', 'Bà: Hồ Thị Thúy', 'Đặng Quốc Việt', 'năm 2022', 'Quyết định số 125/QĐ-UBND ngày 05/12/2022', 'Số vào sổ: 07/2022', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Tân Thạnh, ngày 05 tháng 12 năm 2022'])
      expect(flat(text)).toContain(part);
    expect(text.replace(/\s+/g, '')).toContain('https://hoctap.example.vn/verify/urn%3Auuid%3A6f1c2a9e-6a0b-4c55-9d8e-2f3b7a1c0d42');
    const png = pdfPng(pdf, 1);
    expect(png.readUInt32BE(16)).toBeGreaterThan(png.readUInt32BE(20)); // landscape: width > height
    expect(inkShare(png)).toBeGreaterThan(0.02);
    for (const f of pdfFonts(pdf)) expect(f).toMatchObject({ emb: true, uni: true });
  });
  // Debian package zbar-tools: decodes the QR code from the rendered page, as a phone would.
  it('the printed QR code scans back to the verification URL (pdftoppm + zbarimg)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qr-'));
    writeFileSync(join(dir, 'c.pdf'), await renderCertificatePdf(cert));
    execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', join(dir, 'c.pdf'), join(dir, 'c')]);
    const out = execFileSync('zbarimg', ['--raw', '-q', join(dir, 'c.png')], { encoding: 'utf8' }).trim();
    expect(out).toBe('https://hoctap.example.vn/verify/urn%3Auuid%3A6f1c2a9e-6a0b-4c55-9d8e-2f3b7a1c0d42');
  });
  it('encodes the public verification URL in the QR matrix', () => {
    const url = verifyUrl('https://hoctap.example.vn/', 'urn:uuid:1');
    expect(url).toBe('https://hoctap.example.vn/verify/urn%3Auuid%3A1');
    const m = qrMatrix(url);
    expect(m.size).toBeGreaterThanOrEqual(25);
    // Finder pattern in the top-left corner.
    expect([0, 1, 2, 3, 4, 5, 6].every((i) => m.dark(0, i) && m.dark(i, 0))).toBe(true);
  });
});

describe('renderFormPdf — from the plugins’ forms', () => {
  it('Phú Thọ: collective registration list with a signature column', async () => {
    const form = reg().plugins.find((p) => p.id === 'phu-tho')!.forms!.find((f) => f.kind === 'collective-registration')!;
    const names = ['Nguyễn Thị Hương', 'Đặng Quốc Việt', 'Hồ Thị Thúy'];
    const pdf = await renderFormPdf(form, { date: '2018-05-15', year: 2018, place: 'Việt Trì', values: { 'don-vi': 'Đảng bộ Sở Y tế' }, rows: names.map((n) => ({ 'ho-ten': n, 'chuc-vu': 'Chuyên viên' })) });
    const text = pdfText(pdf);
    expect(flat(text)).toContain('BẢN ĐĂNG KÝ CHUNG PHẤN ĐẤU ĐẠT DANH HIỆU "CÔNG DÂN HỌC TẬP"');
    expect(flat(text)).toContain('Cơ quan, đơn vị: Đảng bộ Sở Y tế');
    for (const h of ['STT', 'Họ và tên', 'Chức vụ', 'Ký tên']) expect(text).toContain(h);
    const lines = text.split('\n').map((l) => l.trim());
    for (const n of names) expect(lines).toContain(n);
    expect(inkShare(pdfPng(pdf))).toBeGreaterThan(0.01);
  });
  it('Tân Biên: commitment (mẫu 1) and self-study plan (mẫu 2) with both signatures', async () => {
    const forms = reg().plugins.find((p) => p.id === 'tan-bien')!.forms!;
    const m1 = forms.find((f) => f.kind === 'commitment')!;
    const m2 = forms.find((f) => f.kind === 'self-study-plan')!;
    const t1 = pdfText(await renderFormPdf(m1, { date: '2023-03-20', year: 2023, values: { 'ho-ten': 'Nguyễn Thanh Bình', 'chuc-vu': 'Trưởng phòng', 'don-vi': 'Phòng Nội vụ huyện Tân Biên' } }));
    expect(flat(t1)).toContain('BẢN CAM KẾT HỌC TẬP SUỐT ĐỜI (MẪU 1)');
    expect(flat(t1)).toContain('Họ và tên: Nguyễn Thanh Bình');
    expect(flat(t1)).toContain('Nội dung cam kết học tập suốt đời');
    expect(flat(t1)).toContain('Người cam kết');
    const t2 = pdfText(await renderFormPdf(m2, { date: '2023-03-20', year: 2023 }));
    expect(flat(t2)).toContain('KẾ HOẠCH TỰ HỌC TẬP, TỰ BỒI DƯỠNG HẰNG NĂM (MẪU 2)');
    expect(flat(t2)).toContain('Người lập');
    expect(flat(t2)).toContain('Lãnh đạo Phòng phê duyệt');
    expect(flat(t2)).toContain('Căn cứ biểu mẫu: Kế hoạch 218/KH-PNV');
  });
  it('committee minutes and a registration slip render from their fields', async () => {
    const slip = reg().plugins.find((p) => p.id === 'tan-thanh')!.forms!.find((f) => f.kind === 'registration-slip')!;
    expect(flat(pdfText(await renderFormPdf(slip, { date: '2022-06-20' })))).toContain('ĐĂNG KÝ PHẤN ĐẤU ĐẠT DANH HIỆU');
    const minutes = { id: 'bien-ban', title: 'Biên bản họp Hội đồng bình xét', kind: 'minutes' as const, source: 'mẫu chung', fields: [
      { id: 'thoi-gian', label: 'Thời gian họp', type: 'date' as const },
      { id: 'thanh-phan', label: 'Thành phần', type: 'long-text' as const },
      { id: 'ket-qua', label: 'Kết quả bình xét', type: 'long-text' as const },
      { id: 'chu-tri', label: 'Chủ trì', type: 'signature' as const },
      { id: 'thu-ky', label: 'Thư ký', type: 'signature' as const },
    ] };
    const t = flat(pdfText(await renderFormPdf(minutes, { date: '2022-11-20' })));
    for (const p of ['BIÊN BẢN HỌP HỘI ĐỒNG BÌNH XÉT', 'Thành phần:', 'Kết quả bình xét:', 'Chủ trì', 'Thư ký']) expect(t).toContain(p);
  });
});

describe('renderScoreSheetPdf — from a criteria model', () => {
  it('Phú Thọ 2018: 10 criteria, 23 indicators, 100 points, rule in words', async () => {
    const m = reg().get('phu-tho/cdht-phu-tho-2018').model;
    const pdf = await renderScoreSheetPdf(m, { year: 2018 });
    const text = flat(pdfText(pdf));
    for (const h of ['Tự chấm', 'Hội đồng chấm', 'Điểm tối đa', 'Tổng cộng 100', 'Điều kiện công nhận']) expect(text).toContain(h);
    for (const i of m.indicators) expect(text).toContain(i.text.slice(0, 30).replace(/\s+/g, ' '));
    expect(text).toContain('Danh hiệu “Công dân học tập”: tổng điểm từ 75 điểm trở lên');
    expect(inkShare(pdfPng(pdf))).toBeGreaterThan(0.01);
  });
  it('Tân Thạnh per target group: the group’s wording and maxima', async () => {
    const m = reg().get('tan-thanh/cdht-tan-thanh-2022').model;
    const text = flat(pdfText(await renderScoreSheetPdf(m, { group: 'tri-thuc' })));
    expect(text).toContain('Nhóm đối tượng: Cán bộ, công chức, viên chức');
    expect(text).toMatch(/Tổng cộng 100/);
    await expect(renderScoreSheetPdf(m, { group: 'khong-co' })).rejects.toThrow(RangeError);
  });
});

describe('renderYearlyReportPdf', () => {
  it('prints the rows, the denominator and the deadline', async () => {
    const m = reg().get('phu-tho/cdht-phu-tho-2018').model;
    const subs = generateSubjects(m, { seed: 1, count: 40, year: 2018 });
    const ok = subs.filter((s) => evaluate(m, s).titles.length > 0).length;
    const t = flat(pdfText(await renderYearlyReportPdf({ year: 2018, reportingBody: 'Đảng bộ Khối các cơ quan tỉnh Phú Thọ', recipient: 'Hội Khuyến học tỉnh Phú Thọ', date: '2018-12-10', denominatorNote: 'số cán bộ, công chức, viên chức của đơn vị', rows: [{ locality: 'Đảng bộ Sở Y tế', title: 'Công dân học tập', registered: 40, recognised: ok, denominator: 52 }] })));
    expect(t).toContain('hạn gửi 15/12/2018');
    expect(t).toContain('Mẫu số: số cán bộ, công chức, viên chức của đơn vị');
    expect(t).toContain('Đảng bộ Sở Y tế');
    expect(t).toContain(`40 ${ok} 52 ${String(Math.round((ok / 52) * 1000) / 10).replace('.', ',')}%`);
  });
});

describe('renderYearlyReportPdf — the list of a Gia đình học tập year', () => {
  it('lists the households with their head on a page of their own', async () => {
    const { pdfPages } = await import('./helpers.js');
    const pdf = await renderYearlyReportPdf({
      year: 2020,
      reportingBody: 'UBND xã Minh Bảo',
      recipient: 'Hội Khuyến học tỉnh Yên Bái',
      date: '2020-12-10',
      denominatorNote: 'số hộ đã đăng ký',
      rows: [{ locality: 'xã Minh Bảo', title: 'Gia đình học tập', registered: 2, recognised: 1, denominator: 2 }],
      subjects: [
        { kind: 'household', name: 'Hộ ông Lê Văn An', representative: 'Chủ hộ: Lê Văn An', village: 'Thôn Đoài', total: 90, result: 'Được công nhận' },
        { kind: 'household', name: 'Hộ bà Trần Thị Bình', representative: 'Chủ hộ: Trần Thị Bình', village: 'Thôn Đông', total: 70, result: 'Không được công nhận' },
      ],
    });
    expect(pdfPages(pdf)).toBe(2);
    const t = flat(pdfText(pdf));
    for (const x of ['DANH SÁCH ĐĂNG KÝ VÀ KẾT QUẢ CÔNG NHẬN NĂM 2020', 'Hộ gia đình', 'Người đại diện', 'Hộ ông Lê Văn An', 'Chủ hộ: Lê Văn An', 'Chủ hộ: Trần Thị Bình', 'Không được công nhận', 'Cộng: 2']) expect(t).toContain(x);
    expect(t).not.toContain('Họ và tên');
  });
});

describe('renderCertificatesPdf — a whole decision’s certificates in one file', () => {
  it('one page per certificate, every name intact', async () => {
    const { renderCertificatesPdf } = await import('../src/index.js');
    const names = ['Nguyễn Thị Hương', 'Đặng Quốc Việt', 'Hồ Thị Thúy'];
    const base = {
      issuer: { name: 'ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN THẠNH', nameInText: 'Ủy ban nhân dân phường Tân Thạnh' },
      title: 'Công dân học tập', year: 2022, decision: { number: '125/QĐ-UBND', date: '2022-12-05', by: 'Chủ tịch UBND phường Tân Thạnh' },
      place: 'Tân Thạnh', date: '2022-12-05', signer: { mode: 'TM' as const, onBehalfOf: 'ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', name: 'Nguyễn Văn An' }, baseUrl: 'https://hoctap.example.vn',
    };
    const pdf = await renderCertificatesPdf(names.map((name, i) => ({ ...base, name, credentialId: `urn:uuid:${i}` })));
    const { pdfPages } = await import('./helpers.js');
    expect(pdfPages(pdf)).toBe(3);
    const lines = pdfText(pdf).split('\n').map((l) => l.trim());
    for (const n of names) expect(lines).toContain(n);
    expect(lines).toContain('TM. ỦY BAN NHÂN DÂN');
  });
});

describe('renderRegistersPdf — Yên Bái 1-, 3- and 5-year registers', () => {
  const data = {
    title: 'Gia đình học tập',
    year: 2020,
    locality: 'xã Minh Bảo, thành phố Yên Bái',
    date: '2020-12-10',
    holders: [
      { name: 'Nguyễn Thị Hương', address: 'Thôn 1', years: [2016, 2017, 2018, 2019, 2020] },
      { name: 'Đặng Quốc Việt', address: 'Thôn 2', years: [2018, 2019, 2020] },
      { name: 'Hồ Thị Thúy', address: 'Thôn 3', years: [2016, 2017, 2019, 2020] },
      { name: 'Huỳnh Ngọc Ước', address: 'Thôn 4', years: [2016, 2017, 2018, 2019] },
    ],
  };
  it('prints the summary and the three registers with every diacritic', async () => {
    const { renderRegistersPdf } = await import('../src/index.js');
    const { pdfPages } = await import('./helpers.js');
    const pdf = await renderRegistersPdf(data);
    expect(pdfPages(pdf)).toBe(4);
    const text = pdfText(pdf);
    const t = flat(text);
    for (const h of ['TỔNG HỢP SỔ THEO DÕI DANH HIỆU “GIA ĐÌNH HỌC TẬP” ĐẾN NĂM 2020', 'SỔ THEO DÕI DANH HIỆU “GIA ĐÌNH HỌC TẬP” — NĂM 2020', 'SỔ THEO DÕI DANH HIỆU “GIA ĐÌNH HỌC TẬP” — 3 NĂM LIÊN TỤC (2018–2020)', 'SỔ THEO DÕI DANH HIỆU “GIA ĐÌNH HỌC TẬP” — 5 NĂM LIÊN TỤC (2016–2020)', 'Địa bàn: xã Minh Bảo, thành phố Yên Bái — Ngày lập: 10/12/2020'])
      expect(t).toContain(h);
    const lines = text.split('\n').map((l) => l.trim());
    for (const n of ['Nguyễn Thị Hương', 'Đặng Quốc Việt', 'Hồ Thị Thúy']) expect(lines).toContain(n);
    expect(lines).not.toContain('Huỳnh Ngọc Ước'); // not held in 2020
    // Nguyễn Thị Hương is in all three registers, Đặng Quốc Việt in two, Hồ Thị Thúy in one.
    expect(lines.filter((l) => l === 'Nguyễn Thị Hương')).toHaveLength(3);
    expect(lines.filter((l) => l === 'Đặng Quốc Việt')).toHaveLength(2);
    expect(lines.filter((l) => l === 'Hồ Thị Thúy')).toHaveLength(1);
    for (const f of pdfFonts(pdf)) expect(f).toMatchObject({ emb: true, uni: true });
  });
  it('is reproducible: the same input gives the same bytes', async () => {
    const { renderRegistersPdf } = await import('../src/index.js');
    expect((await renderRegistersPdf(data)).equals(await renderRegistersPdf(data))).toBe(true);
  });
});
