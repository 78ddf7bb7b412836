/**
 * Group titles through a whole year in Debian Chromium against the REAL server (embedded PGlite):
 *  (a) a Gia đình học tập year for a household of 4 whose member indicator reads the members'
 *      Công dân học tập results of the same year — the citizens decided first, then the household
 *      registered from the households template, self-assessed by the officer, reviewed by a
 *      committee member (another account), proposed, decided, published, found on /cong-khai, its
 *      certificate downloaded and read with pdftotext (the household and its head);
 *  (b) a Đơn vị học tập year (Tân Biên 2023) for a unit of 50 members registered from the units
 *      template (a workbook with its “Thành viên” sheet) through the portal, to the public list and
 *      the certificate;
 *  (c) changing a proposed outcome on the Decisions page and deciding it.
 * No plugin has a family framework counted on its members' Công dân học tập, so (a) publishes one
 * (with its citizens' framework) through the editor's publishing API, as a locality would.
 * The accounts are the suite's own (officer, committee member, decider), created in the database.
 * Every page is checked with axe-core and photographed into `e2e/screenshots/years-*.png`.
 *
 * Needs `apps/admin/dist` (`npm run build`), `/usr/bin/chromium` and `pdftotext` (poppler-utils).
 */
import { hashPassword } from '@hoctap/api';
import { createUser } from '@hoctap/db';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type BrowserContext, type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiSession, expectAccessible, fillSignIn, newContext, realServerAndBrowser, screenshots, type Account } from './browser.ts';

const shot = screenshots('years-');
const suite = realServerAndBrowser();
const PASSWORD = 'mật khẩu riêng của bộ kiểm thử năm nhóm';

/** A citizens' framework and a family framework counted on the members' citizen title, for Yên Bái. */
const CDHT = `bộ tiêu chí cdht-e2e-nhom "Công dân học tập — kiểm thử năm nhóm"
  đối tượng: công dân
  địa bàn: "15" "tỉnh Yên Bái"
  căn cứ kh: "Kế hoạch kiểm thử"
  tiêu chí 1 "Học tập" tổng 10 theo kh "mục 1"
    chỉ số 1.1 "Tự học thường xuyên" tối đa 10
  tổng điểm 10
  danh hiệu cdht "Công dân học tập"
    khi tổng điểm từ 5 trở lên
    theo kh "mục 2"
  ví dụ "5 điểm thì đạt"
    điểm 1.1 = 5
    mong đợi tổng 5, đạt cdht
`;
const GDHT = `bộ tiêu chí gdht-e2e-nhom "Gia đình học tập — kiểm thử năm nhóm"
  đối tượng: gia đình
  địa bàn: "15" "tỉnh Yên Bái"
  căn cứ kh: "Kế hoạch kiểm thử"
  thiếu dữ liệu: không đạt
  tiêu chí 1 "Học tập của các thành viên" tổng 10 theo kh "mục 1"
    chỉ số 1.1 "Thành viên đạt Công dân học tập" tối đa 10
      đo tỉ lệ thành viên đạt "Công dân học tập"
      mức 75% thì 10
  tiêu chí 2 "Điều kiện học tập" tổng 10 theo kh "mục 2"
    chỉ số 2.1 "Góc học tập" tối đa 10
  tổng điểm 20
  danh hiệu gdht "Gia đình học tập"
    khi tổng điểm từ 20 trở lên
    theo kh "mục 3"
  ví dụ "3/4 thành viên đạt"
    điểm 2.1 = 10
    thành viên 3 đạt "Công dân học tập"
    thành viên 1 không đạt "Công dân học tập"
    mong đợi tổng 20, đạt gdht
`;

type Api = Awaited<ReturnType<typeof apiSession>>;
const accounts = {} as Record<'officer' | 'committee' | 'decider' | 'tbOfficer' | 'tbCommittee' | 'tbDecider', Account>;
let commune = '';
const year = new Date().getFullYear();

const today = () => {
  const d = new Date();
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
};

async function json(res: Response, status = [200, 201]): Promise<any> {
  const text = await res.text();
  expect(status, text).toContain(res.status);
  return text ? JSON.parse(text) : undefined;
}

/** The text of a PDF file (poppler's pdftotext). */
const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).normalize('NFC');

async function signedIn(account: Account, path: string, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(suite.browser, { viewport, locale: 'vi-VN', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${suite.server.url}${path}`);
  await page.waitForURL(/\/dang-nhap\?next=/);
  await fillSignIn(page, account);
  await page.waitForURL((u) => u.pathname === path.split('?')[0]);
  return { context, page };
}

beforeAll(async () => {
  const db = suite.server.server.database.db;
  // The one commune the plugins' units hold (Tuy Lộc, Yên Bái); Tân Biên's units are run by the province.
  const units = await db.selectFrom('administrative_units').select(['code', 'province_code']).where('level', '=', 'commune').execute();
  commune = units.find((u) => u.province_code === '15')!.code;
  const passwordHash = await hashPassword(PASSWORD);
  const make = async (key: keyof typeof accounts, name: string, roles: string[], localities: string[]) => {
    const email = `${key.toLowerCase()}.nam-nhom@hoctap.test`;
    await createUser(db, { email, displayName: name, passwordHash, roles, localities });
    accounts[key] = { email, password: PASSWORD };
  };
  await make('officer', 'Phan Thị Cán Bộ (cán bộ xã)', ['commune-officer'], ['15', commune]);
  await make('committee', 'Lê Văn Hội Đồng (hội đồng xét)', ['committee-member'], ['15', commune]);
  await make('decider', 'Trần Văn Quyết (lãnh đạo)', ['province-admin'], ['15']);
  await make('tbOfficer', 'Võ Thị Cán Bộ (Phòng Nội vụ)', ['province-admin'], ['80']);
  await make('tbCommittee', 'Đặng Văn Hội Đồng (Phòng GD&ĐT)', ['committee-member'], ['80']);
  await make('tbDecider', 'Huỳnh Văn Quyết (lãnh đạo huyện)', ['province-admin'], ['80']);
}, 120_000);

/** Runs registrations through the citizens' year by the API: self-assessed, submitted, reviewed, proposed, decided. */
async function decideByApi(officer: Api, committee: Api, decider: Api, campaignId: string, regs: { id: string; scores: Record<string, number>; pass: boolean }[], number: string) {
  for (const r of regs) {
    await json(await officer('POST', `/api/registrations/${r.id}/self-assessment`, { scores: r.scores }));
    await json(await officer('POST', `/api/registrations/${r.id}/submit`, {}));
    await json(await committee('POST', `/api/registrations/${r.id}/review`, { scores: r.scores }));
  }
  await json(await officer('POST', `/api/campaigns/${campaignId}/proposals`, { registrationIds: regs.map((r) => r.id) }));
  await json(
    await decider('POST', '/api/decisions', {
      campaignId,
      number,
      decidedOn: new Date().toISOString().slice(0, 10),
      signer: 'Chủ tịch UBND xã',
      recognised: regs.filter((r) => r.pass).map((r) => r.id),
      notRecognised: regs.filter((r) => !r.pass).map((r) => r.id),
    }),
  );
}

/** The portal's steps after the registration: self-assessment (officer), submission, review (committee), proposal (officer), decision (decider). */
async function yearInPortal(o: {
  regId: string;
  campaignId: string;
  scores: Record<string, string>;
  officer: Account;
  committee: Account;
  decider: Account;
  number: string;
  shotPrefix: string;
  expectTotal: string;
  /** Self-assessed and reviewed already (by the API): the portal proposes, decides and publishes. */
  assessed?: boolean;
  /** Yes/no indicators to tick. */
  yes?: string[];
  /** The framework asks this many facts of each member (Tân Biên 2023: five): tick every column of the members' table. */
  tickAllFacts?: number;
}) {
  const off = await signedIn(o.officer, `/ho-so/${o.regId}`);
  if (!o.assessed) await assessInPortal(off.page, o);
  await proposeDecidePublish(off, o);
  return certificateText(o);
}

async function assessInPortal(page: Page, o: { regId: string; scores: Record<string, string>; committee: Account; shotPrefix: string; expectTotal: string; yes?: string[]; tickAllFacts?: number }) {
  // Self-assessment typed by the officer for the group's representative.
  const off = { page };
  const self = off.page.getByTestId('self-form');
  await self.waitFor();
  for (const [id, v] of Object.entries(o.scores)) await self.getByTestId(`score-${id}`).fill(v);
  for (const id of o.yes ?? []) await self.locator(`input[type=checkbox][aria-describedby="self-form-ind-${id}"]`).check();
  if (o.tickAllFacts) {
    const columns = self.getByTestId('member-facts').getByRole('button', { name: /^Chọn tất cả — cột / });
    await expect.poll(() => columns.count()).toBe(o.tickAllFacts);
    // Each click turns its button into "Bỏ tất cả": the first "Chọn tất cả" left is the next column.
    for (let i = 0; i < o.tickAllFacts; i++) await columns.first().click();
    expect(await self.getByTestId('member-facts').getByRole('checkbox', { checked: false }).count()).toBe(0);
  }
  await expectAccessible(off.page, `${o.shotPrefix} tự đánh giá`);
  await off.page.getByTestId('self-form-submit').click();
  await expect.poll(() => off.page.getByTestId('assessment-self').textContent()).toContain(o.expectTotal);
  await off.page.getByTestId('submit-registration').click();
  await expect.poll(() => off.page.getByTestId('submit-registration').count()).toBe(0);
  await shot(off.page, `${o.shotPrefix}-self-1280`);

  // Review by a committee member: another account.
  const com = await signedIn(o.committee, `/ho-so/${o.regId}`);
  const review = com.page.getByTestId('review-form');
  await review.waitFor();
  await expectAccessible(com.page, `${o.shotPrefix} bình xét`);
  await com.page.getByTestId('review-form-submit').click();
  await expect.poll(() => com.page.getByTestId('assessment-committee').count()).toBe(1);
  expect(await com.page.getByTestId('assessment-committee').textContent()).toContain(o.expectTotal);
  await shot(com.page, `${o.shotPrefix}-review-1280`);
  await com.context.close();
}

async function proposeDecidePublish(off: { context: BrowserContext; page: Page }, o: { regId: string; campaignId: string; decider: Account; number: string; shotPrefix: string }) {
  // Proposal by the officer, on the Decisions page.
  await off.page.goto(`${suite.server.url}/quyet-dinh?dot=${o.campaignId}`);
  const item = off.page.getByTestId('propose-item');
  await item.first().waitFor();
  expect(await item.count()).toBe(1);
  await expect.poll(() => off.page.getByTestId('propose-list').locator('input[type=checkbox]').first().isChecked()).toBe(true);
  await expectAccessible(off.page, `${o.shotPrefix} đề nghị`);
  await off.page.getByTestId('propose').click();
  await expect.poll(() => off.page.getByTestId('propose-empty').count()).toBe(1);
  await off.context.close();

  // Decision by the decider.
  const dec = await signedIn(o.decider, `/quyet-dinh?dot=${o.campaignId}`);
  const table = dec.page.getByTestId('decide-table');
  await table.waitFor();
  await expect.poll(() => table.getByTestId('decide-choice').first().inputValue()).toBe('yes');
  await dec.page.getByLabel(/^Số quyết định/).fill(o.number);
  await dec.page.getByLabel(/^Ngày quyết định/).fill(today());
  await dec.page.getByLabel(/^Người ký/).fill('Chủ tịch UBND');
  await expectAccessible(dec.page, `${o.shotPrefix} quyết định`);
  await dec.page.getByTestId('decide').click();
  await dec.page.getByTestId('decision-done').waitFor();
  await shot(dec.page, `${o.shotPrefix}-decided-1280`);
  await dec.context.close();
}

/** Published by the decider on the record; the certificate downloaded and read. */
async function certificateText(o: { regId: string; decider: Account; shotPrefix: string }): Promise<string> {
  const dec = await signedIn(o.decider, `/ho-so/${o.regId}`);

  await dec.page.getByTestId('action-publish').click();
  await dec.page.getByTestId('action-confirm').click();
  await expect.poll(() => dec.page.getByTestId('action-publish').count()).toBe(0);
  const links = dec.page.getByTestId('registration-decision');
  await links.waitFor();
  await expectAccessible(dec.page, `${o.shotPrefix} hồ sơ đã công bố`);
  await shot(dec.page, `${o.shotPrefix}-published-1280`);
  const download = dec.page.waitForEvent('download');
  await links.getByRole('link', { name: /Giấy công nhận|Giấy chứng nhận|giấy công nhận/i }).click();
  const file = await (await download).path();
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(file);
  await dec.context.close();
  return text;
}

/** The public list, as anybody: the subject found by its name, with the decision number. */
async function onPublicList(name: string, number: string, shotName: string) {
  const context = await newContext(suite.browser, { viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${suite.server.url}/cong-khai`);
  await page.getByTestId('public-search').fill(name);
  const table = page.getByTestId('public-table');
  await expect.poll(() => table.textContent()).toContain(name);
  expect(await table.textContent()).toContain(number);
  await expectAccessible(page, `công khai ${name}`);
  await shot(page, shotName);
  await context.close();
}

describe('group years in Chromium', () => {
  it('(a) a household of 4: the members’ citizen year decided first, then the household’s year from registration to the public list and its certificate', async () => {
    const officer = await apiSession(suite.server.url, accounts.officer);
    const committee = await apiSession(suite.server.url, accounts.committee);
    const decider = await apiSession(suite.server.url, accounts.decider);
    // Set-up by the API: the frameworks published (as from the editor), the people, the household.
    const cdhtFw = await json(await decider('POST', '/api/frameworks/publish', { source: CDHT, file: 'cdht-e2e-nhom.tieuchi' }));
    const gdhtFw = await json(await decider('POST', '/api/frameworks/publish', { source: GDHT, file: 'gdht-e2e-nhom.tieuchi' }));
    const names = ['Nguyễn Văn Gia', 'Trần Thị Đình', 'Nguyễn Văn Học', 'Nguyễn Thị Tập'];
    const people: string[] = [];
    for (const [i, fullName] of names.entries()) people.push((await json(await officer('POST', '/api/people', { commune, fullName, ...(i ? { birthDate: `${1980 + i}-05-0${i}` } : {}) }))).id);
    const household = await json(await officer('POST', '/api/households', { commune, name: 'Hộ Nguyễn Văn Gia', village: 'Khu 3' }));
    for (const [i, p] of people.entries()) await json(await officer('POST', `/api/households/${household.id}/members`, { personId: p, validFrom: `${year}-01-01`, ...(i === 0 ? { role: 'head' } : {}) }));
    // The citizens' year: three of the four recognised.
    const cdht = await json(await officer('POST', '/api/campaigns', { frameworkVersionId: cdhtFw.id, year, commune, confirm: true }));
    const regs = [];
    for (const [i, p] of people.entries()) regs.push({ id: (await json(await officer('POST', `/api/campaigns/${cdht.id}/registrations`, { personId: p }))).id as string, scores: { '1.1': i === 3 ? 2 : 8 }, pass: i !== 3 });
    await decideByApi(officer, committee, decider, cdht.id, regs, `1/QĐ-UBND-${year}`);
    const gd = await json(await officer('POST', '/api/campaigns', { frameworkVersionId: gdhtFw.id, year, commune, confirm: true }));

    // The household registered from the households template on the campaign's page.
    const off = await signedIn(accounts.officer, `/dot-danh-gia/${gd.id}`);
    await off.page.getByTestId('campaign-downloads').waitFor();
    await expectAccessible(off.page, 'đợt gia đình học tập');
    const csv = 'Mã hộ *,Chủ hộ *,"Thôn, tổ dân phố",Số thành viên,Đăng ký danh hiệu\nH01,Nguyễn Văn Gia,Khu 3,4,Có\n';
    await off.page.locator('section[aria-labelledby="bulk"] input[type=file]').setInputFiles({ name: 'ho-gia-dinh.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await off.page.locator('section[aria-labelledby="bulk"]').getByRole('button', { name: 'Tải lên và đăng ký' }).click();
    await expect.poll(() => off.page.getByTestId('bulk-kept').textContent()).toContain('1 dòng');
    expect(await off.page.getByTestId('bulk-errors-count').textContent()).toContain('0');
    await expect.poll(() => off.page.getByTestId('registrations-total').textContent()).toBe('(1)');
    await shot(off.page, 'household-registered-1280');
    const reg = (await json(await officer('GET', `/api/campaigns/${gd.id}/registrations`))).items[0];
    expect(reg.subject).toEqual({ kind: 'household', id: household.id });
    await off.context.close();

    const cert = await yearInPortal({ regId: reg.id, campaignId: gd.id, scores: { '2.1': '10' }, officer: accounts.officer, committee: accounts.committee, decider: accounts.decider, number: `2/QĐ-UBND-${year}`, shotPrefix: 'household', expectTotal: '20' });
    // The member indicator read the citizens' decisions of the same year.
    const detail = await json(await officer('GET', `/api/registrations/${reg.id}`));
    expect(detail.registration.status).toBe('published');
    expect(detail.assessments.at(-1).result.members.text).toContain(`3/4 thành viên đạt Công dân học tập năm ${year}`);
    expect(cert).toContain('Hộ Nguyễn Văn Gia');
    expect(cert).toContain('Nguyễn Văn Gia');
    expect(cert).toMatch(/Chủ hộ: Nguyễn Văn Gia/);
    await onPublicList('Hộ Nguyễn Văn Gia', `2/QĐ-UBND-${year}`, 'household-public-1280');
  });

  it('(b) a Tân Biên unit of 50 members registered from the units template through the portal, to the public list and its certificate', async () => {
    const officer = await apiSession(suite.server.url, accounts.tbOfficer);
    const unitYear = year - 1; // its self-assessment falls in the next year's first quarter (taken late, flagged)
    const cp = await json(await officer('POST', '/api/campaigns', { framework: 'tan-bien/dvht-tan-bien-2023', year: unitYear, province: '80', confirm: true }));

    // The template the portal hands out, filled: the unit on “Dữ liệu”, its 50 members on “Thành viên”.
    const off = await signedIn(accounts.tbOfficer, `/dot-danh-gia/${cp.id}`);
    const section = off.page.locator('section[aria-labelledby="groups-bulk"]');
    await section.waitFor();
    const href = await section.getByTestId('groups-bulk-template').getAttribute('href');
    expect(href).toBe('/api/templates/units.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await officer('GET', href!)).arrayBuffer()) as ArrayBuffer);
    wb.getWorksheet('Dữ liệu')!.getRow(2).values = ['TB01', 'Trường Mầm non Hoa Mai, huyện Tân Biên', 'trường học', '', 'Võ Văn Trưởng (12/03/1975)', '', 'Có'];
    const members = wb.getWorksheet('Thành viên')!;
    for (let i = 1; i < 49; i++) members.getRow(1 + i).values = ['TB01', `Cán bộ Nội vụ Số ${i}`, new Date(Date.UTC(1980, 0, i)), '', i % 2 ? 'nữ' : 'nam', '', ''];
    members.getRow(51).values = ['TB01', 'Người Thiếu Ngày Sinh', '', '', '', '', ''];
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    await expectAccessible(off.page, 'đợt đơn vị học tập');
    await shot(off.page, 'unit-campaign-1280');

    // First with one bad member row: the unit is not written, and the row is named.
    await section.locator('input[type=file]').last().setInputFiles({ name: 'don-vi.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
    await section.getByRole('button', { name: 'Đăng ký các nhóm' }).click();
    const errors = off.page.getByTestId('groups-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toContain('Trang “Thành viên”, dòng 51: cần số định danh, hoặc họ tên và ngày sinh');
    expect(await errors.textContent()).toContain('không được đăng ký');
    expect(await off.page.getByTestId('groups-kept').textContent()).toContain('0 dòng');
    await expectAccessible(off.page, 'báo lỗi nhập đơn vị');
    await shot(off.page, 'unit-upload-errors-1280');
    // Fixed (the birth date given): the unit and its 50 members are registered.
    members.getRow(51).values = ['TB01', 'Người Thiếu Ngày Sinh', new Date(Date.UTC(1990, 5, 1)), '', '', '', ''];
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    await section.locator('input[type=file]').last().setInputFiles({ name: 'don-vi-da-sua.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good });
    await section.getByRole('button', { name: 'Đăng ký các nhóm' }).click();
    await expect.poll(() => off.page.getByTestId('groups-kept').textContent()).toContain('1 dòng');
    expect(await off.page.getByTestId('groups-report').textContent()).toContain('50 thành viên mới được ghi');
    await expect.poll(() => off.page.getByTestId('registrations-total').textContent()).toBe('(1)');
    await shot(off.page, 'unit-registered-1280');
    await off.context.close();
    const reg = (await json(await officer('GET', `/api/campaigns/${cp.id}/registrations`))).items[0];
    expect(reg.subject.kind).toBe('unit');
    const unit = await json(await officer('GET', `/api/units/${reg.subject.id}`));
    expect(unit.members).toHaveLength(50);

    // The self-assessment in the portal: the scores, and each of the 50 members' facts ticked in
    // the members' table (a whole column at a time); the review starts from them.
    const number = `12/QĐ-UBND-${unitYear}`;
    const cert = await yearInPortal({ regId: reg.id, campaignId: cp.id, scores: { '1.1': '10', '1.2': '10', '1.3': '10', '3.3': '5' }, yes: ['3.2'], tickAllFacts: 5, officer: accounts.tbOfficer, committee: accounts.tbCommittee, decider: accounts.tbDecider, number, shotPrefix: 'unit', expectTotal: '100' });
    const after = await json(await officer('GET', `/api/registrations/${reg.id}`));
    const review = after.assessments.filter((a: { kind: string }) => a.kind === 'committee').at(-1);
    expect(review.result.members.counted).toHaveLength(50);
    expect(review.result.total).toBe(100);
    expect(cert).toContain('Trường Mầm non Hoa Mai, huyện Tân Biên');
    expect(cert).toContain('Võ Văn Trưởng');
    await onPublicList('Trường Mầm non Hoa Mai, huyện Tân Biên', number, 'unit-public-1280');
  });

  it('(c) a proposed outcome changed on the Decisions page, then decided: the page stays, the decision follows the change', async () => {
    const officer = await apiSession(suite.server.url, accounts.officer);
    const committee = await apiSession(suite.server.url, accounts.committee);
    const decider = await apiSession(suite.server.url, accounts.decider);
    const fw = await json(await decider('POST', '/api/frameworks/publish', { source: CDHT, file: 'cdht-e2e-nhom.tieuchi' }));
    const cp = await json(await officer('POST', '/api/campaigns', { frameworkVersionId: fw.id, year: year - 2, commune, confirm: true }));
    const regs: string[] = [];
    for (const fullName of ['Lò Văn Đổi', 'Lò Thị Giữ']) {
      const p = await json(await officer('POST', '/api/people', { commune, fullName, birthDate: '1990-01-01' }));
      const r = (await json(await officer('POST', `/api/campaigns/${cp.id}/registrations`, { personId: p.id }))).id as string;
      await json(await officer('POST', `/api/registrations/${r}/self-assessment`, { scores: { '1.1': 8 } }));
      await json(await officer('POST', `/api/registrations/${r}/submit`, {}));
      await json(await committee('POST', `/api/registrations/${r}/review`, { scores: { '1.1': 8 } }));
      regs.push(r);
    }
    await json(await officer('POST', `/api/campaigns/${cp.id}/proposals`, { registrationIds: regs }));

    const dec = await signedIn(accounts.decider, `/quyet-dinh?dot=${cp.id}`);
    const choices = dec.page.getByTestId('decide-choice');
    await expect.poll(() => choices.count()).toBe(2);
    expect([await choices.nth(0).inputValue(), await choices.nth(1).inputValue()]).toEqual(['yes', 'yes']);
    const row = dec.page.getByTestId('decide-table').locator('tbody tr', { hasText: 'Lò Thị Giữ' });
    await row.getByTestId('decide-choice').selectOption('no');
    // The page did not crash: the table is still there, with the change.
    expect(await row.getByTestId('decide-choice').inputValue()).toBe('no');
    expect(await dec.page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await expectAccessible(dec.page, 'đổi kết quả đề nghị');
    await shot(dec.page, 'decide-changed-1280');
    await dec.page.getByLabel(/^Số quyết định/).fill(`3/QĐ-UBND-${year - 2}`);
    await dec.page.getByLabel(/^Ngày quyết định/).fill(today());
    await dec.page.getByLabel(/^Người ký/).fill('Chủ tịch UBND xã');
    await dec.page.getByTestId('decide').click();
    await dec.page.getByTestId('decision-done').waitFor();
    await shot(dec.page, 'decide-done-1280');
    await dec.context.close();
    const statuses = await Promise.all(regs.map(async (r) => (await json(await officer('GET', `/api/registrations/${r}`))).registration.status as string));
    expect(statuses).toEqual(['recognised', 'not-recognised']);
  });
});
