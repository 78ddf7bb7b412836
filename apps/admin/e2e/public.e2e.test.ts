/**
 * The public list, the Reports page and the published criteria versions in Debian Chromium against
 * the REAL server (embedded PGlite, the demo year: Phú Thọ 2018, whose decision the seed publishes).
 * An anonymous visitor follows the login page's link to the public list, searches a recognised
 * person's name without diacritics and sees them with the decision, but no birth date and no
 * identity number; at 360 px too. The officer opens Reports (charts and tables, the denominator
 * stated, downloads) and the published versions (source text, the difference of two versions).
 * Every page is checked with axe-core (no serious or critical violations) and photographed into
 * `e2e/screenshots/public-*.png`.
 *
 * Needs `apps/admin/dist` (`npm run build`) and `/usr/bin/chromium`.
 */
import { phuTho } from '@hoctap/plugin-phu-tho';
import { describe, expect, it } from 'vitest';
import { apiSession, expectAccessible, newContext, screenshots, realServerAndBrowser } from './browser.ts';
import { OFFICER } from './server.ts';


const shot = screenshots('public-');

const suite = realServerAndBrowser();



const unaccented = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();


describe('public list, reports and published versions in Chromium', () => {
  it('an anonymous visitor finds a recognised person of the demo year without diacritics; no birth date, no identity number', async () => {
    // The demo year's decision is published by the seed: the list has its people (asked like any visitor;
    // Phú Thọ's, as Yên Bái's households, clan, villages and units of 2018 are on it too).
    const api = await fetch(`${suite.server.url}/api/public/recognised?year=2018&province=25&limit=1`);
    expect(api.status).toBe(200);
    const body = (await api.json()) as { total: number; items: { name: string; decision: { number: string; date: string } }[] };
    expect(body.total).toBeGreaterThan(40);
    const person = body.items[0]!;
    expect(person.decision.number).toBe('15/QĐ-BCĐ');
    // The staff view of that person has a birth date and an identity number: neither may reach the public page.
    const asOfficer = await apiSession(suite.server.url, OFFICER);
    const people = (await (await asOfficer('GET', `/api/people?q=${encodeURIComponent(person.name)}`)).json()) as { items: { fullName: string; birthDate: string | null }[] };
    const staff = people.items.find((p) => p.fullName === person.name)!;
    expect(staff.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [y, m, d] = staff.birthDate!.split('-');

    const context = await newContext(suite.browser, { viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/dang-nhap`);
    await page.getByTestId('public-list-link').click();
    await page.waitForURL((u) => u.pathname === '/cong-khai');
    const table = page.getByTestId('public-table');
    await table.waitFor();
    await expect.poll(() => page.getByTestId('public-count').textContent()).toMatch(/\d+ đối tượng được công nhận/);

    const query = unaccented(person.name);
    expect(query).not.toBe(person.name.toLowerCase()); // the name has diacritics; the search has none
    await page.getByLabel('Tìm theo tên').fill(query);
    await expect.poll(() => page.url()).toContain('q=');
    await expect.poll(() => table.locator('tbody tr').first().textContent()).toContain(person.name);
    const row = table.locator('tbody tr', { hasText: person.name }).first();
    expect(await row.textContent()).toContain('15/QĐ-BCĐ');
    expect(await row.textContent()).toContain('25/11/2018');
    expect(await row.textContent()).toContain('Công dân học tập 2018');

    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(`${d}/${m}/${y}`);
    expect(text).not.toMatch(/\b\d{12}\b/); // no identity number
    // Every date on the page is the decision's date.
    expect([...new Set(text.match(/\b\d{2}\/\d{2}\/\d{4}\b/g))]).toEqual(['25/11/2018']);
    const headers = await table.locator('thead th').allTextContents();
    expect(headers.join(' ')).not.toMatch(/sinh|định danh|điểm|điện thoại/i);
    await expectAccessible(page, 'danh sách công khai');
    await shot(page, 'list-1280');

    // The year filter keeps the 2018 list.
    await page.getByLabel('Năm').selectOption('2018');
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
    await context.close();

    // 360 px: cards instead of the table, nothing wider than the screen.
    const narrow = await newContext(suite.browser, { viewport: { width: 360, height: 780 }, locale: 'vi-VN' });
    const small = await narrow.newPage();
    await small.goto(`${suite.server.url}/cong-khai?q=${encodeURIComponent(query)}`);
    await expect.poll(() => small.locator('li', { hasText: person.name }).count()).toBeGreaterThan(0);
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(small, 'danh sách công khai 360');
    await shot(small, 'list-360');
    await narrow.close();
  });

  it('the officer opens Reports and the published versions (source, difference); accessible', async () => {
    // Two versions of a criteria file published through the API, as the editor would.
    const asOfficer = await apiSession(suite.server.url, OFFICER);
    const v1 = phuTho.frameworks[0]!.source.replaceAll('cdht-phu-tho-2018', 'cdht-phu-tho-2026');
    const v2 = v1.replace('"Có lối sống giản dị, tiết kiệm"', '"Có lối sống giản dị, tiết kiệm, văn minh"');
    expect(v2).not.toBe(v1);
    for (const source of [v1, v2]) expect((await asOfficer('POST', '/api/frameworks/publish', { source })).status).toBe(201);

    const context = await newContext(suite.browser, { viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/bao-cao`);
    await page.waitForURL(/\/dang-nhap\?next=/);
    await page.getByLabel(/^Thư điện tử/).fill(OFFICER.email);
    await page.getByLabel(/^Mật khẩu/).fill(OFFICER.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => u.pathname === '/bao-cao');
    await page.getByRole('heading', { level: 1, name: 'Báo cáo' }).waitFor();
    const summary = page.getByTestId('reports-summary');
    await summary.waitFor();
    await expect.poll(() => page.getByTestId('reports-denominator').textContent()).toContain('Mẫu số');
    await expect.poll(() => summary.locator('tbody tr').first().textContent()).toMatch(/Công dân học tập 2018.*%/);
    // The by-year chart says its numbers; each campaign's shares are drawn and tabulated against the targets.
    expect(await page.getByTestId('reports-by-year-chart').getAttribute('aria-label')).toMatch(/2018: [\d,]+ %/);
    const card = page.getByTestId('report-card').first();
    await card.getByTestId('report-titles').waitFor();
    expect(await card.getByTestId('report-titles-chart').getAttribute('aria-label')).toMatch(/%/);
    // Against the framework's targets (a table and a chart), or the statement that it sets none.
    await card.locator('[data-testid=report-targets], [data-testid=report-no-targets]').first().waitFor();
    expect(await card.getByTestId('report-downloads').locator('a').count()).toBe(2);
    await expectAccessible(page, 'báo cáo');
    await shot(page, 'reports-1280');

    // The denominator switch changes what the summary divides by.
    await summary.getByText('Toàn bộ người dân').click();
    await expect.poll(() => page.getByTestId('reports-denominator').textContent()).toContain('toàn bộ người dân');

    // Published versions: listed newest first, with hash, publisher and source; the difference of the two.
    await page.goto(`${suite.server.url}/bo-tieu-chi`);
    await page.getByRole('link', { name: 'Các phiên bản đã ban hành' }).click();
    await page.waitForURL((u) => u.pathname === '/bo-tieu-chi/da-ban-hanh');
    const versions = page.getByTestId('versions-table');
    await versions.waitFor();
    expect(await versions.locator('tbody tr').count()).toBe(2);
    expect(await versions.locator('tbody tr').first().textContent()).toContain('Nguyễn Thị Thu Hà');
    expect(await versions.locator('tbody tr').first().textContent()).toContain('01/05/2018 – 31/12/2018');
    await versions.getByRole('button', { name: /Xem văn bản nguồn của cdht-phu-tho-2026/ }).first().click();
    await expect.poll(() => page.getByTestId('version-source').textContent()).toContain('bộ tiêu chí cdht-phu-tho-2026');
    const diff = page.getByTestId('diff');
    await diff.waitFor({ timeout: 20_000 });
    await expect.poll(() => diff.textContent()).toContain('văn minh');
    await expectAccessible(page, 'phiên bản đã ban hành');
    await shot(page, 'versions-1280');
    await context.close();
  });
});
