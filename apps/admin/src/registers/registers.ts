/** The registers page's pure pieces: the query it sends, the download links, how years are shown. */

export const REGISTER_TITLES = ['learning-citizen', 'learning-family', 'learning-clan', 'learning-community', 'learning-unit'] as const;
export type RegisterTitle = (typeof REGISTER_TITLES)[number];
export type RegisterSpan = 1 | 3 | 5;

/** What the page asks for. */
export interface RegisterChoice {
  title: RegisterTitle;
  year: number;
  span: RegisterSpan;
  /** Five digits, or empty for the whole of the caller's locality. */
  commune: string;
}

/** Whether a typed commune code can be sent (empty is fine). */
export const communeOk = (s: string): boolean => s === '' || /^[0-9]{5}$/.test(s);

/** The query of `GET /api/registers` for a page (commune left out when empty or malformed). */
export function registerQuery(c: RegisterChoice, page: number, pageSize: number): { title: RegisterTitle; year: number; span: RegisterSpan; commune?: string; limit: number; offset: number } {
  return { title: c.title, year: c.year, span: c.span, ...(c.commune && communeOk(c.commune) ? { commune: c.commune } : {}), limit: pageSize, offset: (page - 1) * pageSize };
}

/** The download of the three registers (`/api/registers.xlsx|pdf`). */
export function registersDownload(c: Omit<RegisterChoice, 'span'>, format: 'xlsx' | 'pdf'): string {
  const q = new URLSearchParams({ title: c.title, year: String(c.year) });
  if (c.commune && communeOk(c.commune)) q.set('commune', c.commune);
  return `/api/registers.${format}?${q.toString()}`;
}

/** Years as a reader scans them: runs joined ("2016, 2018–2020"). */
export function yearsText(years: readonly number[]): string {
  const ys = [...new Set(years)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < ys.length; ) {
    let j = i;
    while (j + 1 < ys.length && ys[j + 1] === ys[j]! + 1) j++;
    out.push(j - i >= 2 ? `${ys[i]}–${ys[j]}` : ys.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return out.join(', ');
}

/** The years a register can be opened for: this year back to 2010. */
export function registerYears(now: Date): number[] {
  const out: number[] = [];
  for (let y = now.getFullYear(); y >= 2010; y--) out.push(y);
  return out;
}
