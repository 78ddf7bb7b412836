import { defineSharedProject } from '../../vitest.shared.ts';

// A PGlite instance takes seconds to start: generous hook timeouts, one instance per test file.
export default defineSharedProject({ test: { hookTimeout: 120_000, testTimeout: 60_000 } });
