/**
 * `npm run openapi -w @hoctap/admin`: writes `src/api/openapi.d.ts`, the portal's API types, from the
 * OpenAPI document of the API's `createApp`. Runs on the workspace's TypeScript sources (Vite's
 * module runner with the `@hoctap/source` condition), so nothing needs building first.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultServerConditions, runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const conditions = ['@hoctap/source', ...defaultServerConditions];
const { module } = await runnerImport<typeof import('./openapi-types.ts')>(fileURLToPath(new URL('./openapi-types.ts', import.meta.url)), {
  root,
  configFile: false,
  logLevel: 'warn',
  // The workspace's packages from their sources; everything else through Node.
  environments: { inline: { resolve: { conditions, noExternal: [/^@hoctap\//] } } },
});
const out = fileURLToPath(new URL(`../${module.OPENAPI_TYPES_FILE}`, import.meta.url));
writeFileSync(out, await module.openApiTypes());
console.log(`Đã ghi ${module.OPENAPI_TYPES_FILE} (wrote the API types).`);
