/**
 * Clans, communities and units registered in bulk from the templates the platform hands out: one
 * row per group on the data sheet, its members by citizen id or by name + birth date — in the
 * group's own "Thành viên" cell, or on a second sheet of members (Excel: the worksheet “Thành
 * viên”; CSV: a second file) keyed by the group's code. Every bad row is reported with its sheet,
 * row, column and why, in Vietnamese; a group is written whole or not at all (a savepoint per
 * group), and the good groups are kept.
 */
import { nameProblem } from '@hoctap/criteria-dsl';
import { findPersonByCitizenId, findPersonByNaturalKey, fold, groupMemberships, inSavepoint, listGroups, normalize, appendAudit, type GroupKind, type GroupRow, type PersonRow } from '@hoctap/db';
import { assertSubjectKind, checkWindow, loadCampaign, peopleTargetOf, registerSubject, subjectKindOf, type PeopleTarget, type RowError } from './campaigns.js';
import { auditEntry, type Caller, type Deps, type Trx } from './deps.js';
import { AppError } from './errors.js';
import { addMember, createGroup, GROUP_NAMES } from './groups.js';
import { modelOf } from './models.js';
import { createPerson } from './people.js';
import { canRead, canWrite, checkId } from './scope.js';

/** A sheet as its door read it: the header and the non-blank data rows with the file's own row numbers. */
export interface SheetTable {
  readonly header: readonly string[];
  readonly rows: readonly { row: number; cells: readonly string[] }[];
}

/** The sheets of a groups upload: the groups (one per row) and, optionally, their members. */
export interface GroupsSheetInput {
  campaignId: string;
  groups: SheetTable;
  members?: SheetTable | undefined;
}

/** A row error of a groups upload: which sheet (“Dữ liệu” or “Thành viên”) besides the row and column. */
export interface GroupsRowError extends RowError {
  sheet: string;
}

/** The answer of a groups upload: counts, each registered group with its members, every bad row. */
export interface GroupsSheetResult {
  kind: GroupKind;
  created: number;
  existing: number;
  skipped: number;
  /** New memberships written (members already in their group are not counted again). */
  membersAdded: number;
  rows: { row: number; groupId: string; name: string; members: number; registrationId: string; outcome: 'created' | 'existing'; groupCreated: boolean }[];
  errors: GroupsRowError[];
}

/** The sheets' names as messages and the templates name them. */
export const GROUPS_SHEET = 'Dữ liệu';
export const MEMBERS_SHEET = 'Thành viên';

type GroupField = 'code' | 'name' | 'type' | 'commune' | 'representative' | 'members' | 'register';
type MemberField = 'group' | 'fullName' | 'birthDate' | 'citizenId' | 'sex' | 'village' | 'role';

/** A header as a lookup key: folded, without the template's “ *” and punctuation. */
const keyOf = (h: string) => fold(normalize(h)).replace(/\*\s*$/, '').replace(/[^a-z0-9]/g, '');
const clean = (s: string) => normalize(s).trim().replace(/\s+/g, ' ');

const CODE = ['ma', 'manhom', 'madongho', 'macongdong', 'madonvi', 'code', 'groupcode'];
const GROUP_COLUMNS: Record<string, GroupField> = {
  ...Object.fromEntries(CODE.map((k) => [k, 'code' as const])),
  ten: 'name', tennhom: 'name', tendongho: 'name', tencongdong: 'name', tendonvi: 'name', tenthontodanpho: 'name', name: 'name',
  loai: 'type', loaicongdong: 'type', loaidonvi: 'type', type: 'type',
  maxa: 'commune', commune: 'commune',
  nguoidaidien: 'representative', daidien: 'representative', truongho: 'representative', truongdongho: 'representative', truongthon: 'representative', thutruong: 'representative', thutruongdonvi: 'representative', representative: 'representative',
  thanhvien: 'members', danhsachthanhvien: 'members', members: 'members',
  dangkydanhhieu: 'register', dangky: 'register', registered: 'register',
};
const MEMBER_COLUMNS: Record<string, MemberField> = {
  ...Object.fromEntries(CODE.map((k) => [k, 'group' as const])),
  hovaten: 'fullName', hoten: 'fullName', fullname: 'fullName',
  ngaysinh: 'birthDate', birthdate: 'birthDate',
  sodinhdanh: 'citizenId', sodinhdanhcanhan: 'citizenId', cccd: 'citizenId', socccd: 'citizenId', socancuoc: 'citizenId', citizenid: 'citizenId',
  gioitinh: 'sex', sex: 'sex',
  thon: 'village', thontodanpho: 'village', village: 'village',
  vaitro: 'role', role: 'role',
};

/** The types a community or unit row may name, folded → stored. */
const TYPES: Record<'community' | 'unit', Record<string, string>> = {
  community: { thon: 'village', ban: 'village', lang: 'village', ap: 'village', village: 'village', todanpho: 'residential-group', khupho: 'residential-group', residentialgroup: 'residential-group', xa: 'commune', phuong: 'commune', thitran: 'commune', commune: 'commune' },
  unit: { coquan: 'agency', agency: 'agency', truong: 'school', truonghoc: 'school', school: 'school', doanhnghiep: 'enterprise', enterprise: 'enterprise', khac: 'other', other: 'other' },
};
/** What a community or unit type is called, for messages and the templates' lists. */
export const TYPE_NAMES: Record<'community' | 'unit', Record<string, string>> = {
  community: { village: 'thôn', 'residential-group': 'tổ dân phố', commune: 'xã' },
  unit: { agency: 'cơ quan', school: 'trường học', enterprise: 'doanh nghiệp', other: 'khác' },
};
const HEAD_WORDS = new Set(['daidien', 'nguoidaidien', 'truongho', 'truongdongho', 'truongthon', 'totruong', 'thutruong', 'chuho', 'head']);
const MEMBER_WORDS = new Set(['', 'thanhvien', 'member']);
const NO_WORDS = new Set(['khong', 'no', 'k', 'n', '0', 'false']);

function letter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** dd/mm/yyyy or yyyy-mm-dd → ISO date; anything else, or a day that does not exist, is a RangeError. */
function isoDate(d: string): string {
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(d);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined;
  if (!iso) throw new RangeError(`ngày “${d}” không đúng dạng dd/mm/yyyy (ví dụ 05/09/1985)`);
  if (Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) || !new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso)) throw new RangeError(`ngày ${d} không có thật`);
  return iso;
}

/** One member as a row or a cell named them. */
interface MemberSpec {
  fullName: string | null;
  birthDate: string | null;
  citizenId: string | null;
  sex: 'male' | 'female' | null;
  village: string | null;
  head: boolean;
  /** Where the member was named, for its errors. */
  at: Where;
}

/** Where a problem is: the sheet, the row, and the cell when one is at fault. */
interface Where {
  sheet: string;
  row: number;
  index?: number | undefined;
  header?: string | undefined;
}

function errorAt(w: Where, code: string, message: string): GroupsRowError {
  const sheetNote = w.sheet === GROUPS_SHEET ? '' : `Trang “${w.sheet}”, `;
  if (w.index === undefined) return { sheet: w.sheet, row: w.row, code, message: `${sheetNote}dòng ${w.row}: ${message}` };
  const column = letter(w.index + 1);
  const header = (w.header ?? '').replace(/\s*\*$/, '');
  return { sheet: w.sheet, row: w.row, column, header, code, message: `${sheetNote}dòng ${w.row}, cột ${column} (${header}): ${message}` };
}

/**
 * One member written in a cell: a citizen id (12 digits), and/or a name with a birth date, the
 * parts separated by commas or in brackets — “Nguyễn Văn An (05/09/1985)”, “Lê Thị Hà, 12/03/1990,
 * 025190001234”, “025190001234”.
 */
function memberOfText(text: string, at: Where, head: boolean): MemberSpec {
  const parts = text
    .split(/[,()]/)
    .map((p) => clean(p))
    .filter(Boolean);
  let fullName: string | null = null;
  let birthDate: string | null = null;
  let citizenId: string | null = null;
  for (const p of parts) {
    const digits = p.replace(/[\s.]/g, '');
    if (/^\d+$/.test(digits)) {
      if (digits.length !== 12) throw new RangeError(`“${p}”: số định danh gồm đúng 12 chữ số`);
      citizenId = digits;
    } else if (/^\d{1,2}\/\d{1,2}\/\d{4}$|^\d{4}-\d{2}-\d{2}$/.test(p)) birthDate = isoDate(p);
    else if (fullName === null) fullName = p;
    else throw new RangeError(`“${text}”: mỗi thành viên một họ tên (cách các thành viên bằng dấu “;”)`);
  }
  return checkedMember({ fullName, birthDate, citizenId, sex: null, village: null, head, at }, text);
}

function checkedMember(m: MemberSpec, text?: string): MemberSpec {
  if (m.fullName && m.fullName.length > 200) throw new RangeError('họ tên dài quá 200 ký tự');
  const bad = m.fullName ? nameProblem(m.fullName) : undefined;
  if (bad) throw new RangeError(`${text ? `“${text}”: ` : ''}họ tên ${bad.vi}`);
  if (!m.citizenId && !(m.fullName && m.birthDate))
    throw new RangeError(`${text ? `“${text}”: ` : ''}cần số định danh (12 chữ số), hoặc họ tên và ngày sinh — ví dụ “Nguyễn Văn An (05/09/1985)”`);
  return m;
}

/** One group row read whole: the group and the members its own cells name. */
interface GroupSpec {
  row: number;
  code: string;
  name: string;
  type: string | null;
  commune: string | null;
  register: boolean;
  members: MemberSpec[];
}

/** Column index of each field of a sheet's header (the first column of a repeated name wins). */
function columnsOf<F extends string>(header: readonly string[], names: Record<string, F>): Partial<Record<F, number>> {
  const at: Partial<Record<F, number>> = {};
  header.forEach((h, i) => {
    const f = names[keyOf(h)];
    if (f !== undefined && at[f] === undefined) at[f] = i;
  });
  return at;
}

/** A whole-upload refusal: the sheet cannot be read as groups. */
function headerProblem(sheet: string, vi: string, en: string): AppError {
  return new AppError('invalid', 'GROUPS_SHEET_HEADER', `Trang “${sheet}”: ${vi}`, `Sheet “${sheet}”: ${en}`);
}

/**
 * Reads the groups sheet and the members sheet into groups with their members, and the bad rows'
 * errors (a group whose own row or any member row is bad is left out whole, with its errors).
 */
export function readGroupsSheets(
  kind: 'clan' | 'community' | 'unit',
  input: { groups: SheetTable; members?: SheetTable | undefined },
  target: PeopleTarget,
  defaults: { type: string | null },
): { groups: GroupSpec[]; errors: GroupsRowError[] } {
  const errors: GroupsRowError[] = [];
  const g = columnsOf(input.groups.header, GROUP_COLUMNS);
  if (g.name === undefined) throw headerProblem(GROUPS_SHEET, `cần cột tên ${GROUP_NAMES[kind].vi} (“Tên”)`, `needs a name column (“Tên”)`);
  if (input.members && g.code === undefined) throw headerProblem(GROUPS_SHEET, 'cần cột “Mã nhóm” để nối với trang thành viên', 'needs a “Mã nhóm” column to join the members sheet');
  const groups: GroupSpec[] = [];
  const bad = new Set<string>();
  const byCode = new Map<string, GroupSpec>();
  const codeRows = new Map<string, number>();
  const cellOf = (cells: readonly string[], i: number | undefined) => (i === undefined ? '' : clean(cells[i] ?? ''));
  for (const { row, cells } of input.groups.rows) {
    const at = (f: GroupField): Where => ({ sheet: GROUPS_SHEET, row, index: g[f], header: g[f] === undefined ? undefined : input.groups.header[g[f]!] });
    const rowErrors: GroupsRowError[] = [];
    const cell = (f: GroupField) => cellOf(cells, g[f]);
    const code = cell('code');
    const name = cell('name');
    if (!name) rowErrors.push(errorAt(at('name'), 'ROW_INVALID', `thiếu tên ${GROUP_NAMES[kind].vi}`));
    else if (name.length > 200) rowErrors.push(errorAt(at('name'), 'ROW_INVALID', 'tên dài quá 200 ký tự'));
    else if (nameProblem(name)) rowErrors.push(errorAt(at('name'), 'ROW_INVALID', `tên ${nameProblem(name)!.vi}`));
    if (g.code !== undefined && !code) rowErrors.push(errorAt(at('code'), 'ROW_INVALID', 'thiếu mã nhóm'));
    if (code && codeRows.has(code)) rowErrors.push(errorAt(at('code'), 'DUPLICATE_CODE', `mã “${code}” trùng với dòng ${codeRows.get(code)}`));
    let type = defaults.type;
    const typeText = cell('type');
    if (kind !== 'clan' && typeText) {
      const t = TYPES[kind][keyOf(typeText)];
      if (!t) rowErrors.push(errorAt(at('type'), 'ROW_INVALID', `loại “${typeText}” không có; chọn: ${Object.values(TYPE_NAMES[kind]).join(' / ')}`));
      else type = t;
    }
    const commune = cell('commune') || target.defaultCommune;
    if (commune && !/^[0-9]{5}$/.test(commune)) rowErrors.push(errorAt(at('commune'), 'ROW_INVALID', 'mã xã gồm 5 chữ số'));
    else if (!commune && target.communeRequired) rowErrors.push(errorAt(at('commune'), 'ROW_INVALID', 'cần mã xã'));
    else if (commune && target.scope.role === 'commune' && !target.scope.communes.includes(commune)) rowErrors.push(errorAt(at('commune'), 'ROW_INVALID', 'xã ngoài phạm vi của tài khoản'));
    else if (commune && target.campaignCommune && commune !== target.campaignCommune) rowErrors.push(errorAt(at('commune'), 'ROW_INVALID', 'xã không thuộc đợt đánh giá'));
    const members: MemberSpec[] = [];
    const rep = cell('representative');
    if (rep)
      try {
        members.push(memberOfText(rep, at('representative'), true));
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        rowErrors.push(errorAt(at('representative'), 'ROW_INVALID', e.message));
      }
    for (const item of cell('members')
      .split(/[;\n]/)
      .map((x) => x.trim())
      .filter(Boolean))
      try {
        members.push(memberOfText(item, at('members'), false));
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        rowErrors.push(errorAt(at('members'), 'ROW_INVALID', e.message));
      }
    if (code && !codeRows.has(code)) codeRows.set(code, row);
    const reg = keyOf(cell('register'));
    const spec: GroupSpec = { row, code, name, type, commune: commune || null, register: !NO_WORDS.has(reg), members };
    if (rowErrors.length) {
      errors.push(...rowErrors);
      if (code) bad.add(code);
      continue;
    }
    groups.push(spec);
    if (code) byCode.set(code, spec);
  }

  if (input.members) {
    const m = columnsOf(input.members.header, MEMBER_COLUMNS);
    if (m.group === undefined) throw headerProblem(MEMBERS_SHEET, 'cần cột “Mã nhóm” (mã của nhóm ở trang Dữ liệu)', 'needs a “Mã nhóm” column (the code of the group on the data sheet)');
    if (m.fullName === undefined && m.citizenId === undefined) throw headerProblem(MEMBERS_SHEET, 'cần cột “Họ và tên” hoặc “Số định danh”', 'needs a “Họ và tên” or a “Số định danh” column');
    const members = input.members;
    const failed = new Map<GroupSpec, number[]>();
    for (const { row, cells } of members.rows) {
      const at = (f: MemberField): Where => ({ sheet: MEMBERS_SHEET, row, index: m[f], header: m[f] === undefined ? undefined : members.header[m[f]!] });
      const cell = (f: MemberField) => cellOf(cells, m[f]);
      const code = cell('group');
      if (!code) {
        errors.push(errorAt(at('group'), 'ROW_INVALID', 'thiếu mã nhóm'));
        continue;
      }
      if (bad.has(code)) continue; // the group's own row is refused; its errors say why
      const group = byCode.get(code);
      if (!group) {
        errors.push(errorAt(at('group'), 'UNKNOWN_GROUP_CODE', `mã nhóm “${code}” không có ở trang “${GROUPS_SHEET}”`));
        continue;
      }
      const rowErrors: GroupsRowError[] = [];
      const read = <T>(f: MemberField, fn: (v: string) => T): T | null => {
        const v = cell(f);
        if (!v) return null;
        try {
          return fn(v);
        } catch (e) {
          if (!(e instanceof RangeError)) throw e;
          rowErrors.push(errorAt(at(f), 'ROW_INVALID', e.message));
          return null;
        }
      };
      const fullName = read('fullName', (v) => {
        if (v.length > 200) throw new RangeError('họ tên dài quá 200 ký tự');
        const bad = nameProblem(v);
        if (bad) throw new RangeError(`họ tên ${bad.vi}`);
        return v;
      });
      const birthDate = read('birthDate', isoDate);
      const citizenId = read('citizenId', (v) => {
        const d = v.replace(/\s+/g, '');
        if (!/^[0-9]{12}$/.test(d)) throw new RangeError(/^[0-9]{9,11}$/.test(d) ? 'số định danh gồm đúng 12 chữ số (ô Excel kiểu số làm mất số 0 đầu: định dạng cột là Văn bản)' : 'số định danh gồm đúng 12 chữ số');
        return d;
      });
      const sex = read('sex', (v) => {
        const f = keyOf(v);
        if (['nam', 'male', 'm'].includes(f)) return 'male' as const;
        if (['nu', 'female', 'f'].includes(f)) return 'female' as const;
        throw new RangeError('giới tính là “nam” hoặc “nữ”');
      });
      const village = read('village', (v) => v);
      const roleText = cell('role');
      const head = HEAD_WORDS.has(keyOf(roleText));
      if (!head && !MEMBER_WORDS.has(keyOf(roleText))) rowErrors.push(errorAt(at('role'), 'ROW_INVALID', `vai trò “${roleText}”: ghi “đại diện” hoặc “thành viên” (để trống: thành viên)`));
      if (!rowErrors.length && !citizenId && !(fullName && birthDate))
        rowErrors.push(errorAt({ sheet: MEMBERS_SHEET, row }, 'ROW_INVALID', 'cần số định danh, hoặc họ tên và ngày sinh'));
      if (rowErrors.length) {
        errors.push(...rowErrors);
        failed.set(group, [...(failed.get(group) ?? []), row]);
        continue;
      }
      group.members.push({ fullName, birthDate, citizenId, sex, village, head, at: { sheet: MEMBERS_SHEET, row } });
    }
    // A group is written whole: one bad member row keeps the whole group out, and says so on its row.
    for (const [group, rows] of failed) {
      errors.push(errorAt({ sheet: GROUPS_SHEET, row: group.row }, 'GROUP_MEMBERS_INVALID', `${GROUP_NAMES[kind].vi} “${group.name}” không được đăng ký: ${rows.length} dòng thành viên có lỗi (trang “${MEMBERS_SHEET}”, dòng ${rows.join(', ')})`));
      groups.splice(groups.indexOf(group), 1);
    }
  }
  return { groups, errors };
}

/** A refusal of one group (or one of its members) while writing, with where it is. */
class RowRefused extends Error {
  constructor(readonly errors: GroupsRowError[]) {
    super('row refused');
  }
}

/** The existing group of this kind with this name in this commune (the natural key of a groups sheet), if one is writable. */
async function findGroup(trx: Trx, caller: Caller, kind: GroupKind, key: { province: string; commune: string | null; name: string; type: string | null; date: string }): Promise<GroupRow | undefined> {
  const folded = fold(clean(key.name));
  const page = await listGroups(trx, kind, { query: key.name, ...(key.commune ? { commune: key.commune } : {}), date: key.date, limit: 100 });
  return page.items.find((x) => x.name_folded === folded && x.province_code === key.province && x.commune_code === key.commune && canWrite(caller.scope, x) && (key.type === null || x.type === key.type));
}

/** The person a member names: by citizen id (created when new and named), else by commune + name + birth date (created when new). */
async function personOf(deps: Deps, caller: Caller, trx: Trx, m: MemberSpec, where: { province: string; commune: string | null }): Promise<PersonRow> {
  if (m.citizenId) {
    const p = await findPersonByCitizenId(trx, deps.cipher, m.citizenId);
    if (p && !canRead(caller.scope, p)) throw new AppError('forbidden', 'MEMBER_OUT_OF_SCOPE', 'số định danh thuộc một người ngoài phạm vi của tài khoản', 'the citizen id belongs to a person outside the account’s scope');
    if (p) {
      if (m.fullName && fold(clean(m.fullName)) !== fold(p.full_name))
        throw new AppError('conflict', 'CITIZEN_ID_NAME_MISMATCH', `số định danh đã có trong hệ thống với họ tên “${p.full_name}”, không phải “${m.fullName}”`, `the citizen id is on record with another name`);
      return p;
    }
    if (!m.fullName) throw new AppError('not-found', 'PERSON_NOT_FOUND', 'không có người nào mang số định danh này; ghi thêm họ tên (và ngày sinh) để thêm người mới', 'no person has this citizen id; add the name to create one');
  } else {
    const p = await findPersonByNaturalKey(trx, deps.cipher, { province: where.province, commune: where.commune, fullName: m.fullName!, birthDate: m.birthDate });
    if (p) return p;
  }
  return createPerson(deps, caller, trx, { province: where.province, commune: where.commune, fullName: m.fullName!, birthDate: m.birthDate, sex: m.sex, village: m.village, citizenId: m.citizenId });
}

/**
 * Registers the clans, communities or units of a groups upload in a campaign of that kind: each
 * good group is found by commune + name (+ type) or created, its members found or created (people
 * by citizen id, or commune + name + birth date) and added from the first day of the campaign's
 * year (the representative in role head; members already in the group are kept as they are), then
 * the group is registered — all of one group in a savepoint, so a refused member leaves nothing of
 * its group behind; a row marked “Không” under “Đăng ký danh hiệu” is skipped; one audit entry.
 */
export async function registerGroupsSheet(deps: Deps, caller: Caller, trx: Trx, input: GroupsSheetInput): Promise<GroupsSheetResult> {
  const scope = caller.scope;
  const campaignId = checkId(input.campaignId, 'campaign');
  const { campaign, framework } = await loadCampaign(trx, scope, campaignId);
  const { model, ref } = modelOf(deps, framework);
  const want = subjectKindOf(model.subject);
  if (want.kind === 'person' || want.kind === 'household')
    // A citizens' or families' campaign takes the people or households template.
    assertSubjectKind(model.subject, ref, 'clan');
  const kind = want.kind as 'clan' | 'community' | 'unit';
  const { late } = checkWindow(campaign, 'registration', deps.now());
  const defaults = { type: kind === 'community' ? want.types![0]! : kind === 'unit' ? 'other' : null };
  const target = peopleTargetOf(campaign, scope);
  const { groups, errors } = readGroupsSheets(kind, input, target, defaults);
  const out: GroupsSheetResult = { kind, created: 0, existing: 0, skipped: 0, membersAdded: 0, rows: [], errors };
  const from = `${campaign.year}-01-01`;
  for (const spec of groups) {
    if (!spec.register) {
      out.skipped++;
      continue;
    }
    const at: Where = { sheet: GROUPS_SHEET, row: spec.row };
    try {
      const done = await inSavepoint(trx, async () => {
        if (kind === 'community') assertSubjectKind(model.subject, ref, 'community', spec.type);
        const where = { province: campaign.province_code, commune: spec.commune };
        let group = await findGroup(trx, caller, kind, { ...where, name: spec.name, type: spec.type, date: from });
        const groupCreated = !group;
        group ??= await createGroup(deps, caller, trx, { kind, province: where.province, commune: where.commune, name: spec.name, ...(spec.type ? { type: spec.type } : {}) });
        const current = (await groupMemberships(trx, kind, group.id)).filter((m) => m.valid_to === null || m.valid_to > from);
        const inGroup = new Set(current.map((m) => m.person_id));
        const refused: GroupsRowError[] = [];
        let added = 0;
        for (const m of spec.members) {
          // A member's refusal is an AppError thrown before anything of it is written; anything
          // else (a database error) undoes the group's savepoint and fails the upload whole.
          try {
            const person = await personOf(deps, caller, trx, m, where);
            if (inGroup.has(person.id)) continue;
            await addMember(deps, caller, trx, { kind, groupId: group.id, personId: person.id, role: m.head ? 'head' : 'member', validFrom: from });
            inGroup.add(person.id);
            added++;
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            refused.push(errorAt(m.at, e.code, e.vi.charAt(0).toLowerCase() + e.vi.slice(1)));
          }
        }
        if (refused.length)
          throw new RowRefused([...refused, errorAt(at, 'GROUP_MEMBERS_INVALID', `${GROUP_NAMES[kind].vi} “${spec.name}” không được đăng ký: ${refused.length} thành viên không ghi được`)]);
        if (inGroup.size === 0)
          throw new RowRefused([errorAt(at, 'GROUP_HAS_NO_MEMBERS', `${GROUP_NAMES[kind].vi} “${spec.name}” chưa có thành viên nào: ghi thành viên ở cột “Thành viên” hoặc ở trang “${MEMBERS_SHEET}”`)]);
        const reg = await registerSubject(deps, caller, trx, { campaignId, subject: { kind, id: group.id } });
        return { group, groupCreated, members: inGroup.size, added, reg };
      });
      out.rows.push({ row: spec.row, groupId: done.group.id, name: done.group.name, members: done.members, registrationId: done.reg.registration.id, outcome: done.reg.created ? 'created' : 'existing', groupCreated: done.groupCreated });
      out.membersAdded += done.added;
      if (done.reg.created) out.created++;
      else out.existing++;
    } catch (e) {
      if (e instanceof RowRefused) out.errors.push(...e.errors);
      else if (e instanceof AppError) out.errors.push(errorAt(at, e.code, e.vi));
      else throw e;
    }
  }
  out.errors.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === GROUPS_SHEET ? -1 : 1));
  await appendAudit(
    trx,
    auditEntry(deps, caller, { province: campaign.province_code, action: 'registration.bulk', subject: { kind: 'campaign', id: campaign.id }, payload: { created: out.created, existing: out.existing, skipped: out.skipped, membersAdded: out.membersAdded, errors: out.errors.length, late, subjectKind: kind } }),
  );
  return out;
}
