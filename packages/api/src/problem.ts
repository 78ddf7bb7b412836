/**
 * Errors as RFC 9457 problem documents, with a stable code and a message in Vietnamese (English
 * when the caller's Accept-Language prefers it). One place maps exceptions to HTTP.
 */
import { AppError, type AppErrorKind } from '@hoctap/app';
import { HoctapError } from '@hoctap/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';

/** A problem the API reports. */
export class ApiProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly vi: string,
    readonly en: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(en);
  }
}

/** The language the caller asked for: English only when it is preferred over Vietnamese. */
export function languageOf(c: Context): 'vi' | 'en' {
  const h = c.req.header('accept-language') ?? '';
  const langs = h
    .split(',')
    .map((p) => {
      const [tag, ...params] = p.trim().split(';');
      const q = params.find((x) => x.trim().startsWith('q='));
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number(q.split('=')[1]) : 1 };
    })
    .filter((x) => x.tag)
    .sort((a, b) => b.q - a.q);
  for (const l of langs) {
    if (l.tag.startsWith('vi')) return 'vi';
    if (l.tag.startsWith('en')) return 'en';
  }
  return 'vi';
}

const TITLES: Record<number, [string, string]> = {
  400: ['Yêu cầu không hợp lệ', 'Bad request'],
  401: ['Chưa đăng nhập', 'Unauthorised'],
  403: ['Không có quyền', 'Forbidden'],
  404: ['Không tìm thấy', 'Not found'],
  409: ['Xung đột', 'Conflict'],
  413: ['Dữ liệu quá lớn', 'Payload too large'],
  415: ['Kiểu dữ liệu không hỗ trợ', 'Unsupported media type'],
  422: ['Dữ liệu không xử lý được', 'Unprocessable content'],
  429: ['Quá nhiều yêu cầu', 'Too many requests'],
  500: ['Lỗi máy chủ', 'Internal server error'],
  503: ['Dịch vụ chưa sẵn sàng', 'Service unavailable'],
};

/** Sends a problem document. */
export function problem(c: Context, p: ApiProblem) {
  const lang = languageOf(c);
  const [tvi, ten] = TITLES[p.status] ?? ['Lỗi', 'Error'];
  return c.json(
    {
      type: `https://hoctap.vn/problems/${p.code.toLowerCase().replace(/_/g, '-')}`,
      title: lang === 'en' ? ten : tvi,
      status: p.status,
      code: p.code,
      detail: lang === 'en' ? p.en : p.vi,
      instance: c.req.path,
      ...p.extra,
    },
    p.status,
    { 'content-type': 'application/problem+json; charset=utf-8', 'content-language': lang },
  );
}

/** The HTTP status of each kind of application error (the one place the application layer meets HTTP). */
const STATUS_OF_KIND: Record<AppErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  gone: 410,
  'too-large': 413,
  unsupported: 415,
  unprocessable: 422,
  'rate-limited': 429,
  unavailable: 503,
};

/** Maps any thrown value to a problem; unknown errors become 500 without leaking internals. */
export function toProblem(e: unknown): ApiProblem {
  if (e instanceof ApiProblem) return e;
  if (e instanceof AppError) return new ApiProblem(STATUS_OF_KIND[e.kind], e.code, e.vi, e.en, e.details);
  if (e instanceof HoctapError) {
    const status: ContentfulStatusCode = e.code === 'FRAMEWORK_NOT_FOUND' ? 404 : e.code === 'MODEL_INVALID' ? 422 : 400;
    return new ApiProblem(status, e.code, e.message, e.messageEn);
  }
  if (e instanceof HTTPException) {
    const s = e.status as ContentfulStatusCode;
    if (s === 400 && /json/i.test(e.message))
      return new ApiProblem(400, 'BAD_JSON', 'Nội dung gửi lên không phải JSON hợp lệ', 'The body is not valid JSON');
    return new ApiProblem(s, `HTTP_${s}`, e.message, e.message);
  }
  if (e instanceof ZodError) {
    const issues = e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const where = issues.slice(0, 5).map((i) => `\`${i.path || '(gốc)'}\`: ${i.message}`).join('; ');
    return new ApiProblem(400, 'VALIDATION', `Dữ liệu gửi lên không hợp lệ — ${where}`, `Invalid request — ${where}`, { issues });
  }
  const dbCode = databaseErrorCode(e);
  if (dbCode) {
    if (dbCode === '23505') return new ApiProblem(409, 'DUPLICATE', 'Bản ghi trùng với một bản ghi đã có', 'This duplicates an existing record');
    if (dbCode === '23503') return new ApiProblem(409, 'IN_USE', 'Bản ghi đang được dùng ở nơi khác', 'The record is referenced elsewhere');
    if (dbCode === '42501') return new ApiProblem(403, 'OUT_OF_SCOPE', 'Địa bàn này ngoài phạm vi của tài khoản', 'This locality is outside your account’s scope');
    if (dbCode === '40001' || dbCode === '40P01') return new ApiProblem(409, 'RETRY', 'Có thao tác đồng thời; hãy thử lại', 'A concurrent change happened; try again');
    if (/^(22|23)/.test(dbCode)) return new ApiProblem(400, 'INVALID_VALUE', 'Giá trị không hợp lệ', 'Invalid value');
  }
  if (e instanceof SyntaxError) return new ApiProblem(400, 'BAD_JSON', 'Nội dung gửi lên không phải JSON hợp lệ', 'The body is not valid JSON');
  return new ApiProblem(500, 'INTERNAL', 'Đã có lỗi trong máy chủ; lỗi đã được ghi lại', 'Something went wrong on the server; it has been logged');
}

/** The SQLSTATE of a PostgreSQL/PGlite error, if it is one. */
export function databaseErrorCode(e: unknown): string | undefined {
  if (e === null || typeof e !== 'object') return undefined;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && 'severity' in e) return code;
  const cause = (e as { cause?: unknown }).cause;
  return cause && cause !== e ? databaseErrorCode(cause) : undefined;
}
