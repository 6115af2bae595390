/**
 * The SLA view's estimates (docs/model.md, The SLA view), per tracked objective: the probability
 * that a calendar month misses it and the mean share of a month's error budget used, each with a
 * 95 % interval over trials (Student-t; when no trial missed a month, a one-sided Clopper–Pearson
 * bound: a month misses no more often than a trial has a missed month), for all downtime and for
 * SLA-style accounting; and the monthly downtime's quantiles.
 */
import { HIST_MIN_LOG10, HIST_PER_DECADE } from './histogram-bin.js';
import { clopperPearsonZeroUpper, meanInterval } from './intervals.js';
import { clip, est } from './metric-estimates.js';
import { fromFixed } from './run-sums.js';
import type { SloPlan } from './slo-plan.js';
import type { SloAccountSums, SloSums } from './slo-sums.js';
import type { Estimate } from './simulation-result.js';

/** One accounting of one objective. */
export interface SloAccount {
  /** P(a calendar month misses the objective). */
  monthMissProbability: Estimate;
  /** The mean share of a month's error budget used (1 = all of it); null for a 100 % objective. */
  budgetBurn: Estimate | null;
}

export interface SloResult extends SloAccount {
  target: string;
  metric: string;
  /** Percent. */
  objective: number;
  /** SLA-style accounting leaves out outages shorter than this. */
  minOutageHours: number;
  /** Whole calendar months per trial, and the trials (plain sampling). */
  monthsPerTrial: number;
  trials: number;
  /** Minutes down in a calendar month (all downtime). */
  monthlyDownMinutes: { p50: number; p90: number; p99: number; max: number };
  /** The same with SLA-style accounting. */
  sla: SloAccount;
}

export function buildSloResults(
  plan: SloPlan,
  sums: SloSums[],
  trials: number,
  bits: number,
): SloResult[] {
  const M = plan.months.start.length;
  return plan.entries.map((entry, i) => {
    const s = sums[i];
    const budgetless = entry.objective >= 100;
    // With no downtime seen: a trial's burn is at most its months' hours over M times the
    // smallest allowance, in a trial with any downtime (at most the Clopper–Pearson bound).
    let smallest = Infinity;
    for (let m = 0; m < M; m++) smallest = Math.min(smallest, plan.allowed[i * M + m] ?? 0);
    const hours = plan.months.hours.reduce((a, b) => a + b, 0);
    const unseen = (clopperPearsonZeroUpper(trials) * hours) / (M * smallest);
    const account = (a: SloAccountSums | undefined): SloAccount => ({
      monthMissProbability: missEstimate(a, trials, bits),
      budgetBurn: budgetless ? null : burnEstimate(a, trials, bits, unseen),
    });
    return {
      target: entry.target,
      metric: entry.metric,
      objective: entry.objective,
      minOutageHours: plan.minOutageHours,
      monthsPerTrial: M,
      trials,
      ...account(s?.all),
      monthlyDownMinutes: monthlyQuantiles(s, trials * M),
      sla: account(s?.sla),
    };
  });
}

// --- internal ---

function missEstimate(a: SloAccountSums | undefined, n: number, bits: number): Estimate {
  if (a === undefined || a.trialsMissed === 0) return est(0, [0, clopperPearsonZeroUpper(n)]);
  const m = meanInterval(n, fromFixed(a.miss, bits), fromFixed(a.miss2, bits, 2));
  return est(m.mean, clip(m.ci95, 0, 1));
}

function burnEstimate(
  a: SloAccountSums | undefined,
  n: number,
  bits: number,
  unseen: number,
): Estimate {
  if (a === undefined || a.burn === 0n) return est(0, [0, unseen]);
  const m = meanInterval(n, fromFixed(a.burn, bits), fromFixed(a.burn2, bits, 2));
  return est(m.mean, clip(m.ci95, 0, Infinity));
}

/** Quantiles of the monthly downtime in minutes, from its histogram and the months with none. */
function monthlyQuantiles(s: SloSums | undefined, months: number): SloResult['monthlyDownMinutes'] {
  if (s === undefined || months === 0) return { p50: 0, p90: 0, p99: 0, max: 0 };
  const q = (f: number): number => {
    let cum = s.zeroMonths;
    const target = f * months;
    if (cum >= target) return 0;
    for (let b = 0; b < s.hist.length; b++) {
      const c = s.hist[b] ?? 0;
      if (c > 0 && cum + c >= target) {
        const frac = (target - cum) / c;
        const lo = HIST_MIN_LOG10 + b / HIST_PER_DECADE;
        return Math.min(s.maxHours, 10 ** (lo + frac / HIST_PER_DECADE)) * 60;
      }
      cum += c;
    }
    return s.maxHours * 60;
  };
  return { p50: q(0.5), p90: q(0.9), p99: q(0.99), max: s.maxHours * 60 };
}
