import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, print } from '@hoctap/criteria-dsl';
import { run } from './helpers.js';

const UNFORMATTED = 'bo tieu chi x-2025 "Thử"\n    doi tuong: cong dan\n  tieu chi 1 "Học tập" tong 10\n        chi so 1.1 "Tự học" toi da 10\n';

describe('hoctap fmt', () => {
  it('--check lists a file that would change, writes nothing and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hoctap-fmt-'));
    const file = join(dir, 'x.tieuchi');
    await writeFile(file, UNFORMATTED);
    const r = await run(['fmt', '--check', file], { disk: true });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}: chưa đúng bố cục chuẩn`);
    expect(r.written.size).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(UNFORMATTED);
  });

  it('rewrites the file with the canonical layout, after which --check passes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hoctap-fmt-'));
    const file = join(dir, 'x.tieuchi');
    await writeFile(file, UNFORMATTED);
    const r = await run(['fmt', file], { disk: true });
    expect(r.code).toBe(0);
    const after = await readFile(file, 'utf8');
    expect(after).toBe(print(parse(UNFORMATTED).ast));
    expect(after).toContain('  tiêu chí 1 "Học tập" tổng 10\n    chỉ số 1.1 "Tự học" tối đa 10\n');
    expect((await run(['fmt', '--check', file])).code).toBe(0);
  });

  it('leaves an already formatted file alone', async () => {
    const r = await run(['fmt', '--check', 'examples/cdht-xa-mau.tieuchi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Mọi tệp đã đúng bố cục chuẩn.\n');
  });

  it('refuses a file with syntax errors: prints them, writes nothing, exits 1', async () => {
    const r = await run(['fmt', 'examples/loi-cu-phap.tieuchi']);
    expect(r.code).toBe(1);
    expect(r.written.size).toBe(0);
    expect(r.stderr).toContain('examples/loi-cu-phap.tieuchi:5:3: lỗi TC1105');
    expect(r.stderr).toContain('✗ examples/loi-cu-phap.tieuchi: có lỗi cú pháp, không định dạng');
  });

  it('formats the other files when one has syntax errors', async () => {
    const r = await run(['fmt', 'examples/loi-cu-phap.tieuchi', 'x.tieuchi'], { files: { 'x.tieuchi': UNFORMATTED } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('x.tieuchi: đã định dạng lại');
    expect([...r.written.values()]).toContain(print(parse(UNFORMATTED).ast));
  });
});
