import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('hoctap test', () => {
  it('runs the examples of a file: a ✓ line each and a summary, exit 0', async () => {
    const r = await run(['test', 'examples/cdht-xa-mau.tieuchi']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'cdht-xa-mau-2025 (examples/cdht-xa-mau.tieuchi)',
      '  ✓ nông dân đủ điểm, có minh chứng',
      '  ✓ không có minh chứng thì chỉ số 2.1 được 0',
      '✓ 2 ví dụ trong 1 bộ tiêu chí: 2 đúng, 0 sai.',
      '',
    ]);
  });

  it('shows expected vs actual with the place of a failing expectation, exit 1', async () => {
    const r = await run(['test', 'examples/vi-du-sai.tieuchi']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  ✓ đủ điểm\n  ✗ ghi nhầm tổng\n');
    expect(r.stdout).toContain('examples/vi-du-sai.tieuchi:18:14: lỗi TC3001: Ví dụ "ghi nhầm tổng": mong đợi tổng 15 nhưng tính được tổng 14');
    expect(r.stdout).toContain('    18 |     mong đợi tổng 15, đạt cdht\n       |              ^^^^^^^\n');
    expect(r.stdout).toContain('      mong đợi:  tổng 15\n      tính được: tổng 14\n');
    expect(r.stdout).toContain('✗ 2 ví dụ trong 1 bộ tiêu chí: 1 đúng, 1 sai.');
  });

  it('runs a registered framework by PLUGIN/FRAMEWORK and every framework with --all', async () => {
    const one = await run(['test', 'phu-tho/cdht-phu-tho-2018']);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('  ✓ 75 điểm thì đạt');
    expect(one.stdout).toContain('  ✓ 74 điểm thì chưa đạt');
    const all = await run(['test', '--all']);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('phu-tho/cdht-phu-tho-2018 (@hoctap/plugin-phu-tho/frameworks/cdht-phu-tho-2018.tieuchi)');
    // More plugins may be registered later: every framework's examples must pass.
    expect(all.stdout).toMatch(/^✓ (\d+) ví dụ trong \d+ bộ tiêu chí: \1 đúng, 0 sai\.$/m);
  });

  it('does not run examples of a file with errors, and exits 1', async () => {
    const r = await run(['test', 'examples/loi.tieuchi']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ examples/loi.tieuchi: tệp có lỗi, không chạy được ví dụ');
    expect(r.stdout).toContain('lỗi TC2010');
  });

  it('suggests the nearest registered framework for an unknown reference', async () => {
    const r = await run(['test', 'phu-tho/cdht-phu-tho-2019']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Không tìm thấy bộ tiêu chí `phu-tho/cdht-phu-tho-2019` — ý bạn là `phu-tho/cdht-phu-tho-2018`?');
  });

  it('says what to do when given nothing', async () => {
    const r = await run(['test']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--all');
  });
});
