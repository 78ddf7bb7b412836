/**
 * Quyết định công nhận — the decision that recognises subjects, laid out as a Vietnamese
 * administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I and III: quốc hiệu và tiêu ngữ, tên
 * cơ quan, số và ký hiệu, địa danh và thời gian, tên loại và trích yếu, căn cứ, nội dung theo điều,
 * chữ ký, nơi nhận), followed by the annex listing the recognised subjects.
 */
import type { Basis } from '@hoctap/core';
import { centred, contentWidth, createDoc, dateAt, MM, pageNumbers, rule, table, toBuffer, type Doc } from './pdf.js';
import { nfc, placeDate, upper, viDateShort, viDateWords, viNumber, type IsoDate } from './text.js';

/** The body that issues a document: its parent (optional, upper line) and its own name (bold). */
export interface IssuingBody {
  /** "UBND TỈNH QUẢNG NAM" — the managing body's name, when the document shows it. */
  readonly parent?: string;
  /** "ỦY BAN NHÂN DÂN PHƯỜNG TÂN THẠNH" — written on one or two lines (use "\n"). */
  readonly name: string;
  /** "Ủy ban nhân dân phường Tân Thạnh" in running text. */
  readonly nameInText: string;
}

/** Who signs: TM. (on behalf of the collective body) or KT. (deputy signing for the head). */
export interface Signer {
  readonly mode: 'TM' | 'KT' | 'direct';
  /** For TM.: "ỦY BAN NHÂN DÂN"; for KT.: "CHỦ TỊCH". */
  readonly onBehalfOf?: string;
  /** "CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
  readonly position: string;
  readonly name: string;
}

export interface RecognisedEntry {
  readonly name: string;
  /** Village, residential group, unit. */
  readonly address?: string;
  readonly total?: number;
  readonly note?: string;
}

export interface DecisionInput {
  readonly issuer: IssuingBody;
  /** "125/QĐ-UBND". */
  readonly number: string;
  readonly place: string;
  readonly date: IsoDate;
  /** The authority that decides, in capitals: "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TÂN THẠNH". */
  readonly authority: string;
  /** The title's name: "Công dân học tập". */
  readonly title: string;
  readonly year: number;
  /** What kind of subject, for the wording: "cá nhân", "hộ gia đình", "dòng họ", "đơn vị". */
  readonly subjectNoun: string;
  /** Legal bases before the framework's (e.g. the law on local government). */
  readonly leadingBases?: readonly string[];
  /** The framework's legal bases (Model.bases), cited in order. */
  readonly bases: readonly Basis[];
  /** "Xét đề nghị của Chủ tịch Hội Khuyến học phường …". */
  readonly proposal?: string;
  readonly recognised: readonly RecognisedEntry[];
  /** Điều 2 text; a default about certificates and effect is used when absent. */
  readonly article2?: string;
  /** Those who carry out the decision (Điều 3). */
  readonly executors: readonly string[];
  readonly signer: Signer;
  /** "Nơi nhận" lines without the leading dash; "Lưu: VT." is added when missing. */
  readonly recipients: readonly string[];
  /** Column header for the address column of the annex. */
  readonly addressHeader?: string;
  /** Creation date written into the PDF; defaults to the decision's date. */
  readonly createdAt?: Date;
}

/** Two-column header: issuing body + number on the left, motto + place and date on the right. */
export function adminHeader(doc: Doc, issuer: IssuingBody, number: string | undefined, place: string, date: IsoDate | undefined): void {
  const left = doc.page.margins.left;
  const w = contentWidth(doc);
  const lw = w * 0.4;
  const rx = left + lw;
  const rw = w - lw;
  const top = doc.y;
  // Left column.
  doc.y = top;
  if (issuer.parent) centred(doc, upper(issuer.parent), left, lw, 'regular', 12);
  centred(doc, upper(issuer.name), left, lw, 'bold', 12);
  const ly = doc.y + 3;
  rule(doc, left, lw, lw * 0.4, ly);
  doc.y = ly + 8;
  if (number) centred(doc, `Số: ${number}`, left, lw, 'regular', 12);
  const leftBottom = doc.y;
  // Right column.
  doc.y = top;
  centred(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rx, rw, 'bold', 12);
  centred(doc, 'Độc lập - Tự do - Hạnh phúc', rx, rw, 'bold', 13);
  doc.font('bold').fontSize(13);
  const mottoWidth = doc.widthOfString('Độc lập - Tự do - Hạnh phúc');
  const ry = doc.y + 3;
  rule(doc, rx, rw, mottoWidth, ry);
  doc.y = ry + 8;
  if (date) centred(doc, placeDate(place, date), rx, rw, 'italic', 13);
  doc.y = Math.max(leftBottom, doc.y) + 14;
  doc.x = left;
}

/** The signature block on the right half at the current y; returns the bottom y. */
export function signatureBlock(doc: Doc, signer: Signer, x: number, w: number, y: number): number {
  doc.y = y;
  if (signer.mode === 'TM') centred(doc, `TM. ${upper(signer.onBehalfOf ?? '')}`, x, w, 'bold', 13);
  if (signer.mode === 'KT') centred(doc, `KT. ${upper(signer.onBehalfOf ?? '')}`, x, w, 'bold', 13);
  centred(doc, upper(signer.position), x, w, 'bold', 13);
  doc.y += 22 * MM;
  centred(doc, nfc(signer.name), x, w, 'bold', 13);
  return doc.y;
}

/** "Nơi nhận:" block on the left at the given y; returns the bottom y. */
export function recipientsBlock(doc: Doc, recipients: readonly string[], x: number, w: number, y: number): number {
  doc.font('boldItalic').fontSize(12).text('Nơi nhận:', x, y, { width: w });
  const lines = recipients.some((r) => /^Lưu/.test(r)) ? recipients : [...recipients, 'Lưu: VT.'];
  lines.forEach((r, i) => {
    const end = i === lines.length - 1 ? (/[.]$/.test(r) ? '' : '.') : /[;.]$/.test(r) ? '' : ';';
    doc.font('regular').fontSize(11).text(`- ${nfc(r)}${end}`, x, doc.y, { width: w });
  });
  return doc.y;
}

/** Renders the decision and its annex as a PDF. */
export async function renderDecisionPdf(d: DecisionInput): Promise<Buffer> {
  const title = nfc(d.title);
  const doc = createDoc({
    title: `Quyết định ${d.number} về việc công nhận danh hiệu “${title}” năm ${d.year}`,
    author: d.issuer.nameInText,
    subject: `Công nhận danh hiệu “${title}” năm ${d.year}`,
    createdAt: d.createdAt ?? dateAt(d.date),
  });
  const left = doc.page.margins.left;
  const w = contentWidth(doc);
  adminHeader(doc, d.issuer, d.number, d.place, d.date);

  centred(doc, 'QUYẾT ĐỊNH', left, w, 'bold', 14);
  centred(doc, `Về việc công nhận danh hiệu “${title}” năm ${d.year}`, left, w, 'bold', 14);
  rule(doc, left, w, w * 0.25, doc.y + 4);
  doc.y += 14;
  centred(doc, upper(d.authority), left, w, 'bold', 14, 8);

  const para = (text: string, face: 'regular' | 'italic' = 'regular') =>
    doc.font(face).fontSize(14).text(nfc(text), left, doc.y, { width: w, align: 'justify', indent: 10 * MM, paragraphGap: 4, lineGap: 1 });
  for (const b of d.leadingBases ?? []) para(`Căn cứ ${b};`, 'italic');
  for (const b of d.bases) para(`Căn cứ ${b.text.replace(/^Căn cứ\s+/i, '')};`, 'italic');
  if (d.proposal) para(`${d.proposal}.`, 'italic');
  doc.y += 4;
  centred(doc, 'QUYẾT ĐỊNH:', left, w, 'bold', 14, 6);

  const n = d.recognised.length;
  const article = (no: number, text: string) => {
    doc.font('bold').fontSize(14).text(`Điều ${no}. `, left + 10 * MM, doc.y, { continued: true, width: w - 10 * MM, align: 'justify' });
    doc.font('regular').text(nfc(text), { width: w - 10 * MM, align: 'justify', paragraphGap: 4 });
    doc.x = left;
  };
  article(1, `Công nhận danh hiệu “${title}” năm ${d.year} cho ${n} ${d.subjectNoun} (có danh sách kèm theo).`);
  article(
    2,
    d.article2 ??
      `Mỗi ${d.subjectNoun} có tên tại Điều 1 được cấp Giấy công nhận danh hiệu “${title}” năm ${d.year}. Quyết định này có hiệu lực kể từ ngày ký.`,
  );
  article(3, `${d.executors.join(', ')} và các ${d.subjectNoun} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`);

  // Signature and "Nơi nhận" side by side; keep them together on one page.
  if (doc.y + 60 * MM > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const y = doc.y + 8;
  const half = w / 2;
  const b1 = recipientsBlock(doc, d.recipients, left, half - 10, y + 4);
  const b2 = signatureBlock(doc, d.signer, left + half, half, y);
  doc.y = Math.max(b1, b2);

  // Annex.
  doc.addPage();
  centred(doc, 'DANH SÁCH', left, w, 'bold', 14);
  centred(doc, `${d.subjectNoun[0]!.toUpperCase()}${d.subjectNoun.slice(1)} được công nhận danh hiệu “${title}” năm ${d.year}`, left, w, 'bold', 14);
  centred(doc, `(Kèm theo Quyết định số ${d.number} ${viDateWords(d.date)} của ${d.authority.replace(/\s+/g, ' ').toLocaleLowerCase('vi').replace(/^./, (c) => c.toLocaleUpperCase('vi'))})`, left, w, 'italic', 13);
  rule(doc, left, w, w * 0.25, doc.y + 4);
  doc.y += 12;
  const hasTotals = d.recognised.some((r) => r.total !== undefined);
  const cols = [
    { header: 'STT', width: 12 * MM, align: 'center' as const },
    { header: 'Họ và tên', width: hasTotals ? w * 0.38 : w * 0.45, align: 'left' as const },
    { header: d.addressHeader ?? 'Địa chỉ / đơn vị', width: 0, align: 'left' as const },
    ...(hasTotals ? [{ header: 'Tổng điểm', width: 24 * MM, align: 'center' as const }] : []),
  ];
  cols[2] = { ...cols[2]!, width: w - cols.reduce((s, c) => s + c.width, 0) };
  table(
    doc,
    cols,
    d.recognised.map((r, i) => ({ cells: [String(i + 1), nfc(r.name), nfc(r.address ?? ''), ...(hasTotals ? [r.total === undefined ? '' : viNumber(r.total)] : [])] })),
    { size: 12 },
  );
  doc.font('italic').fontSize(12).text(`Danh sách có ${n} ${d.subjectNoun}; ngày ký quyết định ${viDateShort(d.date)}.`, left, doc.y, { width: w });
  pageNumbers(doc);
  return toBuffer(doc);
}
