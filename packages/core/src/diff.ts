/** What a derived framework changed against its base ("dựa trên"), for the checker and the portal. */
import { fmt } from './compile.js';
import type { Model } from './model.js';

/** One difference between two frameworks. */
export interface Change {
  readonly kind: 'added' | 'removed' | 'changed';
  readonly target: 'criterion' | 'indicator' | 'title' | 'group' | 'rule' | 'target' | 'calendar';
  readonly id: string;
  readonly field?: string;
  readonly from?: string;
  readonly to?: string;
  /** The change in Vietnamese. */
  readonly text: string;
}

const WHAT: Record<Change['target'], string> = {
  criterion: 'tiêu chí',
  indicator: 'chỉ số',
  title: 'danh hiệu',
  group: 'nhóm đối tượng',
  rule: 'quy tắc',
  target: 'chỉ tiêu',
  calendar: 'lịch',
};

/** Lists what `derived` adds, removes and changes relative to `base`. */
export function diffModels(base: Model, derived: Model): Change[] {
  const out: Change[] = [];
  const add = (c: Omit<Change, 'text'>) => {
    const what = `${WHAT[c.target]} ${c.id}`;
    const text =
      c.kind === 'added' ? `Thêm ${what}` : c.kind === 'removed' ? `Bỏ ${what}` : `Sửa ${what}: ${c.field} ${c.from ?? ''} → ${c.to ?? ''}`;
    out.push({ ...c, text });
  };
  const byId = <T extends { id: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.id, x]));
  const bi = byId(base.indicators);
  const di = byId(derived.indicators);
  for (const [id, d] of di) {
    const b = bi.get(id);
    if (!b) {
      add({ kind: 'added', target: 'indicator', id });
      continue;
    }
    if (b.max !== d.max) add({ kind: 'changed', target: 'indicator', id, field: 'điểm tối đa', from: fmt(b.max), to: fmt(d.max) });
    if (b.text !== d.text) add({ kind: 'changed', target: 'indicator', id, field: 'nội dung', from: `"${b.text}"`, to: `"${d.text}"` });
    if (b.needsEvidence !== d.needsEvidence) add({ kind: 'changed', target: 'indicator', id, field: 'cần minh chứng', from: b.needsEvidence ? 'có' : 'không', to: d.needsEvidence ? 'có' : 'không' });
    if (b.criterion !== d.criterion) add({ kind: 'changed', target: 'indicator', id, field: 'tiêu chí', from: b.criterion, to: d.criterion });
    const bv = JSON.stringify(b.variants);
    const dv = JSON.stringify(d.variants);
    if (bv !== dv) add({ kind: 'changed', target: 'indicator', id, field: 'nội dung theo nhóm', from: '', to: '' });
  }
  for (const id of bi.keys()) if (!di.has(id)) add({ kind: 'removed', target: 'indicator', id });
  const bc = byId(base.criteria);
  const dc = byId(derived.criteria);
  for (const [id, d] of dc) {
    const b = bc.get(id);
    if (!b) add({ kind: 'added', target: 'criterion', id });
    else if (b.text !== d.text) add({ kind: 'changed', target: 'criterion', id, field: 'nội dung', from: `"${b.text}"`, to: `"${d.text}"` });
  }
  for (const id of bc.keys()) if (!dc.has(id)) add({ kind: 'removed', target: 'criterion', id });
  const bt = byId(base.titles);
  const dt = byId(derived.titles);
  for (const [id, d] of dt) {
    const b = bt.get(id);
    if (!b) add({ kind: 'added', target: 'title', id: d.name });
    else if (JSON.stringify(stripRange(b.when)) !== JSON.stringify(stripRange(d.when)) || JSON.stringify(stripRange(b.cases)) !== JSON.stringify(stripRange(d.cases)))
      add({ kind: 'changed', target: 'title', id: d.name, field: 'điều kiện', from: '', to: '' });
  }
  for (const [id, b] of bt) if (!dt.has(id)) add({ kind: 'removed', target: 'title', id: b.name });
  const bg = byId(base.groups);
  for (const g of derived.groups) if (!bg.has(g.id)) add({ kind: 'added', target: 'group', id: g.id });
  for (const g of base.groups) if (!derived.groups.some((x) => x.id === g.id)) add({ kind: 'removed', target: 'group', id: g.id });
  const rules: [string, unknown, unknown][] = [
    ['mọi chỉ số cần minh chứng', base.rules.evidenceForAll, derived.rules.evidenceForAll],
    ['điểm sàn', base.rules.floor, derived.rules.floor],
    ['làm tròn', base.rules.round, derived.rules.round],
    ['thiếu dữ liệu', base.rules.missingData, derived.rules.missingData],
  ];
  for (const [name, a, b] of rules) if (a !== b) add({ kind: 'changed', target: 'rule', id: name, field: 'giá trị', from: String(a ?? '—'), to: String(b ?? '—') });
  // Targets have no ids: one is known by what it counts, its year and its population.
  const targetKey = (t: Model['targets'][number]) =>
    `${t.what.kind === 'title' ? t.what.title : `sự kiện ${t.what.fact}`} ${t.perYearIncrease ? 'mỗi năm tăng' : `năm ${t.year ?? ''}`} ${fmt(t.share)}%${t.population ? ` trong "${t.population}"` : ''}${t.among ? ` trong số ${t.among.kind === 'title' ? t.among.title : t.among.fact}` : ''}${t.guard ? ` nếu ${JSON.stringify(stripRange(t.guard))}` : ''}`;
  const bk = new Set(base.targets.map(targetKey));
  const dk = new Set(derived.targets.map(targetKey));
  for (const k of dk) if (!bk.has(k)) add({ kind: 'added', target: 'target', id: k });
  for (const k of bk) if (!dk.has(k)) add({ kind: 'removed', target: 'target', id: k });
  if (JSON.stringify(base.calendar) !== JSON.stringify(derived.calendar)) add({ kind: 'changed', target: 'calendar', id: '', field: 'các bước', from: '', to: '' });
  return out;
}

function stripRange(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x ?? null, (k, v) => (k === 'range' ? undefined : v)));
}
