/**
 * @hoctap/plugin-national — the national base frameworks ("bộ tiêu chí khung") that locality
 * frameworks derive from with `dựa trên`:
 * - `cdht-quoc-gia-2022`: "Công dân học tập", QĐ 677/QĐ-TTg (03/06/2022) and QĐ 244/QĐ-KHVN (28/07/2022);
 * - `dvht-tt22-2020`: "Đơn vị học tập", Thông tư 22/2020/TT-BGDĐT;
 * - `gdht-2015`, `dhht-2015`, `cdoht-2015`: "Gia đình / Dòng họ / Cộng đồng học tập",
 *   QĐ 448/QĐ-KHVN (2015), with the targets of QĐ 281/QĐ-TTg.
 * It serves no locality of its own: national frameworks carry no `địa bàn`.
 */
import { readFileSync } from 'node:fs';
import { definePlugin, type PluginFile } from '@hoctap/core';
import { nationalDemo } from './demo.js';

export { CDHT_QUOC_GIA, CDHT_DEMO_PER_CELL, cdhtDemo, nationalDemo } from './demo.js';

const file = (name: string): PluginFile => ({
  file: `@hoctap/plugin-national/frameworks/${name}`,
  source: readFileSync(new URL(`../frameworks/${name}`, import.meta.url), 'utf8'),
});

/** The criteria files of the national plugin, in registration order. */
export const NATIONAL_FRAMEWORK_FILES = [
  'cdht-quoc-gia-2022.tieuchi',
  'dvht-tt22-2020.tieuchi',
  'gdht-2015.tieuchi',
  'dhht-2015.tieuchi',
  'cdoht-2015.tieuchi',
] as const;

/** The national plugin. */
export const national = definePlugin({
  id: 'national',
  version: '0.1.0',
  name: 'Bộ tiêu chí khung quốc gia — Công dân, Gia đình, Dòng họ, Cộng đồng, Đơn vị học tập',
  description:
    'Các bộ tiêu chí khung cấp quốc gia mà địa phương xây dựng bộ tiêu chí riêng “dựa trên”: Công dân học tập (QĐ 677/QĐ-TTg, QĐ 244/QĐ-KHVN 2022), Đơn vị học tập (TT 22/2020/TT-BGDĐT), Gia đình / Dòng họ / Cộng đồng học tập (QĐ 448/QĐ-KHVN 2015).',
  // National frameworks have no locality: the manifest takes only 2- or 5-digit unit codes.
  localities: [],
  frameworks: NATIONAL_FRAMEWORK_FILES.map(file),
  demo: nationalDemo,
});

export default national;
