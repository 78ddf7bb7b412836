/**
 * The fixed set of subjects the evaluation benchmarks cycle through: seeded, so every run (and
 * every implementation) sees the same data. Every score is valid (a whole number within the
 * indicator's max) and about half of the subjects reach 75 points.
 */
import { intIn, mulberry32 } from './prng.ts';

export interface BenchSubject {
  readonly id: string;
  readonly scores: Record<string, number>;
}

export interface IndicatorSpec {
  readonly id: string;
  readonly max: number;
  readonly step: number;
}

export function makeSubjects(indicators: readonly IndicatorSpec[], count: number, seed = 20180501): BenchSubject[] {
  const rand = mulberry32(seed);
  const out: BenchSubject[] = [];
  for (let k = 0; k < count; k++) {
    // A subject-wide level in [0.5, 1) plus ±1 point of noise per indicator: the totals spread
    // over roughly 45–100 with the median near the 75-point threshold.
    const level = 0.5 + rand() * 0.5;
    const scores: Record<string, number> = {};
    for (const ind of indicators) {
      const units = Math.round(ind.max / ind.step);
      const u = Math.round(units * level) + intIn(rand, -1, 1);
      scores[ind.id] = Math.min(units, Math.max(0, u)) * ind.step;
    }
    out.push({ id: `cd-${String(k + 1).padStart(5, '0')}`, scores });
  }
  // Round-trip through JSON, so the objects are shaped as they arrive from a request or a file
  // (built key by key, a 23-key object would be in V8's slower dictionary mode).
  return JSON.parse(JSON.stringify(out)) as BenchSubject[];
}
