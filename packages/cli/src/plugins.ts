/**
 * The locality plugins the CLI registers — the one place to add a locality (never discovered by
 * scanning folders; see the architecture notes). Bases first: the national frameworks that the
 * others derive from.
 */
import type { Plugin } from '@hoctap/core';
import { national } from '@hoctap/plugin-national';
import { ninhBinh } from '@hoctap/plugin-ninh-binh';
import { phuTho } from '@hoctap/plugin-phu-tho';
import { tanBien } from '@hoctap/plugin-tan-bien';
import { tanThanh } from '@hoctap/plugin-tan-thanh';
import { yenBai } from '@hoctap/plugin-yen-bai';

/** The registered plugins, in order of precedence. */
export const plugins: readonly Plugin[] = [national, phuTho, tanThanh, tanBien, ninhBinh, yenBai];
