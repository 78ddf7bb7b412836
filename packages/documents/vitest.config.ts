import { defineSharedProject } from '../../vitest.shared.ts';

export default defineSharedProject({ test: { testTimeout: 60_000 } });
