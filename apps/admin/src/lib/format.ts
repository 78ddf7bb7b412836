/** Dates and numbers as Vietnamese users write them: dd/mm/yyyy, `7,5`. */

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Formats a date as dd/mm/yyyy. Accepts an ISO date (`2018-05-01`), an ISO timestamp or a Date.
 * ISO dates are read as calendar dates (no time-zone shift). Returns '' for nothing, the input for
 * text that is not a date.
 * @example formatDate('2018-05-01') === '01/05/2018'
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return `${pad(value.getDate())}/${pad(value.getMonth() + 1)}/${value.getFullYear()}`;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value);
  if (m && !value.includes('T')) return `${m[3]}/${m[2]}/${m[1]}`;
  if (m) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? value : formatDate(d);
  }
  return value;
}

/** A period `01/05/2018 – 31/12/2018`, open-ended as `từ 01/05/2018`. */
export function formatPeriod(p: { from?: string | undefined; to?: string | undefined } | undefined, lang: 'vi' | 'en' = 'vi'): string {
  if (!p || (!p.from && !p.to)) return '';
  if (p.from && p.to) return `${formatDate(p.from)} – ${formatDate(p.to)}`;
  if (p.from) return `${lang === 'en' ? 'from' : 'từ'} ${formatDate(p.from)}`;
  return `${lang === 'en' ? 'until' : 'đến'} ${formatDate(p.to)}`;
}

/** Points with a decimal comma in Vietnamese: 7.5 → `7,5`. */
export function formatPoints(n: number, lang: 'vi' | 'en' = 'vi'): string {
  const s = String(Math.round(n * 100) / 100);
  return lang === 'vi' ? s.replace('.', ',') : s;
}
