/** `hoctap eval REF --input FILE` — scores many subjects and reports totals, titles and levels. */
import { evaluate, explanationText, type EvaluationResult, type Model } from '@hoctap/core';
import type { Command } from '../command.js';
import { CliError, type Ctx } from '../context.js';
import { loadFramework } from '../frameworks.js';
import { readInput, type FieldError, type ReadResult, type RowError } from '../input/index.js';
import { num, percent, table } from '../text.js';

/** One input row after scoring: a result, or the errors that kept it from being scored. */
export interface EvalRecord {
  readonly row: number;
  readonly id: string;
  readonly name?: string;
  readonly result?: EvaluationResult;
  readonly errors?: readonly FieldError[];
}

/** Scored rows in input order, and the problems that belong to no subject (bad header columns). */
export interface EvalRun {
  readonly records: readonly EvalRecord[];
  readonly fileErrors: readonly RowError[];
}

/**
 * Scores every subject read from the input. `explain` says which subjects (by position among the
 * scored ones) get an explanation tree.
 */
export function scoreAll(model: Model, input: ReadResult, opts: { explain?: (index: number) => boolean; year?: number } = {}): EvalRun {
  const records: EvalRecord[] = [];
  input.subjects.forEach((s, k) => {
    const explain = opts.explain?.(k) ?? false;
    const result = evaluate(model, s.subject, { explain, ...(opts.year !== undefined ? { year: opts.year } : {}) });
    const base = { row: s.row, id: s.subject.id ?? `#${s.row}`, ...(s.name !== undefined ? { name: s.name } : {}) };
    records.push(result.errors ? { ...base, errors: result.errors } : { ...base, result });
  });
  for (const e of input.rowErrors) if (e.id !== undefined) records.push({ row: e.row, id: e.id, ...(e.name !== undefined ? { name: e.name } : {}), errors: e.errors });
  records.sort((a, b) => a.row - b.row);
  return { records, fileErrors: input.rowErrors.filter((e) => e.id === undefined) };
}

/** True when some row (or the header) could not be read or scored. */
export function hasRowErrors(run: EvalRun): boolean {
  return run.fileErrors.length > 0 || run.records.some((r) => r.errors);
}

/** The JSON form of one record, as `eval --json` prints it. */
export function recordJson(ctx: Ctx, r: EvalRecord): Record<string, unknown> {
  const head = { id: r.id, ...(r.name !== undefined ? { name: r.name } : {}), row: r.row };
  if (r.errors || !r.result) return { ...head, errors: (r.errors ?? []).map((e) => ({ code: e.code, field: e.field ?? null, message: ctx.t(e.message, e.messageEn) })) };
  const res = r.result;
  return { ...head, total: res.total, titles: res.titles, level: res.level ?? null, ...(res.explanation ? { explanation: res.explanation } : {}) };
}

const csvCell = (s: string): string => (/[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The `--csv` output: id,total,titles,level,errors, with a BOM so that Excel reads it as UTF-8. */
export function resultsCsv(ctx: Ctx, run: EvalRun): string {
  const lines = ['id,total,titles,level,errors'];
  for (const r of run.records) {
    const errors = (r.errors ?? []).map((e) => `${e.field ? `${e.field}: ` : ''}${ctx.t(e.message, e.messageEn)}`).join('; ');
    const res = r.result;
    lines.push([r.id, res ? String(res.total) : '', res ? res.titles.join('; ') : '', res?.level ?? '', errors].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Header-error lines: `Dòng 1 (tiêu đề): Cột "1.9" …`. */
export function fileErrorLines(ctx: Ctx, run: EvalRun): string[] {
  return run.fileErrors.flatMap((e) => e.errors.map((f) => `${ctx.t('Dòng', 'Row')} ${e.row} (${ctx.t('tiêu đề', 'header')}): ${ctx.t(f.message, f.messageEn)}`));
}

/** Row-error lines, header first: `Dòng 7 (thue-02): Điểm chỉ số 1.1 = 8 vượt tối đa 6`. */
export function rowErrorLines(ctx: Ctx, run: EvalRun): string[] {
  const lines = fileErrorLines(ctx, run);
  for (const r of run.records) {
    if (!r.errors) continue;
    for (const f of r.errors) lines.push(`${ctx.t('Dòng', 'Row')} ${r.row} (${r.id}): ${ctx.t(f.message, f.messageEn)}`);
  }
  return lines;
}

/** The summary: rows scored, rows with errors, and for each title how many earned it and the share. */
export function summaryLines(ctx: Ctx, model: Model, run: EvalRun): string[] {
  const scored = run.records.filter((r) => r.result);
  const failed = run.records.length - scored.length;
  const lines = [
    ctx.t(
      `${run.records.length} đối tượng: ${scored.length} chấm được, ${failed} có lỗi${run.fileErrors.length ? `; dòng tiêu đề có ${run.fileErrors.reduce((s, e) => s + e.errors.length, 0)} lỗi` : ''}.`,
      `${run.records.length} subjects: ${scored.length} scored, ${failed} with errors${run.fileErrors.length ? `; the header has ${run.fileErrors.reduce((s, e) => s + e.errors.length, 0)} problem(s)` : ''}.`,
    ),
  ];
  for (const t of model.titles) {
    const n = scored.filter((r) => r.result!.titles.includes(t.name)).length;
    lines.push(ctx.t(`Đạt "${t.name}": ${n}/${scored.length} (${percent(ctx, n, scored.length)}).`, `"${t.name}": ${n}/${scored.length} (${percent(ctx, n, scored.length)}).`));
  }
  return lines;
}

/** Prints the readable report: the table, explanations, row errors and the summary. */
export function printReport(ctx: Ctx, model: Model, run: EvalRun): void {
  const withNames = run.records.some((r) => r.name !== undefined);
  const head = [ctx.t('Mã', 'Id'), ...(withNames ? [ctx.t('Họ tên', 'Name')] : []), ctx.t('Tổng', 'Total'), ctx.t('Danh hiệu', 'Titles'), ctx.t('Xếp loại', 'Level')];
  const rows = run.records.map((r) => [
    r.id,
    ...(withNames ? [r.name ?? ''] : []),
    r.result ? num(ctx, r.result.total) : '—',
    r.result ? r.result.titles.join('; ') || '—' : ctx.t(`✗ lỗi ở dòng ${r.row} (xem dưới)`, `✗ error on row ${r.row} (see below)`),
    r.result ? (r.result.level ?? '—') : '',
  ]);
  const align = head.map((_, i) => (i === (withNames ? 2 : 1) ? 'r' : 'l') as 'l' | 'r');
  ctx.out(table([head, ...rows], align));
  for (const r of run.records) {
    if (!r.result?.explanation) continue;
    ctx.out();
    ctx.out(ctx.t(`Giải thích — ${r.id}${r.name ? ` (${r.name})` : ''}:`, `Explanation — ${r.id}${r.name ? ` (${r.name})` : ''}:`));
    ctx.out(explanationText(r.result.explanation, '  '));
  }
  const errs = rowErrorLines(ctx, run);
  if (errs.length > 0) {
    ctx.out();
    ctx.out(ctx.t('Dòng không chấm được:', 'Rows that could not be scored:'));
    for (const l of errs) ctx.out(`  ${l}`);
  }
  ctx.out();
  for (const l of summaryLines(ctx, model, run)) ctx.out(l);
}

/** The `eval` command. */
export const evalCommand: Command = {
  name: 'eval',
  summary: { vi: 'chấm điểm nhiều đối tượng từ tệp JSON, CSV hoặc Excel', en: 'score many subjects from a JSON, CSV or Excel file' },
  options: { input: { type: 'string', short: 'i' }, year: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'string' }, explain: { type: 'boolean' } },
  help: {
    vi: `Cách dùng: hoctap eval PLUGIN/BỘ-TIÊU-CHÍ | TỆP.tieuchi --input DỮ-LIỆU.(json|csv|xlsx)
                   [--year NĂM] [--json | --csv KẾT-QUẢ.csv] [--explain]

Chấm điểm từng đối tượng trong tệp dữ liệu theo bộ tiêu chí, in tổng điểm, danh hiệu đạt được
và xếp loại. Dòng sai (ô điểm không phải số, điểm vượt tối đa, cột lạ…) được báo kèm số dòng
(dòng tiêu đề là dòng 1); các dòng khác vẫn được chấm.

Bảng tính (CSV, Excel): mỗi dòng một đối tượng, mỗi cột một chỉ số — tiêu đề cột đúng bằng số
chỉ số (vd. 1.2). Cột tùy chọn: mã (id), họ tên (name), nhóm (group), năm (year), sự kiện (facts,
cách nhau bởi ;), thuộc tính:MÃ (attr:MÃ), minh chứng:1.2 (evidence:1.2 — x, có, 1, true, đạt là
có). Số viết 7,5 hay 7.5 đều được. CSV phân cách bằng dấu phẩy, chấm phẩy hoặc tab.
JSON: danh sách {id, scores, year, group, attributes, evidence, facts, history, members}.

Tùy chọn:
  -i, --input TỆP      tệp dữ liệu (bắt buộc)
  --year NĂM           năm đánh giá cho đối tượng không ghi năm
  --json               in kết quả dạng JSON: [{id, total, titles, level} | {id, errors}]
  --csv TỆP            ghi kết quả ra CSV: id,total,titles,level,errors
  --explain            kèm giải thích từng danh hiệu, từng chỉ số
  --lang en            thông báo bằng tiếng Anh
  -h, --help           xem hướng dẫn này

Mã thoát: 0 mọi dòng được chấm · 1 không chạy được (thiếu tệp, bộ tiêu chí có lỗi, tùy chọn sai)
· 2 có dòng không chấm được (các dòng khác vẫn có kết quả)`,
    en: `Usage: hoctap eval PLUGIN/FRAMEWORK | FILE.tieuchi --input DATA.(json|csv|xlsx)
                   [--year YEAR] [--json | --csv OUT.csv] [--explain]

Scores each subject of the data file against the framework: total, titles earned, level. A bad
row (a score that is not a number, above the maximum, an unknown column…) is reported with its
row number (the header is row 1); the other rows are still scored.

Sheets (CSV, Excel): one row per subject, one column per indicator, headed by its number (1.2).
Optional columns: id (mã), name (họ tên), group (nhóm), year (năm), facts (sự kiện, separated by
;), attr:ID (thuộc tính:ID), evidence:1.2 (minh chứng:1.2 — x, có, 1, true, đạt mean yes).
Numbers as 7,5 or 7.5. CSV separated by commas, semicolons or tabs.
JSON: an array of {id, scores, year, group, attributes, evidence, facts, history, members}.

Options:
  -i, --input FILE     the data file (required)
  --year YEAR          the campaign year for subjects that carry none
  --json               print JSON: [{id, total, titles, level} | {id, errors}]
  --csv FILE           write the results as CSV: id,total,titles,level,errors
  --explain            explain every title and indicator
  --lang en            messages in English
  -h, --help           show this help

Exit codes: 0 every row scored · 1 could not run (missing file, framework with errors, bad
option) · 2 some rows could not be scored (the others have results)`,
  },
  async run(ctx, { values, positionals }) {
    if (positionals.length !== 1)
      throw new CliError(ctx.t('Cần đúng một bộ tiêu chí: hoctap eval PLUGIN/BỘ-TIÊU-CHÍ --input TỆP', 'Give exactly one framework: hoctap eval PLUGIN/FRAMEWORK --input FILE'));
    const input = values.input;
    if (typeof input !== 'string') throw new CliError(ctx.t('Thiếu --input TỆP (.json, .csv hoặc .xlsx)', 'Missing --input FILE (.json, .csv or .xlsx)'));
    if (values.json && values.csv !== undefined) throw new CliError(ctx.t('Chọn một trong --json và --csv', 'Use either --json or --csv, not both'));
    let year: number | undefined;
    if (values.year !== undefined) {
      if (typeof values.year !== 'string' || !/^\d{4}$/.test(values.year)) throw new CliError(ctx.t(`--year cần một năm dạng YYYY, không phải \`${String(values.year)}\``, `--year needs a year YYYY, not \`${String(values.year)}\``));
      year = Number(values.year);
    }
    const fw = await loadFramework(ctx, positionals[0]!);
    const data = await readInput(ctx, input, fw.model);
    const explain = values.explain === true;
    const run = scoreAll(fw.model, data, { explain: () => explain, ...(year !== undefined ? { year } : {}) });
    if (values.json) {
      ctx.out(JSON.stringify(run.records.map((r) => recordJson(ctx, r)), null, 2));
      // Row errors are in the JSON; header problems belong to no subject, so they go to stderr.
      for (const l of fileErrorLines(ctx, run)) ctx.err(l);
    } else if (typeof values.csv === 'string') {
      await ctx.io.writeFile(ctx.path(values.csv), resultsCsv(ctx, run));
      if (explain)
        for (const r of run.records) if (r.result?.explanation) ctx.out(explanationText(r.result.explanation));
      for (const l of rowErrorLines(ctx, run)) ctx.err(l);
      for (const l of summaryLines(ctx, fw.model, run)) ctx.out(l);
      ctx.out(ctx.t(`Đã ghi kết quả vào ${values.csv}.`, `Results written to ${values.csv}.`));
    } else printReport(ctx, fw.model, run);
    return hasRowErrors(run) ? 2 : 0;
  },
};
