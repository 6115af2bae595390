/**
 * `simulate(topology, options)`: the Monte Carlo run. The steps of a run — plain trials in
 * batches until the trial count or the precision target, then importance sampling for outages too
 * rare to see — are a generator of trial ranges, so the same plan drives the synchronous
 * in-process run here and the worker-thread run of the CLI (cli/commands/simulate.ts).
 */
import { DEFAULT_SLA_MIN_OUTAGE_HOURS } from '../../model/defaults.js';
import type { Topology } from '../../model/topology.js';
import {
  buildSimulationResult,
  groupOf,
  importancePasses,
  RARE_TRIALS,
  usesImportance,
} from '../stats/build-result.js';
import { importanceMetric } from '../stats/metric-estimates.js';
import { canGoDown } from '../model/can-go-down.js';
import type { ImportanceGroup, StreamKind } from '../engine/rng.js';
import {
  createRunPlan,
  emptySumsFor,
  runTrialRange,
  type RunPlan,
  type RunSpec,
  type SimulationMethod,
} from './run-plan.js';
import { fromFixed, mergeRunSums, type RunSums } from '../stats/run-sums.js';
import { meanInterval } from '../stats/intervals.js';
import type { PassStop, SimulationResult } from '../stats/simulation-result.js';
import { CLUSTER_PREDICATES, P_WORKLOADS, REGION_PREDICATES } from '../model/sim-model.js';
import { METRICS, REGION_METRICS } from '../../model/topology.js';

export interface SimulateOptions {
  trials?: number;
  seed?: number;
  horizonHours?: number;
  method?: SimulationMethod;
  withEvents?: boolean;
  /** Keep adding trials until every reported downtime interval's relative half-width is ≤ this. */
  precision?: number;
  /** The budget of plain trials with `precision`. */
  maxTrials?: number;
  /** SLA-style accounting counts only outages at least this long (default: GKE's 5 minutes). */
  minOutageHours?: number;
}

export interface RangeRequest {
  stream: StreamKind;
  from: number;
  to: number;
}

export interface RunOutcome {
  plain: RunSums;
  /** The importance-sampling passes that ran. */
  importance: Partial<Record<ImportanceGroup, RunSums>>;
  stop: SimulationResult['stop'];
}

export function resolveSpec(topology: Topology, options: SimulateOptions): RunSpec {
  return {
    seed: options.seed ?? topology.simulation.seed,
    horizonHours: options.horizonHours ?? topology.simulation.horizonHours,
    method: options.method ?? 'auto',
    withEvents: options.withEvents ?? false,
    slo:
      Object.keys(topology.objectives).length === 0
        ? null
        : {
            objectives: { ...topology.objectives },
            minOutageHours: options.minOutageHours ?? DEFAULT_SLA_MIN_OUTAGE_HOURS,
          },
  };
}

/** Runs a simulation in this thread. */
export function simulate(topology: Topology, options: SimulateOptions = {}): SimulationResult {
  const plan = createRunPlan(topology, resolveSpec(topology, options));
  const steps = runSteps(plan, options, topology.simulation.trials);
  let next = steps.next(emptySumsFor(plan, 'plain'));
  while (next.done !== true)
    next = steps.next(runTrialRange(plan, next.value.stream, next.value.from, next.value.to));
  return resultOf(topology, plan, next.value);
}

export function resultOf(topology: Topology, plan: RunPlan, outcome: RunOutcome): SimulationResult {
  return buildSimulationResult({
    topology,
    spec: plan.spec,
    plain: outcome.plain,
    importance: outcome.importance,
    betas: betasOf(plan),
    stop: outcome.stop,
  });
}

/** The biasing factor of every importance-sampling pass of a plan. */
export function betasOf(plan: RunPlan): Record<ImportanceGroup, number> {
  return {
    'is-control': plan.passes['is-control'].beta,
    'is-workloads': plan.passes['is-workloads'].beta,
    'is-all': plan.passes['is-all'].beta,
  };
}

/**
 * The steps of a run: yields trial ranges, is sent back their sums, returns the outcome.
 * @param defaultTrials the scenario's trial count, used when options.trials is absent
 */
export function* runSteps(
  plan: RunPlan,
  options: SimulateOptions,
  defaultTrials: number,
): Generator<RangeRequest, RunOutcome, RunSums> {
  const requested = options.trials ?? defaultTrials;
  const plain = emptySumsFor(plan, 'plain');
  // The budget of each pass (plain, and each importance-sampling pass) under a precision target.
  // An explicit budget is never raised: below the trials asked for, it caps the first batch.
  const max = options.maxTrials ?? requested * 100;
  let unmet: string[] | undefined;
  if (options.precision === undefined) {
    mergeRunSums(plain, yield { stream: 'plain', from: 0, to: requested });
  } else {
    let batch = Math.min(requested, max);
    for (;;) {
      mergeRunSums(plain, yield { stream: 'plain', from: plain.trials, to: plain.trials + batch });
      unmet = unmetPrecision(plan, plain, options.precision);
      if (unmet.length === 0 || plain.trials >= max) break;
      batch = Math.min(plain.trials, max - plain.trials);
    }
  }
  const importance: Partial<Record<ImportanceGroup, RunSums>> = {};
  const passes: PassStop[] = [];
  for (const group of importancePasses(plan.spec.method, plan.model, plain, betasOf(plan))) {
    // A pass starts with as many trials as the plain pass; under a precision target it doubles
    // until the interval of every metric it estimates is narrow enough, or the budget ends it.
    const sums = emptySumsFor(plan, group);
    importance[group] = sums;
    let batch = plain.trials;
    for (;;) {
      mergeRunSums(sums, yield { stream: group, from: sums.trials, to: sums.trials + batch });
      if (options.precision === undefined) break;
      const passUnmet = unmetImportancePrecision(plan, plain, group, sums, options.precision);
      const done =
        passUnmet.length === 0 ? 'precision-met' : sums.trials >= max ? 'max-trials' : null;
      if (done !== null) {
        passes.push({
          pass: group,
          reason: done,
          trials: sums.trials,
          ...(passUnmet.length > 0 ? { unmet: passUnmet } : {}),
        });
        break;
      }
      batch = Math.min(sums.trials, max - sums.trials);
    }
  }
  const stop: SimulationResult['stop'] = { reason: 'trials', trialsRequested: requested };
  if (options.precision !== undefined) {
    const all = [...(unmet ?? []), ...passes.flatMap((p) => p.unmet ?? [])];
    stop.reason = all.length === 0 ? 'precision-met' : 'max-trials';
    stop.precision = options.precision;
    if (all.length > 0) stop.unmet = all;
    if (passes.length > 0) stop.passes = passes;
  }
  return { plain, importance, stop };
}

/** A metric held to a precision target: its predicate and its name in `stop.unmet`. */
interface PrecisionTarget {
  p: number;
  name: string;
}

/**
 * The metrics a precision target applies to: every cluster metric (`prod.api`) and region metric
 * (`region/eu.served`) that something in the scenario can take down (can-go-down.ts; the others
 * are exactly 100 %).
 */
function precisionTargets(plan: RunPlan): PrecisionTarget[] {
  const m = plan.model;
  const scripted = plan.script !== undefined;
  const targets: PrecisionTarget[] = [];
  m.clusterNames.forEach((name, ci) => {
    METRICS.forEach((metric, k) => {
      if (canGoDown(m, ci, k, scripted))
        targets.push({ p: ci * CLUSTER_PREDICATES + k, name: `${name}.${metric}` });
    });
  });
  // A region is served by the clusters' data planes (with cross-region failover, any region's).
  const dataPlane = m.clusters.some((_, ci) => canGoDown(m, ci, P_WORKLOADS, scripted));
  if (dataPlane) {
    const base = m.clusters.length * CLUSTER_PREDICATES;
    m.regionNames.forEach((name, r) => {
      REGION_METRICS.forEach((metric, k) => {
        targets.push({ p: base + r * REGION_PREDICATES + k, name: `region/${name}.${metric}` });
      });
    });
  }
  return targets;
}

/**
 * The metrics whose downtime interval from plain sampling is still wider than asked (relative
 * half-width). Left to importance sampling, when their pass can help (β > 1): under `auto` the
 * metrics too rare for plain sampling, under `importance` every metric (its figure is the pass's,
 * held to the precision there: plain trials would not narrow it).
 */
export function unmetPrecision(plan: RunPlan, plain: RunSums, precision: number): string[] {
  const C = plan.model.clusters.length;
  return precisionTargets(plan)
    .filter(({ p }) => {
      const ps = plain.predicates[p];
      if (ps === undefined) return false;
      const left = plan.passes[groupOf(p, C)].beta > 1;
      if (left && plan.spec.method === 'importance') return false;
      if (left && plan.spec.method === 'auto' && ps.anyTrials < RARE_TRIALS) return false;
      const d = meanInterval(
        plain.trials,
        fromFixed(ps.down, plain.bits),
        fromFixed(ps.down2, plain.bits, 2),
      );
      return !(d.mean > 0) || (d.ci95[1] - d.ci95[0]) / 2 / d.mean > precision;
    })
    .map((t) => t.name);
}

/**
 * The metrics estimated by importance-sampling pass `group` whose reported downtime interval
 * (metric-estimates.ts: widened when the effective sample is small) is still wider than asked.
 */
export function unmetImportancePrecision(
  plan: RunPlan,
  plain: RunSums,
  group: ImportanceGroup,
  sums: RunSums,
  precision: number,
): string[] {
  const C = plan.model.clusters.length;
  const H = plan.spec.horizonHours;
  return precisionTargets(plan)
    .filter(({ p }) => {
      const is = sums.predicates[p];
      if (is === undefined || groupOf(p, C) !== group) return false;
      if (!usesImportance(plan.spec.method, plain, p, true)) return false;
      const d = importanceMetric(is, sums, H, plain.predicates[p], plain).downHours;
      return !(d.mean > 0) || (d.ci95[1] - d.ci95[0]) / 2 / d.mean > precision;
    })
    .map((t) => t.name);
}
