/**
 * The platform's Open Badges 3.0 credentials against the database: one Ed25519 key per province
 * (made on first use, the private key stored encrypted), one Bitstring Status List per province
 * (its signed credential stored, so the public path needs no private key), a credential per
 * recognised subject issued in the decision's own transaction; revocation, verification, reads.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import type { Model, Registry } from '@hoctap/core';
import {
  activeIssuerKey,
  appendAudit,
  getCredential,
  getStatusList,
  insertCredential,
  insertIssuerKey,
  insertStatusList,
  issuerKeysByDid,
  latestAssessments,
  lockProvinceCredentials,
  markCredentialRevoked,
  unitName,
  updateStatusList,
  withVerifierScope,
  type Campaign,
  type CredentialPublicInfo,
  type Database,
  type Decision,
  type Framework,
  type Registration,
} from '@hoctap/db';
import {
  createStatusList,
  decodeStatusList,
  didKeyOf,
  encodeStatusList,
  issueCredential,
  issueStatusListCredential,
  publicKeyFromDidKey,
  revoke,
  titleRulesWords,
  verificationMethodOf,
  verifyCredential,
  STATUS_LIST_MIN_SIZE,
  type StatusListCredential,
  type VerificationResult,
} from '@hoctap/documents';
import type { Kysely } from 'kysely';
import { auditEntry, type Caller, type Deps, type Trx } from './deps.js';
import { AppError, notFound } from './errors.js';
import { writable } from './scope.js';
import { subjectRecord } from './subjects.js';
import { recomputeAfterRevocation } from './title-history.js';

/** What issuing and revoking need: the key cipher, the clock, the public origin, the citizen-id cipher, the registry. */
export type CredentialDeps = Pick<Deps, 'keyCipher' | 'now' | 'publicUrl' | 'cipher' | 'registry'>;

/** The public origin without a trailing slash. */
export const originOf = (deps: Pick<Deps, 'publicUrl'>): string => deps.publicUrl.replace(/\/+$/, '');
/** The public address of a province's status list. */
export const statusListUrl = (deps: Pick<Deps, 'publicUrl'>, province: string): string => `${originOf(deps)}/api/status-lists/${province}`;
/** The public verification page of a credential. */
export const verifyPageUrl = (deps: Pick<Deps, 'publicUrl'>, id: string): string => `${originOf(deps)}/verify/${id}`;

/** "tỉnh Phú Thọ", "xã …": from the loaded administrative units, else the plugins' localities, else the code. */
export async function localityNames(db: Kysely<Database>, registry: Registry, province: string, commune: string | null): Promise<{ province: string; commune: string | null }> {
  const find = async (level: 'province' | 'commune', code: string) => {
    const name = await unitName(db, level, code);
    if (name) return name;
    for (const p of registry.plugins) for (const l of p.localities) if (l.code === code && l.level === level) return l.name;
    return level === 'province' ? `tỉnh ${code}` : `xã ${code}`;
  };
  return { province: await find('province', province), commune: commune ? await find('commune', commune) : null };
}

/** The issuing body as printed: "UBND TỈNH PHÚ THỌ" over "ỦY BAN NHÂN DÂN XÃ …". */
export function issuingBody(names: { province: string; commune: string | null }) {
  const own = names.commune ?? names.province;
  return {
    ...(names.commune ? { parent: `UBND ${names.province.toLocaleUpperCase('vi')}` } : {}),
    name: `ỦY BAN NHÂN DÂN\n${own.toLocaleUpperCase('vi')}`,
    nameInText: `Ủy ban nhân dân ${own}`,
  };
}

/** "Nguyễn Văn An, Chủ tịch UBND xã" → name and position; without a comma the text is the position. */
export function signerOf(text: string) {
  const i = text.indexOf(',');
  const name = i > 0 ? text.slice(0, i).trim() : '';
  const position = (i > 0 ? text.slice(i + 1) : text).trim();
  return { mode: 'TM' as const, onBehalfOf: 'ỦY BAN NHÂN DÂN', position: position.toLocaleUpperCase('vi'), name };
}

interface Issuer {
  keyId: string;
  did: string;
  verificationMethod: string;
  privateKey: KeyObject;
  name: string;
}

/** The province's signing key; made (Ed25519) and stored encrypted on first use. */
async function issuerOf(deps: CredentialDeps, trx: Trx, province: string, provinceName: string): Promise<Issuer> {
  let row = await activeIssuerKey(trx, province);
  if (!row) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const id = randomUUID();
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
    row = await insertIssuerKey(trx, { id, province, did: didKeyOf(createPublicKey(privateKey)), privateKeyEnc: deps.keyCipher.encrypt(pkcs8, id), at: deps.now() });
  }
  const privateKey = createPrivateKey({ key: deps.keyCipher.decrypt(row.private_key_enc, row.id), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  if (didKeyOf(publicKey) !== row.did) throw new Error(`Issuer key ${row.id}: the stored private key does not match its DID.`);
  return { keyId: row.id, did: row.did, verificationMethod: verificationMethodOf(publicKey), privateKey, name: `Ủy ban nhân dân ${provinceName}` };
}

function signList(deps: CredentialDeps, province: string, issuer: Issuer, list: ReturnType<typeof createStatusList>): StatusListCredential {
  return issueStatusListCredential(list, {
    id: statusListUrl(deps, province),
    issuer: { id: issuer.did, name: issuer.name },
    validFrom: deps.now().toISOString(),
    key: { privateKey: issuer.privateKey, verificationMethod: issuer.verificationMethod },
  });
}

/** What a decision's credentials are issued from. */
export interface IssueInput {
  decision: Decision;
  campaign: Campaign;
  framework: Framework;
  model: Model;
  recognised: readonly Registration[];
}

/**
 * Issues one credential per recognised registration of a decision, in the decision's transaction:
 * signed by the province's key, with the next indexes of the province's status list.
 */
export async function issueDecisionCredentials(deps: CredentialDeps, trx: Trx, input: IssueInput): Promise<{ id: string; registrationId: string }[]> {
  if (input.recognised.length === 0) return [];
  const { decision, campaign, framework, model } = input;
  const province = campaign.province_code;
  await lockProvinceCredentials(trx, province);
  const names = await localityNames(trx, deps.registry, province, campaign.commune_code);
  const issuer = await issuerOf(deps, trx, province, names.province);
  let list = await getStatusList(trx, province, { forUpdate: true });
  if (!list) {
    const fresh = createStatusList(STATUS_LIST_MIN_SIZE);
    list = await insertStatusList(trx, { province, size: fresh.size, encodedList: encodeStatusList(fresh), credential: signList(deps, province, issuer, fresh) as unknown as Record<string, unknown>, at: deps.now() });
  }
  if (list.next_index + input.recognised.length > list.size)
    throw new AppError('conflict', 'STATUS_LIST_FULL', 'Danh sách trạng thái của tỉnh đã hết chỗ', 'The province’s status list is full');
  const committee = new Map((await latestAssessments(trx, campaign.id, 'committee')).map((a) => [a.registration_id, a]));
  const locality = names.commune ?? names.province;
  const origin = originOf(deps);
  const modelId = framework.version.split('@')[0]!;
  let next = list.next_index;
  const out: { id: string; registrationId: string }[] = [];
  for (const reg of input.recognised) {
    // A person, or a household, clan, community or unit (recipient: the group's name).
    const person = await subjectRecord(deps, trx, reg, decision.decided_on);
    if (!person) throw new AppError('conflict', 'PERSON_NOT_FOUND', 'Không tìm thấy đối tượng của hồ sơ', 'The registration’s subject is missing');
    const result = (committee.get(reg.id)?.result ?? {}) as { titles?: string[] };
    const title = result.titles?.[0] ?? model.titles[0]?.name ?? campaign.title;
    const uuid = randomUUID();
    const index = next++;
    const credential = issueCredential({
      id: `urn:uuid:${uuid}`,
      issuer: { id: issuer.did, name: issuer.name, url: origin },
      achievement: {
        id: `${origin}/api/frameworks/${framework.plugin}/${modelId}#${encodeURIComponent(title)}`,
        name: title,
        description: `Danh hiệu “${title}” năm ${campaign.year}, ${locality}`,
        narrative: titleRulesWords(model).join(' ') || `Theo bộ tiêu chí ${model.title}`,
        criteriaUrl: `${origin}/api/frameworks/${framework.plugin}/${modelId}/score-sheet.pdf`,
      },
      recipient: { name: person.full_name, subjectId: `urn:uuid:${person.id}`, salt: randomBytes(16).toString('base64url') },
      decision: { number: decision.number, date: decision.decided_on, by: decision.signer },
      validFrom: `${decision.decided_on}T00:00:00+07:00`,
      created: deps.now().toISOString(),
      status: { statusListCredential: statusListUrl(deps, province), index },
      key: { privateKey: issuer.privateKey, verificationMethod: issuer.verificationMethod },
    });
    const publicInfo: CredentialPublicInfo = {
      title,
      year: campaign.year,
      locality,
      decisionNumber: decision.number,
      decisionDate: decision.decided_on,
      name: person.full_name,
      village: person.village,
    };
    await insertCredential(trx, {
      id: uuid,
      province,
      commune: reg.commune_code,
      registrationId: reg.id,
      decisionId: decision.id,
      issuerKeyId: issuer.keyId,
      statusIndex: index,
      credential: credential as unknown as Record<string, unknown>,
      publicInfo,
      at: deps.now(),
    });
    out.push({ id: uuid, registrationId: reg.id });
  }
  await updateStatusList(trx, province, { nextIndex: next, at: deps.now() });
  return out;
}

/** Sets a credential's bit in its province's status list and signs the list again; returns the list's new version. */
async function revokeInStatusList(deps: CredentialDeps, trx: Trx, province: string, index: number): Promise<number> {
  await lockProvinceCredentials(trx, province);
  const row = await getStatusList(trx, province, { forUpdate: true });
  if (!row) throw new AppError('conflict', 'STATUS_LIST_MISSING', 'Tỉnh chưa có danh sách trạng thái', 'The province has no status list');
  const names = await localityNames(trx, deps.registry, province, null);
  const issuer = await issuerOf(deps, trx, province, names.province);
  const list = revoke(decodeStatusList(row.encoded_list), index);
  const updated = await updateStatusList(trx, province, {
    encodedList: encodeStatusList(list),
    credential: signList(deps, province, issuer, list) as unknown as Record<string, unknown>,
    bumpVersion: true,
    at: deps.now(),
  });
  return updated.version;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `urn:uuid:…` or the bare uuid → the uuid, else `not-found`. */
export function credentialId(id: string): string {
  const bare = decodeURIComponent(id).replace(/^urn:uuid:/i, '');
  if (!UUID.test(bare)) throw notFound('credential');
  return bare.toLowerCase();
}

const alreadyRevoked = () => new AppError('conflict', 'ALREADY_REVOKED', 'Chứng nhận đã bị thu hồi từ trước', 'The credential was already revoked');

/** Revokes a credential the caller may write: marks it, flips its status-list bit, signs the list again (audited). */
export async function revokeCredential(deps: CredentialDeps, caller: Caller, trx: Trx, input: { id: string }): Promise<{ id: string; revokedAt: Date; statusListVersion: number }> {
  const id = credentialId(input.id);
  const row = writable(caller.scope, await getCredential(trx, id, { forUpdate: true }), 'credential');
  if (row.revoked_at) throw alreadyRevoked();
  const now = deps.now();
  // A revocation names who revoked: the system acting for nobody may not.
  if (!caller.userId) throw new AppError('unauthenticated', 'UNAUTHENTICATED', 'Cần đăng nhập', 'You need to sign in');
  if (!(await markCredentialRevoked(trx, id, caller.userId, now))) throw alreadyRevoked();
  const version = await revokeInStatusList(deps, trx, row.province_code, row.status_index);
  await appendAudit(trx, auditEntry(deps, caller, { province: row.province_code, action: 'credential.revoke', subject: { kind: 'credential', id }, payload: { registration: row.registration_id, decision: row.decision_id, statusIndex: row.status_index, statusListVersion: version } }));
  // Later years' multi-year titles may have counted this recognition: their campaigns are scored again.
  await recomputeAfterRevocation(deps, caller, trx, { registrationId: row.registration_id, credentialId: id });
  return { id, revokedAt: deps.now(), statusListVersion: version };
}

/**
 * Verifies a credential with the issuer keys and status lists of the database and the server's
 * clock, in the read-only verifier scope. A key is trusted only when the issuer id is a DID the
 * platform holds in `issuer_keys` and the proof's method belongs to that DID.
 */
export async function verifyAgainstDatabase(deps: Pick<Deps, 'db' | 'now'>, credential: unknown): Promise<VerificationResult> {
  const c = (typeof credential === 'object' && credential !== null ? credential : {}) as Record<string, unknown>;
  const issuer = c['issuer'];
  const issuerId = typeof issuer === 'string' ? issuer : typeof issuer === 'object' && issuer !== null ? String((issuer as { id?: unknown }).id ?? '') : '';
  return withVerifierScope(deps.db, async (trx) => {
    const key = /^did:key:z[1-9A-HJ-NP-Za-km-z]+$/.test(issuerId) ? (await issuerKeysByDid(trx, [issuerId]))[0] : undefined;
    const list = key ? await getStatusList(trx, key.province_code) : undefined;
    return verifyCredential(credential, {
      resolveKey: (vm, iss) => (key && iss === key.did && vm.startsWith(`${key.did}#`) ? publicKeyFromDidKey(vm) : undefined),
      ...(list ? { statusList: list.credential as unknown as StatusListCredential } : {}),
      now: deps.now().toISOString(),
    });
  });
}

/** A credential's signed document, for anyone holding its id (the read-only verifier scope); else `not-found`. */
export async function publicCredential(deps: Pick<Deps, 'db'>, input: { id: string }): Promise<Record<string, unknown>> {
  const id = credentialId(input.id);
  const row = await withVerifierScope(deps.db, (trx) => getCredential(trx, id));
  if (!row) throw notFound('credential');
  return row.credential;
}

/** A province's signed status list (public); `not-found` when it has none. */
export async function publicStatusList(deps: Pick<Deps, 'db'>, input: { province: string }): Promise<Record<string, unknown>> {
  const row = await withVerifierScope(deps.db, (trx) => getStatusList(trx, input.province));
  if (!row) throw new AppError('not-found', 'STATUS_LIST_NOT_FOUND', 'Tỉnh chưa có danh sách trạng thái', 'The province has no status list');
  return row.credential;
}

/** What the public verification page shows: the verdict, the reason, the public facts and the page's address. */
export interface VerificationPage {
  state: 'valid' | 'revoked' | 'invalid';
  reason: string;
  info: CredentialPublicInfo | undefined;
  url: string;
  found: boolean;
}

/** The verdict of the public page for an id as typed in a QR code (an unknown or malformed id is `invalid`, not an error). */
export async function verificationPage(deps: Pick<Deps, 'db' | 'now' | 'publicUrl'>, input: { id: string }): Promise<VerificationPage> {
  let id: string | undefined;
  try {
    id = credentialId(input.id);
  } catch {
    id = undefined;
  }
  const row = id ? await withVerifierScope(deps.db, (trx) => getCredential(trx, id!)) : undefined;
  const v = row ? await verifyAgainstDatabase(deps, row.credential) : undefined;
  return {
    state: v?.status === 'valid' ? 'valid' : v?.status === 'revoked' ? 'revoked' : 'invalid',
    reason: v?.reason ?? 'Không có chứng nhận với mã này.',
    info: row ? (row.public_info as unknown as CredentialPublicInfo) : undefined,
    url: id ? verifyPageUrl(deps, id) : '',
    found: !!row,
  };
}
