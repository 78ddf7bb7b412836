/** The checked model behind a stored framework version. */
import type { Model } from '@hoctap/core';
import { contentHash, type Framework } from '@hoctap/db';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';
import { checkDraft } from './frameworks.js';

/**
 * The checked model of a campaign's framework version: the registered one when its text has the
 * recorded content hash, else the recorded text checked again (`checkDraft`: bases from the registry).
 * Cached by framework row id (a stored version never changes).
 */
export function modelOf(deps: Pick<Deps, 'models' | 'registry'>, fw: Framework): { model: Model; ref: string } {
  const cached = deps.models.get(fw.id);
  if (cached) return cached;
  const modelId = fw.version.split('@')[0]!;
  let found: { model: Model; ref: string } | undefined;
  const reg = deps.registry.frameworks.find((f) => f.plugin === fw.plugin && f.model.id === modelId && contentHash(f.source) === fw.content_hash);
  if (reg) found = { model: reg.model, ref: reg.ref };
  else {
    // The same check as publishing's, as a draft: a version stored before a rule existed still rebuilds.
    const r = checkDraft(deps, { source: fw.source_text, file: `${fw.plugin}/${modelId}` });
    const m = r.models.find((x) => x.id === modelId);
    if (!m) throw new AppError('unavailable', 'FRAMEWORK_UNAVAILABLE', 'Không dựng lại được bộ tiêu chí của đợt', 'The campaign’s framework cannot be rebuilt');
    found = { model: m, ref: `${fw.plugin}/${modelId}` };
  }
  deps.models.set(fw.id, found);
  return found;
}
