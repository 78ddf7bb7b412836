import { readFileSync } from 'node:fs';
import { STATES } from '@hoctap/api';
import { describe, expect, it } from 'vitest';
import { OPENAPI_COMMAND, OPENAPI_TYPES_FILE, openApiTypes } from '../../scripts/openapi-types.ts';
import { REGISTRATION_STATUSES } from './client.ts';

/** The first line where two texts differ, for a message a person can act on. */
function firstDifference(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  const i = x.findIndex((line, n) => line !== y[n]);
  const n = i === -1 ? Math.min(x.length, y.length) : i;
  return `line ${n + 1}: generated ${JSON.stringify(x[n]?.trim() ?? '(end)')}, committed ${JSON.stringify(y[n]?.trim() ?? '(end)')}`;
}

describe('the portal types the API from its OpenAPI document', () => {
  it('the committed openapi.d.ts is what the current createApp generates', async () => {
    const committed = readFileSync(new URL(`../../${OPENAPI_TYPES_FILE}`, import.meta.url), 'utf8');
    const current = await openApiTypes();
    // A changed shape fails here; after regenerating, the portal's typecheck finds the uses that no longer fit.
    const where = current === committed ? '' : firstDifference(current, committed);
    expect(current, `${OPENAPI_TYPES_FILE} is out of date with the API (${where}): run ${OPENAPI_COMMAND}`).toBe(committed);
  });

  it('the statuses the portal filters by are the API workflow states, in order', () => {
    expect(REGISTRATION_STATUSES).toEqual(STATES);
  });
});
