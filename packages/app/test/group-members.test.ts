/** What a group framework asks of its members, read from its rules (no database): titles, facts, the members' title, the reference date. */
import { createRegistry, definePlugin } from '@hoctap/core';
import type { Campaign } from '@hoctap/db';
import { describe, expect, it } from 'vitest';
import { memberNeedsOf, memberTitlesRead, referenceDate, usesMembers } from '../src/group-members.js';

const source = (id: string, subject: string, measure: string, example: string) => `bộ tiêu chí ${id} "Thử nghiệm ${id}"
  đối tượng: ${subject}
  căn cứ tn: "Kế hoạch thử nghiệm"
  sự kiện biet-chu "Biết chữ"
  tiêu chí 1 "Thành viên" tổng 10 theo tn "mục 1"
    chỉ số 1.1 "Thành viên" tối đa 10
${measure}
  tổng điểm 10
  danh hiệu d1 "Danh hiệu thử nghiệm"
    khi tổng điểm từ 10 trở lên
    theo tn "mục 2"
  ví dụ "đủ"
${example}
    mong đợi tổng 10, đạt d1
`;
const registry = createRegistry([
  definePlugin({
    id: 'tn',
    version: '0.1.0',
    name: 'Thử nghiệm',
    localities: [],
    frameworks: [
      { file: 'a.tieuchi', source: source('ho-cdht', 'gia đình', '      đo tỉ lệ thành viên đạt "Công dân học tập"\n      mức 100% thì 10', '    thành viên 2 đạt "Công dân học tập"') },
      { file: 'b.tieuchi', source: source('ho-gdht', 'dòng họ', '      đo tỉ lệ thành viên đạt "Gia đình học tập"\n      mức 100% thì 10', '    thành viên 2 đạt "Gia đình học tập"') },
      { file: 'c.tieuchi', source: source('dv-su-kien', 'đơn vị', '      đo tỉ lệ thành viên có sự kiện biet-chu\n      mức 100% thì 10', '    thành viên 2 có sự kiện biet-chu') },
      { file: 'd.tieuchi', source: source('ho-diem', 'gia đình', '', '    điểm 1.1 = 10') },
    ],
  }),
]);
const model = (id: string) => registry.get(`tn/${id}`).model;

describe('a group framework’s member rules', () => {
  it('names the title or the fact it asks of members, and whose decisions those are', () => {
    expect(memberNeedsOf(model('ho-cdht'))).toEqual({ titles: ['Công dân học tập'], facts: [] });
    expect(memberTitlesRead(model('ho-cdht'))).toEqual(['learning-citizen']);
    expect(memberTitlesRead(model('ho-gdht'))).toEqual(['learning-family']);
    expect(memberNeedsOf(model('dv-su-kien'))).toEqual({ titles: [], facts: ['biet-chu'] });
    expect(memberTitlesRead(model('dv-su-kien'))).toEqual([]);
    expect(usesMembers(model('dv-su-kien'))).toBe(true);
    // examples about members do not make a framework read members
    expect(usesMembers(model('ho-diem'))).toBe(false);
  });

  it('counts members on a day of the campaign’s year: today while it runs, its first or last day outside it', () => {
    const cp = { year: 2018 } as Campaign;
    expect(referenceDate(cp, new Date('2018-06-01T03:00:00Z'))).toBe('2018-06-01');
    expect(referenceDate(cp, new Date('2019-02-01T03:00:00Z'))).toBe('2018-12-31');
    expect(referenceDate(cp, new Date('2017-11-01T03:00:00Z'))).toBe('2018-01-01');
  });
});
