/**
 * How report figures read, the same in every format: availability with as many decimals as its
 * nines need, minutes with three significant digits, intervals as `mean [low, high]`, durations
 * as `3h 7m`.
 */
import { formatMinutes, formatPercent } from './render-analysis-text.js';
import type { Interval95 } from './report.js';

export { formatMinutes, formatPercent };

/**
 * An availability next to an objective: with as many decimals as it takes for a value below the
 * objective to read below it (99.98997 %, not 99.9900 %, against 99.99 %).
 */
export function formatPercentAgainst(availability: number, objectivePercent: number): string {
  const plain = formatPercent(availability);
  if (availability * 100 >= objectivePercent) return plain;
  const decimals = /\.(\d+)/.exec(plain)?.[1]?.length ?? 0;
  for (let digits = decimals; digits <= 12; digits++) {
    const shown = (availability * 100).toFixed(digits);
    if (Number(shown) < objectivePercent) return `${shown} %`;
  }
  return plain;
}

/** An availability interval in percent, with enough decimals to tell its ends apart. */
export function formatAvailabilityInterval(i: Interval95): string {
  const [lo, hi] = i.ci95;
  const nines = lo < 1 ? Math.floor(-Math.log10(1 - lo)) : 6;
  const digits = Math.min(8, Math.max(2, nines + 1));
  const p = (x: number): string => (100 * x).toFixed(digits);
  return `${p(i.mean)} % [${p(lo)}, ${p(hi)}]`;
}

/** A mean and its interval: `41.5 [38.2, 44.9]`. */
export function formatInterval(
  i: Interval95,
  format: (x: number) => string = formatNumber,
): string {
  return `${format(i.mean)} [${format(i.ci95[0])}, ${format(i.ci95[1])}]`;
}

/** Three significant digits below 100, whole numbers above; `∞` for an unbounded end. */
export function formatNumber(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (Math.abs(x) >= 100) return Math.round(x).toLocaleString('en-US');
  return Number(x.toPrecision(3)).toString();
}

/** A probability as a percentage: `12.3 %`, `< 0.01 %`. */
export function formatProbability(p: number): string {
  if (p === 0) return '0 %';
  if (p < 1e-4) return '< 0.01 %';
  return `${formatNumber(p * 100)} %`;
}

/** Minutes as a duration a person reads: `42 s`, `7.5 min`, `3h 7m`, `2d 4h`. */
export function formatDurationMinutes(minutes: number): string {
  if (!Number.isFinite(minutes)) return '∞';
  if (minutes < 1) return `${formatNumber(minutes * 60)} s`;
  if (minutes < 60) return `${formatNumber(minutes)} min`;
  const totalMinutes = Math.round(minutes);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const mins = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  return mins > 0 ? `${hours}h ${mins}m` : `${hours}h`;
}

/** A simulated horizon: `1 year`, `30 days`. */
export function formatHorizon(hours: number): string {
  if (hours === 8760) return '1 year';
  if (hours % 8760 === 0) return `${hours / 8760} years`;
  if (hours % 24 === 0) return `${hours / 24} days`;
  return `${formatNumber(hours)} hours`;
}
