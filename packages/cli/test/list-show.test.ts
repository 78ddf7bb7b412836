import { describe, expect, it } from 'vitest';
import { json, run } from './helpers.js';

interface ShowJson {
  id: string;
  title: string;
  groups: { id: string; name: string; indicators: { id: string; text?: string; max?: number }[] }[];
  criteria: { id: string; title: string; max: number; indicators: { id: string; text: string; max: number }[] }[];
  titles: { id: string; name: string; when?: string }[];
}

describe('hoctap list', () => {
  it('--json lists phu-tho/cdht-phu-tho-2018 with its subject, period, status and file', async () => {
    const r = await run(['list', '--json']);
    expect(r.code).toBe(0);
    const list = json<Record<string, unknown>[]>(r);
    expect(list).toContainEqual({
      ref: 'phu-tho/cdht-phu-tho-2018',
      plugin: 'phu-tho',
      id: 'cdht-phu-tho-2018',
      title: 'Công dân học tập — Đảng bộ Khối các cơ quan tỉnh Phú Thọ (thí điểm 2018)',
      subject: 'citizen',
      effective: { from: '2018-05-01', to: '2018-12-31' },
      status: 'in-force',
      file: '@hoctap/plugin-phu-tho/frameworks/cdht-phu-tho-2018.tieuchi',
    });
  });

  it('prints a readable list in Vietnamese, and in English with --lang en', async () => {
    const vi = await run(['list']);
    expect(vi.stdout).toContain('phu-tho/cdht-phu-tho-2018 — Công dân học tập');
    expect(vi.stdout).toContain('hiệu lực: 01/05/2018 – 31/12/2018 · trạng thái: ban hành');
    expect(vi.stdout).toContain('đối tượng: công dân');
    const en = await run(['list', '--lang', 'en']);
    expect(en.stdout).toContain('effective: 01/05/2018 – 31/12/2018 · status: in force');
    expect(en.stdout).toContain('subject: citizen');
  });
});

describe('hoctap show', () => {
  it('--json has the 10 criteria and 23 indicators of the Phú Thọ table, numbered as written', async () => {
    const r = await run(['show', 'phu-tho/cdht-phu-tho-2018', '--json']);
    expect(r.code).toBe(0);
    const m = json<ShowJson>(r);
    expect(m.id).toBe('cdht-phu-tho-2018');
    expect(m.title).toContain('Công dân học tập');
    expect(m.criteria).toHaveLength(10);
    const indicators = m.criteria.flatMap((c) => c.indicators);
    expect(indicators).toHaveLength(23);
    expect(indicators.find((i) => i.id === '1.2')).toMatchObject({ id: '1.2', text: expect.stringContaining('Thường xuyên tự học'), max: 6 });
    expect(m.criteria.map((c) => c.max)).toEqual([17, 8, 12, 9, 10, 9, 12, 6, 8, 9]);
    expect(m.criteria[0]).toMatchObject({ id: '1', title: expect.stringContaining('Có ý thức học tập') });
    expect(m.titles).toEqual([expect.objectContaining({ id: 'cdht', name: 'Công dân học tập', when: 'tổng điểm từ 75 trở lên' })]);
    expect(m.groups).toEqual([]);
  });

  it('--json gives each target group the indicators that apply to it and the wording that differs', async () => {
    const m = json<ShowJson>(await run(['show', 'examples/cdht-xa-mau.tieuchi', '--json']));
    const byId = Object.fromEntries(m.groups.map((g) => [g.id, g]));
    expect(byId['nong-dan']).toMatchObject({ name: 'Nông dân', indicators: [{ id: '1.1' }, { id: '1.2' }, { id: '2.1' }, { id: '2.3' }] });
    expect(byId['cong-chuc']!.indicators).toEqual([{ id: '1.1', text: 'Hoàn thành bồi dưỡng theo vị trí việc làm' }, { id: '1.2' }, { id: '2.2' }, { id: '2.3' }]);
    // Criterion 2 is worth 60 for either group (2.1 or 2.2, plus 2.3).
    expect(m.criteria.map((c) => c.max)).toEqual([40, 60]);
  });

  it('prints a readable table in Vietnamese', async () => {
    const r = await run(['show', 'phu-tho/cdht-phu-tho-2018']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Số\s+Nội dung\s+Tối đa$/m);
    expect(r.stdout).toMatch(/^ {2}1\.2\s+Thường xuyên tự học .*\s6$/m);
    expect(r.stdout).toMatch(/^1\s+Có ý thức học tập thường xuyên.*\s17$/m);
    expect(r.stdout).toMatch(/Tổng điểm \(10 tiêu chí, 23 chỉ số\)\s+100$/m);
    expect(r.stdout).toContain('• Công dân học tập (cdht): khi tổng điểm từ 75 trở lên');
  });

  it('quotes an inherited rule from the file that wrote it (a file based on a plugin framework)', async () => {
    const r = await run(['show', 'examples/phu-tho-minh-chung.tieuchi', '--json']);
    expect(r.code).toBe(0);
    const m = json<ShowJson & { basedOn: string; criteria: { indicators: { id: string; needsEvidence: boolean }[] }[] }>(r);
    expect(m.basedOn).toBe('cdht-phu-tho-2018');
    expect(m.titles).toEqual([expect.objectContaining({ name: 'Công dân học tập', when: 'tổng điểm từ 75 trở lên' })]);
    const ind = m.criteria.flatMap((c) => c.indicators);
    expect(ind).toHaveLength(23);
    expect(ind.find((i) => i.id === '5.1')).toMatchObject({ needsEvidence: true });
    expect(ind.find((i) => i.id === '5.2')).toMatchObject({ needsEvidence: false });
  });

  it('exits 1 for an unknown framework, with a suggestion', async () => {
    const r = await run(['show', 'phu-tho/cdht']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ý bạn là `phu-tho/cdht-phu-tho-2018`?');
  });

  it('picks one framework of a file with FILE#ID and asks for it when a file has several', async () => {
    const two = 'bộ tiêu chí a-1 "A"\n  đối tượng: công dân\n\n  tiêu chí 1 "X" tổng 5\n    chỉ số 1.1 "x" tối đa 5\n\nbộ tiêu chí b-1 "B"\n  dựa trên: a-1\n';
    const ask = await run(['show', 'hai.tieuchi'], { files: { 'hai.tieuchi': two } });
    expect(ask.code).toBe(1);
    expect(ask.stderr).toContain('có 2 bộ tiêu chí; chọn một bằng `hai.tieuchi#MÃ` (a-1, b-1)');
    const pick = await run(['show', 'hai.tieuchi#b-1', '--json'], { files: { 'hai.tieuchi': two } });
    expect(pick.code).toBe(0);
    expect(json<ShowJson>(pick)).toMatchObject({ id: 'b-1', criteria: [{ id: '1', indicators: [{ id: '1.1' }] }] });
  });

  it('refuses a file with errors and shows them', async () => {
    const r = await run(['show', 'examples/loi.tieuchi']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('examples/loi.tieuchi:5:3: lỗi TC2010');
    expect(r.stderr).toContain('có lỗi, chưa dùng được');
  });
});
