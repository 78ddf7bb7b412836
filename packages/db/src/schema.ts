/**
 * The database as Kysely sees it. Column types are what both dialects return after the type
 * parsers in `parsers.ts`: int8/numeric → number, date → 'YYYY-MM-DD', timestamptz → Date, json → parsed.
 */
import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable, Updateable } from 'kysely';

/** A `date` column: read as 'YYYY-MM-DD', written as the same string. */
export type DateColumn = string;
/** A `timestamptz` column with a default. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `timestamptz` column. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `jsonb` column holding `T`. */
export type Json<T> = ColumnType<T, string | T, string | T>;

/** A province code (2 digits) and, for rows below the province, a commune code (5 digits). */
export interface Locality {
  province_code: string;
  commune_code: string | null;
}

export interface AdministrativeUnitsTable {
  code: string;
  level: 'province' | 'commune';
  name: string;
  /** The province a commune belongs to; null for a province. */
  province_code: string | null;
  valid_from: DateColumn;
  valid_to: DateColumn | null;
  /** The unit that took this one over (same level unless stated), e.g. after the 1 July 2025 merger. */
  successor_code: string | null;
}

export interface PeopleTable extends Locality {
  id: Generated<string>;
  full_name: string;
  name_folded: string;
  /** The name's Vietnamese sort key (`vi_sort_key`, migration 0016): ORDER BY it for lists. */
  name_sort: GeneratedAlways<string>;
  birth_date: DateColumn | null;
  sex: 'male' | 'female' | null;
  /** AES-256-GCM ciphertext of the citizen id (`v1.<base64url>`), never the clear value. */
  citizen_id_enc: string | null;
  /** HMAC-SHA256 (hex) of the citizen id under the lookup key. */
  citizen_id_hmac: string | null;
  village: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface GroupTable extends Locality {
  id: Generated<string>;
  name: string;
  name_folded: string;
  /** The name's Vietnamese sort key (`vi_sort_key`, migration 0016): ORDER BY it for lists. */
  name_sort: GeneratedAlways<string>;
  created_at: CreatedAt;
}

export interface HouseholdsTable extends GroupTable {
  village: string | null;
}

export interface ClansTable extends GroupTable {}

export interface CommunitiesTable extends GroupTable {
  kind: 'village' | 'residential-group' | 'commune';
}

export interface UnitsTable extends GroupTable {
  kind: 'agency' | 'school' | 'enterprise' | 'other';
}

export interface MembershipsTable extends Locality {
  id: Generated<string>;
  person_id: string;
  household_id: string | null;
  clan_id: string | null;
  community_id: string | null;
  unit_id: string | null;
  /** e.g. 'head' of a household; default 'member'. */
  role: Generated<string>;
  valid_from: DateColumn;
  /** Exclusive end; null while current. */
  valid_to: DateColumn | null;
}

export interface FrameworksTable {
  id: Generated<string>;
  plugin: string;
  version: string;
  title: string;
  source_text: string;
  status: 'draft' | 'published' | 'retired';
  effective_from: DateColumn;
  effective_to: DateColumn | null;
  /** sha256 (hex) of the source text. */
  content_hash: string;
  published_by: string | null;
  published_at: Timestamp | null;
}

/** A campaign's calendar: named windows (registration, self-assessment, review, …). */
export interface CalendarWindow {
  name: string;
  /** First day (ISO); absent for a window that only has an end ("trước 05/11"). */
  from?: string;
  to: string;
  /** What to do with a late action: refuse it or accept it and flag it (from the framework). */
  late?: 'refuse' | 'flag';
  /** The step as the framework describes it. */
  label?: string;
}

export interface CampaignsTable extends Locality {
  id: Generated<string>;
  /** The title's code name, e.g. 'learning-citizen'. */
  title: string;
  /** What the locality calls it (NFC, trimmed, 1–200 characters; migration 0012). */
  name: string;
  /**
   * The communes it covers: one (then also `commune_code`), several (`commune_code` null), or none
   * for the whole province (migration 0012).
   */
  communes: ColumnType<string[], string[] | undefined, string[]>;
  framework_id: string;
  year: number;
  calendar: Json<CalendarWindow[]>;
  created_at: CreatedAt;
}

/** The kinds of subject a registration is for: a person, or one of the groups. */
export const SUBJECT_KINDS = ['person', 'household', 'clan', 'community', 'unit'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export interface RegistrationsTable extends Locality {
  id: Generated<string>;
  campaign_id: string;
  subject_kind: SubjectKind;
  subject_id: string;
  status: Generated<RegistrationStatus>;
  registered_by: string | null;
  registered_at: CreatedAt;
  /** Who proposed it for recognition (the decision's approver must be someone else). */
  proposed_by: Generated<string | null>;
  /** Who reviewed it last (an appeal is reviewed by someone else). */
  reviewed_by: Generated<string | null>;
  /** A step was taken after its window and the framework says to flag, not refuse. */
  late: Generated<boolean>;
  updated_at: CreatedAt;
}

/** The states of a registration (migration 0003; `assessed` and `refused` are kept from 0001). */
export const REGISTRATION_STATUSES = [
  'registered',
  'self-assessed',
  'submitted',
  'returned',
  'reviewed',
  'proposed',
  'recognised',
  'not-recognised',
  'published',
  'withdrawn',
  'appealed',
  'assessed',
  'refused',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/**
 * An evidence file as an assessment records it: the uploaded file's id (`evidence_files`), its
 * indicator, name, detected type, size and sha256. Rows written before migration 0007 carry only
 * metadata and `storageKey: 'pending/<sha256>'` (no bytes were stored).
 */
export interface EvidenceFile {
  id?: string;
  indicator?: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  storageKey?: string;
}

/** An uploaded evidence file (migration 0007): metadata and, in the database store, its bytes. */
export interface EvidenceFilesTable extends Locality {
  id: Generated<string>;
  registration_id: string;
  indicator: string;
  /** Sanitised, NFC. */
  file_name: string;
  /** Detected from the bytes (magic numbers), never taken from the client. */
  media_type: string;
  size: number;
  sha256: string;
  /** 'db' when the bytes are in `content`; another store's key otherwise. */
  storage_key: string;
  content: Uint8Array | null;
  uploaded_by: string | null;
  created_at: CreatedAt;
}

export interface AssessmentsTable extends Locality {
  id: Generated<string>;
  registration_id: string;
  kind: 'self' | 'committee';
  /** Points per indicator id. */
  scores: Json<Record<string, number | boolean | null>>;
  evidence: Json<EvidenceFile[]>;
  notes: string | null;
  assessed_by: string | null;
  assessed_at: CreatedAt;
  /** The engine's result: includes the framework version and the explanation. */
  result: Json<Record<string, unknown> | null>;
}

export interface DecisionsTable extends Locality {
  id: Generated<string>;
  campaign_id: string;
  number: string;
  decided_on: DateColumn;
  /** Name and office of the signer, as printed on the decision. */
  signer: string;
  proposer_id: string;
  approver_id: string;
  /** The registrations the decision did not recognise (migration 0012; the recognised are `decision_subjects`). */
  not_recognised: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
}

export interface DecisionSubjectsTable extends Locality {
  decision_id: string;
  registration_id: string;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  roles: ColumnType<string[], string[] | undefined, string[]>;
  /** Province (2-digit) and commune (5-digit) codes the user acts for. */
  localities: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
  disabled_at: Timestamp | null;
  /** TOTP secret, AES-256-GCM encrypted (migration 0008); set but not enabled while enrolment awaits its first code. */
  totp_secret_enc: ColumnType<string | null, string | null | undefined, string | null>;
  totp_enabled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The last accepted TOTP time step: a code of this step or earlier is a replay. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  /** sha256 of the unused one-time recovery codes. */
  recovery_codes: ColumnType<string[], string[] | undefined, string[]>;
  password_changed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** A one-time password-reset token issued by an administrator (migration 0008): only its sha256 is stored. */
export interface PasswordResetTokensTable {
  id: string;
  user_id: string;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface SessionsTable {
  /** sha256 (hex) of the session token; the token itself is never stored. */
  id: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: CreatedAt;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface AuditChainHeadsTable {
  province_code: string;
  last_seq: number;
  last_hash: string;
}

export interface AuditLogTable {
  province_code: string;
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  subject_kind: string | null;
  subject_id: string | null;
  payload: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

/** An audit entry committed but not yet chained (migration 0010; see audit-chain.ts). */
export interface AuditPendingTable {
  id: Generated<string>;
  province_code: string;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  subject_kind: string | null;
  subject_id: string | null;
  payload: Json<Record<string, unknown>>;
  doc_prefix: string;
  doc_suffix: string;
  created_at: Generated<Timestamp>;
}

/** A province's Ed25519 issuer key (migration 0004): the private key only encrypted (PKCS#8 DER, AES-256-GCM). */
export interface IssuerKeysTable {
  id: Generated<string>;
  province_code: string;
  /** `did:key:z6Mk…` of the public key. */
  did: string;
  private_key_enc: string;
  created_at: CreatedAt;
  retired_at: Timestamp | null;
}

/** A province's Bitstring Status List (revocation) and its signed status list credential. */
export interface StatusListsTable {
  province_code: string;
  size: number;
  next_index: Generated<number>;
  /** Multibase base64url of the GZIP-compressed bitstring. */
  encoded_list: string;
  version: Generated<number>;
  credential: Json<Record<string, unknown>>;
  updated_at: Timestamp;
}

/** An issued Open Badges 3.0 credential (one per recognised subject of a decision). */
export interface CredentialsTable extends Locality {
  /** The uuid of `urn:uuid:…`. */
  id: string;
  registration_id: string;
  decision_id: string;
  issuer_key_id: string;
  status_index: number;
  credential: Json<Record<string, unknown>>;
  /** What the public verification page may show (title, year, locality, decision, name, village). */
  public_info: Json<Record<string, unknown>>;
  issued_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}

/** Every table, for `Kysely<Database>`. */
export interface Database {
  administrative_units: AdministrativeUnitsTable;
  people: PeopleTable;
  households: HouseholdsTable;
  clans: ClansTable;
  communities: CommunitiesTable;
  units: UnitsTable;
  memberships: MembershipsTable;
  frameworks: FrameworksTable;
  campaigns: CampaignsTable;
  registrations: RegistrationsTable;
  assessments: AssessmentsTable;
  decisions: DecisionsTable;
  decision_subjects: DecisionSubjectsTable;
  users: UsersTable;
  sessions: SessionsTable;
  password_reset_tokens: PasswordResetTokensTable;
  audit_chain_heads: AuditChainHeadsTable;
  audit_log: AuditLogTable;
  audit_pending: AuditPendingTable;
  issuer_keys: IssuerKeysTable;
  status_lists: StatusListsTable;
  credentials: CredentialsTable;
  evidence_files: EvidenceFilesTable;
}

/** Tables whose rows belong to a locality: RLS enabled and forced, policies keyed on the scope. */
export const TENANT_TABLES = [
  'people',
  'households',
  'clans',
  'communities',
  'units',
  'memberships',
  'campaigns',
  'registrations',
  'assessments',
  'decisions',
  'decision_subjects',
  'audit_chain_heads',
  'audit_log',
] as const satisfies readonly (keyof Database)[];

/** Shared reference and account tables (no locality of their own; see README for why). */
export const GLOBAL_TABLES = ['administrative_units', 'frameworks', 'users', 'sessions'] as const satisfies readonly (keyof Database)[];

export type Person = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
export type PersonUpdate = Updateable<PeopleTable>;
export type Membership = Selectable<MembershipsTable>;
export type AuditEntryRow = Selectable<AuditLogTable>;
export type User = Selectable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type Campaign = Selectable<CampaignsTable>;
export type Registration = Selectable<RegistrationsTable>;
export type Assessment = Selectable<AssessmentsTable>;
export type Decision = Selectable<DecisionsTable>;
export type Framework = Selectable<FrameworksTable>;
