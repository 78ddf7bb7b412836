import { describe, expect, it } from 'vitest';
import { groupPath, groupsPath, isoFromVi, kindOfSlug, todayVi } from './api.ts';

describe('groups: paths and dates', () => {
  it('maps the Vietnamese slugs to kinds and back', () => {
    expect(kindOfSlug(undefined)).toBe('household');
    expect(kindOfSlug('ho-gia-dinh')).toBe('household');
    expect(kindOfSlug('dong-ho')).toBe('clan');
    expect(kindOfSlug('cong-dong')).toBe('community');
    expect(kindOfSlug('don-vi')).toBe('unit');
    expect(kindOfSlug('households')).toBeUndefined();
    expect(groupsPath('unit')).toBe('/nhom/don-vi');
    expect(groupPath('clan', 'a b')).toBe('/nhom/dong-ho/a%20b');
  });

  it('reads dd/mm/yyyy dates, refusing impossible ones', () => {
    expect(isoFromVi('15/03/2005')).toBe('2005-03-15');
    expect(isoFromVi(' 1/1/2019 ')).toBe('2019-01-01');
    expect(isoFromVi('29/02/2024')).toBe('2024-02-29');
    expect(isoFromVi('29/02/2023')).toBeUndefined();
    expect(isoFromVi('2019-01-01')).toBeUndefined();
    expect(isoFromVi('')).toBeUndefined();
    expect(isoFromVi(todayVi())).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
