/**
 * Shared Vitest settings for every workspace package.
 *
 * Each package's `vitest.config.ts` is `export default defineSharedProject()`, so
 * `npm test` inside a package (what turbo runs) and `npx vitest run` at the root
 * (which lists the packages as projects in `vitest.config.ts`) use the same settings.
 *
 * Workspace packages are imported through their `exports` map; the custom condition
 * `@hoctap/source` (listed first in every package's exports) points at `src/index.ts`,
 * so tests run against TypeScript sources without building `dist/` first.
 */
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineProject, mergeConfig, type UserWorkspaceConfig } from 'vitest/config';

export const sourceCondition = '@hoctap/source';

export const sharedProjectConfig = defineProject({
  resolve: {
    conditions: [sourceCondition, ...defaultClientConditions],
  },
  ssr: {
    resolve: {
      conditions: [sourceCondition, ...defaultServerConditions],
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Integration suites (two databases, PDFs, a browser) share 2 cores with the rest of the run
    // under turbo: a generous per-test limit keeps a loaded machine from failing a correct test.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // No package passes with zero tests (vitest's default): a package without tests fails the run.
  },
});

/** Shared settings, optionally extended per package: `defineSharedProject({ test: { testTimeout: 20_000 } })`. */
export function defineSharedProject(overrides: UserWorkspaceConfig = {}): UserWorkspaceConfig {
  return mergeConfig(sharedProjectConfig, overrides);
}
