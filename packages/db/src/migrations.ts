/**
 * Forward-only migrations, provided statically (no folder scanning) to Kysely's Migrator.
 * SQL is written for PostgreSQL 15 (the system server) and also runs on PGlite (PostgreSQL 18).
 * Each migration is a list of single statements: PGlite's extended protocol takes one at a time.
 */
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration';
import { TENANT_TABLES } from './schema.js';
import { JOBS_MIGRATION } from './jobs.js';
import { JOB_FILES_MIGRATION } from './job-files.js';
import { AUDIT_PENDING_MIGRATION } from './audit-chain.js';
import { CREDENTIALS_MIGRATION } from './credentials.js';
import { ACCOUNTS_SECURITY_MIGRATION } from './account-security.js';
import { EVIDENCE_MIGRATION } from './evidence.js';
import { PUBLIC_LIST_MIGRATION } from './public-list.js';
import { CAMPAIGN_NAME_COMMUNES_MIGRATION } from './campaign-names.js';
import { TITLE_HISTORY_MIGRATION } from './title-history.js';
import { DASHBOARD_MIGRATION } from './dashboard.js';
import { APP_ROLE } from './roles.js';
import { vietnameseOrderMigration } from './vi-order.js';

const LOCALITY = `province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  commune_code text CHECK (commune_code ~ '^[0-9]{5}$')`;

const initialSchema: string[] = [
  `CREATE TABLE administrative_units (
    code text NOT NULL,
    level text NOT NULL CHECK (level IN ('province', 'commune')),
    name text NOT NULL,
    province_code text,
    valid_from date NOT NULL,
    valid_to date,
    successor_code text,
    PRIMARY KEY (level, code, valid_from),
    CHECK (valid_to IS NULL OR valid_to > valid_from),
    CHECK ((level = 'province' AND code ~ '^[0-9]{2}$' AND province_code IS NULL)
        OR (level = 'commune' AND code ~ '^[0-9]{5}$' AND province_code ~ '^[0-9]{2}$'))
  )`,
  `CREATE INDEX administrative_units_province_idx ON administrative_units (province_code, level, code)`,

  `CREATE TABLE people (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    ${LOCALITY},
    full_name text NOT NULL CHECK (full_name = normalize(full_name, NFC) AND full_name <> ''),
    name_folded text NOT NULL,
    birth_date date,
    sex text CHECK (sex IN ('male', 'female')),
    citizen_id_enc text CHECK (citizen_id_enc LIKE 'v1.%'),
    citizen_id_hmac text CHECK (citizen_id_hmac ~ '^[0-9a-f]{64}$'),
    village text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((citizen_id_enc IS NULL) = (citizen_id_hmac IS NULL))
  )`,
  `CREATE INDEX people_locality_name_idx ON people (province_code, commune_code, name_folded)`,
  `CREATE UNIQUE INDEX people_citizen_id_hmac_idx ON people (citizen_id_hmac) WHERE citizen_id_hmac IS NOT NULL`,

  ...(['households', 'clans', 'communities', 'units'] as const).map(
    (table) => `CREATE TABLE ${table} (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    ${LOCALITY},
    name text NOT NULL CHECK (name = normalize(name, NFC) AND name <> ''),
    name_folded text NOT NULL,
    ${
      table === 'households'
        ? 'village text,'
        : table === 'communities'
          ? `kind text NOT NULL CHECK (kind IN ('village', 'residential-group', 'commune')),`
          : table === 'units'
            ? `kind text NOT NULL CHECK (kind IN ('agency', 'school', 'enterprise', 'other')),`
            : ''
    }
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  ),
  ...['households', 'clans', 'communities', 'units'].map(
    (table) => `CREATE INDEX ${table}_locality_name_idx ON ${table} (province_code, commune_code, name_folded)`,
  ),

  `CREATE TABLE memberships (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    ${LOCALITY},
    person_id uuid NOT NULL REFERENCES people (id),
    household_id uuid REFERENCES households (id),
    clan_id uuid REFERENCES clans (id),
    community_id uuid REFERENCES communities (id),
    unit_id uuid REFERENCES units (id),
    role text NOT NULL DEFAULT 'member',
    valid_from date NOT NULL,
    valid_to date,
    CHECK (num_nonnulls(household_id, clan_id, community_id, unit_id) = 1),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
  )`,
  `CREATE INDEX memberships_locality_idx ON memberships (province_code, commune_code)`,
  `CREATE INDEX memberships_person_idx ON memberships (person_id, valid_from)`,
  `CREATE INDEX memberships_household_idx ON memberships (household_id, valid_from) WHERE household_id IS NOT NULL`,
  `CREATE INDEX memberships_clan_idx ON memberships (clan_id, valid_from) WHERE clan_id IS NOT NULL`,
  `CREATE INDEX memberships_community_idx ON memberships (community_id, valid_from) WHERE community_id IS NOT NULL`,
  `CREATE INDEX memberships_unit_idx ON memberships (unit_id, valid_from) WHERE unit_id IS NOT NULL`,

  `CREATE TABLE users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email text NOT NULL CHECK (email = lower(email)),
    display_name text NOT NULL,
    password_hash text NOT NULL,
    roles text[] NOT NULL DEFAULT '{}',
    localities text[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    disabled_at timestamptz
  )`,
  `CREATE UNIQUE INDEX users_email_idx ON users (email)`,

  `CREATE TABLE sessions (
    id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
  )`,
  `CREATE INDEX sessions_user_idx ON sessions (user_id)`,

  `CREATE TABLE frameworks (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    plugin text NOT NULL,
    version text NOT NULL,
    title text NOT NULL,
    source_text text NOT NULL,
    status text NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
    effective_from date NOT NULL,
    effective_to date,
    content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    published_by uuid REFERENCES users (id),
    published_at timestamptz,
    UNIQUE (plugin, version),
    CHECK (effective_to IS NULL OR effective_to > effective_from),
    CHECK (status = 'draft' OR (published_at IS NOT NULL AND published_by IS NOT NULL))
  )`,

  `CREATE TABLE campaigns (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    ${LOCALITY},
    title text NOT NULL,
    framework_id uuid NOT NULL REFERENCES frameworks (id),
    year integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    calendar jsonb NOT NULL DEFAULT '[]',
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX campaigns_locality_idx ON campaigns (province_code, commune_code, year)`,

  `CREATE TABLE registrations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    ${LOCALITY},
    campaign_id uuid NOT NULL REFERENCES campaigns (id),
    subject_kind text NOT NULL CHECK (subject_kind IN ('person', 'household', 'clan', 'community', 'unit')),
    subject_id uuid NOT NULL,
    status text NOT NULL DEFAULT 'registered'
      CHECK (status IN ('registered', 'withdrawn', 'assessed', 'proposed', 'recognised', 'refused')),
    registered_by uuid REFERENCES users (id),
    registered_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (campaign_id, subject_kind, subject_id)
  )`,
  `CREATE INDEX registrations_locality_idx ON registrations (province_code, commune_code, campaign_id)`,

  `CREATE TABLE assessments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    ${LOCALITY},
    registration_id uuid NOT NULL REFERENCES registrations (id),
    kind text NOT NULL CHECK (kind IN ('self', 'committee')),
    scores jsonb NOT NULL DEFAULT '{}',
    evidence jsonb NOT NULL DEFAULT '[]',
    notes text,
    assessed_by uuid REFERENCES users (id),
    assessed_at timestamptz NOT NULL DEFAULT now(),
    result jsonb
  )`,
  `CREATE INDEX assessments_locality_idx ON assessments (province_code, commune_code, registration_id)`,

  `CREATE TABLE decisions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    ${LOCALITY},
    campaign_id uuid NOT NULL REFERENCES campaigns (id),
    number text NOT NULL,
    decided_on date NOT NULL,
    signer text NOT NULL,
    proposer_id uuid NOT NULL REFERENCES users (id),
    approver_id uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (province_code, number),
    -- a decision needs two different people (ASVS v5.0.0-2.3.5, issue 4)
    CHECK (proposer_id <> approver_id)
  )`,
  `CREATE INDEX decisions_locality_idx ON decisions (province_code, commune_code, decided_on)`,

  `CREATE TABLE decision_subjects (
    decision_id uuid NOT NULL REFERENCES decisions (id),
    registration_id uuid NOT NULL REFERENCES registrations (id),
    ${LOCALITY},
    PRIMARY KEY (decision_id, registration_id)
  )`,
  `CREATE INDEX decision_subjects_locality_idx ON decision_subjects (province_code, commune_code)`,

  `CREATE TABLE audit_chain_heads (
    province_code text PRIMARY KEY CHECK (province_code ~ '^[0-9]{2}$'),
    last_seq bigint NOT NULL CHECK (last_seq >= 0),
    last_hash text NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$')
  )`,
  `CREATE TABLE audit_log (
    province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    seq bigint NOT NULL CHECK (seq >= 1),
    at timestamptz NOT NULL,
    actor_id uuid,
    action text NOT NULL,
    subject_kind text,
    subject_id uuid,
    payload jsonb NOT NULL DEFAULT '{}',
    prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (province_code, seq)
  )`,
];

/** Scope predicates, SECURITY INVOKER (the default): they read the per-transaction settings and fail closed when unset. */
const scopeFunctions: string[] = [
  `CREATE FUNCTION hoctap_scope_province_ok(p text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT CASE coalesce(current_setting('hoctap.role', true), '')
      WHEN 'national' THEN true
      WHEN 'province' THEN p = nullif(current_setting('hoctap.province', true), '')
      WHEN 'commune' THEN p = nullif(current_setting('hoctap.province', true), '')
      ELSE false END
  $$`,
  // Reads: a commune-scoped caller also sees its province's rows that belong to no commune
  // (province-wide campaigns, decisions).
  `CREATE FUNCTION hoctap_can_read(p text, c text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT CASE coalesce(current_setting('hoctap.role', true), '')
      WHEN 'national' THEN true
      WHEN 'province' THEN p = nullif(current_setting('hoctap.province', true), '')
      WHEN 'commune' THEN p = nullif(current_setting('hoctap.province', true), '')
        AND (c IS NULL OR c = ANY (string_to_array(nullif(current_setting('hoctap.communes', true), ''), ',')))
      ELSE false END
  $$`,
  // Writes: a commune-scoped caller writes only rows of its own communes.
  `CREATE FUNCTION hoctap_can_write(p text, c text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT CASE coalesce(current_setting('hoctap.role', true), '')
      WHEN 'national' THEN true
      WHEN 'province' THEN p = nullif(current_setting('hoctap.province', true), '')
      WHEN 'commune' THEN p = nullif(current_setting('hoctap.province', true), '')
        AND c = ANY (string_to_array(nullif(current_setting('hoctap.communes', true), ''), ','))
      ELSE false END
  $$`,
];

function policiesFor(table: string): string[] {
  const rls = [`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`, `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`];
  if (table === 'audit_log') {
    // Append-only: read and insert policies only (and no UPDATE/DELETE grant). Reading the chain is
    // for province and national scopes; any scope in the province may append.
    return [
      ...rls,
      `CREATE POLICY audit_log_read ON audit_log FOR SELECT
        USING (hoctap_scope_province_ok(province_code) AND current_setting('hoctap.role', true) <> 'commune')`,
      `CREATE POLICY audit_log_insert ON audit_log FOR INSERT WITH CHECK (hoctap_scope_province_ok(province_code))`,
    ];
  }
  if (table === 'audit_chain_heads') {
    return [
      ...rls,
      `CREATE POLICY audit_chain_heads_read ON audit_chain_heads FOR SELECT USING (hoctap_scope_province_ok(province_code))`,
      `CREATE POLICY audit_chain_heads_insert ON audit_chain_heads FOR INSERT WITH CHECK (hoctap_scope_province_ok(province_code))`,
      `CREATE POLICY audit_chain_heads_update ON audit_chain_heads FOR UPDATE
        USING (hoctap_scope_province_ok(province_code)) WITH CHECK (hoctap_scope_province_ok(province_code))`,
    ];
  }
  return [
    ...rls,
    `CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (hoctap_can_read(province_code, commune_code))`,
    `CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (hoctap_can_write(province_code, commune_code))`,
    `CREATE POLICY ${table}_update ON ${table} FOR UPDATE
      USING (hoctap_can_write(province_code, commune_code)) WITH CHECK (hoctap_can_write(province_code, commune_code))`,
    `CREATE POLICY ${table}_delete ON ${table} FOR DELETE USING (hoctap_can_write(province_code, commune_code))`,
  ];
}

const DML_TABLES = [
  'administrative_units',
  'frameworks',
  'users',
  'sessions',
  ...TENANT_TABLES.filter((t) => t !== 'audit_log'),
];

const rowLevelSecurity: string[] = [
  // Roles are cluster-wide: another database may have created it already, possibly concurrently.
  `DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
      CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END $$`,
  ...scopeFunctions,
  ...TENANT_TABLES.flatMap(policiesFor),
  `GRANT SELECT, INSERT, UPDATE, DELETE ON ${DML_TABLES.join(', ')} TO ${APP_ROLE}`,
  `GRANT SELECT, INSERT ON audit_log TO ${APP_ROLE}`,
  `REVOKE ALL ON audit_log FROM PUBLIC`,
];

function statements(list: string[]): Migration {
  return {
    async up(db) {
      for (const statement of list) await sql.raw(statement).execute(db);
    },
  };
}

/**
 * The registration workflow of the API (issue 4): the states of `@hoctap/api`'s `workflow.ts`,
 * who proposed (a decision needs a different approver), who reviewed (an appeal needs a different
 * reviewer), whether a step was late (flagged), and when the row last changed.
 */
const registrationWorkflow: string[] = [
  `ALTER TABLE registrations DROP CONSTRAINT registrations_status_check`,
  `ALTER TABLE registrations ADD CONSTRAINT registrations_status_check CHECK (status IN (
    'registered', 'self-assessed', 'submitted', 'returned', 'reviewed', 'proposed',
    'recognised', 'not-recognised', 'published', 'withdrawn', 'appealed', 'assessed', 'refused'))`,
  `ALTER TABLE registrations ADD COLUMN proposed_by uuid REFERENCES users (id)`,
  `ALTER TABLE registrations ADD COLUMN reviewed_by uuid REFERENCES users (id)`,
  `ALTER TABLE registrations ADD COLUMN late boolean NOT NULL DEFAULT false`,
  `ALTER TABLE registrations ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`,
];

/** Every migration, in order. Names sort; never edit a released one, add a new one. */
export const migrations: Record<string, Migration> = {
  '0001_initial_schema': statements(initialSchema),
  '0002_row_level_security': statements(rowLevelSecurity),
  '0003_registration_workflow': statements(registrationWorkflow),
  // Verifiable credentials (issue 6): issuer keys, credentials, status lists, the verifier role; SQL in credentials.ts.
  '0004_credentials': statements(CREDENTIALS_MIGRATION),
  // Durable jobs (issue 4): a queue shared by the server processes; SQL in jobs.ts.
  '0005_jobs': statements(JOBS_MIGRATION),
  // Evidence files of assessments (issues 4, 5): metadata, detected type, bytes; SQL in evidence.ts.
  '0007_evidence_files': statements(EVIDENCE_MIGRATION),
  // Account security (issue 4): password resets, TOTP, recovery codes; SQL in account-security.ts.
  '0008_accounts_security': statements(ACCOUNTS_SECURITY_MIGRATION),
  // The public list of recognised subjects (issue 5): role, column grants, policies, view; SQL in public-list.ts.
  '0009_public_list': statements(PUBLIC_LIST_MIGRATION),
  // Audit entries chained at commit without a lock in the writer's transaction (issue 4); SQL in audit-chain.ts.
  '0010_audit_pending': statements(AUDIT_PENDING_MIGRATION),
  // Files made by background jobs (issue 4), e.g. a decision's certificates PDF; SQL in job-files.ts.
  '0011_job_files': statements(JOB_FILES_MIGRATION),
  // A campaign's name and communes, and what a decision did not recognise (issue 11); SQL in campaign-names.ts.
  '0012_campaign_name_communes': statements(CAMPAIGN_NAME_COMMUNES_MIGRATION),
  // Title history (issue 11): registrations by subject, for multi-year titles and the registers; SQL in title-history.ts.
  '0013_title_history': statements(TITLE_HISTORY_MIGRATION),
  // The yearly dashboard (issue 11): a registration's latest committee assessment by index; SQL in dashboard.ts.
  '0014_dashboard': statements(DASHBOARD_MIGRATION),
  // Names in Vietnamese order (issue 12): vi_sort_key and a stored name_sort on people and groups; SQL in vi-order.ts.
  '0016_vietnamese_order': statements(vietnameseOrderMigration()),
};

/** A Kysely Migrator over the static migrations. */
export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/**
 * Brings the schema to the latest migration; throws (with the failing migration's name) on error.
 * @example await migrateToLatest(handle.db)
 */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const result = await createMigrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error : new Error(String(result.error));
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause.message}`, { cause });
  }
  return result;
}
