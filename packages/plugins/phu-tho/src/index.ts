/**
 * @hoctap/plugin-phu-tho — Phú Thọ: the 2018 "Công dân học tập" pilot in the Đảng bộ Khối các cơ
 * quan tỉnh (seed plan 000, implementing Kế hoạch 41/KH-HKH of 12/04/2018).
 */
import { readFileSync } from 'node:fs';
import { definePlugin, type PluginFile } from '@hoctap/core';

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
});

export default phuTho;
