import { describe, expect, it } from 'vitest';
import { nameProblem } from '../src/index.js';

describe('nameProblem', () => {
  it('passes Vietnamese names, with or without digits and punctuation', () => {
    for (const n of ['Nguyễn Văn An', 'Đặng Thị Ánh Tuyết', 'Hộ ông Lò Văn Pọm', 'Thôn 3, xã Tân Lập', "H'Hen Niê", 'Trường THCS Nguyễn Du (Tân Biên)', 'Lê Thị Hồng'.normalize('NFD')]) {
      expect(nameProblem(n), n).toBeUndefined();
    }
  });
  it('refuses invisible, control, odd-space and look-alike characters, with the position', () => {
    expect(nameProblem('An\u200bh')).toMatchObject({ position: 3 });
    expect(nameProblem('An\u200bh')!.vi).toContain('U+200B');
    expect(nameProblem('\ufeffAnh')!.vi).toContain('BOM');
    expect(nameProblem('An\u2066h')!.en).toContain('U+2066');
    expect(nameProblem('An\th')!.vi).toContain('U+0009');
    expect(nameProblem('An\u3000h')!.vi).toContain('U+3000');
    expect(nameProblem('Αnh')!.vi).toContain('U+0391'); // Greek capital alpha
    expect(nameProblem('Nguyễn Văn Аn')!.position).toBe(12); // Cyrillic А
  });
});
