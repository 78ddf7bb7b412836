/**
 * Evidence files of a registration (issues 4, 5): uploaded as multipart/form-data (`file`,
 * `indicator`) while the registration can still be self-assessed, with the same permission as the
 * self-assessment; at most 10 MB; the type is detected from the bytes (PDF, JPEG, PNG, WebP,
 * DOCX, XLSX) and anything else refused; stored with its audit entry in one transaction. Anyone who
 * may read the registration (reviewers too) may download a file; it can be removed before the
 * registration is submitted. Self-assessments and reviews reference the files by id.
 */
import { OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import { checkId, deleteEvidence, downloadEvidence, evidenceTooLarge, isAppError, uploadEvidence, withCaller } from '@hoctap/app';
import { MAX_EVIDENCE_BYTES } from '@hoctap/db';
import { bodyLimit } from 'hono/body-limit';
import { callerOf, depsOf, need, type AppEnv, type Ctx } from '../context.js';
import { ApiProblem } from '../problem.js';
import { Problem } from '../schemas.js';
import { contentDisposition } from '../views/files.js';
import { evidenceOut, EvidenceFileSchema } from '../views/registrations.js';
import { IdParam, nfc, security } from './common.js';

/** Room for the multipart envelope around a file of the largest size. */
const ENVELOPE_BYTES = 64 * 1024;

const problems = (codes: number[]) => Object.fromEntries(codes.map((s) => [s, { description: 'Lỗi', content: { 'application/problem+json': { schema: Problem } } }]));

/** Routes of evidence files: the multipart upload read here, the rules in `@hoctap/app`. */
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
        throw evidenceTooLarge();
      },
    }),
  );

  r.post('/api/registrations/:id/evidence', async (c: Ctx) => {
    const a = await need(c, 'registration.write');
    const id = checkId(c.req.param('id') ?? '', 'registration');
    if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? ''))
      throw new ApiProblem(415, 'MULTIPART_REQUIRED', 'Gửi minh chứng dạng multipart/form-data với trường `file` và `indicator`', 'Send evidence as multipart/form-data with the fields `file` and `indicator`');
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch (e) {
      if (e instanceof ApiProblem || isAppError(e)) throw e;
      throw new ApiProblem(400, 'BAD_MULTIPART', 'Nội dung multipart/form-data không đọc được', 'The multipart/form-data body cannot be read');
    }
    const file = form.get('file');
    const indicatorField = form.get('indicator');
    if (!(file instanceof File) || typeof indicatorField !== 'string')
      throw new ApiProblem(400, 'VALIDATION', 'Thiếu tệp (`file`) hoặc mã chỉ số (`indicator`)', 'The fields `file` and `indicator` are required');
    const indicator = nfc.parse(indicatorField);
    if (file.size > MAX_EVIDENCE_BYTES) throw evidenceTooLarge();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    const row = await withCaller(deps, caller, (trx) => uploadEvidence(deps, caller, trx, { registrationId: id, indicator, fileName: file.name, bytes }));
    return c.json(evidenceOut(row), 201);
  });

  r.get('/api/evidence/:id', async (c: Ctx) => {
    const a = await need(c, 'campaign.read');
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    const { file, bytes } = await withCaller(deps, caller, (trx) => downloadEvidence(deps, caller, trx, { id: c.req.param('id') ?? '' }));
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
    const deps = depsOf(c);
    const caller = callerOf(c, a);
    await withCaller(deps, caller, (trx) => deleteEvidence(deps, caller, trx, { id: c.req.param('id') ?? '' }));
    return c.body(null, 204);
  });

  return r;
}
