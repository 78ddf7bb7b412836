import { describe, expect, it } from 'vitest';
import { tokenizeLine, type TokenKind } from './tokenize.ts';

const kinds = (line: string): [TokenKind, string][] => tokenizeLine(line).map((t) => [t.kind, line.slice(t.from, t.to)]);

describe('tokenizeLine', () => {
  it('finds keywords, numbers and strings', () => {
    expect(kinds('    chỉ số 1.1 "Tham gia đầy đủ" tối đa 6')).toEqual([
      ['keyword', 'chỉ số'],
      ['number', '1.1'],
      ['string', '"Tham gia đầy đủ"'],
      ['keyword', 'tối đa'],
      ['number', '6'],
    ]);
  });
  it('reads keywords written without diacritics, in any case, and English aliases', () => {
    expect(kinds('tieu chi 1 "A" tong 17')).toEqual([
      ['keyword', 'tieu chi'],
      ['number', '1'],
      ['string', '"A"'],
      ['keyword', 'tong'],
      ['number', '17'],
    ]);
    expect(kinds('Bộ Tiêu Chí x')[0]).toEqual(['keyword', 'Bộ Tiêu Chí']);
    expect(kinds('criterion 2')[0]).toEqual(['keyword', 'criterion']);
  });
  it('prefers the longest keyword: "tổng điểm" over "tổng", "không đạt" over "không"', () => {
    expect(kinds('khi tổng điểm từ 75 trở lên')).toEqual([
      ['operatorKeyword', 'khi'],
      ['keyword', 'tổng điểm'],
      ['operatorKeyword', 'từ'],
      ['number', '75'],
      ['operatorKeyword', 'trở lên'],
    ]);
    expect(kinds('mong đợi tổng 74, không đạt cdht')).toEqual([
      ['keyword', 'mong đợi'],
      ['keyword', 'tổng'],
      ['number', '74'],
      ['punctuation', ','],
      ['operatorKeyword', 'không đạt'],
      ['name', 'cdht'],
    ]);
  });
  it('does not see keywords inside names', () => {
    expect(kinds('căn cứ kh-khoi: "x"')).toEqual([
      ['keyword', 'căn cứ'],
      ['name', 'kh-khoi'],
      ['punctuation', ':'],
      ['string', '"x"'],
    ]);
    expect(kinds('tongdiem')).toEqual([['name', 'tongdiem']]);
  });
  it('reads dates, percentages, operators, atoms and comments', () => {
    expect(kinds('hiệu lực: 01/05/2018 - 31/12/2018 # ghi chú')).toEqual([
      ['keyword', 'hiệu lực'],
      ['punctuation', ':'],
      ['date', '01/05/2018'],
      ['punctuation', '-'],
      ['date', '31/12/2018'],
      ['comment', '# ghi chú'],
    ]);
    expect(kinds('đối tượng: công dân')).toEqual([
      ['keyword', 'đối tượng'],
      ['punctuation', ':'],
      ['atom', 'công dân'],
    ]);
    expect(kinds('mức >= 80% thì 10')).toEqual([
      ['keyword', 'mức'],
      ['operator', '>='],
      ['number', '80%'],
      ['operatorKeyword', 'thì'],
      ['number', '10'],
    ]);
  });
  it('never fails: an unterminated string runs to the end of the line', () => {
    expect(kinds('tiêu chí 1 "chưa đóng')).toEqual([
      ['keyword', 'tiêu chí'],
      ['number', '1'],
      ['string', '"chưa đóng'],
    ]);
    expect(tokenizeLine('')).toEqual([]);
    expect(kinds('@ ~')).toEqual([
      ['punctuation', '@'],
      ['punctuation', '~'],
    ]);
  });
});
