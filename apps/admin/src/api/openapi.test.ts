import { readFileSync } from 'node:fs';
import { STATES } from '@hoctap/api';
import { describe, expect, it } from 'vitest';
import { OPENAPI_COMMAND, OPENAPI_TYPES_FILE, openApiTypes } from '../../scripts/openapi-types.ts';
import { REGISTRATION_STATUSES } from './client.ts';

describe('the portal types the API from its OpenAPI document', () => {
  it('the committed openapi.d.ts is what the current createApp generates', async () => {
    const committed = readFileSync(new URL(`../../${OPENAPI_TYPES_FILE}`, import.meta.url), 'utf8');
    const current = await openApiTypes();
    // A changed shape shows as a diff; the portal's typecheck then finds the uses that no longer fit.
    expect(current, `${OPENAPI_TYPES_FILE} is out of date with the API: run ${OPENAPI_COMMAND}`).toBe(committed);
  });

  it('registration statuses are the API workflow states, in order (the schema says only "string")', () => {
    expect(REGISTRATION_STATUSES).toEqual(STATES);
  });
});
