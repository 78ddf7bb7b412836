/**
 * End-to-end tests in Debian Chromium (`/usr/bin/chromium`) against the built portal
 * (`apps/admin/dist`: built by turbo before `npm test`, which runs these too; alone: `npm run test:e2e`).
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
    // The page waits on a real server that shares two cores with the rest of the run: polls get
    // the browser's patience, not vitest's one-second default.
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
});
