/**
 * Root Vitest config: `npx vitest run` here runs every workspace package as a project,
 * each with its own `vitest.config.ts` (built from `vitest.shared.ts`).
 * `npm test` goes through turbo instead, which runs `vitest run` inside each package.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      'criteria-dsl/vitest.config.ts',
      'packages/*/vitest.config.ts',
      'packages/plugins/*/vitest.config.ts',
      'apps/*/vitest.config.ts',
      'examples/*/vitest.config.ts',
    ],
  },
});
