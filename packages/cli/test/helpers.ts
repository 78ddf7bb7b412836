/** In-process runs of the CLI for tests: captured output, files written kept in memory. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/index.js';

/** The package directory, the cwd of every run (so paths like `examples/…` work). */
export const PKG = fileURLToPath(new URL('..', import.meta.url));

/** What a run produced. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Files the command wrote (absolute path → content); nothing touches the disk unless `disk` is set. */
  readonly written: Map<string, string | Uint8Array>;
}

/** Runs `hoctap ARGS…` in-process from the package directory. */
export async function run(args: readonly string[], opts: { cwd?: string; disk?: boolean; files?: Record<string, string> } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const cwd = opts.cwd ?? PKG;
  const written = new Map<string, string | Uint8Array>();
  for (const [p, text] of Object.entries(opts.files ?? {})) written.set(resolve(cwd, p), text);
  const code = await main(args, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    cwd,
    readFile: async (p) => {
      const mem = written.get(p);
      if (mem !== undefined) return typeof mem === 'string' ? new TextEncoder().encode(mem) : mem;
      return readFile(p);
    },
    writeFile: async (p, d) => {
      written.set(p, d);
      if (opts.disk) {
        const { writeFile } = await import('node:fs/promises');
        await writeFile(p, d);
      }
    },
  });
  return { code, stdout, stderr, written };
}

/** Parses the JSON a command printed. */
export function json<T = unknown>(r: Run): T {
  return JSON.parse(r.stdout) as T;
}
