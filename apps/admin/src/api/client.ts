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

/** A version stored by `POST /api/frameworks/publish` (and listed by `GET /api/frameworks/published`). */
export interface PublishedFramework {
  readonly id: string;
  readonly plugin: string;
  readonly framework: string;
  readonly version: string;
  readonly title: string;
  readonly contentHash: string;
  readonly status: 'draft' | 'published' | 'retired';
  readonly effective: { readonly from: string; readonly to: string | null };
  readonly publishedBy: { readonly id: string | null; readonly name: string | null };
  readonly publishedAt: string | null;
}

export interface User {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly localities: readonly string[];
  /** Two-step sign-in (TOTP) is on. */
  readonly totp?: boolean;
  /** The server requires TOTP for staff and this account has not enrolled yet. */
  readonly mfaEnrolmentRequired?: boolean;
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
export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: { contentType?: string; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language === 'en' ? 'en, vi;q=0.5' : 'vi, en;q=0.5', ...options.headers };
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  if (method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetchImpl(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: options.contentType && typeof body === 'string' ? body : JSON.stringify(body) } : {}),
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

/**
 * POSTs a body with upload progress (0–1), which `fetch` does not report: same headers and errors
 * as `request` (an `ApiError` with the server's problem).
 */
function postWithProgress<T>(path: string, body: XMLHttpRequestBodyInit, headers: Record<string, string>, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', language === 'en' ? 'en, vi;q=0.5' : 'vi, en;q=0.5');
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    if (csrfToken !== undefined) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, undefined, 'network error'));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const problem = data && typeof data === 'object' ? (data as Problem) : undefined;
      reject(new ApiError(xhr.status, problem, problem?.detail ?? problem?.title ?? `HTTP ${xhr.status}`));
    };
    xhr.send(body);
  });
}

/**
 * Uploads an evidence file (multipart) with upload progress. Errors are `ApiError`s with the
 * server's problem (413 too large, 415 not an accepted type, …).
 */
export function uploadEvidence(registrationId: string, indicator: string, file: File, onProgress?: (fraction: number) => void): Promise<EvidenceFile> {
  const body = new FormData();
  body.set('file', file);
  body.set('indicator', indicator);
  return postWithProgress<EvidenceFile>(`/registrations/${enc(registrationId)}/evidence`, body, {}, onProgress);
}

/** The media type of an Excel workbook (.xlsx). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A bulk file's media type from its name: .xlsx → Excel, anything else → CSV. */
export const tableTypeOf = (file: File): string => (/\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE ? XLSX_TYPE : 'text/csv; charset=utf-8');

/**
 * Posts a CSV or Excel file as the raw body (bulk imports), with upload progress (0–1) and an
 * Idempotency-Key; answers the JSON result, or rejects with an `ApiError`.
 */
export function postTable<T>(path: string, file: File, idempotencyKey?: string, onProgress?: (fraction: number) => void): Promise<T> {
  return postWithProgress<T>(path, file, { 'content-type': tableTypeOf(file), ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) }, onProgress);
}

/** A registration's status, as the API's workflow names it. */
export type RegistrationStatus =
  | 'registered'
  | 'self-assessed'
  | 'submitted'
  | 'returned'
  | 'reviewed'
  | 'proposed'
  | 'recognised'
  | 'not-recognised'
  | 'published'
  | 'withdrawn'
  | 'appealed';

export const REGISTRATION_STATUSES: readonly RegistrationStatus[] = [
  'registered',
  'self-assessed',
  'submitted',
  'returned',
  'reviewed',
  'proposed',
  'recognised',
  'not-recognised',
  'published',
  'withdrawn',
  'appealed',
];

export interface CalendarWindow {
  readonly name: string;
  readonly from?: string;
  readonly to: string;
  readonly late?: 'refuse' | 'flag';
  readonly label?: string;
}

export interface Campaign {
  readonly id: string;
  readonly province: string;
  readonly commune: string | null;
  readonly title: string;
  readonly year: number;
  readonly framework: { readonly id: string; readonly plugin: string; readonly version: string; readonly contentHash: string };
  readonly calendar: readonly CalendarWindow[];
  readonly createdAt: string;
}

/** `plugin/id` of the framework a campaign uses (its version is `id@hash`). */
export function campaignFrameworkRef(c: Pick<Campaign, 'framework'>): { plugin: string; id: string; ref: string } {
  const id = c.framework.version.split('@')[0]!;
  return { plugin: c.framework.plugin, id, ref: `${c.framework.plugin}/${id}` };
}

export interface Registration {
  readonly id: string;
  readonly campaignId: string;
  readonly province: string;
  readonly commune: string | null;
  readonly subject: { readonly kind: string; readonly id: string };
  readonly status: RegistrationStatus;
  readonly late: boolean;
  readonly registeredAt: string;
  readonly updatedAt: string;
}

export interface ExplanationNode {
  readonly text: string;
  readonly ok?: boolean;
  readonly children?: readonly ExplanationNode[];
}

/** The stored result of an assessment (engine output plus the framework version). */
export interface AssessmentResult {
  readonly framework?: { readonly ref: string; readonly contentHash: string; readonly version: string };
  readonly total: number;
  readonly max: number;
  readonly titles: readonly string[];
  readonly level?: string;
  readonly criteria?: readonly { readonly id: string; readonly points: number; readonly max: number }[];
  readonly group?: string;
  readonly late?: boolean;
  readonly explanation?: ExplanationNode | null;
  readonly explanationText?: string;
}

export interface Assessment {
  readonly id: string;
  readonly kind: 'self' | 'committee';
  readonly assessedBy: string | null;
  readonly assessedAt: string;
  readonly scores: Readonly<Record<string, number | boolean | null>>;
  readonly evidence?: readonly EvidenceRef[];
  readonly result: AssessmentResult | null;
}

/** An uploaded evidence file of a registration (`POST /api/registrations/{id}/evidence`). */
export interface EvidenceFile {
  readonly id: string;
  readonly registrationId: string;
  readonly indicator: string;
  readonly name: string;
  /** Detected by the server from the bytes. */
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly uploadedBy: string | null;
  readonly uploadedAt: string;
  /** Download path under the site (`/api/evidence/{id}`). */
  readonly url: string;
}

/** A file as an assessment recorded it (older assessments: metadata only, no id). */
export interface EvidenceRef {
  readonly id?: string;
  readonly indicator?: string;
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
}

export interface AssessmentInput {
  readonly scores: Record<string, number | boolean>;
  /** Ids of the registration's uploaded files; omitted: every file of the registration. */
  readonly evidence?: readonly string[];
  readonly group?: string;
  readonly notes?: string;
}

export interface Person {
  readonly id: string;
  readonly province: string;
  readonly commune: string | null;
  readonly fullName: string;
  readonly birthDate: string | null;
  readonly sex: 'male' | 'female' | null;
  readonly village: string | null;
  readonly citizenIdMasked: string | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface BulkResult {
  readonly created: number;
  readonly existing: number;
  readonly rows: readonly { readonly row: number; readonly personId: string; readonly registrationId: string; readonly outcome: 'created' | 'existing' }[];
  readonly errors: readonly ImportRowError[];
}

/** One bad row of an import: its row number, the column (letter and header) when one cell is at fault, a message. */
export interface ImportRowError {
  readonly row: number;
  readonly column?: string;
  readonly header?: string;
  readonly field?: string;
  readonly code: string;
  readonly message: string;
}

/** The answer of a scores import (`POST /api/campaigns/{id}/assessments/bulk`). */
export interface ScoresImportResult {
  readonly kind: 'self' | 'committee';
  readonly recorded: number;
  readonly unchanged: number;
  readonly rows: readonly { readonly row: number; readonly registrationId: string; readonly outcome: 'recorded' | 'unchanged'; readonly status: string; readonly total: number | null }[];
  readonly errors: readonly ImportRowError[];
}

export interface Share {
  readonly key: string;
  readonly count: number;
  readonly share: number;
}

/** Which count a report's shares are taken of: the registered subjects or all subjects in the area. */
export type Denominator = 'registered' | 'all';

export interface CampaignReport {
  readonly campaignId: string;
  readonly year: number;
  readonly framework: { readonly ref: string; readonly contentHash: string };
  readonly denominator: { readonly kind: Denominator; readonly count: number; readonly description: string };
  readonly statuses: Readonly<Record<string, number>>;
  readonly recognised: number;
  readonly titles: readonly Share[];
  readonly groups: readonly Share[];
  readonly areaKinds: readonly Share[];
  readonly targets: readonly { readonly text: string; readonly required: number; readonly share: number; readonly numerator: number; readonly denominator: number; readonly met: boolean; readonly shortBy: number }[];
}

export interface DecisionInput {
  readonly campaignId: string;
  readonly number: string;
  readonly decidedOn: string;
  readonly signer: string;
  readonly recognised: readonly string[];
  readonly notRecognised: readonly string[];
}

export interface Decision {
  readonly id: string;
  readonly campaignId: string;
  readonly number: string;
  readonly decidedOn: string;
  readonly signer: string;
  readonly proposerId: string;
  readonly approverId: string;
  readonly recognised: readonly string[];
}

/** A background job (`GET /api/jobs/{id}`): state, progress and, when done, its result. */
export interface Job {
  readonly id: string;
  readonly kind: string;
  readonly status: 'queued' | 'running' | 'done' | 'failed';
  readonly progress: { readonly done: number; readonly total: number | null; readonly percent: number };
  readonly attempts: number;
  readonly result: Record<string, unknown> | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly finishedAt: string | null;
}

const qs = (o: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

/** The API's endpoints the portal uses today. */
export const api = {
  frameworks: () => request<FrameworkSummary[]>('GET', '/frameworks'),
  framework: (plugin: string, id: string) => request<FrameworkDetail>('GET', `/frameworks/${enc(plugin)}/${enc(id)}`),
  publishFramework: (source: string, file?: string) => request<PublishedFramework & { readonly created: boolean }>('POST', '/frameworks/publish', file ? { source, file } : { source }),
  publishedFrameworks: () => request<PublishedFramework[]>('GET', '/frameworks/published'),
  /** Signs in; an account with TOTP answers a challenge for the second step instead of a session. */
  login: async (email: string, password: string): Promise<Session | { readonly mfaRequired: true; readonly challenge: string; readonly expiresInSeconds: number }> => {
    const s = await request<Session | { mfaRequired: true; challenge: string; expiresInSeconds: number }>('POST', '/auth/login', { email, password });
    if ('user' in s) setCsrfToken(s.csrfToken);
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
  campaigns: () => request<Page<Campaign>>('GET', '/campaigns?limit=200'),
  campaign: (id: string) => request<Campaign>('GET', `/campaigns/${enc(id)}`),
  createCampaign: (body: { framework: string; year: number; title?: string; commune?: string }) => request<Campaign>('POST', '/campaigns', body),
  registrations: (campaignId: string, o: { status?: string; limit?: number; offset?: number } = {}) =>
    request<Page<Registration>>('GET', `/campaigns/${enc(campaignId)}/registrations${qs({ status: o.status, limit: o.limit ?? 50, offset: o.offset ?? 0 })}`),
  bulkRegister: (campaignId: string, file: File, idempotencyKey?: string, onProgress?: (fraction: number) => void) =>
    postTable<BulkResult>(`/campaigns/${enc(campaignId)}/registrations/bulk`, file, idempotencyKey, onProgress),
  importScores: (campaignId: string, kind: 'self' | 'committee', file: File, idempotencyKey?: string, onProgress?: (fraction: number) => void) =>
    postTable<ScoresImportResult>(`/campaigns/${enc(campaignId)}/assessments/bulk?kind=${kind}`, file, idempotencyKey, onProgress),
  registration: (id: string) => request<{ registration: Registration; assessments: Assessment[]; evidence?: EvidenceFile[] }>('GET', `/registrations/${enc(id)}`),
  deleteEvidence: (id: string) => request<void>('DELETE', `/evidence/${enc(id)}`),
  selfAssess: (id: string, body: AssessmentInput) => request<{ registration: Registration; assessment: Assessment }>('POST', `/registrations/${enc(id)}/self-assessment`, body),
  review: (id: string, body: AssessmentInput) => request<{ registration: Registration; assessment: Assessment }>('POST', `/registrations/${enc(id)}/review`, body),
  step: (id: string, action: 'submit' | 'return' | 'withdraw' | 'appeal' | 'publish', reason?: string) =>
    request<{ registration: Registration }>('POST', `/registrations/${enc(id)}/${action}`, reason ? { reason } : {}),
  propose: (campaignId: string, registrationIds: readonly string[]) => request<{ proposed: Registration[] }>('POST', `/campaigns/${enc(campaignId)}/proposals`, { registrationIds }),
  decide: (body: DecisionInput) => request<{ decision: Decision; registrations: Registration[] }>('POST', '/decisions', body),
  job: (id: string) => request<Job>('GET', `/jobs/${enc(id)}`),
  /** Queues the recompute of a campaign's latest assessments with its current criteria. */
  recompute: (campaignId: string) => request<Job>('POST', `/campaigns/${enc(campaignId)}/recompute-jobs`),
  /** Queues the certificates PDF of a decision; the file is at `downloads.jobFile` when done. */
  certificatesJob: (decisionId: string) => request<Job>('POST', `/decisions/${enc(decisionId)}/certificates-jobs`),
  report: (campaignId: string, denominator: Denominator) => request<CampaignReport>('GET', `/reports/campaigns/${enc(campaignId)}${qs({ denominator })}`),
  people: (o: { q?: string; limit?: number; offset?: number }) =>
    request<Page<Person> & { limit: number; offset: number }>('GET', `/people${qs({ q: o.q, limit: o.limit ?? 20, offset: o.offset ?? 0 })}`),
  person: (id: string) => request<Person>('GET', `/people/${enc(id)}`),
  logout: async (): Promise<void> => {
    await request<unknown>('POST', '/auth/logout');
    setCsrfToken(undefined);
  },
};
