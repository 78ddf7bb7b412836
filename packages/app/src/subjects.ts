/**
 * A registration's subject as documents and credentials print it: a person's name and village, or a
 * group's name with its representative (the member whose role is head — chủ hộ, trưởng họ, trưởng
 * thôn, thủ trưởng — on the given date).
 */
import { getGroup, getPerson, groupMemberships, isCurrent, type SubjectKind } from '@hoctap/db';
import type { Deps, Trx } from './deps.js';

/** What is printed of a subject. */
export interface SubjectRecord {
  kind: SubjectKind;
  id: string;
  full_name: string;
  village: string | null;
  sex: 'male' | 'female' | null;
  /** A group's representative on the date (none for a person or a group without a head). */
  representative: { name: string; role: string } | null;
}

/** The word for a group's head, by kind. */
export const HEAD_NAMES: Record<Exclude<SubjectKind, 'person'>, string> = { household: 'Chủ hộ', clan: 'Trưởng họ', community: 'Trưởng thôn', unit: 'Thủ trưởng đơn vị' };

/** How a recognised subject of each kind is called in a decision's text. */
export const SUBJECT_NOUNS: Record<SubjectKind, string> = { person: 'cá nhân', household: 'gia đình', clan: 'dòng họ', community: 'cộng đồng', unit: 'đơn vị' };

/** A registration's subject (undefined when it is not visible or gone). */
export async function subjectRecord(deps: Pick<Deps, 'cipher'>, trx: Trx, reg: { subject_kind: SubjectKind; subject_id: string }, date: string): Promise<SubjectRecord | undefined> {
  if (reg.subject_kind === 'person') {
    const p = await getPerson(trx, deps.cipher, reg.subject_id);
    return p && { kind: 'person', id: p.id, full_name: p.full_name, village: p.village, sex: p.sex, representative: null };
  }
  const kind = reg.subject_kind;
  const g = await getGroup(trx, kind, reg.subject_id);
  if (!g) return undefined;
  const head = (await groupMemberships(trx, kind, g.id)).find((m) => m.role === 'head' && isCurrent(m, date) && m.full_name);
  return { kind, id: g.id, full_name: g.name, village: g.village, sex: null, representative: head ? { name: head.full_name!, role: HEAD_NAMES[kind] } : null };
}
