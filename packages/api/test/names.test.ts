/**
 * Names that look right and are not: zero-width and bidi characters, odd spaces and look-alike
 * letters are refused with the position, at the person and group forms and in a people sheet
 * (the bad row reported, the good rows registered), over both dialects.
 */
import { describe, expect, it } from 'vitest';
import { dialects } from './harness.js';
import { A, A1, suiteWorld } from './world.js';

const FW = 'phu-tho/cdht-phu-tho-2018';

describe.each(dialects)('names on %s', (dialect) => {
  const w = suiteWorld(dialect);

  const person = (fullName: string) => w.call('offA1', 'POST', '/api/people', { province: A, commune: A1, fullName, birthDate: '1980-01-02' });

  it('a person named with a zero-width space, a bidi override, a no-break space or a Cyrillic look-alike is refused with where and why', async () => {
    for (const [name, needle] of [
      ['Nguy\u200bễn Văn An', 'U+200B'],
      ['Nguyễn Văn \u202eAn', 'U+202E'],
      ['Nguyễn\u00a0Văn An', 'U+00A0'],
      ['Nguyễn V\u0430n An', 'U+0430'], // Cyrillic а
    ] as const) {
      const r = await person(name);
      expect(r.status, r.text).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(r.text).toContain(needle);
      expect(r.text).toMatch(/vị trí \d+/);
    }
    const ok = await person('Nguyễn Văn An');
    expect(ok.status, ok.text).toBe(201);
    // NFD input is stored NFC, and is not a problem.
    const nfd = await person('Lê Thị Hồng'.normalize('NFD'));
    expect(nfd.status, nfd.text).toBe(201);
    expect(nfd.json.fullName).toBe('Lê Thị Hồng'.normalize('NFC'));
  });

  it('a group name with an invisible character is refused; digits and punctuation of real names pass', async () => {
    const bad = await w.call('offA1', 'POST', '/api/communities', { province: A, commune: A1, name: 'Thôn\u200d Đoài', type: 'village' });
    expect(bad.status, bad.text).toBe(400);
    expect(bad.text).toContain('U+200D');
    const good = await w.call('offA1', 'POST', '/api/communities', { province: A, commune: A1, name: 'Tổ dân phố số 5, phường Tiên Cát', type: 'residential-group' });
    expect(good.status, good.text).toBe(201);
  });

  it('a people sheet: the row with a hidden character is reported with its row and column, the others are registered', async () => {
    const cp = await w.call('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2018, commune: A1 });
    expect(cp.status, cp.text).toBe(201);
    const csv = ['ho_ten,ngay_sinh,thon', 'Trần Văn Bình,1970-03-04,Thôn Đoài', 'Phạm Thị\u200b Cúc,1972-05-06,Thôn Đoài', 'Lê Văn Dũng,1975-07-08,Thôn\u202e Đông'].join('\n');
    const r = await w.call('offA1', 'POST', `/api/campaigns/${cp.json.id}/registrations/bulk`, csv, { 'content-type': 'text/csv' });
    expect(r.status, r.text).toBe(200);
    expect(r.json.created).toBe(1);
    const errors = r.json.errors as { row: number; column?: string; message: string }[];
    expect(errors.map((e) => e.row).sort()).toEqual([3, 4]);
    expect(errors.find((e) => e.row === 3)!.message).toContain('họ tên có ký tự ẩn');
    expect(errors.find((e) => e.row === 3)!.column).toBe('A');
    expect(errors.find((e) => e.row === 4)!.message).toContain('tên thôn');
  });
});
