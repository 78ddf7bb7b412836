/**
 * The job worker: claims durable jobs from the database (`FOR UPDATE SKIP LOCKED`, shared by every
 * server process), runs them in idempotent chunks, records progress and renews its lease in each
 * chunk's transaction, and takes over jobs whose worker died (lease expired).
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import {
  appendAudit,
  claimJob,
  createCitizenIdCipher,
  finishJob,
  fold,
  heartbeatJob,
  importChunk,
  normalize,
  releaseJob,
  withScope,
  type CitizenIdCipher,
  type Database,
  type ImportRow,
  type Job,
  type Scope,
} from '@hoctap/db';
import type { Kysely } from 'kysely';
import { COLUMNS, isoOf, parseCsv, sexOf } from './routes/campaigns.js';

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
  csv: string;
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
  /** Rows per chunk (one transaction, one audit entry; default 1000). */
  chunkRows?: number;
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
  errors: { row: number; code: string; message: string }[];
}

class LeaseLost extends Error {}

/** Parses the CSV of an import job: the mapped header and the data rows. */
export function importRowsOf(csv: string): { header: (keyof ImportRow | undefined)[]; rows: string[][] } {
  const all = parseCsv(csv);
  const header = (all[0] ?? []).map((h) => COLUMNS[fold(normalize(h)).replace(/[^a-z]/g, '')]);
  return { header, rows: all.slice(1) };
}

function toImportRow(header: (keyof ImportRow | undefined)[], fields: string[], p: ImportJobPayload): ImportRow {
  const raw: Record<string, string> = {};
  fields.forEach((v, j) => {
    const col = header[j];
    if (col) raw[col] = v.trim();
  });
  const citizenId = (raw['citizenId'] ?? '').replace(/\s+/g, '');
  if (citizenId && !/^[0-9]{12}$/.test(citizenId)) throw new RangeError('số định danh gồm đúng 12 chữ số');
  const commune = raw['commune'] || p.defaultCommune;
  if (!commune && p.communeRequired) throw new RangeError('cần mã xã (cột commune/ma_xa)');
  if (commune && p.scope.role === 'commune' && !p.scope.communes.includes(commune)) throw new RangeError('xã ngoài phạm vi của tài khoản');
  return {
    fullName: raw['fullName'] ?? '',
    birthDate: isoOf(raw['birthDate'] || undefined),
    sex: sexOf(raw['sex'] || undefined),
    village: raw['village'] || null,
    citizenId: citizenId || null,
    commune: commune ?? null,
  };
}

async function runImport(db: Kysely<Database>, cipher: CitizenIdCipher, job: Job, workerId: string, o: Required<Pick<JobWorkerOptions, 'leaseMs' | 'chunkRows' | 'now'>>, isStopping: () => boolean, onProgress?: JobWorkerOptions['onProgress']): Promise<'done' | 'stopped'> {
  const p = job.payload as unknown as ImportJobPayload;
  const { header, rows } = importRowsOf(p.csv);
  const result: ImportJobResult = { peopleCreated: 0, registrationsCreated: 0, registrationsExisting: 0, errorCount: 0, errors: [], ...((job.result ?? {}) as Partial<ImportJobResult>) };
  const province = job.province_code;
  // Communes known to belong to another province (when the units table lists them).
  const units = await db.selectFrom('administrative_units').select(['code', 'province_code']).where('level', '=', 'commune').execute();
  const communeProvince = new Map(units.map((u) => [u.code, u.province_code]));
  let cursor = job.done;
  while (cursor < rows.length) {
    if (isStopping()) return 'stopped';
    const end = Math.min(rows.length, cursor + o.chunkRows);
    const chunk: ImportRow[] = [];
    const rowNo: number[] = [];
    const early: ImportJobResult['errors'] = [];
    for (let i = cursor; i < end; i++) {
      try {
        const r = toImportRow(header, rows[i]!, p);
        const cp = r.commune ? communeProvince.get(r.commune) : undefined;
        if (cp && cp !== province) throw new RangeError(`xã ${r.commune} không thuộc tỉnh ${province}`);
        chunk.push(r);
        rowNo.push(i + 2);
      } catch (e) {
        early.push({ row: i + 2, code: 'ROW_INVALID', message: (e as Error).message });
      }
    }
    const from = cursor;
    const next = await withScope(db, p.scope, async (trx) => {
      const res = await importChunk(trx, cipher, {
        province,
        campaign: { id: p.campaignId, commune: p.campaignCommune },
        actorId: p.actorId,
        at: o.now(),
        late: p.late,
        action: 'registration.import-chunk',
        auditPayload: { job: job.id, fromRow: from + 2, toRow: end + 1 },
      }, chunk);
      const errors = [...early, ...res.errors.map((e) => ({ row: rowNo[e.index]!, code: e.code, message: e.message }))].sort((a, b) => a.row - b.row);
      const updated: ImportJobResult = {
        peopleCreated: result.peopleCreated + res.peopleCreated,
        registrationsCreated: result.registrationsCreated + res.registrationsCreated,
        registrationsExisting: result.registrationsExisting + res.registrationsExisting,
        errorCount: result.errorCount + errors.length,
        errors: [...result.errors, ...errors].slice(0, 1000),
      };
      // Progress, lease and the chunk commit together; a worker that lost its lease commits nothing.
      if (!(await heartbeatJob(trx, job.id, workerId, o.leaseMs, end, updated as unknown as Record<string, unknown>))) throw new LeaseLost();
      return updated;
    });
    Object.assign(result, next);
    cursor = end;
    onProgress?.(job, cursor);
  }
  await withScope(db, p.scope, async (trx) => {
    await appendAudit(trx, { province, action: 'registration.import-job.done', actorId: p.actorId, subject: { kind: 'campaign', id: p.campaignId }, payload: { job: job.id, rows: rows.length, peopleCreated: result.peopleCreated, registrationsCreated: result.registrationsCreated, errors: result.errorCount }, at: o.now() });
    if (!(await finishJob(trx, job.id, workerId, { result: result as unknown as Record<string, unknown> }))) throw new LeaseLost();
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
  const o = { leaseMs, chunkRows: options.chunkRows ?? 1000, now: options.now ?? (() => new Date()) };
  const cipher = createCitizenIdCipher(options.dataKey);
  const log = options.logError ?? ((e, where) => console.error(`[jobs] ${where}:`, e instanceof Error ? e.message : e));
  let stopping = false;
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
        job = await claimJob(options.db, id, leaseMs, [IMPORT_JOB]);
      } catch (e) {
        log(e, 'claim');
      }
      if (!job) {
        await sleep();
        continue;
      }
      try {
        const outcome = await runImport(options.db, cipher, job, id, o, () => stopping, options.onProgress);
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
