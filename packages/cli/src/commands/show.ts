/** `hoctap show REF [--json]` — the checked model of a framework, as a table or as JSON. */
import { STEP_NAMES_VI, type Indicator, type Model } from '@hoctap/core';
import type { Condition } from '@hoctap/criteria-dsl';
import type { Command } from '../command.js';
import { CliError, type Ctx } from '../context.js';
import { loadFramework, type LoadedFramework } from '../frameworks.js';
import { num, pad, wrap } from '../text.js';
import { periodText, statusText, subjectText } from './list.js';

/** The text of a condition as the author wrote it (whitespace collapsed), from the file that declared it. */
export function conditionText(cond: Condition, fw: LoadedFramework): string {
  const chain = [{ model: fw.model, source: fw.source }, ...fw.bases];
  // A condition inherited through `dựa trên` is the same node as in the base: quote the base-most file that has it.
  let source = fw.source;
  for (const c of chain) if (holds(c.model, cond)) source = c.source;
  return source.slice(cond.range.start.offset, cond.range.end.offset).replace(/\s+/g, ' ').trim();
}

function holds(m: Model, cond: Condition): boolean {
  return (
    m.titles.some((t) => t.when === cond || t.cases.some((c) => c.guard === cond || c.then === cond)) ||
    (m.grading?.levels.some((l) => l.when === cond) ?? false) ||
    m.targets.some((t) => t.guard === cond)
  );
}

/**
 * A criterion's maximum for the widest target group. The model's `max` leaves out indicators that
 * apply only to some groups, so it is recomputed here per group.
 */
export function criterionMax(m: Model, c: Model['criteria'][number]): number {
  if (m.groups.length === 0) return c.max;
  const byId = new Map(m.indicators.map((i) => [i.id, i]));
  let best = 0;
  for (const g of m.groups) {
    let sum = 0;
    for (const id of c.indicators) {
      const i = byId.get(id);
      if (i && (i.onlyFor.length === 0 || i.onlyFor.includes(g.id))) sum += i.variants[g.id]?.max ?? i.max;
    }
    best = Math.max(best, sum);
  }
  return Math.round(best * 1e9) / 1e9;
}

function measureJson(i: Indicator): Record<string, unknown> {
  const m = i.measure;
  if (m.kind === 'measured') return { kind: 'measured', ...(m.unit !== undefined ? { unit: m.unit } : {}) };
  return { kind: m.kind };
}

/** The JSON form of a framework for `show --json`. */
export function showJson(fw: LoadedFramework): Record<string, unknown> {
  const m = fw.model;
  const byId = new Map(m.indicators.map((i) => [i.id, i]));
  const indicatorJson = (i: Indicator) => ({
    id: i.id,
    text: i.text,
    max: i.max,
    step: i.step,
    measure: measureJson(i),
    ...(i.bands.length > 0 ? { bands: i.bands.map((b) => ({ op: b.op, value: b.value, points: b.points })) } : {}),
    needsEvidence: i.needsEvidence || m.rules.evidenceForAll,
    onlyFor: i.onlyFor,
    ...(Object.keys(i.variants).length > 0 ? { variants: i.variants } : {}),
    ...(i.source ? { source: i.source } : {}),
    ...(i.assumption ? { assumption: i.assumption } : {}),
  });
  return {
    ...(fw.ref ? { ref: fw.ref } : {}),
    id: m.id,
    title: m.title,
    subject: m.subject,
    locality: m.locality ?? null,
    effective: m.effective ? { from: m.effective.from, to: m.effective.to ?? null } : null,
    status: m.status,
    file: fw.file,
    basedOn: m.basedOn ?? null,
    bases: m.bases,
    max: m.max,
    statedTotal: m.statedTotal ?? null,
    rules: m.rules,
    groups: m.groups.map((g) => {
      const applies = m.indicators.filter((i) => i.onlyFor.length === 0 || i.onlyFor.includes(g.id));
      return {
        id: g.id,
        name: g.name,
        max: applies.reduce((s, i) => s + (i.variants[g.id]?.max ?? i.max), 0),
        indicators: applies.map((i) => {
          const v = i.variants[g.id];
          return { id: i.id, ...(v ? { text: v.text, ...(v.max !== undefined ? { max: v.max } : {}) } : {}) };
        }),
      };
    }),
    attributes: m.attributes,
    facts: m.facts,
    competencies: m.competencies,
    criteria: m.criteria.map((c) => ({
      id: c.id,
      title: c.text,
      max: criterionMax(m, c),
      ...(c.statedTotal !== undefined ? { statedTotal: c.statedTotal } : {}),
      ...(c.competency !== undefined ? { competency: c.competency } : {}),
      ...(c.source ? { source: c.source } : {}),
      indicators: c.indicators.flatMap((id) => {
        const i = byId.get(id);
        return i ? [indicatorJson(i)] : [];
      }),
    })),
    titles: m.titles.map((t) => ({
      id: t.id,
      name: t.name,
      ...(t.when ? { when: conditionText(t.when, fw) } : {}),
      cases: t.cases.map((c) => ({ if: conditionText(c.guard, fw), then: conditionText(c.then, fw) })),
      dependsOn: t.dependsOn,
      ...(t.source ? { source: t.source } : {}),
    })),
    grading: m.grading ? { levels: m.grading.levels.map((l) => ({ name: l.name, when: l.when ? conditionText(l.when, fw) : null })) } : null,
    targets: m.targets.map(({ guard, ...t }) => ({ ...t, ...(guard ? { guard: conditionText(guard, fw) } : {}) })),
    calendar: m.calendar.map((s) => ({ step: s.step, ...(s.label !== undefined ? { label: s.label } : {}), description: s.description, from: s.from ?? null, to: s.to, late: s.late })),
    examples: m.examples.map((e) => e.name.value),
  };
}

const TEXT_WIDTH = 64;

/** Prints the model as a readable table. */
function showText(ctx: Ctx, fw: LoadedFramework): void {
  const m = fw.model;
  const t = ctx.t.bind(ctx);
  ctx.out(`${t('Bộ tiêu chí', 'Framework')} ${m.id}${fw.ref ? ` (${fw.ref})` : ''}`);
  ctx.out(m.title);
  ctx.out(`${t('Đối tượng', 'Subject')}: ${subjectText(ctx, m.subject)}${m.locality ? ` · ${t('địa bàn', 'locality')}: ${m.locality.name ?? ''} (${t('mã', 'code')} ${m.locality.code})` : ''}`);
  ctx.out(`${t('Hiệu lực', 'Effective')}: ${periodText(ctx, m.effective)} · ${t('trạng thái', 'status')}: ${statusText(ctx, m.status)}`);
  if (m.basedOn) ctx.out(`${t('Dựa trên', 'Based on')}: ${m.basedOn}`);
  ctx.out(`${t('Tệp', 'File')}: ${fw.file}`);
  if (m.bases.length > 0) {
    ctx.out(`${t('Căn cứ', 'Legal basis')}:`);
    for (const b of m.bases) ctx.out(`  ${b.id}: ${b.text}${b.from ? ` (${t('từ', 'from')} ${b.from.split('-').reverse().join('/')})` : ''}`);
  }
  if (m.groups.length > 0) {
    ctx.out(`${t('Nhóm đối tượng', 'Target groups')}:`);
    for (const g of m.groups) ctx.out(`  ${g.id}: ${g.name}`);
  }
  ctx.out();
  const rows: [string, string, string][] = [];
  const idWidth = Math.max(6, ...m.criteria.map((c) => c.id.length), ...m.indicators.map((i) => i.id.length + 2));
  const line = (id: string, text: string, max: string) => rows.push([id, text, max]);
  for (const c of m.criteria) {
    const first = wrap(`${c.text}`, TEXT_WIDTH);
    line(c.id, first[0]!, num(ctx, criterionMax(m, c)));
    for (const more of first.slice(1)) line('', more, '');
    for (const id of c.indicators) {
      const i = m.indicators.find((x) => x.id === id);
      if (!i) continue;
      const notes: string[] = [];
      if (i.measure.kind === 'yes-no') notes.push(t('đạt / không đạt', 'yes / no'));
      if (i.measure.kind === 'measured') notes.push(`${t('đo', 'measured')}${i.measure.unit ? ` ${i.measure.unit}` : ''}`);
      if (i.measure.kind === 'member-ratio') notes.push(t('tỉ lệ thành viên', 'share of members'));
      for (const b of i.bands) notes.push(`${b.op} ${num(ctx, b.value)} → ${num(ctx, b.points)}`);
      if (i.step !== 1) notes.push(`${t('bước', 'step')} ${num(ctx, i.step)}`);
      if (i.needsEvidence || m.rules.evidenceForAll) notes.push(t('cần minh chứng', 'needs evidence'));
      if (i.onlyFor.length > 0) notes.push(`${t('chỉ cho', 'only for')} ${i.onlyFor.join(', ')}`);
      const lines = wrap(`${i.text}${notes.length ? ` [${notes.join('; ')}]` : ''}`, TEXT_WIDTH);
      line(`  ${i.id}`, lines[0]!, num(ctx, i.max));
      for (const more of lines.slice(1)) line('', more, '');
      for (const [g, v] of Object.entries(i.variants)) {
        const vl = wrap(`${t('riêng', 'for')} ${g}: ${v.text}`, TEXT_WIDTH - 2);
        line('', `  ${vl[0]!}`, v.max !== undefined ? num(ctx, v.max) : '');
        for (const more of vl.slice(1)) line('', `  ${more}`, '');
      }
    }
  }
  const head = [t('Số', 'No.'), t('Nội dung', 'Wording'), t('Tối đa', 'Max')] as const;
  const maxW = Math.max(head[2].length, ...rows.map((r) => r[2].length));
  ctx.out(`${pad(head[0], idWidth)}  ${pad(head[1], TEXT_WIDTH)}  ${pad(head[2], maxW, 'r')}`);
  ctx.out(`${'─'.repeat(idWidth)}  ${'─'.repeat(TEXT_WIDTH)}  ${'─'.repeat(maxW)}`);
  for (const [id, text, max] of rows) ctx.out(`${pad(id, idWidth)}  ${pad(text, TEXT_WIDTH)}  ${pad(max, maxW, 'r')}`.trimEnd());
  ctx.out(`${'─'.repeat(idWidth)}  ${'─'.repeat(TEXT_WIDTH)}  ${'─'.repeat(maxW)}`);
  ctx.out(`${pad('', idWidth)}  ${pad(t(`Tổng điểm (${m.criteria.length} tiêu chí, ${m.indicators.length} chỉ số)`, `Total (${m.criteria.length} criteria, ${m.indicators.length} indicators)`), TEXT_WIDTH)}  ${pad(num(ctx, m.max), maxW, 'r')}`);
  const rules: string[] = [];
  if (m.rules.evidenceForAll) rules.push(t('mọi chỉ số cần minh chứng (không có thì 0 điểm)', 'every indicator needs evidence (none: 0 points)'));
  if (m.rules.floor !== undefined) rules.push(`${t('điểm sàn', 'floor')} ${num(ctx, m.rules.floor)}`);
  if (m.rules.round !== undefined) rules.push(`${t('làm tròn', 'rounding')} ${num(ctx, m.rules.round)}`);
  if (m.rules.missingData === 'exclude') rules.push(t('thiếu dữ liệu thành viên: bỏ qua', 'missing member data: excluded'));
  if (rules.length > 0) {
    ctx.out();
    ctx.out(`${t('Quy tắc chấm', 'Scoring rules')}: ${rules.join('; ')}`);
  }
  ctx.out();
  ctx.out(`${t('Danh hiệu', 'Titles')}:`);
  if (m.titles.length === 0) ctx.out(`  ${t('(không có)', '(none)')}`);
  for (const ti of m.titles) {
    ctx.out(`  • ${ti.name}${ti.id !== ti.name ? ` (${ti.id})` : ''}${ti.when ? `: ${t('khi', 'when')} ${conditionText(ti.when, fw)}` : ''}`);
    for (const c of ti.cases) ctx.out(`      ${t('nếu', 'if')} ${conditionText(c.guard, fw)} ${t('thì', 'then')} ${conditionText(c.then, fw)}`);
  }
  if (m.grading) {
    ctx.out(`${t('Xếp loại', 'Grading')}:`);
    for (const l of m.grading.levels) ctx.out(`  • ${l.name}: ${l.when ? `${t('khi', 'when')} ${conditionText(l.when, fw)}` : t('còn lại', 'otherwise')}`);
  }
  if (m.targets.length > 0) {
    ctx.out(`${t('Chỉ tiêu', 'Targets')}:`);
    for (const tg of m.targets) {
      const what = tg.what.kind === 'title' ? tg.what.title : tg.what.fact;
      ctx.out(`  • ${what}${tg.year !== undefined ? ` ${t('năm', 'by')} ${tg.year}` : ''}: ${num(ctx, tg.share)}%${tg.guard ? ` (${t('nếu', 'if')} ${conditionText(tg.guard, fw)})` : ''}`);
    }
  }
  if (m.calendar.length > 0) {
    ctx.out(`${t('Lịch', 'Calendar')}:`);
    for (const s of m.calendar) ctx.out(`  • ${t(STEP_NAMES_VI[s.step], s.step)}: ${s.label ? `${s.label} — ` : ''}${s.description}`);
  }
  const ex = m.examples.length;
  ctx.out(ex > 0 ? t(`Ví dụ mẫu: ${ex} (chạy \`hoctap test ${fw.ref ?? fw.file}\`)`, `Worked examples: ${ex} (run \`hoctap test ${fw.ref ?? fw.file}\`)`) : t('Ví dụ mẫu: không có', 'Worked examples: none'));
}

/** The `show` command. */
export const showCommand: Command = {
  name: 'show',
  summary: { vi: 'xem nội dung một bộ tiêu chí đã kiểm tra', en: 'show a checked framework' },
  options: { json: { type: 'boolean' } },
  help: {
    vi: `Cách dùng: hoctap show PLUGIN/BỘ-TIÊU-CHÍ | TỆP.tieuchi[#MÃ] [--json]

In bộ tiêu chí đã kiểm tra: thông tin chung, căn cứ, bảng tiêu chí – chỉ số với điểm tối đa,
quy tắc chấm, danh hiệu và điều kiện, xếp loại, chỉ tiêu, lịch. Với tệp có nhiều bộ tiêu chí,
chọn một bằng TỆP.tieuchi#MÃ.

Tùy chọn:
  --json        in mô hình dạng JSON (id, title, groups, criteria với indicators, titles, …)
  --lang en     thông báo bằng tiếng Anh
  -h, --help    xem hướng dẫn này

Mã thoát: 0 · 1 không tìm thấy bộ tiêu chí hoặc tệp có lỗi`,
    en: `Usage: hoctap show PLUGIN/FRAMEWORK | FILE.tieuchi[#ID] [--json]

Prints the checked framework: general information, legal basis, the table of criteria and
indicators with their maxima, scoring rules, titles and their rules, grading, targets, calendar.
For a file with several frameworks, pick one with FILE.tieuchi#ID.

Options:
  --json        print the model as JSON (id, title, groups, criteria with indicators, titles, …)
  --lang en     messages in English
  -h, --help    show this help

Exit codes: 0 · 1 framework not found or the file has errors`,
  },
  async run(ctx, { values, positionals }) {
    if (positionals.length !== 1)
      throw new CliError(ctx.t('Cần đúng một bộ tiêu chí: hoctap show PLUGIN/BỘ-TIÊU-CHÍ | TỆP.tieuchi', 'Give exactly one framework: hoctap show PLUGIN/FRAMEWORK | FILE.tieuchi'));
    const fw = await loadFramework(ctx, positionals[0]!);
    if (values.json) ctx.out(JSON.stringify(showJson(fw), null, 2));
    else showText(ctx, fw);
    return 0;
  },
};
