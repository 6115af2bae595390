/**
 * `analyzeTopology`: the exact steady-state analysis of a scenario as plain JSON-serializable
 * data (version 1): every predicate's availability, downtime, nines, attribution, importance,
 * single points of failure, and the scenario's objectives checked.
 */
import type { DeploymentMetric, Metric, RegionMetric, Topology } from '../model/topology.js';
import { computeAttribution, type Attribution } from './attribution.js';
import { computeElementAvailabilities } from './element-availability.js';
import { computeMetrics } from './engine.js';
import { maintenanceWarnings } from './maintenance-validity.js';
import { MAX_EXACT_ZONES } from './region-conditions.js';
import { PRUNE_BELOW } from './region-partitions.js';
import { computeImportance, computeSinglePointsOfFailure, type Importance } from './importance.js';
import {
  downtimeMinutesPerYear,
  listMetricPaths,
  metricKey,
  metricValue,
  nines,
  type MetricPath,
} from './metric-paths.js';

/** One predicate's analysis. */
export interface MetricAnalysis {
  availability: number;
  downtimeMinutesPerYear: number;
  /** −log10(1 − availability); null when it never fails. */
  nines: number | null;
  attribution: Attribution;
  singlePointsOfFailure: string[];
  /**
   * The `IMPORTANCE_LISTED` largest Birnbaum importances, and those of the single points of
   * failure, largest first.
   */
  importance: Importance[];
  /** How many non-zero importances were left out of `importance` (the smallest ones). */
  importanceOmitted: number;
  /** The scenario's objective for this metric, in percent, and whether it is met. */
  objective?: { percent: number; met: boolean };
}

/** An objective that the analysis does not meet. */
export interface MissedObjective {
  scope: 'clusters' | 'regions' | 'deployment';
  name: string;
  metric: Metric | RegionMetric | DeploymentMetric;
  objectivePercent: number;
  availabilityPercent: number;
}

/** The result of `hasim analyze`. */
export interface AnalysisResult {
  version: 1;
  engine: 'exact';
  scenario: string;
  clusters: Record<string, Record<Metric, MetricAnalysis>>;
  regions: Record<string, Record<RegionMetric, MetricAnalysis>>;
  /** usersServed: the share of users served, regions weighted by their users. */
  deployment: Record<DeploymentMetric, MetricAnalysis>;
  objectivesMet: boolean;
  missedObjectives: MissedObjective[];
  /** Where a figure is approximate, and why. */
  warnings: string[];
  /**
   * 0 when every state was enumerated (regions of up to 6 zones). Beyond, the probability of the
   * states left out (each below 1e-15): every availability is then a lower bound, at most this
   * much below the exact value.
   */
  truncatedProbability: number;
}

/** Importances listed per metric: the top contributors (the JSON would otherwise list all). */
export const IMPORTANCE_LISTED = 10;

/** The exact steady-state analysis of a topology. */
export function analyzeTopology(t: Topology): AnalysisResult {
  const av = computeElementAvailabilities(t);
  const values = computeMetrics(t, av);
  const attribution = computeAttribution(t, av, values);
  const importance = computeImportance(t, av);
  const spof = computeSinglePointsOfFailure(t, av);
  const result: AnalysisResult = {
    version: 1,
    engine: 'exact',
    scenario: t.name,
    clusters: {},
    regions: {},
    deployment: {} as Record<DeploymentMetric, MetricAnalysis>,
    objectivesMet: true,
    missedObjectives: [],
    warnings: [
      ...maintenanceWarnings(t, av),
      ...truncationWarnings(t, values.truncatedProbability),
    ],
    truncatedProbability: values.truncatedProbability,
  };
  for (const path of listMetricPaths(t)) {
    const key = metricKey(path);
    const availability = asProbability(metricValue(values, path), key);
    const analysis: MetricAnalysis = {
      availability,
      downtimeMinutesPerYear: downtimeMinutesPerYear(availability),
      nines: nines(availability),
      attribution: attribution.get(key) ?? { byClass: {}, byZone: {} },
      singlePointsOfFailure: spof.get(key) ?? [],
      ...listedImportance(importance.get(key) ?? [], spof.get(key) ?? []),
    };
    const percent = t.objectives[path.metric];
    if (percent !== undefined) {
      const met = availability * 100 >= percent;
      analysis.objective = { percent, met };
      if (!met) result.missedObjectives.push(missed(path, percent, availability));
    }
    place(result, path, analysis);
  }
  result.objectivesMet = result.missedObjectives.length === 0;
  return result;
}

// --- internal ---

/**
 * An availability as a probability: sums of products of probabilities can round a hair outside
 * [0, 1] (served = 1 − 1.0000000000000002); a non-finite one is a bug (validation keeps every
 * value the engine cannot use out, docs/limits.md), reported rather than printed as NaN %.
 */
function asProbability(value: number, key: string): number {
  if (!Number.isFinite(value)) throw new Error(`the exact engine computed ${value} for ${key}`);
  return Math.min(1, Math.max(0, value));
}

/** The largest importances and those of the single points of failure; how many are left out. */
function listedImportance(
  all: Importance[],
  singlePoints: string[],
): Pick<MetricAnalysis, 'importance' | 'importanceOmitted'> {
  const spof = new Set(singlePoints);
  const importance = all.filter((x, i) => i < IMPORTANCE_LISTED || spof.has(x.element));
  return { importance, importanceOmitted: all.length - importance.length };
}

/** Says where states were left out (regions of more than MAX_EXACT_ZONES zones). */
function truncationWarnings(t: Topology, truncated: number): string[] {
  const large = t.regions.filter((r) => r.zones.length > MAX_EXACT_ZONES).map((r) => r.name);
  if (large.length === 0) return [];
  return [
    `${large.length === 1 ? 'region' : 'regions'} ${large.join(', ')}: more than ${MAX_EXACT_ZONES} zones, so states less likely than ${PRUNE_BELOW} were left out ` +
      `(together at most ${truncated.toPrecision(2)}); every availability is a lower bound, at most that much below the exact value`,
  ];
}

function missed(path: MetricPath, percent: number, availability: number): MissedObjective {
  return {
    scope: path.scope,
    name: path.name,
    metric: path.metric,
    objectivePercent: percent,
    availabilityPercent: availability * 100,
  };
}

function place(result: AnalysisResult, path: MetricPath, analysis: MetricAnalysis): void {
  switch (path.scope) {
    case 'clusters':
      (result.clusters[path.name] ??= {} as Record<Metric, MetricAnalysis>)[path.metric] = analysis;
      return;
    case 'regions':
      (result.regions[path.name] ??= {} as Record<RegionMetric, MetricAnalysis>)[path.metric] =
        analysis;
      return;
    case 'deployment':
      result.deployment[path.metric] = analysis;
  }
}
