import { createHash, generateKeyPairSync } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  canonicalize,
  createStatusList,
  decodeStatusList,
  didKeyOf,
  ed25519FromSeed,
  encodeStatusList,
  identityHash,
  isRevoked,
  issueCredential,
  issueStatusListCredential,
  publicKeyFromDidKey,
  revoke,
  validateCredentialSchema,
  verificationMethodOf,
  verifyCredential,
  type IssueCredentialInput,
} from '../src/index.js';

const seed = createHash('sha256').update('tân thạnh test key').digest();
const issuerKeys = ed25519FromSeed(seed);
const vm = verificationMethodOf(issuerKeys.publicKey);
const ISSUER = { id: 'did:web:hoctap.example.vn:dia-ban:49', name: 'Ủy ban nhân dân phường Tân Thạnh' };
const LIST_URL = 'https://hoctap.example.vn/status/49/2022';
/** The issuer's registry of keys: only this verification method is vouched for, and only for this issuer. */
const resolveKey = (method: string, issuerId: string) => (method === vm && issuerId === ISSUER.id ? publicKeyFromDidKey(method) : undefined);

const input = (over: Partial<IssueCredentialInput> = {}): IssueCredentialInput => ({
  id: 'urn:uuid:6f1c2a9e-6a0b-4c55-9d8e-2f3b7a1c0d42',
  issuer: ISSUER,
  achievement: {
    id: 'https://hoctap.example.vn/frameworks/cdht-tan-thanh-2022#cdht',
    name: 'Công dân học tập',
    description: 'Danh hiệu “Công dân học tập” năm 2022, phường Tân Thạnh',
    narrative: 'Tổng điểm từ 80 điểm trở lên, mỗi chỉ số không dưới 5 điểm, có minh chứng.',
  },
  recipient: { name: 'Hồ Thị Thúy', subjectId: 'tt-nong-dan-0007', salt: 'c2FsdC1mb3ItaG8tdGhpLXRodXk' },
  decision: { number: '125/QĐ-UBND', date: '2022-12-05', by: 'Chủ tịch UBND phường Tân Thạnh' },
  validFrom: '2022-12-05T00:00:00+07:00',
  validUntil: '2027-12-31T23:59:59+07:00',
  status: { statusListCredential: LIST_URL, index: 7 },
  key: { privateKey: issuerKeys.privateKey, verificationMethod: vm },
  ...over,
});

const NOW = '2023-06-01T00:00:00Z';

describe('credentials — issuing', () => {
  it('issues an Open Badges 3.0 credential in the VC 2.0 data model that passes the schema', () => {
    const c = issueCredential(input());
    expect(c['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(c.issuer).toMatchObject({ id: ISSUER.id, type: ['Profile'], name: ISSUER.name });
    expect(c.credentialSubject).toMatchObject({ type: ['AchievementSubject'], achievement: { type: ['Achievement'], name: 'Công dân học tập', criteria: { narrative: expect.any(String) } } });
    expect(c.credentialStatus).toEqual({ id: `${LIST_URL}#7`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '7', statusListCredential: LIST_URL });
    expect(c.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', proofPurpose: 'assertionMethod', verificationMethod: vm });
    expect(c.proof.proofValue).toMatch(/^z[1-9A-HJ-NP-Za-km-z]{80,90}$/);
    const v = validateCredentialSchema(c);
    expect(v.errors).toEqual([]);
    expect(v.valid).toBe(true);
  });

  it('keeps the recipient out of clear text: only salted SHA-256 hashes', () => {
    const c = issueCredential(input());
    const text = JSON.stringify(c);
    expect(text).not.toContain('Hồ Thị Thúy');
    expect(text).not.toContain('tt-nong-dan-0007');
    const ids = (c.credentialSubject as { identifier: { identityHash: string; salt: string; identityType: string; hashed: boolean }[] }).identifier;
    expect(ids.map((i) => i.identityType)).toEqual(['name', 'systemId']);
    // Anyone holding the paper certificate can check the name against the hash.
    const expected = 'sha256$' + createHash('sha256').update('Hồ Thị Thúy'.normalize('NFC') + ids[0]!.salt).digest('hex');
    expect(ids[0]!.identityHash).toBe(expected);
    expect(identityHash('Hồ Thị Thúy'.normalize('NFD'), ids[0]!.salt)).toBe(expected);
    expect(ids.every((i) => i.hashed)).toBe(true);
  });

  it('refuses an identity number, a phone number or an e-mail address in clear', () => {
    const a = input();
    expect(() => issueCredential({ ...a, achievement: { ...a.achievement, description: 'CCCD 001203004567' } })).toThrow(/định danh/);
    expect(() => issueCredential({ ...a, achievement: { ...a.achievement, narrative: 'liên hệ 0912345678' } })).toThrow(/điện thoại/);
    expect(() => issueCredential({ ...a, achievement: { ...a.achievement, narrative: 'thu@example.vn' } })).toThrow(/thư điện tử/);
    expect(() => issueCredential({ ...a, recipient: { ...a.recipient, salt: 'short' } })).toThrow(/salt/);
  });

  it('signs deterministically (Ed25519 is deterministic; JCS fixes the bytes)', () => {
    expect(issueCredential(input())).toEqual(issueCredential(input()));
  });

  it('JCS sorts keys by UTF-16 code units and writes numbers in shortest form (RFC 8785 examples)', () => {
    expect(canonicalize({ b: 1, a: [true, null, 'x'], '\u20ac': 1e21, '\r': 0.000001 })).toBe('{"\\r":0.000001,"a":[true,null,"x"],"b":1,"€":1e+21}');
    expect(canonicalize({ numbers: [333333333.33333329, 1e30, 4.5, 0.002, 1e-27] })).toBe('{"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27]}');
  });

  it('did:key round-trips an Ed25519 public key', () => {
    const did = didKeyOf(issuerKeys.publicKey);
    expect(did).toMatch(/^did:key:z6Mk/);
    expect(publicKeyFromDidKey(vm)!.export({ format: 'jwk' }).x).toBe(issuerKeys.publicKey.export({ format: 'jwk' }).x);
    expect(publicKeyFromDidKey('did:key:zXYZ')).toBeUndefined();
  });
});

describe('status list (Bitstring Status List v1.0)', () => {
  it('encodes as multibase base64url of a GZIP bitstring, index 0 = leftmost bit', () => {
    let l = createStatusList();
    expect(l.size).toBe(131072);
    l = revoke(l, 0);
    l = revoke(l, 9);
    const enc = encodeStatusList(l);
    expect(enc.startsWith('u')).toBe(true);
    const raw = gunzipSync(Buffer.from(enc.slice(1), 'base64url'));
    expect(raw.length).toBe(16384);
    expect(raw[0]).toBe(0b1000_0000);
    expect(raw[1]).toBe(0b0100_0000);
    const back = decodeStatusList(enc);
    expect(isRevoked(back, 0) && isRevoked(back, 9) && !isRevoked(back, 1)).toBe(true);
  });

  it('revoke is pure and checks the range', () => {
    const a = createStatusList(64);
    const b = revoke(a, 3);
    expect(isRevoked(a, 3)).toBe(false);
    expect(isRevoked(b, 3)).toBe(true);
    expect(() => revoke(a, 64)).toThrow(RangeError);
    expect(() => createStatusList(10)).toThrow(RangeError);
  });
});

describe('verifyCredential', () => {
  const list = createStatusList();
  const good = issueCredential(input());

  it('accepts a genuine credential', () => {
    expect(verifyCredential(good, { resolveKey, statusList: list, now: NOW })).toEqual({ status: 'valid', reason: expect.any(String), statusChecked: true });
  });

  it('accepts it against the signed status list credential, and rejects a list signed by someone else', () => {
    const slc = issueStatusListCredential(list, { id: LIST_URL, issuer: ISSUER, validFrom: '2022-12-05T00:00:00+07:00', key: { privateKey: issuerKeys.privateKey, verificationMethod: vm } });
    expect(verifyCredential(good, { resolveKey, statusList: slc, now: NOW }).status).toBe('valid');
    const revokedSlc = issueStatusListCredential(revoke(list, 7), { id: LIST_URL, issuer: ISSUER, validFrom: '2023-01-01T00:00:00Z', key: { privateKey: issuerKeys.privateKey, verificationMethod: vm } });
    expect(verifyCredential(good, { resolveKey, statusList: revokedSlc, now: NOW }).status).toBe('revoked');
    const other = generateKeyPairSync('ed25519');
    const fake = issueStatusListCredential(list, { id: LIST_URL, issuer: ISSUER, validFrom: '2023-01-01T00:00:00Z', key: { privateKey: other.privateKey, verificationMethod: vm } });
    expect(verifyCredential(good, { resolveKey, statusList: fake, now: NOW }).status).toBe('forged');
  });

  describe('negative suite — every attack is rejected', () => {
    it('tampered field (achievement name) → forged', () => {
      const t = structuredClone(good) as any;
      t.credentialSubject.achievement.name = 'Công dân học tập tiêu biểu';
      expect(verifyCredential(t, { resolveKey, statusList: list, now: NOW })).toMatchObject({ status: 'forged' });
    });
    it('tampered validity (validUntil pushed back) → forged', () => {
      const t = structuredClone(good) as any;
      t.validUntil = '2099-12-31T00:00:00Z';
      expect(verifyCredential(t, { resolveKey, statusList: list, now: NOW }).status).toBe('forged');
    });
    it('tampered status index (pointing at an unrevoked slot) → forged', () => {
      const t = structuredClone(good) as any;
      t.credentialStatus.statusListIndex = '8';
      expect(verifyCredential(t, { resolveKey, statusList: revoke(list, 7), now: NOW }).status).toBe('forged');
    });
    it('proof removed or truncated → forged', () => {
      const t = structuredClone(good) as any;
      delete t.proof;
      expect(verifyCredential(t, { resolveKey, statusList: list, now: NOW }).status).toBe('forged');
      const u = structuredClone(good) as any;
      u.proof.proofValue = u.proof.proofValue.slice(0, -3);
      expect(verifyCredential(u, { resolveKey, statusList: list, now: NOW }).status).toBe('forged');
    });
    it('wrong key: signed by another key under the issuer’s verification method → forged', () => {
      const other = generateKeyPairSync('ed25519');
      const c = issueCredential(input({ key: { privateKey: other.privateKey, verificationMethod: vm } }));
      expect(verifyCredential(c, { resolveKey, statusList: list, now: NOW })).toMatchObject({ status: 'forged' });
    });
    it('wrong key: a self-made did:key the issuer never vouched for → forged', () => {
      const other = generateKeyPairSync('ed25519');
      const c = issueCredential(input({ key: { privateKey: other.privateKey, verificationMethod: verificationMethodOf(other.publicKey) } }));
      expect(verifyCredential(c, { resolveKey, statusList: list, now: NOW }).status).toBe('forged');
    });
    it('revoked → revoked', () => {
      expect(verifyCredential(good, { resolveKey, statusList: revoke(list, 7), now: NOW })).toMatchObject({ status: 'revoked', statusChecked: true });
    });
    it('expired → expired', () => {
      expect(verifyCredential(good, { resolveKey, statusList: list, now: '2028-01-01T00:00:00Z' }).status).toBe('expired');
    });
    it('not yet valid → not-yet-valid', () => {
      expect(verifyCredential(good, { resolveKey, statusList: list, now: '2022-12-04T16:59:59Z' }).status).toBe('not-yet-valid');
      expect(verifyCredential(good, { resolveKey, statusList: list, now: '2022-12-04T17:00:00Z' }).status).toBe('valid');
    });
    it('schema violations and junk → forged', () => {
      const t = structuredClone(good) as any;
      t.credentialSubject.identifier[0].email = 'x';
      expect(verifyCredential(t, { resolveKey, statusList: list, now: NOW }).status).toBe('forged');
      expect(verifyCredential(null, { resolveKey, now: NOW }).status).toBe('forged');
      expect(verifyCredential('eyJ...', { resolveKey, now: NOW }).status).toBe('forged');
    });
  });

  it('says when the status was not checked', () => {
    expect(verifyCredential(good, { resolveKey, now: NOW })).toMatchObject({ status: 'valid', statusChecked: false });
  });
});
