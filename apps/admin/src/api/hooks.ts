/** TanStack Query hooks over the API client. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from './client.ts';

export const keys = {
  me: ['auth', 'me'] as const,
  frameworks: ['frameworks'] as const,
  framework: (plugin: string, id: string) => ['frameworks', plugin, id] as const,
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

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { email: string; password: string }) => api.login(v.email, v.password),
    onSuccess: (s) => qc.setQueryData(keys.me, s),
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
