/**
 * Verifiable credentials at rest (migration `0004_credentials`): the provinces' Ed25519 issuer keys
 * (the private key only encrypted, AES-256-GCM under a key derived from the data key, bound to its
 * row like the citizen id), the issued credentials, and one Bitstring Status List per province.
 *
 * The public read path (anyone may verify a credential) does NOT use a national scope and no
 * SECURITY DEFINER function: `withVerifierScope` runs a READ ONLY transaction as the role
 * `hoctap_verifier`, which may SELECT only the three credential tables (and on `issuer_keys` only the
 * public columns), and whose policies also require `hoctap.purpose = 'verify'`. The usual scope
 * settings are left empty, so every other policy fails closed.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { parseDataKey } from './crypto.js';
import type { Database } from './schema.js';

/** The role of the public verification path: SELECT on the credential tables' public columns only. */
export const VERIFIER_ROLE = 'hoctap_verifier';

/** Tables of migration 0004 (for `truncateAllTables`; not in TENANT_TABLES, which 0002 was built from). */
export const CREDENTIAL_TABLES = ['issuer_keys', 'status_lists', 'credentials'] as const;

const LOCALITY = `province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    commune_code text CHECK (commune_code ~ '^[0-9]{5}$')`;
const PROVINCE = `province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$')`;
const VERIFY = `current_setting('hoctap.purpose', true) = 'verify'`;

/** The SQL of migration `0004_credentials` (also in `migrations.ts`). */
export const CREDENTIALS_MIGRATION: string[] = [
  // Province-level tables (like audit_chain_heads): any scope in the province may read and write them,
  // because a commune officer's decision signs with the province's key and takes a status-list index.
  `CREATE TABLE issuer_keys (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    ${PROVINCE},
    did text NOT NULL UNIQUE CHECK (did ~ '^did:key:z[1-9A-HJ-NP-Za-km-z]+$'),
    private_key_enc text NOT NULL CHECK (private_key_enc LIKE 'v1.%'),
    created_at timestamptz NOT NULL DEFAULT now(),
    retired_at timestamptz
  )`,
  `CREATE UNIQUE INDEX issuer_keys_active_idx ON issuer_keys (province_code) WHERE retired_at IS NULL`,
  `CREATE TABLE status_lists (
    ${PROVINCE} PRIMARY KEY,
    size integer NOT NULL CHECK (size > 0 AND size % 8 = 0),
    next_index integer NOT NULL DEFAULT 0 CHECK (next_index >= 0 AND next_index <= size),
    encoded_list text NOT NULL CHECK (encoded_list LIKE 'u%'),
    version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    credential jsonb NOT NULL,
    updated_at timestamptz NOT NULL
  )`,
  `CREATE TABLE credentials (
    id uuid PRIMARY KEY,
    ${LOCALITY},
    registration_id uuid NOT NULL REFERENCES registrations (id),
    decision_id uuid NOT NULL REFERENCES decisions (id),
    issuer_key_id uuid NOT NULL REFERENCES issuer_keys (id),
    status_index integer NOT NULL CHECK (status_index >= 0),
    credential jsonb NOT NULL,
    public_info jsonb NOT NULL,
    issued_at timestamptz NOT NULL,
    revoked_at timestamptz,
    revoked_by uuid REFERENCES users (id),
    UNIQUE (province_code, status_index),
    UNIQUE (decision_id, registration_id),
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
  )`,
  `CREATE INDEX credentials_locality_idx ON credentials (province_code, commune_code, decision_id)`,
  `CREATE INDEX credentials_registration_idx ON credentials (registration_id)`,

  ...['issuer_keys', 'status_lists', 'credentials'].flatMap((t) => [`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`, `ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`]),
  ...['issuer_keys', 'status_lists'].flatMap((t) => [
    `CREATE POLICY ${t}_read ON ${t} FOR SELECT USING (hoctap_scope_province_ok(province_code))`,
    `CREATE POLICY ${t}_insert ON ${t} FOR INSERT WITH CHECK (hoctap_scope_province_ok(province_code))`,
    `CREATE POLICY ${t}_update ON ${t} FOR UPDATE USING (hoctap_scope_province_ok(province_code)) WITH CHECK (hoctap_scope_province_ok(province_code))`,
  ]),
  `CREATE POLICY credentials_read ON credentials FOR SELECT USING (hoctap_can_read(province_code, commune_code))`,
  `CREATE POLICY credentials_insert ON credentials FOR INSERT WITH CHECK (hoctap_can_write(province_code, commune_code))`,
  `CREATE POLICY credentials_update ON credentials FOR UPDATE
      USING (hoctap_can_write(province_code, commune_code)) WITH CHECK (hoctap_can_write(province_code, commune_code))`,
  // No DELETE policy and no DELETE grant: a credential is revoked, never removed.
  `GRANT SELECT, INSERT, UPDATE ON issuer_keys, status_lists, credentials TO hoctap_app`,

  // The public verification path.
  `DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${VERIFIER_ROLE}') THEN
      CREATE ROLE ${VERIFIER_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END $$`,
  `GRANT SELECT (id, province_code, did, created_at, retired_at) ON issuer_keys TO ${VERIFIER_ROLE}`,
  `GRANT SELECT ON status_lists, credentials TO ${VERIFIER_ROLE}`,
  ...['issuer_keys', 'status_lists', 'credentials'].map((t) => `CREATE POLICY ${t}_verify ON ${t} FOR SELECT TO ${VERIFIER_ROLE} USING (${VERIFY})`),
];

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Runs `fn` in the public verification scope: a READ ONLY transaction as `hoctap_verifier` with
 * `hoctap.purpose = 'verify'` and no tenant scope — it can read credentials, status lists and the
 * issuers' public keys, and nothing else (every other policy fails closed, and it may write nothing).
 * @example const row = await withVerifierScope(db, (trx) => findCredentialPublic(trx, id));
 */
export async function withVerifierScope<T>(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<T>, options: { role?: string | false } = {}): Promise<T> {
  const role = options.role ?? VERIFIER_ROLE;
  if (role !== false && !/^[a-z_][a-z0-9_]*$/.test(role)) throw new RangeError(`Invalid role name: ${role}`);
  return db.transaction().execute(async (trx) => {
    await sql`SET TRANSACTION READ ONLY`.execute(trx);
    await sql`SELECT set_config('hoctap.role', '', true), set_config('hoctap.province', '', true),
      set_config('hoctap.communes', '', true), set_config('hoctap.purpose', 'verify', true)`.execute(trx);
    if (role !== false) await sql.raw(`SET LOCAL ROLE ${role}`).execute(trx);
    return fn(trx);
  });
}

// ------------------------------------------------------------------------------------ key cipher

/** Encrypts and decrypts issuer private keys (PKCS#8 DER) with a key derived from the data key. */
export interface IssuerKeyCipher {
  encrypt(pkcs8: Uint8Array, keyId: string): string;
  decrypt(stored: string, keyId: string): Buffer;
}

/** AES-256-GCM under HKDF(data key, 'issuer-key encryption v1'); the key row's id is the associated data. */
export function createIssuerKeyCipher(dataKey: string | Uint8Array): IssuerKeyCipher {
  const key = Buffer.from(hkdfSync('sha256', parseDataKey(dataKey), Buffer.from('hoctap/db', 'utf8'), 'issuer-key encryption v1', 32));
  const aad = (id: string) => Buffer.from(`hoctap:issuer-key:v1:${id}`, 'utf8');
  return {
    encrypt(pkcs8, keyId) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(aad(keyId));
      const ct = Buffer.concat([c.update(pkcs8), c.final()]);
      return `v1.${Buffer.concat([iv, ct, c.getAuthTag()]).toString('base64url')}`;
    },
    decrypt(stored, keyId) {
      const [version, body] = stored.split('.');
      if (version !== 'v1' || body === undefined) throw new Error('Unknown issuer-key ciphertext version.');
      const raw = Buffer.from(body, 'base64url');
      if (raw.length < 12 + 16) throw new Error('Issuer-key ciphertext is too short.');
      const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      d.setAAD(aad(keyId));
      d.setAuthTag(raw.subarray(raw.length - 16));
      return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]);
    },
  };
}

// ------------------------------------------------------------------------------------ queries

/** The province's active issuer key row (with the encrypted private key), locked for the transaction. */
export async function activeIssuerKey(db: Db, province: string) {
  return db.selectFrom('issuer_keys').selectAll().where('province_code', '=', province).where('retired_at', 'is', null).forUpdate().executeTakeFirst();
}

/** Records a new issuer key (the caller generates it and encrypts the private key for `id`). */
export async function insertIssuerKey(db: Db, row: { id: string; province: string; did: string; privateKeyEnc: string; at: Date }) {
  return db
    .insertInto('issuer_keys')
    .values({ id: row.id, province_code: row.province, did: row.did, private_key_enc: row.privateKeyEnc, created_at: row.at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Public issuer keys by DID (works in the verifier scope: public columns only). */
export async function issuerKeysByDid(db: Db, dids: readonly string[]) {
  if (dids.length === 0) return [];
  return db.selectFrom('issuer_keys').select(['id', 'province_code', 'did', 'created_at', 'retired_at']).where('did', 'in', [...dids]).execute();
}

/** A province's status list, optionally locked. */
export async function getStatusList(db: Db, province: string, options: { forUpdate?: boolean } = {}) {
  const q = db.selectFrom('status_lists').selectAll().where('province_code', '=', province);
  return (options.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export async function insertStatusList(db: Db, row: { province: string; size: number; encodedList: string; credential: Record<string, unknown>; at: Date }) {
  return db
    .insertInto('status_lists')
    .values({ province_code: row.province, size: row.size, next_index: 0, encoded_list: row.encodedList, version: 1, credential: JSON.stringify(row.credential), updated_at: row.at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateStatusList(db: Db, province: string, set: { nextIndex?: number; encodedList?: string; credential?: Record<string, unknown>; bumpVersion?: boolean; at: Date }) {
  return db
    .updateTable('status_lists')
    .set((eb) => ({
      ...(set.nextIndex !== undefined ? { next_index: set.nextIndex } : {}),
      ...(set.encodedList !== undefined ? { encoded_list: set.encodedList } : {}),
      ...(set.credential !== undefined ? { credential: JSON.stringify(set.credential) } : {}),
      ...(set.bumpVersion ? { version: eb('version', '+', 1) } : {}),
      updated_at: set.at,
    }))
    .where('province_code', '=', province)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** What the public verification page may show: no identity number, no contact, no birth date. */
export interface CredentialPublicInfo {
  title: string;
  year: number;
  locality: string;
  decisionNumber: string;
  decisionDate: string;
  /** Name and village at most (the decision that recognised the holder is itself public). */
  name: string;
  village: string | null;
}

export async function insertCredential(
  db: Db,
  row: { id: string; province: string; commune: string | null; registrationId: string; decisionId: string; issuerKeyId: string; statusIndex: number; credential: Record<string, unknown>; publicInfo: CredentialPublicInfo; at: Date },
) {
  return db
    .insertInto('credentials')
    .values({
      id: row.id,
      province_code: row.province,
      commune_code: row.commune,
      registration_id: row.registrationId,
      decision_id: row.decisionId,
      issuer_key_id: row.issuerKeyId,
      status_index: row.statusIndex,
      credential: JSON.stringify(row.credential),
      public_info: JSON.stringify(row.publicInfo),
      issued_at: row.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A credential by id (visible to the scope, or to the verifier scope). */
export async function getCredential(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  const q = db.selectFrom('credentials').selectAll().where('id', '=', id);
  return (options.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

/** A decision's credentials in the order of its annex (by status index). */
export async function credentialsOfDecision(db: Db, decisionId: string) {
  return db.selectFrom('credentials').selectAll().where('decision_id', '=', decisionId).orderBy('status_index').execute();
}

/** A registration's credentials, newest first. */
export async function credentialsOfRegistration(db: Db, registrationId: string) {
  return db.selectFrom('credentials').selectAll().where('registration_id', '=', registrationId).orderBy('issued_at', 'desc').orderBy('status_index', 'desc').execute();
}

export async function markCredentialRevoked(db: Db, id: string, by: string, at: Date) {
  return db.updateTable('credentials').set({ revoked_at: at, revoked_by: by }).where('id', '=', id).where('revoked_at', 'is', null).returningAll().executeTakeFirst();
}

/** Serialises issuance and revocation in a province for the rest of the transaction (an advisory lock). */
export async function lockProvinceCredentials(db: Db, province: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`hoctap:credentials:${province}`}))`.execute(db);
}
