/**
 * A candidate's figures by the exact engine: for each plan metric, the availability of the worst
 * cluster (the worst region for `served`), its yearly cost, and whether it meets every target by
 * the same test `hasim analyze` applies to objectives (availability × 100 ≥ target).
 */
import type { MetricValues } from '../exact/engine.js';
import type { Metric, Topology } from '../model/topology.js';
import { computeCandidateCost } from './candidate-cost.js';
import { computeDeploymentMetrics, type MetricsCache } from './deployment-metrics.js';
import {
  PLAN_METRICS,
  type CandidateLayout,
  type CostModel,
  type EvaluatedCandidate,
  type PlanMetric,
  type PlanTargets,
} from './plan-result.js';

/** The worst cluster (region) of each metric, by name, and its availability. */
export type WorstOf = Record<PlanMetric, { name: string; availability: number }>;

/** Evaluates one candidate's deployment with the exact engine (`cache`: shared by a search). */
export function evaluateCandidate(
  topology: Topology,
  layout: CandidateLayout,
  targets: PlanTargets,
  cost: CostModel,
  cache?: MetricsCache,
): EvaluatedCandidate {
  const worst = findWorst(computeDeploymentMetrics(topology, cache));
  const availability = Object.fromEntries(
    PLAN_METRICS.map((m) => [m, worst[m].availability]),
  ) as Record<PlanMetric, number>;
  return {
    layout,
    availability,
    cost: computeCandidateCost(layout, cost, topology.clusters.length),
    meetsTargets: meetsTargets(availability, targets),
  };
}

/** Whether every target is met: availability × 100 ≥ target, as `hasim analyze` checks. */
export function meetsTargets(
  availability: Record<PlanMetric, number>,
  targets: PlanTargets,
): boolean {
  return PLAN_METRICS.every((m) => {
    const target = targets[m];
    return target === undefined || availability[m] * 100 >= target;
  });
}

/**
 * The worst cluster of each cluster metric, the worst region for served (the first on ties), and
 * the deployment's usersServed.
 */
export function findWorst(values: MetricValues): WorstOf {
  const lowest = (entries: [string, number][]): { name: string; availability: number } =>
    entries.reduce((a, b) => (b[1] < a.availability ? { name: b[0], availability: b[1] } : a), {
      name: entries[0]?.[0] ?? '',
      availability: entries[0]?.[1] ?? Number.NaN,
    });
  const clusters = Object.entries(values.clusters);
  const of = (m: Metric): { name: string; availability: number } =>
    lowest(clusters.map(([name, v]) => [name, v[m]]));
  return {
    etcdQuorum: of('etcdQuorum'),
    api: of('api'),
    scheduling: of('scheduling'),
    workloads: of('workloads'),
    served: lowest(Object.entries(values.regions).map(([name, v]) => [name, v.served])),
    usersServed: { name: 'deployment', availability: values.deployment.usersServed },
  };
}
