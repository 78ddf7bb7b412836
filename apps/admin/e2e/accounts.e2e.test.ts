/**
 * Accounts in Debian Chromium against the REAL server (embedded PGlite in a temporary directory,
 * demo year seeded): the platform admin creates an account and issues a one-time password link
 * ("Người dùng"); the new user sets a password through it, enrols TOTP on "Tài khoản của tôi"
 * (the code is computed here from the secret the page shows), sees the recovery codes once, signs
 * out and signs in again with password + code. Every page is checked with axe-core (no serious or
 * critical violations) and photographed into `e2e/screenshots/accounts-*.png`.
 *
 * Needs `apps/admin/dist` (`npm run build -w @hoctap/admin`) and `/usr/bin/chromium`.
 */
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { expectAccessible, fillSignIn, newContext, screenshots, realServerAndBrowser } from './browser.ts';

const ADMIN = { email: 'quantri@hoctap.local', password: 'quan-tri-hoc-tap-2026' } as const;
const NEW_USER = { email: 'nguyen.van.moi@hoctap.local', name: 'Nguyễn Văn Mới', password: 'một câu mật khẩu rất dễ nhớ' } as const;

const shot = screenshots('accounts-');

const suite = realServerAndBrowser();





/** The code of the NEXT 30-second step: the enrolment already spent the current one (replay is refused). */
const nextCode = (secret: string) => TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp: Date.now() + 30_000 });

describe('accounts in Chromium', () => {
  it('admin creates a user and a reset link; the user sets a password, enrols TOTP and signs in with password + code', async () => {
    // 1. The platform admin: "Người dùng", a new province admin of Phú Thọ, a one-time link.
    const admin = await newContext(suite.browser, { viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
    const page = await admin.newPage();
    await page.goto(`${suite.server.url}/nguoi-dung`);
    await page.waitForURL(/\/dang-nhap\?next=%2Fnguoi-dung/);
    await fillSignIn(page, ADMIN);
    await page.waitForURL((u) => u.pathname === '/nguoi-dung');
    const table = page.getByTestId('users-table');
    await table.waitFor();
    expect(await table.textContent()).toContain('canbo.phutho@hoctap.local');
    await expectAccessible(page, 'người dùng');
    await shot(page, 'users-1280');

    await page.getByTestId('user-create').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel(/^Thư điện tử/).fill(`  ${NEW_USER.email.toUpperCase()} `);
    await dialog.getByLabel(/^Họ và tên/).fill(NEW_USER.name);
    await dialog.getByLabel('Cán bộ xã').uncheck();
    await dialog.getByLabel('Quản trị tỉnh').check();
    await dialog.getByLabel(/^Địa bàn/).fill('25');
    await expectAccessible(page, 'tạo tài khoản');
    await shot(page, 'create-1280');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByTestId(`user-row-${NEW_USER.email}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Quản trị tỉnh');
    expect(await row.textContent()).toContain('Chưa bật');

    await page.getByTestId(`reset-${NEW_USER.email}`).click();
    const linkBox = page.getByTestId('reset-link');
    await linkBox.waitFor();
    const link = await linkBox.inputValue();
    expect(link).toMatch(new RegExp(`^${suite.server.url.replace(/[.]/g, '\\.')}/dat-lai-mat-khau\\?token=[A-Za-z0-9_-]{43}$`));
    await expectAccessible(page, 'đường dẫn đặt mật khẩu');
    await shot(page, 'reset-link-1280');
    await admin.close();

    // 2. The new user, in another browser: sets a password through the link (the policy speaks Vietnamese).
    const user = await newContext(suite.browser, { viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
    const up = await user.newPage();
    await up.goto(link);
    await up.getByRole('heading', { name: 'Đặt mật khẩu' }).waitFor();
    await expectAccessible(up, 'đặt lại mật khẩu');
    await up.getByLabel(/^Mật khẩu mới/).fill('ngắn quá');
    await up.getByLabel(/^Nhập lại mật khẩu mới/).fill('ngắn quá');
    await up.getByTestId('reset-submit').click();
    await expect.poll(() => up.getByRole('alert').textContent()).toContain('ít nhất 12 ký tự');
    await expectAccessible(up, 'mật khẩu quá ngắn');
    await up.getByLabel(/^Mật khẩu mới/).fill(NEW_USER.password);
    await up.getByLabel(/^Nhập lại mật khẩu mới/).fill(NEW_USER.password);
    await up.getByTestId('reset-submit').click();
    await up.getByTestId('reset-done').waitFor();
    await shot(up, 'reset-done-1280');

    // 3. Signs in with the password alone (no TOTP yet), enrols TOTP on "Tài khoản của tôi".
    await up.getByRole('link', { name: 'Đến trang đăng nhập' }).click();
    await up.waitForURL(/\/dang-nhap/);
    await fillSignIn(up, NEW_USER);
    await up.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
    await up.getByRole('link', { name: 'Tài khoản của tôi' }).click();
    await up.waitForURL((u) => u.pathname === '/tai-khoan');
    await up.getByTestId('totp-start').click();
    const secretBox = up.getByTestId('totp-secret');
    await secretBox.waitFor();
    const secret = (await secretBox.textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await up.getByTestId('totp-qr').waitFor();
    await expectAccessible(up, 'bật xác thực hai bước');
    await shot(up, 'totp-setup-1280');
    await up.getByTestId('totp-code').fill(TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp: Date.now() }));
    await up.getByTestId('totp-confirm').click();
    const codes = up.getByTestId('recovery-codes');
    await codes.waitFor();
    expect(await codes.locator('li').count()).toBe(8);
    await expectAccessible(up, 'mã khôi phục');
    await shot(up, 'recovery-codes-1280');
    await up.getByTestId('recovery-done').click();
    await up.getByTestId('totp-on').waitFor();

    // 4. Signs out and in again: password, then the code (computed here from the secret).
    await up.getByRole('button', { name: 'Đăng xuất' }).click();
    await up.waitForURL(/\/dang-nhap/);
    await fillSignIn(up, NEW_USER);
    const codeBox = up.getByTestId('login-code');
    await codeBox.waitFor();
    await expectAccessible(up, 'đăng nhập bước hai');
    await shot(up, 'login-code-1280');
    await codeBox.fill('000000');
    await up.getByTestId('login-verify').click();
    await expect.poll(() => up.getByRole('alert').textContent()).toContain('Mã không đúng');
    await expectAccessible(up, 'mã sai');
    await codeBox.fill(nextCode(secret));
    await up.getByTestId('login-verify').click();
    await up.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
    await expect.poll(() => up.getByRole('banner').textContent()).toContain(NEW_USER.name);

    // The phone-sized account page.
    await up.setViewportSize({ width: 360, height: 780 });
    await up.goto(`${suite.server.url}/tai-khoan`);
    await up.getByTestId('totp-on').waitFor();
    await expectAccessible(up, 'tài khoản 360');
    await shot(up, 'account-360');
    await user.close();
  });
});
