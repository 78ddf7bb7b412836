/**
 * The same rules encoded for json-rules-engine, in the most favourable of the encodings tried
 * (see README): each indicator's score is a runtime fact named after the indicator, one rule per
 * indicator checks 0 ≤ score ≤ max and the step, the total is a fact computed by a fact function,
 * and one rule awards the title at total ≥ 75. `engine.run` is async: callers await each run.
 */
import { Engine } from 'json-rules-engine';

export interface JreIndicator {
  readonly id: string;
  readonly max: number;
  readonly step: number;
}

export interface JreResult {
  readonly total: number;
  readonly titles: readonly string[];
  readonly errors?: readonly string[];
}

export function buildJreEngine(indicators: readonly JreIndicator[], threshold: number, title: string): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false });
  engine.addOperator('multipleOf', (a: number, b: number) => Number.isInteger(a / b));
  for (const { id, max, step } of indicators) {
    engine.addRule({
      name: `valid ${id}`,
      priority: 10,
      conditions: {
        all: [
          { fact: id, operator: 'greaterThanInclusive', value: 0 },
          { fact: id, operator: 'lessThanInclusive', value: max },
          { fact: id, operator: 'multipleOf', value: step },
        ],
      },
      event: { type: 'valid', params: { id } },
    });
  }
  engine.addFact('total', async (_params, almanac) => {
    let t = 0;
    for (const { id } of indicators) t += (await almanac.factValue(id)) as number;
    return t;
  });
  engine.addRule({
    name: 'title',
    priority: 1,
    conditions: { all: [{ fact: 'total', operator: 'greaterThanInclusive', value: threshold }] },
    event: { type: 'title', params: { name: title } },
  });
  return engine;
}

/** Runs one subject and reads the result back: total (0 when invalid), titles, errors. */
export async function runJre(engine: Engine, scores: Record<string, number>): Promise<JreResult> {
  const r = await engine.run(scores);
  if (r.failureEvents.length > 0) {
    const errors = r.failureEvents.filter((e) => e.type === 'valid').map((e) => `invalid score ${String(e.params?.['id'])}`);
    if (errors.length > 0) return { total: 0, titles: [], errors };
  }
  const total = (await r.almanac.factValue('total')) as number;
  const titles: string[] = [];
  for (const e of r.events) if (e.type === 'title') titles.push(String(e.params?.['name']));
  return { total, titles };
}
