/** The shape of a command: its name, its help in both languages, its options and what it does. */
import type { OptionSpec, Parsed } from './args.js';
import type { Ctx } from './context.js';

/** One `hoctap` command. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: { readonly vi: string; readonly en: string };
  /** The full `--help` text. */
  readonly help: { readonly vi: string; readonly en: string };
  readonly options: OptionSpec;
  /** Runs the command and returns the exit code. */
  run(ctx: Ctx, args: Parsed): Promise<number>;
}
