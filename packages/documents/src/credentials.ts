/**
 * Verifiable credentials: each recognition as an Open Badges 3.0 `OpenBadgeCredential` in the W3C
 * Verifiable Credentials 2.0 data model, secured with an embedded `DataIntegrityProof` using the
 * `eddsa-jcs-2022` cryptosuite (W3C VC Data Integrity EdDSA Cryptosuites v1.0, §3.3): JCS
 * canonicalisation (RFC 8785), SHA-256 of the proof configuration and of the document, Ed25519
 * signature, `proofValue` in multibase base58btc. Keys are Ed25519 `did:key`s (multicodec 0xed01).
 * Revocation uses a Bitstring Status List (W3C, v1.0): GZIP-compressed bitstring, multibase
 * base64url, index 0 = the most significant bit of the first byte.
 *
 * Privacy (docs: security-and-privacy.md): the recipient appears only as salted SHA-256 hashes
 * (`IdentityObject`, `hashed: true`); no identity number, phone or e-mail in clear — `issueCredential`
 * refuses input that looks like one.
 *
 * Pure: the caller passes keys, salts, ids and `now`.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import _Ajv2019 from 'ajv/dist/2019.js';
import _addFormats from 'ajv-formats';
import jcs from 'canonicalize';
import { base58btcDecode, base58btcEncode } from './multibase.js';
import { nfc } from './text.js';

/**
 * RFC 8785 (JCS) canonical JSON through the platform's one canonicaliser, the `canonicalize` package
 * (also behind `canonicalJson` of `@hoctap/db`); a value with no JSON form is a TypeError.
 */
export function canonicalize(value: unknown): string {
  const s = jcs(value);
  if (s === undefined) throw new TypeError(`JCS: kiểu không hỗ trợ: ${typeof value}`);
  return s;
}

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

// ---------------------------------------------------------------- keys

/** An Ed25519 key pair from a 32-byte seed (deterministic; for tests and samples — keep real seeds secret). */
export function ed25519FromSeed(seed: Uint8Array): { privateKey: KeyObject; publicKey: KeyObject } {
  if (seed.length !== 32) throw new RangeError('Ed25519: hạt giống phải dài 32 byte');
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(seed)]);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

const rawPublic = (publicKey: KeyObject): Buffer => Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');

/** `did:key:z6Mk…` of an Ed25519 public key. */
export function didKeyOf(publicKey: KeyObject): string {
  return `did:key:z${base58btcEncode(Buffer.concat([Buffer.from([0xed, 0x01]), rawPublic(publicKey)]))}`;
}

/** The verification method id of a `did:key`: `did:key:z6Mk…#z6Mk…`. */
export function verificationMethodOf(publicKey: KeyObject): string {
  const did = didKeyOf(publicKey);
  return `${did}#${did.slice('did:key:'.length)}`;
}

/** The public key a `did:key` Ed25519 verification method denotes, or undefined. */
export function publicKeyFromDidKey(vm: string): KeyObject | undefined {
  const m = /^did:key:z([1-9A-HJ-NP-Za-km-z]+)(#z[1-9A-HJ-NP-Za-km-z]+)?$/.exec(vm);
  if (!m) return undefined;
  if (m[2] && m[2] !== `#z${m[1]}`) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = base58btcDecode(m[1]!);
  } catch {
    return undefined;
  }
  if (bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) return undefined;
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(bytes.subarray(2)).toString('base64url') }, format: 'jwk' });
}

// ---------------------------------------------------------------- proof (eddsa-jcs-2022)

export interface DataIntegrityProof {
  readonly type: 'DataIntegrityProof';
  readonly cryptosuite: 'eddsa-jcs-2022';
  readonly created: string;
  readonly verificationMethod: string;
  readonly proofPurpose: 'assertionMethod';
  readonly '@context'?: readonly string[];
  readonly proofValue: string;
}

const sha256 = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

function hashData(unsecured: Record<string, unknown>, proofOptions: Record<string, unknown>): Buffer {
  return Buffer.concat([sha256(canonicalize(proofOptions)), sha256(canonicalize(unsecured))]);
}

/** Adds an `eddsa-jcs-2022` proof to a document (returns a new object). */
export function signDocument<T extends Record<string, unknown>>(doc: T, key: { privateKey: KeyObject; verificationMethod: string }, created: string): T & { proof: DataIntegrityProof } {
  const { proof: _drop, ...unsecured } = doc as Record<string, unknown>;
  const options: Record<string, unknown> = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created,
    verificationMethod: key.verificationMethod,
    proofPurpose: 'assertionMethod',
    ...(unsecured['@context'] ? { '@context': unsecured['@context'] } : {}),
  };
  const signature = sign(null, hashData(unsecured, options), key.privateKey);
  return { ...(unsecured as T), proof: { ...(options as Omit<DataIntegrityProof, 'proofValue'>), proofValue: `z${base58btcEncode(signature)}` } };
}

/** Checks an `eddsa-jcs-2022` proof against a public key. */
export function verifyDocumentProof(doc: Record<string, unknown>, publicKey: KeyObject): boolean {
  const proof = doc['proof'] as Record<string, unknown> | undefined;
  if (!proof || typeof proof.proofValue !== 'string' || !proof.proofValue.startsWith('z')) return false;
  const { proof: _p, ...unsecured } = doc;
  const { proofValue, ...options } = proof;
  if (options['@context'] !== undefined && canonicalize(options['@context']) !== canonicalize(unsecured['@context'])) return false;
  let sig: Uint8Array;
  try {
    sig = base58btcDecode((proofValue as string).slice(1));
  } catch {
    return false;
  }
  if (sig.length !== 64) return false;
  return verify(null, hashData(unsecured, options), publicKey, sig);
}

// ---------------------------------------------------------------- status list

/** A Bitstring Status List: `size` one-bit statuses (1 = revoked). */
export interface StatusList {
  readonly size: number;
  readonly bits: Uint8Array;
}

/** The spec's minimum (16 KiB, 131,072 entries) gives herd privacy; smaller lists are allowed for tests. */
export const STATUS_LIST_MIN_SIZE = 131_072;

export function createStatusList(size: number = STATUS_LIST_MIN_SIZE): StatusList {
  if (!Number.isInteger(size) || size <= 0 || size % 8 !== 0) throw new RangeError('Danh sách trạng thái: kích thước phải là bội số dương của 8');
  return { size, bits: new Uint8Array(size / 8) };
}

const checkIndex = (list: StatusList, index: number) => {
  if (!Number.isInteger(index) || index < 0 || index >= list.size) throw new RangeError(`Chỉ số trạng thái ngoài phạm vi: ${index}`);
};

/** A copy of the list with entry `index` set (revoked). */
export function revoke(list: StatusList, index: number): StatusList {
  checkIndex(list, index);
  const bits = Uint8Array.from(list.bits);
  bits[index >> 3]! |= 0x80 >> (index & 7);
  return { size: list.size, bits };
}

export function isRevoked(list: StatusList, index: number): boolean {
  checkIndex(list, index);
  return (list.bits[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

/** `encodedList`: multibase base64url (prefix `u`, no padding) of the GZIP-compressed bitstring. */
export function encodeStatusList(list: StatusList): string {
  return `u${gzipSync(list.bits, { level: 9 }).toString('base64url')}`;
}

export function decodeStatusList(encoded: string): StatusList {
  if (!encoded.startsWith('u')) throw new Error('encodedList phải là multibase base64url (tiền tố "u")');
  const bits = new Uint8Array(gunzipSync(Buffer.from(encoded.slice(1), 'base64url')));
  return { size: bits.length * 8, bits };
}

export interface StatusListCredential {
  readonly '@context': readonly string[];
  readonly id: string;
  readonly type: readonly ['VerifiableCredential', 'BitstringStatusListCredential'];
  readonly issuer: { readonly id: string; readonly name: string };
  readonly validFrom: string;
  readonly credentialSubject: { readonly id: string; readonly type: 'BitstringStatusList'; readonly statusPurpose: 'revocation'; readonly encodedList: string };
  readonly proof?: DataIntegrityProof;
}

/** The signed `BitstringStatusListCredential` published at `id`. */
export function issueStatusListCredential(
  list: StatusList,
  o: { id: string; issuer: { id: string; name: string }; validFrom: string; key: { privateKey: KeyObject; verificationMethod: string } },
): StatusListCredential {
  const doc = {
    '@context': [VC_V2_CONTEXT],
    id: o.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: o.issuer,
    validFrom: o.validFrom,
    credentialSubject: { id: `${o.id}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodeStatusList(list) },
  };
  return signDocument(doc, o.key, o.validFrom) as unknown as StatusListCredential;
}

// ---------------------------------------------------------------- credentials

export interface IdentityObject {
  readonly type: 'IdentityObject';
  readonly identityHash: string;
  readonly identityType: string;
  readonly hashed: true;
  readonly salt: string;
}

/** `sha256$<hex>` of the NFC-normalised identifier followed by the salt (Open Badges IdentityHash). */
export function identityHash(identifier: string, salt: string): string {
  return `sha256$${createHash('sha256').update(nfc(identifier) + salt, 'utf8').digest('hex')}`;
}

export interface IssueCredentialInput {
  /** `urn:uuid:…` — also the id in the certificate's verification URL. */
  readonly id: string;
  /** The issuing locality as an Open Badges Profile. */
  readonly issuer: { readonly id: string; readonly name: string; readonly url?: string };
  readonly achievement: {
    readonly id: string;
    readonly name: string;
    readonly description: string;
    /** How the title is earned, in words (the framework's rule). */
    readonly narrative: string;
    readonly criteriaUrl?: string;
  };
  /** The recipient: only salted hashes of these go into the credential. */
  readonly recipient: { readonly name: string; readonly subjectId: string; readonly salt: string };
  /** The decision that recognised the subject, as evidence. */
  readonly decision?: { readonly number: string; readonly date: string; readonly by: string };
  readonly validFrom: string;
  readonly validUntil?: string;
  readonly status: { readonly statusListCredential: string; readonly index: number };
  readonly key: { readonly privateKey: KeyObject; readonly verificationMethod: string };
  /** Proof creation time; defaults to validFrom. */
  readonly created?: string;
}

export type OpenBadgeCredential = Record<string, unknown> & {
  readonly '@context': readonly string[];
  readonly id: string;
  readonly type: readonly string[];
  readonly issuer: { readonly id: string; readonly type: readonly string[]; readonly name: string };
  readonly validFrom: string;
  readonly validUntil?: string;
  readonly credentialSubject: Record<string, unknown>;
  readonly credentialStatus: { readonly id: string; readonly type: 'BitstringStatusListEntry'; readonly statusPurpose: 'revocation'; readonly statusListIndex: string; readonly statusListCredential: string };
  readonly proof: DataIntegrityProof;
};

/** Patterns of personal identifiers that must never appear in clear in a credential. */
const FORBIDDEN: readonly { what: string; re: RegExp }[] = [
  { what: 'số định danh cá nhân / CCCD (12 chữ số)', re: /(?<![\d$a-f])\d{12}(?!\d)/ },
  { what: 'CMND (9 chữ số)', re: /(?<![\d$a-f])\d{9}(?!\d)/ },
  { what: 'số điện thoại', re: /(?<![\d$a-f])(\+84|0)[35789]\d{8}(?!\d)/ },
  { what: 'địa chỉ thư điện tử', re: /[^\s@"]+@[^\s@"]+\.[a-z]{2,}/i },
];

/** Throws when a text contains something that looks like an identity number, a phone number or an e-mail address. */
export function assertNoPersonalIdentifiers(text: string, where: string): void {
  for (const f of FORBIDDEN) if (f.re.test(text)) throw new Error(`${where}: không được ghi ${f.what} dạng rõ trong chứng nhận`);
}

/** Issues a signed Open Badges 3.0 credential for one recognition. */
export function issueCredential(i: IssueCredentialInput): OpenBadgeCredential {
  const visible = JSON.stringify({ a: i.achievement, d: i.decision, n: i.issuer.name });
  assertNoPersonalIdentifiers(visible, 'Nội dung chứng nhận');
  if (i.recipient.salt.length < 16) throw new Error('Muối (salt) của mã băm người nhận phải dài ít nhất 16 ký tự');
  const subject = {
    type: ['AchievementSubject'],
    identifier: [
      { type: 'IdentityObject', identityHash: identityHash(i.recipient.name, i.recipient.salt), identityType: 'name', hashed: true, salt: i.recipient.salt },
      { type: 'IdentityObject', identityHash: identityHash(i.recipient.subjectId, i.recipient.salt), identityType: 'systemId', hashed: true, salt: i.recipient.salt },
    ],
    achievement: {
      id: i.achievement.id,
      type: ['Achievement'],
      achievementType: 'Award',
      name: nfc(i.achievement.name),
      description: nfc(i.achievement.description),
      criteria: { ...(i.achievement.criteriaUrl ? { id: i.achievement.criteriaUrl } : {}), narrative: nfc(i.achievement.narrative) },
      '@language': 'vi',
    },
  };
  const doc: Record<string, unknown> = {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: i.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: nfc(i.achievement.name),
    issuer: { id: i.issuer.id, type: ['Profile'], name: nfc(i.issuer.name), ...(i.issuer.url ? { url: i.issuer.url } : {}) },
    validFrom: i.validFrom,
    ...(i.validUntil ? { validUntil: i.validUntil } : {}),
    credentialSubject: subject,
    ...(i.decision
      ? { evidence: [{ type: ['Evidence'], name: `Quyết định số ${i.decision.number}`, description: nfc(`Quyết định số ${i.decision.number} ngày ${i.decision.date} của ${i.decision.by}`) }] }
      : {}),
    credentialSchema: [{ id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json', type: '1EdTechJsonSchemaValidator2019' }],
    credentialStatus: {
      id: `${i.status.statusListCredential}#${i.status.index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(i.status.index),
      statusListCredential: i.status.statusListCredential,
    },
  };
  return signDocument(doc, i.key, i.created ?? i.validFrom) as unknown as OpenBadgeCredential;
}

// ---------------------------------------------------------------- schema

type AjvValidate = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
let validator: AjvValidate | undefined;

/** The vendored schema (see schemas/README.md for its provenance and the changes made to it). */
export function openBadgeSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('../schemas/ob_v3p0_achievementcredential_schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** Validates a credential against the Open Badges 3.0 AchievementCredential JSON Schema (draft 2019-09, ajv). */
export function validateCredentialSchema(cred: unknown): { valid: boolean; errors: string[] } {
  if (!validator) {
    const Ajv = ((_Ajv2019 as unknown as { default?: unknown }).default ?? _Ajv2019) as new (o: object) => { compile(s: object): AjvValidate };
    const addFormats = ((_addFormats as unknown as { default?: unknown }).default ?? _addFormats) as (a: unknown) => void;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(openBadgeSchema());
  }
  const valid = validator(cred);
  return { valid, errors: valid ? [] : (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim()) };
}

// ---------------------------------------------------------------- verification

export type VerificationStatus = 'valid' | 'revoked' | 'forged' | 'expired' | 'not-yet-valid';

export interface VerifyOptions {
  /**
   * The public key of a verification method, if it is one the issuer controls; undefined otherwise.
   * Default-deny: a key the resolver does not vouch for makes the credential `forged`.
   */
  readonly resolveKey: (verificationMethod: string, issuerId: string) => KeyObject | undefined;
  /** The current status list: decoded, or the signed status list credential (then its proof is checked too). */
  readonly statusList?: StatusList | StatusListCredential;
  /** The time of the check (ISO 8601). */
  readonly now: string;
}

export interface VerificationResult {
  readonly status: VerificationStatus;
  /** Why, in Vietnamese. */
  readonly reason: string;
  /** Whether the revocation status was checked. */
  readonly statusChecked: boolean;
}

const result = (status: VerificationStatus, reason: string, statusChecked = false): VerificationResult => ({ status, reason, statusChecked });

/** Verifies a credential: shape and schema, issuer key, signature, validity period, then revocation. */
export function verifyCredential(cred: unknown, o: VerifyOptions): VerificationResult {
  if (typeof cred !== 'object' || cred === null || Array.isArray(cred)) return result('forged', 'Không phải một chứng nhận (đối tượng JSON).');
  const c = cred as Record<string, unknown>;
  const proof = c['proof'] as Record<string, unknown> | undefined;
  if (!proof || typeof proof !== 'object') return result('forged', 'Chứng nhận không có chữ ký (proof).');
  if (proof['type'] !== 'DataIntegrityProof' || proof['cryptosuite'] !== 'eddsa-jcs-2022' || proof['proofPurpose'] !== 'assertionMethod')
    return result('forged', 'Loại chữ ký không được chấp nhận (cần DataIntegrityProof eddsa-jcs-2022, assertionMethod).');
  const types = c['type'];
  if (!Array.isArray(types) || !types.includes('VerifiableCredential') || !types.includes('OpenBadgeCredential'))
    return result('forged', 'Không phải OpenBadgeCredential.');
  const ctx = c['@context'];
  if (!Array.isArray(ctx) || ctx[0] !== VC_V2_CONTEXT || !ctx.includes(OB_V3_CONTEXT)) return result('forged', 'Ngữ cảnh (@context) không đúng VC 2.0 / Open Badges 3.0.');
  const schema = validateCredentialSchema(c);
  if (!schema.valid) return result('forged', `Không đúng lược đồ Open Badges 3.0: ${schema.errors.slice(0, 3).join('; ')}`);
  const issuer = c['issuer'] as { id?: unknown } | string;
  const issuerId = typeof issuer === 'string' ? issuer : String(issuer?.id ?? '');
  const vm = String(proof['verificationMethod'] ?? '');
  const key = o.resolveKey(vm, issuerId);
  if (!key) return result('forged', `Khóa ký ${vm} không thuộc đơn vị cấp ${issuerId}.`);
  if (!verifyDocumentProof(c, key)) return result('forged', 'Chữ ký không khớp: nội dung đã bị sửa hoặc ký bằng khóa khác.');
  const now = Date.parse(o.now);
  if (Number.isNaN(now)) throw new RangeError(`now không hợp lệ: ${o.now}`);
  const from = Date.parse(String(c['validFrom']));
  if (Number.isNaN(from)) return result('forged', 'validFrom không hợp lệ.');
  if (now < from) return result('not-yet-valid', `Chứng nhận có hiệu lực từ ${String(c['validFrom'])}.`);
  if (c['validUntil'] !== undefined) {
    const until = Date.parse(String(c['validUntil']));
    if (Number.isNaN(until)) return result('forged', 'validUntil không hợp lệ.');
    if (now > until) return result('expired', `Chứng nhận đã hết hiệu lực từ ${String(c['validUntil'])}.`);
  }
  const st = c['credentialStatus'] as Record<string, unknown> | undefined;
  if (!st) return result('valid', 'Chữ ký hợp lệ, còn hiệu lực (không khai báo trạng thái thu hồi).', false);
  if (st['type'] !== 'BitstringStatusListEntry' || st['statusPurpose'] !== 'revocation') return result('forged', 'Khai báo trạng thái không được hỗ trợ.');
  if (!o.statusList) return result('valid', 'Chữ ký hợp lệ, còn hiệu lực; CHƯA kiểm tra danh sách thu hồi.', false);
  let list: StatusList;
  if ('bits' in o.statusList) list = o.statusList;
  else {
    const slc = o.statusList;
    if (slc.id !== st['statusListCredential']) return result('forged', 'Danh sách trạng thái không phải danh sách mà chứng nhận trỏ tới.');
    const slIssuer = slc.issuer.id;
    const slKey = slc.proof ? o.resolveKey(slc.proof.verificationMethod, slIssuer) : undefined;
    if (slIssuer !== issuerId || !slKey || !verifyDocumentProof(slc as unknown as Record<string, unknown>, slKey))
      return result('forged', 'Danh sách trạng thái không có chữ ký hợp lệ của đơn vị cấp.');
    list = decodeStatusList(slc.credentialSubject.encodedList);
  }
  const index = Number(st['statusListIndex']);
  if (!Number.isInteger(index) || index < 0 || index >= list.size) return result('forged', 'Chỉ số trạng thái ngoài danh sách.');
  if (isRevoked(list, index)) return result('revoked', 'Chứng nhận đã bị thu hồi.', true);
  return result('valid', 'Chữ ký hợp lệ, còn hiệu lực, chưa bị thu hồi.', true);
}
