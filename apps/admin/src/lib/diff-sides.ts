/**
 * Both sides of a change between two frameworks, for the side-by-side view: the engine's `Change`
 * says what changed; where it leaves a side empty (a title's rule, an added indicator, the
 * calendar), the text is taken from the models.
 */
import type { Change, Model, Title } from '@hoctap/core';
import { conditionText } from '@hoctap/criteria-dsl';

const titleRule = (t: Title | undefined): string => {
  if (!t) return '';
  const parts = [...(t.when ? [conditionText(t.when)] : []), ...t.cases.map((c) => `nếu ${conditionText(c.guard)} thì ${conditionText(c.then)}`)];
  return parts.join('; ');
};

const indicatorText = (m: Model, id: string) => {
  const i = m.indicators.find((x) => x.id === id);
  return i ? `${i.id} "${i.text}" tối đa ${i.max}${i.needsEvidence ? ', cần minh chứng' : ''}` : '';
};
const criterionText = (m: Model, id: string) => {
  const c = m.criteria.find((x) => x.id === id);
  return c ? `${c.id} "${c.text}"` : '';
};
const titleByName = (m: Model, name: string) => m.titles.find((t) => t.name === name || t.id === name);

/** [before, after] for one change; '—' where a side does not exist. */
export function changeSides(c: Change, base: Model, draft: Model): [string, string] {
  if (c.kind === 'added' || c.kind === 'removed') {
    const m = c.kind === 'added' ? draft : base;
    let text = c.id;
    if (c.target === 'indicator') text = indicatorText(m, c.id);
    else if (c.target === 'criterion') text = criterionText(m, c.id);
    else if (c.target === 'title') {
      const t = titleByName(m, c.id);
      text = t ? `${t.name}: ${titleRule(t)}` : c.id;
    } else if (c.target === 'group') text = m.groups.find((g) => g.id === c.id)?.name ?? c.id;
    return c.kind === 'added' ? ['—', text] : [text, '—'];
  }
  if (c.from || c.to) return [c.from ?? '', c.to ?? ''];
  if (c.target === 'title') return [titleRule(titleByName(base, c.id)), titleRule(titleByName(draft, c.id))];
  if (c.target === 'calendar') {
    const cal = (m: Model) => m.calendar.map((s) => `${s.step}: ${s.description}`).join('; ');
    return [cal(base), cal(draft)];
  }
  if (c.target === 'indicator') {
    const v = (m: Model) => {
      const i = m.indicators.find((x) => x.id === c.id);
      return i ? Object.entries(i.variants).map(([g, x]) => `${g}: "${x.text}"${x.max !== undefined ? ` (${x.max})` : ''}`).join('; ') : '';
    };
    return [v(base), v(draft)];
  }
  return ['', ''];
}
