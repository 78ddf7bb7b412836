/** `hoctap test FILE|REF… | --all` — runs the worked examples written in criteria files. */
import { exampleDiagnostics } from '@hoctap/core';
import { formatDiagnostic } from '@hoctap/criteria-dsl';
import type { Command } from '../command.js';
import { CliError, type Ctx } from '../context.js';
import { openArgs, pluginSources, pluginTargets, Workspace, type Target } from '../frameworks.js';

/** Counts of a test run. */
export interface TestSummary {
  readonly frameworks: number;
  readonly passed: number;
  readonly failed: number;
  /** Frameworks that did not compile. */
  readonly broken: number;
}

/** Runs the examples of the targets, printing a ✓/✗ line per example and each failure. */
export function runTargets(ctx: Ctx, ws: Workspace, targets: readonly Target[]): TestSummary {
  let frameworks = 0;
  let passed = 0;
  let failed = 0;
  let broken = 0;
  const done = new Set<string>();
  for (const t of targets) {
    const key = `${t.file.name}#${t.framework ?? '*'}`;
    if (done.has(key)) continue;
    done.add(key);
    const r = ws.check(t.file);
    if (!r.compiles) {
      broken++;
      ctx.out(ctx.t(`✗ ${t.ref ?? t.file.name}: tệp có lỗi, không chạy được ví dụ`, `✗ ${t.ref ?? t.file.name}: the file has errors; examples not run`));
      for (const d of r.diagnostics.filter((x) => x.severity === 'error')) ctx.out(indent(formatDiagnostic(d, r.source, { lang: ctx.lang, file: t.file.name })));
      continue;
    }
    for (const model of r.models) {
      if (t.framework !== undefined && model.id !== t.framework) continue;
      frameworks++;
      const results = r.examples.filter((e) => e.framework === model.id);
      ctx.out(`${t.ref ?? model.id} (${t.file.name})`);
      if (results.length === 0) ctx.out(ctx.t('  (không có ví dụ nào)', '  (no worked examples)'));
      for (const res of results) {
        if (res.passed) {
          passed++;
          ctx.out(`  ✓ ${res.name}`);
          continue;
        }
        failed++;
        ctx.out(`  ✗ ${res.name}`);
        const diags = exampleDiagnostics([res], t.file.name);
        res.failures.forEach((f, i) => {
          const d = diags[i];
          if (d) ctx.out(indent(formatDiagnostic(d, r.source, { lang: ctx.lang, file: t.file.name }), '    '));
          ctx.out(ctx.t(`      mong đợi:  ${f.expected}`, `      expected:  ${f.expected}`));
          ctx.out(ctx.t(`      tính được: ${f.actual}`, `      actual:    ${f.actual}`));
        });
      }
    }
  }
  return { frameworks, passed, failed, broken };
}

/** The summary line of a test run. */
export function summaryLine(ctx: Ctx, s: TestSummary): string {
  const total = s.passed + s.failed;
  const broken = s.broken > 0 ? ctx.t(`; ${s.broken} tệp có lỗi`, `; ${s.broken} file(s) with errors`) : '';
  return ctx.t(
    `${s.failed === 0 && s.broken === 0 ? '✓' : '✗'} ${total} ví dụ trong ${s.frameworks} bộ tiêu chí: ${s.passed} đúng, ${s.failed} sai${broken}.`,
    `${s.failed === 0 && s.broken === 0 ? '✓' : '✗'} ${total} examples in ${s.frameworks} framework${s.frameworks === 1 ? '' : 's'}: ${s.passed} passed, ${s.failed} failed${broken}.`,
  );
}

function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((l) => by + l)
    .join('\n');
}

/** Every framework of every registered plugin, as test targets. */
export function allTargets(): { ws: Workspace; targets: Target[] } {
  const ws = new Workspace(pluginSources());
  return { ws, targets: pluginTargets(ws) };
}

/** The `test` command. */
export const testCommand: Command = {
  name: 'test',
  summary: { vi: 'chạy các ví dụ mẫu (ví dụ …) trong tệp tiêu chí', en: 'run the worked examples inside criteria files' },
  options: { all: { type: 'boolean' } },
  help: {
    vi: `Cách dùng: hoctap test TỆP.tieuchi… | PLUGIN/BỘ-TIÊU-CHÍ… | --all

Chạy từng \`ví dụ\` trong tệp: chấm điểm theo dữ liệu của ví dụ rồi so với phần \`mong đợi\`.
In ✓/✗ cho mỗi ví dụ; với ví dụ sai, in vị trí (tệp:dòng:cột, dấu ^), điều mong đợi và điều
tính được; cuối cùng một dòng tóm tắt.

Tùy chọn:
  --all         chạy ví dụ của mọi bộ tiêu chí trong các plugin đã đăng ký
  --lang en     thông báo bằng tiếng Anh
  -h, --help    xem hướng dẫn này

Mã thoát: 0 mọi ví dụ đúng · 1 có ví dụ sai, tệp có lỗi hoặc không đọc được tệp`,
    en: `Usage: hoctap test FILE.tieuchi… | PLUGIN/FRAMEWORK… | --all

Runs each worked example (\`ví dụ\`): scores its data and compares with its expectations
(\`mong đợi\`). Prints ✓/✗ per example; for a failure, the place (file:line:col, caret), what was
expected and what was computed; then a summary line.

Options:
  --all         run the examples of every framework of the registered plugins
  --lang en     messages in English
  -h, --help    show this help

Exit codes: 0 all examples pass · 1 a failure, a file with errors, or a file could not be read`,
  },
  async run(ctx, { values, positionals }) {
    if (positionals.length === 0 && !values.all)
      throw new CliError(ctx.t('Thiếu tệp: hoctap test TỆP.tieuchi… (hoặc --all)', 'Nothing to test: hoctap test FILE.tieuchi… (or --all)'));
    const opened = await openArgs(ctx, positionals, { refs: true });
    const targets = values.all ? [...opened.targets, ...pluginTargets(opened.ws)] : opened.targets;
    const s = runTargets(ctx, opened.ws, targets);
    ctx.out(summaryLine(ctx, s));
    return s.failed > 0 || s.broken > 0 ? 1 : 0;
  },
};
