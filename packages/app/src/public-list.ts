/**
 * The public list of recognised subjects: what a published recognition decision makes public, and
 * nothing else, read in the database's read-only public-list scope (`withPublicListScope`), never
 * in a tenant or national scope. No caller: anyone may read it.
 */
import { listPublicRecognitions, publicListFacets, withPublicListScope, type PublicListFacets, type PublicListFilter, type PublicRecognition } from '@hoctap/db';
import type { Deps } from './deps.js';

/** A page of published recognitions matching the filter, with the total and the list's facets. */
export function publicRecognitions(deps: Pick<Deps, 'db'>, input: PublicListFilter): Promise<{ total: number; items: PublicRecognition[]; facets: PublicListFacets }> {
  return withPublicListScope(deps.db, async (trx) => {
    const page = await listPublicRecognitions(trx, input);
    return { ...page, facets: await publicListFacets(trx) };
  });
}
