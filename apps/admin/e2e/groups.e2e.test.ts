/**
 * Households, clans, communities and units in Debian Chromium against the REAL server with its demo
 * year: open the households, find one by typing its name without diacritics, open it, add a member
 * found by name, see them listed, end another membership with a date and see it in the history.
 * Every page is checked with axe-core (no serious or critical violations) and photographed into
 * `e2e/screenshots/` at 1280 px and 360 px.
 *
 * Needs `apps/admin/dist` (`npm run build`) and `/usr/bin/chromium`.
 */
import { fold } from '@hoctap/criteria-dsl';
import { type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, newContext, screenshots, realServerAndBrowser } from './browser.ts';
import { OFFICER } from './server.ts';


const shot = screenshots('groups-');

const suite = realServerAndBrowser();




async function signIn(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${suite.server.url}${path}`);
  await page.waitForURL(/\/dang-nhap\?next=/);
  await page.getByLabel(/^Thư điện tử/).fill(OFFICER.email);
  await page.getByLabel(/^Mật khẩu/).fill(OFFICER.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => u.pathname === path);
  return page;
}

const today = () => {
  const d = new Date();
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
};

describe('groups in Chromium', () => {
  it('finds a household without diacritics, adds a member, ends a membership; accessible at 1280 and 360 px', async () => {
    const context = await newContext(suite.browser, { viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await signIn(context, '/nhom/ho-gia-dinh');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hộ gia đình');
    expect(await page.getByRole('link', { name: 'Hộ gia đình', exact: true }).getAttribute('aria-current')).toBe('page');
    const table = page.getByTestId('groups-table');
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
    await expectAccessible(page, 'danh sách hộ gia đình');
    await shot(page, 'households-1280');

    // Type a household's name without diacritics: only it is listed, with its Vietnamese name.
    const name = (await table.locator('tbody tr a').first().textContent())!;
    expect(fold(name)).not.toBe(name); // the demo names carry diacritics
    const search = page.getByLabel('Tìm theo tên', { exact: true });
    await search.fill(fold(name));
    await expect.poll(() => table.locator('tbody tr a').allTextContents()).toContain(name);
    await expect.poll(() => table.locator('tbody tr').count()).toBeLessThanOrEqual(2);
    await search.fill('khong co ho nao nhu the');
    await expect.poll(() => page.getByTestId('groups-count').textContent()).toContain('Không có nhóm nào khớp');
    await search.fill(fold(name));
    await table.getByRole('link', { name, exact: true }).first().click();
    await page.waitForURL(/\/nhom\/ho-gia-dinh\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
    const members = page.getByTestId('members-table');
    await members.waitFor();
    const before = await members.locator('tbody tr').count();
    expect(before).toBeGreaterThanOrEqual(2);
    expect(await members.textContent()).toContain('Chủ hộ');
    expect(await members.textContent()).toContain('15/03/2005');
    await expectAccessible(page, 'chi tiết hộ gia đình');
    await shot(page, 'household-1280');

    // Add a member found by typing without diacritics.
    await page.getByLabel('Tìm người theo họ tên').fill('tran');
    const candidates = page.getByTestId('person-candidates');
    await candidates.waitFor();
    const candidate = candidates.getByRole('button').first();
    const label = (await candidate.textContent())!;
    const personName = label.replace(/\s*\(\d{2}\/\d{2}\/\d{4}\)$/, '');
    expect(fold(personName)).toContain('tran');
    await candidate.click();
    expect(await candidate.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByTestId('chosen-person').textContent()).toContain(personName);
    await expectAccessible(page, 'thêm thành viên');
    await page.getByTestId('add-member').click();
    await expect.poll(() => members.locator('tbody tr').count()).toBe(before + 1);
    const row = members.locator('tbody tr', { hasText: personName });
    expect(await row.textContent()).toContain(today());
    expect(await row.textContent()).toContain('Thành viên');
    await shot(page, 'member-added-1280');

    // End the head's membership today: it moves to the history with both dates, dd/mm/yyyy.
    const headRow = members.locator('tbody tr', { hasText: 'Chủ hộ' }).first();
    const headName = (await headRow.locator('td').first().textContent())!;
    await headRow.getByRole('button', { name: `Kết thúc tư cách thành viên của ${headName}` }).click();
    const date = headRow.getByLabel('Ngày thôi là thành viên');
    expect(await date.inputValue()).toBe(today());
    await expectAccessible(page, 'kết thúc tư cách thành viên');
    await headRow.getByRole('button', { name: 'Xác nhận' }).click();
    const history = page.getByTestId('history-table');
    await history.waitFor();
    const ended = history.locator('tbody tr', { hasText: headName });
    await expect.poll(() => ended.textContent()).toContain(`15/03/2005${today()}`);
    await expect.poll(() => members.locator('tbody tr').count()).toBe(before);
    await expectAccessible(page, 'lịch sử thành viên');

    // Members as of an earlier date: before 15/03/2005 the household had nobody.
    await page.getByLabel('Xem thành viên vào ngày').fill('01/01/2000');
    await expect.poll(() => page.getByText('Tính đến ngày 01/01/2000.').count()).toBe(1);
    expect(await page.getByText('Chưa có thành viên.').count()).toBe(1);
    await page.getByLabel('Xem thành viên vào ngày').fill('01/01/2010');
    await expect.poll(() => members.locator('tbody tr').count()).toBe(before);
    expect(await members.textContent()).toContain(headName);
    await shot(page, 'household-2010-1280');
    await context.close();
  });

  it('the other kinds list, and create a unit; accessible at 360 px', async () => {
    const context = await newContext(suite.browser, { viewport: { width: 360, height: 780 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
    const page = await signIn(context, '/nhom/don-vi');
    const table = page.getByTestId('groups-table');
    await table.waitFor();
    // The pilot agencies (40 staff each) and the school.
    await page.getByLabel('Tìm theo tên', { exact: true }).fill('so y te');
    await expect.poll(() => table.locator('tbody tr').allTextContents()).toEqual(['Sở Y tế tỉnh Phú ThọCơ quan40']);
    await expectAccessible(page, 'đơn vị 360');
    await shot(page, 'units-360');
    // No sideways scrolling of the page itself at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByLabel(/^Tên/).fill('Trường Mầm non Hoa Sen');
    await page.getByLabel('Loại', { exact: true }).selectOption('school');
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await page.waitForURL(/\/nhom\/don-vi\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Trường Mầm non Hoa Sen');
    expect(await page.getByText('Chưa có thành viên.').count()).toBe(1);
    await expectAccessible(page, 'đơn vị mới 360');
    await shot(page, 'unit-new-360');

    // Rename it, then delete it (with a confirmation): back to the list, where it is gone.
    await page.getByRole('textbox', { name: /^Tên/ }).last().fill('Trường Mầm non Hoa Sen, phường Gia Cẩm');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Trường Mầm non Hoa Sen, phường Gia Cẩm');
    await page.getByRole('button', { name: 'Xoá đơn vị' }).click();
    await expectAccessible(page, 'xác nhận xoá 360');
    await page.getByTestId('confirm-delete').click();
    await page.waitForURL((u) => u.pathname === '/nhom/don-vi');
    await page.getByLabel('Tìm theo tên', { exact: true }).fill('hoa sen');
    await expect.poll(() => page.getByTestId('groups-count').textContent()).toContain('Không có nhóm nào khớp');

    for (const [path, heading] of [['/nhom/dong-ho', 'Dòng họ'], ['/nhom/cong-dong', 'Cộng đồng']] as const) {
      await page.goto(`${suite.server.url}${path}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
      await page.getByTestId('groups-table').waitFor();
      await expectAccessible(page, heading);
    }
    await context.close();
  });
});
