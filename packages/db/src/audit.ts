/**
 * The append-only audit log: one hash chain per province,
 * `hash = sha256(prev_hash ‖ canonical_json(entry))` with RFC 8785 canonical JSON.
 * Entries reference people by id and never copy personal data, so erasing a person keeps the chain.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import { canonicalJson } from './canonical-json.js';
import type { AuditLogTable, Database } from './schema.js';

/** The hash before the first entry of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a caller records. */
export interface AuditInput {
  /** The province whose chain receives the entry ('00' for national actions). */
  province: string;
  /** e.g. 'person.create', 'auth.login', 'decision.approve', 'authz.refused'. */
  action: string;
  actorId?: string | null;
  subject?: { kind: string; id: string } | null;
  /** Ids, codes and counts only — never names, identity numbers, birth dates or contact details. */
  payload?: Record<string, unknown>;
  /** Defaults to now; stored with millisecond precision (UTC). */
  at?: Date;
}

/** An appended entry: committed with the caller's transaction, chained at that commit (see audit-chain.ts). */
export interface AppendedAudit {
  province: string;
  /** The entry's id while it waits to be chained. */
  pendingId: string;
}

/** The outcome of {@link verifyAuditChain}. */
export type AuditVerification =
  | { ok: true; entries: number; provinces: string[]; pending: PendingAudit }
  | { ok: false; province: string; seq: number; reason: string; entries: number };

/** Entries committed but not yet chained: how many, and when the oldest was written. */
export interface PendingAudit {
  count: number;
  oldest: Date | null;
}

const PERSONAL_KEY = /citizen|cccd|cmnd|birth|full_?name|e-?mail|phone|address|password|identity/i;
const ID_NUMBER = /(^|\D)\d{9,12}(\D|$)/;
/** A UUID is an id, never an identity or phone number (its last group can be 12 decimal digits). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Nor is a SHA-256 digest (64 hex digits) or a version tagged with its first 12 (`id@0123456789ab`). */
const DIGEST = /^(?:[0-9a-f]{64}|[^\s@]+@[0-9a-f]{12})$/;

/** Refuses payloads that look like they carry personal data (a guard against mistakes, not a proof). */
export function assertNoPersonalData(value: unknown, path = 'payload'): void {
  if (typeof value === 'string') {
    if (!UUID.test(value) && !DIGEST.test(value) && ID_NUMBER.test(value)) throw new Error(`Audit ${path} looks like an identity or phone number; reference people by id.`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertNoPersonalData(v, `${path}[${i}]`));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (PERSONAL_KEY.test(k)) throw new Error(`Audit ${path}.${k} looks like personal data; reference people by id.`);
      assertNoPersonalData(v, `${path}.${k}`);
    }
  }
}

/** The canonical form that is hashed for one entry. */
export function auditEntryDocument(row: Omit<Selectable<AuditLogTable>, 'hash' | 'prev_hash'>): Record<string, unknown> {
  return {
    province_code: row.province_code,
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    actor_id: row.actor_id,
    action: row.action,
    subject_kind: row.subject_kind,
    subject_id: row.subject_id,
    payload: row.payload,
  };
}

/** sha256(prev_hash ‖ canonical_json(entry)), hex. */
export function auditHash(prevHash: string, document: Record<string, unknown>): string {
  return createHash('sha256').update(prevHash, 'utf8').update(canonicalJson(document), 'utf8').digest('hex');
}

/**
 * The canonical JSON of an entry split around its sequence number: `prefix + seq + suffix` equals
 * `canonicalJson(auditEntryDocument(entry))`. The document's keys sort as action, actor_id, at,
 * payload, province_code, seq, subject_id, subject_kind, so `seq` is the only member PostgreSQL has
 * to fill in when it chains the entry.
 */
export function auditDocumentAround(row: Omit<Selectable<AuditLogTable>, 'hash' | 'prev_hash' | 'seq'>): { prefix: string; suffix: string } {
  const c = canonicalJson;
  const prefix =
    `{"action":${c(row.action)},"actor_id":${c(row.actor_id)},"at":${c(new Date(row.at).toISOString())},` +
    `"payload":${c(row.payload)},"province_code":${c(row.province_code)},"seq":`;
  const suffix = `,"subject_id":${c(row.subject_id)},"subject_kind":${c(row.subject_kind)}}`;
  return { prefix, suffix };
}

/**
 * Appends an entry to its province's audit chain, in the caller's transaction when given one (e.g.
 * inside `withScope`, so the write and its entry commit together), else in its own. The entry is
 * written to `audit_pending` and chained when the transaction commits — without making concurrent
 * writers of the province wait for one another (see audit-chain.ts).
 * @example await appendAudit(trx, { province: '25', action: 'person.create', actorId: user.id, subject: { kind: 'person', id } });
 */
export async function appendAudit(db: Kysely<Database>, input: AuditInput): Promise<AppendedAudit> {
  const inserted = await db.insertInto('audit_pending').values(pendingAuditRow(input)).returning('id').executeTakeFirstOrThrow();
  return { province: input.province, pendingId: String(inserted.id) };
}

/** Checks an entry and makes the `audit_pending` row for it (also used where a write and its entry share one statement). */
export function pendingAuditRow(input: AuditInput) {
  if (!/^[0-9]{2}$/.test(input.province)) throw new RangeError(`Invalid province code: ${input.province}`);
  const payload = input.payload ?? {};
  assertNoPersonalData(payload);
  const at = input.at ? new Date(input.at.getTime()) : new Date();
  const row = {
    province_code: input.province,
    at,
    actor_id: input.actorId ?? null,
    action: input.action,
    subject_kind: input.subject?.kind ?? null,
    subject_id: input.subject?.id ?? null,
    payload,
  };
  // Rejects non-JSON payloads before anything is written.
  const { prefix, suffix } = auditDocumentAround(row);
  return { ...row, payload: JSON.stringify(payload), doc_prefix: prefix, doc_suffix: suffix };
}

/**
 * Chains the committed entries that are still pending (a writer's commit chains them unless
 * another commit of the province was chaining at that moment). Waits for the province's chaining
 * lock. The server runs it at start and every second; returns how many entries it chained.
 * @example await chainPendingAudit(handle.db) // all provinces
 */
export async function chainPendingAudit(db: Kysely<Database>, province?: string): Promise<number> {
  const run = async (trx: Kysely<Database>) => {
    const provinces = province !== undefined ? [province] : (await trx.selectFrom('audit_pending').select('province_code').distinct().execute()).map((r) => r.province_code);
    let n = 0;
    for (const p of provinces.sort()) {
      const r = await sql<{ n: number }>`SELECT hoctap_audit_chain_pending(${p}, true) AS n`.execute(trx);
      n += Number(r.rows[0]?.n ?? 0);
    }
    return n;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** Entries committed but not yet chained (all provinces, or one). */
export async function pendingAudit(db: Kysely<Database>, province?: string): Promise<PendingAudit> {
  let q = db.selectFrom('audit_pending').select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('created_at').as('oldest')]);
  if (province !== undefined) q = q.where('province_code', '=', province);
  const r = await q.executeTakeFirst();
  return { count: Number(r?.n ?? 0), oldest: r?.oldest ? new Date(r.oldest as string | Date) : null };
}

/**
 * Recomputes every chain (or one province's) and reports the first entry that does not fit:
 * an edited entry (hash mismatch), a deleted one (gap in sequence numbers or broken link), an
 * inserted one (broken link, or entries beyond the chain head), or a truncated tail (head ahead).
 * @example const v = await verifyAuditChain(db, '25'); if (!v.ok) alert(v.province, v.seq, v.reason);
 */
export async function verifyAuditChain(db: Kysely<Database>, province?: string): Promise<AuditVerification> {
  let headsQuery = db.selectFrom('audit_chain_heads').selectAll();
  let provincesQuery = db.selectFrom('audit_log').select('province_code').distinct();
  if (province !== undefined) {
    headsQuery = headsQuery.where('province_code', '=', province);
    provincesQuery = provincesQuery.where('province_code', '=', province);
  }
  const heads = new Map((await headsQuery.execute()).map((h) => [h.province_code, h]));
  const provinces = [...new Set([...heads.keys(), ...(await provincesQuery.execute()).map((r) => r.province_code)])].sort();
  let entries = 0;
  const BATCH = 1000;
  for (const p of provinces) {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    for (;;) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('province_code', '=', p)
        .where('seq', '>=', expectedSeq)
        .orderBy('seq')
        .limit(BATCH)
        .execute();
      for (const row of rows) {
        const seq = Number(row.seq);
        const fail = (reason: string): AuditVerification => ({ ok: false, province: p, seq: expectedSeq, reason, entries });
        if (seq !== expectedSeq) return fail(`entry ${expectedSeq} is missing (next is ${seq})`);
        if (row.prev_hash !== prevHash) return fail('prev_hash does not link to the previous entry');
        if (auditHash(prevHash, auditEntryDocument(row)) !== row.hash) return fail('hash does not match the entry (edited)');
        prevHash = row.hash;
        expectedSeq++;
        entries++;
      }
      if (rows.length < BATCH) break;
    }
    const head = heads.get(p);
    const last = expectedSeq - 1;
    if (!head) return { ok: false, province: p, seq: 1, reason: 'entries without a chain head', entries };
    if (Number(head.last_seq) === last && head.last_hash !== prevHash) {
      return { ok: false, province: p, seq: last, reason: 'chain head hash differs from the last entry', entries };
    }
    if (Number(head.last_seq) !== last) {
      return Number(head.last_seq) > last
        ? { ok: false, province: p, seq: last + 1, reason: `chain head is at ${head.last_seq}: entries from ${last + 1} are missing`, entries }
        : { ok: false, province: p, seq: Number(head.last_seq) + 1, reason: `entries beyond the chain head (${head.last_seq}) were inserted`, entries };
    }
  }
  return { ok: true, entries, provinces, pending: await pendingAudit(db, province) };
}

/** The newest head of each chain (no lock), e.g. for periodic signed checkpoints. */
export async function auditHeads(db: Kysely<Database>): Promise<{ province: string; seq: number; hash: string }[]> {
  const rows = await db.selectFrom('audit_chain_heads').selectAll().orderBy('province_code').execute();
  return rows.map((r) => ({ province: r.province_code, seq: Number(r.last_seq), hash: r.last_hash }));
}
