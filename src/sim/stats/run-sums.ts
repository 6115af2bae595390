/**
 * The sufficient statistics of a set of trials, kept exactly: every per-trial value is rounded to
 * a multiple of 2^-FIX_BITS and summed as a BigInt, so adding trials is associative and
 * commutative. Any split of the trials — worker threads, chunks, shards on other machines —
 * combines to bit-identical sums, whatever order the pieces finish in.
 */
import { CAUSE_COUNT } from '../model/failure-classes.js';
import { HIST_BINS, histogramBin } from './histogram-bin.js';
import { addSloTrial, emptySloSums, mergeSloSums, type SloSums } from './slo-sums.js';
import type { TrialState } from '../engine/trial-state.js';

/**
 * Per-trial values are kept to 2^-bits: 2^-32 h (under a microsecond) in plain sampling, where
 * the sums then fit in a machine word or two and stay cheap; 2^-160 with importance sampling,
 * whose weights can be tiny.
 */
export const PLAIN_BITS = 32;
export const WEIGHTED_BITS = 160;

/** Outage-duration histogram: 20 bins a decade from 10^-4 h (0.36 s) to 10^5 h. */
export { HIST_BINS, HIST_MIN_LOG10, HIST_PER_DECADE } from './histogram-bin.js';

export interface PredicateSums {
  /** Σ w·D, Σ (w·D)²: hours down in the horizon (w = 1 in plain sampling). */
  down: bigint;
  down2: bigint;
  /** Σ w·D₀: hours down with every timer at 0 (the timers' share is down − downZero). */
  downZero: bigint;
  outages: bigint;
  outages2: bigint;
  /** Σ w·1{outage}, Σ w²·1{outage}. */
  any: bigint;
  any2: bigint;
  /** Unweighted: trials with an outage, and outages. */
  anyTrials: number;
  outageCount: number;
  causeHours: bigint[];
  causeCount: number[];
  /** Unweighted outage durations (plain sampling only). */
  hist: number[];
  maxHours: number;
}

/**
 * The deployment's usersServed: per trial X = Σ_r share_r · hours region r was not served (the
 * user-weighted hours down); Σ w·X, Σ (w·X)², Σ w·X₀ (timers at 0), and the trials with X > 0.
 */
export interface DeploymentSums {
  down: bigint;
  down2: bigint;
  downZero: bigint;
  /** Σ w·1{X > 0}, Σ w²·1{X > 0} (the effective sample size of importance sampling). */
  any: bigint;
  any2: bigint;
  anyTrials: number;
}

export interface LossSums {
  events: bigint;
  hours: bigint;
  totalLosses: bigint;
  trialsWithLoss: number;
}

export interface RunSums {
  /** The grid of the sums: 2^-bits (2^-2·bits for the sums of squares). */
  bits: number;
  trials: number;
  /** Σ w and Σ w² (importance sampling; equal to trials in plain sampling). */
  weight: bigint;
  weight2: bigint;
  predicates: PredicateSums[];
  deployment: DeploymentSums;
  clusters: LossSums[];
  /** The SLA view's sums per tracked objective (plain sampling; empty without objectives). */
  slo: SloSums[];
  events: number;
}

export function emptyRunSums(
  predicates: number,
  clusters: number,
  bits: number,
  sloEntries = 0,
): RunSums {
  return {
    bits,
    trials: 0,
    weight: 0n,
    weight2: 0n,
    predicates: Array.from({ length: predicates }, () => ({
      down: 0n,
      down2: 0n,
      downZero: 0n,
      outages: 0n,
      outages2: 0n,
      any: 0n,
      any2: 0n,
      anyTrials: 0,
      outageCount: 0,
      causeHours: Array.from({ length: CAUSE_COUNT }, () => 0n),
      causeCount: Array.from({ length: CAUSE_COUNT }, () => 0),
      hist: Array.from({ length: HIST_BINS }, () => 0),
      maxHours: 0,
    })),
    deployment: { down: 0n, down2: 0n, downZero: 0n, any: 0n, any2: 0n, anyTrials: 0 },
    clusters: Array.from({ length: clusters }, () => ({
      events: 0n,
      hours: 0n,
      totalLosses: 0n,
      trialsWithLoss: 0,
    })),
    slo: emptySloSums(sloEntries),
    events: 0,
  };
}

/** A per-trial value on the exact grid of 2^-bits. */
export function toFixed(x: number, scale: number): bigint {
  return x === 0 ? 0n : BigInt(Math.round(x * scale));
}

/** A grid sum back to a number (of the given power of the grid: 1 for sums, 2 for squares). */
export function fromFixed(v: bigint, bits: number, power: 1 | 2 = 1): number {
  return bigToNumber(v, bits * power);
}

/** Adds the trial held in `s` to the sums. */
export function addTrial(sums: RunSums, s: TrialState): void {
  const w = s.biasing ? Math.exp(s.logWeight) : 1;
  const scale = 2 ** sums.bits;
  const wf = toFixed(w, scale);
  sums.trials++;
  sums.weight += wf;
  sums.weight2 += wf * wf;
  for (let p = 0; p < sums.predicates.length; p++) {
    const ps = sums.predicates[p];
    const n = s.outages[p] ?? 0;
    // Hours down without an outage: a failover gap's partial downtime (record-predicate.ts).
    if (ps === undefined || (n === 0 && !((s.downHours[p] ?? 0) > 0))) continue;
    const d = toFixed(w * (s.downHours[p] ?? 0), scale);
    ps.down += d;
    ps.down2 += d * d;
    ps.downZero += toFixed(w * (s.downHoursZero[p] ?? 0), scale);
    if (n > 0) {
      const o = toFixed(w * n, scale);
      ps.outages += o;
      ps.outages2 += o * o;
      ps.any += wf;
      ps.any2 += wf * wf;
      ps.anyTrials++;
      ps.outageCount += n;
    }
    for (let k = 0; k < CAUSE_COUNT; k++) {
      const h = s.causeHours[p * CAUSE_COUNT + k] ?? 0;
      if (h > 0) ps.causeHours[k] = (ps.causeHours[k] ?? 0n) + toFixed(w * h, scale);
      ps.causeCount[k] = (ps.causeCount[k] ?? 0) + (s.causeCount[p * CAUSE_COUNT + k] ?? 0);
    }
  }
  addDurations(sums, s);
  addLosses(sums, s, w, scale);
  addUsersServed(sums.deployment, s, w, wf, scale);
  const plan = s.model.slo;
  // The SLA view counts plain trials only: a weighted month has no meaning of its own.
  if (plan !== null && !s.biasing) addSloTrial(sums.slo, plan, s.monthAll, s.monthSla, scale);
}

/** The trial's user-weighted hours not served (most trials have none). */
export function addUsersServed(
  d: DeploymentSums,
  s: TrialState,
  w: number,
  wf: bigint,
  scale: number,
): void {
  if (!(s.usersDownHours > 0)) return;
  const x = toFixed(w * s.usersDownHours, scale);
  d.down += x;
  d.down2 += x * x;
  d.downZero += toFixed(w * s.usersDownHoursZero, scale);
  d.any += wf;
  d.any2 += wf * wf;
  d.anyTrials++;
}

/** The trial's outage durations: histogram (plain sampling) and longest outage. */
export function addDurations(sums: RunSums, s: TrialState): void {
  for (let i = 0; i < s.durationCount; i++) {
    const ps = sums.predicates[s.durationPredicate[i] ?? 0];
    const h = s.durationHours[i] ?? 0;
    if (ps === undefined) continue;
    if (h > ps.maxHours) ps.maxHours = h;
    if (s.biasing) continue;
    const b = histogramBin(h);
    ps.hist[b] = (ps.hist[b] ?? 0) + 1;
  }
}

/** The trial's data losses (rare: BigInt arithmetic directly). */
export function addLosses(sums: RunSums, s: TrialState, w: number, scale: number): void {
  for (let c = 0; c < sums.clusters.length; c++) {
    const ls = sums.clusters[c];
    const n = s.lossEvents[c] ?? 0;
    if (ls === undefined || n === 0) continue;
    ls.events += toFixed(w * n, scale);
    ls.hours += toFixed(w * (s.lossHours[c] ?? 0), scale);
    ls.totalLosses += toFixed(w * (s.totalLosses[c] ?? 0), scale);
    ls.trialsWithLoss++;
  }
}

/** a += b. */
export function mergeRunSums(a: RunSums, b: RunSums): void {
  if (a.bits !== b.bits)
    throw new Error(`run sums on different grids (2^-${a.bits}, 2^-${b.bits})`);
  a.trials += b.trials;
  a.weight += b.weight;
  a.weight2 += b.weight2;
  a.events += b.events;
  a.predicates.forEach((x, p) => {
    const y = b.predicates[p];
    if (y === undefined) return;
    x.down += y.down;
    x.down2 += y.down2;
    x.downZero += y.downZero;
    x.outages += y.outages;
    x.outages2 += y.outages2;
    x.any += y.any;
    x.any2 += y.any2;
    x.anyTrials += y.anyTrials;
    x.outageCount += y.outageCount;
    x.causeHours = x.causeHours.map((v, k) => v + (y.causeHours[k] ?? 0n));
    x.causeCount = x.causeCount.map((v, k) => v + (y.causeCount[k] ?? 0));
    x.hist = x.hist.map((v, k) => v + (y.hist[k] ?? 0));
    x.maxHours = Math.max(x.maxHours, y.maxHours);
  });
  const d = a.deployment;
  const e = b.deployment;
  d.down += e.down;
  d.down2 += e.down2;
  d.downZero += e.downZero;
  d.any += e.any;
  d.any2 += e.any2;
  d.anyTrials += e.anyTrials;
  a.clusters.forEach((x, c) => {
    const y = b.clusters[c];
    if (y === undefined) return;
    x.events += y.events;
    x.hours += y.hours;
    x.totalLosses += y.totalLosses;
    x.trialsWithLoss += y.trialsWithLoss;
  });
  mergeSloSums(a.slo, b.slo);
}

// --- internal ---

/** v · 2^-bits as the nearest double (v may have thousands of bits). */
function bigToNumber(v: bigint, bits: number): number {
  if (v === 0n) return 0;
  const neg = v < 0n;
  let a = neg ? -v : v;
  let shift = 0;
  const len = a.toString(16).length * 4;
  if (len > 64) {
    shift = len - 64;
    a >>= BigInt(shift);
  }
  const x = Number(a) * 2 ** (shift - bits);
  return neg ? -x : x;
}
