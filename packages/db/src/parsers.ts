/**
 * The one place where both drivers' results are made the same. `pg` returns int8, count and sum as
 * strings and dates as local-midnight Date objects; PGlite returns int8 as number (BigInt above
 * 2^53) and numeric as strings. Both drivers get these parsers, keyed by type OID.
 */

const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

/** int8 → number when it is a safe integer, else BigInt (never silently rounded). */
export function parseInt8(text: string): number | bigint {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : BigInt(text);
}

/** numeric → number (points and averages are small; money is not stored here). */
export function parseNumeric(text: string): number {
  return Number(text);
}

/** date → 'YYYY-MM-DD' exactly as stored: no time zone can shift a birth date. */
export function parseDate(text: string): string {
  return text;
}

/** Text-format parsers by type OID, shared by both dialects. */
export const typeParsers: Readonly<Record<number, (text: string) => unknown>> = {
  [OID.int8]: parseInt8,
  [OID.numeric]: parseNumeric,
  [OID.date]: parseDate,
};
