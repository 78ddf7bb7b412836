/**
 * Multi-year titles from stored history: a title over N consecutive years ("3 năm liền", "tiêu
 * biểu") is read from the subject's own recognitions of the earlier years — same subject, campaigns
 * of the same title, a decision that still holds (not withdrawn, its credential not revoked) — never
 * from a value typed in. Every path that scores a registration (self / committee assessment, the
 * scores import, the recompute job) asks `historyOf`, and the stored result says which years were
 * found.
 */
import type { Model } from '@hoctap/core';
import { appendAudit, campaignRegistrationSpan, enqueueJob, getCampaign, getFramework, laterCampaignsOfSubject, registrationTitleYear, titleHistory, type Campaign, type SubjectKind } from '@hoctap/db';
import { auditEntry, type Caller, type Deps, type Trx } from './deps.js';
import { RECOMPUTE_JOB_KIND } from './group-members.js';
import { modelOf } from './models.js';
import { canWrite } from './scope.js';

/** How many years before the campaign's a framework's multi-year titles look back (0: none do). */
export function historySpan(model: Model): number {
  let most = 1;
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) for (const y of x) walk(y);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o['kind'] === 'HoldsTitle') {
        const n = (o['years'] as { value?: number } | undefined)?.value;
        if (typeof n === 'number' && n > most) most = n;
      } else for (const k in o) if (k !== 'range') walk(o[k]);
    }
  };
  walk(model.titles);
  walk(model.indicators);
  walk((model as { grading?: unknown }).grading);
  return most - 1;
}

/** One earlier year found in the stored decisions. */
export interface HistoryYear {
  year: number;
  registrationId: string;
  decision: { number: string; date: string };
  titles: string[];
}

/** What the engine reads of a subject's past, and what the stored result says of it. */
export interface SubjectHistory {
  /** year → titles held (names as stored and the framework's ids), for the engine. */
  history: Record<string, string[]>;
  report: { from: number; to: number; years: HistoryYear[]; text: string };
}

/** "2016, 2017, 2019" → the years in words for the explanation. */
function historyText(from: number, to: number, years: readonly HistoryYear[]): string {
  const span = from === to ? `năm ${from}` : `các năm ${from}–${to}`;
  if (years.length === 0) return `Lịch sử danh hiệu (từ các quyết định đã lưu, ${span}): không có năm nào được công nhận`;
  const list = years.map((y) => `${y.year} (QĐ số ${y.decision.number})`).join(', ');
  return `Lịch sử danh hiệu (từ các quyết định đã lưu, ${span}): đã được công nhận năm ${list}`;
}

/**
 * The stored history of these subjects (one query for all of them) for the campaign's framework:
 * undefined when no title of the framework spans several years; otherwise, per subject id, the
 * years before the campaign's that multi-year titles look back on and what was found.
 */
export async function historyOf(
  deps: Pick<Deps, 'models' | 'registry'>,
  trx: Trx,
  campaign: Campaign,
  model: Model,
  subjects: readonly { subject_kind: SubjectKind; subject_id: string }[],
): Promise<Map<string, SubjectHistory> | undefined> {
  const back = historySpan(model);
  if (back === 0 || subjects.length === 0) return undefined;
  const from = campaign.year - back;
  const to = campaign.year - 1;
  const out = new Map<string, SubjectHistory>();
  const byKind = new Map<SubjectKind, string[]>();
  for (const s of subjects) (byKind.get(s.subject_kind) ?? byKind.set(s.subject_kind, []).get(s.subject_kind)!).push(s.subject_id);
  const idsOf = new Map<string, Map<string, string>>();
  for (const [kind, ids] of byKind) {
    const rows = await titleHistory(trx, { kind, ids, title: campaign.title, fromYear: from, toYear: to });
    const found = new Map<string, HistoryYear[]>();
    for (const r of rows) {
      // A title is held by name as stored, and by its id in that year's framework.
      if (!idsOf.has(r.framework_id)) {
        const fw = await getFramework(trx, r.framework_id);
        idsOf.set(r.framework_id, new Map(fw ? modelOf(deps, fw).model.titles.map((t) => [t.name, t.id]) : []));
      }
      const list = found.get(r.subject_id) ?? found.set(r.subject_id, []).get(r.subject_id)!;
      const prev = list.find((y) => y.year === r.year);
      if (prev) prev.titles = [...new Set([...prev.titles, ...r.titles])];
      else list.push({ year: r.year, registrationId: r.registration_id, decision: { number: r.decision_number, date: r.decided_on }, titles: [...r.titles] });
    }
    for (const id of ids) {
      const years = found.get(id) ?? [];
      const history: Record<string, string[]> = {};
      for (const y of years) {
        const ids = idsOf.get(rows.find((r) => r.registration_id === y.registrationId)!.framework_id)!;
        history[String(y.year)] = [...new Set([...y.titles, ...y.titles.flatMap((n) => (ids.has(n) ? [ids.get(n)!] : []))])];
      }
      out.set(id, { history, report: { from, to, years, text: historyText(from, to, years) } });
    }
  }
  return out;
}

/**
 * After a recognition is revoked, queues the recompute of the later campaigns (same title) in which
 * the subject is assessed and whose multi-year titles look back on the revoked year, each with an
 * audit entry saying why; campaigns the caller may not write are left for their own officers.
 */
export async function recomputeAfterRevocation(
  deps: Pick<Deps, 'registry' | 'now'> & Partial<Pick<Deps, 'models'>>,
  caller: Caller,
  trx: Trx,
  input: { registrationId: string; credentialId: string },
): Promise<{ campaignId: string; jobId: string }[]> {
  const reg = await registrationTitleYear(trx, input.registrationId);
  if (!reg || !caller.userId) return [];
  const md = { registry: deps.registry, models: deps.models ?? new Map() };
  const out: { campaignId: string; jobId: string }[] = [];
  for (const later of await laterCampaignsOfSubject(trx, { kind: reg.subject_kind, id: reg.subject_id, title: reg.title, afterYear: reg.year })) {
    const fw = await getFramework(trx, later.framework_id);
    if (!fw || later.year - historySpan(modelOf(md, fw).model) > reg.year) continue;
    const cp = await getCampaign(trx, later.campaign_id);
    if (!cp || !canWrite(caller.scope, cp)) continue;
    const span = await campaignRegistrationSpan(trx, cp.id);
    const job = await enqueueJob(trx, { kind: RECOMPUTE_JOB_KIND, province: cp.province_code, payload: { campaignId: cp.id, scope: caller.scope, actorId: caller.userId, lastRegistration: span.last }, total: span.count, createdBy: caller.userId });
    await appendAudit(
      trx,
      auditEntry(deps, caller, {
        province: cp.province_code,
        action: 'campaign.recompute-history',
        subject: { kind: 'campaign', id: cp.id },
        payload: { job: job.id, registrations: span.count, credential: input.credentialId, registration: input.registrationId, reason: `Công nhận năm ${reg.year} đã bị thu hồi: tính lại các danh hiệu nhiều năm liền của năm ${cp.year}` },
      }),
    );
    out.push({ campaignId: cp.id, jobId: job.id });
  }
  return out;
}
