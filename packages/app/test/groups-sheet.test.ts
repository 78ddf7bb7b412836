/**
 * Clans, communities and units registered in bulk from a groups sheet and a members sheet, without
 * HTTP, on both dialects: members by citizen id or name + birth date, in the group's cell or on the
 * members sheet; every bad row named with its sheet, row and column; a group with a refused member
 * leaves nothing behind and the good groups are kept; again without duplicates; a kind mismatch refused.
 */
import { definePlugin } from '@hoctap/core';
import { createUser, truncateAllTables, type Scope } from '@hoctap/db';
import { dialects, openTestDatabase, type TestDatabase } from '@hoctap/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCampaign } from '../src/campaigns.js';
import { withCaller, type Caller, type Deps, type Trx } from '../src/deps.js';
import { getGroup, searchGroups } from '../src/groups.js';
import { readGroupsSheets, registerGroupsSheet, type SheetTable } from '../src/groups-sheet.js';
import { createPerson } from '../src/people.js';
import { AppError } from '../src/errors.js';
import { refusal, testDeps } from './support.js';

const A = '25';
const A1 = '07900';

const framework = (id: string, subject: string, title: string) => `bộ tiêu chí ${id} "${title} — thử nghiệm"
  đối tượng: ${subject}
  địa bàn: "25" "tỉnh Phú Thọ"
  căn cứ tn: "Kế hoạch thử nghiệm"
  tiêu chí 1 "Học tập" tổng 10 theo tn "mục 1"
    chỉ số 1.1 "Phong trào học tập" tối đa 10
  tổng điểm 10
  danh hiệu dh "${title}"
    khi tổng điểm từ 5 trở lên
    theo tn "mục 2"
  ví dụ "5 điểm thì đạt"
    điểm 1.1 = 5
    mong đợi tổng 5, đạt dh
`;
const plugin = definePlugin({
  id: 'thu-nghiem-bang-nhom',
  version: '0.1.0',
  name: 'Thử nghiệm bảng nhóm',
  localities: [{ code: A, name: 'tỉnh Phú Thọ', level: 'province' }],
  frameworks: [
    { file: 'dh.tieuchi', source: framework('dhht-tn', 'dòng họ', 'Dòng họ học tập') },
    { file: 'dv.tieuchi', source: framework('dvht-tn', 'đơn vị', 'Đơn vị học tập') },
    { file: 'cd.tieuchi', source: framework('cdoht-tn', 'cộng đồng', 'Cộng đồng học tập') },
    { file: 'cdht.tieuchi', source: framework('cdht-tn', 'công dân', 'Công dân học tập') },
  ],
});

const officer: { -readonly [K in keyof Caller]: Caller[K] } & { scope: Scope } = { userId: null, roles: ['commune-officer'], scope: { role: 'commune', province: A, communes: [A1] } };
const table = (rows: string[][]): SheetTable => ({ header: rows[0]!, rows: rows.slice(1).map((cells, i) => ({ row: i + 2, cells })) });

describe('reading a groups sheet (no database)', () => {
  const target = { defaultCommune: A1, communeRequired: true, campaignCommune: A1, scope: officer.scope };
  it('reads members from the group’s cell and from the members sheet; names each bad cell with its sheet, row and column', () => {
    const groups = table([
      ['Mã nhóm *', 'Tên *', 'Loại', 'Thủ trưởng đơn vị', 'Thành viên', 'Đăng ký danh hiệu'],
      ['DV1', 'Trường Tiểu học Kim Đức', 'trường học', 'Hà Văn Hiệu (01/02/1970)', 'Lê Thị Một (03/04/1980); 025185001234', 'Có'],
      ['DV2', 'Phòng Văn hoá', 'nhà văn hoá', '', '', 'Có'],
      ['DV3', 'Phòng Y tế', 'cơ quan', '', 'Trần Văn Không Ngày', 'Có'],
      ['DV4', 'Trạm Y tế', 'cơ quan', '', '', 'Không'],
    ]);
    const members = table([
      ['Mã nhóm *', 'Họ và tên', 'Ngày sinh', 'Số định danh', 'Giới tính', 'Thôn, tổ dân phố', 'Vai trò'],
      ['DV1', 'Phạm Văn Hai', '05/06/1985', '', 'nam', '', ''],
      ['DV4', 'Ngô Thị Ba', '31/02/1990', '', '', '', ''],
      ['DV9', 'Vũ Văn Bốn', '01/01/1991', '', '', '', ''],
    ]);
    const { groups: good, errors } = readGroupsSheets('unit', { groups, members }, target, { type: 'other' });
    expect(good.map((g) => g.code)).toEqual(['DV1']);
    const dv1 = good[0]!;
    expect(dv1).toMatchObject({ name: 'Trường Tiểu học Kim Đức', type: 'school', commune: A1, register: true });
    expect(dv1.members.map((m) => [m.fullName, m.birthDate, m.citizenId, m.head])).toEqual([
      ['Hà Văn Hiệu', '1970-02-01', null, true],
      ['Lê Thị Một', '1980-04-03', null, false],
      [null, null, '025185001234', false],
      ['Phạm Văn Hai', '1985-06-05', null, false],
    ]);
    const at = errors.map((e) => [e.sheet, e.row, e.column ?? '', e.code]);
    expect(at).toEqual([
      ['Dữ liệu', 3, 'C', 'ROW_INVALID'],
      ['Dữ liệu', 4, 'E', 'ROW_INVALID'],
      ['Thành viên', 3, 'C', 'ROW_INVALID'],
      ['Thành viên', 4, 'A', 'UNKNOWN_GROUP_CODE'],
      ['Dữ liệu', 5, '', 'GROUP_MEMBERS_INVALID'],
    ]);
    expect(errors[0]!.message).toBe('dòng 3, cột C (Loại): loại “nhà văn hoá” không có; chọn: cơ quan / trường học / doanh nghiệp / khác');
    expect(errors[1]!.message).toContain('cần số định danh (12 chữ số), hoặc họ tên và ngày sinh');
    expect(errors[2]!.message).toBe('Trang “Thành viên”, dòng 3, cột C (Ngày sinh): ngày 31/02/1990 không có thật');
    expect(errors[3]!.message).toContain('mã nhóm “DV9” không có ở trang “Dữ liệu”');
    expect(errors[4]!.message).toContain('“Trạm Y tế” không được đăng ký: 1 dòng thành viên có lỗi (trang “Thành viên”, dòng 3)');
  });

  it('refuses names with hidden or look-alike characters in a group’s name, its cell of members and the members sheet', () => {
    const groups = table([
      ['Mã nhóm *', 'Tên *', 'Loại', 'Thủ trưởng đơn vị', 'Thành viên', 'Đăng ký danh hiệu'],
      ['DV1', 'Trường\u200b Kim Đức', 'trường học', '', 'Lê Thị Một (03/04/1980)', 'Có'],
      ['DV2', 'Phòng Văn hoá', 'cơ quan', '', 'Lê V\u0430n Hai (03/04/1981)', 'Có'],
      ['DV3', 'Phòng Y tế', 'cơ quan', '', 'Lê Văn Ba (03/04/1982)', 'Có'],
    ]);
    const members = table([
      ['Mã nhóm *', 'Họ và tên', 'Ngày sinh', 'Số định danh', 'Giới tính', 'Thôn, tổ dân phố', 'Vai trò'],
      ['DV3', 'Ngô\u202e Thị Bốn', '01/01/1990', '', '', '', ''],
    ]);
    const { groups: good, errors } = readGroupsSheets('unit', { groups, members }, target, { type: 'other' });
    expect(good).toEqual([]);
    const messages = errors.map((e) => e.message).join('\n');
    expect(messages).toContain('U+200B');
    expect(messages).toContain('U+0430');
    expect(messages).toContain('U+202E');
  });

  it('refuses a sheet without a name column, and a members sheet without the group code', () => {
    const vi = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        if (e instanceof AppError) return [e.code, e.vi];
        throw e;
      }
      throw new Error('expected an AppError');
    };
    expect(vi(() => readGroupsSheets('clan', { groups: table([['Mã nhóm'], ['D1']]) }, target, { type: null }))).toEqual(['GROUPS_SHEET_HEADER', 'Trang “Dữ liệu”: cần cột tên dòng họ (“Tên”)']);
    expect(vi(() => readGroupsSheets('clan', { groups: table([['Mã nhóm', 'Tên'], ['D1', 'Họ Lê']]), members: table([['Họ và tên'], ['Lê Văn A']]) }, target, { type: null }))).toEqual([
      'GROUPS_SHEET_HEADER',
      'Trang “Thành viên”: cần cột “Mã nhóm” (mã của nhóm ở trang Dữ liệu)',
    ]);
  });
});

describe.each(dialects)('registering groups from sheets (%s)', (dialect) => {
  let t: TestDatabase;
  let deps: Deps;
  const clock = { now: new Date('2018-06-01T03:00:00Z') };
  const as = <T,>(fn: (trx: Trx, caller: Caller) => Promise<T>) => withCaller(deps, officer, (trx) => fn(trx, { ...officer, address: '192.0.2.9' }));
  const campaign = async (fw: string) => (await as((trx, c) => openCampaign(deps, c, trx, { framework: `thu-nghiem-bang-nhom/${fw}`, year: 2018, commune: A1, confirm: true }))).campaign.id;

  beforeAll(async () => {
    t = await openTestDatabase(dialect, { migrate: true });
    deps = testDeps(t.handle.db, [plugin], clock);
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });
  beforeEach(async () => {
    await truncateAllTables(t.handle.db);
    officer.userId = (await createUser(t.handle.db, { email: 'canbo@hoctap.test', displayName: 'Cán bộ xã', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$không-dùng$không-dùng', roles: ['commune-officer'], localities: [A, A1] })).id;
  });

  it('creates the clans with their members and registers them; a clan with a refused member is not written at all; again: nothing new', async () => {
    // A person already on record by citizen id, under another name than the sheet gives.
    await as((trx, c) => createPerson(deps, c, trx, { commune: A1, fullName: 'Đào Thị Sẵn', birthDate: '1985-01-01', citizenId: '025185001234' }));
    const cp = await campaign('dhht-tn');
    const groups = table([
      ['Mã nhóm', 'Tên', 'Trưởng họ', 'Thành viên', 'Đăng ký danh hiệu'],
      ['H1', 'Dòng họ Nguyễn Văn', 'Nguyễn Văn Trưởng (01/01/1950)', 'Nguyễn Văn Con (02/02/1980); 025185001234', 'Có'],
      ['H2', 'Dòng họ Lê', 'Lê Văn Cả (03/03/1955)', 'Lê Văn Út, 025185001234', 'Có'],
      ['H3', 'Dòng họ Trần', '', '', 'Có'],
    ]);
    const members = table([
      ['Mã nhóm', 'Họ và tên', 'Ngày sinh', 'Số định danh', 'Vai trò'],
      ['H1', 'Nguyễn Thị Cháu', '04/04/2005', '', ''],
      ['H1', 'Nguyễn Văn Con', '02/02/1980', '', 'thành viên'],
    ]);
    const res = await as((trx, c) => registerGroupsSheet(deps, c, trx, { campaignId: cp, groups, members }));
    expect(res).toMatchObject({ kind: 'clan', created: 1, existing: 0, skipped: 0, membersAdded: 4 });
    expect(res.rows).toEqual([expect.objectContaining({ row: 2, name: 'Dòng họ Nguyễn Văn', members: 4, outcome: 'created', groupCreated: true })]);
    // Row 3: the citizen id is on record as “Đào Thị Sẵn”: the member is refused, and with it the clan.
    expect(res.errors.map((e) => [e.sheet, e.row, e.column ?? '', e.code])).toEqual([
      ['Dữ liệu', 3, 'D', 'CITIZEN_ID_NAME_MISMATCH'],
      ['Dữ liệu', 3, '', 'GROUP_MEMBERS_INVALID'],
      ['Dữ liệu', 4, '', 'GROUP_HAS_NO_MEMBERS'],
    ]);
    expect(res.errors[0]!.message).toContain('số định danh đã có trong hệ thống với họ tên “Đào Thị Sẵn”, không phải “Lê Văn Út”');
    const found = async (q: string) => (await as((trx, c) => searchGroups(deps, c, trx, { kind: 'clan', query: q, limit: 10, offset: 0 }))).items.map((g) => g.name);
    expect(await found('dong ho le')).toEqual([]);
    expect(await found('dong ho tran')).toEqual([]);
    const clan = await as((trx, c) => getGroup(deps, c, trx, { kind: 'clan', id: res.rows[0]!.groupId, date: '2018-06-01' }));
    expect(clan.members.map((m) => [m.full_name, m.role, m.valid_from]).sort()).toEqual([
      ['Nguyễn Thị Cháu', 'member', '2018-01-01'],
      ['Nguyễn Văn Con', 'member', '2018-01-01'],
      ['Nguyễn Văn Trưởng', 'head', '2018-01-01'],
      ['Đào Thị Sẵn', 'member', '2018-01-01'],
    ]);
    // Nobody half-written: the people of the refused clans were not created either.
    const people = await t.handle.db.selectFrom('people').select('full_name').orderBy('full_name').execute();
    expect(people.map((p) => p.full_name).sort()).toEqual(['Nguyễn Thị Cháu', 'Nguyễn Văn Con', 'Nguyễn Văn Trưởng', 'Đào Thị Sẵn'].sort());

    const again = await as((trx, c) => registerGroupsSheet(deps, c, trx, { campaignId: cp, groups: table([groups.header as string[], groups.rows[0]!.cells as string[]]), members }));
    expect(again).toMatchObject({ created: 0, existing: 1, membersAdded: 0, errors: [] });
    expect(again.rows[0]).toMatchObject({ groupId: res.rows[0]!.groupId, groupCreated: false, members: 4 });
  });

  it('units of 50 members from the members sheet; communities by type; a citizens’ campaign refuses the sheet', async () => {
    const cp = await campaign('dvht-tn');
    const groups = table([
      ['Mã nhóm', 'Tên', 'Loại', 'Thủ trưởng đơn vị'],
      ['U1', 'Trường THCS Kim Đức', 'trường học', ''],
    ]);
    const members = table([
      ['Mã nhóm', 'Họ và tên', 'Ngày sinh', 'Vai trò'],
      ...Array.from({ length: 50 }, (_, i) => ['U1', `Giáo viên Số ${i + 1}`, `${String((i % 28) + 1).padStart(2, '0')}/05/1980`, i === 0 ? 'đại diện' : '']),
    ]);
    const res = await as((trx, c) => registerGroupsSheet(deps, c, trx, { campaignId: cp, groups, members }));
    expect(res).toMatchObject({ kind: 'unit', created: 1, membersAdded: 50, errors: [] });
    const unit = await as((trx, c) => getGroup(deps, c, trx, { kind: 'unit', id: res.rows[0]!.groupId, date: '2018-06-01' }));
    expect(unit.group.type).toBe('school');
    expect(unit.members).toHaveLength(50);
    expect(unit.members.filter((m) => m.role === 'head').map((m) => m.full_name)).toEqual(['Giáo viên Số 1']);

    const co = await campaign('cdoht-tn');
    const villages = table([
      ['Mã nhóm', 'Tên', 'Loại', 'Trưởng thôn', 'Thành viên'],
      ['T1', 'Thôn Đoài', 'thôn', 'Đinh Văn Trưởng (01/01/1960)', 'Đinh Thị Dân (02/02/1990)'],
      ['T2', 'Xã Kim Đức', 'xã', 'Đinh Văn Chủ (01/01/1961)', ''],
    ]);
    const cr = await as((trx, c) => registerGroupsSheet(deps, c, trx, { campaignId: co, groups: villages }));
    expect(cr).toMatchObject({ kind: 'community', created: 1 });
    expect(cr.errors).toEqual([expect.objectContaining({ row: 3, code: 'SUBJECT_KIND_MISMATCH', message: expect.stringContaining('không đăng ký được cộng đồng cấp xã') })]);

    const citizens = await campaign('cdht-tn');
    expect(await refusal(as((trx, c) => registerGroupsSheet(deps, c, trx, { campaignId: citizens, groups })))).toEqual(['unprocessable', 'SUBJECT_KIND_MISMATCH']);
  });
});
