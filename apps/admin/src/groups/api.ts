/** Households, clans, communities and units over the API: types, calls and TanStack Query hooks. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, type Page } from '../api/client.ts';
import { useSession } from '../api/hooks.ts';

export type GroupKind = 'household' | 'clan' | 'community' | 'unit';
export const GROUP_KINDS: readonly GroupKind[] = ['household', 'clan', 'community', 'unit'];

/** The API path and the portal's Vietnamese slug of each kind. */
export const KIND_INFO: Record<GroupKind, { readonly api: string; readonly slug: string; readonly types?: readonly string[] }> = {
  household: { api: 'households', slug: 'ho-gia-dinh' },
  clan: { api: 'clans', slug: 'dong-ho' },
  community: { api: 'communities', slug: 'cong-dong', types: ['village', 'residential-group', 'commune'] },
  unit: { api: 'units', slug: 'don-vi', types: ['agency', 'school', 'enterprise', 'other'] },
};

export const GROUPS_PATH = '/nhom';
export const groupsPath = (kind: GroupKind) => `${GROUPS_PATH}/${KIND_INFO[kind].slug}`;
export const groupPath = (kind: GroupKind, id: string) => `${groupsPath(kind)}/${encodeURIComponent(id)}`;
/** The kind of a slug (no slug: households), or undefined for an unknown one. */
export function kindOfSlug(slug: string | undefined): GroupKind | undefined {
  if (slug === undefined) return 'household';
  return GROUP_KINDS.find((k) => KIND_INFO[k].slug === slug);
}

export interface Group {
  readonly id: string;
  readonly kind: GroupKind;
  readonly province: string;
  readonly commune: string | null;
  readonly name: string;
  readonly village: string | null;
  readonly type: string | null;
  readonly createdAt: string;
}

export interface Membership {
  readonly id: string;
  readonly personId: string;
  /** null when the person is outside the caller's localities. */
  readonly fullName: string | null;
  readonly birthDate: string | null;
  readonly role: string;
  readonly validFrom: string;
  readonly validTo: string | null;
}

export interface GroupDetail extends Group {
  readonly date: string;
  readonly members: readonly Membership[];
  readonly history: readonly Membership[];
}

export interface GroupInput {
  readonly name: string;
  readonly province?: string;
  readonly commune?: string | null;
  readonly village?: string | null;
  readonly type?: string;
}

const enc = encodeURIComponent;
const qs = (o: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export const groupsApi = {
  list: (kind: GroupKind, o: { q?: string; limit?: number; offset?: number }) =>
    request<Page<Group & { memberCount: number }> & { limit: number; offset: number }>('GET', `/${KIND_INFO[kind].api}${qs({ q: o.q, limit: o.limit ?? 20, offset: o.offset ?? 0 })}`),
  get: (kind: GroupKind, id: string, date?: string) => request<GroupDetail>('GET', `/${KIND_INFO[kind].api}/${enc(id)}${qs({ date })}`),
  update: (kind: GroupKind, id: string, body: { name?: string; village?: string | null; type?: string }) => request<Group>('PATCH', `/${KIND_INFO[kind].api}/${enc(id)}`, body),
  remove: (kind: GroupKind, id: string) => request<void>('DELETE', `/${KIND_INFO[kind].api}/${enc(id)}`),
  create: (kind: GroupKind, body: GroupInput) => request<Group>('POST', `/${KIND_INFO[kind].api}`, body),
  addMember: (kind: GroupKind, id: string, body: { personId: string; role?: 'head' | 'member'; validFrom?: string }) =>
    request<Membership>('POST', `/${KIND_INFO[kind].api}/${enc(id)}/members`, body),
  endMember: (kind: GroupKind, id: string, membershipId: string, date: string) =>
    request<Membership>('POST', `/${KIND_INFO[kind].api}/${enc(id)}/members/${enc(membershipId)}/end`, { date }),
};

export function useGroups(kind: GroupKind, q: string, offset = 0) {
  return useQuery({ queryKey: ['groups', kind, 'list', q, offset], queryFn: () => groupsApi.list(kind, { q, offset }), placeholderData: (prev) => prev });
}

/** A group with its members as of `date` (ISO; the server's today when absent). */
export function useGroup(kind: GroupKind, id: string | undefined, date?: string) {
  return useQuery({
    queryKey: ['groups', kind, id ?? '', date ?? ''],
    queryFn: () => groupsApi.get(kind, id!, date),
    enabled: id !== undefined,
    // Keep showing the group while another date loads, never another group.
    placeholderData: (prev, prevQuery) => (prevQuery?.queryKey[2] === id ? prev : undefined),
  });
}

/** After a change: every list and detail of groups is refetched. */
export function useInvalidateGroups() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['groups'] });
}

export function useCreateGroup(kind: GroupKind) {
  const invalidate = useInvalidateGroups();
  return useMutation({ mutationFn: (body: GroupInput) => groupsApi.create(kind, body), onSuccess: () => void invalidate() });
}

/** dd/mm/yyyy → yyyy-mm-dd, or undefined when it is not a real date. */
export function isoFromVi(s: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim());
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : undefined;
}

/** Today as dd/mm/yyyy in the browser's time zone. */
export function todayVi(): string {
  const d = new Date();
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

/** Roles that may write people and groups (the API checks again). */
const WRITERS = ['platform-admin', 'province-admin', 'commune-officer'];

/** Whether the signed-in user may add, change and end (committee members only read). */
export function useCanWrite(): boolean {
  const roles = useSession().data?.user.roles ?? [];
  return roles.some((r) => WRITERS.includes(r));
}
