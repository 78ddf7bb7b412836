/**
 * @hoctap/plugin-ninh-binh — tỉnh Ninh Bình: Kế hoạch 126/KH-UBND ngày 08/07/2022 (seed plan 003),
 * implementing the national "Công dân học tập" programme (QĐ 677/QĐ-TTg) in the province: the
 * national framework `cdht-quoc-gia-2022` (from `@hoctap/plugin-national`) with the provincial
 * targets for 2025 and 2030 and the digital-skills targets.
 */
import { readFileSync } from 'node:fs';
import { definePlugin, generateSubjects, type DemoSet, type PluginFile } from '@hoctap/core';

const file = (name: string): PluginFile => ({
  file: `@hoctap/plugin-ninh-binh/frameworks/${name}`,
  source: readFileSync(new URL(`../frameworks/${name}`, import.meta.url), 'utf8'),
});

/** The framework id of this plugin. */
export const NINH_BINH_FRAMEWORK = 'cdht-ninh-binh-2022';

/** The two populations of the provincial targets, worded as KH 126 words them (mục II.2). */
export const NINH_BINH_POPULATIONS = {
  adults: 'người lớn trong gia đình học tập, dòng họ học tập, cộng đồng học tập (thôn, bản, tổ dân phố và tương đương)',
  staff: 'cán bộ, công chức, viên chức, người lao động trong đơn vị học tập cấp xã, cấp huyện, cấp tỉnh và ở cơ quan trung ương',
} as const;

/** The Ninh Bình plugin (needs `@hoctap/plugin-national` registered with it). */
export const ninhBinh = definePlugin({
  id: 'ninh-binh',
  version: '0.1.0',
  name: 'Ninh Bình — Công dân học tập 2022–2030',
  description:
    'Kế hoạch 126/KH-UBND (08/07/2022) của UBND tỉnh Ninh Bình thực hiện Chương trình “Xây dựng mô hình Công dân học tập giai đoạn 2021 – 2030”: bộ tiêu chí khung quốc gia và các chỉ tiêu của tỉnh đến 2025 và 2030 (người lớn, cán bộ trong đơn vị học tập, kỹ năng số).',
  localities: [
    {
      code: '37',
      name: 'tỉnh Ninh Bình',
      level: 'province',
      note:
        'Mã 37 là mã được báo cáo cho tỉnh Ninh Bình theo QĐ 19/2025/QĐ-TTg (áp dụng từ 01/07/2025) — cần đối chiếu phụ lục của quyết định. Từ 01/07/2025 tỉnh Ninh Bình hợp nhất với Hà Nam và Nam Định (NQ 202/2025/QH15); kế hoạch năm 2022 thuộc tỉnh Ninh Bình trước hợp nhất, nên các chỉ tiêu của nó chỉ nói về địa bàn cũ.',
    },
  ],
  frameworks: [file('cdht-ninh-binh-2022.tieuchi')],
  // Citizens of 2023 across the three target groups and both kinds of area.
  demo: ({ seed, model }): DemoSet[] => {
    const m = model(NINH_BINH_FRAMEWORK);
    return [{ framework: m.id, year: 2023, locality: '37', subjects: generateSubjects(m, { seed, count: 90, year: 2023, idPrefix: 'nb', goodShare: 0.6 }) }];
  },
});

export default ninhBinh;
