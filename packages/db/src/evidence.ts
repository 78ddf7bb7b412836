/**
 * Evidence files of a registration's assessments (migration `0007_evidence_files`): the file's
 * metadata (indicator, sanitised NFC name, media type detected from the bytes, size, sha256, who
 * and when) and its bytes. The bytes go through a small {@link EvidenceStorage}: the default keeps
 * them in the row (`content bytea`); an object store can be plugged in later, the row then keeping
 * only its key. Rows belong to the registration's locality (RLS like the other tenant tables).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, EvidenceFilesTable } from './schema.js';

/** Tables of migration 0007 (not in TENANT_TABLES, which migration 0002 was built from). */
export const EVIDENCE_TABLES = ['evidence_files'] as const;

/** The largest evidence file accepted: 10 MB (MiB). */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The media types accepted as evidence, with their usual extensions (the first one is added when missing). */
export const EVIDENCE_TYPES: Readonly<Record<string, readonly string[]>> = {
  [PDF]: ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  [DOCX]: ['.docx'],
  [XLSX]: ['.xlsx'],
};

const LOCALITY = `province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    commune_code text CHECK (commune_code ~ '^[0-9]{5}$')`;
const types = Object.keys(EVIDENCE_TYPES)
  .map((t) => `'${t}'`)
  .join(', ');

/** The SQL of migration `0007_evidence_files` (also in `migrations.ts`). */
export const EVIDENCE_MIGRATION: string[] = [
  `CREATE TABLE evidence_files (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    ${LOCALITY},
    registration_id uuid NOT NULL REFERENCES registrations (id),
    indicator text NOT NULL CHECK (indicator ~ '^[A-Za-z0-9._-]{1,50}$'),
    file_name text NOT NULL CHECK (file_name = normalize(file_name, NFC) AND file_name <> '' AND char_length(file_name) <= 255),
    media_type text NOT NULL CHECK (media_type IN (${types})),
    size integer NOT NULL CHECK (size > 0 AND size <= ${MAX_EVIDENCE_BYTES}),
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key text NOT NULL CHECK (storage_key <> ''),
    content bytea,
    uploaded_by uuid REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    -- the database store keeps the bytes in the row; any other store only its key
    CHECK ((storage_key = 'db') = (content IS NOT NULL)),
    CHECK (content IS NULL OR octet_length(content) = size)
  )`,
  `CREATE INDEX evidence_files_registration_idx ON evidence_files (registration_id, created_at)`,
  `CREATE INDEX evidence_files_locality_idx ON evidence_files (province_code, commune_code)`,
  `ALTER TABLE evidence_files ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE evidence_files FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY evidence_files_read ON evidence_files FOR SELECT USING (hoctap_can_read(province_code, commune_code))`,
  `CREATE POLICY evidence_files_insert ON evidence_files FOR INSERT WITH CHECK (hoctap_can_write(province_code, commune_code))`,
  `CREATE POLICY evidence_files_update ON evidence_files FOR UPDATE
      USING (hoctap_can_write(province_code, commune_code)) WITH CHECK (hoctap_can_write(province_code, commune_code))`,
  `CREATE POLICY evidence_files_delete ON evidence_files FOR DELETE USING (hoctap_can_write(province_code, commune_code))`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON evidence_files TO hoctap_app`,
];

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

/**
 * The media type of a file, detected from its bytes (magic numbers), never from its name or the
 * type the browser claimed: PDF, JPEG, PNG, WebP, and DOCX / XLSX (a ZIP with `word/` or `xl/`
 * parts). Anything else is undefined (refused).
 */
export function sniffEvidenceType(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'; // RIFF....WEBP
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // An Office Open XML package: [Content_Types].xml and the main part's folder among the entry names.
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (!text.includes('[Content_Types].xml')) return undefined;
    if (text.includes('word/document.xml')) return DOCX;
    if (text.includes('xl/workbook.xml')) return XLSX;
  }
  return undefined;
}

/**
 * A safe stored file name: NFC, no folders, no control or reserved characters, at most 255
 * characters, and with an extension of its detected type (added when missing).
 * @example sanitiseFileName('..\\C:/Users/Ha/Giấy khen<1>.pdf', 'application/pdf') // 'Giấy khen_1_.pdf'
 */
export function sanitiseFileName(name: string, mediaType: string): string {
  let base = name.normalize('NFC');
  base = base.slice(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
  base = base
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const exts = EVIDENCE_TYPES[mediaType] ?? [];
  const lower = base.toLowerCase();
  const ext = exts.find((e) => lower.endsWith(e) && lower.length > e.length);
  let stem = ext ? base.slice(0, base.length - ext.length) : base;
  const suffix = ext ? base.slice(base.length - ext.length) : (exts[0] ?? '');
  stem = stem.replace(/[\s.]+$/g, '') || 'minh-chung';
  const chars = [...stem];
  if (chars.length + suffix.length > 255) stem = chars.slice(0, 255 - suffix.length).join('');
  return `${stem}${suffix}`;
}

/** sha256 (hex) of bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A stored evidence file without its bytes. */
export type EvidenceFileRow = Omit<Selectable<EvidenceFilesTable>, 'content'>;

/** Where the bytes live. The database store keeps them in the row; another store returns its own key. */
export interface EvidenceStorage {
  /** Stores the bytes of a new file; returns the key to record and, for the database store, the bytes for the row. */
  put(file: { id: string; sha256: string; bytes: Uint8Array }): Promise<{ storageKey: string; content: Uint8Array | null }>;
  /** The bytes of a stored file (`content` is the row's column, read only when the store needs it). */
  get(db: Kysely<Database>, file: EvidenceFileRow): Promise<Uint8Array>;
  /** Forgets the bytes of a deleted file (the row is deleted by the caller). */
  remove(file: EvidenceFileRow): Promise<void>;
}

/** The default store: the bytes in `evidence_files.content`, read under the caller's scope. */
export const databaseEvidenceStorage: EvidenceStorage = {
  async put({ bytes }) {
    return { storageKey: 'db', content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  },
  async get(db, file) {
    const row = await db.selectFrom('evidence_files').select('content').where('id', '=', file.id).executeTakeFirst();
    if (!row?.content) throw new Error(`Evidence ${file.id} has no stored bytes.`);
    return row.content;
  },
  async remove() {},
};

const META = ['id', 'province_code', 'commune_code', 'registration_id', 'indicator', 'file_name', 'media_type', 'size', 'sha256', 'storage_key', 'uploaded_by', 'created_at'] as const;

/** An evidence file to store (the name is sanitised and the type must be one detected by {@link sniffEvidenceType}). */
export interface EvidenceInput {
  province: string;
  commune: string | null;
  registrationId: string;
  indicator: string;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  uploadedBy: string;
  at: Date;
}

/** Stores an evidence file; run it inside the caller's scoped transaction, with the audit entry. */
export async function insertEvidenceFile(db: Kysely<Database>, input: EvidenceInput, storage: EvidenceStorage = databaseEvidenceStorage): Promise<EvidenceFileRow> {
  if (!EVIDENCE_TYPES[input.mediaType]) throw new RangeError(`Evidence type ${input.mediaType} is not accepted.`);
  if (input.bytes.byteLength === 0 || input.bytes.byteLength > MAX_EVIDENCE_BYTES) throw new RangeError('Evidence size out of range.');
  const id = randomUUID();
  const sha256 = sha256Hex(input.bytes);
  const stored = await storage.put({ id, sha256, bytes: input.bytes });
  return db
    .insertInto('evidence_files')
    .values({
      id,
      province_code: input.province,
      commune_code: input.commune,
      registration_id: input.registrationId,
      indicator: input.indicator,
      file_name: sanitiseFileName(input.fileName, input.mediaType),
      media_type: input.mediaType,
      size: input.bytes.byteLength,
      sha256,
      storage_key: stored.storageKey,
      content: stored.content,
      uploaded_by: input.uploadedBy,
      created_at: input.at,
    })
    .returning(META)
    .executeTakeFirstOrThrow();
}

/** An evidence file visible to the caller (without its bytes). */
export async function getEvidenceFile(db: Kysely<Database>, id: string): Promise<EvidenceFileRow | undefined> {
  return db.selectFrom('evidence_files').select(META).where('id', '=', id).executeTakeFirst();
}

/** A registration's evidence files visible to the caller, oldest first. */
export async function evidenceFilesOf(db: Kysely<Database>, registrationId: string): Promise<EvidenceFileRow[]> {
  return db.selectFrom('evidence_files').select(META).where('registration_id', '=', registrationId).orderBy('created_at').orderBy('id').execute();
}

/** The bytes of an evidence file. */
export function readEvidenceContent(db: Kysely<Database>, file: EvidenceFileRow, storage: EvidenceStorage = databaseEvidenceStorage): Promise<Uint8Array> {
  return storage.get(db, file);
}

/** Deletes an evidence file (row and bytes); true when a row was deleted. */
export async function deleteEvidenceFile(db: Kysely<Database>, file: EvidenceFileRow, storage: EvidenceStorage = databaseEvidenceStorage): Promise<boolean> {
  const res = await db.deleteFrom('evidence_files').where('id', '=', file.id).executeTakeFirst();
  const deleted = Number(res.numDeletedRows) > 0;
  if (deleted) await storage.remove(file);
  return deleted;
}
