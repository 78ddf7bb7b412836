/** Picks the reader by the file's extension: .json, .csv (or .tsv, .txt) and .xlsx. */
import { extname } from 'node:path';
import type { Model } from '@hoctap/core';
import { CliError, type Ctx } from '../context.js';
import { readCsv } from './csv.js';
import { readJson } from './json.js';
import type { ReadOptions, ReadResult } from './rows.js';
import { readXlsx } from './xlsx.js';

export type { Cell, FieldError, InputSubject, ReadOptions, ReadResult, RowError } from './rows.js';
export { readCsv, readJson, readXlsx };

/** What the readers need to know of a model. */
export function readOptions(model: Model): ReadOptions {
  return { indicators: model.indicators.map((i) => ({ id: i.id, kind: i.measure.kind })) };
}

/** Reads an input file of subjects. A file that cannot be read at all is a CliError (exit 1). */
export async function readInput(ctx: Ctx, path: string, model: Model): Promise<ReadResult> {
  const ext = extname(path).toLowerCase();
  const data = await ctx.read(path);
  let r: ReadResult;
  if (ext === '.json') r = readJson(new TextDecoder().decode(data));
  else if (ext === '.csv' || ext === '.tsv' || ext === '.txt') r = readCsv(data, readOptions(model));
  else if (ext === '.xlsx') r = await readXlsx(data, readOptions(model));
  else
    throw new CliError(
      ctx.t(`Không biết đọc tệp \`${path}\`: cần đuôi .json, .csv hoặc .xlsx (tệp .xls cũ: lưu lại thành .xlsx)`, `Cannot read \`${path}\`: use .json, .csv or .xlsx (save an old .xls as .xlsx)`),
    );
  // Row 0 stands for the whole file (JSON that does not parse, or is not a list).
  const fatal = r.rowErrors.find((e) => e.row === 0);
  if (fatal) throw new CliError(`${path}: ${fatal.errors.map((e) => ctx.t(e.message, e.messageEn)).join('; ')}`);
  return r;
}
