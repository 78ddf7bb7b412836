/** Serves the built admin portal at `/` with a fallback to index.html for client-side routes. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Env, Hono } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Mounts the portal; when it is not built, `/` says how to build it. */
export function servePortal<E extends Env>(app: Hono<E>, dist: string): void {
  const root = resolve(dist);
  const built = existsSync(join(root, 'index.html'));
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    if (!built) {
      return c.html(
        '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Học Tập</title><p>Cổng quản trị chưa được build. Chạy <code>npm run build</code> rồi khởi động lại. API: <a href="/api/reference">/api/reference</a></p></html>',
      );
    }
    const rel = normalize(decodeURIComponent(c.req.path)).replace(/^([/\\])+/, '');
    const file = resolve(root, rel);
    // Never serve outside the portal's folder.
    const inside = file === root || file.startsWith(root + sep);
    const target = inside && rel && existsSync(file) && extname(file) ? file : join(root, 'index.html');
    const body = await readFile(target);
    const type = TYPES[extname(target)] ?? 'application/octet-stream';
    const cache = target.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    return c.body(body, 200, { 'content-type': type, 'cache-control': cache });
  });
}
