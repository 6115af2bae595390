/**
 * The calendar months of a simulated horizon, for the SLA view: managed control planes promise a
 * monthly uptime (EKS, GKE, AKS count per calendar or billing month), so a trial's year is cut into
 * January (31 days), February (28), … of a 365-day year, year after year. Only whole months inside
 * the horizon count; a trial of less than a month has none.
 */
import { HOURS_PER_YEAR } from '../../model/units.js';

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Months that fit in the horizon: their starts (hours from the trial's start) and lengths. */
export interface CalendarMonths {
  start: Float64Array;
  hours: Float64Array;
}

export function calendarMonths(horizonHours: number): CalendarMonths {
  const start: number[] = [];
  const hours: number[] = [];
  let t = 0;
  for (let m = 0; ; m++) {
    const h = (DAYS[m % 12] ?? 30) * 24;
    if (t + h > horizonHours + 1e-9) break;
    start.push(t);
    hours.push(h);
    t += h;
  }
  return { start: Float64Array.from(start), hours: Float64Array.from(hours) };
}

/**
 * Adds `weight` × the part of [from, to) inside each month to `into` (index offset + month);
 * months past the last whole one are ignored.
 */
export function addToMonths(
  months: CalendarMonths,
  from: number,
  to: number,
  weight: number,
  into: Float64Array,
  offset: number,
): void {
  const n = months.start.length;
  if (n === 0 || !(to > from)) return;
  let m = monthAt(months, from);
  for (; m < n; m++) {
    const a = months.start[m] ?? 0;
    const b = a + (months.hours[m] ?? 0);
    if (a >= to) return;
    const overlap = Math.min(b, to) - Math.max(a, from);
    if (overlap > 0) into[offset + m] = (into[offset + m] ?? 0) + weight * overlap;
  }
}

/** The index of the month holding hour t (0 before the first; n − 1 or beyond after the last). */
function monthAt(months: CalendarMonths, t: number): number {
  // Whole years first: every year has the same 12 months.
  const year = Math.floor(t / HOURS_PER_YEAR);
  let m = Math.min(year * 12, months.start.length);
  while (m > 0 && (months.start[m - 1] ?? 0) + (months.hours[m - 1] ?? 0) > t) m--;
  while (m < months.start.length && (months.start[m] ?? 0) + (months.hours[m] ?? 0) <= t) m++;
  return m;
}
