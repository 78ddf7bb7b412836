/**
 * Recomputing a campaign after a criteria change: the latest stored assessment of each kind of
 * every registration scored again with the campaign's framework model (the assessments' engine
 * path), each new result stored as a NEW assessment — same kind, scores and evidence, note
 * "tính lại", by the one who asked — never touching history. One chunk of registrations at a time,
 * in id order, with its audit entry; the state carries the cursor so a resumed run neither skips
 * nor repeats one.
 */
import { addAssessment, appendAudit, getCampaign, getFramework, latestAssessmentsOfRegistrations, registrationsAfter, type Assessment } from '@hoctap/db';
import { actorOf } from './campaigns.js';
import { auditEntry, type Caller, type Deps, type Trx } from './deps.js';
import { AppError } from './errors.js';
import { modelOf } from './models.js';
import { engineResult, membersOf } from './registrations.js';
import { historyOf } from './title-history.js';

/** The note of a recomputed assessment. */
export const RECOMPUTE_NOTE = 'tính lại';

/** What a recompute has done so far (a job stores it as its result). */
export interface RecomputeState {
  /** Assessments stored anew. */
  recomputed: number;
  /** Registrations whose titles (the outcome) changed in one of their latest assessments. */
  changed: number;
  changedIds: string[];
  /** Registrations the engine could not score any more (nothing stored for them). */
  failed: number;
  failures: { registrationId: string; message: string }[];
  /** The last registration done. */
  cursor: string | null;
}

/** Lists of ids and failures keep at most this many entries. */
const LIST_LIMIT = 1000;

/** One chunk: the campaign, the last registration to include, how many per chunk, the job for the audit entry. */
export interface RecomputeChunkInput {
  campaignId: string;
  lastRegistration: string;
  limit: number;
  jobId: string;
  state: RecomputeState;
}

/**
 * Recomputes the next chunk of a campaign's registrations after `state.cursor` (up to
 * `lastRegistration`), in the caller's transaction: the new state, how many registrations it
 * took, and whether more remain.
 */
export async function recomputeChunk(deps: Pick<Deps, 'models' | 'registry' | 'now'>, caller: Caller, trx: Trx, input: RecomputeChunkInput): Promise<{ state: RecomputeState; count: number; more: boolean }> {
  const { state } = input;
  const actor = actorOf(caller);
  // The campaign and its framework as they are now (the criteria may have changed since the job was queued).
  const campaign = await getCampaign(trx, input.campaignId);
  if (!campaign) throw new AppError('not-found', 'CAMPAIGN_NOT_FOUND', 'Đợt đánh giá không còn hoặc ngoài phạm vi của người tạo', 'the campaign is gone or out of the creator’s scope');
  const framework = await getFramework(trx, campaign.framework_id);
  if (!framework) throw new AppError('unavailable', 'FRAMEWORK_UNAVAILABLE', 'Thiếu bộ tiêu chí của đợt đánh giá', 'the campaign’s framework is missing');
  const found = modelOf(deps, framework);
  const regs = await registrationsAfter(trx, input.campaignId, state.cursor, input.lastRegistration, input.limit);
  const next: RecomputeState = { ...state, changedIds: [...state.changedIds], failures: [...state.failures] };
  if (regs.length === 0) return { state: { ...next, cursor: input.lastRegistration }, count: 0, more: false };
  const byReg = new Map<string, Assessment[]>();
  for (const a of await latestAssessmentsOfRegistrations(trx, regs.map((r) => r.id))) (byReg.get(a.registration_id) ?? byReg.set(a.registration_id, []).get(a.registration_id)!).push(a);
  const at = deps.now();
  // The subjects' recognitions of earlier years, for multi-year titles: one query for the chunk.
  const histories = await historyOf(deps, trx, campaign, found.model, regs);
  let stored = 0;
  const changedHere: string[] = [];
  const failedHere: string[] = [];
  for (const reg of regs) {
    const olds = byReg.get(reg.id) ?? [];
    const scoredAll = [];
    for (const old of olds) {
      const prev = (old.result ?? {}) as { titles?: string[]; group?: string; attributes?: Record<string, string>; late?: boolean; memberFacts?: Record<string, string[]> };
      const evidence: Record<string, unknown[]> = {};
      for (const f of old.evidence ?? []) if (f.indicator) (evidence[f.indicator] ??= []).push({ ...(f.id ? { id: f.id } : {}), name: f.name, sha256: f.sha256 });
      // A group is scored again on its members' results as they are now (the facts it declared kept).
      let members: Awaited<ReturnType<typeof membersOf>>;
      try {
        members = await membersOf(deps, trx, campaign, framework, reg, prev.memberFacts);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        scoredAll.push({ old, prev, scored: { errors: [{ message: e.vi }] } as { errors: { message: string }[]; result?: undefined } });
        continue;
      }
      scoredAll.push({ old, prev, scored: engineResult(found, framework, campaign, reg.id, { scores: old.scores, evidence, group: prev.group, attributes: prev.attributes, members, history: histories?.get(reg.subject_id) }, prev.late ?? false) });
    }
    const failure = scoredAll.find((x) => x.scored.errors);
    if (failure) {
      // Nothing stored for a registration the engine cannot score: its history stays as it was.
      failedHere.push(reg.id);
      next.failed++;
      if (next.failures.length < LIST_LIMIT) next.failures.push({ registrationId: reg.id, message: failure.scored.errors![0]!.message });
      continue;
    }
    let changed = false;
    for (const { old, prev, scored } of scoredAll) {
      const result = scored.result!;
      await addAssessment(trx, {
        province: reg.province_code,
        commune: reg.commune_code,
        registrationId: reg.id,
        kind: old.kind,
        scores: old.scores,
        evidence: old.evidence ?? [],
        notes: RECOMPUTE_NOTE,
        assessedBy: actor,
        assessedAt: at,
        result: { ...result, recomputedFrom: old.id },
      });
      stored++;
      if (JSON.stringify([...(prev.titles ?? [])].sort()) !== JSON.stringify([...result.titles].sort())) changed = true;
    }
    if (changed) {
      changedHere.push(reg.id);
      next.changed++;
      if (next.changedIds.length < LIST_LIMIT) next.changedIds.push(reg.id);
    }
  }
  next.recomputed += stored;
  next.cursor = regs.at(-1)!.id;
  await appendAudit(trx, {
    ...auditEntry(deps, caller, {
      province: campaign.province_code,
      action: 'campaign.recompute-chunk',
      subject: { kind: 'campaign', id: campaign.id },
      payload: { job: input.jobId, registrations: regs.length, recomputed: stored, changed: changedHere, failed: failedHere, framework: framework.id, contentHash: framework.content_hash },
    }),
    at,
  });
  return { state: next, count: regs.length, more: next.cursor !== input.lastRegistration && regs.length === input.limit };
}
