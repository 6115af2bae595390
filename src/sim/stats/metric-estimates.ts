/**
 * One metric's estimates from the exact sums: means with 95 % intervals, honest one-sided bounds
 * when no outage was seen, importance-sampling estimates with their effective sample size,
 * downtime by cause and outage-duration quantiles.
 */
import { HOURS_PER_YEAR } from '../../model/units.js';

/** Minutes in a 365-day year. */
const MINUTES_PER_YEAR = HOURS_PER_YEAR * 60;
import { CAUSES, type Cause } from '../model/failure-classes.js';
import {
  clopperPearsonZeroUpper,
  meanInterval,
  proportionInterval,
  type Interval,
} from './intervals.js';
import {
  fromFixed,
  HIST_MIN_LOG10,
  HIST_PER_DECADE,
  type PredicateSums,
  type RunSums,
} from './run-sums.js';
import type { Estimate, MetricResult } from './simulation-result.js';

/** Below this effective number of outage trials, an importance-sampling interval is not trusted. */
export const MIN_ESS = 50;

export function est(mean: number, ci95: Interval): Estimate {
  return { mean, ci95 };
}

export function clip(i: Interval, lo: number, hi: number): Interval {
  return [Math.max(lo, i[0]), Math.min(hi, i[1])];
}

/** The estimates of one metric from plain sampling (bounds when no outage was seen). */
export function plainMetric(
  ps: PredicateSums | undefined,
  n: number,
  H: number,
  bits: number,
): MetricResult {
  if (ps === undefined || (ps.anyTrials === 0 && ps.down === 0n)) {
    const upper = n > 0 ? clopperPearsonZeroUpper(n) : 1;
    // No outage seen: D ≤ H·1{outage}, so E[D]/H ≤ P(outage) ≤ the Clopper–Pearson bound.
    const rate = n > 0 ? (-Math.log(0.025) / (n * H)) * HOURS_PER_YEAR : Infinity;
    return {
      availability: est(1, [1 - upper, 1]),
      downtimeMinutesPerYear: est(0, [0, upper * MINUTES_PER_YEAR]),
      downHours: est(0, [0, upper * H]),
      pOutage: est(0, [0, upper]),
      outagesPerYear: est(0, [0, rate]),
      method: 'monte-carlo',
      trialsWithOutage: 0,
      timerDowntimeMinutesPerYear: 0,
      downtimeMinutesPerYearByCause: {},
      outageDurationHours: null,
      note: `no outage in ${n} trials: the intervals are one-sided 95 % bounds (Clopper–Pearson; Poisson for outagesPerYear)`,
    };
  }
  const down = meanInterval(n, fromFixed(ps.down, bits), fromFixed(ps.down2, bits, 2));
  const outages = meanInterval(n, fromFixed(ps.outages, bits), fromFixed(ps.outages2, bits, 2));
  const t = timeEstimates(down, outages, H);
  const result: MetricResult = {
    availability: t.availability,
    downtimeMinutesPerYear: t.downtimeMinutesPerYear,
    downHours: t.downHours,
    pOutage: est(ps.anyTrials / n, proportionInterval(ps.anyTrials, n)),
    outagesPerYear: t.outagesPerYear,
    method: 'monte-carlo',
    trialsWithOutage: ps.anyTrials,
    timerDowntimeMinutesPerYear: perYearMinutes(fromFixed(ps.down - ps.downZero, bits) / n, H),
    downtimeMinutesPerYearByCause: byCause(ps, n, bits, H),
    outageDurationHours: quantiles(ps),
  };
  if (ps.anyTrials > 0) return result;
  // Partial downtime only (failover gaps): no outage, so its rate is a one-sided Poisson bound.
  const rate = (-Math.log(0.025) / (n * H)) * HOURS_PER_YEAR;
  return {
    ...result,
    outagesPerYear: est(0, [0, rate]),
    note: `no outage in ${n} trials, only partial downtime (requests sent to a stopped apiserver in a failover gap); outagesPerYear is a one-sided 95 % Poisson bound`,
  };
}

/**
 * The estimates of one metric from importance sampling, widened to plain sampling's bounds when
 * the effective sample size is too small to trust the weighted t-interval.
 */
export function importanceMetric(
  ps: PredicateSums,
  run: RunSums,
  H: number,
  plain: PredicateSums | undefined,
  plainRun: RunSums,
): MetricResult {
  const n = run.trials;
  const k = plain?.anyTrials ?? 0;
  if (ps.anyTrials === 0) {
    const m = plainMetric(
      plain?.anyTrials === 0 ? undefined : plain,
      plainRun.trials,
      H,
      plainRun.bits,
    );
    return {
      ...m,
      note: `no outage in ${n} importance-sampling trials; ${k} of ${plainRun.trials} plain trials saw one: plain-sampling estimate`,
    };
  }
  const bits = run.bits;
  const down = meanInterval(n, fromFixed(ps.down, bits), fromFixed(ps.down2, bits, 2));
  const outages = meanInterval(n, fromFixed(ps.outages, bits), fromFixed(ps.outages2, bits, 2));
  const any = meanInterval(n, fromFixed(ps.any, bits), fromFixed(ps.any2, bits, 2));
  const t = timeEstimates(down, outages, H);
  const a = fromFixed(ps.any, bits);
  const ess = (a * a) / fromFixed(ps.any2, bits, 2);
  const result: MetricResult = {
    availability: t.availability,
    downtimeMinutesPerYear: t.downtimeMinutesPerYear,
    downHours: t.downHours,
    pOutage: est(any.mean, clip(any.ci95, 0, 1)),
    outagesPerYear: t.outagesPerYear,
    method: 'importance-sampling',
    trialsWithOutage: ps.anyTrials,
    timerDowntimeMinutesPerYear: perYearMinutes(fromFixed(ps.down - ps.downZero, bits) / n, H),
    downtimeMinutesPerYearByCause: byCause(ps, n, bits, H),
    outageDurationHours: plain !== undefined && plain.anyTrials > 0 ? quantiles(plain) : null,
    effectiveSampleSize: ess,
    note: `importance sampling (failure biasing): ${ps.anyTrials} of ${n} biased trials saw an outage`,
  };
  if (ess >= MIN_ESS) return result;
  // Too few effective outage trials: the weights' spread makes the t-interval too narrow to
  // trust. Keep the estimate, but widen every interval to include plain sampling's honest bound
  // (a trial's downtime is at most the horizon times "it had an outage").
  const upper = proportionInterval(k, plainRun.trials)[1];
  const rate = ((-Math.log(0.025) + k) / (plainRun.trials * H)) * HOURS_PER_YEAR;
  return {
    ...result,
    availability: est(result.availability.mean, [
      Math.min(result.availability.ci95[0], 1 - upper),
      1,
    ]),
    downtimeMinutesPerYear: est(result.downtimeMinutesPerYear.mean, [
      0,
      Math.max(result.downtimeMinutesPerYear.ci95[1], upper * MINUTES_PER_YEAR),
    ]),
    downHours: est(result.downHours.mean, [0, Math.max(result.downHours.ci95[1], upper * H)]),
    pOutage: est(result.pOutage.mean, [0, Math.max(result.pOutage.ci95[1], upper)]),
    outagesPerYear: est(result.outagesPerYear.mean, [
      0,
      Math.max(result.outagesPerYear.ci95[1], rate),
    ]),
    note: `importance sampling did not converge (effective sample size ${ess.toFixed(1)} < ${MIN_ESS}): the intervals are widened to plain sampling's one-sided bounds (${k} of ${plainRun.trials} plain trials had an outage); run more trials`,
  };
}

/** Availability, down hours and outages a year from the intervals of down time and outages. */
function timeEstimates(
  down: { mean: number; ci95: Interval },
  outages: { mean: number; ci95: Interval },
  H: number,
): Pick<MetricResult, 'availability' | 'downtimeMinutesPerYear' | 'downHours' | 'outagesPerYear'> {
  const perYear = HOURS_PER_YEAR / H;
  const hours = clip(down.ci95, 0, H);
  return {
    availability: est(1 - down.mean / H, clip([1 - down.ci95[1] / H, 1 - down.ci95[0] / H], 0, 1)),
    downtimeMinutesPerYear: est(perYearMinutes(down.mean, H), [
      perYearMinutes(hours[0], H),
      perYearMinutes(hours[1], H),
    ]),
    downHours: est(down.mean, hours),
    outagesPerYear: est(
      outages.mean * perYear,
      clip([outages.ci95[0] * perYear, outages.ci95[1] * perYear], 0, Infinity),
    ),
  };
}

/** Minutes a year from mean hours within a horizon of H hours. */
export function perYearMinutes(hours: number, H: number): number {
  return (hours * 60 * HOURS_PER_YEAR) / H;
}

function byCause(
  ps: PredicateSums,
  n: number,
  bits: number,
  H: number,
): Partial<Record<Cause, number>> {
  const out: Partial<Record<Cause, number>> = {};
  CAUSES.forEach((c, k) => {
    const h = ps.causeHours[k] ?? 0n;
    if (h !== 0n) out[c] = perYearMinutes(fromFixed(h, bits) / n, H);
  });
  return out;
}

function quantiles(ps: PredicateSums): MetricResult['outageDurationHours'] {
  const total = ps.hist.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const q = (f: number): number => {
    const target = f * total;
    let cum = 0;
    for (let b = 0; b < ps.hist.length; b++) {
      const c = ps.hist[b] ?? 0;
      if (cum + c >= target && c > 0) {
        const frac = (target - cum) / c;
        const lo = HIST_MIN_LOG10 + b / HIST_PER_DECADE;
        return Math.min(ps.maxHours, 10 ** (lo + frac / HIST_PER_DECADE));
      }
      cum += c;
    }
    return ps.maxHours;
  };
  return { p50: q(0.5), p90: q(0.9), p99: q(0.99), max: ps.maxHours };
}
