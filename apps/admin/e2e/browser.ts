/**
 * What every browser suite shares: Debian Chromium's launch flags, contexts with short waits, the
 * axe-core check (no serious or critical violations), screenshots under a per-suite prefix, the
 * sign-in form, and an API session for set-up steps.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startRealServer, type TestServer } from './server.ts';

/** The built portal the real server serves. */
export const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The screenshot prefixes of the suites that have one; the editor suite's pictures have none. */
const PREFIXES = ['accounts-', 'groups-', 'jobs-', 'public-', 'years-'] as const;

export type Account = { readonly email: string; readonly password: string };

/** Debian's Chromium, headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
}

/** A context whose waits fail after 10 s rather than 30 s. */
export async function newContext(browser: Browser, options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> {
  const c = await browser.newContext(options);
  c.setDefaultTimeout(10_000);
  return c;
}

/** Runs axe on the page and fails on serious or critical violations, listing them. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${name}: ${v.id} (${v.impact}) ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`);
  expect(report).toEqual([]);
}

/**
 * A suite's screenshots (`e2e/screenshots/<prefix><name>.png`): removes the suite's old pictures
 * (and only its own) and returns the function that takes one.
 */
export function screenshots(prefix: (typeof PREFIXES)[number] | ''): (page: Page, name: string) => Promise<Buffer> {
  mkdirSync(SHOTS, { recursive: true });
  const mine = (f: string) => f.endsWith('.png') && (prefix ? f.startsWith(prefix) : !PREFIXES.some((p) => f.startsWith(p)));
  for (const f of readdirSync(SHOTS)) if (mine(f)) rmSync(`${SHOTS}${f}`);
  return (page, name) => page.screenshot({ path: `${SHOTS}${prefix}${name}.png`, fullPage: false });
}

/** Fills and sends the sign-in form. */
export async function fillSignIn(page: Page, account: Account): Promise<void> {
  await page.getByLabel(/^Thư điện tử/).fill(account.email);
  await page.getByLabel(/^Mật khẩu/).fill(account.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Signs in through the API (cookie + CSRF token) and returns a fetch for set-up steps. */
export async function apiSession(baseUrl: string, account: Account) {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (method: string, path: string, body?: unknown) =>
    fetch(`${baseUrl}${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}

/**
 * A suite's real server (the built portal, the demo year) and Chromium: started before its tests,
 * closed after them. Read `server` and `browser` inside tests and hooks.
 */
export function realServerAndBrowser(): { readonly server: TestServer; readonly browser: Browser } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startRealServer(DIST);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const made = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('The server and the browser start in beforeAll: use them in tests.');
    return x;
  };
  return {
    get server() {
      return made(server);
    },
    get browser() {
      return made(browser);
    },
  };
}
