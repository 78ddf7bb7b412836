/**
 * The portal's API types from the API's own OpenAPI document: builds `createApp` (no database —
 * the document describes every route without one), reads `/api/openapi.json` and turns it into
 * TypeScript with openapi-typescript. Used by `scripts/openapi.ts` (writes the file) and by the
 * test that fails when the committed file no longer matches the API.
 */
import { createApp } from '@hoctap/api';
import { createRegistry } from '@hoctap/core';
import { PLUGINS } from '@hoctap/server';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** Where the generated types live, relative to apps/admin. */
export const OPENAPI_TYPES_FILE = 'src/api/openapi.d.ts';

/** The command that regenerates them. */
export const OPENAPI_COMMAND = 'npm run openapi -w @hoctap/admin';

const HEADER = `/**
 * GENERATED — do not edit. The platform API's types, from the OpenAPI 3.1 document of
 * \`createApp\` (\`GET /api/openapi.json\`) by openapi-typescript.
 * Regenerate after changing the API: \`${OPENAPI_COMMAND}\`.
 */
`;

/** The OpenAPI document the API serves, built in-process. */
export async function openApiDocument(): Promise<OpenAPI3> {
  const app = createApp({ registry: createRegistry(PLUGINS), version: '0.0.0' });
  const res = await app.request('/api/openapi.json');
  if (!res.ok) throw new Error(`GET /api/openapi.json answered ${res.status}`);
  return (await res.json()) as OpenAPI3;
}

/** The generated file's text: header, then openapi-typescript's output. */
export async function openApiTypes(): Promise<string> {
  const ast = await openapiTS(await openApiDocument(), { alphabetize: false });
  return HEADER + astToString(ast);
}
