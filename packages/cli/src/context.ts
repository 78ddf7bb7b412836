/** What every command receives: the I/O it may use, the language, and the registered plugins. */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createRegistry, type Registry } from '@hoctap/core';
import type { Lang } from '@hoctap/criteria-dsl';
import { plugins } from './plugins.js';

/**
 * The outside world as the CLI sees it; tests pass their own to run commands in-process.
 * Paths given to `readFile` / `writeFile` are absolute (resolved against `cwd`).
 * @example await main(['list'], { stdout: (s) => out.push(s) })
 */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly readFile: (path: string) => Promise<Uint8Array>;
  readonly writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
}

/** The real terminal and file system. */
export function nodeIo(): Io {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    cwd: process.cwd(),
    readFile: (p) => readFile(p),
    writeFile: (p, d) => writeFile(p, d),
  };
}

/** A failure to report to the user and the exit code to leave with (bad usage, unreadable file…). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The context of one `main()` call. */
export interface Ctx {
  readonly io: Io;
  readonly lang: Lang;
  /** Picks the Vietnamese or the English text. */
  t(vi: string, en: string): string;
  /** Writes a line (or lines) to stdout. */
  out(text?: string): void;
  /** Writes a line (or lines) to stderr. */
  err(text?: string): void;
  /** An absolute path for a path the user gave. */
  path(p: string): string;
  /** Reads a file the user named; a missing file is a CliError in the user's language. */
  read(p: string): Promise<Uint8Array>;
  /** Reads a text file the user named, decoded as UTF-8 without a BOM. */
  readText(p: string): Promise<string>;
  /** The registry of the CLI's plugins, created (and checked) on first use. */
  registry(): Registry;
}

/** Creates the context for one run. */
export function createCtx(io: Io, lang: Lang): Ctx {
  let registry: Registry | undefined;
  const ctx: Ctx = {
    io,
    lang,
    t: (vi, en) => (lang === 'en' ? en : vi),
    out: (text = '') => io.stdout(`${text}\n`),
    err: (text = '') => io.stderr(`${text}\n`),
    path: (p) => resolve(io.cwd, p),
    async read(p) {
      try {
        return await io.readFile(ctx.path(p));
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'ENOENT') throw new CliError(ctx.t(`Không tìm thấy tệp \`${p}\``, `File \`${p}\` not found`));
        if (code === 'EISDIR') throw new CliError(ctx.t(`\`${p}\` là thư mục, không phải tệp`, `\`${p}\` is a directory, not a file`));
        throw new CliError(ctx.t(`Không đọc được tệp \`${p}\`: ${(e as Error).message}`, `Cannot read \`${p}\`: ${(e as Error).message}`));
      }
    },
    async readText(p) {
      return new TextDecoder('utf-8').decode(await ctx.read(p));
    },
    registry() {
      registry ??= createRegistry(plugins);
      return registry;
    },
  };
  return ctx;
}
