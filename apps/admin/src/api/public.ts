/**
 * The public list (no session) and one published framework version with its source: typed fetchers
 * and query hooks, kept apart from the staff client so the public page loads only what it needs.
 */
import { useQuery } from '@tanstack/react-query';
import { request, type PublishedFramework } from './client.ts';

/** One row of `GET /api/public/recognised`: only what a published decision makes public. */
export interface PublicRecognition {
  readonly name: string;
  readonly subjectKind: string;
  readonly province: { readonly code: string; readonly name: string | null };
  readonly commune: { readonly code: string; readonly name: string } | null;
  readonly village: string | null;
  readonly title: string;
  readonly year: number;
  readonly decision: { readonly number: string; readonly date: string; readonly signer: string };
}

export interface PublicList {
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly items: readonly PublicRecognition[];
  readonly facets: {
    readonly years: readonly number[];
    readonly titles: readonly string[];
    readonly provinces: readonly { readonly code: string; readonly name: string | null }[];
    readonly communes: readonly { readonly code: string; readonly name: string | null; readonly province: string }[];
  };
}

export interface PublicFilter {
  readonly province?: string;
  readonly commune?: string;
  readonly year?: string;
  readonly title?: string;
  readonly q?: string;
  readonly offset?: number;
  readonly limit?: number;
}

/** The query string of a filter (empty values left out). */
export function publicQuery(f: PublicFilter): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const publicApi = {
  recognised: (f: PublicFilter) => request<PublicList>('GET', `/public/recognised${publicQuery(f)}`),
  publishedFramework: (id: string) => request<PublishedFramework & { readonly source: string }>('GET', `/frameworks/published/${encodeURIComponent(id)}`),
};

export function usePublicList(f: PublicFilter) {
  return useQuery({ queryKey: ['public', 'recognised', f], queryFn: () => publicApi.recognised(f), placeholderData: (prev) => prev, staleTime: 30_000 });
}

export function usePublishedFrameworks() {
  return useQuery({ queryKey: ['frameworks', 'published'], queryFn: () => request<PublishedFramework[]>('GET', '/frameworks/published') });
}

export function usePublishedFramework(id: string | undefined) {
  return useQuery({ queryKey: ['frameworks', 'published', id ?? ''], queryFn: () => publicApi.publishedFramework(id!), enabled: !!id, staleTime: 5 * 60_000 });
}
