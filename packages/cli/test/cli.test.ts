import { describe, expect, it } from 'vitest';
import { commands, version } from '../src/index.js';
import { run } from './helpers.js';

describe('hoctap (global behaviour)', () => {
  it('lists the commands with --help (or no arguments) and exits 0', async () => {
    for (const args of [['--help'], [], ['help']]) {
      const r = await run(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Cách dùng: hoctap LỆNH');
      for (const c of commands) expect(r.stdout).toContain(`  ${c.name.padEnd(7)} ${c.summary.vi}`);
    }
  });

  it('has Vietnamese help for each command, English with --lang en', async () => {
    for (const c of commands) {
      const vi = await run([c.name, '--help']);
      expect(vi.code).toBe(0);
      expect(vi.stdout).toContain(`Cách dùng: hoctap ${c.name}`);
      expect(vi.stdout).toContain('Mã thoát:');
      const en = await run([c.name, '-h', '--lang', 'en']);
      expect(en.stdout).toContain(`Usage: hoctap ${c.name}`);
      expect(en.stdout).toContain('Exit codes:');
    }
    expect((await run(['help', 'eval'])).stdout).toContain('Cách dùng: hoctap eval');
  });

  it('rejects an unknown command with a suggestion and exit 1', async () => {
    const r = await run(['chek', 'x.tieuchi']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Không có lệnh `chek` — ý bạn là `hoctap check`?');
    const en = await run(['--lang', 'en', 'lsit']);
    expect(en.stderr).toContain('Unknown command `lsit` — did you mean `hoctap list`?');
  });

  it('rejects unknown options, missing values and values given to switches', async () => {
    const unknown = await run(['list', '--jsno']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Không có tùy chọn `--jsno` — ý bạn là `--json`?');
    const missing = await run(['eval', 'phu-tho/cdht-phu-tho-2018', '--input']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Tùy chọn `--input` cần một giá trị');
    const value = await run(['list', '--json=yes']);
    expect(value.code).toBe(1);
    expect(value.stderr).toContain('Tùy chọn `--json` không nhận giá trị');
    const lang = await run(['list', '--lang', 'fr']);
    expect(lang.code).toBe(1);
    expect(lang.stderr).toContain('--lang vi hoặc --lang en');
  });

  it('takes --lang before or after the command', async () => {
    const a = await run(['--lang', 'en', 'list']);
    const b = await run(['list', '--lang=en']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^\d+ frameworks? in \d+ plugins?\.$/m);
  });

  it('prints its version', async () => {
    const r = await run(['--version']);
    expect(r.stdout.trim()).toBe(version);
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
