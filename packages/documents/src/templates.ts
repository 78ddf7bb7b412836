/**
 * Excel in: downloadable import templates (people, households, scores) with drop-down lists, header
 * notes and a Vietnamese instructions sheet; and the reader that turns a filled score template back
 * into subjects, reporting problems per row (a bad row never sinks the good ones). Reading goes
 * through the platform's one sheet reader, `@hoctap/sheets`, so a template reads back as every door reads it.
 */
import ExcelJS from 'exceljs';
import type { Model, Subject } from '@hoctap/core';
import { columnLetter as sheetColumnLetter, excelCell, isBlank, readNumber, readXlsxSheet, readYesNo, SheetError, type Sheet } from '@hoctap/sheets';
import { indicatorsFor } from './forms.js';
import { nfc, viNumber } from './text.js';
import { fixZipDates } from './zip.js';

export type TemplateKind = 'people' | 'households' | 'clans' | 'communities' | 'units' | 'scores';

/** The group templates: one group per row on “Dữ liệu”, their members on “Thành viên”. */
export const GROUP_TEMPLATES = ['clans', 'communities', 'units'] as const;
type GroupTemplate = (typeof GROUP_TEMPLATES)[number];
const isGroupTemplate = (k: TemplateKind): k is GroupTemplate => (GROUP_TEMPLATES as readonly string[]).includes(k);

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
  if (isGroupTemplate(kind)) {
    const g = GROUP_WORDS[kind];
    return [
      { key: 'code', header: 'Mã nhóm', note: `Mã do xã/phường đặt cho ${g.one}, không trùng; trang “Thành viên” dùng mã này để ghi thành viên của ${g.one}.`, width: 12, required: true },
      { key: 'name', header: 'Tên', note: `Tên ${g.one}, đủ dấu, ví dụ: ${g.example}.`, width: 30, required: true },
      ...(g.types ? [{ key: 'type', header: 'Loại', note: `Chọn: ${g.types.join(' / ')}.`, list: g.types, width: 14 } satisfies Col] : []),
      { key: 'commune', header: 'Mã xã', note: 'Mã 5 chữ số của xã/phường; để trống khi đợt đánh giá của một xã.', width: 10 },
      { key: 'representative', header: g.head, note: 'Họ tên và ngày sinh, ví dụ: Nguyễn Văn An (05/09/1970); hoặc số định danh 12 chữ số. Người này là thành viên, vai trò đại diện.', width: 30 },
      { key: 'members', header: 'Thành viên', note: 'Tuỳ chọn: mỗi thành viên “Họ tên (dd/mm/yyyy)” hoặc số định danh, cách nhau bằng dấu “;”. Nhiều thành viên: ghi ở trang “Thành viên”.', width: 40 },
      { key: 'registered', header: 'Đăng ký danh hiệu', note: 'Có / Không.', list: YES_NO, width: 12 },
    ];
  }
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

/** How each group template names its groups, their representative and their types. */
const GROUP_WORDS: Record<GroupTemplate, { one: string; example: string; head: string; types?: string[] }> = {
  clans: { one: 'dòng họ', example: 'Dòng họ Nguyễn Văn', head: 'Trưởng họ' },
  communities: { one: 'cộng đồng (thôn, tổ dân phố)', example: 'Thôn Đoài', head: 'Trưởng thôn', types: ['thôn', 'tổ dân phố', 'xã'] },
  units: { one: 'đơn vị', example: 'Trường Tiểu học Tân Biên', head: 'Thủ trưởng đơn vị', types: ['cơ quan', 'trường học', 'doanh nghiệp', 'khác'] },
};

/** The members sheet of a group template: one member per row, joined to its group by “Mã nhóm”. */
const MEMBER_COLS: Col[] = [
  { key: 'code', header: 'Mã nhóm', note: 'Mã nhóm ở trang “Dữ liệu”.', width: 12, required: true },
  { key: 'name', header: 'Họ và tên', note: 'Viết đủ dấu. Cần họ tên và ngày sinh, hoặc số định danh.', width: 28 },
  { key: 'birthDate', header: 'Ngày sinh', note: 'Ngày/tháng/năm, ví dụ 05/09/1985.', width: 12, date: true },
  { key: 'citizenId', header: 'Số định danh', note: '12 chữ số (ô kiểu Văn bản để giữ số 0 đầu). Có số định danh thì không cần ngày sinh.', width: 16 },
  { key: 'sex', header: 'Giới tính', note: 'Chọn: nam / nữ.', list: ['nam', 'nữ'], width: 10 },
  { key: 'village', header: 'Thôn, tổ dân phố', note: 'Nơi cư trú (không ghi số nhà).', width: 22 },
  { key: 'role', header: 'Vai trò', note: 'đại diện / thành viên (để trống: thành viên).', list: ['đại diện', 'thành viên'], width: 12 },
];

const TITLES: Record<TemplateKind, string> = {
  people: 'Danh sách người (công dân)',
  households: 'Danh sách hộ gia đình',
  clans: 'Danh sách dòng họ và thành viên',
  communities: 'Danh sách cộng đồng (thôn, tổ dân phố) và thành viên',
  units: 'Danh sách đơn vị và thành viên',
  scores: 'Bảng điểm',
};

const colLetter = sheetColumnLetter;

/** Builds an import template. Row 1 holds the headers (with notes), data starts on row 2. */
export async function buildImportTemplateXlsx(kind: TemplateKind, model?: Model): Promise<Buffer> {
  const cols = columns(kind, model);
  const wb = new ExcelJS.Workbook();
  wb.creator = '@hoctap/documents';
  wb.created = new Date('2026-01-01T00:00:00Z');
  wb.modified = wb.created;
  const guide = wb.addWorksheet('Hướng dẫn');
  const data = wb.addWorksheet('Dữ liệu', { views: [{ state: 'frozen', ySplit: 1 }] });
  const members = isGroupTemplate(kind) ? wb.addWorksheet('Thành viên', { views: [{ state: 'frozen', ySplit: 1 }] }) : undefined;
  const lists = wb.addWorksheet('Danh mục', { state: 'hidden' });
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];

  guide.getColumn(1).width = 110;
  const lines = [
    `MẪU NHẬP: ${TITLES[kind].toLocaleUpperCase('vi')}${model ? ` — ${nfc(model.title)}` : ''}`,
    '',
    '1. Nhập dữ liệu vào trang “Dữ liệu”, từ dòng 2; mỗi dòng một đối tượng. Không đổi tên, không đổi thứ tự các cột.',
    '2. Di chuột vào tiêu đề cột để xem ghi chú. Ô có mũi tên: chọn trong danh sách, không gõ giá trị khác.',
    '3. Viết tiếng Việt có dấu (Unicode). Cột có dấu * là bắt buộc.',
    ...(isGroupTemplate(kind)
      ? [
          `4. Thành viên của mỗi ${GROUP_WORDS[kind].one}: ghi ở cột “Thành viên” (cách nhau bằng dấu “;”), hoặc mỗi người một dòng ở trang “Thành viên” với “Mã nhóm” của ${GROUP_WORDS[kind].one}. Mỗi thành viên cần số định danh, hoặc họ tên và ngày sinh. Tệp CSV: trang “Thành viên” là tệp thứ hai.`,
          `   Một ${GROUP_WORDS[kind].one} có dòng thành viên sai thì chưa được ghi (cả ${GROUP_WORDS[kind].one}); sửa dòng đó rồi nạp lại — nạp lại không tạo trùng. Không ghi số điện thoại hay địa chỉ thư điện tử.`,
        ]
      : ['4. Không ghi số căn cước công dân, số điện thoại hay địa chỉ thư điện tử vào mẫu này.']),
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
  const writeColumns = (data: ExcelJS.Worksheet, cols: readonly Col[]) =>
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
    } else if (c.key === 'citizenId') {
      data.getColumn(i + 1).numFmt = '@';
    } else if (c.whole) {
      validation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [c.whole.min, c.whole.max], showErrorMessage: true, errorTitle: 'Số không hợp lệ', error: `Nhập số nguyên từ ${c.whole.min} đến ${c.whole.max}` };
    }
    if (validation) (data as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${ROWS + 1}`, validation);
  });
  writeColumns(data, cols);
  if (members) {
    writeColumns(members, MEMBER_COLS);
    members.getRow(1).height = 42;
  }
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

/** A sheet the reader refused whole, as the reader's row-0 error. */
function refused(e: unknown): ReadScoresResult {
  if (!(e instanceof SheetError)) throw e;
  return { subjects: [], errors: [{ row: e.row ?? 0, message: e.code === 'EMPTY' ? 'Không tìm thấy trang “Dữ liệu”.' : `${e.message}.` }], rows: 0 };
}

/**
 * Reads a filled score template into subjects through the platform's one sheet reader
 * (`@hoctap/sheets`: the “Dữ liệu” sheet, cells by value, the one yes/no/blank vocabulary and number
 * reader); every problem is reported with its row number.
 */
export async function readScoresXlsx(buffer: Buffer | ArrayBuffer | Uint8Array, model: Model): Promise<ReadScoresResult> {
  let sheet: Sheet;
  try {
    sheet = await readXlsxSheet(buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : buffer, { beyondHeader: 'ignore' });
  } catch (e) {
    return refused(e);
  }
  const cols = columns('scores', model);
  const at = new Map<string, number>();
  const errors: RowError[] = [];
  const norm = (s: string) => s.replace(/\s*\*$/, '').trim();
  sheet.header.forEach((text, c) => {
    const h = norm(text);
    const col = cols.find((x) => x.header === h);
    if (col && !at.has(col.key)) at.set(col.key, c);
  });
  for (const c of cols) if (c.required && !at.has(c.key)) errors.push({ row: sheet.headerRow, column: c.header, message: `Thiếu cột “${c.header}”.` });
  if (errors.length) return { subjects: [], errors, rows: 0 };
  for (const i of sheet.issues) errors.push({ row: i.row, ...(i.column ? { column: i.column } : {}), message: `${i.message}.` });
  const groupsByName = new Map(model.groups.map((g) => [nfc(g.name), g.id] as const));
  const inds = new Map(indicatorsFor(model).map((i) => [i.id, i] as const));
  const seen = new Map<string, number>();
  const subjects: ReadScoresResult['subjects'] = [];
  let rows = sheet.issues.length;
  for (const row of sheet.rows) {
    const r = row.row;
    const get = (key: string) => (at.has(key) ? (row.cells[at.get(key)!] ?? '') : '');
    const value = (key: string) => (at.has(key) ? (row.values[at.get(key)!] ?? null) : null);
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
      if (!isBlank(raw)) {
        if (!applies) err(label, `Chỉ số ${iid} không áp dụng cho nhóm này.`);
        else if (ind.kind === 'yes-no') {
          const y = readYesNo(value(`score:${iid}`));
          if (!y.ok) err(label, `${y.message}.`);
          else if (y.value !== null) scores[iid] = y.value ? ind.max : 0;
        } else {
          const n = readNumber(value(`score:${iid}`));
          if (!n.ok) err(label, `${n.message}.`);
          else if (n.value !== null && (n.value < 0 || n.value > ind.max)) err(label, `Điểm ${viNumber(n.value)} ngoài khoảng 0–${viNumber(ind.max)}.`);
          else if (n.value !== null) scores[iid] = n.value;
        }
      }
      const e = readYesNo(value(`evidence:${iid}`));
      if (!e.ok) err(`Minh chứng ${iid}`, `${e.message}.`);
      else if (e.value !== null) evidence[iid] = e.value;
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
  errors.sort((a, b) => a.row - b.row);
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

/**
 * A cell as the text a person sees: text cells as typed (NFC, trimmed; numbers stored as text keep
 * their leading zeros), dates as dd/mm/yyyy, numbers without grouping, formulas by their result —
 * the reading of `@hoctap/sheets`.
 */
export function cellAsText(v: ExcelJS.CellValue): string {
  return excelCell(v).text;
}

/**
 * Reads the data sheet of a workbook (the sheet “Dữ liệu” of our templates, else the first visible
 * sheet that is not the instructions) as text rows through `@hoctap/sheets`; blank rows are left
 * out, row numbers are kept, the header is the first row. Throws when the bytes are not a readable .xlsx workbook.
 */
export async function readSheetXlsx(buffer: Buffer | ArrayBuffer | Uint8Array, opts: { maxRows?: number } = {}): Promise<{ sheet: string; rows: SheetRow[] }> {
  let sheet: Sheet;
  try {
    sheet = await readXlsxSheet(buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : buffer, { beyondHeader: 'ignore', ...(opts.maxRows !== undefined ? { maxRows: opts.maxRows } : {}) });
  } catch (e) {
    if (e instanceof SheetError && e.code === 'EMPTY') return { sheet: '', rows: [] };
    throw e;
  }
  return { sheet: sheet.sheetName ?? '', rows: [{ row: sheet.headerRow, cells: [...sheet.header] }, ...sheet.rows.map((r) => ({ row: r.row, cells: trimEnd(r.cells) }))] };
}

function trimEnd(cells: readonly string[]): string[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === '') n--;
  return cells.slice(0, n);
}

/** The Excel letter of a 1-based column number (1 → A, 27 → AA). */
export const columnLetter = sheetColumnLetter;
