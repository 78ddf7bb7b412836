/**
 * Sổ theo dõi in Debian Chromium against the REAL server (embedded PGlite, the demo year: Phú Thọ
 * 2018's citizens decided). The officer opens the registers from the menu, picks Công dân học tập
 * 2018: the 1-year register lists the demo's recognised people with their decision dated
 * dd/mm/yyyy, in the API's order and with its total; the 3-year register is empty (no earlier year
 * was decided); the downloads answer a workbook and a PDF. Checked with axe-core at 1280 and 360 px
 * and photographed into `e2e/screenshots/registers-*.png`.
 *
 * Needs `apps/admin/dist` (`npm run build`) and `/usr/bin/chromium`.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiSession, expectAccessible, fillSignIn, newContext, realServerAndBrowser } from './browser.ts';
import { OFFICER } from './server.ts';

const SHOT = (name: string) => fileURLToPath(new URL(`./screenshots/registers-${name}.png`, import.meta.url));
const suite = realServerAndBrowser();

describe('the registers page in Chromium', () => {
  it('lists the demo year’s recognised citizens in the 1-year register, none in the 3-year one; downloads; accessible at 1280 and 360 px', async () => {
    const api = await apiSession(suite.server.url, OFFICER);
    const first = (await (await api('GET', '/api/registers?title=learning-citizen&year=2018&span=1&limit=50')).json()) as { total: number; items: { subject: { name: string }; decision: { number: string; date: string } }[] };
    expect(first.total).toBeGreaterThan(40);
    const [yy, mm, dd] = first.items[0]!.decision.date.split('-');

    for (const width of [1280, 360]) {
      const context = await newContext(suite.browser, { viewport: { width, height: 860 }, locale: 'vi-VN' });
      const page = await context.newPage();
      await page.goto(`${suite.server.url}/dang-nhap`);
      await fillSignIn(page, OFFICER);
      await page.waitForURL((u) => u.pathname === '/');
      if (width === 1280) await page.getByRole('link', { name: 'Sổ theo dõi' }).click();
      else await page.goto(`${suite.server.url}/so-theo-doi`);
      await page.waitForURL((u) => u.pathname === '/so-theo-doi');
      await page.getByRole('heading', { level: 1, name: 'Sổ theo dõi danh hiệu' }).waitFor();
      await page.getByTestId('registers-title').selectOption('learning-citizen');
      await page.getByTestId('registers-year').selectOption('2018');
      const table = page.getByRole('table', { name: /Sổ theo dõi Công dân học tập/ });
      await table.waitFor();
      await expect.poll(() => page.getByTestId('registers-total').textContent()).toBe(`Tổng số trong sổ: ${first.total}`);
      const row = table.locator('tbody tr').first();
      expect(await row.textContent()).toContain(first.items[0]!.subject.name);
      expect(await row.textContent()).toContain(`Số ${first.items[0]!.decision.number} ngày ${dd}/${mm}/${yy}`);
      await expectAccessible(page, `registers-${width}`);
      await page.screenshot({ path: SHOT(`1-nam-${width}`) });
      // 3 years running up to 2018: the demo decided 2018 only.
      await page.getByText('3 năm liên tục', { exact: true }).click();
      await page.getByText('Sổ này chưa có ai.').waitFor();
      await expectAccessible(page, `registers-3-${width}`);
      await context.close();
    }
    for (const ext of ['xlsx', 'pdf']) {
      const res = await api('GET', `/api/registers.${ext}?title=learning-citizen&year=2018`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(ext === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf');
    }
  }, 240_000);
});
