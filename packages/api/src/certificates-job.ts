/**
 * The `documents.certificates` job: renders every valid certificate of a decision into one PDF —
 * the same data and renderer as `GET /api/decisions/{id}/certificates.pdf` — reporting progress
 * (pages drawn) and renewing its lease every chunk of pages, and stores the PDF in `job_files` in
 * the transaction that finishes the job. A PDF is made whole or not at all: a job taken over after
 * a crash renders again from the first page (the stored file is replaced, never duplicated).
 */
import { createHash } from 'node:crypto';
import { decisionCertificates, withCaller, type Caller, type CertificatesJobPayload } from '@hoctap/app';
import { appendAudit, heartbeatJob, putJobFile, type Job } from '@hoctap/db';
import { renderCertificatesPdf } from '@hoctap/documents';
import { finishInScope, heartbeat, LeaseLost, type WorkerContext } from './job-chunks.js';
import { certificatesFileName } from './views/documents.js';

/** The kind of the certificates job. */
export const CERTIFICATES_JOB = 'documents.certificates';

/** The payload of a certificates job (written by `queueCertificatesJob` in `@hoctap/app`). */
export type { CertificatesJobPayload } from '@hoctap/app';

/** The result of a certificates job. */
export interface CertificatesJobResult {
  pages: number;
  fileName: string;
  size: number;
  sha256: string;
}

/** Runs a certificates job: the PDF rendered page by page, stored with the job's last transaction. */
export async function runCertificates(w: WorkerContext, job: Job): Promise<'done' | 'stopped'> {
  if (!w.registry) throw new Error('certificates need the registry');
  const registry = w.registry;
  const p = job.payload as unknown as CertificatesJobPayload;
  // The job acts for the account that queued it, within the scope it had then.
  const caller: Caller = { userId: p.actorId, roles: [], scope: p.scope };
  const { decision, certs } = await withCaller(w, caller, (trx) => decisionCertificates({ registry, cipher: w.cipher, models: w.models, publicUrl: w.publicUrl }, caller, trx, { id: p.decisionId }));
  const fileName = certificatesFileName(decision);
  if (certs.length === 0) throw new Error('Quyết định không có giấy công nhận nào còn hiệu lực');
  let stopped = false;
  const pdf = await renderCertificatesPdf(certs, {
    onPage: async (done) => {
      if (w.isStopping()) {
        stopped = true;
        throw new Error('stopping');
      }
      if (done % w.chunkRows === 0 && done < certs.length) await heartbeat(w, job, p.scope, done);
    },
  }).catch((e) => {
    if (stopped) return undefined;
    throw e;
  });
  if (!pdf) return 'stopped';
  const result: CertificatesJobResult = { pages: certs.length, fileName, size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') };
  await finishInScope(w, job, p.scope, result as unknown as Record<string, unknown>, async (trx) => {
    await putJobFile(trx, { jobId: job.id, province: job.province_code, fileName, mediaType: 'application/pdf', content: pdf });
    if (!(await heartbeatJob(trx, job.id, w.workerId, w.leaseMs, certs.length))) throw new LeaseLost();
    await appendAudit(trx, { province: job.province_code, action: 'decision.certificates-job.done', actorId: p.actorId, subject: { kind: 'decision', id: p.decisionId }, payload: { job: job.id, pages: certs.length, sha256: result.sha256 }, at: w.now() });
  });
  return 'done';
}
