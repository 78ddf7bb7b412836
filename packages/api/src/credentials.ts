/**
 * Issuing and verifying the platform's Open Badges 3.0 credentials against the database: one
 * Ed25519 key per province (made on first use, the private key stored encrypted), one Bitstring
 * Status List per province (its signed credential stored, so the public path needs no private key),
 * and a credential per recognised subject, issued in the decision's own transaction.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import type { Model, Registry } from '@hoctap/core';
import {
  activeIssuerKey,
  getPerson,
  getStatusList,
  insertCredential,
  insertIssuerKey,
  insertStatusList,
  issuerKeysByDid,
  latestAssessments,
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
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Runtime } from './context.js';
import { ApiProblem } from './problem.js';

type Trx = Transaction<Database>;

/** The public origin without a trailing slash. */
export const originOf = (rt: Pick<Runtime, 'publicUrl'>): string => rt.publicUrl.replace(/\/+$/, '');
export const statusListUrl = (rt: Runtime, province: string): string => `${originOf(rt)}/api/status-lists/${province}`;
export const verifyPageUrl = (rt: Runtime, id: string): string => `${originOf(rt)}/verify/${id}`;

/** "tỉnh Phú Thọ", "xã …": from the loaded administrative units, else the plugins' localities, else the code. */
export async function localityNames(db: Kysely<Database>, registry: Registry, province: string, commune: string | null): Promise<{ province: string; commune: string | null }> {
  const find = async (level: 'province' | 'commune', code: string) => {
    const row = await db.selectFrom('administrative_units').select('name').where('level', '=', level).where('code', '=', code).orderBy('valid_from', 'desc').executeTakeFirst();
    if (row) return row.name;
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

/** Serialises issuance and revocation per province for the rest of the transaction. */
async function lockProvince(trx: Trx, province: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`hoctap:credentials:${province}`}))`.execute(trx);
}

/** The province's signing key; made (Ed25519) and stored encrypted on first use. */
async function issuerOf(rt: Runtime, trx: Trx, province: string, provinceName: string): Promise<Issuer> {
  let row = await activeIssuerKey(trx, province);
  if (!row) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const id = randomUUID();
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
    row = await insertIssuerKey(trx, { id, province, did: didKeyOf(createPublicKey(privateKey)), privateKeyEnc: rt.keyCipher.encrypt(pkcs8, id), at: rt.now() });
  }
  const privateKey = createPrivateKey({ key: rt.keyCipher.decrypt(row.private_key_enc, row.id), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  if (didKeyOf(publicKey) !== row.did) throw new Error(`Issuer key ${row.id}: the stored private key does not match its DID.`);
  return { keyId: row.id, did: row.did, verificationMethod: verificationMethodOf(publicKey), privateKey, name: `Ủy ban nhân dân ${provinceName}` };
}

function signList(rt: Runtime, province: string, issuer: Issuer, list: ReturnType<typeof createStatusList>): StatusListCredential {
  return issueStatusListCredential(list, {
    id: statusListUrl(rt, province),
    issuer: { id: issuer.did, name: issuer.name },
    validFrom: rt.now().toISOString(),
    key: { privateKey: issuer.privateKey, verificationMethod: issuer.verificationMethod },
  });
}

/**
 * Issues one credential per recognised registration of a decision, in the caller's transaction:
 * signed by the province's key, with the next indexes of the province's status list.
 */
export async function issueDecisionCredentials(
  rt: Runtime,
  registry: Registry,
  trx: Trx,
  input: { decision: Decision; campaign: Campaign; framework: Framework; model: Model; recognised: readonly Registration[] },
): Promise<{ id: string; registrationId: string }[]> {
  if (input.recognised.length === 0) return [];
  const { decision, campaign, framework, model } = input;
  const province = campaign.province_code;
  await lockProvince(trx, province);
  const names = await localityNames(trx, registry, province, campaign.commune_code);
  const issuer = await issuerOf(rt, trx, province, names.province);
  let list = await getStatusList(trx, province, { forUpdate: true });
  if (!list) {
    const fresh = createStatusList(STATUS_LIST_MIN_SIZE);
    list = await insertStatusList(trx, { province, size: fresh.size, encodedList: encodeStatusList(fresh), credential: signList(rt, province, issuer, fresh) as unknown as Record<string, unknown>, at: rt.now() });
  }
  if (list.next_index + input.recognised.length > list.size)
    throw new ApiProblem(409, 'STATUS_LIST_FULL', 'Danh sách trạng thái của tỉnh đã hết chỗ', 'The province’s status list is full');
  const committee = new Map((await latestAssessments(trx, campaign.id, 'committee')).map((a) => [a.registration_id, a]));
  const locality = names.commune ?? names.province;
  const origin = originOf(rt);
  const modelId = framework.version.split('@')[0]!;
  let next = list.next_index;
  const out: { id: string; registrationId: string }[] = [];
  for (const reg of input.recognised) {
    if (reg.subject_kind !== 'person') throw new ApiProblem(422, 'SUBJECT_KIND', 'Chưa cấp được chứng nhận cho đối tượng không phải cá nhân', 'Credentials are issued to people only for now');
    const person = await getPerson(trx, rt.cipher, reg.subject_id);
    if (!person) throw new ApiProblem(409, 'PERSON_NOT_FOUND', 'Không tìm thấy người của hồ sơ', 'The registration’s person is missing');
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
      created: rt.now().toISOString(),
      status: { statusListCredential: statusListUrl(rt, province), index },
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
      at: rt.now(),
    });
    out.push({ id: uuid, registrationId: reg.id });
  }
  await updateStatusList(trx, province, { nextIndex: next, at: rt.now() });
  return out;
}

/** Sets a credential's bit in its province's status list and signs the list again (caller: scoped, audited). */
export async function revokeInStatusList(rt: Runtime, registry: Registry, trx: Trx, province: string, index: number): Promise<number> {
  await lockProvince(trx, province);
  const row = await getStatusList(trx, province, { forUpdate: true });
  if (!row) throw new ApiProblem(409, 'STATUS_LIST_MISSING', 'Tỉnh chưa có danh sách trạng thái', 'The province has no status list');
  const names = await localityNames(trx, registry, province, null);
  const issuer = await issuerOf(rt, trx, province, names.province);
  const list = revoke(decodeStatusList(row.encoded_list), index);
  const updated = await updateStatusList(trx, province, {
    encodedList: encodeStatusList(list),
    credential: signList(rt, province, issuer, list) as unknown as Record<string, unknown>,
    bumpVersion: true,
    at: rt.now(),
  });
  return updated.version;
}

/**
 * Verifies a credential with the issuer keys and status lists of the database and the server's
 * clock, in the read-only verifier scope. A key is trusted only when the issuer id is a DID the
 * platform holds in `issuer_keys` and the proof's method belongs to that DID.
 */
export async function verifyAgainstDatabase(rt: Runtime, credential: unknown): Promise<VerificationResult> {
  const c = (typeof credential === 'object' && credential !== null ? credential : {}) as Record<string, unknown>;
  const issuer = c['issuer'];
  const issuerId = typeof issuer === 'string' ? issuer : typeof issuer === 'object' && issuer !== null ? String((issuer as { id?: unknown }).id ?? '') : '';
  return withVerifierScope(rt.db, async (trx) => {
    const key = /^did:key:z[1-9A-HJ-NP-Za-km-z]+$/.test(issuerId) ? (await issuerKeysByDid(trx, [issuerId]))[0] : undefined;
    const list = key ? await getStatusList(trx, key.province_code) : undefined;
    return verifyCredential(credential, {
      resolveKey: (vm, iss) => (key && iss === key.did && vm.startsWith(`${key.did}#`) ? publicKeyFromDidKey(vm) : undefined),
      ...(list ? { statusList: list.credential as unknown as StatusListCredential } : {}),
      now: rt.now().toISOString(),
    });
  });
}
