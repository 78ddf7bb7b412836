import { describe, expect, it } from 'vitest';
import { renderDecisionPdf, type DecisionInput } from '../src/index.js';
import { inkShare, pdfFonts, pdfPages, pdfPng, pdfText, reg } from './helpers.js';

const NAMES = ['Nguyễn Thị Hương', 'Đặng Quốc Việt', 'Hồ Thị Thúy', 'Trần Văn Ẩn', 'Lê Thị Bích Ngọc', 'Phạm Đức Hải', 'Vũ Thị Mỹ Lệ', 'Huỳnh Ngọc Ước'];

export function decisionFixture(): DecisionInput {
  const m = reg().get('tan-thanh/cdht-tan-thanh-2022').model;
  return {
    issuer: { name: 'ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN THẠNH', nameInText: 'Ủy ban nhân dân phường Tân Thạnh' },
    number: '125/QĐ-UBND',
    place: 'Tân Thạnh',
    date: '2022-12-05',
    authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TÂN THẠNH',
    title: 'Công dân học tập',
    year: 2022,
    subjectNoun: 'cá nhân',
    leadingBases: ['Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015'],
    bases: m.bases,
    proposal: 'Xét đề nghị của Chủ tịch Hội Khuyến học phường Tân Thạnh',
    recognised: NAMES.map((name, i) => ({ name, address: `Khối phố ${i + 1}`, total: 80 + i })),
    executors: ['Văn phòng HĐND và UBND phường', 'Hội Khuyến học phường'],
    signer: { mode: 'KT', onBehalfOf: 'CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', name: 'Đặng Quốc Việt' },
    recipients: ['Như Điều 3', 'Hội Khuyến học thành phố Tam Kỳ (b/c)', 'Đảng ủy, HĐND phường'],
  };
}

describe('renderDecisionPdf', () => {
  it('lays out an administrative decision with every Vietnamese letter intact', async () => {
    const d = decisionFixture();
    const pdf = await renderDecisionPdf(d);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const part of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 125/QĐ-UBND',
      'Tân Thạnh, ngày 05 tháng 12 năm 2022',
      'QUYẾT ĐỊNH',
      'Về việc công nhận danh hiệu “Công dân học tập” năm 2022',
      'Căn cứ Luật Tổ chức chính quyền địa phương',
      'Căn cứ Quyết định số 677/QĐ-TTg',
      'QUYẾT ĐỊNH:',
      'Điều 1.',
      'Điều 2.',
      'Điều 3.',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nơi nhận:',
      '- Như Điều 3;',
      '- Lưu: VT.',
      'DANH SÁCH',
      '(Kèm theo Quyết định số 125/QĐ-UBND',
    ]) expect(text.replace(/\s+/g, ' ')).toContain(part);
    for (const b of d.bases) expect(text.replace(/\s+/g, ' ')).toContain(b.text.slice(0, 40));
    const lines = text.split('\n').map((l) => l.trim());
    for (const name of NAMES) expect(lines).toContain(name);
    expect(text.replace(/\s+/g, ' ')).toContain('cho 8 cá nhân (có danh sách kèm theo)');
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatchObject({ emb: true, uni: true });
    expect(inkShare(pdfPng(pdf, 1))).toBeGreaterThan(0.01);
  });

  it('is reproducible: the same input gives the same bytes', async () => {
    const a = await renderDecisionPdf(decisionFixture());
    const b = await renderDecisionPdf(decisionFixture());
    expect(a.equals(b)).toBe(true);
  });
});
