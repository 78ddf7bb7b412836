/** The decision stage's queries: whole lists (every page), and the decisions of a campaign. */
import { useQuery } from '@tanstack/react-query';
import { api, call, client, type RegistrationListItem, type RegistrationStatus } from '../api/client.ts';
import { allPages, type Page } from './decision-stage.ts';

/** A listed decision, with its counts and the links of its PDFs. */
export type DecisionListItem = Awaited<ReturnType<typeof fetchDecisions>>['items'][number];

/** Every decision of a campaign (all pages). */
export function fetchDecisions(campaignId: string) {
  return allPages((offset, limit) => call(client.GET('/api/decisions', { params: { query: { campaign: campaignId, limit, offset } } })));
}

/** Every decision of a campaign; under `['campaigns', id]`, so any workflow step refetches it. */
export function useDecisions(campaignId: string | undefined) {
  return useQuery({ queryKey: ['campaigns', campaignId ?? '', 'decisions'], queryFn: () => fetchDecisions(campaignId!), enabled: campaignId !== undefined });
}

/** Every registration of a campaign in one status (all pages, no cap), keyed by campaign: never another campaign's rows. */
export function useAllRegistrations(campaignId: string, status?: RegistrationStatus) {
  return useQuery({
    queryKey: ['campaigns', campaignId, 'registrations', status ?? '', 'all'],
    queryFn: (): Promise<Page<RegistrationListItem>> => allPages((offset, limit) => api.registrations(campaignId, { ...(status ? { status } : {}), offset, limit })),
  });
}
