/**
 * RunSums → SimulationResult: means with 95 % intervals per metric, the choice between plain
 * sampling and importance sampling per metric, honest bounds when no outage was seen, downtime by
 * cause, the timers' share, outage-duration quantiles, and the objective checks.
 */
import { CLUSTER_PREDICATES, REGION_PREDICATES } from './sim-model.js';
import { METRICS, REGION_METRICS, type Topology } from '../model/topology.js';
import { HOURS_PER_YEAR } from '../model/units.js';
import { CAUSES, type Cause } from './failure-classes.js';
import {
  clopperPearsonZeroUpper,
  meanInterval,
  proportionInterval,
  type Interval,
} from './intervals.js';
import { RNG_ALGORITHM } from './rng.js';
import type { RunSpec } from './run-plan.js';
import {
  fromFixed,
  HIST_MIN_LOG10,
  HIST_PER_DECADE,
  type PredicateSums,
  type RunSums,
} from './run-sums.js';
import type {
  ClusterResult,
  Estimate,
  MetricResult,
  ObjectiveCheck,
  RegionResult,
  SimulationResult,
  StopReason,
} from './simulation-result.js';

/** Below this many trials with an outage, `auto` reports the importance-sampling estimate. */
export const RARE_TRIALS = 10;
/** Below this effective number of outage trials, an importance-sampling interval is not trusted. */
export const MIN_ESS = 50;

export interface ResultInputs {
  topology: Topology;
  spec: RunSpec;
  plain: RunSums;
  importance: RunSums | null;
  beta: number;
  stop: SimulationResult['stop'];
}

/** Whether `auto` needs the importance-sampling pass for these plain sums. */
export function needsImportance(plain: RunSums): boolean {
  return plain.predicates.some((p) => p.anyTrials < RARE_TRIALS);
}

export function buildSimulationResult(x: ResultInputs): SimulationResult {
  const { topology: t, spec, plain } = x;
  const H = spec.horizonHours;
  const pick = (p: number): MetricResult => {
    const ps = plain.predicates[p];
    const is = x.importance?.predicates[p];
    const useIs =
      x.importance !== null &&
      is !== undefined &&
      (spec.method === 'importance' || (ps !== undefined && ps.anyTrials < RARE_TRIALS));
    if (useIs && x.importance !== null) return importanceMetric(is, x.importance, H, ps, plain);
    return plainMetric(ps, plain.trials, H, plain.bits);
  };
  const clusters: Record<string, ClusterResult> = {};
  t.clusters.forEach((c, ci) => {
    const base = ci * CLUSTER_PREDICATES;
    const entry = Object.fromEntries(METRICS.map((m, k) => [m, pick(base + k)]));
    clusters[c.name] = { ...entry, dataLoss: dataLoss(plain, ci, H) } as ClusterResult;
  });
  const regions: Record<string, RegionResult> = {};
  const rbase = t.clusters.length * CLUSTER_PREDICATES;
  t.regions.forEach((r, ri) => {
    regions[r.name] = Object.fromEntries(
      REGION_METRICS.map((m, k) => [m, pick(rbase + ri * REGION_PREDICATES + k)]),
    ) as RegionResult;
  });
  const usedIs =
    Object.values(clusters).some((c) =>
      METRICS.some((m) => c[m].method === 'importance-sampling'),
    ) ||
    Object.values(regions).some((r) =>
      REGION_METRICS.some((m) => r[m].method === 'importance-sampling'),
    );
  return {
    version: 1,
    kind: 'simulation',
    scenario: t.name,
    seed: spec.seed,
    trials: plain.trials,
    horizonHours: H,
    method: usedIs ? 'monte-carlo+importance-sampling' : 'monte-carlo',
    rng: RNG_ALGORITHM,
    stop: x.stop,
    importance: x.importance === null ? null : { trials: x.importance.trials, beta: x.beta },
    timersHours: {
      leaseDuration: t.timers.leaseDurationHours,
      endpointFailover: t.timers.endpointFailoverHours,
      nodeMonitorGrace: t.timers.nodeMonitorGraceHours,
      podEviction: t.timers.podEvictionHours,
    },
    withEvents: spec.withEvents,
    clusters,
    regions,
    objectives: checkObjectives(t, clusters, regions),
  };
}

export function stopOf(reason: StopReason, trialsRequested: number): SimulationResult['stop'] {
  return { reason, trialsRequested };
}

// --- internal ---

function est(mean: number, ci95: Interval): Estimate {
  return { mean, ci95 };
}

function clip(i: Interval, lo: number, hi: number): Interval {
  return [Math.max(lo, i[0]), Math.min(hi, i[1])];
}

function plainMetric(
  ps: PredicateSums | undefined,
  n: number,
  H: number,
  bits: number,
): MetricResult {
  const perYear = HOURS_PER_YEAR / H;
  if (ps === undefined || ps.anyTrials === 0) {
    const upper = n > 0 ? clopperPearsonZeroUpper(n) : 1;
    // No outage seen: D ≤ H·1{outage}, so E[D]/H ≤ P(outage) ≤ the Clopper–Pearson bound.
    const rate = n > 0 ? (-Math.log(0.025) / (n * H)) * HOURS_PER_YEAR : Infinity;
    return {
      availability: est(1, [1 - upper, 1]),
      downHours: est(0, [0, upper * H]),
      pOutage: est(0, [0, upper]),
      outagesPerYear: est(0, [0, rate]),
      method: 'monte-carlo',
      trialsWithOutage: 0,
      timerDownHours: 0,
      downHoursByCause: {},
      outageDurationHours: null,
      note: `no outage in ${n} trials: the intervals are one-sided 95 % bounds (Clopper–Pearson; Poisson for outagesPerYear)`,
    };
  }
  const down = meanInterval(n, fromFixed(ps.down, bits), fromFixed(ps.down2, bits, 2));
  const outages = meanInterval(n, fromFixed(ps.outages, bits), fromFixed(ps.outages2, bits, 2));
  return {
    availability: est(1 - down.mean / H, clip([1 - down.ci95[1] / H, 1 - down.ci95[0] / H], 0, 1)),
    downHours: est(down.mean, clip(down.ci95, 0, H)),
    pOutage: est(ps.anyTrials / n, proportionInterval(ps.anyTrials, n)),
    outagesPerYear: est(
      outages.mean * perYear,
      clip([outages.ci95[0] * perYear, outages.ci95[1] * perYear], 0, Infinity),
    ),
    method: 'monte-carlo',
    trialsWithOutage: ps.anyTrials,
    timerDownHours: fromFixed(ps.down - ps.downZero, bits) / n,
    downHoursByCause: byCause(ps, n, bits),
    outageDurationHours: quantiles(ps),
  };
}

function importanceMetric(
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
  const perYear = HOURS_PER_YEAR / H;
  const bits = run.bits;
  const down = meanInterval(n, fromFixed(ps.down, bits), fromFixed(ps.down2, bits, 2));
  const outages = meanInterval(n, fromFixed(ps.outages, bits), fromFixed(ps.outages2, bits, 2));
  const any = meanInterval(n, fromFixed(ps.any, bits), fromFixed(ps.any2, bits, 2));
  const a = fromFixed(ps.any, bits);
  const ess = (a * a) / fromFixed(ps.any2, bits, 2);
  const result: MetricResult = {
    availability: est(1 - down.mean / H, clip([1 - down.ci95[1] / H, 1 - down.ci95[0] / H], 0, 1)),
    downHours: est(down.mean, clip(down.ci95, 0, H)),
    pOutage: est(any.mean, clip(any.ci95, 0, 1)),
    outagesPerYear: est(
      outages.mean * perYear,
      clip([outages.ci95[0] * perYear, outages.ci95[1] * perYear], 0, Infinity),
    ),
    method: 'importance-sampling',
    trialsWithOutage: ps.anyTrials,
    timerDownHours: fromFixed(ps.down - ps.downZero, bits) / n,
    downHoursByCause: byCause(ps, n, bits),
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
    downHours: est(result.downHours.mean, [0, Math.max(result.downHours.ci95[1], upper * H)]),
    pOutage: est(result.pOutage.mean, [0, Math.max(result.pOutage.ci95[1], upper)]),
    outagesPerYear: est(result.outagesPerYear.mean, [
      0,
      Math.max(result.outagesPerYear.ci95[1], rate),
    ]),
    note: `importance sampling did not converge (effective sample size ${ess.toFixed(1)} < ${MIN_ESS}): the intervals are widened to plain sampling's one-sided bounds (${k} of ${plainRun.trials} plain trials had an outage); run more trials`,
  };
}

function byCause(ps: PredicateSums, n: number, bits: number): Partial<Record<Cause, number>> {
  const out: Partial<Record<Cause, number>> = {};
  CAUSES.forEach((c, k) => {
    const h = ps.causeHours[k] ?? 0n;
    if (h !== 0n) out[c] = fromFixed(h, bits) / n;
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

function dataLoss(plain: RunSums, ci: number, H: number): ClusterResult['dataLoss'] {
  const ls = plain.clusters[ci];
  const n = plain.trials;
  const perYear = HOURS_PER_YEAR / H;
  if (ls === undefined || ls.trialsWithLoss === 0 || n === 0) {
    const rate = n > 0 ? (-Math.log(0.025) / (n * H)) * HOURS_PER_YEAR : Infinity;
    return {
      eventsPerYear: est(0, [0, rate]),
      lostHoursPerYear: est(0, [0, Infinity]),
      totalLossesPerYear: 0,
    };
  }
  // Per-trial squares are not kept for data loss; a Poisson interval on the event count.
  const events = fromFixed(ls.events, plain.bits);
  const half = 1.96 * Math.sqrt(events);
  const scale = perYear / n;
  return {
    eventsPerYear: est(events * scale, [
      Math.max(0, events - half) * scale,
      (events + half) * scale,
    ]),
    lostHoursPerYear: est(fromFixed(ls.hours, plain.bits) * scale, [0, Infinity]),
    totalLossesPerYear: fromFixed(ls.totalLosses, plain.bits) * scale,
  };
}

function checkObjectives(
  t: Topology,
  clusters: Record<string, ClusterResult>,
  regions: Record<string, RegionResult>,
): ObjectiveCheck[] {
  const checks: ObjectiveCheck[] = [];
  const check = (target: string, metric: string, m: MetricResult, objective: number): void => {
    const [lo, hi] = m.availability.ci95;
    const goal = objective / 100;
    checks.push({
      target,
      metric,
      objective,
      status: lo >= goal ? 'met' : hi < goal ? 'not-met' : 'undecided',
    });
  };
  for (const [metric, objective] of Object.entries(t.objectives)) {
    if (objective === undefined) continue;
    for (const [name, c] of Object.entries(clusters)) {
      if ((METRICS as readonly string[]).includes(metric))
        check(name, metric, c[metric as (typeof METRICS)[number]], objective);
    }
    for (const [name, r] of Object.entries(regions)) {
      if ((REGION_METRICS as readonly string[]).includes(metric))
        check(name, metric, r[metric as (typeof REGION_METRICS)[number]], objective);
    }
  }
  return checks;
}
