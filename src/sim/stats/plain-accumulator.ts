/**
 * Plain sampling's fast path into the exact sums (run-sums.ts). A trial's values on the 2^-bits
 * grid are integers, and sums of integers below 2^53 are exact in doubles: a batch of trials is
 * summed in a Float64Array (squares split into halves so that no term exceeds the bound) and
 * flushed into the BigInt sums before a partial sum could round. The result is bit-identical to
 * adding every trial as BigInts, at a fraction of the cost.
 */
import { addSloTrial } from './slo-sums.js';
import { CAUSE_COUNT } from '../model/failure-classes.js';
import { HIST_BINS, histogramBin } from './histogram-bin.js';
import {
  addLosses,
  addTrial,
  type DeploymentSums,
  type PredicateSums,
  type RunSums,
} from './run-sums.js';
import type { TrialState } from '../engine/trial-state.js';

// Per predicate: Σk, Σa², Σ2ab, Σb² (k = a·2^split + b), Σk₀, Σn, Σn², trials with an outage,
// then Σk per cause.
const DOWN = 0;
const SQ_HI = 1;
const SQ_MID = 2;
const SQ_LO = 3;
const DOWN_ZERO = 4;
const OUTAGES = 5;
const OUTAGES2 = 6;
const ANY = 7;
/** 1 when the predicate has hours down in the batch (an outage, or a failover gap's share). */
const TOUCHED = 8;
/** Hours down by cause, from CAUSES on. */
const CAUSES = 9;
const FIELDS = CAUSES + CAUSE_COUNT;
/** Outage counts per trial above this take the BigInt path (n² must stay far below 2^53). */
const MAX_COUNT = 2 ** 20;

export class PlainAccumulator {
  private readonly sums: RunSums;
  private readonly scale: number;
  private readonly split: number;
  private readonly splitBits: number;
  /** Trials per batch: every partial sum stays below 2^53. 0: always the BigInt path. */
  private readonly limit: number;
  private readonly f: Float64Array;
  /** The batch's outage-duration histograms (HIST_BINS per predicate) and longest outages. */
  private readonly hist: Float64Array;
  private readonly maxHours: Float64Array;
  /** usersServed: Σk, Σa², Σ2ab, Σb², Σk₀, trials with X > 0 (the same split as predicates). */
  private readonly users = new Float64Array(6);
  private trials = 0;

  constructor(sums: RunSums, horizonHours: number) {
    this.sums = sums;
    this.scale = 2 ** sums.bits;
    const kMax = Math.ceil(horizonHours * this.scale) + 1;
    this.splitBits = Math.ceil(Math.log2(kMax) / 2);
    this.split = 2 ** this.splitBits;
    const bound = Math.max(kMax, 2 ** (2 * this.splitBits + 1), MAX_COUNT * MAX_COUNT);
    this.limit = Math.floor(2 ** 53 / bound) - 1;
    this.f = new Float64Array(sums.predicates.length * FIELDS);
    this.hist = new Float64Array(sums.predicates.length * HIST_BINS);
    this.maxHours = new Float64Array(sums.predicates.length);
  }

  add(s: TrialState): void {
    if (this.limit < 1 || s.biasing) {
      addTrial(this.sums, s);
      return;
    }
    const P = this.sums.predicates.length;
    for (let p = 0; p < P; p++) {
      if ((s.outages[p] ?? 0) > MAX_COUNT) {
        addTrial(this.sums, s);
        return;
      }
    }
    const f = this.f;
    const scale = this.scale;
    for (let p = 0; p < P; p++) {
      const n = s.outages[p] ?? 0;
      // Hours down without an outage: a failover gap's partial downtime (record-predicate.ts).
      if (n === 0 && !((s.downHours[p] ?? 0) > 0)) continue;
      const o = p * FIELDS;
      this.addHours(f, o, s.downHours[p] ?? 0, s.downHoursZero[p] ?? 0);
      f[o + TOUCHED] = 1;
      const ps = this.sums.predicates[p];
      if (n > 0) {
        f[o + OUTAGES] = (f[o + OUTAGES] ?? 0) + n;
        f[o + OUTAGES2] = (f[o + OUTAGES2] ?? 0) + n * n;
        f[o + ANY] = (f[o + ANY] ?? 0) + 1;
        if (ps !== undefined) {
          ps.anyTrials++;
          ps.outageCount += n;
        }
      }
      if (ps === undefined) continue;
      for (let c = 0; c < CAUSE_COUNT; c++) {
        const count = s.causeCount[p * CAUSE_COUNT + c] ?? 0;
        const h = s.causeHours[p * CAUSE_COUNT + c] ?? 0;
        if (count === 0 && h === 0) continue;
        if (h > 0) f[o + CAUSES + c] = (f[o + CAUSES + c] ?? 0) + Math.round(h * scale);
        ps.causeCount[c] = (ps.causeCount[c] ?? 0) + count;
      }
    }
    this.addDurations(s);
    addLosses(this.sums, s, 1, scale);
    this.addUsersServed(s);
    const plan = s.model.slo;
    if (plan !== null) addSloTrial(this.sums.slo, plan, s.monthAll, s.monthSla, scale);
    if (++this.trials >= this.limit) this.flush();
  }

  /**
   * The trial's outage durations (run-sums.ts addDurations), into typed arrays: a trial has about
   * one per event, and counting them straight into the sums' objects cost more.
   */
  private addDurations(s: TrialState): void {
    const { hist, maxHours } = this;
    for (let i = 0; i < s.durationCount; i++) {
      const p = s.durationPredicate[i] ?? 0;
      const h = s.durationHours[i] ?? 0;
      if (h > (maxHours[p] ?? 0)) maxHours[p] = h;
      const k = p * HIST_BINS + histogramBin(h);
      hist[k] = (hist[k] ?? 0) + 1;
    }
  }

  /** The trial's user-weighted hours not served, split like a predicate's hours down. */
  private addUsersServed(s: TrialState): void {
    if (!(s.usersDownHours > 0)) return;
    const u = this.users;
    this.addHours(u, 0, s.usersDownHours, s.usersDownHoursZero);
    u[5] = (u[5] ?? 0) + 1;
  }

  /** Hours down (timed, and with timers at 0) on the grid, at f[o + DOWN …]: Σk, Σk² split, Σk₀. */
  private addHours(f: Float64Array, o: number, hours: number, hoursZero: number): void {
    const k = Math.round(hours * this.scale);
    const a = Math.floor(k / this.split);
    const b = k - a * this.split;
    f[o + DOWN] = (f[o + DOWN] ?? 0) + k;
    f[o + SQ_HI] = (f[o + SQ_HI] ?? 0) + a * a;
    f[o + SQ_MID] = (f[o + SQ_MID] ?? 0) + 2 * a * b;
    f[o + SQ_LO] = (f[o + SQ_LO] ?? 0) + b * b;
    f[o + DOWN_ZERO] = (f[o + DOWN_ZERO] ?? 0) + Math.round(hoursZero * this.scale);
  }

  /** Moves the batch into the BigInt sums (call once more after the last trial). */
  flush(): void {
    const sums = this.sums;
    const f = this.f;
    const bits = BigInt(sums.bits);
    const m = BigInt(this.trials);
    sums.trials += this.trials;
    sums.weight += m << bits;
    sums.weight2 += m << (2n * bits);
    const sb = BigInt(this.splitBits);
    sums.predicates.forEach((ps, p) => {
      this.flushDurations(ps, p);
      const o = p * FIELDS;
      if ((f[o + TOUCHED] ?? 0) === 0) return;
      const big = (i: number): bigint => BigInt(f[o + i] ?? 0);
      ps.down += big(DOWN);
      ps.down2 += (big(SQ_HI) << (2n * sb)) + (big(SQ_MID) << sb) + big(SQ_LO);
      ps.downZero += big(DOWN_ZERO);
      ps.outages += big(OUTAGES) << bits;
      ps.outages2 += big(OUTAGES2) << (2n * bits);
      ps.any += big(ANY) << bits;
      ps.any2 += big(ANY) << (2n * bits);
      for (let c = 0; c < CAUSE_COUNT; c++) {
        const h = f[o + CAUSES + c] ?? 0;
        if (h !== 0) ps.causeHours[c] = (ps.causeHours[c] ?? 0n) + BigInt(h);
      }
    });
    flushUsers(sums.deployment, this.users, bits, sb);
    f.fill(0);
    this.trials = 0;
  }

  private flushDurations(ps: PredicateSums, p: number): void {
    const max = this.maxHours[p] ?? 0;
    if (max > ps.maxHours) ps.maxHours = max;
    this.maxHours[p] = 0;
    for (let b = 0; b < HIST_BINS; b++) {
      const n = this.hist[p * HIST_BINS + b] ?? 0;
      if (n === 0) continue;
      ps.hist[b] = (ps.hist[b] ?? 0) + n;
      this.hist[p * HIST_BINS + b] = 0;
    }
  }
}

// --- internal ---

function flushUsers(d: DeploymentSums, u: Float64Array, bits: bigint, sb: bigint): void {
  const n = u[5] ?? 0;
  if (n === 0) return;
  const big = (i: number): bigint => BigInt(u[i] ?? 0);
  d.down += big(DOWN);
  d.down2 += (big(SQ_HI) << (2n * sb)) + (big(SQ_MID) << sb) + big(SQ_LO);
  d.downZero += big(DOWN_ZERO);
  d.any += BigInt(n) << bits;
  d.any2 += BigInt(n) << (2n * bits);
  d.anyTrials += n;
  u.fill(0);
}
