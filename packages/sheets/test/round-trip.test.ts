/** Property: any table written as CSV with any of the three delimiters (quoted where needed) reads back cell for cell. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvSheet } from '../src/index.js';

const cell = fc.oneof(
  fc.constantFrom('7,5', '7.5', 'Thôn 3, xã Tân Lập', 'a; b', 'tab\there', 'say "hi"', 'hai\ndòng', 'Nguyễn Văn Lộc', 'Đặng', '75%', '-', 'x'),
  fc.string({ maxLength: 8 }).map((s) => s.replace(/[\r\u0000-\u0008\uFEFF]/g, '')),
);

// A one-column file has no delimiter to detect: there every cell that holds one is quoted.
const quote = (s: string, d: string, width: number) => ((width === 1 ? /[,;\t]/.test(s) : s.includes(d)) || /["\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s);

describe('CSV round trip', () => {
  it('cells come back as written (NFC, trimmed), whatever the delimiter', () => {
    fc.assert(
      fc.property(fc.constantFrom(',', ';', '\t'), fc.integer({ min: 1, max: 5 }), fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (d, width, body) => {
        const header = Array.from({ length: width }, (_, i) => `Cột ${i + 1}`);
        const rows = body.map((r) => r.slice(0, width));
        const text = [header, ...rows].map((r) => r.map((c) => quote(c, d, width)).join(d)).join('\r\n') + '\r\n';
        const s = readCsvSheet(new TextEncoder().encode(text));
        expect(s.delimiter).toBe(width > 1 ? d : ',');
        expect(s.issues).toEqual([]);
        const expected = rows.map((r) => r.map((c) => c.normalize('NFC').trim())).filter((r) => r.some((c) => c !== ''));
        expect(s.rows.map((r) => r.cells)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
