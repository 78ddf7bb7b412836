/**
 * Households, clans, communities and units with their members over time: list, create, read with
 * current members and past memberships, update, delete (not when registered); add a member, end a
 * membership; a person's groups.
 */
import {
  addMembership,
  appendAudit,
  createGroup as insertGroup,
  deleteGroup as removeGroup,
  endMembershipById,
  getGroup as readGroup,
  getMembership,
  groupMemberships,
  groupOfMembership,
  groupsOfPerson,
  isCurrent,
  isGroupRegistered,
  listGroups,
  overlappingMembership,
  personLocation,
  updateGroup as patchGroup,
  type GroupKind,
  type GroupPatch,
  type GroupRow,
  type GroupsPage,
  type MemberRow,
  type PersonGroupRow,
  type Scope,
} from '@hoctap/db';
import { auditEntry, localDate, type Caller, type Deps, type Trx } from './deps.js';
import { AppError, notFound, outOfScope } from './errors.js';
import { canRead, canWrite, checkId } from './scope.js';
import { assertCommuneInProvince, writeLocality } from './where.js';

/** How each kind of group is named in messages. */
export const GROUP_NAMES = {
  household: { vi: 'hộ gia đình', en: 'household' },
  clan: { vi: 'dòng họ', en: 'clan' },
  community: { vi: 'cộng đồng', en: 'community' },
  unit: { vi: 'đơn vị', en: 'unit' },
} as const satisfies Record<GroupKind, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The same "not found" whether a group's id is malformed, unknown or another locality's. */
export function groupNotFound(kind: GroupKind): AppError {
  const k = GROUP_NAMES[kind];
  return new AppError('not-found', `${kind.toUpperCase()}_NOT_FOUND`, `Không tìm thấy ${k.vi}`, `No such ${k.en}`);
}
const membershipNotFound = () => new AppError('not-found', 'MEMBERSHIP_NOT_FOUND', 'Không tìm thấy thành viên này của nhóm', 'No such membership');
const endNotAfterStart = () => new AppError('unprocessable', 'END_NOT_AFTER_START', 'Ngày kết thúc phải sau ngày bắt đầu', 'The end date must be after the start date');

function groupId(kind: GroupKind, id: string): string {
  if (!UUID.test(id)) throw groupNotFound(kind);
  return id.toLowerCase();
}

function visibleGroup(kind: GroupKind, scope: Scope, g: GroupRow | undefined): GroupRow {
  if (!g || !canRead(scope, g)) throw groupNotFound(kind);
  return g;
}

function writableGroup(kind: GroupKind, scope: Scope, g: GroupRow | undefined): GroupRow {
  const row = visibleGroup(kind, scope, g);
  if (!canWrite(scope, row)) throw outOfScope();
  return row;
}

/** A page of one kind of group visible to the caller, with member counts on `date` (default today). */
export async function searchGroups(
  deps: Pick<Deps, 'now'>,
  _caller: Caller,
  trx: Trx,
  input: { kind: GroupKind; query?: string | undefined; commune?: string | undefined; type?: string | undefined; date?: string | undefined; limit: number; offset: number },
): Promise<GroupsPage> {
  const date = input.date ?? localDate(deps.now());
  return listGroups(trx, input.kind, { ...(input.query ? { query: input.query } : {}), ...(input.commune ? { commune: input.commune } : {}), ...(input.type ? { type: input.type } : {}), date, limit: input.limit, offset: input.offset });
}

/** What a new group is. */
export interface GroupCreateInput {
  kind: GroupKind;
  province?: string | undefined;
  commune?: string | null | undefined;
  name: string;
  village?: string | null | undefined;
  type?: string | undefined;
}

/** Records a group in a locality the caller may write (audited). */
export async function createGroup(deps: Pick<Deps, 'now'>, caller: Caller, trx: Trx, input: GroupCreateInput): Promise<GroupRow> {
  const where = writeLocality(caller.scope, input);
  await assertCommuneInProvince(trx, where.province, where.commune);
  const row = await insertGroup(trx, input.kind, { province: where.province, commune: where.commune, name: input.name, village: input.village ?? null, type: input.type ?? null });
  await appendAudit(trx, auditEntry(deps, caller, { province: row.province_code, action: `${input.kind}.create`, subject: { kind: input.kind, id: row.id }, payload: { commune: row.commune_code } }));
  return row;
}

/** A group visible to the caller with its members on `date` (default today) and the other memberships. */
export async function getGroup(
  deps: Pick<Deps, 'now'>,
  caller: Caller,
  trx: Trx,
  input: { kind: GroupKind; id: string; date?: string | undefined },
): Promise<{ group: GroupRow; date: string; members: MemberRow[]; history: MemberRow[] }> {
  const id = groupId(input.kind, input.id);
  const date = input.date ?? localDate(deps.now());
  const group = visibleGroup(input.kind, caller.scope, await readGroup(trx, input.kind, id));
  const all = await groupMemberships(trx, input.kind, id);
  return { group, date, members: all.filter((m) => isCurrent(m, date)), history: all.filter((m) => !isCurrent(m, date)) };
}

/** Changes a group the caller may write (audited with the changed fields' names). */
export async function updateGroup(deps: Pick<Deps, 'now'>, caller: Caller, trx: Trx, input: { kind: GroupKind; id: string; patch: GroupPatch }): Promise<GroupRow> {
  const { kind } = input;
  const id = groupId(kind, input.id);
  writableGroup(kind, caller.scope, await readGroup(trx, kind, id));
  const row = writableGroup(kind, caller.scope, await patchGroup(trx, kind, id, input.patch));
  await appendAudit(trx, auditEntry(deps, caller, { province: row.province_code, action: `${kind}.update`, subject: { kind, id }, payload: { fields: Object.keys(input.patch).sort() } }));
  return row;
}

/** Deletes a group the caller may write with its memberships, unless a registration names it (`conflict`). */
export async function deleteGroup(deps: Pick<Deps, 'now'>, caller: Caller, trx: Trx, input: { kind: GroupKind; id: string }): Promise<void> {
  const { kind } = input;
  const k = GROUP_NAMES[kind];
  const id = groupId(kind, input.id);
  const g = writableGroup(kind, caller.scope, await readGroup(trx, kind, id));
  if (await isGroupRegistered(trx, kind, id))
    throw new AppError('conflict', 'GROUP_REGISTERED', `${cap(k.vi)} này đã đăng ký một đợt đánh giá; hãy rút đăng ký thay vì xoá`, `This ${k.en} is registered in a campaign; withdraw instead of deleting`);
  const members = (await groupMemberships(trx, kind, id)).length;
  if ((await removeGroup(trx, kind, id)) !== 'deleted') throw groupNotFound(kind);
  await appendAudit(trx, auditEntry(deps, caller, { province: g.province_code, action: `${kind}.delete`, subject: { kind, id }, payload: { memberships: members } }));
}

/** A new membership: who, in what role, from when (default today) until when (open). */
export interface MemberAddInput {
  kind: GroupKind;
  groupId: string;
  personId: string;
  role?: 'head' | 'member' | undefined;
  validFrom?: string | undefined;
  validTo?: string | null | undefined;
}

/**
 * Adds a person of the group's province to a group the caller may write: not overlapping a
 * membership of the same group (`ALREADY_MEMBER`), nor — for households — another household's.
 */
export async function addMember(deps: Pick<Deps, 'now'>, caller: Caller, trx: Trx, input: MemberAddInput): Promise<MemberRow> {
  const { kind } = input;
  const k = GROUP_NAMES[kind];
  const id = groupId(kind, input.groupId);
  const validFrom = input.validFrom ?? localDate(deps.now());
  const validTo = input.validTo ?? null;
  if (validTo !== null && validTo <= validFrom) throw endNotAfterStart();
  const g = writableGroup(kind, caller.scope, await readGroup(trx, kind, id));
  const personId = checkId(input.personId, 'person');
  const person = await personLocation(trx, personId);
  if (!person || !canRead(caller.scope, person)) throw notFound('person');
  if (person.province_code !== g.province_code)
    throw new AppError('unprocessable', 'MEMBER_OTHER_PROVINCE', `Người này thuộc tỉnh khác với ${k.vi}`, `This person belongs to another province than the ${k.en}`);
  if (await overlappingMembership(trx, personId, { kind, id }, validFrom, validTo))
    throw new AppError('conflict', 'ALREADY_MEMBER', `Người này đã là thành viên của ${k.vi} trong khoảng thời gian đó`, `This person is already a member of the ${k.en} during that period`);
  // One household at a time: the move to another household ends the old membership first.
  if (kind === 'household' && (await overlappingMembership(trx, personId, { kind }, validFrom, validTo)))
    throw new AppError(
      'conflict',
      'OTHER_HOUSEHOLD',
      'Người này đang thuộc một hộ gia đình khác trong khoảng thời gian đó: hãy kết thúc thành viên ở hộ cũ trước',
      'This person belongs to another household during that period: end that membership first',
    );
  const row = await addMembership(trx, { province: g.province_code, commune: g.commune_code, personId, group: { kind, id }, role: input.role ?? 'member', validFrom, validTo });
  await appendAudit(trx, auditEntry(deps, caller, { province: g.province_code, action: 'membership.create', subject: { kind: 'membership', id: row.id }, payload: { group: { kind, id }, person: personId, role: row.role, validFrom, validTo } }));
  return (await groupMemberships(trx, kind, id)).find((x) => x.id === row.id)!;
}

/** Ends an open membership of a group the caller may write on `date` (default today; not counted). */
export async function endMember(deps: Pick<Deps, 'now'>, caller: Caller, trx: Trx, input: { kind: GroupKind; groupId: string; membershipId: string; date?: string | undefined }): Promise<MemberRow> {
  const { kind } = input;
  const id = groupId(kind, input.groupId);
  if (!UUID.test(input.membershipId)) throw membershipNotFound();
  const membershipId = input.membershipId.toLowerCase();
  const date = input.date ?? localDate(deps.now());
  writableGroup(kind, caller.scope, await readGroup(trx, kind, id));
  const current = await getMembership(trx, membershipId);
  if (!current) throw membershipNotFound();
  const g = groupOfMembership(current);
  if (g.kind !== kind || g.id !== id) throw membershipNotFound();
  if (!canWrite(caller.scope, current)) throw outOfScope();
  if (current.valid_to !== null) throw new AppError('conflict', 'MEMBERSHIP_ENDED', 'Tư cách thành viên này đã kết thúc', 'This membership has already ended');
  if (date <= current.valid_from) throw endNotAfterStart();
  const row = await endMembershipById(trx, membershipId, date);
  if (!row) throw membershipNotFound();
  await appendAudit(trx, auditEntry(deps, caller, { province: row.province_code, action: 'membership.end', subject: { kind: 'membership', id: row.id }, payload: { group: { kind, id }, person: row.person_id, validTo: date } }));
  return (await groupMemberships(trx, kind, id)).find((x) => x.id === row.id)!;
}

/** The groups a visible person belongs or belonged to, and the date `current` is judged on. */
export async function groupsOfPersonAt(deps: Pick<Deps, 'now'>, caller: Caller, trx: Trx, input: { personId: string; date?: string | undefined }): Promise<{ date: string; items: (PersonGroupRow & { current: boolean })[] }> {
  const id = checkId(input.personId, 'person');
  const date = input.date ?? localDate(deps.now());
  const p = await personLocation(trx, id);
  if (!p || !canRead(caller.scope, p)) throw notFound('person');
  return { date, items: (await groupsOfPerson(trx, id)).map((m) => ({ ...m, current: isCurrent(m, date) })) };
}
