/** What the application layer's suites share: the platform's dependencies over a test database, and refusals read as (kind, code). */
import type { Plugin } from '@hoctap/core';
import { createRegistry } from '@hoctap/core';
import { createCitizenIdCipher, createIssuerKeyCipher, createTotpSecretCipher, type Database } from '@hoctap/db';
import { TEST_DATA_KEY } from '@hoctap/db/testing';
import type { Kysely } from 'kysely';
import { AppError, type Deps } from '../src/index.js';

/** The dependencies of the use cases over `db`, with these plugins and a clock the test moves. */
export function testDeps(db: Kysely<Database>, plugins: readonly Plugin[], clock: { now: Date }, publicUrl = 'http://localhost:3000'): Deps {
  return {
    db,
    registry: createRegistry(plugins),
    cipher: createCitizenIdCipher(TEST_DATA_KEY),
    keyCipher: createIssuerKeyCipher(TEST_DATA_KEY),
    totpCipher: createTotpSecretCipher(TEST_DATA_KEY),
    publicUrl,
    now: () => clock.now,
    models: new Map(),
  };
}

/** A thrown AppError's kind and code (anything else fails the test). */
export async function refusal(p: Promise<unknown>): Promise<[string, string]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return [e.kind, e.code];
    throw e;
  }
  throw new Error('expected an AppError');
}
