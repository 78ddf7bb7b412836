/**
 * The job worker: claims durable jobs from the database (`FOR UPDATE SKIP LOCKED`, shared by every
 * server process), runs them in idempotent chunks, records progress and renews its lease in each
 * chunk's transaction, and takes over jobs whose worker died (lease expired).
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Registry } from '@hoctap/core';
import { importInputContext, importRegistrationsChunk, type Caller, type ImportSource, type PersonRecord } from '@hoctap/app';
import { appendAudit, claimJob, communeProvinces, createCitizenIdCipher, finishJob, releaseJob, type CitizenIdCipher, type Database, type Job, type Scope } from '@hoctap/db';
import type { Kysely } from 'kysely';
import { CERTIFICATES_JOB, runCertificates } from './certificates-job.js';
import { finishInScope, LeaseLost, runInChunks, type WorkerContext } from './job-chunks.js';
import { RECOMPUTE_JOB, runRecompute } from './recompute-job.js';
import { CellError, parseCsv, peopleHeader, personRecordOf, rowError, type RowError } from './imports.js';

/** The kind of the bulk-import job. */
export const IMPORT_JOB = 'registration.import';

/** The payload of an import job (written by the route, read by the worker). */
export interface ImportJobPayload {
  campaignId: string;
  campaignCommune: string | null;
  /** The caller's scope when the job was created; every chunk runs in it (RLS applies). */
  scope: Scope;
  actorId: string;
  late: boolean;
  /** The commune used when a row has none (campaign's, or the officer's only commune). */
  defaultCommune: string | null;
  /** Whether a row must name a commune (commune officers, commune campaigns). */
  communeRequired: boolean;
  /** The sheet (`ImportSource`: the CSV text, or the rows read from a workbook), encrypted (`CitizenIdCipher.seal`); gone once the job ends. */
  sealed: string;
}

/** Options of {@link startJobWorker}. */
export interface JobWorkerOptions {
  db: Kysely<Database>;
  dataKey: string | Uint8Array;
  /** A name unique to this process (default host:pid:random). */
  workerId?: string;
  /** The lease a claim takes and each chunk renews (default 30 s). A dead worker's job is taken over after it. */
  leaseMs?: number;
  /** How often an idle worker looks for work (default 500 ms). */
  pollMs?: number;
  /** Units per chunk — import rows, recomputed registrations (one transaction, one audit entry), certificate pages between progress reports; default 1000. */
  chunkRows?: number;
  /** The registered frameworks: with it the worker also runs the recompute and certificates jobs. */
  registry?: Registry;
  /** The public origin printed in certificates' QR codes (as the app's `publicUrl`; default `http://localhost:3000`). */
  publicUrl?: string;
  now?: () => Date;
  logError?: (e: unknown, where: string) => void;
  /** Called after each committed chunk (tests, metrics). */
  onProgress?: (job: Job, done: number) => void;
}

/** A running worker. */
export interface JobWorker {
  readonly id: string;
  /** Stops after the current chunk and hands its job back to the queue. */
  stop(): Promise<void>;
  /** Looks for work now instead of at the next poll. */
  wake(): void;
}

/** The result an import job accumulates (stored in `jobs.result` with every chunk). */
export interface ImportJobResult {
  peopleCreated: number;
  registrationsCreated: number;
  registrationsExisting: number;
  errorCount: number;
  /** The first 1,000 row errors, row numbers counting the header line as 1. */
  errors: RowError[];
}


/** The rows of an import job (its sealed CSV text or workbook rows): the header and the data rows with their row numbers. */
export function importRowsOf(p: Pick<ImportJobPayload, 'sealed' | 'campaignId'>, cipher: CitizenIdCipher): { header: string[]; rows: { row: number; cells: string[] }[] } {
  const source = JSON.parse(cipher.open(p.sealed, importInputContext(p.campaignId))) as ImportSource;
  if ('table' in source) return source.table;
  const all = parseCsv(source.csv);
  return { header: all[0] ?? [], rows: all.slice(1).map((cells, i) => ({ row: i + 2, cells })) };
}

/** Runs an import job: each chunk's rows read here, registered by `importRegistrationsChunk` of `@hoctap/app` in its own transaction. */
async function runImport(w: WorkerContext, job: Job): Promise<'done' | 'stopped'> {
  const p = job.payload as unknown as ImportJobPayload;
  const { header: names, rows } = importRowsOf(p, w.cipher);
  const header = peopleHeader(names);
  const target = { defaultCommune: p.defaultCommune, communeRequired: p.communeRequired, campaignCommune: p.campaignCommune, scope: p.scope };
  const initial: ImportJobResult = { peopleCreated: 0, registrationsCreated: 0, registrationsExisting: 0, errorCount: 0, errors: [], ...((job.result ?? {}) as Partial<ImportJobResult>) };
  const province = job.province_code;
  const caller: Caller = { userId: p.actorId, roles: [], scope: p.scope };
  const communeColumn = header.indexOf('commune') >= 0 ? header.indexOf('commune') : undefined;
  // Communes known to belong to another province (when the units table lists them).
  const provinces = await communeProvinces(w.db);
  const run = await runInChunks(w, job, p.scope, { done: job.done, state: initial, more: job.done < rows.length }, async (trx, { done: cursor, state: result }) => {
    const end = Math.min(rows.length, cursor + w.chunkRows);
    const good: { row: number; record: PersonRecord }[] = [];
    const early: RowError[] = [];
    for (let i = cursor; i < end; i++) {
      const { row, cells } = rows[i]!;
      const { record, errors } = personRecordOf(header, cells, target);
      if (record) good.push({ row, record });
      else for (const e of errors) early.push(rowError({ header: names }, row, 'ROW_INVALID', e));
    }
    const res = await importRegistrationsChunk(w, caller, trx, {
      province,
      campaign: { id: p.campaignId, commune: p.campaignCommune },
      late: p.late,
      auditPayload: { job: job.id, fromRow: rows[cursor]!.row, toRow: rows[end - 1]!.row },
      rows: good,
      communeError: (row, message) => rowError({ header: names }, row, 'ROW_INVALID', new CellError(communeColumn, 'commune', message)),
      communeProvinces: provinces,
    });
    const errors = [...early, ...res.errors].sort((a, b) => a.row - b.row);
    const updated: ImportJobResult = {
      peopleCreated: result.peopleCreated + res.peopleCreated,
      registrationsCreated: result.registrationsCreated + res.registrationsCreated,
      registrationsExisting: result.registrationsExisting + res.registrationsExisting,
      errorCount: result.errorCount + errors.length,
      errors: [...result.errors, ...errors].slice(0, 1000),
    };
    return { done: end, state: updated, more: end < rows.length };
  });
  if (run.stopped) return 'stopped';
  const result = run.state;
  await finishInScope(w, job, p.scope, result as unknown as Record<string, unknown>, async (trx) => {
    await appendAudit(trx, { province, action: 'registration.import-job.done', actorId: p.actorId, subject: { kind: 'campaign', id: p.campaignId }, payload: { job: job.id, rows: rows.length, peopleCreated: result.peopleCreated, registrationsCreated: result.registrationsCreated, errors: result.errorCount }, at: w.now() });
  });
  return 'done';
}

/**
 * Starts a worker loop in this process. Every server process may run one: they share the queue.
 * @example const worker = startJobWorker({ db: handle.db, dataKey }); … await worker.stop();
 */
export function startJobWorker(options: JobWorkerOptions): JobWorker {
  const id = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 500;
  const log = options.logError ?? ((e, where) => console.error(`[jobs] ${where}:`, e instanceof Error ? e.message : e));
  let stopping = false;
  const w: WorkerContext = {
    db: options.db,
    workerId: id,
    leaseMs,
    chunkRows: options.chunkRows ?? 1000,
    now: options.now ?? (() => new Date()),
    cipher: createCitizenIdCipher(options.dataKey),
    ...(options.registry ? { registry: options.registry } : {}),
    publicUrl: options.publicUrl ?? 'http://localhost:3000',
    models: new Map(),
    isStopping: () => stopping,
    onProgress: options.onProgress,
  };
  // Recomputing and rendering need the frameworks: a worker without the registry leaves those jobs to others.
  const runners: Record<string, (w: WorkerContext, job: Job) => Promise<'done' | 'stopped'>> = {
    [IMPORT_JOB]: runImport,
    ...(options.registry ? { [RECOMPUTE_JOB]: runRecompute, [CERTIFICATES_JOB]: runCertificates } : {}),
  };
  const kinds = Object.keys(runners);
  let wake: (() => void) | undefined;
  const sleep = () =>
    new Promise<void>((ok) => {
      const t = setTimeout(ok, pollMs);
      wake = () => {
        clearTimeout(t);
        ok();
      };
    });
  const loop = (async () => {
    while (!stopping) {
      let job: Job | undefined;
      try {
        job = await claimJob(options.db, id, leaseMs, kinds);
      } catch (e) {
        log(e, 'claim');
      }
      if (!job) {
        await sleep();
        continue;
      }
      try {
        const outcome = await runners[job.kind]!(w, job);
        if (outcome === 'stopped') await releaseJob(options.db, job.id, id);
      } catch (e) {
        if (e instanceof LeaseLost) continue; // another worker has it now
        log(e, `job ${job.id}`);
        // A deterministic failure fails the job; the attempts counter bounds retries after crashes.
        await finishJob(options.db, job.id, id, { error: e instanceof Error ? e.message : String(e) }).catch((x) => log(x, 'finish'));
      }
    }
  })();
  return {
    id,
    wake: () => wake?.(),
    async stop() {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}
