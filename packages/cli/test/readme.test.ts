/**
 * Runs every `hoctap …` command of the README's ```sh blocks in-process from the package
 * directory and checks the exit code written above it (`# exit N`). Files the commands write stay
 * in memory, so the examples never change the repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PKG, run } from './helpers.js';

interface Example {
  readonly line: number;
  readonly command: string;
  readonly exit: number;
}

/** Splits a command line into words, honouring single and double quotes. */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const m of line.matchAll(re)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]!));
  return out;
}

function examples(readme: string): Example[] {
  const out: Example[] = [];
  const lines = readme.split('\n');
  let inSh = false;
  let exit: number | undefined;
  lines.forEach((text, i) => {
    if (!inSh && /^```sh\s*$/.test(text)) {
      inSh = true;
      exit = undefined;
      return;
    }
    if (inSh && /^```\s*$/.test(text)) {
      inSh = false;
      return;
    }
    if (!inSh) return;
    const e = /^#\s*exit\s+(\d+)\s*$/.exec(text);
    if (e) exit = Number(e[1]);
    else if (text.startsWith('hoctap ')) {
      if (exit === undefined) throw new Error(`README line ${i + 1}: \`${text}\` has no \`# exit N\` line above it`);
      out.push({ line: i + 1, command: text, exit });
    }
  });
  return out;
}

const readme = readFileSync(join(PKG, 'README.md'), 'utf8');
const all = examples(readme);

describe('README examples', () => {
  it('has examples for every command and every exit code', () => {
    const names = new Set(all.map((e) => words(e.command)[1] === '--lang' ? words(e.command)[3] : words(e.command)[1]));
    for (const c of ['check', 'test', 'fmt', 'list', 'show', 'eval', 'demo']) expect(names).toContain(c);
    expect(new Set(all.map((e) => e.exit))).toEqual(new Set([0, 1, 2]));
  });

  it.each(all)('README:$line `$command` exits $exit', async ({ command, exit }) => {
    const r = await run(words(command).slice(1));
    expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: exit });
    expect(r.stdout.length + r.stderr.length).toBeGreaterThan(0);
  });
});
