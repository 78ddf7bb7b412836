/** The locality plugins this server runs, registered explicitly (never discovered by scanning). */
import type { Plugin } from '@hoctap/core';
import { national } from '@hoctap/plugin-national';
import { ninhBinh } from '@hoctap/plugin-ninh-binh';
import { phuTho } from '@hoctap/plugin-phu-tho';
import { tanBien } from '@hoctap/plugin-tan-bien';
import { tanThanh } from '@hoctap/plugin-tan-thanh';
import { yenBai } from '@hoctap/plugin-yen-bai';

/** Every plugin, bases first. */
export const PLUGINS: readonly Plugin[] = [national, phuTho, tanThanh, tanBien, ninhBinh, yenBai];
