/** Helpers that need no database: canonical JSON, citizen ids, folding, keys, type parsers. */
import { describe, expect, it } from 'vitest';
import {
  assertNoPersonalData,
  canonicalJson,
  createCitizenIdCipher,
  fold,
  maskCitizenId,
  normalize,
  parseDataKey,
  typeParsers,
  validateCitizenId,
} from '../src/index.js';
import { openTestDatabase, TEST_DATA_KEY } from './harness.js';
import { foldedNeedle } from '../src/text.js';

describe('canonicalJson (RFC 8785)', () => {
  it('matches the RFC §3.2.2 example', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units (RFC §3.2.3)', () => {
    const input = JSON.parse('{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}');
    // (not via JSON.parse: JS puts integer-like keys such as "1" first)
    const values = [...canonicalJson(input).matchAll(/:"([^"]*)"/g)].map((m) => m[1]);
    expect(values).toEqual([
      'Carriage Return', 'One', 'Control', 'Latin Small Letter O With Diaeresis', 'Euro Sign', 'Emoji: Grinning Face', 'Hebrew Letter Dalet With Dagesh',
    ]);
  });

  it('numbers follow ECMAScript, including edge cases from the RFC appendix', () => {
    const cases: [number, string][] = [
      [0, '0'], [-0, '0'], [5e-324, '5e-324'], [1.7976931348623157e308, '1.7976931348623157e+308'],
      [9007199254740992, '9007199254740992'], [295147905179352830000, '295147905179352830000'],
      [1e21, '1e+21'], [1e-7, '1e-7'], [0.000001, '0.000001'], [-1.5, '-1.5'],
    ];
    for (const [n, s] of cases) expect(canonicalJson(n)).toBe(s);
  });

  it('refuses what is not JSON', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(Infinity)).toThrow();
    expect(() => canonicalJson(1n)).toThrow();
    expect(() => canonicalJson('\ud800')).toThrow(/surrogate/);
    expect(() => canonicalJson(new Map())).toThrow(/plain object/);
    expect(() => canonicalJson([undefined])).toThrow();
    expect(canonicalJson({ a: undefined, b: 'Đà Nẵng' })).toBe('{"b":"Đà Nẵng"}');
    expect(canonicalJson({ z: { y: [1, { b: 2, a: 1 }] }, a: '' })).toBe('{"a":"","z":{"y":[1,{"a":1,"b":2}]}}');
  });
});

describe('citizen id', () => {
  it('validates form, province prefix, century/year and sex', () => {
    expect(validateCitizenId('001203012345')).toEqual({ ok: true, id: '001203012345', birthYear: 2003, sex: 'male' });
    expect(validateCitizenId('025080001234', '1980-02-03', 'male')).toMatchObject({ ok: true, birthYear: 1980, sex: 'male' });
    expect(validateCitizenId('025180001234', new Date(Date.UTC(1980, 1, 3)))).toMatchObject({ ok: true, sex: 'female' });
    expect(validateCitizenId('0252 0500 1234', '2005-01-01')).toMatchObject({ ok: true, id: '025205001234' });
    expect(validateCitizenId('12345678901')).toMatchObject({ ok: false, problem: 'format' });
    expect(validateCitizenId('12345678901a')).toMatchObject({ ok: false, problem: 'format' });
    expect(validateCitizenId('000203012345')).toMatchObject({ ok: false, problem: 'province' });
    expect(validateCitizenId('097203012345')).toMatchObject({ ok: false, problem: 'province' });
    expect(validateCitizenId('096203012345')).toMatchObject({ ok: true });
    expect(validateCitizenId('001203012345', '1903-01-01')).toMatchObject({ ok: false, problem: 'birth-year' });
    expect(validateCitizenId('001203012345', '2004-01-01')).toMatchObject({ ok: false, problem: 'birth-year' });
    expect(validateCitizenId('001203012345', '2003-01-01', 'female')).toMatchObject({ ok: false, problem: 'sex' });
  });

  it('masks for display', () => {
    expect(maskCitizenId('001203012345')).toBe('001*******45');
    expect(maskCitizenId('12')).toBe('**');
  });

  it('encrypts with a fresh nonce, binds the person, and hashes with a key', () => {
    const c = createCitizenIdCipher(TEST_DATA_KEY);
    const a = c.encrypt('001203012345', 'p1');
    const b = c.encrypt('001203012345', 'p1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('001203012345');
    expect(c.decrypt(a, 'p1')).toBe('001203012345');
    expect(() => c.decrypt(a, 'p2')).toThrow();
    // One bit flipped in the nonce, the ciphertext or the tag: refused.
    const [version, body] = a.split('.') as [string, string];
    for (const at of [0, 14, Buffer.from(body, 'base64url').length - 1]) {
      const raw = Buffer.from(body, 'base64url');
      raw[at]! ^= 1;
      expect(() => c.decrypt(`${version}.${raw.toString('base64url')}`, 'p1')).toThrow();
    }
    expect(c.lookupHash('001203012345')).toBe(c.lookupHash('001203012345'));
    expect(c.lookupHash('001203012345')).not.toBe(createCitizenIdCipher('11'.repeat(32)).lookupHash('001203012345'));
  });

  it('accepts a 32-byte key as hex or base64 and refuses anything else', () => {
    expect(parseDataKey(TEST_DATA_KEY)).toHaveLength(32);
    expect(parseDataKey(Buffer.alloc(32, 7).toString('base64'))).toHaveLength(32);
    expect(() => parseDataKey('short')).toThrow(/32 bytes/);
    expect(() => parseDataKey(new Uint8Array(16))).toThrow(/32 bytes/);
  });
});

describe('text', () => {
  it('stored names fold the way readers search: no diacritics, đ → d, lower case', () => {
    expect(fold('Nguyễn Thị Hà')).toBe('nguyen thi ha');
    expect(fold('ĐẶNG ĐỨC ĐẠT')).toBe('dang duc dat');
    expect(normalize('Hòa Bình'.normalize('NFD'))).toBe('Hòa Bình'.normalize('NFC'));
  });
  it('a typed search becomes one LIKE needle: folded, spaces collapsed, %, _ and \\ taken literally', () => {
    expect(foldedNeedle('  NGUYỄN   Thị\tHà ')).toBe('nguyen thi ha');
    expect(foldedNeedle('Nguye\u0302\u0303n')).toBe('nguyen');
    expect(foldedNeedle('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});

describe('audit payload guard', () => {
  it('lets ids and codes through and stops personal data', () => {
    expect(() => assertNoPersonalData({ personId: crypto.randomUUID(), commune: '07900', count: 3 })).not.toThrow();
    expect(() => assertNoPersonalData({ citizenId: 'x' })).toThrow();
    expect(() => assertNoPersonalData({ list: [{ birth_date: '2000-01-01' }] })).toThrow();
    expect(() => assertNoPersonalData({ note: 'gọi 0912345678' })).toThrow();
  });
});

describe('type parsers (one place for both drivers)', () => {
  it('int8 → number (BigInt when unsafe), numeric → number, date → string', () => {
    expect(typeParsers[20]!('42')).toBe(42);
    expect(typeParsers[20]!('9007199254740993')).toBe(9007199254740993n);
    expect(typeParsers[1700]!('2.50')).toBe(2.5);
    expect(typeParsers[1082]!('2025-07-01')).toBe('2025-07-01');
  });
});

describe('PostgreSQL leg', () => {
  it('fails (never skips) with instructions when the server is unreachable', async () => {
    await expect(openTestDatabase('postgres', { baseUrl: 'postgres://postgres@127.0.0.1:1/none' })).rejects.toThrow(/does not skip PostgreSQL. Start it/);
  });
});
