/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s — what authenticator apps expect) through the `otpauth`
 * library, recovery codes, and the short-lived sign-in challenge between the password and the code.
 * Codes are checked against the injected clock, one step either side; the accepted step is stored
 * so the same code (or an older one) is refused as a replay (ASVS v5.0.0-6.5.1).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** The TOTP time step in seconds (RFC 6238's default, what authenticator apps expect). */
export const TOTP_PERIOD = 30;
/** The issuer an authenticator app shows. */
export const TOTP_ISSUER = 'Học Tập';
/** How long the state between a correct password and the code lives. */
export const MFA_CHALLENGE_MS = 5 * 60_000;
/** How many recovery codes an enrolment gives. */
export const RECOVERY_CODES = 8;

/** A new random secret (160 bits, RFC 4226's recommendation), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = ''): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD, secret: Secret.fromBase32(secret) });
}

/** The `otpauth://totp/…` URI an authenticator app reads (from a QR code). */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/**
 * The time step of a valid code at `now` (± one step of clock drift), or null. The caller must
 * still refuse a step it has already accepted.
 */
export function totpStep(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^[0-9]{6}$/.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD) + delta;
}

/** Whether a submitted second factor looks like a recovery code rather than a 6-digit TOTP code. */
export function isRecoveryCode(code: string): boolean {
  return /^[A-Za-z2-7]{4}(?:-?[A-Za-z2-7]{4}){5}$/.test(code.trim());
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** New recovery codes: 24 base32 characters (120 bits) each, shown in groups of four. */
export function newRecoveryCodes(n = RECOVERY_CODES): string[] {
  return Array.from({ length: n }, () => {
    const bytes = randomBytes(24);
    const chars = [...bytes].map((b) => BASE32[b & 31]).join('');
    return chars.match(/.{4}/g)!.join('-');
  });
}

/**
 * The sign-in challenge after a correct password for an account with TOTP: user id and expiry,
 * MAC'd with a server key over the account's password hash too, so a password change voids it.
 */
export function mfaChallenge(key: Buffer, user: { id: string; password_hash: string }, now: Date): string {
  const exp = now.getTime() + MFA_CHALLENGE_MS;
  const body = `${user.id}.${exp}`;
  return `${body}.${challengeMac(key, body, user.password_hash)}`;
}

function challengeMac(key: Buffer, body: string, passwordHash: string): string {
  return createHmac('sha256', key).update(`mfa-challenge v1|${body}|${passwordHash}`, 'utf8').digest('base64url');
}

/** The user id a challenge names, if its form and expiry are right (the MAC is checked by {@link challengeValid}). */
export function challengeUser(challenge: string, now: Date): string | null {
  const m = /^([0-9a-f-]{36})\.([0-9]{1,15})\.[A-Za-z0-9_-]{43}$/.exec(challenge);
  if (!m || Number(m[2]) <= now.getTime()) return null;
  return m[1]!;
}

/** Checks a challenge's MAC for the account (constant time). */
export function challengeValid(key: Buffer, challenge: string, passwordHash: string): boolean {
  const i = challenge.lastIndexOf('.');
  const a = Buffer.from(challenge.slice(i + 1));
  const b = Buffer.from(challengeMac(key, challenge.slice(0, i), passwordHash));
  return a.length === b.length && timingSafeEqual(a, b);
}
