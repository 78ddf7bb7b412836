/** PDF plumbing on pdfkit: a document with the embedded font, fixed metadata, and a table that breaks across pages. */
import PDFDocument from 'pdfkit';
import { fontBuffers, type FontFace } from './fonts.js';

export type Doc = PDFKit.PDFDocument;

export interface DocOptions {
  readonly title: string;
  readonly author?: string;
  readonly subject?: string;
  /** Creation date written into the file (no clock: a fixed value keeps files reproducible). */
  readonly createdAt: Date;
  readonly layout?: 'portrait' | 'landscape';
  /** Margins in points; administrative documents: top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
  readonly margins?: { top: number; bottom: number; left: number; right: number };
}

export const MM = 72 / 25.4;

/** Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, top 20 mm, bottom 20 mm, left 30 mm, right 15 mm. */
export const ND30_MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };

/** A new A4 document with the four faces registered as `regular`, `bold`, `italic`, `boldItalic`. */
export function createDoc(o: DocOptions): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    layout: o.layout ?? 'portrait',
    margins: o.margins ?? ND30_MARGINS,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: o.title,
      Author: o.author ?? '',
      Subject: o.subject ?? '',
      Creator: '@hoctap/documents',
      Producer: '@hoctap/documents (pdfkit)',
      CreationDate: o.createdAt,
      ModDate: o.createdAt,
    },
    lang: 'vi-VN',
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions);
  // The buffers are parsed again by each document (~50 ms per face used). Sharing one parsed fontkit
  // font between documents was tried: 40× faster, but it corrupted glyph subsets (letters missing in
  // pdftotext), so it is not done. For volume, render many certificates into one file
  // (renderCertificatesPdf), which parses each face once.
  const fonts = fontBuffers();
  for (const face of Object.keys(fonts) as FontFace[]) doc.registerFont(face, fonts[face]);
  doc.font('regular');
  return doc;
}

/** Ends the document and collects it into one Buffer. */
export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** The creation date for a document dated `iso` (midnight in Asia/Ho_Chi_Minh, i.e. 17:00 UTC the day before). */
export const dateAt = (iso: string): Date => new Date(`${iso.slice(0, 10)}T00:00:00+07:00`);

export const contentWidth = (doc: Doc): number => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const bottomLimit = (doc: Doc): number => doc.page.height - doc.page.margins.bottom;

/** Text centred in the box [x, x + w] at the current y. */
export function centred(doc: Doc, text: string, x: number, w: number, face: FontFace, size: number, gap = 0): void {
  doc.font(face).fontSize(size).text(text, x, doc.y, { width: w, align: 'center' });
  if (gap) doc.y += gap;
}

/** A horizontal rule of `len` centred under the box [x, x + w] at y. */
export function rule(doc: Doc, x: number, w: number, len: number, y: number): void {
  const x0 = x + (w - len) / 2;
  doc.save().lineWidth(0.6).moveTo(x0, y).lineTo(x0 + len, y).stroke().restore();
}

export interface Column {
  readonly header: string;
  readonly width: number;
  readonly align?: 'left' | 'center' | 'right';
}

export interface TableRow {
  readonly cells: readonly string[];
  readonly bold?: boolean;
  /** Minimum row height (e.g. room for a signature). */
  readonly minHeight?: number;
}

/**
 * Draws a table at the current y with `columns`, repeating the header on each new page.
 * Returns the y after the table.
 */
export function table(doc: Doc, columns: readonly Column[], rows: readonly TableRow[], opts: { size?: number; x?: number; pad?: number } = {}): number {
  const size = opts.size ?? 11;
  const pad = opts.pad ?? 3;
  const x0 = opts.x ?? doc.page.margins.left;
  const heightOf = (cells: readonly string[], face: FontFace): number => {
    doc.font(face).fontSize(size);
    let h = 0;
    cells.forEach((c, i) => {
      h = Math.max(h, doc.heightOfString(c || ' ', { width: columns[i]!.width - 2 * pad }));
    });
    return h + 2 * pad;
  };
  const drawRow = (cells: readonly string[], y: number, h: number, face: FontFace, header: boolean) => {
    let x = x0;
    doc.font(face).fontSize(size).lineWidth(0.5);
    cells.forEach((c, i) => {
      const col = columns[i]!;
      doc.rect(x, y, col.width, h).stroke();
      doc.text(c, x + pad, y + pad, { width: col.width - 2 * pad, align: header ? 'center' : (col.align ?? 'left'), lineBreak: true });
      x += col.width;
    });
  };
  const headers = columns.map((c) => c.header);
  const hh = heightOf(headers, 'bold');
  let y = doc.y;
  if (y + hh + 20 > bottomLimit(doc)) {
    doc.addPage();
    y = doc.page.margins.top;
  }
  drawRow(headers, y, hh, 'bold', true);
  y += hh;
  for (const r of rows) {
    const face: FontFace = r.bold ? 'bold' : 'regular';
    const h = Math.max(heightOf(r.cells, face), r.minHeight ?? 0);
    if (y + h > bottomLimit(doc)) {
      doc.addPage();
      y = doc.page.margins.top;
      drawRow(headers, y, hh, 'bold', true);
      y += hh;
    }
    drawRow(r.cells, y, h, face, false);
    y += h;
  }
  doc.x = x0;
  doc.y = y + 6;
  return doc.y;
}

/** Page numbers at the top centre from page 2 on (Nghị định 30/2020, Phụ lục I). */
export function pageNumbers(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const top = doc.page.margins.top;
    doc.page.margins.top = 0;
    doc.font('regular').fontSize(12).text(String(i + 1), 0, 8 * MM, { width: doc.page.width, align: 'center', lineBreak: false });
    doc.page.margins.top = top;
  }
}
