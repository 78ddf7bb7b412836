/**
 * The portal's client of the platform API (`/api`, served by apps/server): openapi-fetch over the
 * types generated from the API's own OpenAPI document (`openapi.d.ts`; regenerate with
 * `npm run openapi -w @hoctap/admin`). It sends the session cookie, the CSRF token on every
 * non-GET request and the user's language, and turns RFC 9457 problem documents into `ApiError`s.
 * Every type here is the schema's; where a schema is looser than what the API sends, `Tighten`
 * narrows one named property and says why.
 */
import type { Model } from '@hoctap/core';
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './openapi.d.ts';

/** The API's schemas by name, e.g. `Schemas['Campaign']`. */
export type Schemas = components['schemas'];

/** `W` with its property `K` typed as `T`: where the API's schema says less than the API sends. */
type Tighten<W, K extends keyof W, T> = Omit<W, K> & { readonly [P in K]: T };

/** The JSON body of an operation's success answer (2xx). */
export type Answer<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? { [S in keyof R]: S extends 200 | 201 | 202 ? (R[S] extends { content: { 'application/json': infer J } } ? J : never) : never }[keyof R]
  : never;

/** One row of `GET /api/frameworks`. */
export type FrameworkSummary = Schemas['FrameworkSummary'];
/** Whether a framework is in force or a draft. */
export type FrameworkStatus = FrameworkSummary['status'];
/** `GET /api/frameworks/{plugin}/{id}`; the schema types `model` as any object, it is a checked `Model`. */
export type FrameworkDetail = Tighten<Schemas['FrameworkDetail'], 'model', Model>;
/** A version stored by `POST /api/frameworks/publish` (and listed by `GET /api/frameworks/published`). */
export type PublishedFramework = Schemas['PublishedFramework'];
/** The signed-in account. */
export type User = Schemas['User'];
/** `GET /api/auth/me` and a finished sign-in. */
export type Session = Schemas['SessionInfo'];
/** The first step's answer for an account with TOTP: no session yet. */
export type MfaChallenge = Schemas['MfaChallenge'];

/** An RFC 9457 problem document, as far as the portal reads it (a proxy's error page may send less). */
export type Problem = Partial<Schemas['Problem']>;

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

/** The `ApiError` of a failed answer: the problem's detail (or title) is the message the pages show. */
export function apiErrorOf(status: number, body: unknown): ApiError {
  const problem = body && typeof body === 'object' ? (body as Problem) : undefined;
  return new ApiError(status, problem, problem?.detail ?? problem?.title ?? `HTTP ${status}`);
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

const acceptLanguage = () => (language === 'en' ? 'en, vi;q=0.5' : 'vi, en;q=0.5');

/** The headers every request carries (the CSRF token only on methods that change something). */
function commonHeaders(method: string): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json', 'accept-language': acceptLanguage() };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken !== undefined) h['x-csrf-token'] = csrfToken;
  return h;
}

const headersMiddleware: Middleware = {
  onRequest({ request }) {
    for (const [k, v] of Object.entries(commonHeaders(request.method))) request.headers.set(k, v);
    return request;
  },
};

/** Query strings as the API reads them: empty and absent values left out. */
function querySerializer(query: Record<string, unknown>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  return p.toString();
}

type FetchLike = (request: Request) => Promise<Response>;

function makeClient(baseUrl: string, fetchImpl: FetchLike) {
  const c = createClient<paths>({ baseUrl, credentials: 'include', fetch: fetchImpl, querySerializer });
  c.use(headersMiddleware);
  return c;
}

/** The typed client (`client.GET('/api/campaigns/{id}', { params: { path: { id } } })`). */
export let client = makeClient('', (r) => globalThis.fetch(r));

/** For tests: replaces `fetch` (and the origin, which `Request` needs outside a browser). */
export function setFetch(f: FetchLike, baseUrl = 'http://localhost'): void {
  client = makeClient(baseUrl, f);
}

/**
 * Awaits an openapi-fetch call and answers its data, or throws an `ApiError`: the server's
 * problem for an error status, status 0 when the server could not be reached.
 */
export async function call<D>(pending: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  let r: { data?: D; error?: unknown; response: Response };
  try {
    r = await pending;
  } catch (e) {
    throw new ApiError(0, undefined, e instanceof Error ? e.message : String(e));
  }
  if (!r.response.ok) throw apiErrorOf(r.response.status, r.error);
  return r.data as D;
}

const enc = encodeURIComponent;

/**
 * POSTs a body with upload progress (0–1), which `fetch` (and so openapi-fetch) does not report:
 * the same headers and errors as `call` (an `ApiError` with the server's problem).
 */
function postWithProgress<T>(path: string, body: XMLHttpRequestBodyInit, headers: Record<string, string>, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    for (const [k, v] of Object.entries({ ...commonHeaders('POST'), ...headers })) xhr.setRequestHeader(k, v);
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
      reject(apiErrorOf(xhr.status, data));
    };
    xhr.send(body);
  });
}

/** An uploaded evidence file of a registration (`POST /api/registrations/{id}/evidence`). */
export type EvidenceFile = Schemas['EvidenceFile'];

/**
 * Uploads an evidence file (multipart) with upload progress. Errors are `ApiError`s with the
 * server's problem (413 too large, 415 not an accepted type, …).
 */
export function uploadEvidence(registrationId: string, indicator: string, file: File, onProgress?: (fraction: number) => void): Promise<Answer<'/api/registrations/{id}/evidence', 'post'>> {
  const body = new FormData();
  body.set('file', file);
  body.set('indicator', indicator);
  return postWithProgress(`/api/registrations/${enc(registrationId)}/evidence`, body, {}, onProgress);
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

/** A registration's status (the API's enum). */
export type RegistrationStatus = Schemas['Registration']['status'];
/** The statuses a staff member filters by, in the order of the year (the two legacy ones of migration 0001 are never written now). */
export const REGISTRATION_STATUSES = [
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
] as const satisfies readonly RegistrationStatus[];

/** A campaign: one year of one framework in a locality. */
export type Campaign = Schemas['Campaign'];
/** One window of a campaign's calendar (self-assessment, review, …). */
export type CalendarWindow = Campaign['calendar'][number];

/** `plugin/id` of the framework a campaign uses (its version is `id@hash`). */
export function campaignFrameworkRef(c: Pick<Campaign, 'framework'>): { plugin: string; id: string; ref: string } {
  const id = c.framework.version.split('@')[0]!;
  return { plugin: c.framework.plugin, id, ref: `${c.framework.plugin}/${id}` };
}

/** A subject registered in a campaign. */
export type Registration = Schemas['Registration'];
/** A registration as a campaign's list gives it: with its subject's name and latest committee result (no call per row). */
export type RegistrationListItem = Schemas['RegistrationListItem'];

/** A node of an assessment's explanation tree. */
export type ExplanationNode = {
  readonly text: string;
  readonly ok?: boolean;
  readonly children?: readonly ExplanationNode[];
};

/** The stored result of an assessment (engine output plus the framework version). */
export type AssessmentResult = Schemas['AssessmentResult'];

/** A self or committee assessment. */
export type Assessment = Schemas['Assessment'];
/** A file as an assessment recorded it (older assessments: metadata only, no id). */
export type EvidenceRef = NonNullable<Assessment['evidence']>[number];
/** The body of a self-assessment or a review. */
export type AssessmentInput = Schemas['AssessmentRequest'];
/** A person as staff see them (the citizen id masked). */
export type Person = Schemas['Person'];
/** The answer of a people registration import (`POST /api/campaigns/{id}/registrations/bulk`). */
export type BulkResult = Schemas['BulkRegistrationResult'];
/** The answer of a clans, communities or units upload (`POST /api/campaigns/{id}/registrations/groups`). */
export type GroupsResult = Schemas['GroupsRegistrationResult'];
/** One bad row of an import: its row number, the column (letter and header) when one cell is at fault, a message. */
export type ImportRowError = Schemas['ImportRowError'];
/** The answer of a scores import (`POST /api/campaigns/{id}/assessments/bulk`). */
export type ScoresImportResult = Schemas['ScoresImportResult'];
/** A campaign's report: statuses, titles, groups, targets. */
export type CampaignReport = Schemas['CampaignReport'];
/** A count and its share of the report's denominator. */
export type Share = CampaignReport['titles'][number];
/** Which count a report's shares are taken of: the registered subjects or all subjects in the area. */
export type Denominator = CampaignReport['denominator']['kind'];
/** The body of a recognition decision. */
export type DecisionInput = Schemas['DecisionCreate'];
/** A recorded recognition decision. */
export type Decision = Schemas['Decision'];
/** A background job (`GET /api/jobs/{id}`): state, progress and, when done, its result. */
export type Job = Schemas['Job'];

/** A registration with its assessments and evidence files (`GET /api/registrations/{id}`). */
export type RegistrationDetail = Tighten<Tighten<Answer<'/api/registrations/{id}', 'get'>, 'registration', Registration>, 'assessments', readonly Assessment[]>;
/** The answer of a workflow step. */
export type StepResult = Tighten<Schemas['StepResult'], 'registration', Registration> & { readonly assessment?: Assessment };

const id = (v: string) => ({ params: { path: { id: v } } });

/** The API's endpoints the portal uses. */
export const api = {
  frameworks: () => call(client.GET('/api/frameworks')),
  framework: (plugin: string, frameworkId: string) =>
    // `unknown` first: the schema's any-object `model` and the `Model` interface do not overlap for TypeScript.
    call(client.GET('/api/frameworks/{plugin}/{id}', { params: { path: { plugin, id: frameworkId } } })) as unknown as Promise<FrameworkDetail>,
  publishFramework: (source: string, file?: string) => call(client.POST('/api/frameworks/publish', { body: file ? { source, file } : { source } })),
  publishedFrameworks: () => call(client.GET('/api/frameworks/published')),
  /** Signs in; an account with TOTP answers a challenge for the second step instead of a session. */
  login: async (email: string, password: string): Promise<Session | MfaChallenge> => {
    const s = await call(client.POST('/api/auth/login', { body: { email, password } }));
    if ('user' in s) setCsrfToken(s.csrfToken);
    return s;
  },
  /** The signed-in user, or null when there is no session (401). */
  me: async (): Promise<Session | null> => {
    try {
      const s = await call(client.GET('/api/auth/me'));
      setCsrfToken(s.csrfToken);
      return s;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  },
  /** Every campaign in scope, page after page (200 a page, the API's largest) until the total: no silent cap. */
  campaigns: async () => {
    const items: Campaign[] = [];
    for (;;) {
      const page = await call(client.GET('/api/campaigns', { params: { query: { limit: 200, offset: items.length } } }));
      items.push(...page.items);
      if (page.items.length === 0 || items.length >= page.total) return { items, total: page.total };
    }
  },
  campaign: (campaignId: string) => call(client.GET('/api/campaigns/{id}', id(campaignId))),
  createCampaign: (body: Schemas['CampaignCreate']) => call(client.POST('/api/campaigns', { body })),
  registrations: (campaignId: string, o: { status?: RegistrationStatus | undefined; limit?: number; offset?: number } = {}) =>
    call(client.GET('/api/campaigns/{id}/registrations', { params: { path: { id: campaignId }, query: { status: o.status, limit: o.limit ?? 50, offset: o.offset ?? 0 } } })) as Promise<{
      readonly items: readonly RegistrationListItem[];
      readonly total: number;
    }>,
  bulkRegister: (campaignId: string, file: File, idempotencyKey?: string, onProgress?: (fraction: number) => void) =>
    postTable<BulkResult>(`/api/campaigns/${enc(campaignId)}/registrations/bulk`, file, idempotencyKey, onProgress),
  /** The groups file (Excel with its “Thành viên” sheet, or CSV) and, for CSV, the members file: one multipart upload. */
  bulkRegisterGroups: (campaignId: string, groups: File, members: File | null, idempotencyKey?: string, onProgress?: (fraction: number) => void) => {
    const body = new FormData();
    body.set('groups', groups);
    if (members) body.set('members', members);
    return postWithProgress<GroupsResult>(`/api/campaigns/${enc(campaignId)}/registrations/groups`, body, idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}, onProgress);
  },
  importScores: (campaignId: string, kind: ScoresImportResult['kind'], file: File, idempotencyKey?: string, onProgress?: (fraction: number) => void) =>
    postTable<ScoresImportResult>(`/api/campaigns/${enc(campaignId)}/assessments/bulk?kind=${kind}`, file, idempotencyKey, onProgress),
  registration: (registrationId: string) => call(client.GET('/api/registrations/{id}', id(registrationId))) as Promise<RegistrationDetail>,
  deleteEvidence: (evidenceId: string) => call(client.DELETE('/api/evidence/{id}', id(evidenceId))),
  selfAssess: (registrationId: string, body: AssessmentInput) => call(client.POST('/api/registrations/{id}/self-assessment', { ...id(registrationId), body })) as Promise<StepResult>,
  review: (registrationId: string, body: AssessmentInput) => call(client.POST('/api/registrations/{id}/review', { ...id(registrationId), body })) as Promise<StepResult>,
  step: (registrationId: string, action: 'submit' | 'return' | 'withdraw' | 'appeal' | 'publish', reason?: string) =>
    call(client.POST(`/api/registrations/{id}/${action}`, { ...id(registrationId), body: reason ? { reason } : {} })) as Promise<StepResult>,
  propose: (campaignId: string, registrationIds: readonly string[]) =>
    call(client.POST('/api/campaigns/{id}/proposals', { ...id(campaignId), body: { registrationIds: [...registrationIds] } })) as Promise<{ readonly proposed: readonly Registration[] }>,
  decide: (body: DecisionInput) => call(client.POST('/api/decisions', { body })),
  job: (jobId: string) => call(client.GET('/api/jobs/{id}', id(jobId))),
  /** Queues the recompute of a campaign's latest assessments with its current criteria. */
  recompute: (campaignId: string) => call(client.POST('/api/campaigns/{id}/recompute-jobs', id(campaignId))),
  /** Queues the certificates PDF of a decision; the file is at `downloads.jobFile` when done. */
  certificatesJob: (decisionId: string) => call(client.POST('/api/decisions/{id}/certificates-jobs', id(decisionId))),
  report: (campaignId: string, denominator: Denominator) => call(client.GET('/api/reports/campaigns/{id}', { params: { path: { id: campaignId }, query: { denominator } } })),
  people: (o: { q?: string; limit?: number; offset?: number }) => call(client.GET('/api/people', { params: { query: { q: o.q, limit: o.limit ?? 20, offset: o.offset ?? 0 } } })),
  person: (personId: string) => call(client.GET('/api/people/{id}', id(personId))),
  logout: async (): Promise<void> => {
    await call(client.POST('/api/auth/logout'));
    setCsrfToken(undefined);
  },
};
