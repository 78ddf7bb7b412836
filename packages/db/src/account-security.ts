/**
 * Account security (migration `0008_accounts_security`): user administration queries, one-time
 * password-reset tokens (only their sha256 is stored), TOTP secrets encrypted at rest (AES-256-GCM
 * with a key derived from the data key, bound to the user id), the last accepted TOTP time step
 * (replay refusal) and hashed one-time recovery codes.
 */
import { createCipheriv, createDecipheriv, createHash, createSecretKey, hkdfSync, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { parseDataKey } from './crypto.js';
import { forgetCachedSessions } from './accounts.js';
import type { Database, User } from './schema.js';

/** Global account tables of this migration (no locality: reached only through the API's checks). */
export const ACCOUNT_SECURITY_TABLES = ['password_reset_tokens'] as const;

/** The SQL of migration `0008_accounts_security` (registered in `migrations.ts`). */
export const ACCOUNTS_SECURITY_MIGRATION: string[] = [
  `ALTER TABLE users ADD COLUMN totp_secret_enc text CHECK (totp_secret_enc LIKE 'v1.%')`,
  `ALTER TABLE users ADD COLUMN totp_enabled_at timestamptz`,
  `ALTER TABLE users ADD COLUMN totp_last_step bigint`,
  `ALTER TABLE users ADD COLUMN recovery_codes text[] NOT NULL DEFAULT '{}'`,
  `ALTER TABLE users ADD COLUMN password_changed_at timestamptz`,
  `ALTER TABLE users ADD CONSTRAINT users_totp_enabled_has_secret CHECK (totp_enabled_at IS NULL OR totp_secret_enc IS NOT NULL)`,
  `CREATE TABLE password_reset_tokens (
    id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_by uuid REFERENCES users (id),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    CHECK (expires_at > created_at)
  )`,
  `CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id)`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON password_reset_tokens TO hoctap_app`,
];

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Lists people's accounts (not the internal `system` account), optionally only those acting in a
 * province (its 2-digit code among their localities).
 */
export async function listUsers(db: Kysely<Database>, filter: { province?: string } = {}): Promise<User[]> {
  let q = db.selectFrom('users').selectAll().where(sql<boolean>`NOT ('system' = ANY (roles))`).orderBy('email');
  if (filter.province) q = q.where(sql<boolean>`${filter.province} = ANY (localities)`);
  return q.execute();
}

/** Changes an account's name, roles or localities. */
export async function updateUser(
  db: Kysely<Database>,
  id: string,
  patch: { displayName?: string; roles?: readonly string[]; localities?: readonly string[] },
): Promise<User | undefined> {
  for (const code of patch.localities ?? []) {
    if (!/^([0-9]{2}|[0-9]{5})$/.test(code)) throw new RangeError(`Invalid locality code: ${JSON.stringify(code)}`);
  }
  const set: { display_name?: string; roles?: string[]; localities?: string[] } = {};
  if (patch.displayName !== undefined) set.display_name = patch.displayName.normalize('NFC');
  if (patch.roles) set.roles = [...patch.roles];
  if (patch.localities) set.localities = [...patch.localities];
  if (!Object.keys(set).length) return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  const row = await db.updateTable('users').set(set).where('id', '=', id).returningAll().executeTakeFirst();
  forgetCachedSessions();
  return row;
}

/** Disables (`at` a time) or re-enables (`null`) an account. */
export async function setUserDisabled(db: Kysely<Database>, id: string, at: Date | null): Promise<User | undefined> {
  const row = await db.updateTable('users').set({ disabled_at: at }).where('id', '=', id).returningAll().executeTakeFirst();
  forgetCachedSessions();
  return row;
}

/** Stores a new password hash (Argon2id PHC string). */
export async function setPasswordHash(db: Kysely<Database>, id: string, passwordHash: string, now: Date): Promise<void> {
  if (!passwordHash.startsWith('$')) throw new RangeError('passwordHash must be a PHC-format hash, not a password.');
  await db.updateTable('users').set({ password_hash: passwordHash, password_changed_at: now }).where('id', '=', id).execute();
  forgetCachedSessions();
}

/**
 * Issues a one-time password-reset token for an account: 256 random bits (base64url), only its
 * sha256 stored; earlier unused tokens of the account are voided.
 * @example const { token } = await createPasswordResetToken(trx, { userId, createdBy: admin.id, now, ttlMs: 24 * 3600_000 });
 */
export async function createPasswordResetToken(
  db: Kysely<Database>,
  input: { userId: string; createdBy: string | null; now: Date; ttlMs: number },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + input.ttlMs);
  await db.updateTable('password_reset_tokens').set({ used_at: input.now }).where('user_id', '=', input.userId).where('used_at', 'is', null).execute();
  await db
    .insertInto('password_reset_tokens')
    .values({ id: sha256(token), user_id: input.userId, created_by: input.createdBy, created_at: input.now, expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

/**
 * Spends a reset token: marks it used (once, atomically) and returns its account's id, or why not.
 */
export async function consumePasswordResetToken(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<{ ok: true; userId: string } | { ok: false; reason: 'unknown' | 'used' | 'expired' }> {
  const id = sha256(token);
  const spent = await db
    .updateTable('password_reset_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  if (spent) return { ok: true, userId: spent.user_id };
  const row = await db.selectFrom('password_reset_tokens').select(['used_at', 'expires_at']).where('id', '=', id).executeTakeFirst();
  return { ok: false, reason: !row ? 'unknown' : row.used_at ? 'used' : 'expired' };
}

/** Stores a TOTP secret awaiting confirmation (enrolment not yet active). */
export async function setPendingTotp(db: Kysely<Database>, id: string, secretEnc: string): Promise<void> {
  await db.updateTable('users').set({ totp_secret_enc: secretEnc, totp_enabled_at: null, totp_last_step: null, recovery_codes: [] }).where('id', '=', id).execute();
  forgetCachedSessions();
}

/** Activates TOTP with the step of the confirming code and the sha256 hashes of the recovery codes. */
export async function enableTotp(db: Kysely<Database>, id: string, input: { now: Date; step: number; recoveryCodeHashes: readonly string[] }): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_enabled_at: input.now, totp_last_step: input.step, recovery_codes: [...input.recoveryCodeHashes] })
    .where('id', '=', id)
    .where('totp_secret_enc', 'is not', null)
    .execute();
  forgetCachedSessions();
}

/** Removes TOTP (secret, step, recovery codes). */
export async function disableTotp(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable('users').set({ totp_secret_enc: null, totp_enabled_at: null, totp_last_step: null, recovery_codes: [] }).where('id', '=', id).execute();
  forgetCachedSessions();
}

/**
 * Records an accepted TOTP time step, atomically and only if it is later than the last accepted
 * one: false means the code (or an earlier one) was already used — a replay.
 */
export async function acceptTotpStep(db: Kysely<Database>, id: string, step: number): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows ?? 0n) === 1;
}

/** The stored form of a recovery code: sha256 of its canonical text (upper case, no separators). */
export function recoveryCodeHash(code: string): string {
  return sha256(code.replace(/[\s-]/g, '').toUpperCase());
}

/** Spends a recovery code (atomically, once); false when it is not one of the account's unused codes. */
export async function useRecoveryCode(db: Kysely<Database>, id: string, code: string): Promise<boolean> {
  const h = recoveryCodeHash(code);
  const r = await db
    .updateTable('users')
    .set({ recovery_codes: sql<string[]>`array_remove(recovery_codes, ${h})` })
    .where('id', '=', id)
    .where(sql<boolean>`${h} = ANY (recovery_codes)`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows ?? 0n) === 1;
}

/** Encrypts TOTP secrets at rest, bound to their account. */
export interface TotpSecretCipher {
  encrypt(secretBase32: string, userId: string): string;
  decrypt(stored: string, userId: string): string;
}

/**
 * The TOTP-secret cipher: AES-256-GCM under a key derived (HKDF-SHA256, its own label) from the
 * data key, the user id as associated data — the same approach as the citizen-id cipher.
 */
export function createTotpSecretCipher(dataKey: string | Uint8Array): TotpSecretCipher {
  const key = createSecretKey(Buffer.from(hkdfSync('sha256', parseDataKey(dataKey), Buffer.from('hoctap/db', 'utf8'), 'totp secret v1', 32)));
  const aad = (userId: string) => Buffer.from(`hoctap:totp:v1:${userId}`, 'utf8');
  return {
    encrypt(secret, userId) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(aad(userId));
      const ct = Buffer.concat([c.update(secret, 'utf8'), c.final()]);
      return `v1.${Buffer.concat([iv, ct, c.getAuthTag()]).toString('base64url')}`;
    },
    decrypt(stored, userId) {
      const [version, body] = stored.split('.');
      if (version !== 'v1' || body === undefined) throw new Error('Unknown TOTP ciphertext version.');
      const raw = Buffer.from(body, 'base64url');
      if (raw.length < 12 + 16) throw new Error('TOTP ciphertext is too short.');
      const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      d.setAAD(aad(userId));
      d.setAuthTag(raw.subarray(raw.length - 16));
      return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]).toString('utf8');
    },
  };
}

/** Whether an account has this e-mail (already normalised). */
export async function isEmailTaken(db: Kysely<Database>, email: string): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst());
}

/** Revokes an account's live sessions except `keep` (the one changing the password); returns how many. */
export async function revokeOtherSessions(db: Kysely<Database>, userId: string, keep: string, now: Date): Promise<number> {
  const r = await db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('id', '!=', keep).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows ?? 0n);
}

/** Voids an account's unused password-reset tokens (a deactivated account's links die with it). */
export async function voidPasswordResetTokens(db: Kysely<Database>, userId: string, now: Date): Promise<void> {
  await db.updateTable('password_reset_tokens').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

/** A password-reset token's row, looked up without spending it (so a refused new password does not burn the link). */
export async function findPasswordResetToken(db: Kysely<Database>, token: string) {
  return db.selectFrom('password_reset_tokens').selectAll().where('id', '=', sha256(token)).executeTakeFirst();
}
