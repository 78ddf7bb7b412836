import { describe, expect, it } from 'vitest';
import { actionsFor, allPages, campaignBody, campaignConfirmationOf, campaignPlace, chosenCampaign, communesOf, passed, withDefaults } from './decision-stage.ts';

describe('decision stage — pure pieces', () => {
  it('the chosen campaign is the one of ?dot=, else the first', () => {
    const items = [{ id: 'a' }, { id: 'b' }];
    expect(chosenCampaign(items, 'b')).toBe(items[1]);
    expect(chosenCampaign(items, 'x')).toBe(items[0]);
    expect(chosenCampaign(items, null)).toBe(items[0]);
    expect(chosenCampaign([], 'a')).toBeUndefined();
  });

  it('pages through a list of any length: 450 rows in pages of 200, no cap', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => i);
    const asked: number[] = [];
    const all = await allPages(async (offset, limit) => {
      asked.push(offset);
      return { items: rows.slice(offset, offset + limit), total: rows.length };
    });
    expect(all.items).toEqual(rows);
    expect(all.total).toBe(450);
    expect(asked).toEqual([0, 200, 400]);
  });

  it('stops on an empty page when rows vanish while paging', async () => {
    const all = await allPages(async (offset) => ({ items: offset === 0 ? [1, 2] : [], total: 5 }), 2);
    expect(all).toEqual({ items: [1, 2], total: 5 });
  });

  it('a subject passed when the committee result reached a title; none without a result', () => {
    expect(passed({ total: 75, titles: ['Công dân học tập'] })).toBe(true);
    expect(passed({ total: 74, titles: [] })).toBe(false);
    expect(passed(undefined)).toBe(false);
  });

  it('defaults: failures are not ticked; a choice made stays; nothing new → the same object', () => {
    const known = new Map([
      ['p', { total: 75, titles: ['CDHT'] }],
      ['f', { total: 74, titles: [] }],
    ]);
    const first = withDefaults({}, known, passed);
    expect(first).toEqual({ p: true, f: false });
    expect(withDefaults(first, known, passed)).toBe(first);
    const changed = { ...first, f: true };
    expect(withDefaults(changed, known, passed)).toBe(changed);
    expect(withDefaults({ p: false }, known, passed)).toEqual({ p: false, f: false });
  });

  it('the end-of-year actions each state offers, by role: publish and revoke for province admins, withdraw and appeal for staff', () => {
    const valid = { revokedAt: null };
    expect(actionsFor('recognised', ['province-admin'], valid)).toEqual(['publish', 'revoke']);
    expect(actionsFor('recognised', ['commune-officer'], valid)).toEqual([]);
    expect(actionsFor('published', ['province-admin'], valid)).toEqual(['revoke']);
    expect(actionsFor('published', ['province-admin'], { revokedAt: '2018-12-03T00:00:00Z' })).toEqual([]);
    expect(actionsFor('published', ['province-admin'], undefined)).toEqual([]);
    expect(actionsFor('not-recognised', ['commune-officer'], undefined)).toEqual(['appeal']);
    expect(actionsFor('submitted', ['commune-officer'], undefined)).toEqual(['withdraw']);
    expect(actionsFor('proposed', ['province-admin'], undefined)).toEqual([]);
    expect(actionsFor('submitted', ['committee-member'], undefined)).toEqual([]);
    // The leader publishes what it decided, and neither revokes nor withdraws.
    expect(actionsFor('recognised', ['leader'], valid)).toEqual(['publish']);
    expect(actionsFor('published', ['leader'], valid)).toEqual([]);
    expect(actionsFor('submitted', ['leader'], undefined)).toEqual([]);
  });

  it('opening a campaign: the confirmation of a 409 CAMPAIGN_NEEDS_CONFIRM, nothing for other failures; the body of a plugin or published choice', () => {
    const problem = { code: 'CAMPAIGN_NEEDS_CONFIRM', warnings: [{ code: 'DUPLICATE_CAMPAIGN', message: 'Đã có 1 đợt' }, null], current: ['phu-tho/cdht-phu-tho-2018', 3] };
    expect(campaignConfirmationOf({ status: 409, problem })).toEqual({ warnings: [{ code: 'DUPLICATE_CAMPAIGN', message: 'Đã có 1 đợt' }], current: ['phu-tho/cdht-phu-tho-2018'] });
    expect(campaignConfirmationOf({ status: 409, problem: { code: 'SAME_PERSON' } })).toBeUndefined();
    expect(campaignConfirmationOf({ status: 422, problem })).toBeUndefined();
    expect(campaignConfirmationOf(new Error('x'))).toBeUndefined();
    expect(campaignBody('phu-tho/cdht-phu-tho-2018', 2018, false)).toEqual({ framework: 'phu-tho/cdht-phu-tho-2018', year: 2018 });
    expect(campaignBody('pub:abc', 2026, true)).toEqual({ frameworkVersionId: 'abc', year: 2026, confirm: true });
    expect(campaignBody('p/x', 2026, false, { name: '  Đợt 2026 '.normalize('NFD'), communes: '07900, 07901 07900;' })).toEqual({ framework: 'p/x', year: 2026, name: 'Đợt 2026', communes: ['07900', '07901'] });
    expect(campaignBody('p/x', 2026, false, { name: 'Toàn tỉnh', communes: ' ' })).toEqual({ framework: 'p/x', year: 2026, name: 'Toàn tỉnh' });
    expect(communesOf('')).toEqual([]);
    const label = { commune: (c: string) => `xã ${c}`, province: (c: string) => `tỉnh ${c}` };
    expect(campaignPlace({ communes: ['07900', '07901'], province: '25' }, label)).toBe('xã 07900, xã 07901');
    expect(campaignPlace({ communes: [], province: '25' }, label)).toBe('tỉnh 25');
  });
});
