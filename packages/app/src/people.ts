/** People: search, create with a validated and encrypted citizen id, read, update, delete. */
import {
  appendAudit,
  createPerson as insertPerson,
  deletePerson as removePerson,
  getPerson as readPerson,
  hasMemberships,
  isPersonRegistered,
  listPeople,
  updatePerson as patchPerson,
  type PeoplePage,
  type PersonPatch,
  type PersonRow,
} from '@hoctap/db';
import { auditEntry, type Caller, type Deps, type Trx } from './deps.js';
import { AppError } from './errors.js';
import { checkId, readable, writable } from './scope.js';
import { assertCommuneInProvince, writeLocality } from './where.js';

/** A RangeError from citizen-id validation → an `unprocessable` error with the Vietnamese reason; anything else is rethrown. */
export function citizenIdError(e: unknown): never {
  if (e instanceof RangeError)
    throw new AppError('unprocessable', 'CITIZEN_ID_INVALID', `Số định danh cá nhân không hợp lệ: ${e.message}`, `Invalid citizen id: ${e.message}`);
  throw e;
}

/** A page of people visible to the caller, by folded name and commune. */
export function searchPeople(deps: Pick<Deps, 'cipher'>, _caller: Caller, trx: Trx, input: { query?: string | undefined; commune?: string | undefined; limit: number; offset: number }): Promise<PeoplePage> {
  return listPeople(trx, deps.cipher, { ...(input.query ? { query: input.query } : {}), ...(input.commune ? { commune: input.commune } : {}), limit: input.limit, offset: input.offset });
}

/** What a new person is: where (defaults from the caller's scope) and who. */
export interface PersonCreateInput {
  province?: string | undefined;
  commune?: string | null | undefined;
  fullName: string;
  birthDate?: string | null | undefined;
  sex?: 'male' | 'female' | null | undefined;
  village?: string | null | undefined;
  citizenId?: string | null | undefined;
}

/** Records a person in a locality the caller may write (audited); a bad citizen id is `unprocessable`. */
export async function createPerson(deps: Pick<Deps, 'cipher' | 'now'>, caller: Caller, trx: Trx, input: PersonCreateInput): Promise<PersonRow> {
  const where = writeLocality(caller.scope, input);
  await assertCommuneInProvince(trx, where.province, where.commune);
  const p = await insertPerson(trx, deps.cipher, {
    province: where.province,
    commune: where.commune,
    fullName: input.fullName,
    birthDate: input.birthDate ?? null,
    sex: input.sex ?? null,
    village: input.village ?? null,
    citizenId: input.citizenId ?? null,
  }).catch(citizenIdError);
  await appendAudit(trx, auditEntry(deps, caller, { province: p.province_code, action: 'person.create', subject: { kind: 'person', id: p.id }, payload: { commune: p.commune_code, idNumberGiven: !!input.citizenId } }));
  return p;
}

/** A person visible to the caller, else `not-found`. */
export async function getPerson(deps: Pick<Deps, 'cipher'>, caller: Caller, trx: Trx, input: { id: string }): Promise<PersonRow> {
  const id = checkId(input.id, 'person');
  return readable(caller.scope, await readPerson(trx, deps.cipher, id), 'person');
}

/** Changes a person the caller may write (audited with the changed fields' names). */
export async function updatePerson(deps: Pick<Deps, 'cipher' | 'now'>, caller: Caller, trx: Trx, input: { id: string; patch: PersonPatch }): Promise<PersonRow> {
  const id = checkId(input.id, 'person');
  writable(caller.scope, await readPerson(trx, deps.cipher, id), 'person');
  const row = writable(caller.scope, await patchPerson(trx, deps.cipher, id, input.patch).catch(citizenIdError), 'person');
  await appendAudit(trx, auditEntry(deps, caller, { province: row.province_code, action: 'person.update', subject: { kind: 'person', id }, payload: { fields: Object.keys(input.patch).sort() } }));
  return row;
}

/** Deletes a person the caller may write, unless registered or in a membership history (`conflict`). */
export async function deletePerson(deps: Pick<Deps, 'cipher' | 'now'>, caller: Caller, trx: Trx, input: { id: string }): Promise<void> {
  const id = checkId(input.id, 'person');
  const p = writable(caller.scope, await readPerson(trx, deps.cipher, id), 'person');
  if (await isPersonRegistered(trx, id))
    throw new AppError('conflict', 'PERSON_REGISTERED', 'Người này đã đăng ký một đợt đánh giá; hãy rút đăng ký thay vì xoá', 'This person is registered in a campaign; withdraw instead of deleting');
  // Memberships are history (who belonged to which household, clan, community or unit when): kept, so the person is too.
  if (await hasMemberships(trx, id))
    throw new AppError(
      'conflict',
      'PERSON_HAS_MEMBERSHIPS',
      'Người này có trong lịch sử thành viên của hộ gia đình, dòng họ, cộng đồng hoặc đơn vị; không xoá được',
      'This person is in the membership history of a household, clan, community or unit and cannot be deleted',
    );
  await removePerson(trx, id);
  await appendAudit(trx, auditEntry(deps, caller, { province: p.province_code, action: 'person.delete', subject: { kind: 'person', id } }));
}
