import { describe, expect, it } from 'vitest';
import { communeOk, registerQuery, registersDownload, registerYears, yearsText } from './registers.ts';

describe('the registers page’s pieces', () => {
  const choice = { title: 'learning-family' as const, year: 2020, span: 3 as const, commune: '' };
  it('asks for one page of one register, the commune only when it is a code', () => {
    expect(registerQuery(choice, 1, 50)).toEqual({ title: 'learning-family', year: 2020, span: 3, limit: 50, offset: 0 });
    expect(registerQuery({ ...choice, commune: '04501' }, 3, 50)).toEqual({ title: 'learning-family', year: 2020, span: 3, commune: '04501', limit: 50, offset: 100 });
    expect(registerQuery({ ...choice, commune: '45' }, 1, 50)).not.toHaveProperty('commune');
    expect([communeOk(''), communeOk('04501'), communeOk('4501'), communeOk('0450a')]).toEqual([true, true, false, false]);
  });
  it('downloads the three registers of the title and year', () => {
    expect(registersDownload({ ...choice, commune: '04501' }, 'xlsx')).toBe('/api/registers.xlsx?title=learning-family&year=2020&commune=04501');
    expect(registersDownload(choice, 'pdf')).toBe('/api/registers.pdf?title=learning-family&year=2020');
  });
  it('writes runs of years as ranges', () => {
    expect(yearsText([2020, 2016, 2018, 2019])).toBe('2016, 2018–2020');
    expect(yearsText([2016, 2017])).toBe('2016, 2017');
    expect(yearsText([2016, 2017, 2018, 2019, 2020])).toBe('2016–2020');
    expect(yearsText([])).toBe('');
  });
  it('offers this year back to 2010', () => {
    const ys = registerYears(new Date('2026-03-01T00:00:00Z'));
    expect([ys[0], ys.at(-1), ys.length]).toEqual([2026, 2010, 17]);
  });
});
