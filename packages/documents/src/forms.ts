/**
 * Paper forms generated from a plugin's `PluginForm` fields (registration slip, collective
 * registration list with a signature column, commitment mẫu 1, self-study plan mẫu 2, minutes), and
 * the score sheet generated from a criteria model.
 */
import type { Model, PluginForm } from '@hoctap/core';
import { adminHeader, type IssuingBody } from './decision.js';
import { centred, contentWidth, createDoc, dateAt, MM, pageNumbers, table, toBuffer, type Column, type Doc } from './pdf.js';
import { titleRulesWords } from './rules.js';
import { nfc, viNumber, type IsoDate } from './text.js';

export interface FormContext {
  /** The body the form is addressed from; without it only the national motto heads the form. */
  readonly issuer?: IssuingBody;
  readonly place?: string;
  /** The printing date (also the PDF's creation date). */
  readonly date: IsoDate;
  readonly year?: number;
  /** Values to pre-fill, by field id. */
  readonly values?: Readonly<Record<string, string>>;
  /** Rows of a list form (collective registration), by field id. */
  readonly rows?: readonly Readonly<Record<string, string>>[];
  /** Empty rows added after the given ones (default 5; 15 when no rows are given). */
  readonly blankRows?: number;
}

type Field = PluginForm['fields'][number];

const dots = (doc: Doc, w: number) => {
  doc.font('regular').fontSize(13);
  const n = Math.max(4, Math.floor(w / doc.widthOfString('.')));
  return '.'.repeat(n);
};

function fieldLine(doc: Doc, f: Field, value: string | undefined, left: number, w: number): void {
  const label = `${nfc(f.label)}: `;
  doc.font('regular').fontSize(13);
  const lw = doc.widthOfString(label);
  if (f.type === 'date' && !value) {
    doc.text(`${label}ngày ........ tháng ........ năm ............`, left, doc.y, { width: w, paragraphGap: 6 });
    return;
  }
  if (f.type === 'long-text') {
    doc.text(label, left, doc.y, { width: w });
    if (value) doc.text(nfc(value), left, doc.y, { width: w, paragraphGap: 6 });
    else for (let i = 0; i < 4; i++) doc.text(dots(doc, w), left, doc.y, { width: w, lineBreak: false, lineGap: 6 });
    doc.y += 6;
    return;
  }
  doc.text(label + (value ? nfc(value) : dots(doc, w - lw - 4)), left, doc.y, { width: w, paragraphGap: 6, lineBreak: !!value });
  if (!value) doc.y += 4;
}

/** Signature boxes side by side at the bottom: one per signature field, each with its label. */
function signatures(doc: Doc, fields: readonly Field[], place: string | undefined, left: number, w: number): void {
  if (fields.length === 0) return;
  if (doc.y + 45 * MM > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.y += 8;
  const y0 = doc.y;
  const bw = w / Math.max(2, fields.length);
  fields.forEach((f, i) => {
    const x = left + w - bw * (fields.length - i);
    doc.y = y0;
    if (i === fields.length - 1) centred(doc, `${place ? nfc(place) : '..............'}, ngày ...... tháng ...... năm ........`, x - (fields.length === 1 ? bw / 2 : 0), fields.length === 1 ? bw * 1.5 : bw, 'italic', 12);
    else doc.y += 17;
    centred(doc, nfc(f.label.replace(/\s*\(?ký tên\)?\s*$/i, '')), x, bw, 'bold', 12);
    centred(doc, '(Ký và ghi rõ họ tên)', x, bw, 'italic', 11);
  });
  doc.y = y0 + 40 * MM;
}

function heading(doc: Doc, form: PluginForm, ctx: FormContext): void {
  const left = doc.page.margins.left;
  const w = contentWidth(doc);
  if (ctx.issuer) adminHeader(doc, ctx.issuer, undefined, ctx.place ?? '', undefined);
  else {
    centred(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left, w, 'bold', 12);
    centred(doc, 'Độc lập - Tự do - Hạnh phúc', left, w, 'bold', 13, 14);
  }
  centred(doc, nfc(form.title).toLocaleUpperCase('vi'), left, w, 'bold', 14, 2);
  if (ctx.year) centred(doc, `Năm ${ctx.year}`, left, w, 'bold', 13, 2);
  doc.y += 10;
}

/** Renders a form from its fields. A collective registration becomes a table with a signature column. */
export async function renderFormPdf(form: PluginForm, ctx: FormContext): Promise<Buffer> {
  const doc = createDoc({ title: nfc(form.title), subject: nfc(form.source), createdAt: dateAt(ctx.date) });
  const left = doc.page.margins.left;
  const w = contentWidth(doc);
  heading(doc, form, ctx);
  const values = ctx.values ?? {};
  if (form.kind === 'collective-registration') {
    // Fields before `stt` head the list; `stt` and after are its columns.
    const k = Math.max(0, form.fields.findIndex((f) => f.id === 'stt'));
    const head = form.fields.slice(0, k);
    const cols = form.fields.slice(k);
    for (const f of head) fieldLine(doc, f, values[f.id], left, w);
    doc.y += 4;
    const fixed: Record<Field['type'], number> = { number: 13 * MM, signature: 35 * MM, date: 28 * MM, text: 0, 'long-text': 0 };
    const flexible = cols.filter((c) => fixed[c.type] === 0);
    const rest = w - cols.reduce((s, c) => s + fixed[c.type], 0);
    const columns: Column[] = cols.map((c) => ({
      header: nfc(c.label),
      width: fixed[c.type] || (c.id === 'ho-ten' ? rest * 0.55 : rest * (0.45 / Math.max(1, flexible.length - 1))),
      align: c.type === 'number' ? 'center' : 'left',
    }));
    if (flexible.length === 1) columns[cols.indexOf(flexible[0]!)] = { ...columns[cols.indexOf(flexible[0]!)]!, width: rest };
    const given = ctx.rows ?? [];
    const blank = ctx.blankRows ?? (given.length ? 5 : 15);
    const rows = [...given.map((r, i) => cols.map((c) => (c.id === 'stt' ? String(i + 1) : c.type === 'signature' ? '' : nfc(r[c.id] ?? '')))), ...Array.from({ length: blank }, (_, i) => cols.map((c) => (c.id === 'stt' ? String(given.length + i + 1) : '')))];
    table(doc, columns, rows.map((cells) => ({ cells, minHeight: 9 * MM })), { size: 12 });
    doc.font('italic').fontSize(11).text(`Danh sách gồm ${given.length} người đăng ký; mỗi người tự ký vào cột “${nfc(cols.find((c) => c.type === 'signature')?.label ?? 'Ký tên')}”.`, left, doc.y, { width: w });
    doc.y += 6;
    signatures(doc, [{ id: 'thu-truong', label: 'Thủ trưởng cơ quan, đơn vị', type: 'signature' }], ctx.place, left, w);
  } else {
    const sigs = form.fields.filter((f) => f.type === 'signature');
    for (const f of form.fields) if (f.type !== 'signature') fieldLine(doc, f, values[f.id], left, w);
    signatures(doc, sigs, ctx.place, left, w);
  }
  doc.font('italic').fontSize(9).fillColor('#444444').text(`Căn cứ biểu mẫu: ${nfc(form.source)}`, left, doc.y + 6, { width: w });
  doc.fillColor('#000000');
  pageNumbers(doc);
  return toBuffer(doc);
}

export interface ScoreSheetOptions {
  /** Target group id (nhóm đối tượng): only its indicators, with its wording and maxima. */
  readonly group?: string;
  readonly date?: IsoDate;
  readonly issuer?: IssuingBody;
  readonly place?: string;
  readonly year?: number;
}

/** Indicators of a model that apply to a group, with the group's wording and maximum. */
export function indicatorsFor(model: Model, group?: string): { id: string; criterion: string; text: string; max: number; kind: string }[] {
  return model.indicators
    .filter((i) => i.onlyFor.length === 0 || (group !== undefined && i.onlyFor.includes(group)))
    .map((i) => {
      const v = group !== undefined ? i.variants[group] : undefined;
      return { id: i.id, criterion: i.criterion, text: v?.text ?? i.text, max: v?.max ?? i.max, kind: i.measure.kind };
    });
}

/** The score sheet of a framework: criteria and indicators with maxima, "Tự chấm" and "Hội đồng chấm" columns, total, and the titles' rules in words. */
export async function renderScoreSheetPdf(model: Model, opts: ScoreSheetOptions = {}): Promise<Buffer> {
  const date = opts.date ?? model.effective?.from ?? '2000-01-01';
  const doc = createDoc({ title: `Phiếu chấm điểm — ${nfc(model.title)}`, subject: model.id, createdAt: dateAt(date), margins: { top: 15 * MM, bottom: 15 * MM, left: 20 * MM, right: 15 * MM } });
  const left = doc.page.margins.left;
  const w = contentWidth(doc);
  if (opts.issuer) adminHeader(doc, opts.issuer, undefined, opts.place ?? '', undefined);
  else {
    centred(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left, w, 'bold', 12);
    centred(doc, 'Độc lập - Tự do - Hạnh phúc', left, w, 'bold', 13, 10);
  }
  centred(doc, 'PHIẾU TỰ CHẤM ĐIỂM VÀ CHẤM ĐIỂM', left, w, 'bold', 14);
  centred(doc, nfc(model.title), left, w, 'bold', 13);
  if (opts.year) centred(doc, `Năm ${opts.year}`, left, w, 'bold', 13);
  const group = opts.group !== undefined ? model.groups.find((g) => g.id === opts.group) : undefined;
  if (opts.group !== undefined && !group) throw new RangeError(`Bộ tiêu chí ${model.id} không có nhóm đối tượng "${opts.group}"`);
  if (group) centred(doc, `Nhóm đối tượng: ${nfc(group.name)}`, left, w, 'italic', 12);
  doc.y += 8;
  doc.font('regular').fontSize(12);
  const subjectLabel: Record<string, string> = { citizen: 'Họ và tên', household: 'Chủ hộ', clan: 'Dòng họ', community: 'Thôn, tổ dân phố', commune: 'Xã, phường', unit: 'Cơ quan, đơn vị' };
  doc.text(`${subjectLabel[model.subject] ?? 'Tên'}: ${'.'.repeat(70)}`, left, doc.y, { width: w, lineBreak: false });
  doc.text(`Địa chỉ / đơn vị: ${'.'.repeat(64)}`, left, doc.y + 6, { width: w, lineBreak: false });
  doc.y += 10;

  const inds = indicatorsFor(model, opts.group);
  const cols: Column[] = [
    { header: 'Số', width: 12 * MM, align: 'center' },
    { header: 'Tiêu chí / chỉ số', width: w - 12 * MM - 3 * 20 * MM, align: 'left' },
    { header: 'Điểm tối đa', width: 20 * MM, align: 'center' },
    { header: 'Tự chấm', width: 20 * MM, align: 'center' },
    { header: 'Hội đồng chấm', width: 20 * MM, align: 'center' },
  ];
  const rows: { cells: string[]; bold?: boolean }[] = [];
  let total = 0;
  for (const c of model.criteria) {
    const mine = inds.filter((i) => i.criterion === c.id);
    if (mine.length === 0) continue;
    const cmax = mine.reduce((s, i) => s + i.max, 0);
    total += cmax;
    rows.push({ cells: [c.id, nfc(c.text), viNumber(cmax), '', ''], bold: true });
    for (const i of mine) {
      const note = i.kind === 'yes-no' ? ' (có / không)' : i.kind === 'member-ratio' ? ' (tính theo tỷ lệ thành viên)' : i.kind === 'measured' ? ' (theo số đo)' : '';
      rows.push({ cells: [i.id, nfc(i.text) + note, viNumber(i.max), '', ''] });
    }
  }
  rows.push({ cells: ['', 'Tổng cộng', viNumber(total), '', ''], bold: true });
  table(doc, cols, rows, { size: 10.5 });

  doc.font('bold').fontSize(12).text('Điều kiện công nhận', left, doc.y + 4, { width: w });
  for (const r of titleRulesWords(model)) doc.font('regular').fontSize(11).text(`- ${r}`, left, doc.y, { width: w, align: 'justify', paragraphGap: 2 });
  if (model.rules.evidenceForAll || model.indicators.some((i) => i.needsEvidence)) doc.font('italic').fontSize(11).text('Chỉ số cần minh chứng phải kèm minh chứng khi nộp phiếu.', left, doc.y, { width: w });
  signatures(
    doc,
    [
      { id: 'tu-cham', label: 'Người tự chấm', type: 'signature' },
      { id: 'hoi-dong', label: 'T/M Hội đồng chấm', type: 'signature' },
    ],
    opts.place,
    left,
    w,
  );
  pageNumbers(doc);
  return toBuffer(doc);
}
