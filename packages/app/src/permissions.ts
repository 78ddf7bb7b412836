/** Roles, permissions and the row-level scope of an account: what a role may do, where. */
import type { Scope } from '@hoctap/db';

/**
 * The roles of the platform. Duties are separate by default: the commune officer (cán bộ xã)
 * registers, enters self-assessments and proposes; the committee member (thành viên hội đồng)
 * reviews; the leader (lãnh đạo) decides and publishes. Administrators keep every duty.
 */
export const ROLES = ['platform-admin', 'province-admin', 'commune-officer', 'committee-member', 'leader', 'citizen'] as const;
/** A role of the platform. */
export type Role = (typeof ROLES)[number];
/** Whether a stored role name is one of the platform's (an unknown one grants nothing and is not shown). */
export function isRole(name: string): name is Role {
  return (ROLES as readonly string[]).includes(name);
}

/** What a role may do; object-level checks (which locality) come on top. */
export const PERMISSIONS = {
  'people.read': ['platform-admin', 'province-admin', 'commune-officer', 'committee-member', 'leader'],
  'people.write': ['platform-admin', 'province-admin', 'commune-officer'],
  'campaign.read': ['platform-admin', 'province-admin', 'commune-officer', 'committee-member', 'leader'],
  'campaign.write': ['platform-admin', 'province-admin', 'commune-officer'],
  'registration.write': ['platform-admin', 'province-admin', 'commune-officer'],
  'review.write': ['platform-admin', 'province-admin', 'committee-member'],
  'proposal.write': ['platform-admin', 'province-admin', 'commune-officer'],
  'decision.write': ['platform-admin', 'province-admin', 'leader'],
  /** Publishing recognitions (công bố): the leader who decided them, and administrators. */
  'publish.write': ['platform-admin', 'province-admin', 'leader'],
  /** Publishing a framework from the editor: a province's criteria are its administrators' (not a commune leader's). */
  'framework.publish': ['platform-admin', 'province-admin'],
  'report.read': ['platform-admin', 'province-admin', 'commune-officer', 'committee-member', 'leader'],
  'audit.verify': ['platform-admin'],
  'credential.revoke': ['platform-admin', 'province-admin'],
  'template.read': ['platform-admin', 'province-admin', 'commune-officer', 'committee-member', 'leader'],
  'users.admin': ['platform-admin', 'province-admin'],
} as const satisfies Record<string, readonly Role[]>;
/** A permission a route or use case asks for. */
export type Permission = keyof typeof PERMISSIONS;

/** Roles that act for public bodies: they may enrol TOTP and, with `requireMfa`, must. */
export const STAFF_ROLES: readonly Role[] = ['platform-admin', 'province-admin', 'commune-officer', 'committee-member', 'leader'];

/** Whether an account acts for a public body (any staff role). */
export function isStaff(roles: readonly string[]): boolean {
  return roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r));
}

/** Whether one of the roles grants the permission. */
export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).some((r) => roles.includes(r));
}

/**
 * The row-level scope of a user: platform-admin → national; province-admin → its province;
 * commune-officer → its communes (the 5-digit codes) in its province (the 2-digit code);
 * committee-member and leader → its communes like a commune officer, or, when the account lists
 * only its province, that province: a province-level council reviews and a provincial leader (the
 * steering committee, a department head) decides the campaigns a province runs itself, which no
 * commune scope reaches. Otherwise none (a citizen reaches no staff resource).
 */
export function scopeOf(user: { roles: readonly string[]; localities: readonly string[] }): Scope | null {
  const province = user.localities.find((l) => /^[0-9]{2}$/.test(l));
  const communes = user.localities.filter((l) => /^[0-9]{5}$/.test(l));
  if (user.roles.includes('platform-admin')) return { role: 'national' };
  if (user.roles.includes('province-admin') && province) return { role: 'province', province };
  const communeRole = user.roles.includes('commune-officer');
  const eitherRole = user.roles.includes('committee-member') || user.roles.includes('leader');
  if ((communeRole || eitherRole) && province && communes.length) return { role: 'commune', province, communes };
  if (eitherRole && !communeRole && province) return { role: 'province', province };
  return null;
}
