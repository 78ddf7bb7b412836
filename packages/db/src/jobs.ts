/**
 * Durable jobs on the database (migration `0005_jobs`), and the chunked people + registrations
 * import that the bulk-import job (and the import benchmark) runs.
 *
 * A job is claimed with `SELECT … FOR UPDATE SKIP LOCKED` (PostgreSQL and PGlite), so several
 * server processes share one queue. The claim takes a lease (`locked_until`, database clock); a
 * worker renews it with every committed chunk, in the chunk's own transaction and only if it still
 * holds the lease (`locked_by`), so a worker that lost its lease cannot commit another chunk. A job
 * whose lease expired (its worker died) is claimed again by any worker and resumes at the cursor of
 * the last committed chunk.
 *
 * Why not a queue library (pg-boss, graphile-worker): the same jobs must run on the embedded PGlite
 * (one in-process connection, the default) and on PostgreSQL through one code path. graphile-worker
 * needs a pg pool and LISTEN/NOTIFY; pg-boss runs on PGlite only through a hand-made client that
 * interpolates parameters into the SQL text (pg-boss issue #563). And a chunk's rows, its audit
 * entry, the job's cursor and the lease check must commit in one transaction under the caller's
 * row-level-security scope — exactly-once chunks after a crash — which a library that holds its
 * own connections does not give. The queue is therefore the table below and two statements
 * (claim with SKIP LOCKED, renew-with-chunk), tested for crash and resume on both databases.
 */
import { uuidv7 } from './ids.js';
import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from './audit.js';
import { JOB_FILE_TABLES } from './job-files.js';
import { validateCitizenId } from './citizen-id.js';
import type { CitizenIdCipher } from './crypto.js';
import type { Database } from './schema.js';
import { fold, normalize } from './text.js';

/** A job's state. */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** A job row. */
export interface Job {
  id: string;
  kind: string;
  province_code: string;
  payload: Record<string, unknown>;
  status: JobStatus;
  /** Units done and the total (rows for an import); the cursor of the next chunk is `done`. */
  done: number;
  total: number | null;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: Date | null;
  result: Record<string, unknown> | null;
  error: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

type Db = Kysely<Database> | Transaction<Database>;

/** Tables of the job queue and its files: scoped by province (RLS enabled and forced), not listed in TENANT_TABLES (migration 0002 predates them). */
export const JOB_TABLES = ['jobs', ...JOB_FILE_TABLES] as const;

/** The SQL of migration `0005_jobs` (also in `migrations.ts`). */
export const JOBS_MIGRATION: string[] = [
  `CREATE TABLE jobs (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9.-]*$'),
    province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    payload jsonb NOT NULL DEFAULT '{}',
    status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    done integer NOT NULL DEFAULT 0 CHECK (done >= 0),
    total integer CHECK (total >= 0),
    attempts integer NOT NULL DEFAULT 0,
    max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
    locked_by text,
    locked_until timestamptz,
    result jsonb,
    error text,
    created_by uuid REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    started_at timestamptz,
    finished_at timestamptz,
    CHECK ((status = 'running') = (locked_by IS NOT NULL))
  )`,
  // The queue: only unfinished jobs, oldest first.
  `CREATE INDEX jobs_queue_idx ON jobs (created_at) WHERE status IN ('queued', 'running')`,
  `CREATE INDEX jobs_province_idx ON jobs (province_code, created_at)`,
  `ALTER TABLE jobs ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE jobs FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY jobs_read ON jobs FOR SELECT USING (hoctap_scope_province_ok(province_code))`,
  `CREATE POLICY jobs_insert ON jobs FOR INSERT WITH CHECK (hoctap_scope_province_ok(province_code))`,
  `CREATE POLICY jobs_update ON jobs FOR UPDATE USING (hoctap_scope_province_ok(province_code)) WITH CHECK (hoctap_scope_province_ok(province_code))`,
  `GRANT SELECT, INSERT, UPDATE ON jobs TO hoctap_app`,
];

function jobOf(row: Record<string, unknown>): Job {
  return { ...(row as unknown as Job), done: Number(row['done']), total: row['total'] === null ? null : Number(row['total']), attempts: Number(row['attempts']), max_attempts: Number(row['max_attempts']) };
}

/** What a new job needs. */
export interface JobInput {
  kind: string;
  province: string;
  payload: Record<string, unknown>;
  total?: number | null;
  createdBy?: string | null;
  maxAttempts?: number;
}

/** Queues a job (run it inside `withScope` so RLS checks the province). */
export async function enqueueJob(db: Db, input: JobInput): Promise<Job> {
  const r = await sql<Record<string, unknown>>`INSERT INTO jobs (kind, province_code, payload, total, created_by, max_attempts)
    VALUES (${input.kind}, ${input.province}, ${JSON.stringify(input.payload)}::jsonb, ${input.total ?? null}, ${input.createdBy ?? null}, ${input.maxAttempts ?? 5})
    RETURNING *`.execute(db);
  return jobOf(r.rows[0]!);
}

/** A job visible to the caller (without its payload unless asked). */
export async function getJob(db: Db, id: string): Promise<Job | undefined> {
  const r = await sql<Record<string, unknown>>`SELECT * FROM jobs WHERE id = ${id}`.execute(db);
  return r.rows[0] ? jobOf(r.rows[0]) : undefined;
}

/**
 * Claims the oldest runnable job — queued, or running with an expired lease (its worker is gone) —
 * for `workerId` with a lease of `leaseMs`. Returns undefined when there is none. A job that has
 * used up its attempts is marked failed instead.
 */
export async function claimJob(db: Kysely<Database>, workerId: string, leaseMs: number, kinds?: readonly string[]): Promise<Job | undefined> {
  for (;;) {
    const r = await sql<Record<string, unknown>>`UPDATE jobs SET status = 'running', locked_by = ${workerId},
        locked_until = now() + make_interval(secs => ${leaseMs / 1000}), attempts = attempts + 1,
        started_at = coalesce(started_at, now()), updated_at = now()
      WHERE id = (
        SELECT id FROM jobs
        WHERE (status = 'queued' OR (status = 'running' AND locked_until < now()))
          ${kinds ? sql`AND kind = ANY (${sql.val([...kinds])}::text[])` : sql``}
        ORDER BY created_at
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
      RETURNING *`.execute(db);
    const row = r.rows[0];
    if (!row) return undefined;
    const job = jobOf(row);
    if (job.attempts <= job.max_attempts) return job;
    await finishJob(db, job.id, workerId, { error: `gave up after ${job.max_attempts} attempts` });
  }
}

/**
 * Records progress and renews the lease, only while `workerId` holds the job; run it in the
 * transaction of the work it records. Returns false (the caller must roll back) when the lease
 * was lost to another worker.
 */
export async function heartbeatJob(db: Db, id: string, workerId: string, leaseMs: number, done?: number, result?: Record<string, unknown>): Promise<boolean> {
  const r = await sql`UPDATE jobs SET locked_until = now() + make_interval(secs => ${leaseMs / 1000}), updated_at = now()
      ${done !== undefined ? sql`, done = ${done}` : sql``}
      ${result !== undefined ? sql`, result = ${JSON.stringify(result)}::jsonb` : sql``}
    WHERE id = ${id} AND locked_by = ${workerId} AND status = 'running'`.execute(db);
  return Number(r.numAffectedRows ?? 0n) === 1;
}

/** The payload key of a job's sealed input (personal data, encrypted): removed when the job ends. */
export const SEALED_INPUT = 'sealed';

/**
 * Marks a job done (with its result) or failed (with the error), if `workerId` still holds it; its
 * sealed input (an uploaded sheet's rows) is deleted then, done or failed: nothing personal stays.
 */
export async function finishJob(db: Db, id: string, workerId: string, outcome: { result?: Record<string, unknown>; error?: string }): Promise<boolean> {
  const status = outcome.error === undefined ? 'done' : 'failed';
  const r = await sql`UPDATE jobs SET status = ${status}, result = ${outcome.result === undefined ? null : JSON.stringify(outcome.result)}::jsonb,
      payload = payload - ${SEALED_INPUT}::text,
      error = ${outcome.error ?? null}, locked_by = NULL, locked_until = NULL, finished_at = now(), updated_at = now()
    WHERE id = ${id} AND locked_by = ${workerId} AND status = 'running'`.execute(db);
  return Number(r.numAffectedRows ?? 0n) === 1;
}

/** Hands a job back to the queue (e.g. on shutdown or a transient error), if `workerId` holds it. */
export async function releaseJob(db: Db, id: string, workerId: string, error?: string): Promise<void> {
  await sql`UPDATE jobs SET status = 'queued', locked_by = NULL, locked_until = NULL, error = ${error ?? null}, updated_at = now()
    WHERE id = ${id} AND locked_by = ${workerId} AND status = 'running'`.execute(db);
}

// -------------------------------------------------------------------------------------------------
// The chunked import: people (NFC name, folded name, encrypted citizen id + keyed hash) and their
// registrations, a few thousand rows per multi-row INSERT, one audit entry per chunk.

/** One input row, as parsed from a CSV (strings, already trimmed). */
export interface ImportRow {
  fullName: string;
  birthDate?: string | null;
  sex?: 'male' | 'female' | null;
  village?: string | null;
  citizenId?: string | null;
  commune?: string | null;
}

/** Where and for whom a chunk is imported. */
export interface ImportTarget {
  province: string;
  /** The campaign to register people in; omitted → people only. */
  campaign?: { id: string; commune: string | null } | null;
  actorId?: string | null;
  at: Date;
  late?: boolean;
  /** The audit action of each chunk (default `registration.import-chunk`). */
  action?: string;
  /** Extra audit payload (ids and counts only), e.g. the job id and the chunk's first row. */
  auditPayload?: Record<string, unknown>;
}

/** A refused row (0-based index in the chunk). */
export interface ImportRowError {
  index: number;
  code: string;
  message: string;
}

/** What a chunk did. */
export interface ImportChunkResult {
  /** People inserted / found by natural key. */
  peopleCreated: number;
  peopleExisting: number;
  registrationsCreated: number;
  registrationsExisting: number;
  errors: ImportRowError[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Imports one chunk in the caller's transaction (inside `withScope`, so RLS applies): validates
 * each row (the citizen id against the birth date and sex), finds existing people by the natural
 * key — the citizen id's keyed hash, else commune + folded name + birth date — inserts the others
 * with one multi-row INSERT (`unnest` of arrays; ids made here so the ciphertext is bound to its
 * row), registers every person once (`ON CONFLICT DO NOTHING` on campaign + subject) and appends
 * one audit entry. Running the same chunk again creates nothing.
 */
export async function importChunk(trx: Transaction<Database>, cipher: CitizenIdCipher, target: ImportTarget, rows: readonly ImportRow[]): Promise<ImportChunkResult> {
  const out: ImportChunkResult = { peopleCreated: 0, peopleExisting: 0, registrationsCreated: 0, registrationsExisting: 0, errors: [] };
  type Prepared = { index: number; fullName: string; folded: string; birthDate: string | null; sex: 'male' | 'female' | null; village: string | null; commune: string | null; citizenId: string | null; hmac: string | null; key: string };
  const prepared: Prepared[] = [];
  const seen = new Map<string, number>();
  const duplicateOf: { index: number; key: string }[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const fullName = normalize(r.fullName ?? '').trim().replace(/\s+/g, ' ');
    if (!fullName || fullName.length > 200) {
      out.errors.push({ index: i, code: 'ROW_INVALID', message: 'cần họ tên (tối đa 200 ký tự)' });
      continue;
    }
    const birthDate = r.birthDate || null;
    if (birthDate && !DATE.test(birthDate)) {
      out.errors.push({ index: i, code: 'ROW_INVALID', message: 'ngày sinh dạng yyyy-mm-dd' });
      continue;
    }
    const commune = r.commune || target.campaign?.commune || null;
    if (commune && !/^[0-9]{5}$/.test(commune)) {
      out.errors.push({ index: i, code: 'ROW_INVALID', message: 'mã xã gồm 5 chữ số' });
      continue;
    }
    if (target.campaign?.commune && commune !== target.campaign.commune) {
      out.errors.push({ index: i, code: 'ROW_INVALID', message: 'xã không thuộc đợt đánh giá' });
      continue;
    }
    let citizenId: string | null = null;
    if (r.citizenId) {
      const check = validateCitizenId(r.citizenId, birthDate ?? undefined, r.sex ?? undefined);
      if (!check.ok) {
        out.errors.push({ index: i, code: 'CITIZEN_ID_INVALID', message: check.message });
        continue;
      }
      citizenId = check.id;
    }
    const folded = fold(fullName);
    const hmac = citizenId ? cipher.lookupHash(citizenId) : null;
    const key = hmac ?? `${commune ?? ''}|${folded}|${birthDate ?? ''}`;
    if (seen.has(key)) {
      duplicateOf.push({ index: i, key });
      continue;
    }
    seen.set(key, prepared.length);
    prepared.push({ index: i, fullName, folded, birthDate, sex: r.sex ?? null, village: r.village ? normalize(r.village) : null, commune, citizenId, hmac, key });
  }

  // Existing people by natural key.
  const idByKey = new Map<string, string>();
  const hmacs = prepared.filter((p) => p.hmac).map((p) => p.hmac!);
  if (hmacs.length) {
    const found = await sql<{ id: string; citizen_id_hmac: string; province_code: string }>`SELECT id, citizen_id_hmac, province_code FROM people
      WHERE citizen_id_hmac = ANY (${sql.val(hmacs)}::text[])`.execute(trx);
    for (const f of found.rows) idByKey.set(f.citizen_id_hmac, f.id);
  }
  const plain = prepared.filter((p) => !p.hmac);
  if (plain.length) {
    const found = await sql<{ id: string; commune_code: string | null; name_folded: string; birth_date: string | null }>`SELECT p.id, p.commune_code, p.name_folded, p.birth_date
      FROM people p JOIN unnest(${sql.val(plain.map((p) => p.commune ?? ''))}::text[], ${sql.val(plain.map((p) => p.folded))}::text[], ${sql.val(plain.map((p) => p.birthDate ?? ''))}::text[]) AS k(commune, folded, birth)
        ON p.province_code = ${target.province} AND coalesce(p.commune_code, '') = k.commune AND p.name_folded = k.folded
       AND coalesce(p.birth_date::text, '') = k.birth
      WHERE p.citizen_id_hmac IS NULL`.execute(trx);
    for (const f of found.rows) idByKey.set(`${f.commune_code ?? ''}|${f.name_folded}|${f.birth_date ?? ''}`, f.id);
  }

  // New people in one multi-row INSERT. A citizen id taken concurrently (or by another province,
  // invisible here) conflicts on the unique hash and is reported, never duplicated.
  const fresh = prepared.filter((p) => !idByKey.has(p.key));
  if (fresh.length) {
    // Time-ordered ids: the primary key grows at its right edge (see ids.ts).
    const ids = fresh.map(() => uuidv7());
    // One JSON parameter (serialised natively) instead of nine escaped arrays.
    const records = JSON.stringify(
      fresh.map((p, i) => ({ i: ids[i], c: p.commune, n: p.fullName, f: p.folded, b: p.birthDate, s: p.sex, v: p.village, e: p.citizenId ? cipher.encrypt(p.citizenId, ids[i]!) : null, h: p.hmac })),
    );
    const inserted = await sql<{ id: string }>`INSERT INTO people (id, province_code, commune_code, full_name, name_folded, birth_date, sex, village, citizen_id_enc, citizen_id_hmac)
      SELECT i, ${target.province}, c, n, f, b, s, v, e, h
      FROM json_to_recordset(${records}::json) AS t(i uuid, c text, n text, f text, b date, s text, v text, e text, h text)
      ON CONFLICT (citizen_id_hmac) WHERE citizen_id_hmac IS NOT NULL DO NOTHING
      RETURNING id`.execute(trx);
    const done = new Set(inserted.rows.map((r) => r.id));
    fresh.forEach((p, i) => {
      if (done.has(ids[i]!)) idByKey.set(p.key, ids[i]!);
      else out.errors.push({ index: p.index, code: 'CITIZEN_ID_TAKEN', message: 'số định danh đã thuộc một người ở địa bàn khác' });
    });
    out.peopleCreated = done.size;
  }
  out.peopleExisting = prepared.length - fresh.length + duplicateOf.length;

  if (target.campaign) {
    const subjects = [...new Set(prepared.map((p) => idByKey.get(p.key)).filter((x): x is string => !!x))];
    const communes = new Map(prepared.map((p) => [idByKey.get(p.key), p.commune]));
    if (subjects.length) {
      const reg = await sql<{ id: string }>`INSERT INTO registrations (id, province_code, commune_code, campaign_id, subject_kind, subject_id, registered_by, registered_at, updated_at, late)
        SELECT id, ${target.province}, commune, ${target.campaign.id}::uuid, 'person', subject, ${target.actorId ?? null}::uuid, ${target.at}, ${target.at}, ${target.late ?? false}
        FROM unnest(${sql.val(subjects.map(() => uuidv7()))}::uuid[], ${sql.val(subjects)}::uuid[], ${sql.val(subjects.map((s) => communes.get(s) ?? null))}::text[]) AS t(id, subject, commune)
        ON CONFLICT (campaign_id, subject_kind, subject_id) DO NOTHING
        RETURNING id`.execute(trx);
      out.registrationsCreated = reg.rows.length;
      out.registrationsExisting = prepared.length + duplicateOf.length - out.registrationsCreated - out.errors.filter((e) => e.code === 'CITIZEN_ID_TAKEN').length;
    }
  }
  out.errors.sort((a, b) => a.index - b.index);
  await appendAudit(trx, {
    province: target.province,
    action: target.action ?? 'registration.import-chunk',
    actorId: target.actorId ?? null,
    subject: target.campaign ? { kind: 'campaign', id: target.campaign.id } : null,
    payload: {
      rows: rows.length,
      peopleCreated: out.peopleCreated,
      registrationsCreated: out.registrationsCreated,
      registrationsExisting: out.registrationsExisting,
      errors: out.errors.length,
      ...(target.auditPayload ?? {}),
    },
    at: target.at,
  });
  return out;
}

/** How many registrations a campaign has and the largest id among them (a recompute job goes that far). */
export async function campaignRegistrationSpan(db: Db, campaignId: string): Promise<{ count: number; last: string | null }> {
  const last = await db.selectFrom('registrations').select('id').where('campaign_id', '=', campaignId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const { n } = await db.selectFrom('registrations').select((eb) => eb.fn.countAll<string>().as('n')).where('campaign_id', '=', campaignId).executeTakeFirstOrThrow();
  return { count: Number(n), last: last?.id ?? null };
}
