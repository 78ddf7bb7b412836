/**
 * RFC 8785 JSON Canonicalization Scheme (JCS), for hashing audit entries: the platform's one
 * canonicaliser is the `canonicalize` package (the reference implementation by the RFC's authors),
 * used here and by `@hoctap/documents`; this module only refuses, before serialising, what an audit
 * document must never hold. https://www.rfc-editor.org/rfc/rfc8785
 */
import canonicalize from 'canonicalize';

/** A JSON value as the canonicaliser accepts it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue | undefined };

/**
 * Serialises a JSON value canonically: object keys sorted by UTF-16 code units, no whitespace,
 * numbers in ECMAScript shortest form, strings with the minimal JSON escapes.
 * Throws on non-finite numbers, lone surrogates, BigInt, functions and other non-JSON values.
 * @example canonicalJson({ b: 1, a: [true, 'x'] }) === '{"a":[true,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  check(value, '$');
  return canonicalize(value)!;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Refuses what JSON.stringify would drop or turn into something else: audit documents are plain JSON. */
function check(value: unknown, path: string): void {
  if (value === null) return;
  switch (typeof value) {
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is not a finite number`);
      return;
    case 'string':
      if (LONE_SURROGATE.test(value)) throw new TypeError(`canonicalJson: ${path} contains a lone surrogate`);
      return;
    case 'object': {
      if (Array.isArray(value)) {
        value.forEach((v, i) => {
          if (v === undefined) throw new TypeError(`canonicalJson: ${path}[${i}] is undefined`);
          check(v, `${path}[${i}]`);
        });
        return;
      }
      // A Date serialises as its ISO string (its toJSON), as JSON.stringify does.
      if (value instanceof Date) return;
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw new TypeError(`canonicalJson: ${path} is not a plain object`);
      for (const [key, v] of Object.entries(value)) {
        if (LONE_SURROGATE.test(key)) throw new TypeError(`canonicalJson: ${path} has a key with a lone surrogate`);
        if (v !== undefined) check(v, `${path}.${key}`); // an undefined member is absent, as in JSON.stringify
      }
      return;
    }
    default:
      throw new TypeError(`canonicalJson: ${path} has type ${typeof value}, not a JSON value`);
  }
}
