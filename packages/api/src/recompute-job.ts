/**
 * The `campaign.recompute` job: after a criteria change, scores the latest stored assessment of
 * each kind of every registration of a campaign again with the campaign's framework model (the
 * engine path of the assessment endpoints) and stores each new result as a NEW assessment — the
 * same kind, scores and evidence, note "tính lại", by the job's creator — never touching history.
 * Registrations are taken in id order, a chunk per transaction with its audit entry, its progress
 * and the cursor (the last registration id), so a resumed job neither skips nor repeats one.
 */
import { addAssessment, appendAudit, getCampaign, getFramework, type Assessment, type Scope } from '@hoctap/db';
import { sql, type Transaction } from 'kysely';
import { modelOf } from './context.js';
import { finishInScope, runInChunks, type WorkerContext } from './job-chunks.js';
import { engineResult } from './routes/registrations.js';
import type { Database, Job } from '@hoctap/db';

/** The kind of the recompute job. */
export const RECOMPUTE_JOB = 'campaign.recompute';

/** The note of a recomputed assessment. */
export const RECOMPUTE_NOTE = 'tính lại';

/** The payload of a recompute job (written by the route). */
export interface RecomputeJobPayload {
  campaignId: string;
  /** The creator's scope when the job was queued; every chunk runs in it (RLS applies). */
  scope: Scope;
  actorId: string;
  /** The largest registration id when queued: registrations made later are not part of the job. */
  lastRegistration: string | null;
}

/** The result a recompute job accumulates (stored in `jobs.result` with every chunk). */
export interface RecomputeJobResult {
  /** Assessments stored anew. */
  recomputed: number;
  /** Registrations whose titles (the outcome) changed in one of their latest assessments. */
  changed: number;
  changedIds: string[];
  /** Registrations the engine could not score any more (nothing stored for them). */
  failed: number;
  failures: { registrationId: string; message: string }[];
  /** The last registration done (the chunks' cursor). */
  cursor: string | null;
}

const LIST_LIMIT = 1000;

/** The registrations of the campaign after `cursor`, in id order, as far as `last`. */
async function nextRegistrations(trx: Transaction<Database>, campaignId: string, cursor: string | null, last: string, limit: number) {
  return trx
    .selectFrom('registrations')
    .select(['id', 'province_code', 'commune_code'])
    .where('campaign_id', '=', campaignId)
    .where('id', '<=', last)
    .$if(cursor !== null, (q) => q.where('id', '>', cursor!))
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function runRecompute(w: WorkerContext, job: Job): Promise<'done' | 'stopped'> {
  if (!w.registry) throw new Error('recompute needs the registry');
  const registry = w.registry;
  const p = job.payload as unknown as RecomputeJobPayload;
  const initial: RecomputeJobResult = { recomputed: 0, changed: 0, changedIds: [], failed: 0, failures: [], cursor: null, ...((job.result ?? {}) as Partial<RecomputeJobResult>) };
  const run = await runInChunks(w, job, p.scope, { done: job.done, state: initial, more: p.lastRegistration !== null && initial.cursor !== p.lastRegistration }, async (trx, { done, state }) => {
    // The campaign and its framework as they are now (the criteria may have changed since the job was queued).
    const campaign = await getCampaign(trx, p.campaignId);
    if (!campaign) throw new Error('the campaign is gone or out of the creator’s scope');
    const framework = await getFramework(trx, campaign.framework_id);
    if (!framework) throw new Error('the campaign’s framework is missing');
    const found = modelOf(w, registry, framework);
    const regs = await nextRegistrations(trx, p.campaignId, state.cursor, p.lastRegistration!, w.chunkRows);
    const next: RecomputeJobResult = { ...state, changedIds: [...state.changedIds], failures: [...state.failures] };
    if (regs.length === 0) return { done, state: { ...next, cursor: p.lastRegistration }, more: false };
    // The latest assessment of each kind of each registration of the chunk.
    // (in the order they were made, so the recomputed ones keep it)
    const latest = await sql<Assessment>`SELECT * FROM (SELECT DISTINCT ON (registration_id, kind) * FROM assessments
        WHERE registration_id = ANY (${sql.val(regs.map((r) => r.id))}::uuid[])
        ORDER BY registration_id, kind, assessed_at DESC, id DESC) latest
      ORDER BY assessed_at, id`.execute(trx);
    const byReg = new Map<string, Assessment[]>();
    for (const a of latest.rows) (byReg.get(a.registration_id) ?? byReg.set(a.registration_id, []).get(a.registration_id)!).push(a);
    const at = w.now();
    let stored = 0;
    const changedHere: string[] = [];
    const failedHere: string[] = [];
    for (const reg of regs) {
      const olds = byReg.get(reg.id) ?? [];
      const scoredAll = olds.map((old) => {
        const prev = (old.result ?? {}) as { titles?: string[]; group?: string; attributes?: Record<string, string>; late?: boolean };
        const evidence: Record<string, unknown[]> = {};
        for (const f of old.evidence ?? []) if (f.indicator) (evidence[f.indicator] ??= []).push({ ...(f.id ? { id: f.id } : {}), name: f.name, sha256: f.sha256 });
        return { old, prev, scored: engineResult(found, framework, campaign, reg.id, { scores: old.scores, evidence, group: prev.group, attributes: prev.attributes }, prev.late ?? false) };
      });
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
          assessedBy: p.actorId,
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
      province: campaign.province_code,
      action: 'campaign.recompute-chunk',
      actorId: p.actorId,
      subject: { kind: 'campaign', id: campaign.id },
      payload: { job: job.id, registrations: regs.length, recomputed: stored, changed: changedHere, failed: failedHere, framework: framework.id, contentHash: framework.content_hash },
      at,
    });
    return { done: done + regs.length, state: next, more: next.cursor !== p.lastRegistration && regs.length === w.chunkRows };
  });
  if (run.stopped) return 'stopped';
  const result = { ...run.state, cursor: p.lastRegistration };
  await finishInScope(w, job, p.scope, result as unknown as Record<string, unknown>, async (trx) => {
    await appendAudit(trx, { province: job.province_code, action: 'campaign.recompute-job.done', actorId: p.actorId, subject: { kind: 'campaign', id: p.campaignId }, payload: { job: job.id, recomputed: result.recomputed, changed: result.changed, failed: result.failed }, at: w.now() });
  });
  return 'done';
}
