/** Argument parsing on top of `node:util` parseArgs, with messages in the user's language. */
import { parseArgs } from 'node:util';
import { closest } from '@hoctap/criteria-dsl';
import { CliError, type Ctx } from './context.js';

/** The options a command accepts, as for parseArgs. */
export type OptionSpec = Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>;

/** Parsed arguments: option values by name and the positionals. */
export interface Parsed {
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: readonly string[];
}

/** Options every command takes. */
export const COMMON_OPTIONS: OptionSpec = { help: { type: 'boolean', short: 'h' } };

/**
 * Parses a command's arguments; an unknown option, a missing value or a value given to a switch
 * is a CliError ("ý bạn là `--json`?").
 */
export function parseCommandArgs(ctx: Ctx, args: readonly string[], options: OptionSpec): Parsed {
  const all = { ...COMMON_OPTIONS, ...options };
  // Non-strict parsing gives us the tokens, so we can report problems in Vietnamese.
  const { values, positionals, tokens } = parseArgs({ args: [...args], options: all, strict: false, allowPositionals: true, tokens: true });
  for (const tok of tokens) {
    if (tok.kind !== 'option') continue;
    const spec = all[tok.name];
    if (!spec) {
      const names = Object.keys(all).map((n) => `--${n}`);
      const s = tok.rawName.startsWith('--') ? closest(tok.rawName, names) : undefined;
      throw new CliError(ctx.t(`Không có tùy chọn \`${tok.rawName}\`${s ? ` — ý bạn là \`${s}\`?` : ''}`, `Unknown option \`${tok.rawName}\`${s ? ` — did you mean \`${s}\`?` : ''}`));
    }
    if (spec.type === 'string' && (tok.value === undefined || (!tok.inlineValue && tok.value.startsWith('-')))) {
      throw new CliError(ctx.t(`Tùy chọn \`${tok.rawName}\` cần một giá trị`, `Option \`${tok.rawName}\` needs a value`));
    }
    if (spec.type === 'boolean' && tok.value !== undefined) {
      throw new CliError(ctx.t(`Tùy chọn \`${tok.rawName}\` không nhận giá trị`, `Option \`${tok.rawName}\` takes no value`));
    }
  }
  return { values: values as Parsed['values'], positionals };
}

/**
 * Takes `--lang vi|en` out of the arguments wherever it appears (before `--`), so that it works
 * as a global option before or after the command.
 */
export function extractLang(args: readonly string[]): { lang: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (a === '--lang') {
      lang = args[i + 1] ?? '';
      i++;
    } else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
    else rest.push(a);
  }
  return { lang, rest };
}
