/**
 * The `campaign.recompute` job: after a criteria change, `recomputeChunk` of `@hoctap/app` scores the
 * latest assessments of a campaign's registrations again and stores the new results as new
 * assessments, a chunk per transaction with its progress and the cursor (the last registration
 * id), so a resumed job neither skips nor repeats one.
 */
import { recomputeChunk, type Caller, type RecomputeState } from '@hoctap/app';
import { appendAudit, type Job, type Scope } from '@hoctap/db';
import { finishInScope, runInChunks, type WorkerContext } from './job-chunks.js';

/** The kind of the recompute job. */
export const RECOMPUTE_JOB = 'campaign.recompute';

export { RECOMPUTE_NOTE } from '@hoctap/app';

/** The payload of a recompute job (written by the route). */
export interface RecomputeJobPayload {
  campaignId: string;
  /** The creator's scope when the job was queued; every chunk runs in it (RLS applies). */
  scope: Scope;
  actorId: string;
  /** The largest registration id when queued: registrations made later are not part of the job. */
  lastRegistration: string | null;
}

/** The result a recompute job accumulates (stored in `jobs.result` with every chunk): `recomputeChunk`'s state. */
export type RecomputeJobResult = RecomputeState;

/** Runs a recompute job chunk by chunk (each `recomputeChunk` of `@hoctap/app` in its own transaction), then finishes it. */
export async function runRecompute(w: WorkerContext, job: Job): Promise<'done' | 'stopped'> {
  if (!w.registry) throw new Error('recompute needs the registry');
  const deps = { registry: w.registry, models: w.models, now: w.now };
  const p = job.payload as unknown as RecomputeJobPayload;
  const caller: Caller = { userId: p.actorId, roles: [], scope: p.scope };
  const initial: RecomputeJobResult = { recomputed: 0, changed: 0, changedIds: [], failed: 0, failures: [], cursor: null, ...((job.result ?? {}) as Partial<RecomputeJobResult>) };
  const run = await runInChunks(w, job, p.scope, { done: job.done, state: initial, more: p.lastRegistration !== null && initial.cursor !== p.lastRegistration }, async (trx, { done, state }) => {
    const next = await recomputeChunk(deps, caller, trx, { campaignId: p.campaignId, lastRegistration: p.lastRegistration!, limit: w.chunkRows, jobId: job.id, state });
    return { done: done + next.count, state: next.state, more: next.more };
  });
  if (run.stopped) return 'stopped';
  const result = { ...run.state, cursor: p.lastRegistration };
  await finishInScope(w, job, p.scope, result as unknown as Record<string, unknown>, async (trx) => {
    await appendAudit(trx, { province: job.province_code, action: 'campaign.recompute-job.done', actorId: p.actorId, subject: { kind: 'campaign', id: p.campaignId }, payload: { job: job.id, recomputed: result.recomputed, changed: result.changed, failed: result.failed }, at: w.now() });
  });
  return 'done';
}
