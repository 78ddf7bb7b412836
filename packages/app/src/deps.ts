/** What every use case takes: the platform's dependencies and the caller. */
import type { Model, Registry } from '@hoctap/core';
import { withScope, type AuditInput, type CitizenIdCipher, type Database, type IssuerKeyCipher, type Scope, type TotpSecretCipher } from '@hoctap/db';
import type { Kysely, Transaction } from 'kysely';

/**
 * The platform's dependencies, built once by the composition root (the API's `createApp`, the
 * CLI, a job worker) and passed to every use case.
 */
export interface Deps {
  readonly db: Kysely<Database>;
  /** The registered locality plugins and their checked frameworks. */
  readonly registry: Registry;
  /** Encrypts citizen ids and derives their lookup hash. */
  readonly cipher: CitizenIdCipher;
  /** Encrypts the provinces' credential signing keys. */
  readonly keyCipher: IssuerKeyCipher;
  /** Encrypts TOTP secrets at rest. */
  readonly totpCipher: TotpSecretCipher;
  /** The public origin printed in QR codes and signed into credentials. */
  readonly publicUrl: string;
  /** The clock: deadlines, audit times. */
  readonly now: () => Date;
  /** Checked models of stored framework versions, by framework row id (see `modelOf`). */
  readonly models: Map<string, { model: Model; ref: string }>;
  /** Called when a background job is queued (a server wakes its worker). */
  readonly onJobQueued?: (() => void) | undefined;
}

/** Who is asking: the account, its roles, the localities it may see and where it came from. */
export interface Caller {
  /** The account id; null for the system itself (demo seeding, a job acting for nobody). */
  readonly userId: string | null;
  readonly roles: readonly string[];
  readonly scope: Scope;
  /** The network address, for the audit trail. */
  readonly address?: string | undefined;
}

/** A transaction of the platform's database. */
export type Trx = Transaction<Database>;

/** Runs `fn` in a transaction scoped to the caller (row-level security is the second wall). */
export function withCaller<T>(deps: Pick<Deps, 'db'>, caller: Caller, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return withScope(deps.db, caller.scope, fn);
}

/** An audit entry's fields beyond who, when and where. */
export interface AuditFields {
  province: string;
  action: string;
  subject?: { kind: string; id: string };
  payload?: Record<string, unknown>;
  /** Overrides the caller's id (e.g. the account a failed sign-in named). */
  actorId?: string | null;
}

/** The audit entry of `entry` with who (the caller), when (the clock) and where (the address). */
export function auditEntry(deps: Pick<Deps, 'now'>, caller: Pick<Caller, 'userId' | 'address'>, entry: AuditFields): AuditInput {
  return {
    province: entry.province,
    action: entry.action,
    actorId: entry.actorId !== undefined ? entry.actorId : caller.userId,
    subject: entry.subject ?? null,
    payload: { ...(entry.payload ?? {}), ...(caller.address ? { from: caller.address } : {}) },
    at: deps.now(),
  };
}

/** Today's date in Asia/Ho_Chi_Minh (UTC+7, no daylight saving), ISO `yyyy-mm-dd`. */
export function localDate(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
