/** What the evaluation benchmark and its workers share: the framework, the subjects, the rules. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileText, type Model } from '@hoctap/core';
import { makeSubjects, type BenchSubject, type IndicatorSpec } from './subjects.ts';

export const SUBJECTS = 10_000;
export const SEED = 20180501;
export const FRAMEWORK = 'packages/plugins/phu-tho/frameworks/cdht-phu-tho-2018.tieuchi';

export interface PhuTho {
  readonly model: Model;
  readonly specs: readonly IndicatorSpec[];
  readonly subjects: readonly BenchSubject[];
}

/** Compiles the Phú Thọ 2018 framework and makes the seeded subjects. */
export function loadPhuTho(): PhuTho {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const compiled = compileText(readFileSync(root + FRAMEWORK, 'utf8'), { file: FRAMEWORK });
  if (!compiled.valid) throw new Error(`${FRAMEWORK} does not compile`);
  const model = compiled.models[0]!;
  const specs = model.indicators.map((i) => ({ id: i.id, max: i.max, step: i.step }));
  return { model, specs, subjects: makeSubjects(specs, SUBJECTS, SEED) };
}
