/**
 * Excel in: downloadable import templates (people, households, scores) with drop-down lists, header
 * notes and a Vietnamese instructions sheet; and the reader that turns a filled score template back
 * into subjects, reporting problems per row (a bad row never sinks the good ones).
 */
import ExcelJS from 'exceljs';
import type { Model, Subject } from '@hoctap/core';
import { indicatorsFor } from './forms.js';
import { nfc, viNumber } from './text.js';
import { fixZipDates } from './zip.js';

export type TemplateKind = 'people' | 'households' | 'scores';

interface Col {
  readonly key: string;
  readonly header: string;
  readonly note: string;
  readonly width?: number;
  /** A list on the "Danh mục" sheet. */
  readonly list?: readonly string[];
  readonly decimal?: { min: number; max: number };
  readonly whole?: { min: number; max: number };
  readonly required?: boolean;
  /** A date column: shown and validated as dd/mm/yyyy. */
  readonly date?: boolean;
}

const YES_NO = ['Có', 'Không'];
const ROWS = 1000;

function columns(kind: TemplateKind, model?: Model): Col[] {
  const groups = model?.groups.map((g) => nfc(g.name)) ?? [];
  const attr = model?.attributes.filter((a) => a.values.length > 0) ?? [];
  const groupCol: Col[] = groups.length ? [{ key: 'group', header: 'Nhóm đối tượng', note: 'Chọn trong danh sách (nhóm đối tượng của bộ tiêu chí).', list: groups, width: 40, required: true }] : [];
  const attrCols: Col[] = attr.map((a) => ({ key: `attr:${a.id}`, header: nfc(a.name), note: `Chọn trong danh sách: ${a.values.join(' / ')}.`, list: a.values.map(nfc), width: 18 }));
  if (kind === 'people')
    return [
      { key: 'id', header: 'Mã', note: 'Mã do xã/phường đặt, không trùng. Không ghi số CCCD.', width: 14, required: true },
      { key: 'name', header: 'Họ và tên', note: 'Viết đủ dấu, ví dụ: Nguyễn Thị Hương.', width: 28, required: true },
      { key: 'sex', header: 'Giới tính', note: 'Chọn: nam / nữ.', list: ['nam', 'nữ'], width: 10 },
      { key: 'birthDate', header: 'Ngày sinh', note: 'Ngày/tháng/năm, ví dụ 05/09/1985 (ô kiểu ngày hoặc chữ dd/mm/yyyy).', width: 12, date: true },
      ...groupCol,
      { key: 'village', header: 'Thôn, tổ dân phố', note: 'Nơi cư trú (chỉ ghi thôn/tổ, không ghi số nhà).', width: 22 },
      { key: 'unit', header: 'Cơ quan, đơn vị', note: 'Nếu có.', width: 22 },
      { key: 'registered', header: 'Đăng ký danh hiệu', note: 'Có / Không.', list: YES_NO, width: 12 },
      { key: 'consent', header: 'Đồng ý công khai tên', note: 'Có / Không — sự đồng ý phải có văn bản lưu kèm (Luật 91/2025/QH15).', list: YES_NO, width: 14 },
      ...attrCols,
    ];
  if (kind === 'households')
    return [
      { key: 'id', header: 'Mã hộ', note: 'Mã do xã/phường đặt, không trùng.', width: 14, required: true },
      { key: 'name', header: 'Chủ hộ', note: 'Họ và tên chủ hộ, đủ dấu.', width: 28, required: true },
      { key: 'village', header: 'Thôn, tổ dân phố', note: 'Nơi cư trú.', width: 22 },
      { key: 'members', header: 'Số thành viên', note: 'Số nguyên 1–30.', whole: { min: 1, max: 30 }, width: 12 },
      { key: 'memberTitles', header: 'Số thành viên đạt “Công dân học tập”', note: 'Số nguyên, không lớn hơn số thành viên.', whole: { min: 0, max: 30 }, width: 16 },
      { key: 'registered', header: 'Đăng ký danh hiệu', note: 'Có / Không.', list: YES_NO, width: 12 },
      { key: 'consent', header: 'Đồng ý công khai tên', note: 'Có / Không.', list: YES_NO, width: 14 },
      ...attrCols,
    ];
  if (!model) throw new TypeError('Mẫu nhập điểm cần bộ tiêu chí (model)');
  const inds = indicatorsFor(model);
  const ev = (id: string) => model.rules.evidenceForAll || model.indicators.find((i) => i.id === id)?.needsEvidence;
  return [
    { key: 'id', header: 'Mã', note: 'Mã đối tượng, không trùng.', width: 14, required: true },
    { key: 'name', header: model.subject === 'citizen' ? 'Họ và tên' : 'Tên', note: 'Viết đủ dấu.', width: 28, required: true },
    ...groupCol,
    ...attrCols,
    ...inds.flatMap((i): Col[] => {
      const base: Col =
        i.kind === 'yes-no'
          ? { key: `score:${i.id}`, header: `Chỉ số ${i.id}`, note: `${nfc(i.text)}\nCó / Không (Có = ${viNumber(i.max)} điểm).`, list: YES_NO, width: 10 }
          : i.kind === 'member-ratio'
            ? { key: `skip:${i.id}`, header: `Chỉ số ${i.id}`, note: `${nfc(i.text)}\nTính từ thành viên — không nhập.`, width: 10 }
            : { key: `score:${i.id}`, header: `Chỉ số ${i.id}`, note: `${nfc(i.text)}\nĐiểm từ 0 đến ${viNumber(i.max)}.`, decimal: { min: 0, max: i.max }, width: 10 };
      return ev(i.id) ? [base, { key: `evidence:${i.id}`, header: `Minh chứng ${i.id}`, note: `Có minh chứng cho chỉ số ${i.id}? Có / Không.`, list: YES_NO, width: 11 }] : [base];
    }),
  ];
}

const TITLES: Record<TemplateKind, string> = { people: 'Danh sách người (công dân)', households: 'Danh sách hộ gia đình', scores: 'Bảng điểm' };

const colLetter = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : colLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

/** Builds an import template. Row 1 holds the headers (with notes), data starts on row 2. */
export async function buildImportTemplateXlsx(kind: TemplateKind, model?: Model): Promise<Buffer> {
  const cols = columns(kind, model);
  const wb = new ExcelJS.Workbook();
  wb.creator = '@hoctap/documents';
  wb.created = new Date('2026-01-01T00:00:00Z');
  wb.modified = wb.created;
  const guide = wb.addWorksheet('Hướng dẫn');
  const data = wb.addWorksheet('Dữ liệu', { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = wb.addWorksheet('Danh mục', { state: 'hidden' });
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];

  guide.getColumn(1).width = 110;
  const lines = [
    `MẪU NHẬP: ${TITLES[kind].toLocaleUpperCase('vi')}${model ? ` — ${nfc(model.title)}` : ''}`,
    '',
    '1. Nhập dữ liệu vào trang “Dữ liệu”, từ dòng 2; mỗi dòng một đối tượng. Không đổi tên, không đổi thứ tự các cột.',
    '2. Di chuột vào tiêu đề cột để xem ghi chú. Ô có mũi tên: chọn trong danh sách, không gõ giá trị khác.',
    '3. Viết tiếng Việt có dấu (Unicode). Cột có dấu * là bắt buộc.',
    '4. Không ghi số căn cước công dân, số điện thoại hay địa chỉ thư điện tử vào mẫu này.',
    '5. Khi nạp tệp, hệ thống báo lỗi theo số dòng; dòng sai được bỏ qua, các dòng đúng vẫn được nhận.',
    ...(kind === 'scores' && model ? ['', `Điểm tối đa: ${viNumber(model.max)}. Mỗi chỉ số có điểm tối đa riêng (ghi trong ghi chú của cột).`] : []),
  ];
  lines.forEach((l, i) => {
    const c = guide.getCell(`A${i + 1}`);
    c.value = l;
    c.alignment = { wrapText: true };
    if (i === 0) c.font = { bold: true, size: 13 };
  });

  let listCol = 0;
  cols.forEach((c, i) => {
    const letter = colLetter(i + 1);
    const cell = data.getCell(`${letter}1`);
    cell.value = c.required ? `${c.header} *` : c.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
    cell.note = c.note;
    data.getColumn(i + 1).width = c.width ?? 14;
    let validation: ExcelJS.DataValidation | undefined;
    if (c.list) {
      listCol++;
      const lc = colLetter(listCol);
      lists.getCell(`${lc}1`).value = c.header;
      c.list.forEach((v, k) => (lists.getCell(`${lc}${k + 2}`).value = v));
      validation = { type: 'list', allowBlank: !c.required, formulae: [`'Danh mục'!$${lc}$2:$${lc}$${c.list.length + 1}`], showErrorMessage: true, errorTitle: 'Giá trị không hợp lệ', error: `Chọn trong danh sách: ${c.list.join(' / ')}`.slice(0, 250) };
    } else if (c.decimal) {
      validation = { type: 'decimal', operator: 'between', allowBlank: true, formulae: [c.decimal.min, c.decimal.max], showErrorMessage: true, errorTitle: 'Điểm không hợp lệ', error: `Nhập số từ ${c.decimal.min} đến ${viNumber(c.decimal.max)}` };
    } else if (c.date) {
      data.getColumn(i + 1).numFmt = 'dd/mm/yyyy';
      validation = { type: 'date', operator: 'between', allowBlank: true, formulae: [new Date('1900-01-01T00:00:00Z'), new Date('2100-12-31T00:00:00Z')], showErrorMessage: true, errorTitle: 'Ngày không hợp lệ', error: 'Nhập ngày dạng dd/mm/yyyy, ví dụ 05/09/1985' };
    } else if (c.whole) {
      validation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [c.whole.min, c.whole.max], showErrorMessage: true, errorTitle: 'Số không hợp lệ', error: `Nhập số nguyên từ ${c.whole.min} đến ${c.whole.max}` };
    }
    if (validation) (data as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${ROWS + 1}`, validation);
  });
  data.getRow(1).height = 42;
  // A hidden key row would be fragile; the reader matches headers instead (see readScoresXlsx).
  return fixZipDates(Buffer.from(await wb.xlsx.writeBuffer()), wb.created);
}

export interface RowError {
  /** Excel row number (1-based, as the user sees it). */
  readonly row: number;
  readonly column?: string;
  readonly message: string;
}

export interface ReadScoresResult {
  readonly subjects: (Subject & { readonly id: string; readonly name: string })[];
  readonly errors: RowError[];
  /** Data rows seen (non-empty). */
  readonly rows: number;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('result' in v && v.result !== undefined) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return nfc(String(v)).trim();
}

const yes = (s: string): boolean | undefined => {
  const f = s.toLocaleLowerCase('vi');
  if (['có', 'co', 'x', '1', 'true', 'đạt'].includes(f)) return true;
  if (['không', 'khong', '0', 'false', 'chưa'].includes(f)) return false;
  return undefined;
};

/** Reads a filled score template into subjects; every problem is reported with its row number. */
export async function readScoresXlsx(buffer: Buffer | ArrayBuffer | Uint8Array, model: Model): Promise<ReadScoresResult> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Dữ liệu') ?? wb.worksheets.find((w) => w.state !== 'hidden' && w.name !== 'Hướng dẫn');
  if (!ws) return { subjects: [], errors: [{ row: 0, message: 'Không tìm thấy trang “Dữ liệu”.' }], rows: 0 };
  const cols = columns('scores', model);
  const header = ws.getRow(1);
  const at = new Map<string, number>();
  const errors: RowError[] = [];
  const norm = (s: string) => s.replace(/\s*\*$/, '').trim();
  for (let c = 1; c <= header.cellCount; c++) {
    const h = norm(cellText(header.getCell(c).value));
    const col = cols.find((x) => x.header === h);
    if (col) at.set(col.key, c);
  }
  for (const c of cols) if (c.required && !at.has(c.key)) errors.push({ row: 1, column: c.header, message: `Thiếu cột “${c.header}”.` });
  if (errors.length) return { subjects: [], errors, rows: 0 };
  const groupsByName = new Map(model.groups.map((g) => [nfc(g.name), g.id] as const));
  const inds = new Map(indicatorsFor(model).map((i) => [i.id, i] as const));
  const seen = new Map<string, number>();
  const subjects: ReadScoresResult['subjects'] = [];
  let rows = 0;
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (key: string) => (at.has(key) ? cellText(row.getCell(at.get(key)!).value) : '');
    if (cols.every((c) => get(c.key) === '')) continue;
    rows++;
    const rowErrors: RowError[] = [];
    const err = (column: string, message: string) => rowErrors.push({ row: r, column, message });
    const id = get('id');
    const name = get('name');
    if (!id) err('Mã', 'Thiếu mã.');
    if (!name) err('Họ và tên', 'Thiếu tên.');
    if (id && seen.has(id)) err('Mã', `Mã “${id}” trùng với dòng ${seen.get(id)}.`);
    let group: string | undefined;
    if (model.groups.length) {
      const g = get('group');
      group = groupsByName.get(g) ?? model.groups.find((x) => x.id === g)?.id;
      if (!g) err('Nhóm đối tượng', 'Thiếu nhóm đối tượng.');
      else if (!group) err('Nhóm đối tượng', `Nhóm “${g}” không có trong bộ tiêu chí.`);
    }
    const attributes: Record<string, string> = {};
    for (const a of model.attributes) {
      const v = get(`attr:${a.id}`);
      if (!v) continue;
      if (!a.values.map(nfc).includes(v)) err(nfc(a.name), `Giá trị “${v}” không có trong danh sách.`);
      else attributes[a.id] = v;
    }
    const scores: Record<string, number> = {};
    const evidence: Record<string, boolean> = {};
    for (const [iid, ind] of inds) {
      const raw = get(`score:${iid}`);
      const label = `Chỉ số ${iid}`;
      const applies = (() => {
        const m = model.indicators.find((x) => x.id === iid)!;
        return m.onlyFor.length === 0 || (group !== undefined && m.onlyFor.includes(group));
      })();
      if (raw !== '') {
        if (!applies) err(label, `Chỉ số ${iid} không áp dụng cho nhóm này.`);
        else if (ind.kind === 'yes-no') {
          const y = yes(raw);
          if (y === undefined) err(label, `“${raw}” không phải Có / Không.`);
          else scores[iid] = y ? ind.max : 0;
        } else {
          const x = Number(raw.replace(',', '.'));
          if (!Number.isFinite(x)) err(label, `“${raw}” không phải là số.`);
          else if (x < 0 || x > ind.max) err(label, `Điểm ${viNumber(x)} ngoài khoảng 0–${viNumber(ind.max)}.`);
          else scores[iid] = x;
        }
      }
      const e = get(`evidence:${iid}`);
      if (e !== '') {
        const y = yes(e);
        if (y === undefined) err(`Minh chứng ${iid}`, `“${e}” không phải Có / Không.`);
        else evidence[iid] = y;
      }
    }
    if (id) seen.set(id, r);
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    subjects.push({
      id,
      name,
      ...(group !== undefined ? { group } : {}),
      ...(Object.keys(attributes).length ? { attributes } : {}),
      scores,
      ...(Object.keys(evidence).length ? { evidence } : {}),
    });
  }
  return { subjects, errors, rows };
}

/** Writes subjects into a score template (for round-trip tests and for exporting what was entered). */
export async function fillScoresTemplate(template: Buffer, model: Model, subjects: readonly (Subject & { id: string; name: string })[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Dữ liệu')!;
  const cols = columns('scores', model);
  subjects.forEach((s, k) => {
    const row = ws.getRow(2 + k);
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c.key === 'id') cell.value = s.id;
      else if (c.key === 'name') cell.value = s.name;
      else if (c.key === 'group') cell.value = model.groups.find((g) => g.id === s.group)?.name ?? null;
      else if (c.key.startsWith('attr:')) cell.value = s.attributes?.[c.key.slice(5)] ?? null;
      else if (c.key.startsWith('score:')) {
        const v = s.scores?.[c.key.slice(6)];
        cell.value = v === undefined || v === null ? null : c.list ? (v ? 'Có' : 'Không') : Number(v);
      } else if (c.key.startsWith('evidence:')) {
        const v = s.evidence?.[c.key.slice(9)];
        cell.value = v === undefined || v === null ? null : v ? 'Có' : 'Không';
      }
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One non-empty row of a sheet read as text: its Excel row number and its cells (column A first). */
export interface SheetRow {
  readonly row: number;
  readonly cells: string[];
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as the text a person sees: text cells as typed (NFC, trimmed; numbers stored as text keep
 * their leading zeros), dates as dd/mm/yyyy, numbers without grouping, formulas by their result.
 */
export function cellAsText(v: ExcelJS.CellValue): string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : `${pad2(v.getUTCDate())}/${pad2(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
  if (v !== null && typeof v === 'object') {
    if ('result' in v) return v.result === undefined ? '' : cellAsText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return nfc(v.richText.map((r) => r.text).join('')).trim();
    if ('text' in v) return nfc(String(v.text)).trim();
    if ('error' in v) return String(v.error);
  }
  return cellText(v);
}

/**
 * Reads the data sheet of a workbook (the sheet “Dữ liệu” of our templates, else the first visible
 * sheet that is not the instructions) as text rows; blank rows are left out, row numbers are kept.
 * Throws when the bytes are not a readable .xlsx workbook.
 */
export async function readSheetXlsx(buffer: Buffer | ArrayBuffer | Uint8Array, opts: { maxRows?: number } = {}): Promise<{ sheet: string; rows: SheetRow[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Dữ liệu') ?? wb.worksheets.find((w) => w.state === 'visible' && w.name !== 'Hướng dẫn') ?? wb.worksheets[0];
  if (!ws) return { sheet: '', rows: [] };
  const rows: SheetRow[] = [];
  const max = opts.maxRows ?? Infinity;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (rows.length > max) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      cells[c - 1] = cellAsText(cell.value);
    });
    for (let k = 0; k < cells.length; k++) cells[k] ??= '';
    if (cells.some((x) => x !== '')) rows.push({ row: r, cells });
  });
  return { sheet: ws.name, rows };
}

/** The Excel letter of a 1-based column number (1 → A, 27 → AA). */
export const columnLetter = colLetter;
