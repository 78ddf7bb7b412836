/**
 * Background jobs as the caller sees them: queue a sheet's import, a campaign's recompute or a
 * decision's certificates (each audited, in the caller's scope), read a job, take the file it made.
 * The worker that runs them lives with its door (the API's job worker).
 */
import { appendAudit, campaignRegistrationSpan, credentialsOfDecision, enqueueJob, getDecision, getJob, getJobFile, SEALED_INPUT, type Job, type JobFile, type Scope } from '@hoctap/db';
import { assertSubjectKind, checkWindow, loadCampaign } from './campaigns.js';
import { noCertificates } from './documents.js';
import { auditEntry, type Caller, type Deps, type Trx } from './deps.js';
import { AppError } from './errors.js';
import { modelOf } from './models.js';
import { checkId, readable, writable } from './scope.js';

/** The payload of a certificates job: the decision, and who queued it with the scope they had. */
export interface CertificatesJobPayload {
  decisionId: string;
  /** The creator's scope when the job was queued (RLS applies: a commune caller prints its communes' certificates). */
  scope: Scope;
  actorId: string;
}

const jobNotFound = () => new AppError('not-found', 'JOB_NOT_FOUND', 'Không tìm thấy công việc', 'No such job');

const actor = (caller: Caller): string => {
  if (!caller.userId) throw new AppError('unauthenticated', 'UNAUTHENTICATED', 'Cần đăng nhập', 'You need to sign in');
  return caller.userId;
};

/** What an import job reads: the CSV text, or the rows read from a workbook. */
export type ImportSource = { csv: string } | { table: { header: string[]; rows: { row: number; cells: string[] }[] } };

/** What a queued import's sealed rows are bound to (`CitizenIdCipher.seal`): its campaign. */
export const importInputContext = (campaignId: string) => `job-input:${campaignId}`;

/**
 * Queues the import of a people sheet into a campaign the caller may write (its registration
 * window open or late-allowed): the payload the import worker reads (`kind` names the worker's job).
 */
export async function queueImportJob(deps: Pick<Deps, 'now' | 'models' | 'registry' | 'cipher'>, caller: Caller, trx: Trx, input: { kind: string; campaignId: string; rows: number; source: ImportSource }): Promise<Job> {
  const scope = caller.scope;
  const { campaign, framework } = await loadCampaign(trx, scope, checkId(input.campaignId, 'campaign'));
  // A people file in a family, clan, community or unit campaign would register individuals as the group.
  const { model, ref } = modelOf(deps, framework);
  assertSubjectKind(model.subject, ref, 'person');
  writable(scope, { province_code: campaign.province_code, commune_code: campaign.commune_code ?? (scope.role === 'commune' ? scope.communes[0]! : null) }, 'campaign');
  const { late } = checkWindow(campaign, 'registration', deps.now());
  const payload = {
    campaignId: campaign.id,
    campaignCommune: campaign.commune_code,
    scope,
    actorId: actor(caller),
    late,
    defaultCommune: campaign.commune_code ?? (scope.role === 'commune' && scope.communes.length === 1 ? scope.communes[0]! : null),
    communeRequired: campaign.commune_code !== null || scope.role === 'commune',
    // The sheet's rows (names, citizen ids) wait encrypted, bound to the campaign; the job's end deletes them.
    [SEALED_INPUT]: deps.cipher.seal(JSON.stringify(input.source), importInputContext(campaign.id)),
  };
  const j = await enqueueJob(trx, { kind: input.kind, province: campaign.province_code, payload, total: input.rows, createdBy: actor(caller) });
  await appendAudit(trx, auditEntry(deps, caller, { province: campaign.province_code, action: 'registration.import-job', subject: { kind: 'campaign', id: campaign.id }, payload: { job: j.id, rows: input.rows } }));
  return j;
}

/** Queues the recompute of a campaign the caller may write, as far as its registrations go now. */
export async function queueRecomputeJob(deps: Pick<Deps, 'now'>, caller: Caller, trx: Trx, input: { kind: string; campaignId: string }): Promise<Job> {
  const { campaign } = await loadCampaign(trx, caller.scope, checkId(input.campaignId, 'campaign'));
  writable(caller.scope, campaign, 'campaign');
  // The registrations as they are now: the job goes as far as the last one (in id order).
  const span = await campaignRegistrationSpan(trx, campaign.id);
  const payload = { campaignId: campaign.id, scope: caller.scope, actorId: actor(caller), lastRegistration: span.last };
  const j = await enqueueJob(trx, { kind: input.kind, province: campaign.province_code, payload, total: span.count, createdBy: actor(caller) });
  await appendAudit(trx, auditEntry(deps, caller, { province: campaign.province_code, action: 'campaign.recompute-job', subject: { kind: 'campaign', id: campaign.id }, payload: { job: j.id, registrations: span.count, framework: campaign.framework_id } }));
  return j;
}

/** Queues the certificates PDF of a decision visible to the caller; `not-found` when none is valid. */
export async function queueCertificatesJob(deps: Pick<Deps, 'now'>, caller: Caller, trx: Trx, input: { kind: string; decisionId: string }): Promise<Job> {
  const decision = readable(caller.scope, await getDecision(trx, checkId(input.decisionId, 'decision')), 'decision');
  const valid = (await credentialsOfDecision(trx, decision.id)).filter((x) => !x.revoked_at).length;
  if (valid === 0) throw noCertificates();
  const payload: CertificatesJobPayload = { decisionId: decision.id, scope: caller.scope, actorId: actor(caller) };
  const j = await enqueueJob(trx, { kind: input.kind, province: decision.province_code, payload: payload as unknown as Record<string, unknown>, total: valid, createdBy: actor(caller) });
  await appendAudit(trx, auditEntry(deps, caller, { province: decision.province_code, action: 'decision.certificates-job', subject: { kind: 'decision', id: decision.id }, payload: { job: j.id, certificates: valid } }));
  return j;
}

/** A job the caller may read (its province; a commune-scoped caller only the jobs they queued), else `not-found`. */
export async function readJob(_deps: unknown, caller: Caller, trx: Trx, input: { id: string }): Promise<Job> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.id)) throw jobNotFound();
  const job = await getJob(trx, input.id.toLowerCase());
  // Province rows: a commune-scoped caller sees only the jobs they created.
  if (!job || (caller.scope.role === 'commune' && job.created_by !== caller.userId)) throw jobNotFound();
  if (caller.scope.role !== 'national' && job.province_code !== caller.scope.province) throw jobNotFound();
  return job;
}

/** The file a finished job made, for a caller who may read the job; `not-found` when it has none (yet). */
export async function jobFile(deps: unknown, caller: Caller, trx: Trx, input: { id: string }): Promise<JobFile> {
  const job = await readJob(deps, caller, trx, input);
  const file = job.status === 'done' ? await getJobFile(trx, job.id) : undefined;
  if (!file) throw new AppError('not-found', 'JOB_FILE_NOT_FOUND', 'Công việc chưa có tệp (chưa xong hoặc không tạo tệp)', 'The job has no file (not done, or it makes none)');
  return file;
}
