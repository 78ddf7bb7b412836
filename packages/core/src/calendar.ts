/** The yearly calendar: windows as dates, and whether an action on a date is on time. */
import type * as A from '@hoctap/criteria-dsl';
import type { CalendarStep, Model } from './model.js';

/** A day of a window: month and day, the year when the file fixes one, or years after the campaign's (`năm sau`: 1). */
type MonthDay = { month: number; day: number; year?: number; yearOffset?: number };

const lastDay = (month: number, year?: number): number => {
  if (month === 2) return year !== undefined && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 28 : 29;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
};

/** The first and last day of a window (year only when the file fixes one). */
export function windowBounds(w: A.Window): { from?: MonthDay; to: MonthDay } | undefined {
  const md = (d: A.DateLit): MonthDay => ({ month: d.month, day: d.day, ...(d.year !== undefined ? { year: d.year } : {}) });
  switch (w.kind) {
    case 'Dates': {
      let to = md(w.to);
      if (w.before) {
        // "trước 05/11" ends on 04/11.
        to = to.day > 1 ? { ...to, day: to.day - 1 } : to.month > 1 ? { ...to, month: to.month - 1, day: lastDay(to.month - 1, to.year) } : { month: 12, day: 31, ...(to.year !== undefined ? { year: to.year - 1 } : {}) };
      }
      return { ...(w.from ? { from: md(w.from) } : {}), to };
    }
    case 'Quarter': {
      // `quý V` reaches here as NaN: reject anything that is not 1–4.
      if (!(Number.isInteger(w.quarter) && w.quarter >= 1 && w.quarter <= 4)) return undefined;
      const first = w.quarter * 3 - 2;
      const last = w.early ? first : first + 2;
      const next = w.nextYear ? { yearOffset: 1 } : {};
      return { from: { month: first, day: 1, ...next }, to: { month: last, day: lastDay(last), ...next } };
    }
    case 'Months': {
      if (!(Number.isInteger(w.from) && Number.isInteger(w.to) && w.from >= 1 && w.to <= 12 && w.from <= w.to)) return undefined;
      const next = w.nextYear ? { yearOffset: 1 } : {};
      return { from: { month: w.from, day: 1, ...next }, to: { month: w.to, day: lastDay(w.to), ...next } };
    }
  }
}

const ROMAN = ['', 'I', 'II', 'III', 'IV'];
const dd = (d: A.DateLit) => `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}${d.year !== undefined ? `/${d.year}` : ''}`;

/** The window in Vietnamese, as an officer would say it. */
export function describeWindow(w: A.Window): string {
  switch (w.kind) {
    case 'Dates':
      return w.from ? `từ ${dd(w.from)} đến ${dd(w.to)}` : w.before ? `trước ngày ${dd(w.to)}` : `đến hết ngày ${dd(w.to)}`;
    case 'Quarter':
      return `${w.early ? 'đầu ' : ''}quý ${ROMAN[w.quarter] ?? w.quarter}${w.nextYear ? ' năm sau' : ''}`;
    case 'Months':
      return `${w.from === w.to ? `trong tháng ${w.from}` : `trong tháng ${w.from} – ${w.to}`}${w.nextYear ? ' năm sau' : ''}`;
  }
}

export const STEP_NAMES_VI: Record<A.StepKind, string> = {
  registration: 'Đăng ký',
  'self-assessment': 'Tự đánh giá',
  review: 'Bình xét',
  report: 'Báo cáo',
  recognition: 'Công nhận',
  submission: 'Nộp hồ sơ',
};

/** A step's window in a given campaign year, as ISO dates. */
export function stepDates(step: CalendarStep, year: number): { from?: string; to: string } {
  // A recurring end of February (29) is the 28th in a common year.
  const iso = (d: MonthDay) => {
    const y = d.year ?? year + (d.yearOffset ?? 0);
    return `${y}-${String(d.month).padStart(2, '0')}-${String(Math.min(d.day, lastDay(d.month, y))).padStart(2, '0')}`;
  };
  return { ...(step.from ? { from: iso(step.from) } : {}), to: iso(step.to) };
}

/** Whether an action of a step on a date (ISO) is early, on time or late, and what the calendar says to do. */
export function checkDeadline(
  model: Model,
  step: A.StepKind,
  date: string,
  year: number,
): { status: 'no-window' | 'early' | 'on-time' | 'late'; policy?: 'refuse' | 'flag'; window?: { from?: string; to: string } } {
  const s = model.calendar.find((c) => c.step === step);
  if (!s) return { status: 'no-window' };
  const window = stepDates(s, year);
  if (window.from && date < window.from) return { status: 'early', policy: s.late, window };
  if (date > window.to) return { status: 'late', policy: s.late, window };
  return { status: 'on-time', window };
}
