/** Households, clans, communities and units over the API: types, calls and TanStack Query hooks. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, type Schemas } from '../api/client.ts';
import { useSession } from '../api/hooks.ts';

/** The four kinds of group subject. */
export type GroupKind = 'household' | 'clan' | 'community' | 'unit';
/** Every kind, in the menu's order. */
export const GROUP_KINDS: readonly GroupKind[] = ['household', 'clan', 'community', 'unit'];

/** A community's or a unit's type, as the API's create schemas list them. */
export type GroupType = NonNullable<Schemas['CommunityCreate']['type'] | Schemas['UnitCreate']['type']>;

/** The API path and the portal's Vietnamese slug of each kind. */
export const KIND_INFO: Record<GroupKind, { readonly api: string; readonly slug: string; readonly types?: readonly GroupType[] }> = {
  household: { api: 'households', slug: 'ho-gia-dinh' },
  clan: { api: 'clans', slug: 'dong-ho' },
  community: { api: 'communities', slug: 'cong-dong', types: ['village', 'residential-group', 'commune'] satisfies Schemas['CommunityCreate']['type'][] },
  unit: { api: 'units', slug: 'don-vi', types: ['agency', 'school', 'enterprise', 'other'] satisfies Schemas['UnitCreate']['type'][] },
};

/** The portal's path of the groups pages. */
export const GROUPS_PATH = '/nhom';
/** The portal's path of a kind's list. */
export const groupsPath = (kind: GroupKind) => `${GROUPS_PATH}/${KIND_INFO[kind].slug}`;
/** The portal's path of one group. */
export const groupPath = (kind: GroupKind, id: string) => `${groupsPath(kind)}/${encodeURIComponent(id)}`;
/** The kind of a slug (no slug: households), or undefined for an unknown one. */
export function kindOfSlug(slug: string | undefined): GroupKind | undefined {
  if (slug === undefined) return 'household';
  return GROUP_KINDS.find((k) => KIND_INFO[k].slug === slug);
}

/** A household, clan, community or unit. */
export type Group = Schemas['Household'] | Schemas['Clan'] | Schemas['Community'] | Schemas['Unit'];
/** A row of a kind's list: the group and its member count on the day. */
export type GroupListItem = Schemas['HouseholdListItem'] | Schemas['ClanListItem'] | Schemas['CommunityListItem'] | Schemas['UnitListItem'];
/** A group with its members on a day and its other memberships. */
export type GroupDetail = Schemas['HouseholdDetail'] | Schemas['ClanDetail'] | Schemas['CommunityDetail'] | Schemas['UnitDetail'];
/** One person's membership of a group. */
export type Membership = Schemas['Membership'];

type CreateBody = Schemas['HouseholdCreate'] | Schemas['ClanCreate'] | Schemas['CommunityCreate'] | Schemas['UnitCreate'];
type UpdateBody = Schemas['HouseholdUpdate'] | Schemas['ClanUpdate'] | Schemas['CommunityUpdate'] | Schemas['UnitUpdate'];
type KeysOf<U> = U extends unknown ? keyof U : never;
type FieldOf<U, K extends PropertyKey> = U extends { [P in K]?: infer V } ? V : never;
/** Every field any kind's body has, each optional: the form sends the fields of its kind (the API refuses others). */
type AnyOf<U> = { [K in KeysOf<U>]?: FieldOf<U, K> };

/** A new group: the fields of the kinds' create bodies (`name` always). */
export type GroupInput = AnyOf<CreateBody> & { readonly name: string };
/** A change to a group: the fields of the kinds' update bodies. */
export type GroupChange = AnyOf<UpdateBody>;

const LIST = { household: '/api/households', clan: '/api/clans', community: '/api/communities', unit: '/api/units' } as const;
const ONE = { household: '/api/households/{id}', clan: '/api/clans/{id}', community: '/api/communities/{id}', unit: '/api/units/{id}' } as const;
const MEMBERS = { household: '/api/households/{id}/members', clan: '/api/clans/{id}/members', community: '/api/communities/{id}/members', unit: '/api/units/{id}/members' } as const;
const END = {
  household: '/api/households/{id}/members/{membershipId}/end',
  clan: '/api/clans/{id}/members/{membershipId}/end',
  community: '/api/communities/{id}/members/{membershipId}/end',
  unit: '/api/units/{id}/members/{membershipId}/end',
} as const;

/** The group endpoints of each kind (the four kinds share one shape of path and answer). */
export const groupsApi = {
  list: (kind: GroupKind, o: { q?: string; limit?: number; offset?: number }) =>
    call(client.GET(LIST[kind], { params: { query: { q: o.q, limit: o.limit ?? 20, offset: o.offset ?? 0 } } })),
  get: (kind: GroupKind, id: string, date?: string) => call(client.GET(ONE[kind], { params: { path: { id }, query: { date } } })),
  update: (kind: GroupKind, id: string, body: GroupChange) => call(client.PATCH(ONE[kind], { params: { path: { id } }, body })),
  remove: (kind: GroupKind, id: string) => call(client.DELETE(ONE[kind], { params: { path: { id } } })),
  create: (kind: GroupKind, body: GroupInput) => call(client.POST(LIST[kind], { body })),
  addMember: (kind: GroupKind, id: string, body: Schemas['MembershipCreate']) => call(client.POST(MEMBERS[kind], { params: { path: { id } }, body })),
  endMember: (kind: GroupKind, id: string, membershipId: string, date: string) =>
    call(client.POST(END[kind], { params: { path: { id, membershipId } }, body: { date } })),
};

/** A page of a kind's groups matching `q`. */
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

/** Creates a group of a kind; refreshes the groups afterwards. */
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
