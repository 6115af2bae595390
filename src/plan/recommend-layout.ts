/**
 * The recommender: every candidate layout of one cluster, in the deployment of the chosen mode,
 * evaluated with the exact engine; the cheapest meeting every target with the sentence that
 * explains it and a Monte Carlo confirmation; the Pareto front of cost against each target
 * metric; or, when nothing meets the targets, what comes closest and what limits it. Nothing is
 * pruned: every candidate is evaluated, so the answer is exact for the candidate space.
 */
import { DEFAULT_DETECTION_PROBABILITY } from '../model/defaults.js';
import type { Rollout, Topology } from '../model/topology.js';
import { explainChoice } from './explain-choice.js';
import { buildCandidateTopology, buildDeployment, type Deployment } from './candidate-scenario.js';
import {
  paretoFront,
  pickClosest,
  pickRecommended,
  pickRival,
  targetMetrics,
  TIE_BREAK,
} from './choose-candidate.js';
import { confirmBySimulation, type ConfirmOptions } from './confirm-by-simulation.js';
import { enumerateCandidates } from './enumerate-candidates.js';
import { evaluateCandidate, findWorst } from './evaluate-candidate.js';
import { createMetricsCache } from './deployment-metrics.js';
import { computeMetrics } from '../exact/engine.js';
import { findLimit } from './limiting-factor.js';
import {
  PLAN_METRICS,
  type CostModel,
  type EvaluatedCandidate,
  type EvaluatedMode,
  type MaintenanceStyle,
  type PlanMetric,
  type PlanResult,
  type PlanTargets,
} from './plan-result.js';

/** Candidates evaluated between two progress reports. */
const PROGRESS_EVERY = 64;

/** Zones per region the recommender searches at most (the exact engine is exponential in them). */
export const MAX_RECOMMENDER_ZONES = 5;

/**
 * The rollout in waves tried when the scenario gives none: one canary cluster that bakes for a day
 * before the rest, a bad change noticed 30 min into the wave that catches it, with the model's
 * detection probability (the schema's own example: `{ waves: [1, all], detection: 30m, bake: 1d }`).
 */
export const DEFAULT_WAVES: Rollout = {
  kind: 'waves',
  waves: [1, 'all'],
  bakeHours: 24,
  detectionHours: 0.5,
  detectionProbability: DEFAULT_DETECTION_PROBABILITY,
};

export interface RecommendOptions {
  /** Percent per metric; at least one. */
  targets: PlanTargets;
  mode: EvaluatedMode;
  /** User shares per region (default: equal). */
  users?: readonly number[];
  /** The scenario whose failures, backup, timers and waves apply, and its file name. */
  from?: { file: string; topology: Topology };
  cost: CostModel;
  /** The Monte Carlo confirmation's seed and trials; null skips it. */
  simulation: ConfirmOptions | null;
  /** Called now and then with the candidates evaluated so far and their number (progress bars). */
  onProgress?: (evaluated: number, total: number) => void;
}

/**
 * A plan with the recommender's fields. Throws RangeError on options it cannot serve (no target,
 * too many zones, users of the wrong length, a served target when a region's load is split).
 */
export function recommendLayout(plan: PlanResult, options: RecommendOptions): PlanResult {
  const deployment = buildPlanDeployment(plan, options);
  const targets = options.targets;
  const rollouts = [{ kind: 'all-at-once' } as const, wavesOf(options.from?.topology)];
  const maintenance: MaintenanceStyle[] = ['graceful', 'abrupt'];
  const candidates = enumerateCandidates({
    zones: plan.layout.zones,
    workersNeeded: plan.split.workersNeededPerCluster,
    maintenance,
    rollouts,
  });
  const cache = createMetricsCache();
  const evaluated = candidates.map((layout, i) => {
    if (i % PROGRESS_EVERY === 0) options.onProgress?.(i, candidates.length);
    return evaluateCandidate(
      buildCandidateTopology(deployment, layout),
      layout,
      targets,
      deployment.cost,
      cache,
    );
  });
  options.onProgress?.(candidates.length, candidates.length);
  const best = pickRecommended(evaluated, targets);
  const front: Partial<Record<PlanMetric, EvaluatedCandidate[]>> = {};
  for (const m of targetMetrics(targets)) front[m] = paretoFront(evaluated, m);
  const result: PlanResult = {
    ...plan,
    targets: { ...targets },
    search: {
      mode: deployment.mode,
      clusters: deployment.regions.reduce((n, r) => n + r.clusters, 0),
      regions: deployment.regions.map((r) => ({ ...r, zones: [...r.zones] })),
      failures: options.from?.file ?? 'defaults',
      cost: deployment.cost,
      tieBreak: TIE_BREAK,
      pruning: [],
    },
    candidatesEvaluated: evaluated.length,
    recommended: null,
    front,
    closest: null,
    limitedBy: null,
  };
  if (best !== null) {
    const rival = pickRival(evaluated, best, targets);
    const topology = buildCandidateTopology(deployment, best.layout);
    checkFigures(best, topology);
    result.recommended = {
      ...best,
      why: explainChoice(best, rival, targets, evaluated.length),
      rival,
      simulation:
        options.simulation === null
          ? null
          : confirmBySimulation(topology, targets, options.simulation),
    };
  } else {
    const closest = pickClosest(evaluated, targets);
    result.closest = closest;
    if (closest !== null) {
      const topology = buildCandidateTopology(deployment, closest.layout);
      checkFigures(closest, topology);
      result.limitedBy = findLimit(closest, topology);
    }
  }
  return result;
}

/** The deployment a plan's candidates are evaluated in (also what `--emit-scenario` writes). */
export function buildPlanDeployment(plan: PlanResult, options: RecommendOptions): Deployment {
  const { targets, mode, users } = options;
  const regions = plan.inputs.regions;
  if (targetMetrics(targets).length === 0) {
    throw new RangeError('the recommender needs at least one target');
  }
  if (plan.layout.zones.length > MAX_RECOMMENDER_ZONES) {
    throw new RangeError(
      `zonesPerRegion must be at most ${MAX_RECOMMENDER_ZONES} to recommend a layout ` +
        `(the exact engine is exponential in zones), got ${plan.layout.zones.length}`,
    );
  }
  if (users !== undefined && users.length !== regions) {
    throw new RangeError(`users needs one share per region (${regions}), got ${users.length}`);
  }
  if (targets.served !== undefined && plan.split.clustersPerRegionLoad > 1) {
    throw new RangeError(
      `a served target needs one cluster per region's load; this load is split over ` +
        `${plan.split.clustersPerRegionLoad} clusters (the exact engine's failover assumes one)`,
    );
  }
  const count = plan.modes.find((m) => m.mode === mode);
  return buildDeployment({
    mode,
    clustersPerRegion: Object.values(count?.perRegion ?? {}),
    zones: plan.layout.zones,
    ...(users === undefined ? {} : { users }),
    ...(options.from === undefined ? {} : { from: options.from.topology }),
    cost: options.cost,
    targets,
  });
}

// --- internal ---

/**
 * The figures of the answer recomputed by the plain exact engine: the shared, cached path must
 * give the very same numbers (a difference is a bug in hasim, never the user's).
 */
function checkFigures(c: EvaluatedCandidate, topology: Topology): void {
  const plain = findWorst(computeMetrics(topology));
  for (const m of PLAN_METRICS) {
    if (plain[m].availability !== c.availability[m]) {
      throw new Error(
        `internal: the search's ${m} of ${c.layout.key} is ${c.availability[m]}, the exact engine's ${plain[m].availability}`,
      );
    }
  }
}

function wavesOf(from: Topology | undefined): Rollout {
  const rollout = from?.failures.operatorError.rollout;
  return rollout?.kind === 'waves' ? rollout : DEFAULT_WAVES;
}
