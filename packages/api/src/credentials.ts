/**
 * The credentials' issuance as the decision route needs it: the application layer's
 * `issueDecisionCredentials` (`@hoctap/app`) bound to this app's runtime and registry.
 */
import { issueDecisionCredentials as issue, verifyPageUrl as pageUrl, type IssueInput } from '@hoctap/app';
import type { Registry } from '@hoctap/core';
import type { Database } from '@hoctap/db';
import type { Transaction } from 'kysely';
import type { Runtime } from './context.js';

/** Issues a decision's credentials in its transaction (see `issueDecisionCredentials` in `@hoctap/app`). */
export function issueDecisionCredentials(rt: Runtime, registry: Registry, trx: Transaction<Database>, input: IssueInput): Promise<{ id: string; registrationId: string }[]> {
  return issue({ keyCipher: rt.keyCipher, now: rt.now, publicUrl: rt.publicUrl, cipher: rt.cipher, registry }, trx, input);
}

/** The public verification page of a credential. */
export const verifyPageUrl = (rt: Pick<Runtime, 'publicUrl'>, id: string): string => pageUrl(rt, id);
