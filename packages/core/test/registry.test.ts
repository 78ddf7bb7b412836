/** The plugin registry and version selection. Plugins are built inline: core never depends on a plugin. */
import { describe, expect, test } from 'vitest';
import {
  createRegistry,
  definePlugin,
  FrameworkNotFoundError,
  HoctapError,
  PluginError,
  selectInForce,
  type Plugin,
  type PluginFile,
} from '../src/index.js';
import { compileOk } from './helpers.js';

/** A small framework text that registers (its rules cite a basis, it has a worked example); `extra` goes after the header. */
function framework(id: string, opts: { effective?: string; status?: string; locality?: string; extra?: string; body?: string } = {}): string {
  return [
    `bộ tiêu chí ${id} "Công dân học tập ${id}"`,
    '  đối tượng: công dân',
    ...(opts.locality ? [`  địa bàn: "${opts.locality}"`] : []),
    ...(opts.effective ? [`  hiệu lực: ${opts.effective}`] : []),
    ...(opts.status ? [`  trạng thái: ${opts.status}`] : []),
    ...(opts.extra ? [opts.extra] : []),
    opts.body ??
      `  tiêu chí 1 "Học tập" theo kh
    chỉ số 1.1 "Tự học" tối đa 6
    chỉ số 1.2 "Đọc sách" tối đa 4
  danh hiệu cdht "Công dân học tập" khi tổng điểm từ 8 trở lên theo kh
  ví dụ "8 điểm thì đạt"
    điểm 1.1 = 5, 1.2 = 3
    mong đợi tổng 8, đạt cdht`,
    // After the body, so that the line numbers the tests expect stay where they are.
    '  căn cứ kh: "Kế hoạch thử nghiệm"',
    '',
  ].join('\n');
}

const file = (name: string, source: string): PluginFile => ({ file: `@hoctap/plugin-test/frameworks/${name}`, source });

function plugin(id: string, frameworks: PluginFile[], extra: Partial<Plugin> = {}): Plugin {
  return definePlugin({ id, version: '0.1.0', name: `Plugin ${id}`, localities: [{ code: '25', name: 'tỉnh Phú Thọ', level: 'province' }], frameworks, ...extra });
}

/** Runs `f`, which must throw a PluginError, and returns it. */
function pluginError(f: () => unknown): PluginError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PluginError);
    expect(e).toBeInstanceOf(HoctapError);
    return e as PluginError;
  }
  throw new Error('expected a PluginError');
}

describe('createRegistry', () => {
  const phuTho = plugin('phu-tho', [file('cdht-phu-tho-2018.tieuchi', framework('cdht-phu-tho-2018', { locality: '25', effective: '01/05/2018 - 31/12/2018' }))]);

  test('registers a plugin and finds its framework by `plugin/framework` or by id', () => {
    const reg = createRegistry([phuTho]);
    expect(reg.plugins).toEqual([phuTho]);
    expect(reg.frameworks.map((f) => f.ref)).toEqual(['phu-tho/cdht-phu-tho-2018']);
    const f = reg.get('phu-tho/cdht-phu-tho-2018');
    expect(f).toMatchObject({ plugin: 'phu-tho', file: '@hoctap/plugin-test/frameworks/cdht-phu-tho-2018.tieuchi' });
    expect(f.model.max).toBe(10);
    expect(reg.get('cdht-phu-tho-2018')).toBe(f);
  });

  test('an unknown reference is FrameworkNotFoundError, with a suggestion', () => {
    const reg = createRegistry([phuTho]);
    let err: unknown;
    try {
      reg.get('phu-tho/cdht-phu-tho-2019');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FrameworkNotFoundError);
    const e = err as FrameworkNotFoundError;
    expect(e.code).toBe('FRAMEWORK_NOT_FOUND');
    expect(e.message).toContain('phu-tho/cdht-phu-tho-2019');
    expect(e.message).toContain('ý bạn là `phu-tho/cdht-phu-tho-2018`');
    expect(() => reg.get('x/y')).toThrow(FrameworkNotFoundError);
    expect(() => reg.get('x/y')).toThrow(/^Không tìm thấy bộ tiêu chí `x\/y`$/);
  });

  test('a broken file: the PluginError names the plugin, the file and the line', () => {
    const broken = framework('hong', {
      body: `  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 10
  danh hiệu cdht "Công dân học tập" khi tổng điểm từ 8 trở lên và đạt cdhtt`,
    });
    const e = pluginError(() => createRegistry([plugin('hong', [file('hong.tieuchi', broken)])]));
    expect(e.code).toBe('PLUGIN_INVALID');
    expect(e.plugin).toBe('hong');
    expect(e.message).toContain('plugin `hong`');
    expect(e.message).toContain('@hoctap/plugin-test/frameworks/hong.tieuchi:5:');
    expect(e.message).toContain('TC2040');
    expect(e.message).toContain('ý bạn là `cdht`');
    expect(e.details).toHaveLength(1);
  });

  test('a syntax error is reported the same way', () => {
    const broken = framework('hong', { body: '  tieu chj 1 "Học tập"' });
    const e = pluginError(() => createRegistry([plugin('hong', [file('hong.tieuchi', broken)])]));
    expect(e.message).toContain('plugin `hong`');
    expect(e.message).toMatch(/hong\.tieuchi:3:\d+: lỗi TC1\d{3}/);
  });

  test('a wrong worked example fails registration with TC3001', () => {
    const src = framework('vd-sai', {
      extra: '',
      body: `  tiêu chí 1 "Học tập"
    chỉ số 1.1 "Tự học" tối đa 6
    chỉ số 1.2 "Đọc sách" tối đa 4
  danh hiệu cdht "Công dân học tập" khi tổng điểm từ 8 trở lên
  ví dụ "7 điểm"
    điểm 1.1 = 5, 1.2 = 2
    mong đợi tổng 7, đạt cdht`,
    });
    const e = pluginError(() => createRegistry([plugin('vd', [file('vd.tieuchi', src)])]));
    expect(e.message).toContain('TC3001');
    expect(e.message).toContain('plugin `vd`');
    expect(e.message).toMatch(/vd\.tieuchi:\d+:\d+/);
    expect(e.message).toContain('mong đợi đạt "Công dân học tập"');
  });

  const ok = [file('ok.tieuchi', framework('ok'))];

  test.each(['Phu Tho', 'phú-thọ', '-phu-tho', ''])('a bad plugin id %j fails', (id) => {
    const e = pluginError(() => createRegistry([plugin(id, ok)]));
    expect(e.details).toHaveLength(1);
    expect(e.message).toContain('trường `id`');
    expect(e.message).toContain('chữ thường');
  });

  test('other manifest problems fail as well', () => {
    expect(pluginError(() => createRegistry([plugin('a', ok, { version: 'một' })])).message).toContain('trường `version`');
    expect(pluginError(() => createRegistry([plugin('a', ok, { name: '' })])).message).toContain('trường `name`');
    expect(pluginError(() => createRegistry([plugin('a', ok, { localities: [{ code: '2', name: 'x', level: 'province' }] })])).message).toContain(
      'trường `localities[0].code`',
    );
    expect(pluginError(() => createRegistry([plugin('a', [])])).message).toContain('trường `frameworks`');
    const dup = pluginError(() => createRegistry([plugin('a', ok), plugin('a', [file('ok2.tieuchi', framework('ok2'))])]));
    expect(dup.message).toContain('trùng `id`');
  });

  test('two frameworks with the same id fail', () => {
    const src = framework('cdht-x');
    expect(() => createRegistry([plugin('a', [file('a.tieuchi', src)]), plugin('b', [file('b.tieuchi', src)])])).toThrow(/trùng mã/);
  });

  describe('`dựa trên` across two plugins', () => {
    const national = plugin('quoc-gia', [file('cdht-quoc-gia.tieuchi', framework('cdht-quoc-gia'))]);
    const local = plugin('dia-phuong', [
      file(
        'cdht-dia-phuong.tieuchi',
        `bộ tiêu chí cdht-dia-phuong "Công dân học tập (địa phương)"
  dựa trên: cdht-quoc-gia
  chỉ số 1.2 "Đọc sách, báo" tối đa 6
  ví dụ "12 điểm thì đạt"
    điểm 1.1 = 6, 1.2 = 6
    mong đợi tổng 12, đạt cdht
`,
      ),
    ]);

    test.each([
      ['base first', [national, local]],
      ['derived first', [local, national]],
    ])('resolves regardless of order (%s)', (_name, plugins) => {
      const reg = createRegistry(plugins);
      const d = reg.get('dia-phuong/cdht-dia-phuong').model;
      expect(d.basedOn).toBe('cdht-quoc-gia');
      expect(d.max).toBe(12);
      expect(d.indicators.map((i) => [i.id, i.max])).toEqual([
        ['1.1', 6],
        ['1.2', 6],
      ]);
    });

    test('a missing base fails with TC2061', () => {
      expect(() => createRegistry([local])).toThrow(/TC2061/);
    });

    test('a cycle of bases fails instead of looping', () => {
      const a = `bộ tiêu chí khung-a "A"\n  dựa trên: khung-b\n`;
      const b = `bộ tiêu chí khung-b "B"\n  dựa trên: khung-a\n`;
      const e = pluginError(() => createRegistry([plugin('vong', [file('a.tieuchi', a), file('b.tieuchi', b)])]));
      expect(e.message).toContain('TC2061');
    });
  });
});

describe('version selection', () => {
  const v2018 = { model: compileOk(framework('cdht-2018', { effective: '01/05/2018 - 31/12/2018', locality: '25' })) };
  const v2019 = { model: compileOk(framework('cdht-2019', { effective: '01/01/2019 - 31/12/2020', locality: '25' })) };
  const draft2019 = { model: compileOk(framework('cdht-2019-du-thao', { effective: '01/06/2019 - 31/12/2020', status: 'dự thảo', locality: '25' })) };
  const v2020 = { model: compileOk(framework('cdht-2020', { effective: '01/01/2020 - 31/12/2020', locality: '25' })) };
  const open = { model: compileOk(framework('cdht-mo', { effective: '01/01/2021', locality: '25' })) };
  const all = [v2018, v2019, draft2019, v2020, open];

  test('picks the version whose `hiệu lực` contains the date (bounds included)', () => {
    expect(selectInForce(all, '2018-05-01')).toBe(v2018);
    expect(selectInForce(all, '2018-12-31')).toBe(v2018);
    expect(selectInForce(all, '2019-01-01')).toBe(v2019);
    expect(selectInForce(all, '2018-04-30')).toBeUndefined();
  });

  test('prefers `ban hành` over `dự thảo`', () => {
    expect(draft2019.model.status).toBe('draft');
    expect(selectInForce(all, '2019-07-01')).toBe(v2019);
    expect(selectInForce([draft2019], '2019-07-01')).toBe(draft2019);
  });

  test('then the latest start', () => {
    expect(selectInForce(all, '2020-06-01')).toBe(v2020);
    expect(selectInForce([v2020, v2019], '2020-06-01')).toBe(v2020);
  });

  test('a period without an end stays in force', () => {
    expect(selectInForce(all, '2030-01-01')).toBe(open);
  });

  test('registry.inForce(date)', () => {
    const files = [v2018, v2019, draft2019, v2020].map((v) => v.model.id);
    const src = (id: string) => ({ 'cdht-2018': framework(id, { effective: '01/05/2018 - 31/12/2018', locality: '25' }), 'cdht-2019': framework(id, { effective: '01/01/2019 - 31/12/2020', locality: '25' }), 'cdht-2019-du-thao': framework(id, { effective: '01/06/2019 - 31/12/2020', status: 'dự thảo', locality: '25' }), 'cdht-2020': framework(id, { effective: '01/01/2020 - 31/12/2020', locality: '25' }) })[id]!;
    const other = framework('cdht-khac', { effective: '01/01/2018 - 31/12/2030', locality: '15' });
    const reg = createRegistry([
      plugin('phu-tho', files.map((id) => file(`${id}.tieuchi`, src(id)))),
      plugin('yen-bai', [file('cdht-khac.tieuchi', other)], { localities: [{ code: '15', name: 'tỉnh Yên Bái', level: 'province' }] }),
    ]);
    expect(reg.inForce('2018-06-01').map((f) => f.ref).sort()).toEqual(['phu-tho/cdht-2018', 'yen-bai/cdht-khac']);
    expect(reg.inForce('2019-07-01', { plugin: 'phu-tho' }).map((f) => f.ref)).toEqual(['phu-tho/cdht-2019']);
    expect(reg.inForce('2020-06-01', { locality: '25' }).map((f) => f.ref)).toEqual(['phu-tho/cdht-2020']);
    expect(reg.inForce('2020-06-01', { locality: '15' }).map((f) => f.ref)).toEqual(['yen-bai/cdht-khac']);
    expect(reg.inForce('2020-06-01', { subject: 'household' })).toEqual([]);
    expect(reg.inForce('2017-01-01')).toEqual([]);
  });
});
