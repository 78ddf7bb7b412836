/**
 * Chaining audit entries without a province-wide lock in the request's transaction.
 *
 * A write appends its entry to `audit_pending` in its own transaction (so the entry commits, or not,
 * with the change it records). When that transaction commits, a deferred constraint trigger chains
 * every committed pending entry of the province into `audit_log` — `seq`, `prev_hash`, `hash` — if
 * it can take the province's chaining lock at once (`pg_try_advisory_xact_lock`); if another
 * committing transaction holds it, the entry stays pending and the next committer (or the sweeper,
 * `chainPendingAudit`, run by the server every second and at start) chains it. The chain therefore
 * never forks and never waits on another transaction's WAL flush: one commit chains a batch. Until it
 * is chained an entry is committed but not yet protected by the chain; `verifyAuditChain` reports
 * how many entries wait and how old the oldest is.
 *
 * The hash is the same as before: sha256(prev_hash ‖ canonical_json(entry)) (RFC 8785). The
 * application computes the canonical JSON of the entry around its sequence number — `doc_prefix`
 * (everything up to `"seq":`) and `doc_suffix` (everything after) — because the keys are sorted and
 * `seq` is the only member known only when chaining; PostgreSQL concatenates and hashes.
 */

import type { Kysely } from 'kysely';
import { chainPendingAudit } from './audit.js';
import type { Database } from './schema.js';
import { withScope } from './scope.js';

/** Tables of this module (for test resets). */
export const AUDIT_PENDING_TABLES = ['audit_pending'] as const;

/** The migration `0010_audit_pending`. */
export const AUDIT_PENDING_MIGRATION: string[] = [
  `CREATE TABLE audit_pending (
    id bigserial PRIMARY KEY,
    province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    at timestamptz NOT NULL,
    actor_id uuid,
    action text NOT NULL,
    subject_kind text,
    subject_id uuid,
    payload jsonb NOT NULL DEFAULT '{}',
    doc_prefix text NOT NULL,
    doc_suffix text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
  )`,
  `CREATE INDEX audit_pending_province_idx ON audit_pending (province_code, id)`,
  `ALTER TABLE audit_pending ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE audit_pending FORCE ROW LEVEL SECURITY`,
  // Any scope of the province appends and (when chaining at its commit) moves its province's entries.
  `CREATE POLICY audit_pending_read ON audit_pending FOR SELECT USING (hoctap_scope_province_ok(province_code))`,
  `CREATE POLICY audit_pending_insert ON audit_pending FOR INSERT WITH CHECK (hoctap_scope_province_ok(province_code))`,
  `CREATE POLICY audit_pending_delete ON audit_pending FOR DELETE USING (hoctap_scope_province_ok(province_code))`,
  `GRANT SELECT, INSERT, DELETE ON audit_pending TO hoctap_app`,
  `GRANT USAGE ON SEQUENCE audit_pending_id_seq TO hoctap_app`,
  `REVOKE ALL ON audit_pending FROM PUBLIC`,
  // Chains the committed pending entries of province p; waits for the lock when asked to, else gives up at once.
  `CREATE FUNCTION hoctap_audit_chain_pending(p text, wait boolean) RETURNS integer LANGUAGE plpgsql AS $$
  DECLARE
    head record;
    r record;
    s bigint;
    h text;
    nh text;
    n integer := 0;
  BEGIN
    IF wait THEN
      PERFORM pg_advisory_xact_lock(hashtext('hoctap.audit'), hashtext(p));
    ELSIF NOT pg_try_advisory_xact_lock(hashtext('hoctap.audit'), hashtext(p)) THEN
      RETURN 0;
    END IF;
    INSERT INTO audit_chain_heads (province_code, last_seq, last_hash) VALUES (p, 0, repeat('0', 64))
      ON CONFLICT (province_code) DO NOTHING;
    SELECT last_seq, last_hash INTO head FROM audit_chain_heads WHERE province_code = p FOR UPDATE;
    s := head.last_seq;
    h := head.last_hash;
    -- No row locks needed: the advisory lock makes this the only chainer of the province.
    FOR r IN SELECT * FROM audit_pending WHERE province_code = p ORDER BY id LOOP
      s := s + 1;
      nh := encode(sha256(convert_to(h || r.doc_prefix || s::text || r.doc_suffix, 'UTF8')), 'hex');
      -- No RETURNING: a commune scope may append to the log but not read it back.
      INSERT INTO audit_log (province_code, seq, at, actor_id, action, subject_kind, subject_id, payload, prev_hash, hash)
        VALUES (p, s, r.at, r.actor_id, r.action, r.subject_kind, r.subject_id, r.payload, h, nh);
      h := nh;
      DELETE FROM audit_pending WHERE id = r.id;
      n := n + 1;
    END LOOP;
    IF n > 0 THEN
      UPDATE audit_chain_heads SET last_seq = s, last_hash = h WHERE province_code = p;
    END IF;
    RETURN n;
  END $$`,
  `CREATE FUNCTION hoctap_audit_chain_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM hoctap_audit_chain_pending(NEW.province_code, false);
    RETURN NULL;
  END $$`,
  `CREATE CONSTRAINT TRIGGER audit_pending_chain AFTER INSERT ON audit_pending
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hoctap_audit_chain_at_commit()`,
];

/** A running sweeper (see {@link startAuditSweeper}). */
export interface AuditSweeper {
  /** Stops the timer, waits for a sweep in progress, and runs a last one. */
  stop(): Promise<void>;
  /** Runs a sweep now; resolves with the number of entries chained. */
  sweep(): Promise<number>;
}

/**
 * Chains entries left pending (their commit found another commit chaining) every `intervalMs`,
 * in the national scope, so that no entry waits longer than about that. A server starts one.
 * @example const sweeper = startAuditSweeper(handle.db); … await sweeper.stop();
 */
export function startAuditSweeper(db: Kysely<Database>, options: { intervalMs?: number; onError?: (e: unknown) => void } = {}): AuditSweeper {
  let running: Promise<number> | undefined;
  const sweep = (): Promise<number> => {
    running ??= withScope(db, { role: 'national' }, (trx) => chainPendingAudit(trx))
      .catch((e: unknown) => {
        options.onError?.(e);
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => void sweep(), options.intervalMs ?? 1000);
  timer.unref();
  return {
    sweep,
    async stop() {
      clearInterval(timer);
      await running;
      await sweep();
    },
  };
}
