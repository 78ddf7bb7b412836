/** Reads subjects from a CSV sheet: one row per subject, one column per indicator number. */
import { parse } from 'csv-parse/sync';
import { normalize } from '@hoctap/criteria-dsl';
import { readRows, type ReadOptions, type ReadResult } from './rows.js';

/**
 * Guesses the delimiter from the header line: `,`, `;` (what Excel writes where the decimal
 * mark is a comma, as in Vietnamese) or a tab.
 */
export function detectDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => first.split(ch).length - 1;
  const cands = [',', ';', '\t'].map((d) => ({ d, n: count(d) }));
  cands.sort((a, b) => b.n - a.n);
  return cands[0]!.n > 0 ? cands[0]!.d : ',';
}

/**
 * Parses CSV text (UTF-8, NFC-normalised, BOM allowed) into subjects and row errors.
 * @example readCsv('mã,1.1\na,6\n', { indicators: [{ id: '1.1', kind: 'points' }] })
 */
export function readCsv(text: string, opts: ReadOptions): ReadResult {
  const source = normalize(text.replace(/^\uFEFF/, ''));
  const records = parse(source, {
    delimiter: detectDelimiter(source),
    relax_column_count: true,
    skip_empty_lines: false,
    bom: true,
  }) as string[][];
  const [header = [], ...body] = records;
  // Spreadsheet numbering: the header is row 1, the first data record row 2.
  return readRows(header, body.map((cells, i) => ({ row: i + 2, cells })), opts, 1);
}
