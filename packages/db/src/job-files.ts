/**
 * Files made by background jobs (migration `0011_job_files`), e.g. the certificates PDF of a
 * decision: one file per job, its bytes in the row. Scoped by province like the `jobs` table (RLS
 * enabled and forced); the route that serves a file checks the caller may read its job first.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.js';

/** Tables of migration 0011 (not in TENANT_TABLES, which migration 0002 was built from). */
export const JOB_FILE_TABLES = ['job_files'] as const;

/** The SQL of migration `0011_job_files` (also in `migrations.ts`). */
export const JOB_FILES_MIGRATION: string[] = [
  `CREATE TABLE job_files (
    job_id uuid PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    media_type text NOT NULL,
    size integer NOT NULL CHECK (size >= 0),
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `ALTER TABLE job_files ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE job_files FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY job_files_read ON job_files FOR SELECT USING (hoctap_scope_province_ok(province_code))`,
  `CREATE POLICY job_files_insert ON job_files FOR INSERT WITH CHECK (hoctap_scope_province_ok(province_code))`,
  `CREATE POLICY job_files_update ON job_files FOR UPDATE USING (hoctap_scope_province_ok(province_code)) WITH CHECK (hoctap_scope_province_ok(province_code))`,
  `GRANT SELECT, INSERT, UPDATE ON job_files TO hoctap_app`,
];

type Db = Kysely<Database> | Transaction<Database>;

/** A job's file (metadata and bytes). */
export interface JobFile {
  job_id: string;
  province_code: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: Date;
}

/** Stores (or replaces, when the job ran again) the file of a job; run it in the job's finishing transaction. */
export async function putJobFile(db: Db, input: { jobId: string; province: string; fileName: string; mediaType: string; content: Uint8Array }): Promise<void> {
  const content = Buffer.from(input.content);
  const sha256 = createHash('sha256').update(content).digest('hex');
  await sql`INSERT INTO job_files (job_id, province_code, file_name, media_type, size, sha256, content)
    VALUES (${input.jobId}, ${input.province}, ${input.fileName}, ${input.mediaType}, ${content.length}, ${sha256}, ${content})
    ON CONFLICT (job_id) DO UPDATE SET file_name = excluded.file_name, media_type = excluded.media_type, size = excluded.size,
      sha256 = excluded.sha256, content = excluded.content, created_at = now()`.execute(db);
}

/** The file of a job visible to the caller (RLS applies inside `withScope`). */
export async function getJobFile(db: Db, jobId: string): Promise<JobFile | undefined> {
  const r = await sql<Record<string, unknown>>`SELECT * FROM job_files WHERE job_id = ${jobId}`.execute(db);
  const row = r.rows[0];
  if (!row) return undefined;
  const content = row['content'];
  return { ...(row as unknown as JobFile), size: Number(row['size']), content: Buffer.isBuffer(content) ? content : Buffer.from(content as Uint8Array) };
}
