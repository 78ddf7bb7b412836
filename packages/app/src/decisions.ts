/** Decisions (two-person rule), campaign reports against the framework's targets, and audit-chain verification. */
import { targetProgress } from '@hoctap/core';
import {
  appendAudit,
  countPeople,
  createDecision,
  getDecision,
  getRegistration,
  latestAssessments,
  listDecisions,
  registrationCounts,
  registrationStatuses,
  transitionRegistration,
  verifyAuditChain,
  type AuditVerification,
  type Decision,
  type DecisionListItem,
  type Registration,
} from '@hoctap/db';
import { actorOf, loadCampaign } from './campaigns.js';
import { issueDecisionCredentials } from './credentials.js';
import { auditEntry, withCaller, type Caller, type Deps, type Trx } from './deps.js';
import { AppError, notFound } from './errors.js';
import { recomputeGroupsAfterDecision } from './group-members.js';
import { modelOf } from './models.js';
import { canRead, checkId, readable, writable } from './scope.js';
import { illegal, transition } from './workflow.js';

/** A decision as taken: the campaign, number, date, signer, the registrations recognised and not. */
export interface DecideInput {
  campaignId: string;
  number: string;
  decidedOn: string;
  signer: string;
  recognised: readonly string[];
  notRecognised: readonly string[];
}

/** What a decision did: the decision, the registrations it moved, the credentials it issued, the recognised ids (sorted). */
export interface DecideOutput {
  decision: Decision;
  recognised: string[];
  moved: Registration[];
  issued: { id: string; registrationId: string }[];
}

/**
 * Takes a decision on proposed registrations: each recognised or not (never both), the approver
 * someone other than the proposer (a conflict otherwise, ASVS v5.0.0-2.3.5), one credential per
 * recognised subject (signed with the province's key), the moves and the audit entry in the
 * caller's transaction.
 */
export async function decide(deps: Deps, caller: Caller, trx: Trx, input: DecideInput): Promise<DecideOutput> {
  const campaignId = checkId(input.campaignId, 'campaign');
  const recognised = new Set(input.recognised.map((x) => checkId(x, 'registration')));
  const refused = new Set(input.notRecognised.map((x) => checkId(x, 'registration')));
  if (recognised.size + refused.size === 0) throw new AppError('invalid', 'NOTHING_DECIDED', 'Quyết định cần ít nhất một hồ sơ', 'A decision needs at least one registration');
  for (const id of recognised) if (refused.has(id)) throw new AppError('invalid', 'CONTRADICTORY', 'Một hồ sơ vừa được công nhận vừa không', 'A registration is both recognised and not');
  const approver = actorOf(caller);
  const { campaign, framework } = await loadCampaign(trx, caller.scope, campaignId);
  writable(caller.scope, campaign, 'campaign');
  const regs: Registration[] = [];
  for (const id of [...recognised, ...refused].sort()) {
    const reg = writable(caller.scope, await getRegistration(trx, id, { forUpdate: true }), 'registration');
    if (reg.campaign_id !== campaign.id) throw notFound('registration');
    const action = recognised.has(id) ? 'recognise' : 'not-recognise';
    if (!transition(action, reg.status)) throw illegal(action, reg.status);
    if (reg.proposed_by === approver)
      throw new AppError('conflict', 'SAME_PERSON', 'Người duyệt quyết định phải khác người đề nghị', 'The approver must be someone other than the proposer', { registration: id });
    regs.push(reg);
  }
  const proposer = regs.find((x) => x.proposed_by)?.proposed_by;
  if (!proposer) throw illegal('recognise', regs[0]!.status);
  const decision = await createDecision(trx, {
    province: campaign.province_code,
    commune: campaign.commune_code,
    campaignId: campaign.id,
    number: input.number,
    decidedOn: input.decidedOn,
    signer: input.signer,
    proposerId: proposer,
    approverId: approver,
    recognised: regs.filter((x) => recognised.has(x.id)).map((x) => ({ id: x.id, province: x.province_code, commune: x.commune_code })),
    notRecognised: [...refused],
  });
  const moved: Registration[] = [];
  for (const reg of regs) {
    const to = recognised.has(reg.id) ? 'recognised' : 'not-recognised';
    const m = await transitionRegistration(trx, reg.id, ['proposed'], to, { at: deps.now() });
    if (!m) throw illegal(recognised.has(reg.id) ? 'recognise' : 'not-recognise', reg.status);
    moved.push(m);
  }
  // One signed credential per recognised subject, in this transaction: no decision without its credentials.
  const issued = await issueDecisionCredentials(deps, trx, { decision, campaign, framework, model: modelOf(deps, framework).model, recognised: regs.filter((x) => recognised.has(x.id)) });
  await appendAudit(
    trx,
    auditEntry(deps, caller, {
      province: campaign.province_code,
      action: 'decision.create',
      subject: { kind: 'decision', id: decision.id },
      payload: { campaign: campaign.id, proposer, recognised: [...recognised].sort(), notRecognised: [...refused].sort(), credentials: issued.map((x) => x.id) },
    }),
  );
  // The members' results of the year changed: the groups counted on them are scored again.
  await recomputeGroupsAfterDecision(deps, caller, trx, { campaign, decision });
  return { decision, recognised: [...recognised].sort(), moved, issued };
}

/** A decision the caller may see, with the registrations it recognised. */
export async function readDecision(_deps: Deps, caller: Caller, trx: Trx, input: { id: string }): Promise<Decision & { registrations: string[] }> {
  return readable(caller.scope, await getDecision(trx, checkId(input.id, 'decision')), 'decision');
}

/**
 * A page of the decisions the caller may see, newest first, optionally of one campaign (which must
 * be visible: 404 otherwise). Row-level security scopes the rows; the scope check repeats it.
 */
export async function listDecisionsInScope(_deps: Deps, caller: Caller, trx: Trx, input: { campaignId?: string | undefined; limit: number; offset: number }): Promise<{ items: DecisionListItem[]; total: number }> {
  const campaignId = input.campaignId ? checkId(input.campaignId, 'campaign') : undefined;
  if (campaignId) await loadCampaign(trx, caller.scope, campaignId);
  const page = await listDecisions(trx, { ...(campaignId ? { campaignId } : {}), limit: input.limit, offset: input.offset });
  return { items: page.items.filter((d) => canRead(caller.scope, d)), total: page.total };
}

/** A count and its share of the denominator. */
export interface Share {
  key: string;
  count: number;
  share: number;
}

/** A campaign's report: counts by status, title, group and kind of area, against the framework's targets. */
export interface CampaignReport {
  campaignId: string;
  year: number;
  framework: { ref: string; contentHash: string };
  denominator: { kind: 'registered' | 'all'; count: number; description: string };
  statuses: Record<string, number>;
  recognised: number;
  titles: Share[];
  groups: Share[];
  areaKinds: Share[];
  targets: { text: string; required: number; share: number; numerator: number; denominator: number; met: boolean; shortBy: number }[];
}

/**
 * The campaign report (the JSON report and the yearly report's workbook and PDF), with what the
 * yearly report needs beside it: the campaign, framework, model and the registered per target group.
 * `kind`: the denominator — the registrations (withdrawn left out) or all people of the locality.
 */
export async function campaignReport(deps: Pick<Deps, 'models' | 'registry'>, caller: Caller, trx: Trx, input: { id: string; kind: 'registered' | 'all' }) {
  const { kind } = input;
  const { campaign, framework } = await loadCampaign(trx, caller.scope, checkId(input.id, 'campaign'));
  const { model, ref } = modelOf(deps, framework);
  const statuses = await registrationCounts(trx, campaign.id);
  const registered = Object.entries(statuses).reduce((n, [s, k]) => (s === 'withdrawn' ? n : n + k), 0);
  const people = kind === 'all' ? await countPeople(trx, campaign.province_code, campaign.commune_code) : registered;
  const committee = await latestAssessments(trx, campaign.id, 'committee');
  const regs = await registrationStatuses(trx, campaign.id);
  const holding = new Set(regs.filter((x) => x.status === 'recognised' || x.status === 'published').map((x) => x.id));
  const denominator = Math.max(kind === 'all' ? people : registered, 0);
  const share = (n: number) => (denominator > 0 ? Math.round((n * 10000) / denominator) / 100 : 0);
  const titles = new Map<string, number>();
  const groups = new Map<string, number>();
  const areas = new Map<string, number>();
  const members: { titles: string[] }[] = [];
  for (const x of committee) {
    if (!holding.has(x.registration_id)) continue;
    const res = (x.result ?? {}) as { titles?: string[]; group?: string; attributes?: Record<string, string> };
    for (const t of res.titles ?? []) titles.set(t, (titles.get(t) ?? 0) + 1);
    if (res.group) groups.set(res.group, (groups.get(res.group) ?? 0) + 1);
    for (const [k, v] of Object.entries(res.attributes ?? {})) areas.set(`${k}=${v}`, (areas.get(`${k}=${v}`) ?? 0) + 1);
    members.push({ titles: res.titles ?? [] });
  }
  while (members.length < denominator) members.push({ titles: [] });
  const list = (m: Map<string, number>): Share[] => [...m].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0], 'vi')).map(([key, count]) => ({ key, count, share: share(count) }));
  const targets = targetProgress(model, { year: campaign.year, members, denominator: kind }).map((t) => ({
    text: t.text,
    required: t.required,
    share: t.share,
    numerator: t.numerator,
    denominator: t.denominator,
    met: t.met,
    shortBy: t.shortBy,
  }));
  // Registered per target group (the group of the latest self-assessment, else the committee's), for the yearly report.
  const selfs = await latestAssessments(trx, campaign.id, 'self');
  const groupOf = new Map<string, string>();
  for (const x of [...selfs, ...committee]) {
    const g = (x.result as { group?: string } | null)?.group;
    if (g) groupOf.set(x.registration_id, g);
  }
  const registeredByGroup = new Map<string, number>();
  for (const x of regs) if (x.status !== 'withdrawn' && groupOf.has(x.id)) registeredByGroup.set(groupOf.get(x.id)!, (registeredByGroup.get(groupOf.get(x.id)!) ?? 0) + 1);
  const report: CampaignReport = {
    campaignId: campaign.id,
    year: campaign.year,
    framework: { ref, contentHash: framework.content_hash },
    denominator: {
      kind,
      count: denominator,
      description: kind === 'registered' ? 'Mẫu số: số hồ sơ đã đăng ký trong đợt (trừ hồ sơ đã rút)' : 'Mẫu số: toàn bộ người dân có trong dữ liệu của địa bàn đợt đánh giá',
    },
    statuses,
    recognised: holding.size,
    titles: list(titles),
    groups: list(groups),
    areaKinds: list(areas),
    targets,
  };
  return { report, campaign, framework, model, registered, registeredByGroup };
}

/**
 * Verifies the audit hash chains the caller may read, then records that it did (after the check's
 * transaction: it opens its own, so it takes no `trx`).
 */
export async function verifyAudit(deps: Pick<Deps, 'db' | 'now'>, caller: Caller): Promise<AuditVerification> {
  const v = await withCaller(deps, caller, (trx) => verifyAuditChain(trx));
  await appendAudit(deps.db, auditEntry(deps, caller, { province: '00', action: 'audit.verify', payload: { ok: v.ok, entries: v.entries } }));
  return v;
}
