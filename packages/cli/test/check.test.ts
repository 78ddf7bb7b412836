import { describe, expect, it } from 'vitest';
import { json, run } from './helpers.js';

describe('hoctap check', () => {
  it('accepts a valid file and exits 0', async () => {
    const r = await run(['check', 'examples/cdht-xa-mau.tieuchi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ examples/cdht-xa-mau.tieuchi: không có lỗi (1 bộ tiêu chí)');
  });

  it('reports a syntax error as file:line:col with the line, a caret and a suggestion, and exits 1', async () => {
    const r = await run(['check', 'examples/loi-cu-phap.tieuchi']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const head = lines.findIndex((l) => l.startsWith('examples/loi-cu-phap.tieuchi:5:3: lỗi TC1105:'));
    expect(head).toBeGreaterThanOrEqual(0);
    expect(lines[head]).toContain('ý bạn là `tiêu chí`?');
    expect(lines[head + 2]).toBe('5 |   tieu chj 1 "Học tập" tổng 10');
    // The caret starts under column 3 of the source line.
    expect(lines[head + 3]).toMatch(/^ {2}\| {3}\^+$/);
  });

  it('reports semantic errors (totals, unreachable thresholds) with their places', async () => {
    const r = await run(['check', 'examples/loi.tieuchi']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('examples/loi.tieuchi:5:3: lỗi TC2010: Tiêu chí 1 ghi tổng 20 nhưng các chỉ số cộng lại 10 + 5 = 15');
    expect(r.stdout).toContain('examples/loi.tieuchi:10:9: lỗi TC2030');
    expect(r.stdout).toContain('✗ examples/loi.tieuchi: 2 lỗi, 0 cảnh báo');
  });

  it('prints diagnostics as JSON for tools', async () => {
    const r = await run(['check', '--json', 'examples/loi-cu-phap.tieuchi', 'examples/cdht-xa-mau.tieuchi']);
    expect(r.code).toBe(1);
    const ds = json<Record<string, unknown>[]>(r);
    expect(ds).toEqual([
      {
        file: 'examples/loi-cu-phap.tieuchi',
        code: 'TC1105',
        severity: 'error',
        line: 5,
        column: 3,
        endLine: 5,
        endColumn: 31,
        message: expect.stringContaining('tieu chj'),
        messageEn: expect.stringContaining('tieu chj'),
        suggestion: 'tiêu chí',
      },
    ]);
  });

  it('prints messages in English with --lang en', async () => {
    const r = await run(['check', 'examples/loi.tieuchi', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('examples/loi.tieuchi:5:3: error TC2010: Criterion 1 states total 20 but its indicators add up to 15');
  });

  it('resolves `dựa trên` among the other files first, then the registered plugins', async () => {
    const base = 'bộ tiêu chí goc-2024 "Gốc"\n  đối tượng: công dân\n\n  tiêu chí 1 "Học tập" tổng 10\n    chỉ số 1.1 "Tự học" tối đa 10\n';
    const derived = 'bộ tiêu chí con-2025 "Con"\n  dựa trên: goc-2024\n\n  chỉ số 1.1 "Tự học mỗi ngày" tối đa 10\n';
    const alone = await run(['check', 'con.tieuchi'], { files: { 'con.tieuchi': derived } });
    expect(alone.code).toBe(1);
    expect(alone.stdout).toContain('con.tieuchi:2:13: lỗi TC2061: Không tìm thấy bộ tiêu chí gốc `goc-2024`');
    const both = await run(['check', 'con.tieuchi', 'goc.tieuchi'], { files: { 'con.tieuchi': derived, 'goc.tieuchi': base } });
    expect(both.code).toBe(0);

    // Without a local file, `cdht-phu-tho-2018` comes from the phu-tho plugin, which has indicator 5.1…
    const fromPlugin = 'bộ tiêu chí pt-2019 "Phú Thọ 2019"\n  dựa trên: cdht-phu-tho-2018\n\n  chỉ số 5.1 "Ngoại ngữ" tối đa 5 cần minh chứng\n';
    expect((await run(['check', 'pt.tieuchi'], { files: { 'pt.tieuchi': fromPlugin } })).code).toBe(0);
    // …but a file on the command line that declares the same id wins, and it has no 5.1.
    const shadow = 'bộ tiêu chí cdht-phu-tho-2018 "Bản địa phương"\n  đối tượng: công dân\n\n  tiêu chí 1 "Học tập" tổng 10\n    chỉ số 1.1 "Tự học" tối đa 10\n';
    const local = await run(['check', 'pt.tieuchi', 'local.tieuchi'], { files: { 'pt.tieuchi': fromPlugin, 'local.tieuchi': shadow } });
    expect(local.code).toBe(1);
    expect(local.stdout).toContain('pt.tieuchi:4:3: lỗi TC2042: Chỉ số 5.1 phải nằm trong một `tiêu chí`');
  });

  it('applies the framework rules as warnings (exit 0) and runs the worked examples (a failure is an error)', async () => {
    const r = await run(['check', '--json', 'examples/vi-du-sai.tieuchi']);
    expect(r.code).toBe(1);
    const ds = json<{ code: string; severity: string; line: number }[]>(r);
    expect(ds.map((d) => `${d.severity} ${d.code} ${d.line}`)).toEqual(['warning TC2101 2', 'warning TC2100 5', 'warning TC2100 9', 'error TC3001 18', 'error TC3001 18']);
    const uncited = 'bộ tiêu chí x "X"\n  đối tượng: công dân\n  căn cứ kh: "Kế hoạch 1"\n  tiêu chí 1 "A" tổng 10 theo kh\n    chỉ số 1.1 "a" tối đa 10\n  danh hiệu t "T" khi tổng điểm từ 5 trở lên\n  ví dụ "đạt"\n    điểm 1.1 = 5\n    mong đợi đạt t\n';
    const w = await run(['check', 'x.tieuchi'], { files: { 'x.tieuchi': uncited } });
    expect(w.code).toBe(0);
    expect(w.stdout).toContain('x.tieuchi:6:3: cảnh báo TC2100: Chưa ghi nguồn cho danh hiệu "T"');
    expect(w.stdout).toContain('✗ x.tieuchi: 0 lỗi, 1 cảnh báo');
  });

  it('checks a plugin framework named PLUGIN/FRAMEWORK', async () => {
    const r = await run(['check', 'phu-tho/cdht-phu-tho-2018']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ @hoctap/plugin-phu-tho/frameworks/cdht-phu-tho-2018.tieuchi: không có lỗi');
  });

  it('exits 1 for a file that does not exist, and for no file at all', async () => {
    const missing = await run(['check', 'khong-co.tieuchi']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Không tìm thấy tệp `khong-co.tieuchi`');
    const none = await run(['check']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Thiếu tệp cần kiểm tra');
  });
});
