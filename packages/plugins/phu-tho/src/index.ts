/**
 * @hoctap/plugin-phu-tho — Phú Thọ: the 2018 "Công dân học tập" pilot in the Đảng bộ Khối các cơ
 * quan tỉnh (seed plan 000, implementing Kế hoạch 41/KH-HKH of 12/04/2018).
 */
import { readFileSync } from 'node:fs';
import { definePlugin, generateSubjects, type PluginFile } from '@hoctap/core';

const file = (name: string): PluginFile => ({
  file: `@hoctap/plugin-phu-tho/frameworks/${name}`,
  source: readFileSync(new URL(`../frameworks/${name}`, import.meta.url), 'utf8'),
});

/** The Phú Thọ plugin. */
export const phuTho = definePlugin({
  id: 'phu-tho',
  version: '0.1.0',
  name: 'Phú Thọ — thí điểm Công dân học tập 2018',
  localities: [{ code: '25', name: 'tỉnh Phú Thọ', level: 'province' }],
  frameworks: [file('cdht-phu-tho-2018.tieuchi')],
  forms: [
    {
      id: 'dang-ky-tap-the',
      title: 'Bản đăng ký chung phấn đấu đạt danh hiệu "Công dân học tập" của cơ quan, đơn vị',
      kind: 'collective-registration',
      framework: 'cdht-phu-tho-2018',
      source: 'Kế hoạch thí điểm Công dân học tập, Đảng bộ Khối các cơ quan tỉnh Phú Thọ (2018), mục II.5, Bước 1: "Mỗi cơ quan, đơn vị có 01 bản đăng ký chung, có chữ ký của các thành viên"',
      fields: [
        { id: 'don-vi', label: 'Cơ quan, đơn vị', type: 'text' },
        { id: 'stt', label: 'STT', type: 'number' },
        { id: 'ho-ten', label: 'Họ và tên', type: 'text' },
        { id: 'chuc-vu', label: 'Chức vụ', type: 'text' },
        { id: 'ky-ten', label: 'Ký tên', type: 'signature' },
      ],
    },
    {
      id: 'phieu-cham-diem',
      title: 'Phiếu tự chấm điểm "Công dân học tập"',
      kind: 'score-sheet',
      framework: 'cdht-phu-tho-2018',
      source: 'Kế hoạch thí điểm, mục II.5, Bước 3: "cá nhân tự chấm điểm, tự đánh giá (xong trước 5/11/2018)"',
      fields: [
        { id: 'ho-ten', label: 'Họ và tên', type: 'text' },
        { id: 'don-vi', label: 'Cơ quan, đơn vị', type: 'text' },
        { id: 'ngay', label: 'Ngày tự chấm', type: 'date' },
        { id: 'ky-ten', label: 'Người tự chấm ký tên', type: 'signature' },
      ],
    },
  ],
  // The three pilot units named in the plan (mục II.4), about 40 staff each.
  demo: ({ seed, model }) => {
    const m = model('cdht-phu-tho-2018');
    const units = [
      { prefix: 'stnmt', name: 'Đảng bộ Sở Tài nguyên và Môi trường' },
      { prefix: 'cthue', name: 'Đảng bộ Cục Thuế tỉnh' },
      { prefix: 'syte', name: 'Đảng bộ Sở Y tế' },
    ];
    return [
      {
        framework: m.id,
        year: 2018,
        locality: '25',
        subjects: units.flatMap((u, k) =>
          generateSubjects(m, { seed: seed + k, count: 40, year: 2018, idPrefix: u.prefix, goodShare: 0.7 }).map((s) => ({ ...s, unit: u.name })),
        ),
      },
    ];
  },
});

export default phuTho;
