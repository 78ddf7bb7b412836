import { defineSharedProject } from '../../vitest.shared.ts';

// Unit tests of the pure pieces (no browser, no DOM): `src/**/*.test.ts`.
export default defineSharedProject();
