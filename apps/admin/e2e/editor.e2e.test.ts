/**
 * The portal in Debian Chromium, end to end: sign in, find a framework by typing without
 * diacritics, read its detail page, then write a criteria file with a deliberate error in the
 * editor, see the Vietnamese diagnostic at the right line, fix it and see the worked examples pass.
 * Every page is checked with axe-core (no serious or critical violations) and photographed into
 * `e2e/screenshots/` at 1280 px and 360 px.
 *
 * Needs `apps/admin/dist` (`npm run build`) and `/usr/bin/chromium` (`apt-get install -y chromium`).
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STARTER_TEMPLATE } from '../src/editor/template.ts';
import { startTestServer, TEST_PASSWORD, TEST_USER, type TestServer } from './server.ts';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startTestServer(DIST);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
});

/** A context whose waits fail after 10 s rather than 30 s. */
async function newContext(options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> {
  const c = await browser.newContext(options);
  c.setDefaultTimeout(10_000);
  return c;
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs axe on the page and fails on serious or critical violations, listing them. */
async function expectAccessible(page: Page, name: string) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${name}: ${v.id} (${v.impact}) ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`);
  expect(report).toEqual([]);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: false });
}

async function signIn(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  await page.waitForURL(/\/dang-nhap\?next=/);
  await page.getByLabel(/^Thư điện tử/).fill(TEST_USER.email);
  await page.getByLabel(/^Mật khẩu/).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => u.pathname === path);
  return page;
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
    const context = await newContext({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/bo-tieu-chi`);
    await page.waitForURL(/\/dang-nhap\?next=%2Fbo-tieu-chi/);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expectAccessible(page, 'đăng nhập');
    await shot(page, 'login-1280');

    // Wrong password: a Vietnamese message, no session.
    await page.getByLabel(/^Thư điện tử/).fill(TEST_USER.email);
    await page.getByLabel(/^Mật khẩu/).fill('sai');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('không đúng');

    await page.getByLabel(/^Mật khẩu/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => u.pathname === '/bo-tieu-chi');

    // Search without diacritics finds "Công dân học tập".
    const table = page.getByTestId('frameworks-table');
    await table.waitFor();
    await page.getByLabel('Tìm bộ tiêu chí').fill('cong dan hoc tap');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    const row = table.locator('tbody tr').first();
    expect(await row.textContent()).toContain('Công dân học tập');
    expect(await row.textContent()).toContain('Ban hành');
    expect(await row.textContent()).toContain('01/05/2018 – 31/12/2018');
    await page.getByLabel('Tìm bộ tiêu chí').fill('dong ho');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Không có bộ tiêu chí nào khớp');
    await page.getByLabel('Tìm bộ tiêu chí').fill('cong dan hoc tap');
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

    // The pages that wait for the server say so, with no data.
    for (const [path, name] of [['/', 'tong-quan'], ['/dot-danh-gia', 'dot-danh-gia'], ['/bao-cao', 'bao-cao']] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectAccessible(page, name);
    }
    expect(await page.getByText('Đang xây dựng').first().isVisible()).toBe(true);

    // English on request: <html lang> follows.
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Reports');
    await page.getByText('VI', { exact: true }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('vi');
    await context.close();
  });

  it('the editor checks as you type: a Vietnamese diagnostic at the right line, fixed, examples pass', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await signIn(context, '/bo-tieu-chi/soan-thao');
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
    await expectAccessible(page, 'soạn thảo (phiếu chấm)');
    await shot(page, 'editor-preview-1280');

    // Publishing waits for the server: the button says why and does nothing.
    const publish = page.getByTestId('publish');
    expect(await publish.getAttribute('aria-disabled')).toBe('true');
    await publish.hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toContain('cần máy chủ hỗ trợ xuất bản');
    expect(server.apiLog.filter((l) => l.startsWith('POST') && !l.includes('/auth/'))).toEqual([]);
    await context.close();
  });

  it('"Sửa" opens the registered file in the editor and shows what changed', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await signIn(context, '/bo-tieu-chi/phu-tho/cdht-phu-tho-2018');
    await page.getByRole('link', { name: 'Sửa' }).click();
    await page.waitForURL(/soan-thao\?tu=phu-tho%2Fcdht-phu-tho-2018/);
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 10_000 }).toContain('Không có lỗi');
    expect(await page.locator('.cm-content').textContent()).toContain('bộ tiêu chí cdht-phu-tho-2018');
    // Raise the threshold from 75 to 80 and change an indicator's maximum.
    const source = server.registry.get('phu-tho/cdht-phu-tho-2018').source;
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

  it('works at 360 px: the navigation collapses to a burger', async () => {
    const context = await newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
    const page = await signIn(context, '/bo-tieu-chi');
    await page.locator('li a', { hasText: 'Công dân học tập' }).waitFor();
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
    await context.close();
  });
});
