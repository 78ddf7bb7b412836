/** Published frameworks: the exact source text, its sha256, who published it and when. */
import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, FrameworksTable } from './schema.js';

/** A framework version to publish. */
export interface PublishFrameworkInput {
  plugin: string;
  version: string;
  /** The title's code name, e.g. 'learning-citizen'. */
  title: string;
  sourceText: string;
  effectiveFrom: string;
  effectiveTo?: string | null;
  publishedBy: string;
  publishedAt?: Date;
}

/** sha256 (hex) of a framework's source text (UTF-8, NFC as given). */
export function contentHash(sourceText: string): string {
  return createHash('sha256').update(sourceText, 'utf8').digest('hex');
}

/**
 * Records a published framework version; (plugin, version) is unique, so a version is published once.
 * @example await publishFramework(db, { plugin: 'phu-tho', version: '2026.1', title: 'learning-citizen', sourceText, effectiveFrom: '2026-01-01', publishedBy: user.id });
 */
export async function publishFramework(db: Kysely<Database>, input: PublishFrameworkInput): Promise<Selectable<FrameworksTable>> {
  return db
    .insertInto('frameworks')
    .values({
      plugin: input.plugin,
      version: input.version,
      title: input.title,
      source_text: input.sourceText,
      status: 'published',
      effective_from: input.effectiveFrom,
      effective_to: input.effectiveTo ?? null,
      content_hash: contentHash(input.sourceText),
      published_by: input.publishedBy,
      published_at: input.publishedAt ?? new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
