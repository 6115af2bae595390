/**
 * The SLA view's sums over trials (slo-plan.ts), kept exactly like the other run sums: per
 * tracked objective, Σ and Σ² of each trial's share of months that missed it and of its mean
 * error-budget burn, with all downtime and with SLA-style accounting (outages shorter than the
 * plan's minimum not counted), and the distribution of monthly downtime. Plain sampling only.
 */
import { HIST_BINS, histogramBin } from './histogram-bin.js';
import { toFixed } from './run-sums.js';
import type { SloPlan } from './slo-plan.js';

/** One accounting (all downtime, or SLA-style) of one objective. */
export interface SloAccountSums {
  /** Σ, Σ² of a trial's share of months missed; trials with a missed month. */
  miss: bigint;
  miss2: bigint;
  trialsMissed: number;
  /** Σ, Σ² of a trial's mean budget burn (downtime / allowed downtime, per month). */
  burn: bigint;
  burn2: bigint;
}

export interface SloSums {
  all: SloAccountSums;
  sla: SloAccountSums;
  /** Monthly downtime (all accounting), hours: histogram bins, months without any, longest. */
  hist: number[];
  zeroMonths: number;
  maxHours: number;
}

export function emptySloSums(entries: number): SloSums[] {
  const account = (): SloAccountSums => ({
    miss: 0n,
    miss2: 0n,
    trialsMissed: 0,
    burn: 0n,
    burn2: 0n,
  });
  return Array.from({ length: entries }, () => ({
    all: account(),
    sla: account(),
    hist: Array.from({ length: HIST_BINS }, () => 0),
    zeroMonths: 0,
    maxHours: 0,
  }));
}

/**
 * Adds one trial: monthAll and monthSla hold its hours down per (entry, month), entry-major.
 * @param scale the grid of the sums (2^bits)
 */
export function addSloTrial(
  sums: SloSums[],
  plan: SloPlan,
  monthAll: Float64Array,
  monthSla: Float64Array,
  scale: number,
): void {
  const M = plan.months.start.length;
  sums.forEach((e, i) => {
    addAccount(e.all, plan, monthAll, i, M, scale);
    addAccount(e.sla, plan, monthSla, i, M, scale);
    for (let m = 0; m < M; m++) {
      const h = monthAll[i * M + m] ?? 0;
      if (h > 0) {
        e.hist[histogramBin(h)] = (e.hist[histogramBin(h)] ?? 0) + 1;
        if (h > e.maxHours) e.maxHours = h;
      } else e.zeroMonths++;
    }
  });
}

export function mergeSloSums(a: SloSums[], b: SloSums[]): void {
  a.forEach((x, i) => {
    const y = b[i];
    if (y === undefined) return;
    for (const k of ['all', 'sla'] as const) {
      x[k].miss += y[k].miss;
      x[k].miss2 += y[k].miss2;
      x[k].trialsMissed += y[k].trialsMissed;
      x[k].burn += y[k].burn;
      x[k].burn2 += y[k].burn2;
    }
    x.hist = x.hist.map((v, k) => v + (y.hist[k] ?? 0));
    x.zeroMonths += y.zeroMonths;
    x.maxHours = Math.max(x.maxHours, y.maxHours);
  });
}

// --- internal ---

function addAccount(
  s: SloAccountSums,
  plan: SloPlan,
  down: Float64Array,
  i: number,
  M: number,
  scale: number,
): void {
  let missed = 0;
  let burn = 0;
  for (let m = 0; m < M; m++) {
    const d = down[i * M + m] ?? 0;
    const allowed = plan.allowed[i * M + m] ?? 0;
    if (d > allowed) missed++;
    // A 100 % objective allows nothing: its burn is not defined (slo-estimates.ts says so).
    if (allowed > 0) burn += d / allowed;
  }
  const miss = toFixed(missed / M, scale);
  const b = toFixed(burn / M, scale);
  s.miss += miss;
  s.miss2 += miss * miss;
  s.burn += b;
  s.burn2 += b * b;
  if (missed > 0) s.trialsMissed++;
}
