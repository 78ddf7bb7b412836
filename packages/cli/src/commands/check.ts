/** `hoctap check FILE…` — checks criteria files as the editor and the API do (`checkFramework`), reporting like a compiler. */
import type { Diagnostic } from '@hoctap/criteria-dsl';
import { formatDiagnostic } from '@hoctap/criteria-dsl';
import { CliError } from '../context.js';
import type { Command } from '../command.js';
import { openArgs } from '../frameworks.js';

/** A diagnostic as `check --json` prints it. */
export interface JsonDiagnostic {
  readonly file: string;
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
  readonly messageEn: string;
  readonly suggestion: string | null;
}

/** The JSON form of a diagnostic. */
export function jsonDiagnostic(d: Diagnostic, file: string): JsonDiagnostic {
  return {
    file,
    code: d.code,
    severity: d.severity,
    line: d.range.start.line,
    column: d.range.start.column,
    endLine: d.range.end.line,
    endColumn: d.range.end.column,
    message: d.message,
    messageEn: d.messageEn,
    suggestion: d.suggestion ?? null,
  };
}

/** The `check` command. */
export const checkCommand: Command = {
  name: 'check',
  summary: { vi: 'kiểm tra tệp tiêu chí (cú pháp, ngữ nghĩa, nguồn, ví dụ)', en: 'check criteria files (syntax, meaning, sources, examples)' },
  options: { json: { type: 'boolean' } },
  help: {
    vi: `Cách dùng: hoctap check TỆP.tieuchi… [--json]

Đọc và kiểm tra từng tệp tiêu chí như trình soạn thảo và API: cú pháp, rồi ngữ nghĩa (trùng
số, tổng điểm không khớp, ngưỡng không thể đạt, tham chiếu không tồn tại, vòng lặp giữa các danh
hiệu…), rồi các quy tắc của mọi bộ tiêu chí (mỗi quy định ghi nguồn \`theo …\`, có \`căn cứ\`, có
\`ví dụ\` — ở đây là cảnh báo, khi xuất bản và đăng ký plugin là lỗi), rồi chạy các ví dụ mẫu.
Mỗi lỗi ghi \`tệp:dòng:cột\`, dòng đó và dấu ^ dưới chỗ sai (xem từng ví dụ: \`hoctap test\`).
\`dựa trên: X\` tìm X trong các tệp khác trên dòng lệnh trước, rồi trong các plugin đã đăng ký.
Cũng nhận PLUGIN/BỘ-TIÊU-CHÍ để kiểm tra tệp của một plugin.

Tùy chọn:
  --json        in danh sách lỗi dạng JSON (file, code, severity, line, column, endLine,
                endColumn, message, messageEn, suggestion)
  --lang en     thông báo bằng tiếng Anh
  -h, --help    xem hướng dẫn này

Mã thoát: 0 không có lỗi (có thể có cảnh báo) · 1 có lỗi (kể cả ví dụ sai) hoặc không đọc được tệp`,
    en: `Usage: hoctap check FILE.tieuchi… [--json]

Checks each criteria file as the editor and the API do: syntax, then meaning (duplicate numbers,
totals that do not add up, unreachable thresholds, unknown references, cycles between titles…),
then the rules every framework meets (each rule cites its source with \`theo …\`, a \`căn cứ\`, a
\`ví dụ\` — warnings here, errors when publishing or registering a plugin), then runs the worked
examples. Each problem shows \`file:line:col\`, the line and a caret under the offending text
(each example: \`hoctap test\`). \`dựa trên: X\` looks for X in the other files on the command
line first, then among the registered plugins. Also takes PLUGIN/FRAMEWORK to check a plugin's file.

Options:
  --json        print the problems as JSON
  --lang en     messages in English
  -h, --help    show this help

Exit codes: 0 no errors (warnings allowed) · 1 errors (a failing example too), or a file could not be read`,
  },
  async run(ctx, { values, positionals }) {
    if (positionals.length === 0) throw new CliError(ctx.t('Thiếu tệp cần kiểm tra: hoctap check TỆP.tieuchi…', 'No file to check: hoctap check FILE.tieuchi…'));
    const { ws, targets } = await openArgs(ctx, positionals, { refs: true });
    const seen = new Set<unknown>();
    const json: JsonDiagnostic[] = [];
    let errors = 0;
    let warnings = 0;
    for (const { file } of targets) {
      if (seen.has(file)) continue;
      seen.add(file);
      const r = ws.check(file);
      const e = r.diagnostics.filter((d) => d.severity === 'error').length;
      const w = r.diagnostics.length - e;
      errors += e;
      warnings += w;
      if (values.json) {
        json.push(...r.diagnostics.map((d) => jsonDiagnostic(d, file.name)));
        continue;
      }
      for (const d of r.diagnostics) ctx.out(`${formatDiagnostic(d, r.source, { lang: ctx.lang, file: file.name })}\n`);
      if (e + w === 0) {
        const n = r.models.length;
        ctx.out(ctx.t(`✓ ${file.name}: không có lỗi (${n} bộ tiêu chí)`, `✓ ${file.name}: no problems (${n} framework${n === 1 ? '' : 's'})`));
      } else ctx.out(ctx.t(`✗ ${file.name}: ${e} lỗi, ${w} cảnh báo`, `✗ ${file.name}: ${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`));
    }
    if (values.json) ctx.out(JSON.stringify(json, null, 2));
    else if (seen.size > 1)
      ctx.out(ctx.t(`\nĐã kiểm tra ${seen.size} tệp: ${errors} lỗi, ${warnings} cảnh báo.`, `\nChecked ${seen.size} files: ${errors} errors, ${warnings} warnings.`));
    return errors > 0 ? 1 : 0;
  },
};
