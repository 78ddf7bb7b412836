/**
 * Background jobs over HTTP: queue a large CSV import, a campaign's recompute or a decision's
 * certificates (202 + job id), read a job's progress, download the file a job made.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { checkId, jobFile, queueCertificatesJob, queueImportJob, queueRecomputeJob, readJob } from '@hoctap/app';
import type { Job } from '@hoctap/db';
import { callerOf, depsOf, need, scoped, type AppEnv, type Ctx } from './context.js';
import { CERTIFICATES_JOB } from './certificates-job.js';
import { RECOMPUTE_JOB } from './recompute-job.js';
import { ApiProblem } from './problem.js';
import { IdParam, security, stdProblems } from './routes/common.js';
import { IMPORT_JOB } from './jobs.js';
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

/** A job as the API answers it. */
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

/** Sends a job's file as a download, never cached, never sniffed. */
function sendFile(c: Ctx, bytes: Uint8Array, type: string, name: string) {
  return c.body(new Uint8Array(bytes), 200, {
    'content-type': type,
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
}

/** Routes of the jobs; `onQueued` wakes the local worker. */
export function jobRoutes(onQueued?: () => void) {
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(importJobRoute, async (c) => {
    const a = await need(c, 'registration.write');
    const campaignId = checkId(c.req.valid('param').id, 'campaign');
    const table = await readTable(c, { maxBytes: MAX_JOB_CSV_BYTES, maxXlsxBytes: MAX_JOB_XLSX_BYTES, maxRows: MAX_JOB_CSV_ROWS });
    const rows = table.rows;
    if (!peopleHeader(table.header).includes('fullName'))
      throw new ApiProblem(400, 'CSV_HEADER', 'Dòng đầu phải là tên cột và có cột họ tên (fullName, ho_ten hoặc “Họ và tên”)', 'The first row must name the columns, including fullName');
    if (rows.length === 0) throw new ApiProblem(400, 'CSV_EMPTY', 'Tệp không có dòng dữ liệu nào', 'The file has no data rows');
    const source = table.text !== undefined ? { csv: table.text } : { table: { header: table.header, rows } };
    const job = await scoped(c, a.scope, (trx) => queueImportJob(depsOf(c), callerOf(c, a), trx, { kind: IMPORT_JOB, campaignId, rows: rows.length, source }));
    onQueued?.();
    c.header('location', `/api/jobs/${job.id}`);
    return c.json(jobOut(job), 202);
  });

  r.openapi(getJobRoute, async (c) => {
    const a = await need(c, 'campaign.read');
    const job = await scoped(c, a.scope, (trx) => readJob(depsOf(c), callerOf(c, a), trx, c.req.valid('param')));
    return c.json(jobOut(job), 200);
  });

  r.openapi(recomputeJobRoute, async (c) => {
    const a = await need(c, 'campaign.write');
    const job = await scoped(c, a.scope, (trx) => queueRecomputeJob(depsOf(c), callerOf(c, a), trx, { kind: RECOMPUTE_JOB, campaignId: c.req.valid('param').id }));
    onQueued?.();
    c.header('location', `/api/jobs/${job.id}`);
    return c.json(jobOut(job), 202);
  });

  r.openapi(certificatesJobRoute, async (c) => {
    const a = await need(c, 'campaign.read');
    const job = await scoped(c, a.scope, (trx) => queueCertificatesJob(depsOf(c), callerOf(c, a), trx, { kind: CERTIFICATES_JOB, decisionId: c.req.valid('param').id }));
    onQueued?.();
    c.header('location', `/api/jobs/${job.id}`);
    return c.json(jobOut(job), 202);
  });

  r.openapi(jobFileRoute, async (c) => {
    const a = await need(c, 'campaign.read');
    const file = await scoped(c, a.scope, (trx) => jobFile(depsOf(c), callerOf(c, a), trx, c.req.valid('param')));
    return sendFile(c, file.content, file.media_type, file.file_name) as never;
  });
  return r;
}
