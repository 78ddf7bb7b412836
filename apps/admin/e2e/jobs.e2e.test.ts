/**
 * Background jobs in Debian Chromium against the REAL server (embedded PGlite, the demo year, the
 * server's own job worker): the officer presses "Tính lại" on the demo campaign and sees the job's
 * progress end in its outcome; every recomputed assessment is a new one. Checked with axe-core and
 * photographed into `e2e/screenshots/jobs-*.png`.
 *
 * Needs `apps/admin/dist` (`npm run build`) and `/usr/bin/chromium`.
 */
import { describe, expect, it } from 'vitest';
import { apiSession, expectAccessible, screenshots, realServerAndBrowser } from './browser.ts';
import { OFFICER } from './server.ts';


const shot = screenshots('jobs-');

const suite = realServerAndBrowser();



describe('background jobs in Chromium', () => {
  it('"Tính lại" on the demo campaign: the progress ends in the outcome; history is kept', async () => {
    const api = await apiSession(suite.server.url, OFFICER);
    const asOfficer = (path: string) => api('GET', path);
    const campaigns = (await (await asOfficer('/api/campaigns')).json()) as { items: { id: string; year: number }[] };
    const campaign = campaigns.items.find((c) => c.year === 2018)!;
    expect(campaign).toBeDefined();
    const regs = (await (await asOfficer(`/api/campaigns/${campaign.id}/registrations?limit=1&status=published`)).json()) as { items: { id: string }[] };
    const sample = regs.items[0]!.id;
    const before = ((await (await asOfficer(`/api/registrations/${sample}`)).json()) as { assessments: { kind: string }[] }).assessments;
    const kinds = new Set(before.map((a) => a.kind)).size;
    expect(kinds).toBe(2);

    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/dot-danh-gia/${campaign.id}`);
    await page.waitForURL(/\/dang-nhap\?next=/);
    await page.getByLabel(/^Thư điện tử/).fill(OFFICER.email);
    await page.getByLabel(/^Mật khẩu/).fill(OFFICER.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => u.pathname === `/dot-danh-gia/${campaign.id}`);
    await page.getByRole('button', { name: 'Tính lại' }).click();
    const progress = page.getByTestId('recompute-progress');
    await progress.waitFor();
    await expect.poll(() => progress.textContent(), { timeout: 60_000 }).toMatch(/^Đã tính lại \d+ lần chấm; 0 hồ sơ đổi kết quả; 0 hồ sơ không chấm được$/);
    await expectAccessible(page, 'tính lại');
    await shot(page, 'recompute-1280');
    await context.close();

    // The same criteria: nothing changed outcome; the latest assessment of each kind has a new twin, the old ones stay.
    const after = ((await (await asOfficer(`/api/registrations/${sample}`)).json()) as { assessments: { kind: string; result: { total: number } }[] }).assessments;
    expect(after.length).toBe(before.length + kinds);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(-kinds).map((a) => a.result.total)).toEqual(before.slice(-kinds).map((a) => (a as unknown as { result: { total: number } }).result.total));
  });
});
