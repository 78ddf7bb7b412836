/** CSV in: bytes decoded (UTF-8 with or without BOM, UTF-16 by its BOM, else Windows-1258), one delimiter detected from the header line, quotes honoured. */
import { parse } from 'csv-parse/sync';
import { normalize } from '@hoctap/criteria-dsl';
import { assemble, SheetError, type CellValue, type Delimiter, type Encoding, type ReadSheetOptions, type Sheet } from './sheet.js';

/**
 * Decodes a CSV file's bytes to NFC text. A UTF-8 BOM or none: UTF-8; a UTF-16 BOM: UTF-16 LE/BE;
 * bytes that are not UTF-8 at all: Windows-1258 (what Excel writes as “CSV” under Vietnamese
 * settings), which composes to the same NFC text.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const b = bytes;
  if (b[0] === 0xff && b[1] === 0xfe) return { text: normalize(new TextDecoder('utf-16le').decode(b.subarray(2))), encoding: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: normalize(new TextDecoder('utf-16be').decode(b.subarray(2))), encoding: 'utf-16be' };
  const body = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b;
  if (body.includes(0))
    throw new SheetError('ENCODING', 'Tệp không phải CSV dạng văn bản (có byte 0): lưu lại bằng “CSV UTF-8” hoặc gửi tệp .xlsx', 'The file is not CSV text (it has NUL bytes): save it as “CSV UTF-8” or send the .xlsx file');
  try {
    return { text: normalize(new TextDecoder('utf-8', { fatal: true }).decode(body)), encoding: 'utf-8' };
  } catch {
    return { text: normalize(new TextDecoder('windows-1258').decode(body)), encoding: 'windows-1258' };
  }
}

/**
 * The delimiter of a CSV text, from its header line (quoted parts skipped): the most frequent of
 * `,`, `;` and tab; `,` for a one-column file. With `titles` (the caller expects title lines above
 * the header), a line with none of them defers to the next line that has one. Two of them equally
 * often is a {@link SheetError}.
 */
export function detectDelimiter(text: string, opts: { titles?: boolean } = {}): Delimiter {
  const src = text.replace(/^\uFEFF/, '');
  let quoted = false;
  let line = 1;
  let counts = fresh();
  const decide = (): Delimiter | undefined => {
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    if (ranked[0]![1] === 0) return undefined;
    if (ranked[0]![1] === ranked[1]![1]) {
      const name = (d: Delimiter) => (d === '\t' ? 'tab' : `“${d}”`);
      throw new SheetError(
        'AMBIGUOUS_DELIMITER',
        `Dòng ${line} có ${ranked[0]![1]} dấu ${name(ranked[0]![0])} và ${ranked[1]![1]} dấu ${name(ranked[1]![0])}: không rõ dấu phân cách cột (mỗi tệp chỉ dùng một loại; tên cột có dấu phẩy thì đặt trong ngoặc kép)`,
        `Line ${line} has as many ${name(ranked[0]![0])} as ${name(ranked[1]![0])}: the column delimiter is ambiguous (one per file; quote a column name that contains a comma)`,
        line,
      );
    }
    return ranked[0]![0];
  };
  for (let i = 0; i < src.length && line <= 20; i++) {
    const ch = src[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') {
      const d = decide();
      if (d || !opts.titles) return d ?? ',';
      line++;
      counts = fresh();
    } else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
  }
  return decide() ?? ',';
}

function fresh(): Map<Delimiter, number> {
  return new Map<Delimiter, number>([[',', 0], [';', 0], ['\t', 0]]);
}

const HINT_COMMA = ' (số thập phân viết bằng dấu phẩy như 7,5 trong tệp phân cách bằng dấu phẩy phải đặt trong ngoặc kép "7,5", hoặc lưu tệp với dấu chấm phẩy)';

/**
 * Reads a CSV file. Row numbers are the file's lines (a quoted cell over two lines: the line the
 * record starts on). Cells are NFC and trimmed; CSV has no types, so `values` are the texts (null when empty).
 * @example readCsvSheet(new TextEncoder().encode('Mã;Chỉ số 1.1\na;7,5\n')).rows[0].cells // ['a', '7,5']
 */
export function readCsvSheet(input: Uint8Array | string, opts: ReadSheetOptions = {}): Sheet {
  const { text, encoding } = typeof input === 'string' ? { text: normalize(input.replace(/^\uFEFF/, '')), encoding: 'utf-8' as const } : decodeText(input);
  const delimiter = detectDelimiter(text, { titles: opts.isHeader !== undefined });
  let records: { info: { lines: number }; record: string[] }[];
  try {
    // One line ending everywhere: csv-parse counts a CRLF inside a quoted cell as two lines.
    records = parse(text.replace(/\r\n?/g, '\n'), { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true, info: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as { code?: string; lines?: number; message: string };
    if (err.code === 'CSV_QUOTE_NOT_CLOSED')
      throw new SheetError('UNTERMINATED_QUOTE', `CSV có dấu ngoặc kép chưa đóng (từ khoảng dòng ${err.lines ?? '?'})`, 'The CSV has an unterminated quote', err.lines);
    throw new SheetError('CSV_SYNTAX', `Không đọc được CSV: ${err.message}`, `Cannot read the CSV: ${err.message}`, err.lines);
  }
  let next = 1;
  const raw = records.map(({ info, record }) => {
    const row = next;
    next = info.lines + 1;
    const cells = record.map((c) => c.trim());
    return { row, cells, values: cells.map((c): CellValue => (c === '' ? null : c)) };
  });
  return assemble('csv', raw, opts, { delimiter, encoding }, delimiter === ',' ? HINT_COMMA : '');
}
