/**
 * The checked model of a campaign's framework: a plugin's from the API, or — for a version
 * published from the editor, which no plugin carries — checked here from its published source
 * (`GET /api/frameworks/published/{id}`), as the editor checks a text.
 */
import { checkFramework, type Model } from '@hoctap/core';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, call, campaignFrameworkRef, client, type Campaign } from '../api/client.ts';

export async function campaignModel(c: Pick<Campaign, 'framework'>): Promise<{ model: Model }> {
  const ref = campaignFrameworkRef(c);
  try {
    return await api.framework(ref.plugin, ref.id);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404) throw e;
    const v = await call(client.GET('/api/frameworks/published/{id}', { params: { path: { id: c.framework.id } } }));
    const model = checkFramework(v.source, { file: `${ref.id}.tieuchi`, mode: 'draft' }).models.find((m) => m.id === ref.id);
    if (!model) throw e;
    return { model };
  }
}

/** {@link campaignModel} as a query (cached by the framework version). */
export function useCampaignModel(c: Pick<Campaign, 'framework'> | undefined) {
  return useQuery({ queryKey: ['campaign-model', c?.framework.id ?? ''], queryFn: () => campaignModel(c!), enabled: c !== undefined, staleTime: 5 * 60_000 });
}
