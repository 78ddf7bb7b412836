/** `canonicalize` (credential proofs) is the same RFC 8785 canonicaliser as the audit chain's: the reference test vectors. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../src/index.js';

// The vectors live once, beside the audit chain's canonicaliser tests (see their README for the source and licence).
const dir = new URL('../../db/test/rfc8785/', import.meta.url);

describe('canonicalize against the RFC 8785 reference test data', () => {
  const names = readdirSync(new URL('input/', dir)).filter((f) => f.endsWith('.json'));
  it.each(names)('%s', (name) => {
    const input = JSON.parse(readFileSync(new URL(`input/${name}`, dir), 'utf8')) as unknown;
    expect(Buffer.from(canonicalize(input), 'utf8').equals(readFileSync(new URL(`output/${name}`, dir)))).toBe(true);
  });

  it('numbers and refusals', () => {
    expect(canonicalize([1e21, -0, 4.5e-7, 5e-324, 1.7976931348623157e308])).toBe('[1e+21,0,4.5e-7,5e-324,1.7976931348623157e+308]');
    expect(() => canonicalize(Number.NaN)).toThrow();
    expect(() => canonicalize({ a: Infinity })).toThrow();
    expect(() => canonicalize('\ud800')).toThrow();
    expect(() => canonicalize(undefined)).toThrow(TypeError);
  });
});
