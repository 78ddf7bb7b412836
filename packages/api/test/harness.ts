/** Test databases for both dialects, migrated: the shared ones of `@hoctap/db/testing`. */
import { openTestDatabase as open, type TestDatabase } from '@hoctap/db/testing';
import type { DialectName } from '@hoctap/db';

export { dialects, TEST_DATA_KEY, type TestDatabase } from '@hoctap/db/testing';

export function openTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  return open(dialect, { migrate: true });
}
