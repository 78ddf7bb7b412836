import { compileText } from '@hoctap/core';
import { describe, expect, it } from 'vitest';
import { conditionWords, titleRulesWords } from '../src/rules.js';
import { reg } from './helpers.js';

const model = (id: string) => reg().frameworks.find((f) => f.model.id === id)!.model;

describe('titleRulesWords', () => {
  it('writes each title, grade level and the floor as a sentence, with its source', () => {
    expect(titleRulesWords(model('cdht-tan-thanh-2022'))).toEqual([
      expect.stringMatching(/^Danh hiệu “Công dân học tập”: tổng điểm từ 80 điểm trở lên; và không có chỉ số nào dưới 5 điểm \(theo mục II\.3, Kế hoạch .*\)\.$/),
      expect.stringMatching(/^Danh hiệu “Công dân học tập tiêu biểu”: đạt danh hiệu “Công dân học tập” 5 năm liên tục \(theo mục II\.3, /),
      'Điểm sàn: mỗi chỉ số không dưới 5 điểm.',
    ]);
    const tt22 = titleRulesWords(model('dvht-tt22-2020'));
    expect(tt22.slice(1)).toEqual([
      'Xếp loại “Tốt”: tổng điểm từ 85 điểm trở lên.',
      'Xếp loại “Khá”: tổng điểm từ 70 điểm trở lên.',
      'Xếp loại “Trung bình”: tổng điểm từ 50 điểm trở lên.',
      'Xếp loại “Không đạt”: các trường hợp còn lại.',
    ]);
  });

  it('writes a guarded case as `nếu … thì …`, with the attribute’s name', () => {
    const [cdht] = titleRulesWords(model('cdht-quoc-gia-2022'));
    expect(cdht).toContain('nếu Vùng là “khó khăn” thì tổng điểm từ 70 điểm trở lên; và không có chỉ số nào dưới 5 điểm');
  });
});

describe('conditionWords', () => {
  it('names titles, facts and target groups as the model declares them', () => {
    const r = compileText(`bộ tiêu chí x "X"
  đối tượng: gia đình
  căn cứ kh: "Kế hoạch"
  nhóm đối tượng cb "Cán bộ"
  sự kiện hien-mau "Hiến máu tình nguyện"
  tiêu chí 1 "A" theo kh
    chỉ số 1.1 "a" tối đa 10
  danh hiệu u "Gia đình học tập" khi tổng điểm >= 5 theo kh
  danh hiệu t "Gia đình học tập tiêu biểu" khi đạt u 3 năm liền và (nhóm là cb hoặc có sự kiện hien-mau) theo kh
`);
    const m = r.models[0]!;
    const t = m.titles.find((x) => x.id === 't')!;
    expect(conditionWords(t.when!, m)).toBe('đạt danh hiệu “Gia đình học tập” 3 năm liên tục; và (thuộc nhóm “Cán bộ”; hoặc Hiến máu tình nguyện)');
  });
});
