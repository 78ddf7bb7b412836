import { describe, expect, it } from 'vitest';
import { matchesQuery, queryWords, searchItems } from './search.ts';

const rows = [
  { title: 'Công dân học tập — Đảng bộ Khối các cơ quan tỉnh Phú Thọ (thí điểm 2018)', id: 'cdht-phu-tho-2018' },
  { title: 'Gia đình học tập', id: 'gdht-2015' },
  { title: 'Đơn vị học tập', id: 'dvht-tt22-2020' },
];
const fields = (r: (typeof rows)[number]) => [r.title, r.id];

describe('search folding', () => {
  it('finds "Công dân học tập" typed without diacritics', () => {
    expect(searchItems(rows, 'cong dan hoc tap', fields).map((r) => r.id)).toEqual(['cdht-phu-tho-2018']);
  });
  it('folds đ to d and ignores case and word order', () => {
    expect(searchItems(rows, 'DON VI', fields).map((r) => r.id)).toEqual(['dvht-tt22-2020']);
    expect(searchItems(rows, 'tho phu', fields).map((r) => r.id)).toEqual(['cdht-phu-tho-2018']);
    expect(searchItems(rows, 'đảng bộ', fields)).toHaveLength(1);
  });
  it('matches decomposed (NFD) input like composed text', () => {
    expect(matchesQuery('Công dân'.normalize('NFD'), ['Công dân học tập'])).toBe(true);
  });
  it('matches ids and lets an empty query through', () => {
    expect(searchItems(rows, 'gdht', fields)).toHaveLength(1);
    expect(searchItems(rows, '   ', fields)).toHaveLength(3);
    expect(queryWords('  Học   Tập ')).toEqual(['hoc', 'tap']);
  });
  it('finds nothing for a word that is not there', () => {
    expect(searchItems(rows, 'dong ho', fields)).toEqual([]);
  });
});
