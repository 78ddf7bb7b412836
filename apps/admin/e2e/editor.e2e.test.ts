/**
 * The portal in Debian Chromium against the REAL server (`@hoctap/server` on embedded PGlite in a
 * temporary data directory, with its demo year), end to end: sign in with a seeded demo account
 * (Argon2, session cookie, CSRF), find a framework by typing without diacritics, read its detail
 * page, write a criteria file with a deliberate error in the editor, fix it and see the worked
 * examples pass; then the year's work: dashboard, people, the seeded campaign and an explanation,
 * a new campaign with an Excel import, self-assessment, review and decision by a second person.
 * Every page is checked with axe-core (no serious or critical violations) and photographed into
 * `e2e/screenshots/` at 1280 px and 360 px.
 *
 * Needs `apps/admin/dist` (`npm run build`) and `/usr/bin/chromium` (`apt-get install -y chromium`).
 */
import ExcelJS from 'exceljs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STARTER_TEMPLATE } from '../src/editor/template.ts';
import { COMMITTEE, LEADER, OFFICER, startRealServer, type TestServer } from './server.ts';
import { DIST, expectAccessible, fillSignIn, launchChromium, newContext, screenshots } from './browser.ts';


const shot = screenshots('');

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  const started = Date.now();
  server = await startRealServer(DIST);
  console.info(`[e2e] real server with the demo year ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  browser = await launchChromium();
});


afterAll(async () => {
  await browser?.close();
  await server?.close();
});



type Account = { readonly email: string; readonly password: string };

async function signIn(context: BrowserContext, path: string, account: Account = OFFICER): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  await page.waitForURL(/\/dang-nhap\?next=/);
  await fillSignIn(page, account);
  await page.waitForURL((u) => u.pathname === path.split('?')[0]);
  return page;
}


/** Signs out with the header button, then signs in as someone else and goes to `path`. */
async function switchUser(page: Page, account: Account, path: string) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.waitForURL(/\/dang-nhap/);
  await fillSignIn(page, account);
  await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
  await page.goto(`${server.url}${path}`);
}

/** Replaces the editor's text as a person would: select all, then type (insert) the new text. */
async function typeIntoEditor(page: Page, text: string) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

describe('admin portal in Chromium', () => {
  it('signs in, lists and shows frameworks, all accessible', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/bo-tieu-chi`);
    await page.waitForURL(/\/dang-nhap\?next=%2Fbo-tieu-chi/);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expectAccessible(page, 'đăng nhập');
    await shot(page, 'login-1280');

    // Wrong password: a Vietnamese message, no session.
    await page.getByLabel(/^Thư điện tử/).fill(OFFICER.email);
    await page.getByLabel(/^Mật khẩu/).fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('không đúng');

    await page.getByLabel(/^Mật khẩu/).fill(OFFICER.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => u.pathname === '/bo-tieu-chi');

    // Search without diacritics finds "Công dân học tập" of Phú Thọ (the server registers every plugin).
    const table = page.getByTestId('frameworks-table');
    await table.waitFor();
    await page.getByLabel('Tìm bộ tiêu chí').fill('cong dan hoc tap');
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(1);
    await page.getByLabel('Tìm bộ tiêu chí').fill('cong dan hoc tap dang bo khoi');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    const row = table.locator('tbody tr').first();
    expect(await row.textContent()).toContain('Công dân học tập');
    expect(await row.textContent()).toContain('Ban hành');
    expect(await row.textContent()).toContain('01/05/2018 – 31/12/2018');
    await page.getByLabel('Tìm bộ tiêu chí').fill('khong ton tai xyz');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Không có bộ tiêu chí nào khớp');
    await page.getByLabel('Tìm bộ tiêu chí').fill('cong dan hoc tap dang bo khoi');
    await expectAccessible(page, 'danh sách bộ tiêu chí');
    await shot(page, 'frameworks-1280');

    // The detail page: criteria with their maxima and citations, the source text.
    await table.getByRole('link').first().click();
    await page.waitForURL(/\/bo-tieu-chi\/phu-tho\/cdht-phu-tho-2018$/);
    const criteria = page.getByTestId('criteria-table');
    await criteria.waitFor();
    expect(await criteria.locator('tbody tr').count()).toBe(10 + 23 + 1);
    expect(await criteria.textContent()).toContain('Tham gia đầy đủ các buổi hội thảo');
    expect(await criteria.getByTestId('citation').first().textContent()).toContain('kh-khoi');
    await expectAccessible(page, 'chi tiết bộ tiêu chí');
    await shot(page, 'framework-detail-1280');
    await page.getByRole('tab', { name: 'Lịch' }).click();
    expect(await page.getByRole('tabpanel').textContent()).toContain('trước ngày 05/11/2018');
    await page.getByRole('tab', { name: 'Văn bản nguồn' }).click();
    expect(await page.getByTestId('source-text').textContent()).toContain('bộ tiêu chí cdht-phu-tho-2018');

    // The pages on the server's data, Reports included (no page is "under construction" any more).
    for (const [path, name] of [['/', 'tong-quan'], ['/dot-danh-gia', 'dot-danh-gia'], ['/bao-cao', 'bao-cao']] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectAccessible(page, name);
    }
    await page.getByTestId('reports-summary').waitFor();
    expect(await page.getByText('Đang xây dựng').count()).toBe(0);

    // English on request: <html lang> follows.
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Reports');
    await page.getByText('VI', { exact: true }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('vi');
    await context.close();
  });

  it('the editor checks as you type: a Vietnamese diagnostic at the right line, fixed, examples pass', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await signIn(context, '/bo-tieu-chi/soan-thao');
    const writes: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET' && r.url().includes('/api/') && !r.url().includes('/api/auth/')) writes.push(`${r.method()} ${r.url()}`);
    });
    await page.locator('.cm-content').waitFor();
    await expect.poll(() => page.getByTestId('status').textContent()).toContain('Không có lỗi');

    // A misspelt keyword on line 11: `toi daa` for `tối đa`.
    const broken = STARTER_TEMPLATE.replace('"Tự học trên sách báo, mạng internet" tối đa 5', '"Tự học trên sách báo, mạng internet" toi daa 5');
    expect(broken).not.toBe(STARTER_TEMPLATE);
    const line = broken.split('\n').findIndex((l) => l.includes('toi daa')) + 1;
    expect(line).toBe(11);
    await typeIntoEditor(page, broken);

    const problem = page.getByTestId('problem-line').first();
    await expect.poll(() => problem.textContent(), { timeout: 5000 }).toMatch(new RegExp(`^${line}:\\d+ TC\\d{4} `));
    const text = (await problem.textContent())!;
    expect(text).toContain('Không hiểu');
    expect(await page.getByTestId('problem-suggestion').first().textContent()).toContain('tối đa');
    expect(await page.locator('.cm-lintRange-error').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('status').textContent()).toMatch(/1 lỗi/);
    await expectAccessible(page, 'soạn thảo (có lỗi)');
    await shot(page, 'editor-error-1280');

    // Fix it: the problem row moves the cursor to the error; select the two words and retype them.
    await problem.click();
    for (let i = 0; i < 'toi daa'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.insertText('tối đa');
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 5000 }).toContain('Không có lỗi');
    expect(await page.getByTestId('no-problems').isVisible()).toBe(true);
    expect(await page.locator('.cm-lintRange-error').count()).toBe(0);

    // The worked examples run as you type.
    await page.getByRole('tab', { name: /Ví dụ mẫu/ }).click();
    await expect.poll(() => page.getByTestId('examples-summary').textContent()).toBe('2/2 ví dụ đúng');
    expect(await page.locator('[data-testid="example"][data-passed="true"]').count()).toBe(2);
    await shot(page, 'editor-examples-1280');

    // A wrong expectation: ✗ with expected against actual.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n  ví dụ "sai cố ý"\n    điểm 1.1 = 5\n    mong đợi tổng 6\n');
    await expect.poll(() => page.getByTestId('examples-summary').textContent(), { timeout: 5000 }).toBe('2/3 ví dụ đúng');
    const failed = page.locator('[data-testid="example"][data-passed="false"]');
    expect(await failed.textContent()).toContain('tổng 6');
    expect(await failed.textContent()).toContain('tổng 5');
    await shot(page, 'editor-example-failed-1280');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => page.getByTestId('examples-summary').textContent(), { timeout: 5000 }).toBe('2/2 ví dụ đúng');

    // The scoring form it produces: enter scores, see the total, the title and what is missing.
    await page.getByRole('tab', { name: /Phiếu chấm/ }).click();
    const preview = page.getByTestId('scoring-preview');
    await preview.waitFor();
    for (const [id, v] of [['1.1', '4'], ['1.2', '4'], ['2.1', '4'], ['2.2', '3']] as const) await page.getByTestId(`score-${id}`).fill(v);
    // 1.2 needs evidence (`cần minh chứng`): without it the engine gives it 0.
    await expect.poll(() => page.getByTestId('preview-total').textContent()).toBe('11');
    await page.getByTestId('evidence-1.2').check();
    await expect.poll(() => page.getByTestId('preview-total').textContent()).toBe('15');
    expect(await page.getByTestId('preview-result').textContent()).toContain('Danh hiệu đạt được: Công dân học tập');
    await page.getByTestId('score-2.2').fill('2');
    await expect.poll(() => page.getByTestId('preview-total').textContent()).toBe('14');
    expect(await page.getByTestId('missing').textContent()).toContain('14');
    // What is typed is never changed: "75" stays 75 with the reason beside it, "2,5" is off the step,
    // and "4.0" (a dot, as on an English keyboard) is 4 like "4,0".
    const s21 = page.getByTestId('score-2.1');
    await s21.fill('75');
    expect(await s21.inputValue()).toBe('75');
    await expect.poll(() => preview.getByText('quá điểm tối đa 5').count()).toBe(1);
    await s21.fill('2,5');
    await expect.poll(() => preview.getByText('điểm chấm theo bước 1').count()).toBe(1);
    await s21.fill('');
    await s21.pressSequentially('4.5');
    expect(await s21.inputValue()).toBe('4,5');
    await s21.fill('');
    await s21.pressSequentially('4.0');
    expect(await s21.inputValue()).toBe('4,0');
    await expect.poll(() => page.getByTestId('preview-total').textContent()).toBe('14');
    expect(await preview.getByText(/quá điểm tối đa|điểm chấm theo bước/).count()).toBe(0);
    await expectAccessible(page, 'soạn thảo (phiếu chấm)');
    await shot(page, 'editor-preview-1280');

    // Checking and editing store nothing: no write reached the API so far.
    expect(writes).toEqual([]);

    // Publishing: disabled (with the reason) while an example fails, enabled once the file is clean
    // and every example passes; a confirmation says what will be published, then the server stores it.
    const publish = page.getByTestId('publish');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n  ví dụ "sai cố ý"\n    điểm 1.1 = 5\n    mong đợi tổng 6\n');
    await expect.poll(() => publish.getAttribute('aria-disabled'), { timeout: 5000 }).toBe('true');
    await publish.hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toContain('Còn ví dụ mẫu chưa đạt: 2/3');
    await publish.click({ force: true });
    expect(await page.getByTestId('publish-confirm').count()).toBe(0);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => publish.getAttribute('aria-disabled'), { timeout: 5000 }).toBeNull();
    await publish.click();
    const confirm = page.getByTestId('publish-confirm');
    await confirm.waitFor();
    expect(await page.getByTestId('publish-confirm-id').textContent()).toBe('cdht-moi');
    expect(await confirm.textContent()).toContain('Công dân học tập — bộ tiêu chí mới');
    expect(await confirm.textContent()).toContain('dự thảo');
    expect(await page.getByTestId('publish-confirm-examples').textContent()).toBe('2/2 đạt');
    await expectAccessible(page, 'soạn thảo (xác nhận xuất bản)');
    expect(writes).toEqual([]);
    await page.getByTestId('publish-confirm-button').click();
    const result = page.getByTestId('publish-result');
    await expect.poll(() => result.textContent(), { timeout: 10_000 }).toMatch(/^Đã xuất bản phiên bản cdht-moi@[0-9a-f]{12} \(mã băm [0-9a-f]{12}\)$/);
    expect(writes).toEqual([`POST ${server.url}/api/frameworks/publish`]);
    await context.close();
  });

  it('"Sửa" opens the registered file in the editor and shows what changed', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await signIn(context, '/bo-tieu-chi/phu-tho/cdht-phu-tho-2018');
    await page.getByRole('link', { name: 'Sửa' }).click();
    await page.waitForURL(/soan-thao\?tu=phu-tho%2Fcdht-phu-tho-2018/);
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 10_000 }).toContain('Không có lỗi');
    expect(await page.locator('.cm-content').textContent()).toContain('bộ tiêu chí cdht-phu-tho-2018');
    // Raise the threshold from 75 to 80 and change an indicator's maximum.
    const source = server.server.registry.get('phu-tho/cdht-phu-tho-2018').source;
    const edited = source.replace('khi tổng điểm từ 75 trở lên', 'khi tổng điểm từ 80 trở lên');
    expect(edited).not.toBe(source);
    await typeIntoEditor(page, edited);
    await page.getByRole('tab', { name: /Thay đổi/ }).click();
    const diff = page.getByTestId('diff');
    await expect.poll(() => diff.textContent(), { timeout: 5000 }).toContain('danh hiệu Công dân học tập');
    const titleRow = diff.locator('tbody tr', { hasText: 'danh hiệu Công dân học tập' });
    expect(await titleRow.locator('td').nth(1).textContent()).toBe('tổng điểm từ 75 trở lên');
    expect(await titleRow.locator('td').nth(2).textContent()).toBe('tổng điểm từ 80 trở lên');
    await page.getByRole('tab', { name: /Ví dụ mẫu/ }).click();
    // The file's own example "75 điểm thì đạt" now fails, as it should.
    await expect.poll(() => page.getByTestId('examples-summary').textContent()).toBe('3/4 ví dụ đúng');
    await page.getByRole('tab', { name: /Thay đổi/ }).click();
    await expectAccessible(page, 'soạn thảo (thay đổi)');
    await shot(page, 'editor-diff-1280');
    await context.close();
  });

  it('the year on the real API: dashboard, people, explanation, a new campaign from CSV, self-assessment, review and decision by two people', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await signIn(context, '/');

    // The dashboard: the seeded Phú Thọ 2018 campaign, 120 registered, the denominator stated.
    const seeded = page.getByTestId('report-card').first();
    await expect.poll(() => seeded.getByTestId('report-registered').textContent()).toBe('120');
    expect(await seeded.getByTestId('report-denominator').textContent()).toBe('120');
    expect(await seeded.getByTestId('report-denominator-text').textContent()).toContain('đã đăng ký');
    const recognisedSeeded = Number(await seeded.getByTestId('report-recognised').textContent());
    expect(recognisedSeeded).toBeGreaterThan(40);
    expect(await seeded.getByTestId('report-titles').textContent()).toContain(String(recognisedSeeded));
    expect(await seeded.locator('[role="img"] svg').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'tổng quan');
    await shot(page, 'dashboard-1280');
    await seeded.getByText('Toàn bộ người dân').click();
    await expect.poll(() => seeded.getByTestId('report-denominator-text').textContent()).toContain('toàn bộ người dân');
    expect(Number(await seeded.getByTestId('report-denominator').textContent())).toBeGreaterThanOrEqual(120);

    // People: typed without diacritics, found with them; identity numbers masked only.
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Người và tổ chức' }).click();
    await page.getByLabel('Tìm theo họ tên').fill('nguyen thi');
    const people = page.getByTestId('people-table');
    await expect.poll(async () => (await people.textContent()) ?? '').toContain('Nguyễn Thị');
    const rows = await people.locator('tbody tr').allTextContents();
    expect(rows.every((r) => r.includes('Nguyễn Thị'))).toBe(true);
    expect(rows.join('\n')).not.toMatch(/\d{12}/);
    await expectAccessible(page, 'người và tổ chức');
    await shot(page, 'people-1280');

    // The seeded campaign, a registration that was not recognised and its stored explanation.
    await page.goto(`${server.url}/dot-danh-gia`);
    const campaigns = page.getByTestId('campaigns-table');
    await expect.poll(() => campaigns.locator('tbody tr').count()).toBe(1);
    await expectAccessible(page, 'đợt đánh giá');
    await campaigns.getByRole('link').first().click();
    await page.waitForURL(/\/dot-danh-gia\/[^/]+$/);
    await expect.poll(() => page.getByTestId('registrations-total').textContent()).toBe('(120)');
    await expectAccessible(page, 'chi tiết đợt');
    await shot(page, 'campaign-1280');
    await page.getByLabel('Lọc theo trạng thái').selectOption('not-recognised');
    const regs = page.getByTestId('registrations-table');
    await expect.poll(async () => (await regs.getByTestId('reg-status').allTextContents()).every((x) => x === 'không công nhận')).toBe(true);
    await regs.getByRole('link').first().click();
    await page.waitForURL(/\/ho-so\//);
    const committee = page.getByTestId('assessment-committee');
    await committee.getByText('Vì sao? (lời giải thích)').click();
    const tree = committee.getByTestId('explanation');
    await tree.waitFor();
    expect(await tree.textContent()).toContain('✗');
    expect(await committee.getByTestId('result-total').textContent()).toMatch(/Tổng điểm: \d+/);
    await expectAccessible(page, 'hồ sơ (giải thích)');
    await shot(page, 'explanation-1280');

    // A NEW campaign for the same framework and year, then 50 people from an Excel file (the downloaded template, filled in), two rows bad.
    await page.goto(`${server.url}/dot-danh-gia`);
    await page.getByTestId('new-campaign-framework').selectOption('phu-tho/cdht-phu-tho-2018');
    await page.getByTestId('new-campaign-year').fill('2018');
    await page.getByRole('button', { name: 'Mở đợt' }).click();
    // The demo year already has a campaign for this title, year and locality: the server asks to confirm, naming it.
    await expect.poll(() => page.getByTestId('campaign-warnings').textContent()).toContain('đợt đánh giá cùng danh hiệu, năm 2018');
    await page.getByTestId('confirm-campaign').click();
    await page.waitForURL(/\/dot-danh-gia\/[^/]+$/);
    const campaignId = new URL(page.url()).pathname.split('/').pop()!;
    const templateHref = await page.getByTestId('bulk-template').getAttribute('href');
    const template = await page.request.get(`${server.url}${templateHref}`);
    expect(template.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await template.body()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Dữ liệu')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map((h) => String(h).replace(/ \*$/, ''));
    const col = (h: string) => headers.indexOf(h) + 1;
    expect([col('Họ và tên'), col('Ngày sinh'), col('Giới tính'), col('Thôn, tổ dân phố')].every((n) => n > 0)).toBe(true);
    const idCol = headers.length + 1; // an extra column, read by its header
    sheet.getRow(1).getCell(idCol).value = 'Số định danh';
    for (let i = 1; i <= 50; i++) {
      const year = 1970 + (i % 30);
      const female = i % 2 === 0;
      const row = sheet.getRow(i + 1);
      row.getCell(col('Mã')).value = `KT${String(i).padStart(3, '0')}`;
      row.getCell(col('Họ và tên')).value = `Kiểm Thử Viên Số ${i}`;
      row.getCell(col('Giới tính')).value = female ? 'nữ' : 'nam';
      // a real Excel date, except row 31: text naming a day that does not exist
      row.getCell(col('Ngày sinh')).value = i === 30 ? '31/02/1985' : new Date(Date.UTC(year, i % 12, 1 + (i % 28)));
      row.getCell(col('Thôn, tổ dân phố')).value = 'Phòng Thử nghiệm';
      // text cells keep the leading zero; row 11: not 12 digits
      row.getCell(idCol).value = i === 10 ? '12345' : `025${female ? 1 : 0}${String(year % 100).padStart(2, '0')}77${String(i).padStart(4, '0')}`;
    }
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    await page.locator('section[aria-labelledby="bulk"] input[type="file"]').setInputFiles({ name: 'danh-sach.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
    await page.getByRole('button', { name: 'Tải lên và đăng ký' }).click();
    const report = page.getByTestId('bulk-report');
    await report.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('bulk-kept').textContent()).toBe('48 dòng được giữ');
    expect(await page.getByTestId('bulk-errors-count').textContent()).toBe('2 dòng lỗi');
    const errorRows = await page.getByTestId('bulk-errors').locator('tbody tr td:first-child').allTextContents();
    expect([...new Set(errorRows)]).toEqual(['11', '31']);
    const errorColumns = await page.getByTestId('bulk-errors').locator('tbody tr td:nth-child(2)').allTextContents();
    expect(errorColumns).toEqual([`${String.fromCharCode(64 + idCol)} (Số định danh)`, `${String.fromCharCode(64 + col('Ngày sinh'))} (Ngày sinh)`]);
    await expect.poll(() => page.getByTestId('registrations-total').textContent()).toBe('(48)');
    await expectAccessible(page, 'đợt mới (nhập Excel)');
    await shot(page, 'bulk-report-1280');

    // Self-assessment of the first one: every indicator at its maximum, a real PDF uploaded as evidence for 1.1, then submit.
    await page.getByTestId('registrations-table').getByRole('link').first().click();
    await page.waitForURL(/\/ho-so\//);
    const registrationPath = new URL(page.url()).pathname;
    const form = page.getByTestId('self-form');
    await form.waitFor();
    const model = server.server.registry.get('phu-tho/cdht-phu-tho-2018').model;
    for (const ind of model.indicators) if (ind.measure.kind === 'points') await form.getByTestId(`score-${ind.id}`).fill(String(ind.max));
    await expect.poll(() => page.getByTestId('form-total').textContent()).toBe('100');
    // A one-page PDF made here (objects, cross-reference table, trailer).
    const pdfObjects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>'];
    let pdfText = '%PDF-1.4\n';
    const pdfOffsets: number[] = [];
    for (const [i, o] of pdfObjects.entries()) {
      pdfOffsets.push(pdfText.length);
      pdfText += `${i + 1} 0 obj\n${o}\nendobj\n`;
    }
    const xref = pdfText.length;
    pdfText += `xref\n0 4\n0000000000 65535 f \n${pdfOffsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const pdf = Buffer.from(pdfText, 'latin1');
    await form.getByTestId('evidence-file-1.1').setInputFiles({ name: 'Giấy khen 2018.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(() => page.getByTestId('evidence-meta-1.1').textContent()).toContain('Giấy khen 2018.pdf');
    expect(await page.getByTestId('evidence-list').textContent()).toContain('Giấy khen 2018.pdf');
    // A text file named .pdf: the server looks at the bytes and refuses it, in Vietnamese; nothing is listed.
    await form.getByTestId('evidence-file-1.2').setInputFiles({ name: 'gia-mao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('chỉ là chữ, không phải PDF') });
    await expect.poll(() => page.getByTestId('evidence-error-1.2').textContent()).toContain('không phải PDF');
    expect(await page.getByTestId('evidence-list').textContent()).not.toContain('gia-mao.pdf');
    await page.getByTestId('evidence-meta-1.1').scrollIntoViewIfNeeded();
    await expectAccessible(page, 'tự đánh giá');
    await shot(page, 'self-assessment-1280');
    await page.getByTestId('self-form-submit').click();
    await expect.poll(() => page.getByTestId('reg-status').first().textContent()).toBe('đã tự đánh giá');
    await page.getByTestId('submit-registration').click();
    await expect.poll(() => page.getByTestId('reg-status').first().textContent()).toBe('đã nộp');

    // The committee member (another demo account) reviews it beside the self-score.
    await switchUser(page, COMMITTEE, `/binh-xet?dot=${campaignId}`);
    const queue = page.getByTestId('review-queue');
    await expect.poll(() => queue.locator('tbody tr').count()).toBe(1);
    await expectAccessible(page, 'bình xét');
    await queue.getByRole('link').first().click();
    await page.waitForURL((u) => u.pathname === registrationPath);
    const review = page.getByTestId('review-form');
    await review.waitFor();
    const max11 = model.indicators.find((x) => x.id === '1.1')!.max;
    expect(await review.getByTestId('ref-1.1').textContent()).toBe(`Tự chấm: ${max11}`);
    // The reviewer sees the uploaded PDF beside indicator 1.1 and downloads it: the same bytes, its Vietnamese name.
    const evidenceLink = review.getByTestId('evidence-meta-1.1').getByRole('link', { name: 'Tải về Giấy khen 2018.pdf' });
    const [download] = await Promise.all([page.waitForEvent('download'), evidenceLink.click()]);
    expect(download.suggestedFilename()).toBe('Giấy khen 2018.pdf');
    const fetched = await page.request.get(`${server.url}${await evidenceLink.getAttribute('href')}`);
    expect([fetched.status(), fetched.headers()['content-type'], fetched.headers()['x-content-type-options']]).toEqual([200, 'application/pdf', 'nosniff']);
    expect(fetched.headers()['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Giấy khen 2018.pdf')}`);
    expect(Buffer.from(await fetched.body()).equals(pdf)).toBe(true);
    await review.getByTestId('score-10.2').fill('2');
    await expect.poll(() => review.getByTestId('form-total').textContent()).not.toBe('100');
    await expectAccessible(page, 'bình xét (phiếu)');
    await shot(page, 'review-1280');
    await page.getByTestId('review-form-submit').click();
    await expect.poll(() => page.getByTestId('reg-status').first().textContent()).toBe('đã bình xét');

    // The officer proposes it, and may not approve her own proposal: the server's 409 SAME_PERSON.
    await switchUser(page, OFFICER, `/quyet-dinh?dot=${campaignId}`);
    await page.getByTestId('propose').click();
    await expect.poll(() => page.getByTestId('decide-table').locator('tbody tr').count()).toBe(1);
    await expect.poll(() => page.getByTestId('decide-choice').inputValue()).toBe('yes');
    const fillDecision = async () => {
      await page.getByLabel(/^Số quyết định/).fill('27/QĐ-BCĐ');
      await page.getByLabel(/^Ngày quyết định/).fill('28/11/2018');
      await page.getByLabel(/^Người ký/).fill('Trưởng Ban Chỉ đạo công tác khuyến học');
      await page.getByTestId('decide').click();
    };
    await fillDecision();
    await expect.poll(() => page.getByTestId('decide-error').textContent()).toContain('Người duyệt quyết định phải khác người đề nghị');
    await expectAccessible(page, 'quyết định (cùng một người)');
    await shot(page, 'decision-same-person-1280');

    // The leader changes the proposed outcome and back (this crashed the page once), then decides.
    await switchUser(page, LEADER, `/quyet-dinh?dot=${campaignId}`);
    await expect.poll(() => page.getByTestId('decide-choice').inputValue()).toBe('yes');
    await page.getByTestId('decide-choice').selectOption('no');
    await expect.poll(() => page.getByTestId('decide-choice').inputValue()).toBe('no');
    expect(await page.getByTestId('error-page').count()).toBe(0);
    await page.getByTestId('decide-choice').selectOption('yes');
    await expect.poll(() => page.getByTestId('decide-choice').inputValue()).toBe('yes');
    await fillDecision();
    await expect.poll(() => page.getByTestId('decision-done').textContent()).toContain('27/QĐ-BCĐ');
    expect(await page.getByTestId('decision-done').textContent()).toContain('28/11/2018');
    await shot(page, 'decision-1280');

    // The dashboard changed: the new campaign has 48 registered and 1 recognised.
    await page.goto(`${server.url}/`);
    const fresh = page.locator(`[data-testid="report-card"][data-campaign="${campaignId}"]`);
    await expect.poll(() => fresh.getByTestId('report-registered').textContent()).toBe('48');
    expect(await fresh.getByTestId('report-recognised').textContent()).toBe('1');
    expect(await fresh.getByTestId('report-statuses').textContent()).toContain('được công nhận');
    expect(await fresh.getByTestId('report-late').textContent()).toContain('47 hồ sơ chưa xong');
    await expectAccessible(page, 'tổng quan (sau quyết định)');
    await fresh.scrollIntoViewIfNeeded();
    await shot(page, 'dashboard-after-1280');
    await context.close();
  });

  it('works at 360 px: the navigation collapses to a burger', async () => {
    const context = await newContext(browser, { viewport: { width: 360, height: 740 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
    const page = await signIn(context, '/bo-tieu-chi');
    await page.locator('li a[href="/bo-tieu-chi/phu-tho/cdht-phu-tho-2018"]').waitFor();
    const burger = page.getByRole('button', { name: 'Mở menu điều hướng' });
    expect(await burger.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'danh sách (360 px)');
    await shot(page, 'frameworks-360');
    await burger.click();
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect.poll(() => nav.getByRole('link', { name: 'Báo cáo' }).isVisible()).toBe(true);
    // Wait for the slide-in to finish before the picture.
    await expect.poll(async () => (await nav.boundingBox())?.x).toBe(0);
    await page.waitForTimeout(300);
    await shot(page, 'nav-open-360');
    await nav.getByRole('link', { name: 'Bộ tiêu chí' }).click();

    await page.goto(`${server.url}/bo-tieu-chi/phu-tho/cdht-phu-tho-2018`);
    await page.getByTestId('criteria-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(page, 'framework-detail-360');

    await page.goto(`${server.url}/bo-tieu-chi/soan-thao`);
    await page.locator('.cm-content').waitFor();
    await expect.poll(() => page.getByTestId('status').textContent()).toContain('Không có lỗi');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'soạn thảo (360 px)');
    await shot(page, 'editor-360');

    await page.goto(`${server.url}/`);
    await expect.poll(() => page.getByTestId('report-registered').allTextContents()).toContain('120');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'tổng quan (360 px)');
    await shot(page, 'dashboard-360');
    await page.goto(`${server.url}/dot-danh-gia`);
    await page.getByTestId('campaigns-table').getByRole('link').first().click();
    await page.getByTestId('registrations-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'đợt đánh giá (360 px)');
    await shot(page, 'campaign-360');
    await context.close();
  });
});
