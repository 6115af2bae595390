/**
 * The Monte Carlo confirmation of a recommendation: a short seeded `simulate` run of its
 * deployment, with Kubernetes' timers and operator error as the scenario sets them (the
 * defaults unless `--from` changes them), read on the cluster (region) the exact engine finds
 * worst, so the two figures are of the same thing.
 */
import { simulate } from '../sim/run/simulate.js';
import type { Topology } from '../model/topology.js';
import { computeMetrics } from '../exact/engine.js';
import { findWorst } from './evaluate-candidate.js';
import {
  PLAN_METRICS,
  type PlanConfirmation,
  type PlanMetric,
  type PlanTargets,
  type SimulatedFigure,
} from './plan-result.js';

export interface ConfirmOptions {
  seed: number;
  trials: number;
  /** Default: the scenario's horizon (1 year unless `--from` says otherwise). */
  horizonHours?: number;
}

/** Simulates the recommended deployment and reads every plan metric with its interval. */
export function confirmBySimulation(
  topology: Topology,
  targets: PlanTargets,
  options: ConfirmOptions,
): PlanConfirmation {
  // The targets as objectives: the run's SLA view then says how often a month misses them.
  const withTargets = { ...topology, objectives: { ...topology.objectives, ...targets } };
  const result = simulate(withTargets, {
    seed: options.seed,
    trials: options.trials,
    ...(options.horizonHours === undefined ? {} : { horizonHours: options.horizonHours }),
  });
  const worst = findWorst(computeMetrics(topology));
  const availability: Partial<Record<PlanMetric, SimulatedFigure>> = {};
  for (const m of PLAN_METRICS) {
    const of = worst[m].name;
    const estimate =
      m === 'usersServed'
        ? result.deployment.usersServed
        : m === 'served'
          ? result.regions[of]?.served
          : result.clusters[of]?.[m];
    if (estimate === undefined) continue;
    const ci95: [number, number] = [estimate.availability.ci95[0], estimate.availability.ci95[1]];
    const percent = targets[m];
    const month = result.slo?.find(
      (s) => s.metric === m && (m === 'usersServed' || s.target === of),
    )?.monthMissProbability;
    availability[m] = {
      of,
      mean: estimate.availability.mean,
      ci95,
      ...(percent === undefined ? {} : { target: { percent, status: judge(ci95, percent) } }),
      ...(percent === undefined || month === undefined
        ? {}
        : { monthMissProbability: { mean: month.mean, ci95: [month.ci95[0], month.ci95[1]] } }),
    };
  }
  return {
    seed: result.seed,
    trials: result.trials,
    horizonHours: result.horizonHours,
    method: result.method,
    timersHours: { ...result.timersHours },
    availability,
  };
}

// --- internal ---

/** met: the interval's lower end reaches the target; not-met: its upper end is below it. */
function judge(ci95: [number, number], percent: number): 'met' | 'not-met' | 'undecided' {
  if (ci95[0] * 100 >= percent) return 'met';
  if (ci95[1] * 100 < percent) return 'not-met';
  return 'undecided';
}
