/**
 * Time-ordered UUIDs (RFC 9562 version 7) for rows made in bulk: new keys land at the right edge of
 * the primary-key B-tree instead of on a random page, so a million-row import keeps its index pages
 * in memory. The first 48 bits are the creation time in milliseconds (not a secret: rows carry a
 * `created_at` anyway); the other 74 bits are random.
 */
import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 10 * 1024;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let offset = POOL_BYTES;

/** `n` cryptographically random bytes, drawn from a pool refilled 10 KiB at a time (one system call per ~1,000 ids). */
export function randomChunk(n: number): Buffer {
  if (n > POOL_BYTES) return randomFillSync(Buffer.allocUnsafe(n));
  if (offset + n > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + n));
  // Never hand out the same bytes twice.
  pool.fill(0, offset, offset + n);
  offset += n;
  return out;
}

let lastMs = 0;
let seq = 0;

/**
 * A UUIDv7: 48-bit Unix milliseconds, version 7, a 12-bit counter that keeps ids made in the same
 * millisecond in order (RFC 9562 §6.2, method 1), variant 10, 62 random bits.
 * @example uuidv7() // '019ab2c4-8f3e-7000-9c1d-4b6e2f0a1d33'
 */
export function uuidv7(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    seq = 0;
  } else if (++seq > 0xfff) {
    // More than 4,096 ids in one millisecond: borrow the next millisecond.
    lastMs++;
    seq = 0;
  }
  const b = randomChunk(16);
  const ms = lastMs;
  b[0] = Math.floor(ms / 2 ** 40) & 0xff;
  b[1] = Math.floor(ms / 2 ** 32) & 0xff;
  b[2] = (ms >>> 24) & 0xff;
  b[3] = (ms >>> 16) & 0xff;
  b[4] = (ms >>> 8) & 0xff;
  b[5] = ms & 0xff;
  b[6] = 0x70 | (seq >>> 8);
  b[7] = seq & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
