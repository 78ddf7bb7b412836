/** Published frameworks: the exact source text, its sha256, who published it and when. */
import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, Framework, FrameworksTable } from './schema.js';

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

/** The version of a plugin's framework with exactly this text (by content hash), if recorded. */
export async function frameworkByHash(db: Kysely<Database>, plugin: string, hash: string): Promise<Framework | undefined> {
  return db.selectFrom('frameworks').selectAll().where('plugin', '=', plugin).where('content_hash', '=', hash).executeTakeFirst();
}

/** A published framework version and the display name of the account that published it. */
export type PublishedFrameworkRow = Framework & { publisher: string | null };

/**
 * Published versions, newest first: of the given plugins, or (`null`) of every locality — the
 * platform's (`locality`) and the provinces' (a 2-digit code), never a registered plugin's.
 */
export async function listPublishedFrameworks(db: Kysely<Database>, plugins: readonly string[] | null): Promise<PublishedFrameworkRow[]> {
  let q = db
    .selectFrom('frameworks')
    .leftJoin('users', 'users.id', 'frameworks.published_by')
    .selectAll('frameworks')
    .select('users.display_name as publisher')
    .where('frameworks.published_at', 'is not', null);
  q = plugins ? q.where('frameworks.plugin', 'in', [...plugins]) : q.where((eb) => eb.or([eb('frameworks.plugin', '=', 'locality'), eb('frameworks.plugin', '~', '^[0-9]{2}$')]));
  return q.orderBy('frameworks.published_at', 'desc').orderBy('frameworks.id').execute();
}

/** One published version by id (a uuid), with its publisher's name. */
export async function getPublishedFramework(db: Kysely<Database>, id: string): Promise<PublishedFrameworkRow | undefined> {
  return db
    .selectFrom('frameworks')
    .leftJoin('users', 'users.id', 'frameworks.published_by')
    .selectAll('frameworks')
    .select('users.display_name as publisher')
    .where('frameworks.id', '=', id)
    .where('frameworks.published_at', 'is not', null)
    .executeTakeFirst();
}
