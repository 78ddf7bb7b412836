/**
 * Campaigns, registrations, assessments and decisions: thin queries for the API's workflow. Run
 * them inside `withScope` so row-level security applies; state changes are conditional on the
 * expected state (`transitionRegistration`), so two concurrent steps cannot both win.
 */
import { sql, type Kysely } from 'kysely';
import { contentHash } from './frameworks.js';
import { pendingAuditRow, type AuditInput } from './audit.js';
import { uuidv7 } from './ids.js';
import type {
  Assessment,
  CalendarWindow,
  Campaign,
  Database,
  Decision,
  EvidenceFile,
  Framework,
  Registration,
  RegistrationStatus,
  SubjectKind,
} from './schema.js';

/**
 * Finds the published framework row with this plugin and exact source text (by content hash), or
 * records it. `version` is what is shown; the content hash is what identifies it.
 */
export async function ensureFramework(
  db: Kysely<Database>,
  input: { plugin: string; version: string; title: string; sourceText: string; effectiveFrom: string; effectiveTo?: string | null; publishedBy: string; publishedAt: Date; status?: 'draft' | 'published' },
): Promise<Framework> {
  const hash = contentHash(input.sourceText);
  const found = await db.selectFrom('frameworks').selectAll().where('plugin', '=', input.plugin).where('content_hash', '=', hash).executeTakeFirst();
  if (found) return found;
  const inserted = await db
    .insertInto('frameworks')
    .values({
      plugin: input.plugin,
      version: input.version,
      title: input.title,
      source_text: input.sourceText,
      status: input.status ?? 'published',
      effective_from: input.effectiveFrom,
      effective_to: input.effectiveTo ?? null,
      content_hash: hash,
      published_by: input.publishedBy,
      published_at: input.publishedAt,
    })
    .onConflict((oc) => oc.columns(['plugin', 'version']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return inserted;
  // Same (plugin, version) with another text, or a concurrent insert of the same text.
  const again = await db.selectFrom('frameworks').selectAll().where('plugin', '=', input.plugin).where('content_hash', '=', hash).executeTakeFirst();
  if (again) return again;
  throw new RangeError(`Framework ${input.plugin} ${input.version} is already recorded with another text.`);
}

/** Gets a framework row by id. */
export async function getFramework(db: Kysely<Database>, id: string): Promise<Framework | undefined> {
  return db.selectFrom('frameworks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A campaign to create. */
export interface CampaignInput {
  province: string;
  commune: string | null;
  title: string;
  /** What the locality calls it (NFC, trimmed). */
  name: string;
  /** The communes it covers (one: also `commune`; none: the whole province). */
  communes: readonly string[];
  frameworkId: string;
  year: number;
  calendar: CalendarWindow[];
}

/** Creates a campaign. */
export async function createCampaign(db: Kysely<Database>, input: CampaignInput): Promise<Campaign> {
  return db
    .insertInto('campaigns')
    .values({
      province_code: input.province,
      commune_code: input.commune,
      title: input.title,
      name: input.name,
      communes: [...input.communes],
      framework_id: input.frameworkId,
      year: input.year,
      calendar: JSON.stringify(input.calendar),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Gets a campaign visible to the caller. */
export async function getCampaign(db: Kysely<Database>, id: string): Promise<Campaign | undefined> {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Lists the campaigns visible to the caller, newest year first. */
export async function listCampaigns(db: Kysely<Database>, options: { year?: number; limit?: number; offset?: number } = {}): Promise<{ items: Campaign[]; total: number }> {
  let q = db.selectFrom('campaigns');
  if (options.year !== undefined) q = q.where('year', '=', options.year);
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await q.selectAll().orderBy('year', 'desc').orderBy('created_at', 'desc').orderBy('id').limit(options.limit ?? 50).offset(options.offset ?? 0).execute();
  return { items, total: Number(n) };
}

/** A registration to create. */
export interface RegistrationInput {
  province: string;
  commune: string | null;
  campaignId: string;
  subject: { kind: SubjectKind; id: string };
  registeredBy: string;
  registeredAt: Date;
  late?: boolean;
}

/**
 * Registers a subject for a campaign; idempotent on (campaign, subject): a second call returns the
 * existing row with `created: false`.
 */
export async function createRegistration(db: Kysely<Database>, input: RegistrationInput): Promise<{ registration: Registration; created: boolean }> {
  const inserted = await db
    .insertInto('registrations')
    .values({
      province_code: input.province,
      commune_code: input.commune,
      campaign_id: input.campaignId,
      subject_kind: input.subject.kind,
      subject_id: input.subject.id,
      registered_by: input.registeredBy,
      registered_at: input.registeredAt,
      updated_at: input.registeredAt,
      late: input.late ?? false,
    })
    .onConflict((oc) => oc.columns(['campaign_id', 'subject_kind', 'subject_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { registration: inserted, created: true };
  const existing = await db
    .selectFrom('registrations')
    .selectAll()
    .where('campaign_id', '=', input.campaignId)
    .where('subject_kind', '=', input.subject.kind)
    .where('subject_id', '=', input.subject.id)
    .executeTakeFirstOrThrow();
  return { registration: existing, created: false };
}

/** Gets a registration visible to the caller; `forUpdate` locks the row for the transaction. */
export async function getRegistration(db: Kysely<Database>, id: string, options: { forUpdate?: boolean } = {}): Promise<Registration | undefined> {
  const q = db.selectFrom('registrations').selectAll().where('id', '=', id);
  return (options.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

/** Lists a campaign's registrations visible to the caller. */
export async function listRegistrations(
  db: Kysely<Database>,
  campaignId: string,
  options: { status?: RegistrationStatus; limit?: number; offset?: number } = {},
): Promise<{ items: Registration[]; total: number }> {
  let q = db.selectFrom('registrations').where('campaign_id', '=', campaignId);
  if (options.status) q = q.where('status', '=', options.status);
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await q.selectAll().orderBy('registered_at').orderBy('id').limit(options.limit ?? 100).offset(options.offset ?? 0).execute();
  return { items, total: Number(n) };
}

/**
 * Moves a registration from one of the `from` states to `to`; returns the updated row, or
 * undefined when it is not (or no longer) in one of those states — the caller reports a conflict.
 */
export async function transitionRegistration(
  db: Kysely<Database>,
  id: string,
  from: readonly RegistrationStatus[],
  to: RegistrationStatus,
  changes: { proposedBy?: string | null; reviewedBy?: string | null; late?: boolean; at: Date; audit?: AuditInput; assessment?: Assessment },
): Promise<Registration | undefined> {
  if (from.length === 0) return undefined;
  const set: Record<string, unknown> = { status: to, updated_at: changes.at };
  if (changes.proposedBy !== undefined) set['proposed_by'] = changes.proposedBy;
  if (changes.reviewedBy !== undefined) set['reviewed_by'] = changes.reviewedBy;
  if (changes.late) set['late'] = true;
  const update = db.updateTable('registrations').set(set).where('id', '=', id).where('status', 'in', [...from]);
  if (!changes.audit) {
    if (changes.assessment) throw new Error('transitionRegistration: an assessment is stored with its audit entry');
    return update.returningAll().executeTakeFirst();
  }
  // The move, the assessment that made it (if any) and its audit entry in one statement: the
  // assessment and the entry are written only if the row moved.
  const a = pendingAuditRow(changes.audit);
  const x = changes.assessment ? assessmentRow(changes.assessment) : undefined;
  const base = db.with('moved', () => update.returningAll());
  // (Typed as `base`: the added CTE is not selected from.)
  const withAdded =
    x === undefined
      ? base
      : (base.with('added', (w) =>
            w
              .insertInto('assessments')
              .columns(['id', 'province_code', 'commune_code', 'registration_id', 'kind', 'scores', 'evidence', 'notes', 'assessed_by', 'assessed_at', 'result'])
              .expression((eb) =>
                eb
                  .selectFrom('moved')
                  .select([
                    sql<string>`${x!.id}::uuid`.as('id'),
                    sql<string>`${x!.province_code}::text`.as('province_code'),
                    sql<string | null>`${x!.commune_code}::text`.as('commune_code'),
                    sql<string>`${x!.registration_id}::uuid`.as('registration_id'),
                    sql<string>`${x!.kind}::text`.as('kind'),
                    sql<string>`${x!.scores}::jsonb`.as('scores'),
                    sql<string>`${x!.evidence}::jsonb`.as('evidence'),
                    sql<string | null>`${x!.notes}::text`.as('notes'),
                    sql<string | null>`${x!.assessed_by}::uuid`.as('assessed_by'),
                    sql<Date>`${x!.assessed_at}::timestamptz`.as('assessed_at'),
                    sql<string>`${x!.result}::jsonb`.as('result'),
                  ]),
              ),
          ) as unknown as typeof base);
  return withAdded
    .with('logged', (qb) =>
      qb
        .insertInto('audit_pending')
        .columns(['province_code', 'at', 'actor_id', 'action', 'subject_kind', 'subject_id', 'payload', 'doc_prefix', 'doc_suffix'])
        .expression((eb) =>
          eb
            .selectFrom('moved')
            .select([
              sql<string>`${a.province_code}::text`.as('province_code'),
              sql<Date>`${a.at}::timestamptz`.as('at'),
              sql<string | null>`${a.actor_id}::uuid`.as('actor_id'),
              sql<string>`${a.action}::text`.as('action'),
              sql<string | null>`${a.subject_kind}::text`.as('subject_kind'),
              sql<string | null>`${a.subject_id}::uuid`.as('subject_id'),
              sql<string>`${a.payload}::jsonb`.as('payload'),
              sql<string>`${a.doc_prefix}::text`.as('doc_prefix'),
              sql<string>`${a.doc_suffix}::text`.as('doc_suffix'),
            ]),
        ),
    )
    .selectFrom('moved')
    .selectAll()
    .executeTakeFirst() as Promise<Registration | undefined>;
}

/**
 * Locks a registration (`FOR UPDATE`) and reads its campaign in the same query — the first step of
 * every workflow action.
 */
export async function lockRegistrationWithCampaign(db: Kysely<Database>, id: string): Promise<{ registration: Registration; campaign: Campaign; evidence: EvidenceMeta[] } | undefined> {
  const row = await db
    .selectFrom('registrations as r')
    .innerJoin('campaigns as c', 'c.id', 'r.campaign_id')
    .selectAll('r')
    .select([
      'c.id as c_id',
      'c.province_code as c_province_code',
      'c.commune_code as c_commune_code',
      'c.title as c_title',
      'c.name as c_name',
      'c.communes as c_communes',
      'c.framework_id as c_framework_id',
      'c.year as c_year',
      'c.calendar as c_calendar',
      'c.created_at as c_created_at',
      // The registration's evidence files (what an assessment may cite), oldest first.
      sql<EvidenceMeta[]>`(SELECT coalesce(json_agg(json_build_object('id', e.id, 'indicator', e.indicator, 'file_name', e.file_name,
        'media_type', e.media_type, 'size', e.size, 'sha256', e.sha256) ORDER BY e.created_at, e.id), '[]'::json)
        FROM evidence_files e WHERE e.registration_id = r.id)`.as('c_evidence'),
    ])
    .where('r.id', '=', id)
    .forUpdate('r')
    .executeTakeFirst();
  if (!row) return undefined;
  const { c_id, c_province_code, c_commune_code, c_title, c_name, c_communes, c_framework_id, c_year, c_calendar, c_created_at, c_evidence, ...registration } = row;
  const campaign: Campaign = { id: c_id, province_code: c_province_code, commune_code: c_commune_code, title: c_title, name: c_name, communes: c_communes, framework_id: c_framework_id, year: c_year, calendar: c_calendar, created_at: c_created_at };
  return { registration: registration as Registration, campaign, evidence: c_evidence };
}

/** What a workflow step needs of an evidence file. */
export interface EvidenceMeta {
  id: string;
  indicator: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
}

/** An assessment to record. */
export interface AssessmentInput {
  province: string;
  commune: string | null;
  registrationId: string;
  kind: 'self' | 'committee';
  scores: Record<string, number | boolean | null>;
  evidence: EvidenceFile[];
  notes?: string | null;
  assessedBy: string;
  assessedAt: Date;
  result: Record<string, unknown>;
}

/** The assessment that `input` records, with a new time-ordered id (not stored yet). */
export function newAssessment(input: AssessmentInput): Assessment {
  return {
    // Time-ordered: assessments made at the same (injected) time keep their order (`assessmentsOf`).
    id: uuidv7(),
    province_code: input.province,
    commune_code: input.commune,
    registration_id: input.registrationId,
    kind: input.kind,
    scores: input.scores,
    evidence: input.evidence,
    notes: input.notes ?? null,
    assessed_by: input.assessedBy,
    assessed_at: input.assessedAt,
    result: input.result,
  } as Assessment;
}

/** The assessment's row as sent to the database (json columns as text). */
function assessmentRow(a: Assessment) {
  return {
    id: a.id,
    province_code: a.province_code,
    commune_code: a.commune_code,
    registration_id: a.registration_id,
    kind: a.kind,
    scores: JSON.stringify(a.scores),
    evidence: JSON.stringify(a.evidence),
    notes: a.notes,
    assessed_by: a.assessed_by,
    assessed_at: a.assessed_at,
    result: JSON.stringify(a.result),
  };
}

/** Records a self or committee assessment with the engine's result. */
export async function addAssessment(db: Kysely<Database>, input: AssessmentInput): Promise<Assessment> {
  // Nothing comes back: the rest is what was sent (the result with its explanation is large).
  const assessment = newAssessment(input);
  await db.insertInto('assessments').values(assessmentRow(assessment)).execute();
  return assessment;
}

/** A registration's assessments, oldest first. */
export async function assessmentsOf(db: Kysely<Database>, registrationId: string): Promise<Assessment[]> {
  return db.selectFrom('assessments').selectAll().where('registration_id', '=', registrationId).orderBy('assessed_at').orderBy('id').execute();
}

/** The latest assessment of each kind for a campaign's registrations (for reports). */
export async function latestAssessments(db: Kysely<Database>, campaignId: string, kind: 'self' | 'committee'): Promise<Assessment[]> {
  return db
    .selectFrom('assessments as a')
    .innerJoin('registrations as r', 'r.id', 'a.registration_id')
    .selectAll('a')
    .distinctOn('a.registration_id')
    .where('r.campaign_id', '=', campaignId)
    .where('a.kind', '=', kind)
    .orderBy('a.registration_id')
    .orderBy('a.assessed_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

/** A decision to record, with the registrations it recognises. */
export interface DecisionInput {
  province: string;
  commune: string | null;
  campaignId: string;
  number: string;
  decidedOn: string;
  signer: string;
  proposerId: string;
  approverId: string;
  recognised: readonly { id: string; province: string; commune: string | null }[];
  /** The registrations it did not recognise. */
  notRecognised?: readonly string[];
}

/** Records a decision and its recognised registrations (the CHECK refuses proposer = approver). */
export async function createDecision(db: Kysely<Database>, input: DecisionInput): Promise<Decision> {
  const decision = await db
    .insertInto('decisions')
    .values({
      province_code: input.province,
      commune_code: input.commune,
      campaign_id: input.campaignId,
      number: input.number,
      decided_on: input.decidedOn,
      signer: input.signer,
      proposer_id: input.proposerId,
      approver_id: input.approverId,
      not_recognised: [...(input.notRecognised ?? [])].sort(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (input.recognised.length) {
    await db
      .insertInto('decision_subjects')
      .values(input.recognised.map((r) => ({ decision_id: decision.id, registration_id: r.id, province_code: r.province, commune_code: r.commune })))
      .execute();
  }
  return decision;
}

/** Gets a decision visible to the caller, with the ids of the registrations it recognises. */
export async function getDecision(db: Kysely<Database>, id: string): Promise<(Decision & { registrations: string[] }) | undefined> {
  const d = await db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) return undefined;
  const subjects = await db.selectFrom('decision_subjects').select('registration_id').where('decision_id', '=', id).orderBy('registration_id').execute();
  return { ...d, registrations: subjects.map((s) => s.registration_id) };
}

/** Counts a campaign's registrations by status (visible to the caller). */
export async function registrationCounts(db: Kysely<Database>, campaignId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('registrations')
    .select(['status', sql<number>`count(*)`.as('n')])
    .where('campaign_id', '=', campaignId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
