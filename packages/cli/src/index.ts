/**
 * @hoctap/cli — the `hoctap` command line: check, test, fmt, list, show, eval, demo, audit.
 *
 * @example
 * const out: string[] = [];
 * const code = await main(['list', '--json'], { stdout: (s) => out.push(s) });
 */
import { readFileSync } from 'node:fs';
import { HoctapError } from '@hoctap/core';
import { editDistance } from '@hoctap/criteria-dsl';
import { extractLang, parseCommandArgs } from './args.js';
import type { Command } from './command.js';
import { auditCommand } from './commands/audit.js';
import { checkCommand } from './commands/check.js';
import { demoCommand } from './commands/demo.js';
import { evalCommand } from './commands/eval.js';
import { fmtCommand } from './commands/fmt.js';
import { listCommand } from './commands/list.js';
import { showCommand } from './commands/show.js';
import { testCommand } from './commands/test.js';
import { CliError, createCtx, nodeIo, type Ctx, type Io } from './context.js';

export type { Io } from './context.js';
export type { Command } from './command.js';
export { plugins } from './plugins.js';
export { readCsv, readJson, readXlsx, type InputSubject, type ReadResult, type RowError, type FieldError } from './input/index.js';

/** Every command, in the order of the help text. */
export const commands: readonly Command[] = [checkCommand, testCommand, fmtCommand, listCommand, showCommand, evalCommand, demoCommand, auditCommand];

/** The package version, read from package.json (same path from src/ and dist/). */
export const version: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The command nearest to a mistyped one (two edits at most, so `lsit` finds `list`). */
function suggestCommand(name: string): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const c of commands) {
    const d = editDistance(name.toLowerCase(), c.name);
    if (d < bestD) {
      bestD = d;
      best = c.name;
    }
  }
  return best;
}

function generalHelp(ctx: Ctx): string {
  const names = commands.map((c) => `  ${c.name.padEnd(7)} ${ctx.t(c.summary.vi, c.summary.en)}`).join('\n');
  return ctx.t(
    `hoctap ${version} — công cụ cho tệp tiêu chí "học tập" (.tieuchi)

Cách dùng: hoctap LỆNH [tùy chọn] …

Lệnh:
${names}

Bộ tiêu chí được chỉ bằng đường dẫn tệp .tieuchi hoặc PLUGIN/BỘ-TIÊU-CHÍ (xem \`hoctap list\`).

Tùy chọn chung:
  --lang en       thông báo bằng tiếng Anh (mặc định: tiếng Việt)
  -h, --help      hướng dẫn; \`hoctap LỆNH --help\` cho từng lệnh
  --version       phiên bản

Mã thoát: 0 thành công · 1 có lỗi (lỗi trong tệp, ví dụ sai, tệp cần định dạng lại, lệnh hoặc
tùy chọn sai, không đọc được tệp) · 2 \`eval\`: có dòng dữ liệu không chấm được`,
    `hoctap ${version} — tools for learning-society criteria files (.tieuchi)

Usage: hoctap COMMAND [options] …

Commands:
${names}

A framework is named by a .tieuchi file path or PLUGIN/FRAMEWORK (see \`hoctap list\`).

Global options:
  --lang en       messages in English (default: Vietnamese)
  -h, --help      help; \`hoctap COMMAND --help\` for each command
  --version       version

Exit codes: 0 success · 1 failure (errors in a file, a failing example, a file to reformat, a bad
command or option, an unreadable file) · 2 \`eval\`: some data rows could not be scored`,
  );
}

/**
 * Runs the command line in-process and returns the exit code; `io` replaces the terminal and the
 * file system (for tests). Never calls process.exit.
 */
export async function main(argv: readonly string[], io: Partial<Io> = {}): Promise<number> {
  const fullIo: Io = { ...nodeIo(), ...io };
  const { lang, rest } = extractLang(argv);
  if (lang !== undefined && lang !== 'vi' && lang !== 'en') {
    fullIo.stderr(`Ngôn ngữ \`${lang}\` không có; dùng --lang vi hoặc --lang en / Unknown language \`${lang}\`; use --lang vi or --lang en\n`);
    return 1;
  }
  const ctx = createCtx(fullIo, lang === 'en' ? 'en' : 'vi');
  try {
    const idx = rest.findIndex((a) => !a.startsWith('-'));
    const before = idx < 0 ? rest : rest.slice(0, idx);
    if (before.includes('--version')) {
      ctx.out(version);
      return 0;
    }
    if (idx < 0) {
      const unknown = before.find((a) => a !== '--help' && a !== '-h');
      if (unknown) throw new CliError(ctx.t(`Không có tùy chọn \`${unknown}\` (xem \`hoctap --help\`)`, `Unknown option \`${unknown}\` (see \`hoctap --help\`)`));
      ctx.out(generalHelp(ctx));
      return 0;
    }
    const name = rest[idx]!;
    const command = commands.find((c) => c.name === name);
    if (!command) {
      if (name === 'help') {
        const target = commands.find((c) => c.name === rest[idx + 1]);
        ctx.out(target ? ctx.t(target.help.vi, target.help.en) : generalHelp(ctx));
        return 0;
      }
      const s = suggestCommand(name);
      throw new CliError(
        ctx.t(
          `Không có lệnh \`${name}\`${s ? ` — ý bạn là \`hoctap ${s}\`?` : ''}\nCác lệnh: ${commands.map((c) => c.name).join(', ')} (xem \`hoctap --help\`)`,
          `Unknown command \`${name}\`${s ? ` — did you mean \`hoctap ${s}\`?` : ''}\nCommands: ${commands.map((c) => c.name).join(', ')} (see \`hoctap --help\`)`,
        ),
      );
    }
    const args = [...before, ...rest.slice(idx + 1)];
    const parsed = parseCommandArgs(ctx, args, command.options);
    if (parsed.values.help) {
      ctx.out(ctx.t(command.help.vi, command.help.en));
      return 0;
    }
    return await command.run(ctx, parsed);
  } catch (e) {
    if (e instanceof CliError) {
      ctx.err(e.message);
      return e.exitCode;
    }
    if (e instanceof HoctapError) {
      ctx.err(ctx.t(e.message, e.messageEn));
      return 1;
    }
    ctx.err(ctx.t(`Lỗi nội bộ của hoctap (xin báo cho nhóm phát triển): ${(e as Error).stack ?? String(e)}`, `Internal error in hoctap (please report it): ${(e as Error).stack ?? String(e)}`));
    return 1;
  }
}
