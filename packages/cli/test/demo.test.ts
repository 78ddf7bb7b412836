import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEMO_INPUT } from '../src/commands/demo.js';
import { run } from './helpers.js';

describe('hoctap demo', () => {
  it('registers the plugins, runs every worked example, scores the demo sheet and summarises, exit 0', async () => {
    const r = await run(['demo']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    const steps = ['1. Đăng ký plugin', '2. Chạy ví dụ mẫu', '3. Chấm bảng điểm demo/phu-tho-2018.csv theo phu-tho/cdht-phu-tho-2018'].map((s) => out.indexOf(s));
    expect(steps.every((i) => i >= 0)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(out).toContain('✓ phu-tho (Phú Thọ — thí điểm Công dân học tập 2018): 1 bộ tiêu chí — phu-tho/cdht-phu-tho-2018');
    expect(out).toMatch(/^✓ (\d+) ví dụ trong \d+ bộ tiêu chí: \1 đúng, 0 sai\.$/m);
    expect(out).toContain('  ✓ 75 điểm thì đạt');
    // Only the first subject is explained.
    expect(out).toContain('Giải thích — tnmt-01 (Nguyễn Văn An):');
    expect(out.match(/Giải thích — /g)).toHaveLength(1);
    expect(out).toContain('Dòng 11 (thue-03): Điểm chỉ số 1.1 = 8 vượt tối đa 6');
    expect(out).toContain('20 đối tượng: 19 chấm được, 1 có lỗi.');
    expect(out).toContain('Đạt "Công dân học tập": 14/19 (73,7%).');
  });

  it('has 20 pilot staff of the three pilot units, with names', async () => {
    const lines = (await readFile(DEMO_INPUT, 'utf8')).trimEnd().split('\n');
    expect(lines[0]!.startsWith('mã,họ tên,năm,1.1,1.2,')).toBe(true);
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(20);
    const units = new Set(rows.map((r) => r[0]!.split('-')[0]));
    expect([...units].sort()).toEqual(['thue', 'tnmt', 'yte']);
    expect(rows.every((r) => /^\p{Lu}\p{Ll}+( \p{Lu}\p{Ll}*)+$/u.test(r[1]!))).toBe(true);
  });
});
