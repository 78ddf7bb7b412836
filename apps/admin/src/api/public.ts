/**
 * The public list (no session) and one published framework version with its source: typed fetchers
 * and query hooks, kept apart from the staff client so the public page loads only what it needs.
 */
import { useQuery } from '@tanstack/react-query';
import { api, call, client, type Answer, type Schemas } from './client.ts';

/** One row of `GET /api/public/recognised`: only what a published decision makes public. */
export type PublicRecognition = Schemas['PublicRecognition'];

/** `GET /api/public/recognised`: a page of rows and the facets to filter by. */
export type PublicList = Answer<'/api/public/recognised', 'get'>;

/** The public list's filter, as the page's URL keeps it. */
export type PublicFilter = {
  readonly province?: string;
  readonly commune?: string;
  readonly year?: string;
  readonly title?: string;
  readonly q?: string;
  readonly offset?: number;
  readonly limit?: number;
};

/** The query string of a filter (empty values left out). */
export function publicQuery(f: PublicFilter): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The public endpoints. */
export const publicApi = {
  recognised: (f: PublicFilter) => {
    const { year, ...rest } = f;
    return call(client.GET('/api/public/recognised', { params: { query: { ...rest, ...(year ? { year: Number(year) } : {}) } } }));
  },
  publishedFramework: (id: string) => call(client.GET('/api/frameworks/published/{id}', { params: { path: { id } } })),
};

/** The public list for a filter, keeping the previous page on screen while the next loads. */
export function usePublicList(f: PublicFilter) {
  return useQuery({ queryKey: ['public', 'recognised', f], queryFn: () => publicApi.recognised(f), placeholderData: (prev) => prev, staleTime: 30_000 });
}

/** Every published framework version the caller may see. */
export function usePublishedFrameworks() {
  return useQuery({ queryKey: ['frameworks', 'published'], queryFn: api.publishedFrameworks });
}

/** One published version with its source. */
export function usePublishedFramework(id: string | undefined) {
  return useQuery({ queryKey: ['frameworks', 'published', id ?? ''], queryFn: () => publicApi.publishedFramework(id!), enabled: !!id, staleTime: 5 * 60_000 });
}
