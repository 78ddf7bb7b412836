/** Background jobs over HTTP: queue a large CSV import (202 + job id), read a job's progress. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { enqueueJob, getJob, type Job } from '@hoctap/db';
import { audit, idOr404, need, readable, runtime, scoped, writable, type AppEnv } from './context.js';
import { ApiProblem } from './problem.js';
import { checkWindow, loadCampaign } from './routes/campaigns.js';
import { IdParam, security, stdProblems } from './routes/common.js';
import { IMPORT_JOB, importRowsOf, type ImportJobPayload } from './jobs.js';

const MAX_JOB_CSV_BYTES = 128_000_000;
const MAX_JOB_CSV_ROWS = 1_000_000;

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
    'Đăng ký hàng loạt từ tệp CSV lớn (đến 1.000.000 dòng) chạy nền: trả về 202 và mã công việc; xử lý theo từng khối, không tạo trùng khi chạy lại (khoá tự nhiên như đăng ký hàng loạt)',
  request: { params: IdParam, body: { content: { 'text/csv': { schema: z.string() } }, required: true } },
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

const notFoundJob = () => new ApiProblem(404, 'JOB_NOT_FOUND', 'Không tìm thấy công việc', 'No such job');

/** Routes of the jobs; `onQueued` wakes the local worker. */
export function jobRoutes(onQueued?: () => void) {
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(importJobRoute, async (c) => {
    const a = await need(c, 'registration.write');
    const rt = runtime(c);
    const id = idOr404(c.req.valid('param').id, 'campaign');
    if (!/^text\/csv\b/i.test(c.req.header('content-type') ?? '')) throw new ApiProblem(415, 'CSV_REQUIRED', 'Nội dung phải là text/csv (UTF-8)', 'The body must be text/csv (UTF-8)');
    if (Number(c.req.header('content-length') ?? 0) > MAX_JOB_CSV_BYTES) throw new ApiProblem(413, 'CSV_TOO_LARGE', 'Tệp CSV quá lớn (tối đa 128 MB)', 'The CSV is too large (128 MB at most)');
    const text = await c.req.text();
    if (Buffer.byteLength(text, 'utf8') > MAX_JOB_CSV_BYTES) throw new ApiProblem(413, 'CSV_TOO_LARGE', 'Tệp CSV quá lớn (tối đa 128 MB)', 'The CSV is too large (128 MB at most)');
    const { header, rows } = importRowsOf(text);
    if (!header.includes('fullName')) throw new ApiProblem(400, 'CSV_HEADER', 'Dòng đầu phải là tên cột và có cột họ tên (fullName hoặc ho_ten)', 'The first row must name the columns, including fullName');
    if (rows.length === 0) throw new ApiProblem(400, 'CSV_EMPTY', 'CSV không có dòng nào', 'The CSV has no rows');
    if (rows.length > MAX_JOB_CSV_ROWS) throw new ApiProblem(413, 'CSV_TOO_MANY_ROWS', `Tối đa ${MAX_JOB_CSV_ROWS} dòng mỗi lần`, `At most ${MAX_JOB_CSV_ROWS} rows at a time`);
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
        csv: text,
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
    const id = c.req.valid('param').id;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw notFoundJob();
    const job = await scoped(c, a.scope, (trx) => getJob(trx, id.toLowerCase()));
    // Province rows: a commune-scoped user sees only the jobs they created.
    if (!job || (a.scope.role === 'commune' && job.created_by !== a.user.id)) throw notFoundJob();
    try {
      readable(a.scope, { province_code: job.province_code, commune_code: null }, 'campaign');
    } catch {
      throw notFoundJob();
    }
    return c.json(jobOut(job), 200);
  });
  return r;
}
