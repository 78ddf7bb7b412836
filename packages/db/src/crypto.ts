/**
 * Protection of the citizen id at rest: AES-256-GCM for the value, HMAC-SHA256 for lookup; and
 * AES-256-GCM for other personal data kept for a while (`seal`), with a key of its own.
 * The keys are derived (HKDF-SHA256) from one 32-byte data key that the caller reads from its
 * configuration (`HOCTAP_DATA_KEY`) and passes in; this package reads no environment.
 */
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import { randomChunk } from './ids.js';

/** Encrypts, decrypts and hashes citizen ids with keys derived from the data key. */
export interface CitizenIdCipher {
  /** Encrypts a citizen id for the person `personId` (bound as associated data, so a ciphertext cannot be moved to another row). */
  encrypt(citizenId: string, personId: string): string;
  /** Decrypts what {@link CitizenIdCipher.encrypt} produced for the same person; throws if it was altered or moved. */
  decrypt(stored: string, personId: string): string;
  /** The keyed lookup hash (hex) of a citizen id: equal ids give equal hashes, and without the key it reveals nothing. */
  lookupHash(citizenId: string): string;
  /**
   * Encrypts other personal data kept for a while (an uploaded sheet waiting in a job), bound to
   * `context` (e.g. `job-input:<campaign id>`), with a key of its own derived from the same data key.
   */
  seal(plaintext: string, context: string): string;
  /** Decrypts what {@link CitizenIdCipher.seal} produced for the same context; throws if it was altered or moved. */
  open(sealed: string, context: string): string;
}

const VERSION = 'v1';

/**
 * Parses a data key given as 64 hex digits or base64/base64url of 32 bytes.
 * @example parseDataKey(process.env.HOCTAP_DATA_KEY!) // in the composition root, not here
 */
export function parseDataKey(key: string | Uint8Array): Uint8Array {
  if (typeof key !== 'string') {
    if (key.length !== 32) throw new RangeError('The data key must be 32 bytes.');
    return key;
  }
  const text = key.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64url');
  if (bytes.length !== 32) {
    throw new RangeError('The data key must be 32 bytes, given as 64 hex digits or base64 (e.g. `openssl rand -base64 32`).');
  }
  return new Uint8Array(bytes);
}

/**
 * Creates the citizen-id cipher from the data key.
 * @example const cipher = createCitizenIdCipher(parseDataKey(config.dataKey));
 */
export function createCitizenIdCipher(dataKey: string | Uint8Array): CitizenIdCipher {
  const ikm = parseDataKey(dataKey);
  const salt = Buffer.from('hoctap/db', 'utf8');
  // KeyObjects made once: a raw Buffer key is re-imported on every call (a third of a bulk import's CPU).
  const encKey = createSecretKey(Buffer.from(hkdfSync('sha256', ikm, salt, 'citizen-id encryption v1', 32)));
  const macKey = createSecretKey(Buffer.from(hkdfSync('sha256', ikm, salt, 'citizen-id lookup v1', 32)));
  const sealKey = createSecretKey(Buffer.from(hkdfSync('sha256', ikm, salt, 'personal-data sealing v1', 32)));
  const aad = (personId: string) => Buffer.from(`hoctap:citizen-id:${VERSION}:${personId}`, 'utf8');
  const sealAad = (context: string) => Buffer.from(`hoctap:sealed:${VERSION}:${context}`, 'utf8');

  return {
    encrypt(citizenId, personId) {
      // A fresh random 96-bit nonce per value (from a pooled CSPRNG buffer: one system call per ~850 values).
      return gcmSeal(encKey, aad(personId), citizenId);
    },
    decrypt(stored, personId) {
      return gcmOpen(encKey, aad(personId), stored);
    },
    lookupHash(citizenId) {
      return createHmac('sha256', macKey).update(citizenId, 'utf8').digest('hex');
    },
    seal(plaintext, context) {
      return gcmSeal(sealKey, sealAad(context), plaintext);
    },
    open(sealed, context) {
      return gcmOpen(sealKey, sealAad(context), sealed);
    },
  };
}

function gcmSeal(key: KeyObject, aad: Buffer, plaintext: string): string {
  const iv = randomChunk(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, ct, cipher.getAuthTag()]).toString('base64url')}`;
}

function gcmOpen(key: KeyObject, aad: Buffer, stored: string): string {
  const [version, body] = stored.split('.');
  if (version !== VERSION || body === undefined) throw new Error('Unknown ciphertext version.');
  const raw = Buffer.from(body, 'base64url');
  if (raw.length < 12 + 16) throw new Error('Ciphertext is too short.');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(aad);
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
}
