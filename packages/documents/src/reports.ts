/**
 * Reports sent up the chain: the yearly statistics (registered, recognised, share against the
 * target, by locality / title / target group; due 15 December) with real Excel formulas, the same as
 * PDF, and the 1-, 3- and 5-year registers of title holders (Yên Bái, KH 86/KH-UBND 2016, nhiệm vụ 3).
 */
import ExcelJS from 'exceljs';
import { adminHeader, type IssuingBody } from './decision.js';
import { centred, contentWidth, createDoc, dateAt, MM, pageNumbers, table, toBuffer } from './pdf.js';
import { nfc, viDateShort, viNumber, type IsoDate } from './text.js';
import { fixZipDates } from './zip.js';

export interface YearlyReportRow {
  /** Commune or province name. */
  readonly locality: string;
  /** Title name: "Công dân học tập". */
  readonly title: string;
  /** Target group name, when the framework has groups. */
  readonly group?: string;
  readonly registered: number;
  readonly recognised: number;
  /** The population the share is measured against (see `denominatorNote`). */
  readonly denominator: number;
  /** Target share in percent for the year, when a target applies. */
  readonly target?: number;
}

export interface YearlyReportData {
  readonly year: number;
  /** Who reports: "UBND phường Tân Thạnh". */
  readonly reportingBody: string;
  /** To whom: "Hội Khuyến học tỉnh". */
  readonly recipient: string;
  /** Deadline; default 15 December of the year. */
  readonly deadline?: IsoDate;
  /** Report date (also the files' creation date). */
  readonly date: IsoDate;
  /** What the denominator counts, stated in the report: "Số người từ 15 tuổi trở lên …". */
  readonly denominatorNote: string;
  readonly rows: readonly YearlyReportRow[];
  /** The registered subjects one by one (the list annexed to the report), when given. */
  readonly subjects?: readonly YearlyReportSubject[];
  readonly issuer?: IssuingBody;
  readonly place?: string;
}

/** One registered subject of the yearly report's list: a person, or a group with its representative. */
export interface YearlyReportSubject {
  readonly kind: 'person' | 'household' | 'clan' | 'community' | 'unit';
  /** A person's full name, or the group's name. */
  readonly name: string;
  /** A group's representative as printed: "Chủ hộ: Nguyễn Văn An". */
  readonly representative?: string;
  /** Village / residential group. */
  readonly village?: string;
  /** Commune / ward. */
  readonly commune?: string;
  /** The committee's total, when scored. */
  readonly total?: number;
  /** "Được công nhận", "Không được công nhận", "Đã thu hồi", "Chưa có quyết định (…)". */
  readonly result: string;
}

/** The list's name header, by the kind of its subjects. */
const SUBJECT_HEADERS = { person: 'Họ và tên', household: 'Hộ gia đình', clan: 'Dòng họ', community: 'Cộng đồng (thôn, tổ dân phố, xã)', unit: 'Đơn vị' } as const;

/** The list's columns: persons without the representative column, groups with it. */
function subjectColumns(list: readonly YearlyReportSubject[]): { header: string; width: number; cell: (x: YearlyReportSubject) => string | number | null }[] {
  const group = list.find((x) => x.kind !== 'person')?.kind;
  return [
    { header: SUBJECT_HEADERS[group ?? 'person'], width: 30, cell: (x) => nfc(x.name) },
    ...(group ? [{ header: 'Người đại diện', width: 30, cell: (x: YearlyReportSubject) => nfc(x.representative ?? '') }] : []),
    { header: 'Thôn, tổ dân phố', width: 20, cell: (x) => nfc(x.village ?? '') },
    { header: 'Xã, phường', width: 20, cell: (x) => nfc(x.commune ?? '') },
    { header: 'Tổng điểm', width: 10, cell: (x) => x.total ?? null },
    { header: 'Kết quả', width: 26, cell: (x) => nfc(x.result) },
  ];
}

const HEAD = ['STT', 'Địa bàn', 'Danh hiệu', 'Nhóm đối tượng', 'Số đăng ký', 'Số được công nhận', 'Mẫu số', 'Tỷ lệ công nhận / mẫu số', 'Chỉ tiêu', 'Đánh giá', 'Tỷ lệ công nhận / đăng ký'];
const FIRST = 6; // first data row (rows 1–4: heading; 5: header)

const thin = { style: 'thin' as const };
const box = { top: thin, left: thin, bottom: thin, right: thin };
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/** Builds the yearly report workbook. Shares and totals are formulas, with their values cached for readers that do not calculate. */
export async function buildYearlyReportXlsx(data: YearlyReportData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '@hoctap/documents';
  wb.created = dateAt(data.date);
  wb.modified = dateAt(data.date);
  const ws = wb.addWorksheet('Báo cáo năm', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const deadline = data.deadline ?? `${data.year}-12-15`;
  ws.mergeCells('A1:K1');
  ws.getCell('A1').value = `BÁO CÁO KẾT QUẢ ĐĂNG KÝ, CÔNG NHẬN DANH HIỆU HỌC TẬP NĂM ${data.year}`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.mergeCells('A2:K2');
  ws.getCell('A2').value = `Đơn vị báo cáo: ${nfc(data.reportingBody)} — Nơi nhận: ${nfc(data.recipient)} — Hạn gửi: ${viDateShort(deadline)}`;
  ws.getCell('A2').alignment = { horizontal: 'center' };
  ws.mergeCells('A3:K3');
  ws.getCell('A3').value = `Mẫu số: ${nfc(data.denominatorNote)}`;
  ws.getCell('A3').font = { italic: true };
  ws.getRow(5).values = HEAD;
  ws.getRow(5).font = { bold: true };
  ws.getRow(5).alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  ws.getRow(5).height = 45;
  [6, 22, 22, 26, 11, 11, 11, 13, 10, 11, 13].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  data.rows.forEach((r, k) => {
    const n = FIRST + k;
    const row = ws.getRow(n);
    row.getCell(1).value = k + 1;
    row.getCell(2).value = nfc(r.locality);
    row.getCell(3).value = nfc(r.title);
    row.getCell(4).value = r.group ? nfc(r.group) : 'Chung';
    row.getCell(5).value = r.registered;
    row.getCell(6).value = r.recognised;
    row.getCell(7).value = r.denominator;
    row.getCell(8).value = { formula: `IF(G${n}>0,F${n}/G${n},0)`, result: ratio(r.recognised, r.denominator) };
    row.getCell(9).value = r.target === undefined ? null : r.target / 100;
    row.getCell(10).value = r.target === undefined ? { formula: `IF(I${n}="","Không có chỉ tiêu","")`, result: 'Không có chỉ tiêu' } : { formula: `IF(H${n}>=I${n},"Đạt","Chưa đạt")`, result: ratio(r.recognised, r.denominator) >= r.target / 100 ? 'Đạt' : 'Chưa đạt' };
    row.getCell(11).value = { formula: `IF(E${n}>0,F${n}/E${n},0)`, result: ratio(r.recognised, r.registered) };
  });
  const last = FIRST + data.rows.length - 1;
  const t = last + 1;
  const sum = (col: 'E' | 'F' | 'G', pick: (r: YearlyReportRow) => number) => ({ formula: `SUM(${col}${FIRST}:${col}${last})`, result: data.rows.reduce((s, r) => s + pick(r), 0) });
  const totals = ws.getRow(t);
  ws.mergeCells(`A${t}:D${t}`);
  totals.getCell(1).value = 'Tổng cộng';
  totals.getCell(5).value = sum('E', (r) => r.registered);
  totals.getCell(6).value = sum('F', (r) => r.recognised);
  totals.getCell(7).value = sum('G', (r) => r.denominator);
  const R = data.rows.reduce((s, r) => s + r.recognised, 0);
  const D = data.rows.reduce((s, r) => s + r.denominator, 0);
  const G = data.rows.reduce((s, r) => s + r.registered, 0);
  totals.getCell(8).value = { formula: `IF(G${t}>0,F${t}/G${t},0)`, result: ratio(R, D) };
  totals.getCell(11).value = { formula: `IF(E${t}>0,F${t}/E${t},0)`, result: ratio(R, G) };
  totals.font = { bold: true };
  for (let n = 5; n <= t; n++) {
    for (let c = 1; c <= 11; c++) {
      const cell = ws.getRow(n).getCell(c);
      cell.border = box;
      if ([8, 9, 11].includes(c) && n > 5) cell.numFmt = '0.0%';
      if (n > 5 && [2, 3, 4].includes(c)) cell.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  ws.getCell(`A${t + 2}`).value = `Tỷ lệ công nhận = Số được công nhận / Mẫu số (cột H = F / G); tỷ lệ trên số đăng ký = F / E. Mẫu số: ${nfc(data.denominatorNote)}`;
  ws.getCell(`A${t + 2}`).font = { italic: true };
  ws.views = [{ state: 'frozen', ySplit: 5 }];
  if (data.subjects) {
    const list = wb.addWorksheet('Danh sách', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    const cols = subjectColumns(data.subjects);
    list.mergeCells(1, 1, 1, cols.length + 1);
    list.getCell('A1').value = `DANH SÁCH ĐĂNG KÝ VÀ KẾT QUẢ CÔNG NHẬN NĂM ${data.year}`;
    list.getCell('A1').font = { bold: true, size: 13 };
    list.getRow(3).values = ['STT', ...cols.map((c) => c.header)];
    list.getRow(3).font = { bold: true };
    [6, ...cols.map((c) => c.width)].forEach((w, i) => (list.getColumn(i + 1).width = w));
    data.subjects.forEach((x, i) => (list.getRow(4 + i).values = [i + 1, ...cols.map((c) => c.cell(x))]));
    for (let n = 3; n <= 3 + data.subjects.length; n++) for (let c = 1; c <= cols.length + 1; c++) list.getRow(n).getCell(c).border = box;
    list.views = [{ state: 'frozen', ySplit: 3 }];
  }
  return fixZipDates(Buffer.from(await wb.xlsx.writeBuffer()), dateAt(data.date));
}

/** The yearly report as a PDF (landscape), same figures as the workbook. */
export async function renderYearlyReportPdf(data: YearlyReportData): Promise<Buffer> {
  const doc = createDoc({ title: `Báo cáo kết quả công nhận danh hiệu học tập năm ${data.year}`, author: data.reportingBody, createdAt: dateAt(data.date), layout: 'landscape', margins: { top: 15 * MM, bottom: 15 * MM, left: 20 * MM, right: 15 * MM } });
  const left = doc.page.margins.left;
  const w = contentWidth(doc);
  if (data.issuer) adminHeader(doc, data.issuer, undefined, data.place ?? '', data.date);
  centred(doc, 'BÁO CÁO', left, w, 'bold', 14);
  centred(doc, `Kết quả đăng ký, công nhận danh hiệu học tập năm ${data.year}`, left, w, 'bold', 13);
  centred(doc, `Kính gửi: ${nfc(data.recipient)} (hạn gửi ${viDateShort(data.deadline ?? `${data.year}-12-15`)})`, left, w, 'italic', 12, 6);
  doc.font('italic').fontSize(11).text(`Mẫu số: ${nfc(data.denominatorNote)}`, left, doc.y, { width: w });
  doc.y += 6;
  const widths = [10, 38, 38, 50, 20, 22, 20, 24, 18, 20];
  const scale = w / (widths.reduce((s, x) => s + x, 0) * MM);
  const headers = HEAD.slice(0, 10);
  const pct = (x: number) => `${viNumber(Math.round(x * 1000) / 10)}%`;
  const rows = data.rows.map((r, i) => {
    const share = ratio(r.recognised, r.denominator);
    return { cells: [String(i + 1), nfc(r.locality), nfc(r.title), r.group ? nfc(r.group) : 'Chung', String(r.registered), String(r.recognised), String(r.denominator), pct(share), r.target === undefined ? '' : `${viNumber(r.target)}%`, r.target === undefined ? 'Không có chỉ tiêu' : share * 100 >= r.target ? 'Đạt' : 'Chưa đạt'] };
  });
  const R = data.rows.reduce((s, r) => s + r.recognised, 0);
  const D = data.rows.reduce((s, r) => s + r.denominator, 0);
  rows.push({ cells: ['', 'Tổng cộng', '', '', String(data.rows.reduce((s, r) => s + r.registered, 0)), String(R), String(D), pct(ratio(R, D)), '', ''] });
  table(doc, headers.map((h, i) => ({ header: h, width: widths[i]! * MM * scale, align: i >= 4 ? 'center' : 'left' })), rows.map((r, i) => ({ ...r, bold: i === rows.length - 1 })), { size: 9.5 });
  if (data.subjects) {
    doc.addPage();
    centred(doc, `DANH SÁCH ĐĂNG KÝ VÀ KẾT QUẢ CÔNG NHẬN NĂM ${data.year}`, left, w, 'bold', 13, 6);
    const cols = subjectColumns(data.subjects);
    const cw = [10, ...cols.map((c) => c.width)];
    const sc = w / (cw.reduce((s, x) => s + x, 0) * MM);
    table(
      doc,
      ['STT', ...cols.map((c) => c.header)].map((header, i) => ({ header, width: cw[i]! * MM * sc, align: i === 0 || cols[i - 1]?.header === 'Tổng điểm' ? 'center' : 'left' })),
      data.subjects.map((x, i) => ({ cells: [String(i + 1), ...cols.map((c) => { const v = c.cell(x); return v === null ? '' : typeof v === 'number' ? viNumber(v) : v; })] })),
      { size: 9.5 },
    );
    doc.font('italic').fontSize(10).text(data.subjects.length ? `Cộng: ${data.subjects.length}` : 'Chưa có hồ sơ đăng ký.', left, doc.y, { width: w });
  }
  pageNumbers(doc);
  return toBuffer(doc);
}

// ---------------------------------------------------------------- registers

export interface TitleHolder {
  readonly name: string;
  /** What the holder is: a person (default) or a household, clan, community or unit. */
  readonly kind?: 'person' | 'household' | 'clan' | 'community' | 'unit';
  /** A group's representative as printed: "Chủ hộ: Nguyễn Văn An". */
  readonly representative?: string;
  /** Village / unit. */
  readonly address?: string;
  /** Years in which the subject held the title. */
  readonly years: readonly number[];
  /** The decision of the register's year, as printed in the notes column: "12/QĐ-UBND ngày 01/12/2020". */
  readonly decision?: string;
}

/** The name column's header for groups, by kind. */
const GROUP_HEADERS = { household: 'Hộ gia đình', clan: 'Dòng họ', community: 'Cộng đồng (thôn, tổ dân phố, xã)', unit: 'Đơn vị' } as const;

/**
 * A register's columns: a person's name, address, years, consecutive years, notes (the decision); a
 * group's also its representative (chủ hộ, trưởng họ, trưởng thôn, thủ trưởng) beside its name.
 */
function registerColumns(data: RegistersData): { header: string; width: number; cell: (h: TitleHolder) => string | number }[] {
  const group = data.holders.find((h) => h.kind && h.kind !== 'person')?.kind as keyof typeof GROUP_HEADERS | undefined;
  return [
    { header: group ? GROUP_HEADERS[group] : 'Họ và tên', width: 28, cell: (h) => nfc(h.name) },
    ...(group ? [{ header: 'Người đại diện', width: 30, cell: (h: TitleHolder) => nfc(h.representative ?? '') }] : []),
    { header: 'Địa chỉ / đơn vị', width: 28, cell: (h) => nfc(h.address ?? '') },
    { header: 'Các năm đạt danh hiệu', width: 30, cell: (h) => [...h.years].sort((a, b) => a - b).join(', ') },
    { header: 'Số năm liên tục đến ' + data.year, width: 14, cell: (h) => consecutiveYears(h.years, data.year) },
    { header: 'Ghi chú', width: group ? 26 : 16, cell: (h) => (h.decision ? `QĐ ${nfc(h.decision)}` : '') },
  ];
}

export interface RegistersData {
  readonly title: string;
  /** The register's year: holders are counted up to it. */
  readonly year: number;
  readonly locality: string;
  readonly date: IsoDate;
  readonly holders: readonly TitleHolder[];
}

/** Consecutive years ending in `year` in which the title was held (0 if not held in `year`). */
export function consecutiveYears(years: readonly number[], year: number): number {
  const set = new Set(years);
  let n = 0;
  while (set.has(year - n)) n++;
  return n;
}

/** Who goes in each register: 1 year (held in `year`), 3 and 5 consecutive years ending in `year`. */
export function registers(data: RegistersData): Record<1 | 3 | 5, TitleHolder[]> {
  const by = (k: number) => data.holders.filter((h) => consecutiveYears(h.years, data.year) >= k);
  return { 1: by(1), 3: by(3), 5: by(5) };
}

/** The 1-, 3- and 5-year registers as one workbook (one sheet each) with a summary sheet of cross-sheet formulas. */
export async function buildRegistersXlsx(data: RegistersData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '@hoctap/documents';
  wb.created = dateAt(data.date);
  wb.modified = dateAt(data.date);
  const reg = registers(data);
  const summary = wb.addWorksheet('Tổng hợp');
  const sheets: { k: 1 | 3 | 5; name: string; last: number }[] = [];
  for (const k of [1, 3, 5] as const) {
    const name = `Sổ ${k} năm`;
    const ws = wb.addWorksheet(name);
    const cols = registerColumns(data);
    ws.mergeCells(1, 1, 1, cols.length + 1);
    ws.getCell('A1').value = registerHeading(data, k);
    ws.getCell('A1').font = { bold: true, size: 13 };
    ws.getCell('A2').value = `Địa bàn: ${nfc(data.locality)}`;
    ws.getRow(4).values = ['STT', ...cols.map((c) => c.header)];
    ws.getRow(4).font = { bold: true };
    [6, ...cols.map((c) => c.width)].forEach((w, i) => (ws.getColumn(i + 1).width = w));
    reg[k].forEach((h, i) => {
      const n = 5 + i;
      ws.getRow(n).values = [i + 1, ...cols.map((c) => c.cell(h))];
    });
    const last = 4 + reg[k].length;
    for (let n = 4; n <= Math.max(last, 4); n++) for (let c = 1; c <= cols.length + 1; c++) ws.getRow(n).getCell(c).border = box;
    sheets.push({ k, name, last });
  }
  summary.mergeCells('A1:C1');
  summary.getCell('A1').value = `TỔNG HỢP SỔ THEO DÕI DANH HIỆU “${nfc(data.title).toLocaleUpperCase('vi')}” ĐẾN NĂM ${data.year}`;
  summary.getCell('A1').font = { bold: true, size: 13 };
  summary.getCell('A2').value = `Địa bàn: ${nfc(data.locality)}`;
  summary.getRow(4).values = ['Sổ', 'Số người / hộ / đơn vị', 'Tỷ lệ so với sổ 1 năm'];
  summary.getRow(4).font = { bold: true };
  [22, 24, 24].forEach((w, i) => (summary.getColumn(i + 1).width = w));
  sheets.forEach((s, i) => {
    const n = 5 + i;
    summary.getCell(`A${n}`).value = s.name;
    summary.getCell(`B${n}`).value = { formula: `COUNTA('${s.name}'!B5:B${Math.max(5, s.last)})`, result: reg[s.k].length };
    summary.getCell(`C${n}`).value = { formula: `IF($B$5>0,B${n}/$B$5,0)`, result: ratio(reg[s.k].length, reg[1].length) };
    summary.getCell(`C${n}`).numFmt = '0.0%';
  });
  summary.getCell('A9').value = 'Sổ 3 năm, 5 năm: đạt danh hiệu liên tục 3, 5 năm tính đến năm của sổ (KH 86/KH-UBND ngày 17/5/2016 của UBND tỉnh Yên Bái, nhiệm vụ 3, mục 2).';
  summary.getCell('A9').font = { italic: true };
  return fixZipDates(Buffer.from(await wb.xlsx.writeBuffer()), dateAt(data.date));
}

/** The heading of register `k`: "SỔ THEO DÕI DANH HIỆU “GIA ĐÌNH HỌC TẬP” — 3 NĂM LIÊN TỤC (2018–2020)". */
const registerHeading = (data: RegistersData, k: 1 | 3 | 5): string =>
  `SỔ THEO DÕI DANH HIỆU “${nfc(data.title).toLocaleUpperCase('vi')}” — ${k === 1 ? `NĂM ${data.year}` : `${k} NĂM LIÊN TỤC (${data.year - k + 1}–${data.year})`}`;

/**
 * The 1-, 3- and 5-year registers as one PDF (landscape, same layout as the yearly report): a summary
 * table, then each register on its own page with the same columns as the workbook.
 */
export async function renderRegistersPdf(data: RegistersData): Promise<Buffer> {
  const doc = createDoc({ title: `Sổ theo dõi danh hiệu “${nfc(data.title)}” 1, 3, 5 năm đến năm ${data.year}`, author: nfc(data.locality), createdAt: dateAt(data.date), layout: 'landscape', margins: { top: 15 * MM, bottom: 15 * MM, left: 20 * MM, right: 15 * MM } });
  const left = doc.page.margins.left;
  const w = contentWidth(doc);
  const reg = registers(data);
  const intro = () => {
    doc.font('regular').fontSize(11).text(`Địa bàn: ${nfc(data.locality)} — Ngày lập: ${viDateShort(data.date)}`, left, doc.y, { width: w, align: 'center' });
    doc.y += 8;
  };
  centred(doc, `TỔNG HỢP SỔ THEO DÕI DANH HIỆU “${nfc(data.title).toLocaleUpperCase('vi')}” ĐẾN NĂM ${data.year}`, left, w, 'bold', 14, 2);
  intro();
  const pct = (x: number) => `${viNumber(Math.round(x * 1000) / 10)}%`;
  table(
    doc,
    [
      { header: 'Sổ', width: 70 * MM },
      { header: 'Số người / hộ / đơn vị', width: 60 * MM, align: 'center' },
      { header: 'Tỷ lệ so với sổ 1 năm', width: 60 * MM, align: 'center' },
    ],
    ([1, 3, 5] as const).map((k) => ({ cells: [`Sổ ${k} năm`, String(reg[k].length), pct(ratio(reg[k].length, reg[1].length))] })),
    { size: 11 },
  );
  doc.font('italic').fontSize(10).text('Sổ 3 năm, 5 năm: đạt danh hiệu liên tục 3, 5 năm tính đến năm của sổ (KH 86/KH-UBND ngày 17/5/2016 của UBND tỉnh Yên Bái, nhiệm vụ 3, mục 2).', left, doc.y, { width: w });
  const cols = registerColumns(data);
  const widths = [12, ...cols.map((c) => c.width * 2)];
  const scale = w / (widths.reduce((s, x) => s + x, 0) * MM);
  const head = ['STT', ...cols.map((c) => c.header)];
  const centre = new Set([0, head.findIndex((h) => h.startsWith('Số năm liên tục'))]);
  for (const k of [1, 3, 5] as const) {
    doc.addPage();
    centred(doc, registerHeading(data, k), left, w, 'bold', 13, 2);
    intro();
    const rows = reg[k].map((h, i) => ({ cells: [String(i + 1), ...cols.map((c) => String(c.cell(h)))] }));
    table(doc, head.map((header, i) => ({ header, width: widths[i]! * MM * scale, align: centre.has(i) ? 'center' : 'left' })), rows, { size: 10 });
    doc.font('italic').fontSize(10).text(rows.length ? `Cộng: ${rows.length}` : 'Không có ai trong sổ này.', left, doc.y, { width: w });
  }
  pageNumbers(doc);
  return toBuffer(doc);
}
