/** A framework's rules in plain Vietnamese words, for score sheets, decisions and credentials. */
import type { Model } from '@hoctap/core';
import { conditionText, type ConditionNames } from '@hoctap/criteria-dsl';
import { viNumber } from './text.js';

type Condition = NonNullable<Model['titles'][number]['when']>;

/** The names of a model's titles, facts, target groups and attributes, for the prose renderer. */
function modelNames(model: Model): ConditionNames {
  return {
    title: (key) => model.titles.find((x) => x.id === key || x.name === key)?.name,
    fact: (id) => model.facts.find((f) => f.id === id)?.name,
    group: (id) => model.groups.find((g) => g.id === id)?.name,
    attribute: (id) => model.attributes.find((a) => a.id === id)?.name,
  };
}

/** A condition of the model in words, names taken from the model (the language package's prose style). */
export function conditionWords(c: Condition, model: Model): string {
  return conditionText(c, { style: 'prose', names: modelNames(model) });
}

/** Each title's rule as a sentence: "Danh hiệu “Công dân học tập”: tổng điểm từ 75 điểm trở lên." */
export function titleRulesWords(model: Model): string[] {
  const names = modelNames(model);
  const words = (c: Condition) => conditionText(c, { style: 'prose', names });
  const out: string[] = [];
  for (const t of model.titles) {
    const parts: string[] = [];
    if (t.when) parts.push(words(t.when));
    for (const k of t.cases) parts.push(`nếu ${words(k.guard)} thì ${words(k.then)}`);
    const src = t.source ? ` (theo ${t.source.clause ? `${t.source.clause}, ` : ''}${t.source.text})` : '';
    out.push(`Danh hiệu “${t.name}”: ${parts.length ? parts.join('; ') : 'theo quy định'}${src}.`);
  }
  if (model.grading) {
    for (const l of model.grading.levels) out.push(`Xếp loại “${l.name}”: ${l.when ? words(l.when) : 'các trường hợp còn lại'}.`);
  }
  if (model.rules.floor !== undefined) out.push(`Điểm sàn: mỗi chỉ số không dưới ${viNumber(model.rules.floor)} điểm.`);
  return out;
}
