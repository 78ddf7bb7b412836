/**
 * The members of a group subject on its campaign's reference date, as the engine reads them: each
 * with the titles of its own result of the SAME year (a person's Công dân học tập, a household's Gia
 * đình học tập) and the facts the group declared for it; who was counted, who is missing and why.
 */
import { memberNeedsOf, type MemberNeeds, type Model, type Subject } from '@hoctap/core';
import {
  appendAudit,
  campaignRegistrationSpan,
  enqueueJob,
  fold,
  getCampaign,
  getFramework,
  groupCampaignsOfYear,
  groupMembersOn,
  resultsOfYear,
  type Campaign,
  type GroupKind,
  type YearResultRow,
} from '@hoctap/db';
import { auditEntry, localDate, type Caller, type Deps, type Trx } from './deps.js';
import { AppError } from './errors.js';
import { GROUP_NAMES } from './groups.js';
import { modelOf } from './models.js';
import { canWrite } from './scope.js';
import { STATE_NAMES_VI, type State } from './workflow.js';

export { memberNeedsOf, type MemberNeeds };

/** The titles whose decisions a framework's member rules read ('learning-citizen', 'learning-family'). */
export function memberTitlesRead(model: Model): ('learning-citizen' | 'learning-family')[] {
  return [...new Set(memberNeedsOf(model).titles.map((t) => memberTitleOf(model, t).campaignTitle))];
}

/** Whether any rule of the framework reads members. */
export function usesMembers(model: Model): boolean {
  const n = memberNeedsOf(model);
  return n.titles.length > 0 || n.facts.length > 0;
}

/** The title a referenced member title is decided by, and so who the members are: households for Gia đình học tập, else people. */
function memberTitleOf(model: Model, ref: string): { campaignTitle: 'learning-family' | 'learning-citizen'; name: string } {
  const t = model.titles.find((x) => x.id === ref || x.name === ref || fold(x.name) === fold(ref));
  const name = t?.name ?? ref;
  const f = fold(name);
  if (f.includes('gia dinh') || /^gdht/.test(fold(ref))) return { campaignTitle: 'learning-family', name };
  return { campaignTitle: 'learning-citizen', name };
}

/**
 * The reference date of a campaign's members: today while the campaign's year runs, its last day
 * after it, its first day before it (memberships valid that day count).
 */
export function referenceDate(campaign: Pick<Campaign, 'year'>, now: Date): string {
  const today = localDate(now);
  const first = `${campaign.year}-01-01`;
  const last = `${campaign.year}-12-31`;
  return today < first ? first : today > last ? last : today;
}

/** One member as counted or missing in a group's result. */
export interface MemberEntry {
  kind: 'person' | 'household';
  id: string;
  name: string | null;
  titles?: string[];
  facts?: string[];
  registrationId?: string;
  reason?: string;
}

/** Who a group's result counted and who was missing, with the sentence that says so. */
export interface MembersReport {
  date: string;
  year: number;
  memberKind: 'person' | 'household';
  counted: MemberEntry[];
  missing: MemberEntry[];
  text: string;
}

/** Facts declared for members by the group (member id → fact ids), as an assessment sends them. */
export type MemberFacts = Record<string, readonly string[]>;

const DECIDED = new Set(['recognised', 'published', 'not-recognised']);
const RANK: Record<string, number> = { published: 0, recognised: 1, 'not-recognised': 2 };

/** Whom a group's rules count: the households of its members when it asks for Gia đình học tập (a household itself counts people), else the people. */
export function memberKindFor(groupKind: GroupKind, asked: readonly { campaignTitle: string }[]): 'person' | 'household' {
  return groupKind !== 'household' && asked.some((a) => a.campaignTitle === 'learning-family') ? 'household' : 'person';
}

/** The titles a framework's member rules ask for, each with the campaign title that decides it ('learning-citizen', 'learning-family'). */
export function memberTitlesAsked(model: Model): { campaignTitle: 'learning-family' | 'learning-citizen'; name: string }[] {
  return memberNeedsOf(model).titles.map((t) => memberTitleOf(model, t));
}

/** Whether a member's titles (names or ids, as {@link memberResultsOfYear} gives them) include this one. */
export function holdsTitle(titles: readonly string[] | undefined, name: string): boolean {
  const f = fold(name);
  return (titles ?? []).some((t) => fold(t) === f);
}

/**
 * The members of these groups on `date`, each once and in order (people by the start of their
 * membership, households by name): the one reading of "who the members are" for a group's result
 * and for the dashboard's roll-ups.
 */
export async function membersOfGroups(trx: Trx, q: { kind: GroupKind; ids: readonly string[]; memberKind: 'person' | 'household'; date: string }): Promise<Map<string, { id: string; name: string | null }[]>> {
  const out = new Map<string, { id: string; name: string | null }[]>();
  const seen = new Set<string>();
  for (const r of await groupMembersOn(trx, { kind: q.kind, ids: q.ids, members: q.memberKind, date: q.date })) {
    const key = `${r.group_id}/${r.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = out.get(r.group_id) ?? [];
    list.push({ id: r.id, name: r.name });
    out.set(r.group_id, list);
  }
  return out;
}

/**
 * Each member's result of the year in the province for the titles asked: its registration (the
 * decided one first) and, once decided, the titles it holds — names and the ids its own framework
 * gives them, none when not recognised; `titles` is absent while the result is not decided.
 */
export async function memberResultsOfYear(
  deps: Pick<Deps, 'models' | 'registry'>,
  trx: Trx,
  q: { memberKind: 'person' | 'household'; ids: readonly string[]; titles: readonly string[]; year: number; province: string },
): Promise<Map<string, { row: YearResultRow; titles?: string[] }>> {
  const byMember = new Map<string, YearResultRow>();
  for (const title of new Set(q.titles)) {
    const rows = await resultsOfYear(trx, { kind: q.memberKind, ids: q.ids, title, year: q.year, province: q.province });
    for (const r of rows) {
      const prev = byMember.get(r.subject_id);
      if (!prev || (RANK[r.status] ?? 9) < (RANK[prev.status] ?? 9)) byMember.set(r.subject_id, r);
    }
  }
  // A member may hold a title by id or by name: the ids come from the member's own framework.
  const idsOfNames = new Map<string, Map<string, string>>();
  for (const r of byMember.values()) {
    if (idsOfNames.has(r.framework_id)) continue;
    const fw = await getFramework(trx, r.framework_id);
    idsOfNames.set(r.framework_id, new Map(fw ? modelOf(deps, fw).model.titles.map((t) => [t.name, t.id]) : []));
  }
  const out = new Map<string, { row: YearResultRow; titles?: string[] }>();
  for (const [id, r] of byMember) {
    if (!DECIDED.has(r.status)) {
      out.set(id, { row: r });
      continue;
    }
    const names = r.status === 'not-recognised' ? [] : ((r.result?.['titles'] as string[] | undefined) ?? []).slice();
    const ids = idsOfNames.get(r.framework_id)!;
    out.set(id, { row: r, titles: [...names, ...names.flatMap((n) => (ids.has(n) ? [ids.get(n)!] : []))] });
  }
  return out;
}

/**
 * Builds a group's members for the engine: the group's members on the reference date (for a
 * framework that counts households, the households of its members), each with the titles of its
 * decided result of the campaign's year and province and the facts sent for it. A member with no
 * decided result (or, for facts, none sent) has no data: the framework's missing-data rule applies.
 * A group with nobody to count is unprocessable.
 */
export async function groupMembersOfYear(
  deps: Pick<Deps, 'models' | 'registry' | 'now'>,
  trx: Trx,
  input: { campaign: Campaign; model: Model; group: { kind: GroupKind; id: string; name?: string | null }; facts?: MemberFacts | undefined },
): Promise<{ members: Subject[]; report: MembersReport }> {
  const { campaign, model, group } = input;
  const needs = memberNeedsOf(model);
  const date = referenceDate(campaign, deps.now());
  const asked = memberTitlesAsked(model);
  const memberKind = memberKindFor(group.kind, asked);
  const list = (await membersOfGroups(trx, { kind: group.kind, ids: [group.id], memberKind, date })).get(group.id) ?? [];
  const groupName = group.name ? ` "${group.name}"` : '';
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  if (list.length === 0) {
    const who = memberKind === 'household' ? 'hộ gia đình thành viên' : 'thành viên';
    throw new AppError(
      'unprocessable',
      'GROUP_HAS_NO_MEMBERS',
      `${cap(GROUP_NAMES[group.kind].vi)}${groupName} chưa có ${who} nào vào ngày ${date}: thêm thành viên trước khi chấm (không chấm 0%)`,
      `The ${GROUP_NAMES[group.kind].en} has no ${memberKind === 'household' ? 'member households' : 'members'} on ${date}`,
      { date },
    );
  }
  // Facts sent for someone who is not a member that day, or a fact the framework does not know, would silently not count.
  if (input.facts) {
    const ids = new Set(list.map((x) => x.id));
    const strangers = Object.keys(input.facts).filter((k) => !ids.has(k.toLowerCase()));
    if (strangers.length)
      throw new AppError('unprocessable', 'MEMBER_NOT_IN_GROUP', `${strangers.length} mã trong memberFacts không phải thành viên của nhóm vào ngày ${date}: ${strangers.slice(0, 5).join(', ')}`, `${strangers.length} memberFacts keys are not members on ${date}`, { members: strangers.slice(0, 100) });
    const known = new Set(model.facts.flatMap((f) => [f.id, f.name]));
    const unknown = [...new Set(Object.values(input.facts).flat())].filter((f) => !known.has(f));
    if (unknown.length)
      throw new AppError('unprocessable', 'UNKNOWN_FACT', `Bộ tiêu chí không có sự kiện ${unknown.slice(0, 5).join(', ')}`, `The framework has no fact ${unknown.slice(0, 5).join(', ')}`, { facts: unknown.slice(0, 100) });
  }
  const byMember = await memberResultsOfYear(deps, trx, { memberKind, ids: list.map((x) => x.id), titles: asked.map((a) => a.campaignTitle), year: campaign.year, province: campaign.province_code });
  const counted: MemberEntry[] = [];
  const missing: MemberEntry[] = [];
  const members: Subject[] = [];
  const askedName = asked.map((a) => a.name).join(', ') || 'các điều kiện';
  for (const m of list) {
    const entry: MemberEntry = { kind: memberKind, id: m.id, name: m.name };
    let titles: string[] | undefined;
    let reason: string | undefined;
    if (needs.titles.length > 0) {
      const r = byMember.get(m.id);
      if (r) entry.registrationId = r.row.registration_id;
      if (r?.titles) titles = r.titles;
      else reason = r ? `chưa được đánh giá (hồ sơ ${STATE_NAMES_VI[r.row.status as State] ?? r.row.status})` : `chưa đăng ký đánh giá ${askedName} năm ${campaign.year}`;
    }
    let facts: string[] | undefined;
    if (needs.facts.length > 0) {
      const sent = input.facts?.[m.id] ?? input.facts?.[m.id.toUpperCase()];
      if (sent) facts = [...sent];
      else reason ??= 'chưa khai các điều kiện của thành viên';
    }
    if (titles) entry.titles = titles;
    if (facts) entry.facts = facts;
    const complete = (needs.titles.length === 0 || titles !== undefined) && (needs.facts.length === 0 || facts !== undefined);
    if (complete) counted.push(entry);
    else missing.push({ ...entry, reason: reason ?? 'thiếu dữ liệu' });
    members.push({ id: m.id, ...(titles ? { titles } : {}), ...(facts ? { facts } : {}) });
  }
  const noun = memberKind === 'household' ? 'hộ thành viên' : 'thành viên';
  const parts: string[] = [];
  for (const a of asked) {
    const yes = counted.filter((c) => holdsTitle(c.titles, a.name)).length;
    parts.push(`${yes}/${list.length} ${noun} đạt ${a.name} năm ${campaign.year}`);
  }
  if (needs.facts.length > 0) parts.push(`${list.length - missing.filter((x) => x.facts === undefined).length}/${list.length} ${noun} đã khai điều kiện`);
  const rule = model.rules.missingData === 'exclude' ? 'không tính vào mẫu số' : 'tính là chưa đạt';
  const tail = missing.length ? `; ${missing.length} chưa có kết quả (${rule}): ${missing.map((x) => `${x.name ?? x.id} — ${x.reason}`).join('; ')}` : '';
  return { members, report: { date, year: campaign.year, memberKind, counted, missing, text: `${parts.join('; ')}${tail}` } };
}

/** The job kind of a campaign's recompute (the API's worker runs it). */
export const RECOMPUTE_JOB_KIND = 'campaign.recompute';

/**
 * After a decision of a members' title (Công dân học tập, Gia đình học tập), queues the recompute
 * of every group campaign of that year and province whose members' rules read it and that has
 * assessed registrations, each with an audit entry saying why; campaigns the caller may not write
 * are left for their own officers.
 */
export async function recomputeGroupsAfterDecision(
  deps: Pick<Deps, 'models' | 'registry' | 'now'>,
  caller: Caller,
  trx: Trx,
  input: { campaign: Campaign; decision: { id: string; number: string } },
): Promise<{ campaignId: string; jobId: string }[]> {
  const { campaign, decision } = input;
  if (campaign.title !== 'learning-citizen' && campaign.title !== 'learning-family') return [];
  const assessed = (await groupCampaignsOfYear(trx, { year: campaign.year, province: campaign.province_code, kinds: ['household', 'clan', 'community', 'unit'] })).filter((id) => id !== campaign.id);
  const out: { campaignId: string; jobId: string }[] = [];
  for (const id of assessed) {
    const cp = await getCampaign(trx, id);
    if (!cp || !canWrite(caller.scope, cp)) continue;
    const fw = await getFramework(trx, cp.framework_id);
    if (!fw || !memberTitlesRead(modelOf(deps, fw).model).includes(campaign.title as 'learning-citizen')) continue;
    // The same job as `queueRecomputeJob` (queued here without its module, which reaches the decisions).
    const span = await campaignRegistrationSpan(trx, cp.id);
    const actorId = caller.userId!;
    const job = await enqueueJob(trx, { kind: RECOMPUTE_JOB_KIND, province: cp.province_code, payload: { campaignId: cp.id, scope: caller.scope, actorId, lastRegistration: span.last }, total: span.count, createdBy: actorId });
    await appendAudit(
      trx,
      auditEntry(deps, caller, {
        province: cp.province_code,
        action: 'campaign.recompute-members',
        subject: { kind: 'campaign', id: cp.id },
        payload: { job: job.id, registrations: span.count, decision: decision.id, campaign: campaign.id, reason: `Kết quả năm ${campaign.year} của các thành viên thay đổi (quyết định số ${decision.number}): tính lại kết quả của các nhóm` },
      }),
    );
    out.push({ campaignId: cp.id, jobId: job.id });
  }
  return out;
}
