import { afterEach, describe, expect, it } from 'vitest';
import { accountsApi } from './accounts.ts';
import { api, ApiError, setApiLanguage, setCsrfToken, setFetch } from './client.ts';

/** A fake server: records each request and answers with `answer`. */
function serve(answer: (r: Request) => Response | Promise<Response>) {
  const seen: Request[] = [];
  setFetch(async (r) => {
    seen.push(r.clone());
    return answer(r);
  });
  return seen;
}

const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

afterEach(() => {
  setCsrfToken(undefined);
  setApiLanguage('vi');
});

describe('the API client (openapi-fetch over the generated types)', () => {
  it('reads every campaign, page after page until the total (no silent cap at 200)', async () => {
    const all = Array.from({ length: 205 }, (_, i) => ({ id: `c${i}` }));
    const seen = serve((r) => {
      const q = new URL(r.url).searchParams;
      const offset = Number(q.get('offset'));
      return json({ items: all.slice(offset, offset + Number(q.get('limit'))), total: all.length });
    });
    const out = await api.campaigns();
    expect([out.items.length, out.total]).toEqual([205, 205]);
    expect(seen.map((r) => new URL(r.url).searchParams.get('offset'))).toEqual(['0', '200']);
  });

  it('sends the language, the cookie and, only when changing something, the CSRF token', async () => {
    setCsrfToken('tok');
    const seen = serve((r) => (r.method === 'GET' ? json({ items: [], total: 0 }) : json({ id: 'j1' }, 202)));
    await api.campaigns();
    setApiLanguage('en');
    await api.recompute('c/1');
    const [get, post] = seen;
    expect(new URL(get!.url).pathname + new URL(get!.url).search).toBe('/api/campaigns?limit=200&offset=0');
    expect(get!.credentials).toBe('include');
    expect(get!.headers.get('accept-language')).toBe('vi, en;q=0.5');
    expect(get!.headers.get('x-csrf-token')).toBeNull();
    expect(post!.method).toBe('POST');
    expect(new URL(post!.url).pathname).toBe('/api/campaigns/c%2F1/recompute-jobs');
    expect(post!.headers.get('x-csrf-token')).toBe('tok');
    expect(post!.headers.get('accept-language')).toBe('en, vi;q=0.5');
  });

  it('leaves empty query values out and sends JSON bodies', async () => {
    const seen = serve(() => json({ items: [], total: 0, limit: 20, offset: 0 }));
    await api.people({ q: '' });
    await api.registrations('c1', { status: 'submitted', offset: 50 });
    expect(new URL(seen[0]!.url).search).toBe('?limit=20&offset=0');
    expect(new URL(seen[1]!.url).search).toBe('?status=submitted&limit=50&offset=50');
    serve(() => new Response(null, { status: 204 }));
    await expect(accountsApi.changePassword('a', 'b')).resolves.toBeUndefined();
    const body = serve(() => json({ registration: { id: 'r1' } }));
    await api.step('r1', 'return', 'thiếu minh chứng');
    expect(body[0]!.headers.get('content-type')).toContain('application/json');
    expect(await body[0]!.json()).toEqual({ reason: 'thiếu minh chứng' });
  });

  it('turns a problem document into an ApiError carrying its detail, code and status', async () => {
    serve(() => json({ type: 'about:blank', title: 'Xung đột', status: 409, code: 'ILLEGAL_TRANSITION', detail: 'Không thể nộp hồ sơ ở trạng thái này' }, 409, 'application/problem+json'));
    const e = await api.step('r1', 'submit').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 409, message: 'Không thể nộp hồ sơ ở trạng thái này', problem: { code: 'ILLEGAL_TRANSITION' } });
  });

  it('an error without a problem document, and an unreachable server', async () => {
    serve(() => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    await expect(api.frameworks()).rejects.toMatchObject({ status: 502, problem: undefined, message: 'HTTP 502' });
    setFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(api.frameworks()).rejects.toMatchObject({ status: 0, message: 'Failed to fetch' });
  });

  it('remembers the CSRF token of a session, and no session is null', async () => {
    const seen = serve((r) => (new URL(r.url).pathname === '/api/auth/me' ? json({ user: { id: 'u', name: 'A', email: 'a@x', roles: [], localities: [] }, csrfToken: 'fresh' }) : new Response(null, { status: 204 })));
    expect((await api.me())?.user.id).toBe('u');
    await api.logout();
    expect(seen[1]!.headers.get('x-csrf-token')).toBe('fresh');
    serve(() => json({ type: 'about:blank', title: 'Chưa đăng nhập', status: 401, code: 'UNAUTHENTICATED', detail: 'Cần đăng nhập' }, 401, 'application/problem+json'));
    expect(await api.me()).toBeNull();
  });
});
