/** RFC 8785 conformance of the one canonicaliser: the reference test vectors and the ES6 number edge cases. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson } from '../src/index.js';

const dir = new URL('./rfc8785/', import.meta.url);
const names = readdirSync(new URL('input/', dir)).filter((f) => f.endsWith('.json'));

/** IEEE-754 bits (hex) → the number. */
const fromHex = (hex: string): number => {
  const v = new DataView(new ArrayBuffer(8));
  v.setBigUint64(0, BigInt(`0x${hex}`));
  return v.getFloat64(0);
};

describe('canonicalJson against the RFC 8785 reference test data', () => {
  it('has the six reference files', () => {
    expect(names.sort()).toEqual(['arrays.json', 'french.json', 'structures.json', 'unicode.json', 'values.json', 'weird.json']);
  });

  it.each(names)('%s canonicalises to the reference bytes', (name) => {
    const input = JSON.parse(readFileSync(new URL(`input/${name}`, dir), 'utf8')) as unknown;
    const expected = readFileSync(new URL(`output/${name}`, dir));
    expect(Buffer.from(canonicalJson(input), 'utf8').equals(expected), canonicalJson(input)).toBe(true);
  });

  it('numbers: the ES6 serialisation of the reference edge cases (hex IEEE-754 → text)', () => {
    const cases: [string, string][] = [
      ['4340000000000001', '9007199254740994'],
      ['4340000000000002', '9007199254740996'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['8000000000000000', '0'],
      ['0000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af6', '1e+23'],
    ];
    for (const [hex, text] of cases) expect(canonicalJson(fromHex(hex)), hex).toBe(text);
    expect(canonicalJson([1e21, -0, 4.5e-7, 4.5, 1e-7, 100])).toBe('[1e+21,0,4.5e-7,4.5,1e-7,100]');
    expect(() => canonicalJson(fromHex('7ff0000000000000'))).toThrow(); // Infinity
    expect(() => canonicalJson(fromHex('7ff8000000000000'))).toThrow(); // NaN
  });

  it('keys sort by UTF-16 code units, not by code points or locale', () => {
    // U+1F600 (surrogates D83D DE00) sorts before U+FB33 in UTF-16 order, after it by code point.
    expect(canonicalJson({ '\ufb33': 1, '\ud83d\ude00': 2, '\u00e9': 3, e: 4, Z: 5 })).toBe('{"Z":5,"e":4,"\u00e9":3,"\ud83d\ude00":2,"\ufb33":1}');
  });

  it('an audit entry hashes as it did under the in-house canonicaliser it replaces (existing chains stay valid)', () => {
    const doc = {
      seq: 42, at: '2018-05-10T03:00:00.000Z', actor_id: '7d3f1c2e-0000-4000-8000-000000000001', action: 'registration.create', subject_kind: 'registration',
      subject_id: '7d3f1c2e-0000-4000-8000-000000000002', province_code: '25',
      payload: { name: 'Nguyễn Thị Hà', scores: { '1.1': 5, '10.2': 2.5, '2.1': 0 }, ratio: 1e-7, big: 1e21, list: [true, null, 'Đà Nẵng', { b: 1, a: '\u20ac\r' }] },
    };
    // Computed by the previous implementation (packages/db/src/canonical-json.ts before `canonicalize`).
    expect(auditHash('0'.repeat(64), doc)).toBe('f9457588340ef3c4ed57ea3881a7db064cd4bc134bf550bcb340699f687a12ec');
  });
});
