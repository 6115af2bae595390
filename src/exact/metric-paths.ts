/** Addressing one predicate of a result: a cluster, region or deployment metric. */
import {
  DEPLOYMENT_METRICS,
  METRICS,
  REGION_METRICS,
  type DeploymentMetric,
  type Metric,
  type RegionMetric,
  type Topology,
} from '../model/topology.js';
import type { MetricValues } from './engine.js';

/** Minutes in a 365-day year. */
export const MINUTES_PER_YEAR = 525_600;

export type MetricPath =
  | { scope: 'clusters'; name: string; metric: Metric }
  | { scope: 'regions'; name: string; metric: RegionMetric }
  | { scope: 'deployment'; name: 'deployment'; metric: DeploymentMetric };

/** Every predicate of a topology: each cluster's metrics, then each region's, then the deployment's. */
export function listMetricPaths(t: Topology): MetricPath[] {
  return [
    ...t.clusters.flatMap((c) =>
      METRICS.map((metric): MetricPath => ({ scope: 'clusters', name: c.name, metric })),
    ),
    ...t.regions.flatMap((r) =>
      REGION_METRICS.map((metric): MetricPath => ({ scope: 'regions', name: r.name, metric })),
    ),
    ...DEPLOYMENT_METRICS.map((metric): MetricPath => ({
      scope: 'deployment',
      name: 'deployment',
      metric,
    })),
  ];
}

/** The value of one predicate (NaN when absent, which a caller treats as a bug). */
export function metricValue(values: MetricValues, path: MetricPath): number {
  switch (path.scope) {
    case 'clusters':
      return values.clusters[path.name]?.[path.metric] ?? Number.NaN;
    case 'regions':
      return values.regions[path.name]?.[path.metric] ?? Number.NaN;
    case 'deployment':
      return values.deployment[path.metric];
  }
}

/** `clusters/prod/api`: a key for maps over predicates. */
export function metricKey(path: MetricPath): string {
  return `${path.scope}/${path.name}/${path.metric}`;
}

/** Downtime in minutes per year of an availability. */
export function downtimeMinutesPerYear(availability: number): number {
  return (1 - availability) * MINUTES_PER_YEAR;
}

/** −log10(1 − A): 4 for 99.99 %; null when the predicate never fails. */
export function nines(availability: number): number | null {
  const unavailability = 1 - availability;
  return unavailability > 0 ? -Math.log10(unavailability) : null;
}
