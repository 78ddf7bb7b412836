/** Roles and scopes as data: duties separate by default, the leader's scope at its communes or its province. */
import { describe, expect, it } from 'vitest';
import { hasPermission, isStaff, PERMISSIONS, ROLES, scopeOf, type Permission } from '../src/permissions.js';

describe('roles and permissions', () => {
  const may = (role: string) => (Object.keys(PERMISSIONS) as Permission[]).filter((p) => hasPermission([role], p));

  it('separates duties: the commune officer registers and proposes, the committee reviews, the leader decides and publishes', () => {
    expect(ROLES).toContain('leader');
    expect(may('commune-officer')).toEqual(expect.arrayContaining(['registration.write', 'proposal.write']));
    expect(may('commune-officer')).not.toContain('decision.write');
    expect(may('commune-officer')).not.toContain('review.write');
    expect(may('committee-member')).toContain('review.write');
    expect(may('committee-member')).not.toContain('decision.write');
    expect(may('leader').sort()).toEqual(['campaign.read', 'decision.write', 'people.read', 'publish.write', 'report.read', 'template.read']);
    // A leader publishes recognitions, not frameworks from the editor; administrators keep every duty.
    expect(hasPermission(['leader'], 'framework.publish')).toBe(false);
    for (const p of ['registration.write', 'review.write', 'proposal.write', 'decision.write', 'publish.write', 'framework.publish'] as const) expect(hasPermission(['province-admin'], p)).toBe(true);
    expect(isStaff(['leader'])).toBe(true);
  });

  it('a committee member or leader works in its communes, or at its province when it lists none; a commune officer only in communes', () => {
    expect(scopeOf({ roles: ['leader'], localities: ['15', '04276'] })).toEqual({ role: 'commune', province: '15', communes: ['04276'] });
    expect(scopeOf({ roles: ['leader'], localities: ['25'] })).toEqual({ role: 'province', province: '25' });
    expect(scopeOf({ roles: ['committee-member'], localities: ['80'] })).toEqual({ role: 'province', province: '80' });
    expect(scopeOf({ roles: ['commune-officer'], localities: ['25'] })).toBeNull();
    // An officer who is also on the committee, without communes, gets no province-wide scope from it.
    expect(scopeOf({ roles: ['commune-officer', 'committee-member'], localities: ['25'] })).toBeNull();
    expect(scopeOf({ roles: ['leader'], localities: [] })).toBeNull();
  });
});
