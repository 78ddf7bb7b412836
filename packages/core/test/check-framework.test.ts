/** `checkFramework`: one check for every door — compile with bases, the framework rules (TC21xx), the worked examples. */
import { describe, expect, it } from 'vitest';
import { checkFramework, createRegistry, definePlugin, PluginError, uncitedRules, type Model } from '../src/index.js';
import { at, compileOk, expectVietnamese } from './helpers.js';

const CITED = `bộ tiêu chí t "Thử"
  đối tượng: công dân
  căn cứ kh: "Kế hoạch 1/KH"
  tiêu chí 1 "Học tập" tổng 10 theo kh "mục II.1"
    chỉ số 1.1 "Tự học" tối đa 10
  danh hiệu x "X" khi tổng điểm từ 5 trở lên theo kh "mục III"
  ví dụ "5 thì đạt"
    điểm 1.1 = 5
    mong đợi đạt x
`;
const UNCITED_TITLE = CITED.replace(' khi tổng điểm từ 5 trở lên theo kh "mục III"', ' khi tổng điểm từ 5 trở lên');
const BARE = `bộ tiêu chí t "Thử"
  đối tượng: công dân
  tiêu chí 1 "Học tập" tổng 10
    chỉ số 1.1 "Tự học" tối đa 10
  danh hiệu x "X" khi tổng điểm từ 5 trở lên
`;

const codes = (r: { diagnostics: readonly { code: string; severity: string }[] }) => r.diagnostics.map((d) => `${d.severity} ${d.code}`);

describe('checkFramework', () => {
  it('a cited framework with a passing example: no diagnostics, valid and publishable in both modes', () => {
    for (const mode of ['draft', 'publish'] as const) {
      const r = checkFramework(CITED, { file: 't.tieuchi', mode });
      expect(r.diagnostics).toEqual([]);
      expect({ compiles: r.compiles, valid: r.valid, publishable: r.publishable, mode: r.mode }).toEqual({ compiles: true, valid: true, publishable: true, mode });
      expect(r.examples.map((e) => [e.name, e.passed])).toEqual([['5 thì đạt', true]]);
    }
  });

  it('a rule without `theo`: a warning at the rule in a draft, an error on publishing', () => {
    const draft = checkFramework(UNCITED_TITLE, { file: 't.tieuchi' });
    expect(codes(draft)).toEqual(['warning TC2100']);
    const d = draft.diagnostics[0]!;
    expect({ line: d.range.start.line, column: d.range.start.column }).toEqual(at(UNCITED_TITLE, 'danh hiệu x'));
    expect(d.range.end.line).toBe(d.range.start.line);
    expect(d.message).toContain('danh hiệu "X"');
    expect(d.message).toContain('theo');
    expect(d.message).toContain('bắt buộc khi xuất bản');
    expectVietnamese(d.message);
    expect(d.messageEn).toMatch(/^No source cited for title "X"/);
    expect(d.file).toBe('t.tieuchi');
    expect({ valid: draft.valid, publishable: draft.publishable }).toEqual({ valid: true, publishable: false });

    const pub = checkFramework(UNCITED_TITLE, { file: 't.tieuchi', mode: 'publish' });
    expect(codes(pub)).toEqual(['error TC2100']);
    expect(pub.diagnostics[0]!.range).toEqual(d.range);
    // The same words at every door: only the severity tells a draft from a publication.
    expect({ ...pub.diagnostics[0]!, severity: 'warning' }).toEqual(d);
    expect({ valid: pub.valid, publishable: pub.publishable }).toEqual({ valid: false, publishable: false });
  });

  it('no `căn cứ`, no `theo`, no example: TC2101 and TC2102 at the framework, TC2100 at each rule, in source order', () => {
    const r = checkFramework(BARE, { mode: 'publish' });
    expect(codes(r)).toEqual(['error TC2101', 'error TC2102', 'error TC2100', 'error TC2100']);
    expect(r.diagnostics[0]!.range.start).toMatchObject(at(BARE, 't "Thử"'));
    expect(r.diagnostics[2]!.range.start).toMatchObject(at(BARE, 'tiêu chí 1'));
    expect(r.diagnostics[3]!.range.start).toMatchObject(at(BARE, 'danh hiệu x'));
    for (const d of r.diagnostics) expectVietnamese(d.message);
  });

  it('a criterion is cited through all of its indicators', () => {
    const text = CITED.replace('tổng 10 theo kh "mục II.1"', 'tổng 10').replace('"Tự học" tối đa 10', '"Tự học" tối đa 10 theo kh "mục II.1.a"');
    expect(checkFramework(text).diagnostics).toEqual([]);
  });

  it('an uncited rule inherited from the base is reported at `dựa trên`', () => {
    const base = compileOk(BARE.replace('bộ tiêu chí t', 'bộ tiêu chí goc'));
    const text = `bộ tiêu chí con "Con"\n  dựa trên: goc\n  căn cứ kh: "Kế hoạch 2/KH"\n  ví dụ "đạt"\n    điểm 1.1 = 6\n    mong đợi đạt x\n`;
    const r = checkFramework(text, { resolve: (id): Model | undefined => (id === 'goc' ? base : undefined) });
    expect(codes(r)).toEqual(['warning TC2100', 'warning TC2100']);
    expect(r.diagnostics[0]!.range.start).toMatchObject(at(text, 'goc'));
    expect(r.diagnostics[0]!.message).toContain('thừa hưởng từ `goc`');
  });

  it('a text with errors reports them alone: no framework rules, no examples', () => {
    const r = checkFramework(BARE.replace('tổng 10', 'tổng 20'), { mode: 'publish' });
    expect(codes(r)).toEqual(['error TC2010']);
    expect({ compiles: r.compiles, valid: r.valid, examples: r.examples }).toEqual({ compiles: false, valid: false, examples: [] });
  });

  it('a failing example is an error in both modes (TC3001)', () => {
    const r = checkFramework(CITED.replace('mong đợi đạt x', 'mong đợi không đạt x'));
    expect(codes(r)).toEqual(['error TC3001']);
    expect(r.valid).toBe(false);
  });

  it('uncitedRules names the same rules', () => {
    expect(uncitedRules(compileOk(BARE))).toEqual(['tiêu chí 1', 'danh hiệu "X"']);
    expect(uncitedRules(compileOk(CITED))).toEqual([]);
  });
});

describe('plugin registration applies the same rules', () => {
  const plugin = (source: string) => definePlugin({ id: 'thu', version: '0.1.0', name: 'Thử', localities: [], frameworks: [{ file: 'thu/t.tieuchi', source }] });

  it('refuses an uncited rule, naming the file, the line and the code', () => {
    let err: unknown;
    try {
      createRegistry([plugin(UNCITED_TITLE)]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PluginError);
    expect((err as PluginError).details).toEqual([expect.stringMatching(/^plugin `thu`: thu\/t\.tieuchi:6:3: lỗi TC2100: Chưa ghi nguồn cho danh hiệu "X"/)]);
  });

  it('a draft registry (the plugin contract) keeps the finding as a warning of the framework', () => {
    const reg = createRegistry([plugin(UNCITED_TITLE)], { mode: 'draft' });
    expect(reg.get('thu/t').diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning TC2100']);
    expect(createRegistry([plugin(CITED)]).get('t').diagnostics).toEqual([]);
  });
});
