/**
 * What every kind of job shares: the worker's context, and the loop that runs a job in chunks —
 * each chunk one scoped transaction carrying its work, the job's progress and state, and the
 * renewal of the lease (a worker that lost its lease commits nothing) — then finishes it.
 */
import type { Registry } from '@hoctap/core';
import { finishJob, heartbeatJob, withScope, type CitizenIdCipher, type Database, type Job, type Scope } from '@hoctap/db';
import type { Kysely, Transaction } from 'kysely';
import type { Model } from '@hoctap/core';

/** The lease was taken over by another worker: roll back and drop the job. */
export class LeaseLost extends Error {}

/** What a job runner gets from the worker. */
export interface WorkerContext {
  db: Kysely<Database>;
  workerId: string;
  leaseMs: number;
  /** Units per chunk (rows of an import, registrations of a recompute, pages between progress reports). */
  chunkRows: number;
  now: () => Date;
  cipher: CitizenIdCipher;
  /** The registered frameworks (recompute, certificates). */
  registry?: Registry;
  /** The public origin printed in certificates' QR codes. */
  publicUrl: string;
  /** Models compiled from framework rows, by framework id (as the app's runtime keeps them). */
  models: Map<string, { model: Model; ref: string }>;
  isStopping: () => boolean;
  onProgress?: ((job: Job, done: number) => void) | undefined;
}

/** One chunk's outcome: units done so far, the job's state (stored as its result), whether more remains. */
export interface ChunkOutcome<S> {
  done: number;
  state: S;
  more: boolean;
}

/**
 * Runs `step` chunk after chunk from `start` (the job's stored progress and state) while it reports
 * more work, each in its own transaction scoped to `scope` together with the progress and lease
 * heartbeat; stops between chunks when the worker is stopping. Idempotent on resume: a chunk's work
 * and its progress commit together.
 */
export async function runInChunks<S>(w: WorkerContext, job: Job, scope: Scope, start: ChunkOutcome<S>, step: (trx: Transaction<Database>, at: { done: number; state: S }) => Promise<ChunkOutcome<S>>): Promise<ChunkOutcome<S> & { stopped: boolean }> {
  let at = start;
  while (at.more) {
    if (w.isStopping()) return { ...at, stopped: true };
    const prev = at;
    at = await withScope(w.db, scope, async (trx) => {
      const next = await step(trx, { done: prev.done, state: prev.state });
      if (!(await heartbeatJob(trx, job.id, w.workerId, w.leaseMs, next.done, next.state as unknown as Record<string, unknown>))) throw new LeaseLost();
      return next;
    });
    w.onProgress?.(job, at.done);
    // Let requests waiting for the database in (the embedded database has one connection: without
    // this, a progress poll would wait for the whole job).
    await new Promise((r) => setImmediate(r));
  }
  return { ...at, stopped: false };
}

/** Renews the lease and records progress outside a chunk (long work that commits nothing until its end). */
export async function heartbeat(w: WorkerContext, job: Job, scope: Scope, done: number): Promise<void> {
  const ok = await withScope(w.db, scope, (trx) => heartbeatJob(trx, job.id, w.workerId, w.leaseMs, done));
  if (!ok) throw new LeaseLost();
  w.onProgress?.(job, done);
  await new Promise((r) => setImmediate(r));
}

/** The job's last transaction: `last` (its audit entry, its file) and the job marked done with `result`. */
export async function finishInScope(w: WorkerContext, job: Job, scope: Scope, result: Record<string, unknown>, last: (trx: Transaction<Database>) => Promise<void>): Promise<void> {
  await withScope(w.db, scope, async (trx) => {
    await last(trx);
    if (!(await finishJob(trx, job.id, w.workerId, { result }))) throw new LeaseLost();
  });
}
