/**
 * Background jobs over HTTP: queue a large CSV import, a campaign's recompute or a decision's
 * certificates (202 + job id), read a job's progress, download the file a job made.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { credentialsOfDecision, enqueueJob, getDecision, getJob, getJobFile, type Job, type Scope } from '@hoctap/db';
import { audit, idOr404, need, readable, runtime, scoped, writable, type AppEnv, type Auth, type Ctx } from './context.js';
import { CERTIFICATES_JOB, type CertificatesJobPayload } from './certificates-job.js';
import { RECOMPUTE_JOB, type RecomputeJobPayload } from './recompute-job.js';
import { noCertificates, send } from './routes/documents.js';
import { ApiProblem } from './problem.js';
import { checkWindow, loadCampaign } from '@hoctap/app';
import { IdParam, security, stdProblems } from './routes/common.js';
import { IMPORT_JOB, type ImportJobPayload } from './jobs.js';
import { peopleHeader, readTable, XLSX_TYPE } from './imports.js';

const MAX_JOB_CSV_BYTES = 128_000_000;
const MAX_JOB_CSV_ROWS = 1_000_000;
/** A workbook is read whole in memory: a smaller limit than CSV. */
const MAX_JOB_XLSX_BYTES = 20_000_000;

export const JobSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.object({ done: z.number().int(), total: z.number().int().nullable(), percent: z.number() }),
    attempts: z.number().int(),
    result: z.record(z.string(), z.unknown()).nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Job');

export function jobOut(j: Job): z.infer<typeof JobSchema> {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    progress: { done: j.done, total: j.total, percent: j.total ? Math.round((j.done * 10000) / j.total) / 100 : j.status === 'done' ? 100 : 0 },
    attempts: j.attempts,
    result: j.result,
    error: j.error,
    createdAt: new Date(j.created_at).toISOString(),
    updatedAt: new Date(j.updated_at).toISOString(),
    finishedAt: j.finished_at ? new Date(j.finished_at).toISOString() : null,
  };
}

const importJobRoute = createRoute({
  method: 'post',
  path: '/api/campaigns/{id}/registrations/import-jobs',
  tags: ['Đợt đánh giá'],
  security,
  summary:
    'Đăng ký hàng loạt từ tệp CSV lớn (đến 1.000.000 dòng) hoặc Excel .xlsx (đến 20 MB) chạy nền: trả về 202 và mã công việc; xử lý theo từng khối, không tạo trùng khi chạy lại (khoá tự nhiên như đăng ký hàng loạt)',
  request: { params: IdParam, body: { content: { 'text/csv': { schema: z.string() }, [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } }, required: true } },
  responses: { 202: { content: { 'application/json': { schema: JobSchema } }, description: 'Đã xếp hàng' }, ...stdProblems },
});
const getJobRoute = createRoute({
  method: 'get',
  path: '/api/jobs/{id}',
  tags: ['Công việc nền'],
  security,
  summary: 'Tiến độ và kết quả một công việc nền',
  request: { params: IdParam },
  responses: { 200: { content: { 'application/json': { schema: JobSchema } }, description: 'Công việc' }, ...stdProblems },
});

const recomputeJobRoute = createRoute({
  method: 'post',
  path: '/api/campaigns/{id}/recompute-jobs',
  tags: ['Đợt đánh giá'],
  security,
  summary:
    'Tính lại chạy nền sau khi đổi tiêu chí: chấm lại lần chấm mới nhất mỗi loại của mọi hồ sơ bằng bộ tiêu chí hiện tại của đợt, lưu thành lần chấm mới (ghi chú “tính lại”), không sửa lịch sử; trả về 202 và mã công việc',
  request: { params: IdParam },
  responses: { 202: { content: { 'application/json': { schema: JobSchema } }, description: 'Đã xếp hàng' }, ...stdProblems },
});
const certificatesJobRoute = createRoute({
  method: 'post',
  path: '/api/decisions/{id}/certificates-jobs',
  tags: ['Tài liệu'],
  security,
  summary: 'Tạo tệp PDF mọi giấy công nhận của quyết định chạy nền (như `certificates.pdf`); tải về ở `GET /api/jobs/{id}/file` khi xong',
  request: { params: IdParam },
  responses: { 202: { content: { 'application/json': { schema: JobSchema } }, description: 'Đã xếp hàng' }, ...stdProblems },
});
const jobFileRoute = createRoute({
  method: 'get',
  path: '/api/jobs/{id}/file',
  tags: ['Công việc nền'],
  security,
  summary: 'Tệp do công việc nền tạo ra (ví dụ PDF giấy công nhận); 404 khi công việc chưa xong',
  request: { params: IdParam },
  responses: { 200: { content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'Tệp' }, ...stdProblems },
});

const notFoundJob = () => new ApiProblem(404, 'JOB_NOT_FOUND', 'Không tìm thấy công việc', 'No such job');

/** A job the caller may read (its province; a commune-scoped user only the jobs they created), else 404. */
async function visibleJob(c: Ctx, a: Auth & { scope: Scope }, rawId: string): Promise<Job> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(rawId)) throw notFoundJob();
  const job = await scoped(c, a.scope, (trx) => getJob(trx, rawId.toLowerCase()));
  // Province rows: a commune-scoped user sees only the jobs they created.
  if (!job || (a.scope.role === 'commune' && job.created_by !== a.user.id)) throw notFoundJob();
  try {
    readable(a.scope, { province_code: job.province_code, commune_code: null }, 'campaign');
  } catch {
    throw notFoundJob();
  }
  return job;
}

/** Routes of the jobs; `onQueued` wakes the local worker. */
export function jobRoutes(onQueued?: () => void) {
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(importJobRoute, async (c) => {
    const a = await need(c, 'registration.write');
    const rt = runtime(c);
    const id = idOr404(c.req.valid('param').id, 'campaign');
    const table = await readTable(c, { maxBytes: MAX_JOB_CSV_BYTES, maxXlsxBytes: MAX_JOB_XLSX_BYTES, maxRows: MAX_JOB_CSV_ROWS });
    const rows = table.rows;
    if (!peopleHeader(table.header).includes('fullName'))
      throw new ApiProblem(400, 'CSV_HEADER', 'Dòng đầu phải là tên cột và có cột họ tên (fullName, ho_ten hoặc “Họ và tên”)', 'The first row must name the columns, including fullName');
    if (rows.length === 0) throw new ApiProblem(400, 'CSV_EMPTY', 'Tệp không có dòng dữ liệu nào', 'The file has no data rows');
    const text = table.text;
    const job = await scoped(c, a.scope, async (trx) => {
      const { campaign } = await loadCampaign(trx, a.scope, id);
      writable(a.scope, { province_code: campaign.province_code, commune_code: campaign.commune_code ?? (a.scope.role === 'commune' ? a.scope.communes[0]! : null) }, 'campaign');
      const { late } = checkWindow(campaign, 'registration', rt.now());
      const payload: ImportJobPayload = {
        campaignId: campaign.id,
        campaignCommune: campaign.commune_code,
        scope: a.scope,
        actorId: a.user.id,
        late,
        defaultCommune: campaign.commune_code ?? (a.scope.role === 'commune' && a.scope.communes.length === 1 ? a.scope.communes[0]! : null),
        communeRequired: campaign.commune_code !== null || a.scope.role === 'commune',
        ...(text !== undefined ? { csv: text } : { table: { header: table.header, rows } }),
      };
      const j = await enqueueJob(trx, { kind: IMPORT_JOB, province: campaign.province_code, payload: payload as unknown as Record<string, unknown>, total: rows.length, createdBy: a.user.id });
      await audit(trx, c, { province: campaign.province_code, action: 'registration.import-job', subject: { kind: 'campaign', id: campaign.id }, payload: { job: j.id, rows: rows.length } });
      return j;
    });
    onQueued?.();
    c.header('location', `/api/jobs/${job.id}`);
    return c.json(jobOut(job), 202);
  });

  r.openapi(getJobRoute, async (c) => {
    const a = await need(c, 'campaign.read');
    const job = await visibleJob(c, a, c.req.valid('param').id);
    return c.json(jobOut(job), 200);
  });

  r.openapi(recomputeJobRoute, async (c) => {
    const a = await need(c, 'campaign.write');
    const id = idOr404(c.req.valid('param').id, 'campaign');
    const job = await scoped(c, a.scope, async (trx) => {
      const { campaign } = await loadCampaign(trx, a.scope, id);
      writable(a.scope, campaign, 'campaign');
      // The registrations as they are now: the job goes as far as the last one (in id order).
      const last = await trx.selectFrom('registrations').select('id').where('campaign_id', '=', campaign.id).orderBy('id', 'desc').limit(1).executeTakeFirst();
      const { n } = await trx.selectFrom('registrations').select((eb) => eb.fn.countAll<string>().as('n')).where('campaign_id', '=', campaign.id).executeTakeFirstOrThrow();
      const payload: RecomputeJobPayload = { campaignId: campaign.id, scope: a.scope, actorId: a.user.id, lastRegistration: last?.id ?? null };
      const j = await enqueueJob(trx, { kind: RECOMPUTE_JOB, province: campaign.province_code, payload: payload as unknown as Record<string, unknown>, total: Number(n), createdBy: a.user.id });
      await audit(trx, c, { province: campaign.province_code, action: 'campaign.recompute-job', subject: { kind: 'campaign', id: campaign.id }, payload: { job: j.id, registrations: Number(n), framework: campaign.framework_id } });
      return j;
    });
    onQueued?.();
    c.header('location', `/api/jobs/${job.id}`);
    return c.json(jobOut(job), 202);
  });

  r.openapi(certificatesJobRoute, async (c) => {
    const a = await need(c, 'campaign.read');
    const id = idOr404(c.req.valid('param').id, 'decision');
    const job = await scoped(c, a.scope, async (trx) => {
      const decision = readable(a.scope, await getDecision(trx, id), 'decision');
      const valid = (await credentialsOfDecision(trx, decision.id)).filter((x) => !x.revoked_at).length;
      if (valid === 0) throw noCertificates();
      const payload: CertificatesJobPayload = { decisionId: decision.id, scope: a.scope, actorId: a.user.id };
      const j = await enqueueJob(trx, { kind: CERTIFICATES_JOB, province: decision.province_code, payload: payload as unknown as Record<string, unknown>, total: valid, createdBy: a.user.id });
      await audit(trx, c, { province: decision.province_code, action: 'decision.certificates-job', subject: { kind: 'decision', id: decision.id }, payload: { job: j.id, certificates: valid } });
      return j;
    });
    onQueued?.();
    c.header('location', `/api/jobs/${job.id}`);
    return c.json(jobOut(job), 202);
  });

  r.openapi(jobFileRoute, async (c) => {
    const a = await need(c, 'campaign.read');
    const job = await visibleJob(c, a, c.req.valid('param').id);
    const file = job.status === 'done' ? await scoped(c, a.scope, (trx) => getJobFile(trx, job.id)) : undefined;
    if (!file) throw new ApiProblem(404, 'JOB_FILE_NOT_FOUND', 'Công việc chưa có tệp (chưa xong hoặc không tạo tệp)', 'The job has no file (not done, or it makes none)');
    return send(c, file.content, file.media_type, file.file_name) as never;
  });
  return r;
}
