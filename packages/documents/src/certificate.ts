/**
 * Giấy công nhận — one certificate per recognised subject: A4 landscape, a decorative border, the
 * title, the name, the year, the decision it rests on, the signer, and a QR code that opens the
 * public verification page `${baseUrl}/verify/${credentialId}`. The QR code is drawn as vector
 * squares (no image), so it stays sharp in print and costs little to render.
 */
import QRCode from 'qrcode';
import { centred, createDoc, dateAt, MM, toBuffer, type Doc } from './pdf.js';
import { nfc, placeDate, upper, viDateShort, type IsoDate } from './text.js';
import type { IssuingBody, Signer } from './decision.js';

export interface CertificateInput {
  readonly issuer: IssuingBody;
  readonly title: string;
  readonly year: number;
  /** "Ông", "Bà", "Gia đình ông/bà", "" for units. */
  readonly honorific?: string;
  readonly name: string;
  /** Village / unit shown under the name (minimum personal data: no identity number, no contact). */
  readonly address?: string;
  /** A group's representative, printed under its name ("Chủ hộ: Nguyễn Văn An"). */
  readonly representative?: string;
  readonly decision: { readonly number: string; readonly date: IsoDate; readonly by: string };
  readonly place: string;
  readonly date: IsoDate;
  readonly signer: Signer;
  /** Register number ("Số vào sổ"). */
  readonly registerNo?: string;
  readonly credentialId: string;
  /** The portal's public origin, e.g. "https://hoctap.example.vn". */
  readonly baseUrl: string;
  readonly createdAt?: Date;
}

/** The verification URL printed in the QR code. */
export const verifyUrl = (baseUrl: string, credentialId: string): string => `${baseUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(credentialId)}`;

/** The QR matrix for a URL (error correction M). */
export function qrMatrix(text: string): { size: number; dark: (r: number, c: number) => boolean } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  return { size, dark: (r, c) => data[r * size + c] === 1 };
}

/** Draws a QR matrix as filled squares with a quiet zone, top-left at (x, y), `side` points wide. */
export function drawQr(doc: Doc, m: { size: number; dark: (r: number, c: number) => boolean }, x: number, y: number, side: number): void {
  const cell = side / (m.size + 8);
  doc.save().rect(x, y, side, side).fill('#ffffff');
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) {
      if (m.dark(r, c)) doc.rect(x + (c + 4) * cell, y + (r + 4) * cell, cell + 0.05, cell + 0.05);
    }
  }
  doc.fill('#000000').restore();
}

function border(doc: Doc): void {
  const w = doc.page.width;
  const h = doc.page.height;
  const red = '#9b1c1c';
  const gold = '#b8860b';
  doc.save();
  doc.lineWidth(6).strokeColor(red).rect(8 * MM, 8 * MM, w - 16 * MM, h - 16 * MM).stroke();
  doc.lineWidth(1.2).strokeColor(gold).rect(11 * MM, 11 * MM, w - 22 * MM, h - 22 * MM).stroke();
  doc.lineWidth(0.6).strokeColor(gold).rect(12.5 * MM, 12.5 * MM, w - 25 * MM, h - 25 * MM).stroke();
  // Corner ornaments: a lozenge and two arcs in each corner.
  const corners: [number, number, number, number][] = [
    [12.5 * MM, 12.5 * MM, 1, 1],
    [w - 12.5 * MM, 12.5 * MM, -1, 1],
    [12.5 * MM, h - 12.5 * MM, 1, -1],
    [w - 12.5 * MM, h - 12.5 * MM, -1, -1],
  ];
  for (const [cx, cy, sx, sy] of corners) {
    const s = 9 * MM;
    doc.fillColor(red).moveTo(cx, cy).lineTo(cx + sx * s, cy + sy * (s / 2.5)).lineTo(cx + sx * s * 0.9, cy + sy * s * 0.9).lineTo(cx + sx * (s / 2.5), cy + sy * s).closePath().fill();
    doc.lineWidth(0.8).strokeColor(gold);
    doc.circle(cx + sx * s * 1.35, cy + sy * s * 0.3, 2.2 * MM).stroke();
    doc.circle(cx + sx * s * 0.3, cy + sy * s * 1.35, 2.2 * MM).stroke();
  }
  doc.restore();
}

/** Renders one certificate. The heavy parts are separable for measurement: `renderCertificateInto`. */
export async function renderCertificatePdf(cert: CertificateInput): Promise<Buffer> {
  const doc = createDoc({
    title: `Giấy công nhận “${nfc(cert.title)}” năm ${cert.year} — ${nfc(cert.name)}`,
    author: cert.issuer.nameInText,
    createdAt: cert.createdAt ?? dateAt(cert.date),
    layout: 'landscape',
    margins: { top: 18 * MM, bottom: 15 * MM, left: 22 * MM, right: 22 * MM },
  });
  renderCertificateInto(doc, cert, qrMatrix(verifyUrl(cert.baseUrl, cert.credentialId)));
  return toBuffer(doc);
}

/** Draws a certificate on the current page of `doc` with a precomputed QR matrix. */
export function renderCertificateInto(doc: Doc, cert: CertificateInput, qr: ReturnType<typeof qrMatrix>): void {
  border(doc);
  const left = doc.page.margins.left;
  const w = doc.page.width - left - doc.page.margins.right;
  const half = w / 2;
  doc.y = doc.page.margins.top;
  const top = doc.y;
  if (cert.issuer.parent) centred(doc, upper(cert.issuer.parent), left, half * 0.8, 'regular', 11);
  centred(doc, upper(cert.issuer.name), left, half * 0.8, 'bold', 11);
  doc.y = top;
  centred(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + half * 1.1, half * 0.9, 'bold', 11);
  centred(doc, 'Độc lập - Tự do - Hạnh phúc', left + half * 1.1, half * 0.9, 'bold', 12);
  doc.y = top + 20 * MM;
  doc.fillColor('#9b1c1c');
  centred(doc, 'GIẤY CÔNG NHẬN', left, w, 'bold', 34, 2);
  centred(doc, `DANH HIỆU “${upper(cert.title)}” NĂM ${cert.year}`, left, w, 'bold', 18, 8);
  doc.fillColor('#000000');
  centred(doc, `${upper(cert.decision.by)} công nhận`, left, w, 'italic', 14, 4);
  centred(doc, `${cert.honorific ? `${cert.honorific}: ` : ''}${nfc(cert.name)}`, left, w, 'bold', 26, 2);
  if (cert.representative) centred(doc, nfc(cert.representative), left, w, 'regular', 14, 2);
  if (cert.address) centred(doc, nfc(cert.address), left, w, 'regular', 14, 4);
  centred(doc, `Đã đạt danh hiệu “${nfc(cert.title)}” năm ${cert.year}`, left, w, 'regular', 15);
  centred(doc, `(Theo Quyết định số ${cert.decision.number} ngày ${viDateShort(cert.decision.date)})`, left, w, 'italic', 13);

  // Bottom row: QR on the left, signature on the right.
  const bottomY = doc.page.height - doc.page.margins.bottom - 52 * MM;
  const side = 34 * MM;
  drawQr(doc, qr, left + 4 * MM, bottomY + 6 * MM, side);
  doc.font('regular').fontSize(8).text(`Xác thực: ${verifyUrl(cert.baseUrl, cert.credentialId)}`, left, bottomY + 6 * MM + side + 2, { width: half, lineBreak: false });
  if (cert.registerNo) doc.font('regular').fontSize(11).text(`Số vào sổ: ${cert.registerNo}`, left + 4 * MM, bottomY, { width: half });
  const sx = left + half;
  doc.y = bottomY;
  centred(doc, placeDate(cert.place, cert.date), sx, half, 'italic', 13);
  if (cert.signer.mode === 'TM') centred(doc, `TM. ${upper(cert.signer.onBehalfOf ?? '')}`, sx, half, 'bold', 13);
  if (cert.signer.mode === 'KT') centred(doc, `KT. ${upper(cert.signer.onBehalfOf ?? '')}`, sx, half, 'bold', 13);
  centred(doc, upper(cert.signer.position), sx, half, 'bold', 13);
  doc.y += 18 * MM;
  centred(doc, nfc(cert.signer.name), sx, half, 'bold', 14);
}

/** Options of {@link renderCertificatesPdf}. */
export interface CertificatesPdfOptions {
  /**
   * Called after each page with the number of pages drawn so far and awaited before the next page
   * (a background job records its progress here; a rejection stops the rendering).
   */
  onPage?: (done: number) => void | Promise<void>;
}

/**
 * Many certificates in one PDF, one landscape page each — what a commune prints after a decision.
 * The font is parsed once for the whole file, so a page costs a fraction of a separate file.
 */
export async function renderCertificatesPdf(certs: readonly CertificateInput[], options: CertificatesPdfOptions = {}): Promise<Buffer> {
  if (certs.length === 0) throw new RangeError('Cần ít nhất một giấy công nhận');
  const c0 = certs[0]!;
  const margins = { top: 18 * MM, bottom: 15 * MM, left: 22 * MM, right: 22 * MM };
  const doc = createDoc({ title: `Giấy công nhận “${nfc(c0.title)}” năm ${c0.year} (${certs.length})`, author: c0.issuer.nameInText, createdAt: c0.createdAt ?? dateAt(c0.date), layout: 'landscape', margins });
  for (let i = 0; i < certs.length; i++) {
    const c = certs[i]!;
    if (i > 0) doc.addPage({ size: 'A4', layout: 'landscape', margins });
    renderCertificateInto(doc, c, qrMatrix(verifyUrl(c.baseUrl, c.credentialId)));
    if (options.onPage) await options.onPage(i + 1);
  }
  return toBuffer(doc);
}
