/** Pure pieces of the decision stage (issue 11): the chosen campaign, paging through a whole list, the default of a choice. */

/** The campaign of `?dot=`, else the first one. */
export function chosenCampaign<C extends { id: string }>(items: readonly C[], id: string | null): C | undefined {
  return items.find((c) => c.id === id) ?? items[0];
}

/** A page of a list as the API answers it. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

/** The largest page the API serves (`Paging.limit`). */
export const PAGE_SIZE = 200;

/**
 * Every item of a paged list, page after page until the total (or an empty page, when rows vanish
 * while paging): no silent cap. The total is the last page's.
 */
export async function allPages<T>(fetchPage: (offset: number, limit: number) => Promise<Page<T>>, size = PAGE_SIZE): Promise<Page<T>> {
  const items: T[] = [];
  let total = 0;
  for (;;) {
    const page = await fetchPage(items.length, size);
    items.push(...page.items);
    total = page.total;
    if (page.items.length === 0 || items.length >= total) return { items, total };
  }
}

/** The committee's stored result of a subject, as the proposal and decision lists show it. */
export interface StoredResult {
  readonly total: number;
  readonly titles: readonly string[];
}

/** Whether a subject passed: the committee's result reached a title. A subject without a result has not. */
export function passed(result: StoredResult | undefined): boolean {
  return !!result && result.titles.length > 0;
}

/**
 * Adds the default of every subject not chosen yet, and returns the same object when there was none
 * to add (a new object each time would re-render without end and starve the router's transitions:
 * the campaign picker's URL changed and the page stayed).
 */
export function withDefaults<V>(current: Readonly<Record<string, V>>, known: ReadonlyMap<string, StoredResult | undefined>, of: (r: StoredResult | undefined) => V): Readonly<Record<string, V>> {
  let next: Record<string, V> | undefined;
  for (const [id, r] of known)
    if (!(id in current)) {
      next ??= { ...current };
      next[id] = of(r);
    }
  return next ?? current;
}

/** An end-of-year action on a registration: the workflow's publish, withdraw, appeal, and the revocation of its certificate. */
export type RecordAction = 'publish' | 'withdraw' | 'appeal' | 'revoke';

/** States a registration may be withdrawn from (the workflow's `withdraw.from`: before the proposal). */
const WITHDRAWABLE: readonly string[] = ['registered', 'self-assessed', 'submitted', 'returned', 'reviewed'];
const PUBLISHERS: readonly string[] = ['platform-admin', 'province-admin', 'leader'];
const REVOKERS: readonly string[] = ['platform-admin', 'province-admin'];
const STAFF: readonly string[] = ['platform-admin', 'province-admin', 'commune-officer'];

/**
 * The actions a registration in `status` offers to an account with `roles` (as the API's
 * permissions allow: publish for leaders and admins, revoke for province and platform admins, withdraw and appeal for
 * staff who register), revoke only while its certificate is valid.
 */
export function actionsFor(status: string, roles: readonly string[], credential: { revokedAt: string | null } | undefined): RecordAction[] {
  const any = (list: readonly string[]) => roles.some((r) => list.includes(r));
  const out: RecordAction[] = [];
  if (status === 'recognised' && any(PUBLISHERS)) out.push('publish');
  if (WITHDRAWABLE.includes(status) && any(STAFF)) out.push('withdraw');
  if (status === 'not-recognised' && any(STAFF)) out.push('appeal');
  if (credential && credential.revokedAt === null && (status === 'recognised' || status === 'published') && any(REVOKERS)) out.push('revoke');
  return out;
}

/** What opening a campaign asks the caller to confirm (the API's 409 `CAMPAIGN_NEEDS_CONFIRM`): the warnings and the frameworks in force. */
export interface CampaignConfirmation {
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
  readonly current: readonly string[];
}

/** The confirmation a failed campaign opening asks for, or undefined when the failure is something else. */
export function campaignConfirmationOf(error: unknown): CampaignConfirmation | undefined {
  const e = error as { status?: number; problem?: { code?: string; warnings?: unknown; current?: unknown } } | null;
  if (!e || e.status !== 409 || e.problem?.code !== 'CAMPAIGN_NEEDS_CONFIRM' || !Array.isArray(e.problem.warnings)) return undefined;
  const warnings = e.problem.warnings.filter((w): w is { code: string; message: string } => !!w && typeof w === 'object' && typeof (w as { message?: unknown }).message === 'string');
  const current = Array.isArray(e.problem.current) ? e.problem.current.filter((x): x is string => typeof x === 'string') : [];
  return { warnings, current };
}

/** What a campaign is called and covers, as the form gives it: a name, and commune codes separated by commas or blanks. */
export interface CampaignPlace {
  readonly name?: string;
  readonly communes?: string;
}

/** The commune codes typed in the form ("07900, 07901" or one a line), without repeats; none: the whole province. */
export function communesOf(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((x) => x !== ''))];
}

/**
 * The body of a campaign opening: a plugin's framework (`plugin/id`) or an editor-published version
 * (`pub:<id>`), with the name (trimmed; the server checks it) and communes when given.
 */
export function campaignBody(
  choice: string,
  year: number,
  confirm: boolean,
  place: CampaignPlace = {},
): ({ framework: string } | { frameworkVersionId: string }) & { year: number; confirm?: true; name?: string; communes?: string[] } {
  const base = choice.startsWith('pub:') ? { frameworkVersionId: choice.slice(4), year } : { framework: choice, year };
  const communes = place.communes !== undefined ? communesOf(place.communes) : [];
  return {
    ...base,
    ...(place.name !== undefined ? { name: place.name.normalize('NFC').trim() } : {}),
    ...(communes.length ? { communes } : {}),
    ...(confirm ? { confirm: true as const } : {}),
  };
}

/** How a campaign's place reads in a list: its communes, else the whole province. */
export function campaignPlace(c: { readonly communes: readonly string[]; readonly province: string }, label: { commune: (code: string) => string; province: (code: string) => string }): string {
  return c.communes.length ? c.communes.map(label.commune).join(', ') : label.province(c.province);
}
