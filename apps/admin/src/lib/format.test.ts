import { describe, expect, it } from 'vitest';
import { formatDate, formatPeriod, formatPoints } from './format.ts';

describe('formatDate', () => {
  it('writes ISO dates as dd/mm/yyyy without a time-zone shift', () => {
    expect(formatDate('2018-05-01')).toBe('01/05/2018');
    expect(formatDate('2018-12-31')).toBe('31/12/2018');
  });
  it('writes Date objects and timestamps in local time', () => {
    expect(formatDate(new Date(2025, 6, 1))).toBe('01/07/2025');
    expect(formatDate('2025-07-01T10:00:00')).toBe('01/07/2025');
  });
  it('returns empty text for nothing and leaves other text alone', () => {
    expect(formatDate(undefined)).toBe('');
    expect(formatDate(null)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate(new Date('x'))).toBe('');
    expect(formatDate('quý I')).toBe('quý I');
  });
});

describe('formatPeriod and formatPoints', () => {
  it('writes periods, open or closed', () => {
    expect(formatPeriod({ from: '2018-05-01', to: '2018-12-31' })).toBe('01/05/2018 – 31/12/2018');
    expect(formatPeriod({ from: '2022-06-20' })).toBe('từ 20/06/2022');
    expect(formatPeriod({ from: '2022-06-20' }, 'en')).toBe('from 20/06/2022');
    expect(formatPeriod(undefined)).toBe('');
  });
  it('uses a decimal comma in Vietnamese', () => {
    expect(formatPoints(7.5)).toBe('7,5');
    expect(formatPoints(7.5, 'en')).toBe('7.5');
    expect(formatPoints(100)).toBe('100');
  });
});
