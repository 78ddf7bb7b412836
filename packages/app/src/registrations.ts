/**
 * One registration's steps: self-assessment (scored by the engine, timed by the campaign's
 * calendar), submit, committee review (the stored result keeps the framework version — content
 * hash — and the explanation), return for more evidence, withdraw, appeal, publish. Every step asks
 * the workflow whether it is legal in the current state (a conflict otherwise) under a row lock, and
 * is written with its audit entry in the caller's transaction.
 */
import { evaluate, explanationText, type Model, type Subject } from '@hoctap/core';
import {
  assessmentsOf,
  evidenceFilesOf,
  getGroup,
  getRegistration,
  lockRegistrationWithCampaign,
  newAssessment,
  transitionRegistration,
  type Assessment,
  type Campaign,
  type EvidenceFile,
  type EvidenceFileRow,
  type EvidenceMeta,
  type Framework,
  type Registration,
  type Scope,
} from '@hoctap/db';
import { actorOf, campaignWithFramework, checkWindow } from './campaigns.js';
import { auditEntry, type Caller, type Deps, type Trx } from './deps.js';
import { AppError, notFound } from './errors.js';
import { assertEvidenceAsAssessed } from './evidence.js';
import { groupMembersOfYear, usesMembers, type MemberFacts, type MembersReport } from './group-members.js';
import { groupNotFound } from './groups.js';
import { modelOf } from './models.js';
import { checkId, readable, writable } from './scope.js';
import { historyOf, type SubjectHistory } from './title-history.js';
import { illegal, transition, WORKFLOW, type Action } from './workflow.js';

/** What the engine scores: the stored or sent scores, evidence by indicator, group and attributes. */
export interface EngineInput {
  scores: Record<string, number | boolean | null>;
  evidence: Record<string, unknown[]>;
  group?: string | undefined;
  attributes?: Record<string, string> | undefined;
  /** A group's members of the year (see `groupMembersOfYear`) and who was counted or missing. */
  members?: { subjects: readonly Subject[]; report: MembersReport; facts?: MemberFacts | undefined } | undefined;
  /** The subject's recognitions of earlier years from the stored decisions (see `historyOf`), for multi-year titles. */
  history?: SubjectHistory | undefined;
}

/**
 * Scores with the campaign's framework model: the stored result (framework version with its content
 * hash, totals, titles, criteria, explanation), or the engine's errors. The one scoring path of the
 * assessments and the recompute job.
 */
export function engineResult(found: { model: Model; ref: string }, framework: Framework, campaign: Campaign, registrationId: string, input: EngineInput, late: boolean) {
  const { model, ref } = found;
  const res = evaluate(
    model,
    {
      id: registrationId,
      year: campaign.year,
      scores: input.scores,
      evidence: input.evidence,
      ...(input.group ? { group: input.group } : {}),
      ...(input.attributes ? { attributes: input.attributes } : {}),
      ...(input.members ? { members: input.members.subjects } : {}),
      ...(input.history ? { history: input.history.history } : {}),
    },
    { explain: true, year: campaign.year },
  );
  if (res.errors) return { errors: res.errors } as const;
  const result = {
    framework: { ref, id: framework.id, version: framework.version, contentHash: framework.content_hash },
    total: res.total,
    max: res.max,
    titles: [...res.titles],
    ...(res.level !== undefined ? { level: res.level } : {}),
    criteria: res.criteria.map((x) => ({ ...x })),
    ...(input.group ? { group: input.group } : {}),
    ...(input.attributes ? { attributes: input.attributes } : {}),
    late,
    ...(input.members ? { members: input.members.report, ...(input.members.facts ? { memberFacts: input.members.facts } : {}) } : {}),
    ...(input.history ? { history: input.history.report } : {}),
    explanation: res.explanation ?? null,
    explanationText: `${input.members ? `${input.members.report.text}\n` : ''}${input.history ? `${input.history.report.text}\n` : ''}${res.explanation ? explanationText(res.explanation) : ''}`,
  };
  return { result } as const;
}

/** An assessment as sent: scores, the evidence files it rests on (none named: all of them), group, attributes, notes. */
export interface AssessmentBody {
  scores: Record<string, number | boolean | null>;
  evidence?: readonly string[] | undefined;
  group?: string | undefined;
  attributes?: Record<string, string> | undefined;
  notes?: string | undefined;
  /** A group's declared facts of each member (member id → fact ids), for rules on members' facts. */
  memberFacts?: MemberFacts | undefined;
}

/**
 * A group registration's members of the campaign's year, for a framework whose rules read members
 * (none for a person, or when no rule does).
 */
export async function membersOf(deps: Pick<Deps, 'models' | 'registry' | 'now'>, trx: Trx, campaign: Campaign, framework: Framework, reg: Pick<Registration, 'subject_kind' | 'subject_id'>, facts: MemberFacts | undefined): Promise<EngineInput['members']> {
  if (reg.subject_kind === 'person') return undefined;
  const { model } = modelOf(deps, framework);
  if (!usesMembers(model)) return undefined;
  const kind = reg.subject_kind;
  const g = await getGroup(trx, kind, reg.subject_id);
  if (!g) throw groupNotFound(kind);
  const { members, report } = await groupMembersOfYear(deps, trx, { campaign, model, group: { kind, id: g.id, name: g.name }, facts });
  return { subjects: members, report, ...(facts ? { facts } : {}) };
}

/** The two assessing actions: the officer's self-assessment and the committee's review. */
export type AssessAction = 'self-assess' | 'review';

/** Scores an assessment with the engine (stored by the move); a subject that cannot be scored is unprocessable. */
function scoreAssessment(
  deps: Pick<Deps, 'models' | 'registry' | 'now'>,
  assessedBy: string,
  loaded: { campaign: Campaign; framework: Framework; evidence: readonly EvidenceMeta[] },
  reg: Registration,
  body: AssessmentBody,
  kind: 'self' | 'committee',
  late: boolean,
  lang: 'vi' | 'en',
  members?: EngineInput['members'],
  history?: SubjectHistory,
) {
  const { campaign, framework } = loaded;
  const found = modelOf(deps, framework);
  // A member-derived indicator is computed from the members: a typed value would be silently ignored.
  const typed = found.model.indicators.filter((i) => i.measure.kind === 'member-ratio' && body.scores[i.id] !== undefined && body.scores[i.id] !== null);
  if (typed.length)
    throw new AppError(
      'unprocessable',
      'MEMBER_INDICATOR_TYPED',
      `Chỉ số ${typed.map((i) => i.id).join(', ')} được tính từ kết quả của các thành viên, không nhập điểm`,
      `Indicator ${typed.map((i) => i.id).join(', ')} is computed from the members' results and takes no typed value`,
      { errors: typed.map((i) => ({ code: 'MEMBER_INDICATOR_TYPED', field: i.id, message: `Chỉ số ${i.id} được tính từ kết quả của các thành viên` })) },
    );
  const files = loaded.evidence;
  let chosen = files;
  if (body.evidence) {
    const byId = new Map(files.map((f) => [f.id, f]));
    const ids = [...new Set(body.evidence.map((x) => x.toLowerCase()))];
    const missing = ids.filter((x) => !byId.has(x));
    if (missing.length)
      throw new AppError('unprocessable', 'EVIDENCE_NOT_FOUND', `Hồ sơ không có tệp minh chứng ${missing[0]}`, `The registration has no evidence file ${missing[0]}`, { missing });
    chosen = ids.map((x) => byId.get(x)!);
  }
  const evidence: Record<string, unknown[]> = {};
  for (const f of chosen) (evidence[f.indicator] ??= []).push({ id: f.id, name: f.file_name, sha256: f.sha256 });
  const evidenceRefs: EvidenceFile[] = chosen.map((f) => ({ id: f.id, indicator: f.indicator, name: f.file_name, mediaType: f.media_type, size: f.size, sha256: f.sha256 }));
  const scored = engineResult(found, framework, campaign, reg.id, { scores: body.scores, evidence, group: body.group, attributes: body.attributes, members, history }, late);
  if (scored.errors) {
    const errors = scored.errors.map((e) => ({ code: e.code, ...(e.field ? { field: e.field } : {}), message: lang === 'en' ? e.messageEn : e.message }));
    throw new AppError('unprocessable', 'EVALUATION_FAILED', `Không chấm được: ${scored.errors[0]!.message}`, `Cannot score: ${scored.errors[0]!.messageEn}`, { errors });
  }
  return newAssessment({
    province: reg.province_code,
    commune: reg.commune_code,
    registrationId: reg.id,
    kind,
    scores: body.scores,
    evidence: evidenceRefs,
    notes: body.notes ?? null,
    assessedBy,
    assessedAt: deps.now(),
    result: scored.result,
  });
}

/** Moves the locked registration along `action`, with the audit entry (and the assessment that made it), in one statement. */
async function move(deps: Deps, caller: Caller, trx: Trx, reg: Registration, action: Action, extra: { late?: boolean; reviewedBy?: string; payload?: Record<string, unknown>; assessment?: Assessment } = {}) {
  const to = transition(action, reg.status)!;
  const entry = auditEntry(deps, caller, { province: reg.province_code, action: `registration.${action}`, subject: { kind: 'registration', id: reg.id }, payload: { from: reg.status, to, ...(extra.late ? { late: true } : {}), ...(extra.payload ?? {}) } });
  const moved = await transitionRegistration(trx, reg.id, [reg.status], to, { at: deps.now(), ...(extra.late ? { late: true } : {}), ...(extra.reviewedBy ? { reviewedBy: extra.reviewedBy } : {}), ...(extra.assessment ? { assessment: extra.assessment } : {}), audit: entry });
  if (!moved) throw illegal(action, reg.status);
  return moved;
}

/** What an assessment takes: the registration, the action, the body; `campaignId`: the registration must belong to it; `lang`: the engine errors' language. */
export interface AssessInput {
  id: string;
  action: AssessAction;
  body: AssessmentBody;
  campaignId?: string | undefined;
  lang?: 'vi' | 'en' | undefined;
}

/**
 * Records a self-assessment or a committee review (the one path of the single endpoints and the
 * scores import): locks the registration, checks that the step is legal now (conflict), that an
 * appeal goes to another reviewer, that the reviewer is not who typed the self-assessment, the campaign's calendar; scores with the engine (unprocessable
 * when it cannot) and moves the registration with its audit entry.
 */
export async function assessRegistration(deps: Deps, caller: Caller, trx: Trx, input: AssessInput): Promise<{ registration: Registration; assessment: Assessment }> {
  const { action } = input;
  const userId = actorOf(caller);
  const locked = await lockRegistrationWithCampaign(trx, checkId(input.id, 'registration'));
  const reg = writable(caller.scope, locked?.registration, 'registration');
  if (input.campaignId !== undefined && reg.campaign_id !== input.campaignId) throw notFound('registration');
  if (!transition(action, reg.status)) throw illegal(action, reg.status);
  if (action === 'review' && reg.status === 'appealed' && reg.reviewed_by === userId)
    throw new AppError('conflict', 'SAME_REVIEWER', 'Khiếu nại phải do một người khác bình xét lại', 'An appeal must be reviewed by someone else');
  // Separation of duties: the account that typed the self-assessment does not review it.
  if (action === 'review' && (await assessmentsOf(trx, reg.id)).filter((x) => x.kind === 'self').at(-1)?.assessed_by === userId)
    throw new AppError('conflict', 'SAME_PERSON_REVIEW', 'Người nhập phiếu tự đánh giá không được bình xét chính hồ sơ đó; một thành viên hội đồng khác phải bình xét', 'The account that entered the self-assessment may not review the same registration', { registration: reg.id });
  const loaded = { ...(await campaignWithFramework(trx, caller.scope, locked!.campaign)), evidence: locked!.evidence };
  const { late } = checkWindow(loaded.campaign, WORKFLOW[action].step!, deps.now());
  const members = await membersOf(deps, trx, loaded.campaign, loaded.framework, reg, input.body.memberFacts);
  const history = (await historyOf(deps, trx, loaded.campaign, modelOf(deps, loaded.framework).model, [reg]))?.get(reg.subject_id);
  const assessment = scoreAssessment(deps, userId, loaded, reg, input.body, action === 'review' ? 'committee' : 'self', late, input.lang ?? 'vi', members, history);
  const moved = await move(deps, caller, trx, reg, action, { late, ...(action === 'review' ? { reviewedBy: userId } : {}), payload: { assessment: assessment.id }, assessment });
  return { registration: moved, assessment };
}

/** The steps that take no assessment: submit, return, withdraw, appeal, publish. */
export type StepAction = 'submit' | 'return' | 'withdraw' | 'appeal' | 'publish';

/** Loads and locks a registration the caller may act on, and checks that `action` is legal now. */
async function lockFor(trx: Trx, scope: Scope, id: string, action: Action): Promise<Registration> {
  const reg = writable(scope, await getRegistration(trx, id, { forUpdate: true }), 'registration');
  if (!transition(action, reg.status)) throw illegal(action, reg.status);
  return reg;
}

/**
 * Submits, returns, withdraws, appeals or publishes a registration (a conflict when the step is
 * not legal now; a submission also needs the evidence its self-assessment rests on). The reason is
 * not stored, only whether one was given.
 */
export async function stepRegistration(deps: Deps, caller: Caller, trx: Trx, input: { id: string; action: StepAction; reason?: string | undefined }): Promise<Registration> {
  const reg = await lockFor(trx, caller.scope, checkId(input.id, 'registration'), input.action);
  if (input.action === 'submit') await assertEvidenceAsAssessed(trx, reg);
  return move(deps, caller, trx, reg, input.action, { payload: { withReason: !!input.reason } });
}

/** Submits a self-assessed registration. */
export const submitRegistration = (deps: Deps, caller: Caller, trx: Trx, input: { id: string; reason?: string | undefined }) => stepRegistration(deps, caller, trx, { ...input, action: 'submit' });

/**
 * Submits a batch of a campaign's self-assessed registrations, all or none: each is checked and
 * audited as the single submit is; the first that cannot be submitted stops the batch (the caller's
 * transaction rolls back) and the error names it.
 */
export async function submitRegistrations(deps: Deps, caller: Caller, trx: Trx, input: { campaignId: string; registrationIds: readonly string[] }): Promise<Registration[]> {
  const campaignId = checkId(input.campaignId, 'campaign');
  const ids = [...new Set(input.registrationIds.map((x) => checkId(x, 'registration')))].sort();
  const out: Registration[] = [];
  for (const id of ids) {
    try {
      const reg = await lockFor(trx, caller.scope, id, 'submit');
      if (reg.campaign_id !== campaignId) throw notFound('registration');
      await assertEvidenceAsAssessed(trx, reg);
      out.push(await move(deps, caller, trx, reg, 'submit', { payload: { withReason: false, batch: ids.length } }));
    } catch (e) {
      if (e instanceof AppError) throw new AppError(e.kind, e.code, `Hồ sơ ${id}: ${e.vi}`, `Registration ${id}: ${e.en}`, { ...e.details, registration: id });
      throw e;
    }
  }
  return out;
}

/** A registration the caller may see, its assessments and its evidence files. */
export async function readRegistration(_deps: Deps, caller: Caller, trx: Trx, input: { id: string }): Promise<{ registration: Registration; assessments: Assessment[]; evidence: EvidenceFileRow[] }> {
  const id = checkId(input.id, 'registration');
  const registration = readable(caller.scope, await getRegistration(trx, id), 'registration');
  return { registration, assessments: await assessmentsOf(trx, id), evidence: await evidenceFilesOf(trx, id) };
}
