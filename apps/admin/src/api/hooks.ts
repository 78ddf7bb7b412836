/** TanStack Query hooks over the API client. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, type Denominator, type RegistrationStatus } from './client.ts';

export const keys = {
  me: ['auth', 'me'] as const,
  campaigns: ['campaigns'] as const,
  campaign: (id: string) => ['campaigns', id] as const,
  registrations: (id: string, status: string, offset: number, limit: number) => ['campaigns', id, 'registrations', status, offset, limit] as const,
  registration: (id: string) => ['registrations', id] as const,
  report: (id: string, denominator: string) => ['campaigns', id, 'report', denominator] as const,
  people: (q: string, offset: number) => ['people', q, offset] as const,
  person: (id: string) => ['person', id] as const,
  frameworks: ['frameworks'] as const,
  framework: (plugin: string, id: string) => ['frameworks', plugin, id] as const,
  published: ['frameworks', 'published'] as const,
};

export function useSession() {
  return useQuery({ queryKey: keys.me, queryFn: api.me, staleTime: 60_000, retry: false });
}

export function useFrameworks() {
  return useQuery({ queryKey: keys.frameworks, queryFn: api.frameworks, staleTime: 60_000 });
}

export function useFramework(plugin: string | undefined, id: string | undefined) {
  return useQuery({
    queryKey: keys.framework(plugin ?? '', id ?? ''),
    queryFn: () => api.framework(plugin!, id!),
    enabled: plugin !== undefined && id !== undefined,
    staleTime: 5 * 60_000,
  });
}

/** Publishes a criteria file (the server checks it again); refreshes the list of published versions. */
export function usePublishFramework() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { source: string; file?: string }) => api.publishFramework(v.source, v.file),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.published }),
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { email: string; password: string }) => api.login(v.email, v.password),
    // A TOTP challenge is not a session yet: the second step sets it.
    onSuccess: (s) => {
      if ('user' in s) qc.setQueryData(keys.me, s);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: api.logout,
    onSettled: () => {
      qc.setQueryData(keys.me, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
    },
  });
}

/** Retries network and 5xx failures, never 4xx. */
export function shouldRetry(count: number, e: unknown): boolean {
  if (e instanceof ApiError && e.status >= 400 && e.status < 500) return false;
  return count < 2;
}

export function useCampaigns() {
  return useQuery({ queryKey: keys.campaigns, queryFn: api.campaigns });
}

export function useCampaign(id: string | undefined) {
  return useQuery({ queryKey: keys.campaign(id ?? ''), queryFn: () => api.campaign(id!), enabled: id !== undefined });
}

export function useRegistrations(campaignId: string | undefined, o: { status?: RegistrationStatus | undefined; offset?: number; limit?: number } = {}) {
  return useQuery({
    queryKey: keys.registrations(campaignId ?? '', o.status ?? '', o.offset ?? 0, o.limit ?? 50),
    queryFn: () => api.registrations(campaignId!, o),
    enabled: campaignId !== undefined,
    placeholderData: (prev) => prev,
  });
}

export function useRegistration(id: string | undefined) {
  return useQuery({ queryKey: keys.registration(id ?? ''), queryFn: () => api.registration(id!), enabled: id !== undefined });
}

export function useReport(campaignId: string, denominator: Denominator) {
  return useQuery({ queryKey: keys.report(campaignId, denominator), queryFn: () => api.report(campaignId, denominator), placeholderData: (prev) => prev });
}

export function usePeople(q: string, offset = 0) {
  return useQuery({ queryKey: keys.people(q, offset), queryFn: () => api.people({ q, offset }), placeholderData: (prev) => prev });
}

export function usePerson(id: string | undefined) {
  return useQuery({ queryKey: keys.person(id ?? ''), queryFn: () => api.person(id!), enabled: id !== undefined, staleTime: 5 * 60_000 });
}

/** After any workflow step: everything about campaigns and registrations is refetched. */
export function useInvalidateWork() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: ['campaigns'] }), qc.invalidateQueries({ queryKey: ['registrations'] })]);
}
