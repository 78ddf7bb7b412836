/**
 * A tiny server for the end-to-end tests: the built portal (`dist/`, with the single-page
 * fallback) and the two framework endpoints of the API, answered from the REAL plugin registry
 * (`createRegistry` over `@hoctap/plugin-phu-tho`, the same call the API makes).
 *
 * The sign-in endpoints are the API's contract (`/api/auth/login`, `/me`, `/logout`, CSRF token on
 * non-GET requests) with one test account; they stand in for the server's until the e2e suite
 * runs against apps/server.
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { createRegistry, type Registry } from '@hoctap/core';
import { phuTho } from '@hoctap/plugin-phu-tho';

export const TEST_USER = {
  id: 'u-e2e',
  name: 'Nguyễn Thị Kiểm Thử',
  email: 'kiemthu@hoctap.test',
  roles: ['framework-editor'],
  localities: ['25'],
};
export const TEST_PASSWORD = 'mat-khau-kiem-thu';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface TestServer {
  readonly url: string;
  readonly registry: Registry;
  /** Requests the API part answered, for assertions. */
  readonly apiLog: string[];
  close(): Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Starts the server on 127.0.0.1 and a free port. */
export async function startTestServer(distDir: string): Promise<TestServer> {
  const root = resolve(distDir);
  await stat(join(root, 'index.html'));
  const registry = createRegistry([phuTho]);
  const sessions = new Map<string, string>(); // session id → csrf token
  const apiLog: string[] = [];

  const sessionOf = (req: IncomingMessage) => {
    const sid = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    return sid && sessions.has(sid) ? sid : undefined;
  };

  const api = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    apiLog.push(`${req.method} ${path}`);
    const method = req.method ?? 'GET';
    if (method !== 'GET') {
      const sid = sessionOf(req);
      if (path !== '/api/auth/login' && (!sid || req.headers['x-csrf-token'] !== sessions.get(sid)))
        return json(res, 403, { title: 'Không có quyền', status: 403, detail: 'Thiếu hoặc sai mã CSRF' });
    }
    if (path === '/api/auth/login' && method === 'POST') {
      const b = (await body(req)) as { email?: string; password?: string } | undefined;
      if (b?.email !== TEST_USER.email || b?.password !== TEST_PASSWORD)
        return json(res, 401, { title: 'Chưa đăng nhập', status: 401, detail: 'Sai thư điện tử hoặc mật khẩu' });
      const sid = randomUUID();
      const csrfToken = randomUUID();
      sessions.set(sid, csrfToken);
      return json(res, 200, { user: TEST_USER, csrfToken }, { 'set-cookie': `sid=${sid}; HttpOnly; Path=/; SameSite=Lax` });
    }
    if (path === '/api/auth/me' && method === 'GET') {
      const sid = sessionOf(req);
      return sid ? json(res, 200, { user: TEST_USER, csrfToken: sessions.get(sid) }) : json(res, 401, { title: 'Chưa đăng nhập', status: 401 });
    }
    if (path === '/api/auth/logout' && method === 'POST') {
      const sid = sessionOf(req);
      if (sid) sessions.delete(sid);
      res.writeHead(204, { 'set-cookie': 'sid=; Path=/; Max-Age=0' });
      return res.end();
    }
    if (!sessionOf(req)) return json(res, 401, { title: 'Chưa đăng nhập', status: 401 });
    if (path === '/api/frameworks' && method === 'GET') {
      return json(
        res,
        200,
        registry.frameworks.map((f) => ({
          ref: f.ref,
          plugin: f.plugin,
          id: f.model.id,
          title: f.model.title,
          subject: f.model.subject,
          effective: f.model.effective ?? null,
          status: f.model.status,
          file: f.file,
        })),
      );
    }
    const m = /^\/api\/frameworks\/([^/]+)\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      const f = registry.frameworks.find((x) => x.plugin === decodeURIComponent(m[1]!) && x.model.id === decodeURIComponent(m[2]!));
      if (!f) return json(res, 404, { title: 'Không tìm thấy', status: 404, detail: `Không có bộ tiêu chí ${m[1]}/${m[2]}` });
      return json(res, 200, { ref: f.ref, plugin: f.plugin, file: f.file, source: f.source, model: f.model });
    }
    return json(res, 404, { title: 'Không tìm thấy', status: 404 });
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      api(req, res, url.pathname).catch((e: unknown) => json(res, 500, { title: String(e), status: 500 }));
      return;
    }
    const file = normalize(join(root, decodeURIComponent(url.pathname)));
    const inside = file.startsWith(root);
    void (async () => {
      let path = join(root, 'index.html');
      if (inside && extname(file) !== '') {
        try {
          if ((await stat(file)).isFile()) path = file;
        } catch {
          res.writeHead(404).end();
          return;
        }
      }
      const data = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(data);
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    registry,
    apiLog,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
