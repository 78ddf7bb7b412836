import { describe, expect, it } from 'vitest';
import { definePlugin, type Plugin } from '@hoctap/core';
import { phuTho } from '@hoctap/plugin-phu-tho';
import { national } from '@hoctap/plugin-national';
import { tanThanh } from '@hoctap/plugin-tan-thanh';
import { yenBai } from '@hoctap/plugin-yen-bai';
import { tanBien } from '@hoctap/plugin-tan-bien';
import { ninhBinh } from '@hoctap/plugin-ninh-binh';
import { checkPluginContract } from '../src/index.js';

/** Every plugin of the repository, with the plugins it derives from. */
const PLUGINS: { plugin: Plugin; deps: Plugin[] }[] = [{ plugin: phuTho, deps: [] }, { plugin: national, deps: [] }, { plugin: tanThanh, deps: [national] }, { plugin: yenBai, deps: [national] }, { plugin: tanBien, deps: [national] }, { plugin: ninhBinh, deps: [national] }];

describe.each(PLUGINS.map((p) => [p.plugin.id, p] as const))('plugin %s meets the contract', (_id, { plugin, deps }) => {
  const report = checkPluginContract(plugin, deps);
  it('registers, examples pass, rules cite sources, demo data evaluates', () => {
    expect(report.findings).toEqual([]);
  });
  it('has frameworks, worked examples and demo subjects', () => {
    expect(report.frameworks).toBeGreaterThan(0);
    expect(report.examples).toBeGreaterThanOrEqual(3);
    expect(report.demoSubjects).toBeGreaterThan(0);
  });
});

describe('the contract catches broken plugins', () => {
  const good = `bộ tiêu chí t "T"
  đối tượng: công dân
  căn cứ kh: "Kế hoạch 1/KH"
  tiêu chí 1 "A" tổng 10 theo kh
    chỉ số 1.1 "a" tối đa 10
  danh hiệu x "X" khi tổng điểm từ 5 trở lên theo kh
  ví dụ "5 thì đạt"
    điểm 1.1 = 5
    mong đợi đạt x
`;
  const base = { id: 'thu', version: '0.1.0', name: 'Thử', localities: [{ code: '01', name: 'Hà Nội', level: 'province' as const }] };

  it('a broken file fails with the plugin, the file and the line', () => {
    const p = definePlugin({ ...base, frameworks: [{ file: 'thu/t.tieuchi', source: good.replace('tối đa 10', 'tối đa') }] });
    const r = checkPluginContract(p);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message).toMatch(/plugin `thu`/);
    expect(r.findings[0]!.message).toMatch(/thu\/t\.tieuchi:5:\d+/);
  });

  it('a wrong worked example fails registration', () => {
    const p = definePlugin({ ...base, frameworks: [{ file: 'thu/t.tieuchi', source: good.replace('mong đợi đạt x', 'mong đợi không đạt x') }] });
    const r = checkPluginContract(p);
    expect(r.findings[0]!.message).toMatch(/TC3001/);
    expect(r.findings[0]!.message).toMatch(/thu\/t\.tieuchi:9/);
  });

  it('a rule without a source is reported', () => {
    const p = definePlugin({ ...base, frameworks: [{ file: 'thu/t.tieuchi', source: good.replace(' khi tổng điểm từ 5 trở lên theo kh', ' khi tổng điểm từ 5 trở lên') }] });
    const r = checkPluginContract(p);
    expect(r.findings.map((f) => f.rule)).toContain('sources');
    expect(r.findings.find((f) => f.rule === 'sources')!.message).toMatch(/danh hiệu "X"/);
  });

  it('no `căn cứ` and no worked example are reported by name, with the code and the line publishing gives', () => {
    const bare = good.replace('  căn cứ kh: "Kế hoạch 1/KH"\n', '').replaceAll(' theo kh', '').replace(/ {2}ví dụ[^]*$/, '');
    const r = checkPluginContract(definePlugin({ ...base, frameworks: [{ file: 'thu/t.tieuchi', source: bare }] }));
    const found = r.findings.filter((f) => f.rule !== 'demo').map((f) => `${f.rule} ${/^\S+ TC\d{4}/.exec(f.message)?.[0]}`);
    expect(found).toEqual(['sources thu/t.tieuchi:1:13: TC2101', 'examples thu/t.tieuchi:1:13: TC2102', 'sources thu/t.tieuchi:3:3: TC2100', 'sources thu/t.tieuchi:5:3: TC2100']);
  });

  it('a bad manifest names the field, in Vietnamese', () => {
    const p = definePlugin({ ...base, id: 'Thu Nghiem', localities: [{ code: '123', name: 'X', level: 'province' as const }], frameworks: [{ file: 'thu/t.tieuchi', source: good }] });
    const r = checkPluginContract(p);
    const text = r.findings.map((f) => f.message).join('\n');
    expect(text).toMatch(/trường `id`/);
    expect(text).toMatch(/trường `localities\[0\]\.code`/);
  });

  it('missing demo data is reported', () => {
    const p = definePlugin({ ...base, frameworks: [{ file: 'thu/t.tieuchi', source: good }] });
    expect(checkPluginContract(p).findings.map((f) => f.rule)).toEqual(['demo']);
  });
});
