/**
 * A small typed client of the platform API (`/api`, served by apps/server). It sends the session
 * cookie, the CSRF token on every non-GET request and the user's language, and turns RFC 9457
 * problem documents into `ApiError`s.
 */
import type { Model } from '@hoctap/core';

export type FrameworkStatus = 'in-force' | 'draft';

/** One row of `GET /api/frameworks`. */
export interface FrameworkSummary {
  readonly ref: string;
  readonly plugin: string;
  readonly id: string;
  readonly title: string;
  readonly subject: Model['subject'];
  readonly effective?: { readonly from?: string; readonly to?: string } | null;
  readonly status: FrameworkStatus;
  readonly file: string;
}

/** `GET /api/frameworks/{plugin}/{id}`. */
export interface FrameworkDetail {
  readonly ref: string;
  readonly plugin: string;
  readonly file: string;
  readonly source: string;
  readonly model: Model;
}

export interface User {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly localities: readonly string[];
}

export interface Session {
  readonly user: User;
  readonly csrfToken?: string;
}

/** An RFC 9457 problem document, as far as the portal reads it. */
export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly code?: string;
}

/** A failed request: `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | undefined;
let language = 'vi';

/** Remembers the CSRF token the server handed out at sign-in. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The language sent as `Accept-Language`, so the server's messages match the portal's. */
export function setApiLanguage(lang: string): void {
  language = lang;
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
let fetchImpl: FetchLike = (input, init) => globalThis.fetch(input, init);

/** For tests: replaces `fetch`. */
export function setFetch(f: FetchLike): void {
  fetchImpl = f;
}

/** Performs a request to the API and returns the parsed JSON body. */
export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language === 'en' ? 'en, vi;q=0.5' : 'vi, en;q=0.5' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetchImpl(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (e) {
    throw new ApiError(0, undefined, e instanceof Error ? e.message : String(e));
  }
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json().catch(() => undefined) : undefined;
  if (!res.ok) {
    const problem = data && typeof data === 'object' ? (data as Problem) : undefined;
    throw new ApiError(res.status, problem, problem?.detail ?? problem?.title ?? `HTTP ${res.status}`);
  }
  return data as T;
}

const enc = encodeURIComponent;

/** The API's endpoints the portal uses today. */
export const api = {
  frameworks: () => request<FrameworkSummary[]>('GET', '/frameworks'),
  framework: (plugin: string, id: string) => request<FrameworkDetail>('GET', `/frameworks/${enc(plugin)}/${enc(id)}`),
  login: async (email: string, password: string): Promise<Session> => {
    const s = await request<Session>('POST', '/auth/login', { email, password });
    setCsrfToken(s.csrfToken);
    return s;
  },
  /** The signed-in user, or null when there is no session (401). */
  me: async (): Promise<Session | null> => {
    try {
      const r = await request<Session | User>('GET', '/auth/me');
      const s: Session = 'user' in r ? r : { user: r };
      if (s.csrfToken !== undefined) setCsrfToken(s.csrfToken);
      return s;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  },
  logout: async (): Promise<void> => {
    await request<unknown>('POST', '/auth/logout');
    setCsrfToken(undefined);
  },
};
