/** `hoctap fmt [--check] FILE…` — rewrites criteria files in the one canonical layout. */
import { formatDiagnostic, hasErrors, parse, print, stripRanges } from '@hoctap/criteria-dsl';
import type { Command } from '../command.js';
import { CliError } from '../context.js';

/** The `fmt` command. */
export const fmtCommand: Command = {
  name: 'fmt',
  summary: { vi: 'trình bày lại tệp tiêu chí theo bố cục chuẩn', en: 'rewrite criteria files in the canonical layout' },
  options: { check: { type: 'boolean' } },
  help: {
    vi: `Cách dùng: hoctap fmt [--check] TỆP.tieuchi…

Viết lại tệp theo một bố cục chuẩn duy nhất (thụt lề, từ khóa viết đủ dấu, một dòng trống giữa
các khối, \`theo …\` và \`đo …\` trên dòng riêng…); giữ chú thích, dòng trống dưới chú thích đứng
riêng và chữ \`từ\` của \`hiệu lực: từ …\`. Không định dạng tệp có lỗi cú pháp: in lỗi và bỏ qua
tệp đó. Sau khi định dạng, hoctap đọc lại kết quả và chỉ ghi khi nội dung không đổi nghĩa.

Tùy chọn:
  --check       không ghi gì; liệt kê các tệp sẽ thay đổi
  --lang en     thông báo bằng tiếng Anh
  -h, --help    xem hướng dẫn này

Mã thoát: 0 xong (với --check: mọi tệp đã đúng bố cục) · 1 có tệp sẽ thay đổi (--check),
có lỗi cú pháp hoặc không đọc được tệp`,
    en: `Usage: hoctap fmt [--check] FILE.tieuchi…

Rewrites each file in the one canonical layout (\`theo …\` and \`đo …\` on lines of their own;
comments, the blank line below a stand-alone comment and the \`từ\` of \`hiệu lực: từ …\` kept).
Refuses files with syntax errors (prints them). The result is parsed again and written only if
it means the same as the input.

Options:
  --check       write nothing; list the files that would change
  --lang en     messages in English
  -h, --help    show this help

Exit codes: 0 done (with --check: every file already formatted) · 1 a file would change
(--check), has syntax errors, or could not be read`,
  },
  async run(ctx, { values, positionals }) {
    if (positionals.length === 0) throw new CliError(ctx.t('Thiếu tệp: hoctap fmt [--check] TỆP.tieuchi…', 'No file: hoctap fmt [--check] FILE.tieuchi…'));
    let failed = false;
    const changed: string[] = [];
    for (const file of positionals) {
      const text = await ctx.readText(file);
      const parsed = parse(text, { file });
      if (hasErrors(parsed.diagnostics)) {
        failed = true;
        for (const d of parsed.diagnostics) ctx.err(`${formatDiagnostic(d, parsed.source, { lang: ctx.lang, file })}\n`);
        ctx.err(ctx.t(`✗ ${file}: có lỗi cú pháp, không định dạng`, `✗ ${file}: syntax errors, not formatted`));
        continue;
      }
      const out = print(parsed.ast);
      if (out === text) continue;
      // Guard against a formatter bug silently changing what the file says.
      const again = parse(out, { file });
      if (hasErrors(again.diagnostics) || JSON.stringify(stripRanges(again.ast)) !== JSON.stringify(stripRanges(parsed.ast))) {
        failed = true;
        ctx.err(
          ctx.t(
            `✗ ${file}: bản định dạng lại đổi nghĩa tệp (lỗi của bộ định dạng) — không ghi; xin báo cho nhóm phát triển`,
            `✗ ${file}: the formatted text would change the file's meaning (a formatter bug) — not written; please report it`,
          ),
        );
        continue;
      }
      changed.push(file);
      if (values.check) ctx.out(ctx.t(`${file}: chưa đúng bố cục chuẩn`, `${file}: not formatted`));
      else {
        await ctx.io.writeFile(ctx.path(file), out);
        ctx.out(ctx.t(`${file}: đã định dạng lại`, `${file}: formatted`));
      }
    }
    if (values.check && changed.length > 0)
      ctx.out(ctx.t(`${changed.length} tệp cần định dạng lại (chạy \`hoctap fmt\` để sửa).`, `${changed.length} file(s) need formatting (run \`hoctap fmt\`).`));
    else if (changed.length === 0 && !failed) ctx.out(ctx.t('Mọi tệp đã đúng bố cục chuẩn.', 'Every file is already formatted.'));
    return failed || (values.check && changed.length > 0) ? 1 : 0;
  },
};
