/**
 * Accounts and server-side sessions. Passwords arrive already hashed (the API hashes with
 * Argon2id); a session is stored under the sha256 of its token, never the token itself.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Session, User } from './schema.js';

/** An account to create. */
export interface UserInput {
  email: string;
  displayName: string;
  /** An Argon2id (PHC string) hash: this package never sees a clear password. */
  passwordHash: string;
  /** e.g. 'platform-admin', 'province-admin', 'commune-officer', 'committee-member', 'citizen'. */
  roles: readonly string[];
  /** Province (2-digit) and commune (5-digit) codes the user acts for. */
  localities?: readonly string[];
}

/**
 * Creates an account; the email is trimmed and lower-cased (unique).
 * @example await createUser(db, { email: 'can-bo@xa.vn', displayName: 'Cán bộ xã', passwordHash, roles: ['commune-officer'], localities: ['25', '07900'] });
 */
export async function createUser(db: Kysely<Database>, input: UserInput): Promise<User> {
  for (const code of input.localities ?? []) {
    if (!/^([0-9]{2}|[0-9]{5})$/.test(code)) throw new RangeError(`Invalid locality code: ${JSON.stringify(code)}`);
  }
  if (!input.passwordHash.startsWith('$')) throw new RangeError('passwordHash must be a PHC-format hash, not a password.');
  return db
    .insertInto('users')
    .values({
      email: input.email.trim().toLowerCase(),
      display_name: input.displayName.normalize('NFC'),
      password_hash: input.passwordHash,
      roles: [...input.roles],
      localities: [...(input.localities ?? [])],
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Finds an enabled or disabled account by email (case-insensitive). */
export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

/** Gets an account by id. */
export async function getUser(db: Kysely<Database>, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** sha256 (hex) of a session token: what the `sessions` table is keyed by. */
export function sessionId(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Stores a new session for a token (only its hash is kept).
 * @example await createSession(db, { token, userId, now, absoluteMs: 12 * 3600_000 });
 */
export async function createSession(
  db: Kysely<Database>,
  input: { token: string; userId: string; now: Date; absoluteMs: number },
): Promise<Session> {
  return db
    .insertInto('sessions')
    .values({
      id: sessionId(input.token),
      user_id: input.userId,
      created_at: input.now,
      last_seen_at: input.now,
      expires_at: new Date(input.now.getTime() + input.absoluteMs),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A live session and its account, or why there is none. */
export type SessionLookup =
  | { ok: true; session: Session; user: User }
  | { ok: false; reason: 'unknown' | 'revoked' | 'expired' | 'idle' | 'disabled' };

/**
 * Sessions read in the last `cacheMs` (process-wide, by session id): a busy session is not one
 * database round trip per request. Every change made through this package to a session or an
 * account clears it ({@link forgetCachedSessions}); a change made by another process is seen
 * within `cacheMs`.
 */
const SESSION_CACHE = new Map<string, { at: number; session: Session; user: User }>();
/** When the cache was last cleared: a read that started before then is not kept. */
let forgottenAt = -Infinity;

/**
 * Drops every cached session. Called after a session is revoked or an account changes — and,
 * when that happened in a transaction, again after it commits (a read that overlapped the
 * change is not kept either).
 */
export function forgetCachedSessions(): void {
  SESSION_CACHE.clear();
  forgottenAt = performance.now();
}

/**
 * Looks a token up and checks it against the clock: revoked, past its absolute expiry, idle for
 * longer than `idleMs`, or belonging to a disabled account → not ok. A live session's
 * `last_seen_at` moves to `now` (an expired one is revoked). `cacheMs` > 0: a session read that
 * long ago or less is not read again (the checks above still run on every call).
 */
export async function resolveSession(
  db: Kysely<Database>,
  input: { token: string; now: Date; idleMs: number; cacheMs?: number },
): Promise<SessionLookup> {
  const id = sessionId(input.token);
  const cacheMs = input.cacheMs ?? 0;
  const started = performance.now();
  let hit = cacheMs > 0 ? SESSION_CACHE.get(id) : undefined;
  if (hit && (started - hit.at > cacheMs || hit.at <= forgottenAt)) {
    SESSION_CACHE.delete(id);
    hit = undefined;
  }
  let session: Session;
  let user: User;
  if (hit) ({ session, user } = hit);
  else {
    // One round trip for the session and its account.
    const row = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select([
        'sessions.id as s_id',
        'sessions.user_id as s_user_id',
        'sessions.created_at as s_created_at',
        'sessions.last_seen_at as s_last_seen_at',
        'sessions.expires_at as s_expires_at',
        'sessions.revoked_at as s_revoked_at',
      ])
      .where('sessions.id', '=', id)
      .executeTakeFirst();
    if (!row) return { ok: false, reason: 'unknown' };
    const { s_id, s_user_id, s_created_at, s_last_seen_at, s_expires_at, s_revoked_at, ...rest } = row;
    session = { id: s_id, user_id: s_user_id, created_at: s_created_at, last_seen_at: s_last_seen_at, expires_at: s_expires_at, revoked_at: s_revoked_at };
    user = rest as User;
    if (cacheMs > 0 && started > forgottenAt) {
      if (SESSION_CACHE.size >= 10_000) SESSION_CACHE.clear();
      SESSION_CACHE.set(id, { at: started, session, user });
    }
  }
  if (session.revoked_at) return { ok: false, reason: 'revoked' };
  const now = input.now.getTime();
  const reason = now >= session.expires_at.getTime() ? 'expired' : now - session.last_seen_at.getTime() > input.idleMs ? 'idle' : undefined;
  if (reason) {
    await revokeSession(db, id, input.now);
    return { ok: false, reason };
  }
  if (user.disabled_at) return { ok: false, reason: 'disabled' };
  // The idle clock moves at most once a minute: a busy session is not one write (and one WAL
  // flush, on one row all its requests share) per request.
  if (now - session.last_seen_at.getTime() < LAST_SEEN_RESOLUTION_MS) return { ok: true, session, user };
  await db.updateTable('sessions').set({ last_seen_at: input.now }).where('id', '=', id).execute();
  session = { ...session, last_seen_at: input.now };
  const cached = SESSION_CACHE.get(id);
  if (cached) cached.session = session;
  return { ok: true, session, user };
}

/** How stale `sessions.last_seen_at` may be before a request refreshes it (idle timeouts are this coarse). */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

/** Revokes one session by its id (the token's hash). */
export async function revokeSession(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  forgetCachedSessions();
}

/** Revokes every session of an account (e.g. after a password change). */
export async function revokeUserSessions(db: Kysely<Database>, userId: string, now: Date): Promise<number> {
  const r = await db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  forgetCachedSessions();
  return Number(r.numUpdatedRows ?? 0n);
}
