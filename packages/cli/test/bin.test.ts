/**
 * The one test of the built executable, spawned with this Node (24). Under `npm test` turbo has
 * built every package first; when vitest runs alone and a `dist/` is missing, it builds them with
 * `turbo run build --filter=@hoctap/cli...` (the CLI and the packages it depends on).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PKG } from './helpers.js';

const ROOT = resolve(PKG, '../..');
const BIN = join(PKG, 'dist/bin.js');
const NEEDED = [BIN, join(ROOT, 'criteria-dsl/dist/index.js'), join(ROOT, 'packages/core/dist/index.js'), join(ROOT, 'packages/plugins/phu-tho/dist/index.js')];

beforeAll(() => {
  if (NEEDED.every((f) => existsSync(f))) return;
  execFileSync('npx', ['turbo', 'run', 'build', '--filter=@hoctap/cli...'], {
    cwd: ROOT,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
    stdio: 'pipe',
  });
}, 180_000);

const hoctap = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: PKG, encoding: 'utf8' });

describe('dist/bin.js', () => {
  it('is a node script', () => {
    expect(readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('`node dist/bin.js list --json` prints the registered frameworks and exits 0', () => {
    const r = hoctap('list', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as { ref: string; subject: string }[];
    expect(list).toContainEqual(expect.objectContaining({ ref: 'phu-tho/cdht-phu-tho-2018', subject: 'citizen' }));
  });

  it('sets the exit code of the process (1 for an unknown command, 2 for rows with errors)', () => {
    const bad = hoctap('chek');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('ý bạn là `hoctap check`?');
    const rows = hoctap('eval', 'phu-tho/cdht-phu-tho-2018', '--input', 'demo/phu-tho-2018.csv', '--json');
    expect(rows.status).toBe(2);
    expect(JSON.parse(rows.stdout)).toHaveLength(20);
  });
});
