/** This package's tests use the shared test databases of `@hoctap/db/testing` (src/testing.ts). */
export { dialects, DEFAULT_TEST_URL, TEST_DATA_KEY, openTestDatabase, type TestDatabase } from '../src/testing.js';
