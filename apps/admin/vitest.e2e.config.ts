/**
 * End-to-end tests in Debian Chromium (`/usr/bin/chromium`) against the built portal
 * (`apps/admin/dist`: run `npm run build` first). `npm run test:e2e`; not part of `npm test`.
 * The test process imports workspace packages from their TypeScript sources, as unit tests do.
 */
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { sourceCondition } from '../../vitest.shared.ts';

export default defineConfig({
  resolve: { conditions: [sourceCondition, ...defaultServerConditions] },
  ssr: { resolve: { conditions: [sourceCondition, ...defaultServerConditions] } },
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
