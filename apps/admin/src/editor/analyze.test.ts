import { describe, expect, it } from 'vitest';
import { analyze, position } from './analyze.ts';
import { STARTER_TEMPLATE } from './template.ts';

describe('analyze', () => {
  it('the starter template is valid and its examples pass', () => {
    const a = analyze(STARTER_TEMPLATE);
    expect(a.diagnostics).toEqual([]);
    expect(a.valid).toBe(true);
    expect(a.examples.length).toBeGreaterThan(0);
    expect(a.examples.every((e) => e.passed)).toBe(true);
  });

  it('reports a misspelt keyword in Vietnamese at its line, with a suggestion', () => {
    const text = STARTER_TEMPLATE.replace('    chỉ số 1.2', '    chỉ sô 1.2');
    const line = text.split('\n').findIndex((l) => l.includes('chỉ sô')) + 1;
    const a = analyze(text);
    expect(a.valid).toBe(false);
    const first = a.diagnostics[0]!;
    expect(first.range.start.line).toBe(line);
    expect(position(first)).toMatch(new RegExp(`^${line}:`));
    expect(first.message).toMatch(/[ạảãáàâăêôơưđ]/);
    expect(a.examples).toEqual([]);
  });

  it('turns a wrong expectation into a TC3001 diagnostic and a failed example', () => {
    const a = analyze(STARTER_TEMPLATE.replace('mong đợi tổng 15', 'mong đợi tổng 16'));
    expect(a.valid).toBe(true);
    expect(a.examples.some((e) => !e.passed)).toBe(true);
    expect(a.diagnostics.map((d) => d.code)).toContain('TC3001');
  });

  it('warns about a rule without a source, as `hoctap check` and the check endpoint do; publishing would refuse it', () => {
    const text = STARTER_TEMPLATE.replace('    theo kh "mục III"\n', '');
    const line = text.split('\n').findIndex((l) => l.startsWith('  danh hiệu cdht')) + 1;
    const a = analyze(text);
    expect(a.diagnostics.map((d) => `${d.severity} ${d.code} ${position(d)}`)).toEqual([`warning TC2100 ${line}:3`]);
    expect(a.diagnostics[0]!.message).toContain('danh hiệu "Công dân học tập"');
    expect({ valid: a.valid, publishable: a.publishable }).toEqual({ valid: true, publishable: false });
    expect(analyze(STARTER_TEMPLATE).publishable).toBe(true);
  });

  it('names the base frameworks that must be fetched', () => {
    const a = analyze(`bộ tiêu chí x "X"\n  dựa trên: cdht-quoc-gia-2022\n`);
    expect(a.bases).toEqual(['cdht-quoc-gia-2022']);
  });
});
