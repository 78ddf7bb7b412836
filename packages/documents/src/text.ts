/** Vietnamese text helpers shared by the documents: dates in the administrative style, numbers, NFC. */

/** An ISO date `yyyy-mm-dd`. */
export type IsoDate = string;

/** NFC-normalises text (input may arrive decomposed; PDF fonts and hashes need one form). */
export const nfc = (s: string): string => s.normalize('NFC');

function parts(date: IsoDate): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) throw new RangeError(`Ngày không hợp lệ (cần yyyy-mm-dd): ${date}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/**
 * "ngày 05 tháng 02 năm 2023" — Nghị định 30/2020/NĐ-CP, Phụ lục I: days below 10 and the months
 * 1 and 2 take a leading zero (so the date cannot be altered by hand); other months do not.
 */
export function viDateWords(date: IsoDate): string {
  const { y, m, d } = parts(date);
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m <= 2 ? `0${m}` : String(m);
  return `ngày ${dd} tháng ${mm} năm ${y}`;
}

/** "Tân Thạnh, ngày 15 tháng 12 năm 2022". */
export const placeDate = (place: string, date: IsoDate): string => `${nfc(place)}, ${viDateWords(date)}`;

/** "15/12/2022". */
export function viDateShort(date: IsoDate): string {
  const { y, m, d } = parts(date);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** A number the Vietnamese way: decimal comma ("7,5"). */
export const viNumber = (x: number): string => String(Math.round(x * 1e9) / 1e9).replace('.', ',');

/** Upper-cases Vietnamese text correctly (toLocaleUpperCase with `vi`). */
export const upper = (s: string): string => nfc(s).toLocaleUpperCase('vi');
