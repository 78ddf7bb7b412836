/** Reads subjects from JSON: an array of subjects (or `{ "subjects": [...] }`). */
import type { Subject } from '@hoctap/core';
import { closest, normalize } from '@hoctap/criteria-dsl';
import { fieldError, parseNumber, type FieldError, type InputSubject, type ReadResult, type RowError } from './rows.js';

/** NFC-normalises every string (keys included) of parsed JSON. */
function nfc(v: unknown): unknown {
  if (typeof v === 'string') return normalize(v);
  if (Array.isArray(v)) return v.map(nfc);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [normalize(k), nfc(x)]));
  return v;
}

const FIELDS = ['id', 'name', 'họ tên', 'scores', 'year', 'group', 'attributes', 'evidence', 'facts', 'history', 'members', 'titles'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks one subject object and converts `"7,5"` scores to numbers; members are checked the same way. */
function readSubject(v: unknown, path: string, errors: FieldError[]): Subject | undefined {
  const bad = (code: string, field: string, vi: string, en: string) => errors.push(fieldError(code, field, vi, en));
  if (!isObject(v)) {
    bad('E_SUBJECT', path || 'subject', `${path ? `${path}: ` : ''}mỗi đối tượng phải là một object JSON`, `${path ? `${path}: ` : ''}each subject must be a JSON object`);
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const field = path ? `${path}.${k}` : k;
    if (!FIELDS.includes(k)) {
      const s = closest(k, FIELDS);
      bad('E_UNKNOWN_FIELD', field, `Trường "${k}" không được dùng${s ? ` — ý bạn là "${s}"?` : ''}`, `Unknown field "${k}"${s ? ` — did you mean "${s}"?` : ''}`);
      continue;
    }
    if (x === null || x === undefined) continue;
    switch (k) {
      case 'id':
      case 'name':
      case 'họ tên':
      case 'group':
        if (typeof x === 'string' || typeof x === 'number') out[k === 'họ tên' ? 'name' : k] = String(x);
        else bad('E_TYPE', field, `"${k}" phải là chuỗi`, `"${k}" must be a string`);
        break;
      case 'year':
        if (typeof x === 'number' && Number.isInteger(x)) out.year = x;
        else if (typeof x === 'string' && /^\d{4}$/.test(x.trim())) out.year = Number(x.trim());
        else bad('E_YEAR', field, `Năm không hợp lệ: ${JSON.stringify(x)}`, `Invalid year: ${JSON.stringify(x)}`);
        break;
      case 'scores': {
        if (!isObject(x)) {
          bad('E_TYPE', field, '"scores" phải là object: số chỉ số → điểm', '"scores" must be an object: indicator number → points');
          break;
        }
        const scores: Record<string, number | boolean | null> = {};
        for (const [ind, s] of Object.entries(x)) {
          if (typeof s === 'number' || typeof s === 'boolean' || s === null) scores[ind] = s;
          else if (typeof s === 'string' && s.trim() === '') scores[ind] = null;
          else if (typeof s === 'string' && parseNumber(s) !== undefined) scores[ind] = parseNumber(s)!;
          else bad('E_NOT_A_NUMBER', ind, `Điểm chỉ số ${ind} không phải là số: ${JSON.stringify(s)}`, `Score of indicator ${ind} is not a number: ${JSON.stringify(s)}`);
        }
        out.scores = scores;
        break;
      }
      case 'attributes':
        if (isObject(x) && Object.values(x).every((a) => typeof a === 'string')) out.attributes = x;
        else bad('E_TYPE', field, '"attributes" phải là object: mã thuộc tính → giá trị (chuỗi)', '"attributes" must be an object of strings');
        break;
      case 'evidence':
        if (isObject(x) && Object.values(x).every((e) => typeof e === 'boolean' || Array.isArray(e) || e === null)) out.evidence = x;
        else bad('E_TYPE', field, '"evidence" phải là object: số chỉ số → true/false hoặc danh sách minh chứng', '"evidence" must map indicator numbers to true/false or a list');
        break;
      case 'facts':
      case 'titles':
        if (Array.isArray(x) && x.every((f) => typeof f === 'string')) out[k] = x;
        else bad('E_TYPE', field, `"${k}" phải là danh sách chuỗi`, `"${k}" must be a list of strings`);
        break;
      case 'history':
        if (isObject(x) && Object.entries(x).every(([y, ts]) => /^\d{4}$/.test(y) && Array.isArray(ts) && ts.every((t) => typeof t === 'string'))) out.history = x;
        else bad('E_TYPE', field, '"history" phải là object: năm → danh sách danh hiệu', '"history" must map years to lists of titles');
        break;
      case 'members':
        if (!Array.isArray(x)) bad('E_TYPE', field, '"members" phải là danh sách đối tượng', '"members" must be a list of subjects');
        else out.members = x.map((m, i) => readSubject(m, `${field}[${i}]`, errors) ?? {});
        break;
    }
  }
  return out as Subject & { name?: string };
}

/**
 * Parses JSON text into subjects and errors; the row of a subject is its position in the array
 * (the first is 1).
 * @example readJson('[{"id":"a","scores":{"1.1":6}}]')
 */
export function readJson(text: string): ReadResult {
  let data: unknown;
  try {
    data = nfc(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch (e) {
    return { subjects: [], rowErrors: [{ row: 0, errors: [fieldError('E_JSON', undefined, `Tệp JSON không hợp lệ: ${(e as Error).message}`, `Invalid JSON: ${(e as Error).message}`)] }] };
  }
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.subjects) ? data.subjects : undefined;
  if (!list) return { subjects: [], rowErrors: [{ row: 0, errors: [fieldError('E_JSON', undefined, 'Tệp JSON phải là một danh sách đối tượng [ {...}, … ]', 'The JSON must be an array of subjects [ {...}, … ]')] }] };
  const subjects: InputSubject[] = [];
  const rowErrors: RowError[] = [];
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    const row = i + 1;
    const errors: FieldError[] = [];
    const s = readSubject(item, '', errors) as (Subject & { name?: string }) | undefined;
    const id = s?.id ?? `#${row}`;
    if (s?.id !== undefined) {
      const first = seen.get(s.id);
      if (first !== undefined) errors.push(fieldError('E_DUPLICATE_ID', 'id', `Mã "${s.id}" đã có ở phần tử ${first}`, `Id "${s.id}" already used by item ${first}`));
      else seen.set(s.id, row);
    }
    if (errors.length > 0 || !s) {
      rowErrors.push({ row, id, ...(s?.name !== undefined ? { name: s.name } : {}), errors });
      return;
    }
    const { name, ...subject } = s;
    subjects.push({ row, ...(name !== undefined ? { name } : {}), subject: { ...subject, id } });
  });
  return { subjects, rowErrors };
}
