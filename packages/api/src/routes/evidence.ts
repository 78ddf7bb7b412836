/**
 * Evidence files of a registration (issues 4, 5): uploaded as multipart/form-data (`file`,
 * `indicator`) while the registration can still be self-assessed, with the same permission as the
 * self-assessment; at most 10 MB; the type is detected from the bytes (PDF, JPEG, PNG, WebP,
 * DOCX, XLSX) and anything else refused; stored with its audit entry in one transaction. Anyone who
 * may read the registration (reviewers too) may download a file; it can be removed before the
 * registration is submitted. Self-assessments and reviews reference the files by id.
 */
import { OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import {
  assessmentsOf,
  deleteEvidenceFile,
  EVIDENCE_TYPES,
  evidenceFilesOf,
  getEvidenceFile,
  getRegistration,
  insertEvidenceFile,
  MAX_EVIDENCE_BYTES,
  readEvidenceContent,
  sniffEvidenceType,
  type Database,
  type EvidenceFileRow,
  type Registration,
} from '@hoctap/db';
import type { Kysely } from 'kysely';
import { bodyLimit } from 'hono/body-limit';
import { audit, idOr404, modelOf, need, readable, runtime, scoped, writable, type AppEnv, type Ctx } from '../context.js';
import { ApiProblem } from '../problem.js';
import { Problem } from '../schemas.js';
import { transition, STATE_NAMES_VI, type State } from '../workflow.js';
import { loadCampaign } from './campaigns.js';
import { IdParam, nfc, security } from './common.js';
import { fileName } from './documents.js';

/** Room for the multipart envelope around a file of the largest size. */
const ENVELOPE_BYTES = 64 * 1024;
/** Files per registration. */
const MAX_FILES = 200;

const tooLarge = () => new ApiProblem(413, 'EVIDENCE_TOO_LARGE', 'Tệp minh chứng quá lớn: tối đa 10 MB mỗi tệp', 'The evidence file is too large: 10 MB per file at most', { limit: MAX_EVIDENCE_BYTES });

export const EvidenceFileSchema = z
  .object({
    id: z.string(),
    registrationId: z.string(),
    indicator: z.string(),
    name: z.string().openapi({ description: 'Tên tệp (NFC, đã làm sạch)' }),
    mediaType: z.string().openapi({ description: 'Kiểu nhận ra từ nội dung tệp' }),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string().nullable(),
    uploadedAt: z.string(),
    url: z.string().openapi({ description: 'Đường dẫn tải về' }),
  })
  .openapi('EvidenceFile');

export function evidenceOut(f: EvidenceFileRow): z.infer<typeof EvidenceFileSchema> {
  return {
    id: f.id,
    registrationId: f.registration_id,
    indicator: f.indicator,
    name: f.file_name,
    mediaType: f.media_type,
    size: f.size,
    sha256: f.sha256,
    uploadedBy: f.uploaded_by,
    uploadedAt: new Date(f.created_at).toISOString(),
    url: `/api/evidence/${f.id}`,
  };
}

/** 409 unless files may still change: the registration can still be self-assessed (before submission, or returned). */
function assertOpen(reg: Registration): void {
  if (transition('self-assess', reg.status)) return;
  throw new ApiProblem(
    409,
    'EVIDENCE_CLOSED',
    `Hồ sơ ${STATE_NAMES_VI[reg.status as State] ?? reg.status}: chỉ thêm hoặc gỡ minh chứng khi hồ sơ còn tự đánh giá được`,
    `The registration is ${reg.status}: evidence can only change while it can still be self-assessed`,
    { state: reg.status },
  );
}

/**
 * 409 when the registration's files are not those its latest self-assessment rests on (a file was
 * added or removed since): the self-assessment must be saved again before it is submitted.
 */
export async function assertEvidenceAsAssessed(trx: Kysely<Database>, reg: Registration): Promise<void> {
  const self = (await assessmentsOf(trx, reg.id)).filter((x) => x.kind === 'self').at(-1);
  if (!self) return;
  const assessed = new Set((self.evidence ?? []).flatMap((e) => (e.id ? [e.id] : [])));
  const current = new Set((await evidenceFilesOf(trx, reg.id)).map((f) => f.id));
  if (assessed.size === current.size && [...current].every((x) => assessed.has(x))) return;
  throw new ApiProblem(
    409,
    'EVIDENCE_CHANGED',
    'Tệp minh chứng đã thay đổi sau lần tự đánh giá: hãy lưu lại phần tự đánh giá rồi nộp hồ sơ',
    'The evidence files changed after the self-assessment: save the self-assessment again, then submit',
  );
}

/** `filename*` of RFC 6266 / RFC 5987: UTF-8, percent-encoded. */
export function contentDisposition(name: string): string {
  const ascii = fileName(name);
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const problems = (codes: number[]) => Object.fromEntries(codes.map((s) => [s, { description: 'Lỗi', content: { 'application/problem+json': { schema: Problem } } }]));

export function evidenceRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  const tags = ['Minh chứng'];
  r.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/registrations/{id}/evidence',
    tags,
    security,
    summary: 'Tải lên một tệp minh chứng cho một chỉ số (PDF, JPEG, PNG, WebP, DOCX, XLSX; tối đa 10 MB)',
    request: {
      params: IdParam,
      body: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: z.object({ file: z.string().openapi({ format: 'binary' }), indicator: z.string().openapi({ example: '1.1' }) }),
          },
        },
      },
    },
    responses: { 201: { description: 'Đã lưu', content: { 'application/json': { schema: EvidenceFileSchema } } }, ...problems([400, 401, 403, 404, 409, 413, 415, 422]) },
  } as RouteConfig);
  r.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/evidence/{id}',
    tags,
    security,
    summary: 'Tải về một tệp minh chứng',
    request: { params: IdParam },
    responses: { 200: { description: 'Nội dung tệp, kiểu đã nhận ra khi tải lên', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } }, ...problems([401, 403, 404]) },
  } as RouteConfig);
  r.openAPIRegistry.registerPath({
    method: 'delete',
    path: '/api/evidence/{id}',
    tags,
    security,
    summary: 'Gỡ một tệp minh chứng (trước khi nộp hồ sơ)',
    request: { params: IdParam },
    responses: { 204: { description: 'Đã gỡ' }, ...problems([401, 403, 404, 409]) },
  } as RouteConfig);

  r.use(
    '/api/registrations/:id/evidence',
    bodyLimit({
      maxSize: MAX_EVIDENCE_BYTES + ENVELOPE_BYTES,
      onError: () => {
        throw tooLarge();
      },
    }),
  );

  r.post('/api/registrations/:id/evidence', async (c: Ctx) => {
    const a = await need(c, 'registration.write');
    const rt = runtime(c);
    const id = idOr404(c.req.param('id') ?? '', 'registration');
    if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? ''))
      throw new ApiProblem(415, 'MULTIPART_REQUIRED', 'Gửi minh chứng dạng multipart/form-data với trường `file` và `indicator`', 'Send evidence as multipart/form-data with the fields `file` and `indicator`');
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch (e) {
      if (e instanceof ApiProblem) throw e;
      throw new ApiProblem(400, 'BAD_MULTIPART', 'Nội dung multipart/form-data không đọc được', 'The multipart/form-data body cannot be read');
    }
    const file = form.get('file');
    const indicatorField = form.get('indicator');
    if (!(file instanceof File) || typeof indicatorField !== 'string')
      throw new ApiProblem(400, 'VALIDATION', 'Thiếu tệp (`file`) hoặc mã chỉ số (`indicator`)', 'The fields `file` and `indicator` are required');
    const indicator = nfc.parse(indicatorField);
    if (file.size > MAX_EVIDENCE_BYTES) throw tooLarge();
    if (file.size === 0) throw new ApiProblem(400, 'EVIDENCE_EMPTY', 'Tệp minh chứng rỗng', 'The evidence file is empty');
    const bytes = new Uint8Array(await file.arrayBuffer());

    const out = await scoped(c, a.scope, async (trx) => {
      const reg = writable(a.scope, await getRegistration(trx, id, { forUpdate: true }), 'registration');
      assertOpen(reg);
      const { framework } = await loadCampaign(trx, a.scope, reg.campaign_id);
      const { model } = modelOf(rt, c.get('deps').registry, framework);
      if (!model.indicators.some((i) => i.id === indicator))
        throw new ApiProblem(422, 'UNKNOWN_INDICATOR', `Bộ tiêu chí của đợt không có chỉ số ${indicator.slice(0, 50)}`, `The campaign's framework has no indicator ${indicator.slice(0, 50)}`);
      const mediaType = sniffEvidenceType(bytes);
      if (!mediaType)
        throw new ApiProblem(
          415,
          'EVIDENCE_TYPE',
          'Nội dung tệp không phải PDF, ảnh JPEG, PNG, WebP hay tệp Word, Excel (.docx, .xlsx): không nhận',
          'The file’s content is not PDF, JPEG, PNG, WebP, Word or Excel (.docx, .xlsx): refused',
          { accepted: Object.keys(EVIDENCE_TYPES) },
        );
      if ((await evidenceFilesOf(trx, reg.id)).length >= MAX_FILES)
        throw new ApiProblem(409, 'EVIDENCE_LIMIT', `Mỗi hồ sơ có tối đa ${MAX_FILES} tệp minh chứng`, `A registration has at most ${MAX_FILES} evidence files`);
      const row = await insertEvidenceFile(trx, {
        province: reg.province_code,
        commune: reg.commune_code,
        registrationId: reg.id,
        indicator,
        fileName: file.name,
        mediaType,
        bytes,
        uploadedBy: a.user.id,
        at: rt.now(),
      });
      await audit(trx, c, {
        province: reg.province_code,
        action: 'evidence.upload',
        subject: { kind: 'registration', id: reg.id },
        payload: { evidence: row.id, indicator, mediaType, size: row.size, sha256: row.sha256 },
      });
      return evidenceOut(row);
    });
    return c.json(out, 201);
  });

  r.get('/api/evidence/:id', async (c: Ctx) => {
    const a = await need(c, 'campaign.read');
    const id = idOr404(c.req.param('id') ?? '', 'evidence');
    const { file, bytes } = await scoped(c, a.scope, async (trx) => {
      const f = readable(a.scope, await getEvidenceFile(trx, id), 'evidence');
      // Who opened which evidence file, and when (it may hold personal data): audited like a write.
      await audit(trx, c, { province: f.province_code, action: 'evidence.download', subject: { kind: 'evidence', id: f.id }, payload: { registration: f.registration_id } });
      return { file: f, bytes: await readEvidenceContent(trx, f) };
    });
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': file.media_type,
      'content-length': String(bytes.byteLength),
      'content-disposition': contentDisposition(file.file_name),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'content-security-policy': "default-src 'none'; sandbox",
    });
  });

  r.delete('/api/evidence/:id', async (c: Ctx) => {
    const a = await need(c, 'registration.write');
    const id = idOr404(c.req.param('id') ?? '', 'evidence');
    await scoped(c, a.scope, async (trx) => {
      const f = writable(a.scope, await getEvidenceFile(trx, id), 'evidence');
      const reg = writable(a.scope, await getRegistration(trx, f.registration_id, { forUpdate: true }), 'registration');
      assertOpen(reg);
      await deleteEvidenceFile(trx, f);
      await audit(trx, c, {
        province: reg.province_code,
        action: 'evidence.delete',
        subject: { kind: 'registration', id: reg.id },
        payload: { evidence: f.id, indicator: f.indicator, sha256: f.sha256 },
      });
    });
    return c.body(null, 204);
  });

  return r;
}
