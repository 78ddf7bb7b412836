/**
 * RFC 8785 JSON Canonicalization Scheme (JCS), for hashing audit entries.
 * https://www.rfc-editor.org/rfc/rfc8785
 */

/** A JSON value as the canonicaliser accepts it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue | undefined };

/**
 * Serialises a JSON value canonically: object keys sorted by UTF-16 code units, no whitespace,
 * numbers in ECMAScript shortest form, strings with the minimal JSON escapes.
 * Throws on non-finite numbers, lone surrogates, BigInt, functions and other non-JSON values.
 * @example canonicalJson({ b: 1, a: [true, 'x'] }) === '{"a":[true,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return serialise(value, '$');
}

function serialise(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // RFC 8785 §3.2.2.3: the ECMAScript Number-to-String algorithm, which JSON.stringify uses (and -0 → "0").
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is not a finite number`);
      return JSON.stringify(value);
    case 'string':
      return serialiseString(value, path);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((v, i) => {
          if (v === undefined) throw new TypeError(`canonicalJson: ${path}[${i}] is undefined`);
          return serialise(v, `${path}[${i}]`);
        }).join(',')}]`;
      }
      if (value instanceof Date) return serialiseString(value.toISOString(), path);
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`canonicalJson: ${path} is not a plain object`);
      }
      // Default sort compares UTF-16 code units, which is what RFC 8785 §3.2.3 asks for.
      const keys = Object.keys(value).sort();
      const parts: string[] = [];
      for (const key of keys) {
        const v = (value as Record<string, unknown>)[key];
        if (v === undefined) continue; // as JSON.stringify: an absent member
        parts.push(`${serialiseString(key, path)}:${serialise(v, `${path}.${key}`)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: ${path} has type ${typeof value}, not a JSON value`);
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function serialiseString(s: string, path: string): string {
  if (LONE_SURROGATE.test(s)) throw new TypeError(`canonicalJson: ${path} contains a lone surrogate`);
  // JSON.stringify escapes exactly ", \, and U+0000–U+001F (short forms \b \t \n \f \r, else \u00xx
  // lower-case), and leaves everything else literal: the same rules as RFC 8785 §3.2.2.2.
  return JSON.stringify(s);
}
