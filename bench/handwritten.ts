/**
 * The Phú Thọ 2018 "Công dân học tập" rules written by hand, as directly as a careful developer
 * would: a table of the 23 indicators, one pass over it validating and summing, a threshold.
 * Same input shape as the engine's subjects; output: total, the 10 criterion subtotals, titles.
 * Invalid data (not a number, negative, above the max, off the step, unknown indicator) is an
 * error and scores nothing, like the engine.
 */

export interface HandSubject {
  readonly id?: string;
  readonly scores?: Readonly<Record<string, unknown>>;
}

export interface HandResult {
  readonly id: string | undefined;
  readonly total: number;
  /** Subtotal of criteria 1–10, in order. */
  readonly criteria: readonly number[];
  readonly titles: readonly string[];
  readonly errors?: readonly string[];
}

/** [indicator, criterion index (0-based), max]; every step is 1 point. */
const INDICATORS: readonly (readonly [string, number, number])[] = [
  ['1.1', 0, 6], ['1.2', 0, 6], ['1.3', 0, 5],
  ['2.1', 1, 4], ['2.2', 1, 4],
  ['3.1', 2, 4], ['3.2', 2, 4], ['3.3', 2, 4],
  ['4.1', 3, 4], ['4.2', 3, 5],
  ['5.1', 4, 5], ['5.2', 4, 5],
  ['6.1', 5, 4], ['6.2', 5, 5],
  ['7.1', 6, 4], ['7.2', 6, 4], ['7.3', 6, 4],
  ['8.1', 7, 3], ['8.2', 7, 3],
  ['9.1', 8, 4], ['9.2', 8, 4],
  ['10.1', 9, 4], ['10.2', 9, 5],
];
const STEP = 1;
const CRITERIA = 10;
const KNOWN = new Set(INDICATORS.map(([id]) => id));
export const TITLE = 'Công dân học tập';
export const THRESHOLD = 75;
export const HAND_TABLE = INDICATORS;

export function evaluatePhuTho(subject: HandSubject): HandResult {
  const scores = subject.scores ?? {};
  let errors: string[] | undefined;
  for (const key in scores) if (!KNOWN.has(key)) (errors ??= []).push(`unknown indicator ${key}`);
  const criteria = new Array<number>(CRITERIA).fill(0);
  let total = 0;
  for (let i = 0; i < INDICATORS.length; i++) {
    const [id, crit, max] = INDICATORS[i]!;
    const v = scores[id];
    if (v === undefined || v === null) continue; // not scored yet: 0 points
    if (typeof v !== 'number' || !Number.isFinite(v)) (errors ??= []).push(`${id}: not a number`);
    else if (v < 0) (errors ??= []).push(`${id}: negative`);
    else if (v > max) (errors ??= []).push(`${id}: above max ${max}`);
    else if (!Number.isInteger(v / STEP)) (errors ??= []).push(`${id}: not a multiple of ${STEP}`);
    else {
      criteria[crit]! += v;
      total += v;
    }
  }
  if (errors) return { id: subject.id, total: 0, criteria: [], titles: [], errors };
  return { id: subject.id, total, criteria, titles: total >= THRESHOLD ? [TITLE] : [] };
}
