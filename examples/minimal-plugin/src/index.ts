/**
 * A minimal locality plugin: one criteria file derived from the national framework, one locality,
 * one form and demo data. Copy this folder to start a new locality (see README.md).
 */
import { readFileSync } from 'node:fs';
import { definePlugin, generateSubjects, type PluginFile } from '@hoctap/core';

const file = (name: string): PluginFile => ({
  file: `examples/minimal-plugin/frameworks/${name}`,
  source: readFileSync(new URL(`../frameworks/${name}`, import.meta.url), 'utf8'),
});

/** The example plugin of "xã Mẫu". */
export const xaMau = definePlugin({
  id: 'xa-mau',
  version: '0.1.0',
  name: 'Xã Mẫu — plugin mẫu',
  localities: [{ code: '01', name: 'thành phố Hà Nội', level: 'province' }],
  frameworks: [file('cdht-xa-mau-2026.tieuchi')],
  forms: [
    {
      id: 'phieu-dang-ky',
      title: 'Phiếu đăng ký phấn đấu đạt danh hiệu "Công dân học tập"',
      kind: 'registration-slip',
      framework: 'cdht-xa-mau-2026',
      source: 'Kế hoạch của UBND xã Mẫu năm 2026, mục III (mẫu)',
      fields: [
        { id: 'ho-ten', label: 'Họ và tên', type: 'text' },
        { id: 'nhom', label: 'Nhóm đối tượng', type: 'text' },
        { id: 'ngay', label: 'Ngày đăng ký', type: 'date' },
        { id: 'ky-ten', label: 'Người đăng ký ký tên', type: 'signature' },
      ],
    },
  ],
  demo: ({ seed, model }) => {
    const m = model('cdht-xa-mau-2026');
    return [{ framework: m.id, year: 2026, locality: '01', subjects: generateSubjects(m, { seed, count: 30, year: 2026, idPrefix: 'xm' }) }];
  },
});

export default xaMau;
