/**
 * The application layer's typed errors. A use case throws an {@link AppError} for anything the
 * caller did wrong or may not do; the API maps its `kind` to an HTTP status in one place
 * (`packages/api/src/problem.ts`), the CLI and jobs read `code` and the messages.
 */

/** What went wrong, independent of HTTP. */
export type AppErrorKind =
  | 'invalid' // the input cannot be read (400)
  | 'unauthenticated' // no signed-in caller (401)
  | 'forbidden' // the caller may not do this here (403)
  | 'not-found' // no such thing, or not visible to the caller (404)
  | 'conflict' // not in this state, a duplicate, a concurrent change (409)
  | 'gone' // existed, no longer usable (410)
  | 'too-large' // bigger than allowed (413)
  | 'unsupported' // a type the use case does not take (415)
  | 'unprocessable' // well-formed but against a rule (422)
  | 'rate-limited' // too many attempts (429)
  | 'unavailable'; // a dependency is missing or broken (503)

/**
 * A domain error: a stable `code`, a Vietnamese and an English message, and details the caller may
 * show (row numbers, diagnostics, the state it was in).
 *
 * @example throw new AppError('conflict', 'ILLEGAL_TRANSITION', 'Không thể nộp khi hồ sơ đã nộp', 'Cannot submit a submitted registration', { state: 'submitted' });
 */
export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    readonly code: string,
    readonly vi: string,
    readonly en: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(en);
    this.name = 'AppError';
  }
}

/** Is `e` an {@link AppError}? */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** The things a use case reports as missing (the same 404 whether unknown or out of scope). */
export type Missing = 'person' | 'campaign' | 'registration' | 'decision' | 'credential' | 'evidence' | 'group' | 'membership' | 'user' | 'job' | 'framework';

const MISSING_VI: Record<Missing, string> = {
  person: 'người',
  campaign: 'đợt đánh giá',
  registration: 'đăng ký',
  decision: 'quyết định',
  credential: 'chứng nhận',
  evidence: 'tệp minh chứng',
  group: 'nhóm',
  membership: 'thành viên',
  user: 'tài khoản',
  job: 'tác vụ',
  framework: 'bộ tiêu chí',
};

/** The same "not found" whether the id is malformed, unknown or another locality's (no existence leak). */
export function notFound(what: Missing): AppError {
  return new AppError('not-found', `${what.toUpperCase()}_NOT_FOUND`, `Không tìm thấy ${MISSING_VI[what]}`, `No such ${what}`);
}

/** Visible but outside the caller's scope for writing. */
export function outOfScope(): AppError {
  return new AppError('forbidden', 'OUT_OF_SCOPE', 'Địa bàn này ngoài phạm vi của tài khoản', 'This locality is outside your account’s scope');
}
