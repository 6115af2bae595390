/**
 * The exact engine: condition on the shared elements (per region: blackout, impairment, zones,
 * links; across regions: the bad-change kinds), compute every cluster's predicates inside each
 * condition, and combine. Clusters are independent given the shared state, which is what makes
 * regional service a product over clusters. Maintenance, whose health gate ties it to the
 * cluster's own elements, is a per-cluster correction (maintenance-correction.ts). `prepare`
 * keeps the per-condition values so that an override of one cluster's element recomputes that
 * cluster only.
 */
import type { DeploymentMetric, Metric, RegionMetric, Topology } from '../model/topology.js';
import {
  BAD_CHANGE_KINDS,
  rolloutWaves,
  withIdleProbability,
  type BadChangeKind,
} from './bad-change-states.js';
import {
  computeControlPlaneConditionals,
  computeWorkloadsConditionals,
  type ClusterConditionals,
} from './cluster-conditionals.js';
import {
  conditionalsKeys,
  createConditionalsMemo,
  type ConditionalsMemo,
} from './conditionals-memo.js';
import {
  computeElementAvailabilities,
  type ElementAvailabilities,
} from './element-availability.js';
import { elementId, type Overrides } from './elements.js';
import {
  enumerateRegionConditions,
  regionDomains,
  type RegionCondition,
} from './region-conditions.js';
import { combineMetrics } from './combine-metrics.js';
import type { RegionSums } from './region-service.js';

export type { ClusterConditionals } from './cluster-conditionals.js';
export { combineMetrics } from './combine-metrics.js';

/** Steady-state availability of every predicate. */
export interface MetricValues {
  clusters: Record<string, Record<Metric, number>>;
  regions: Record<string, Record<RegionMetric, number>>;
  deployment: Record<DeploymentMetric, number>;
  /**
   * 0 when every state was enumerated (regions of up to 6 zones). Beyond, an upper bound on the
   * probability of the states left out: every figure is then at most this much below the exact
   * one (a lower bound of it).
   */
  truncatedProbability: number;
}

/** The engine's intermediate state: conditions per region, conditionals per cluster. */
export interface PreparedEngine {
  topology: Topology;
  av: ElementAvailabilities;
  conditions: Map<string, RegionCondition[]>;
  /** Per region, the bound on the probability of the states left out (region-conditions.ts). */
  truncated: Map<string, number>;
  clusters: ClusterConditionals[];
  /** The rollout wave (1-based) of each cluster; 0 when no wave reaches it. */
  waves: number[];
  /** Per bad-change kind, P(state m) (docs/model.md), overrides applied. */
  badChanges: Record<BadChangeKind, number[]>;
  /** Conditionals shared by clusters of the same layout, here and in re-preparations. */
  memo: ConditionalsMemo;
  /**
   * A re-preparation: the clusters whose figures may differ from those of the engine it was
   * re-prepared from. null: any may (a fresh engine, or a bad change overridden).
   */
  recomputed: ReadonlySet<number> | null;
  /** Per region, its serving counts per data-plane state, filled on first use (region-service.ts). */
  regionSums: Map<string, RegionSums>;
}

/**
 * The exact steady-state availability of every predicate.
 * @param av element availabilities (default: the topology's own)
 * @param overrides availabilities of single elements, by group id (importance measures)
 * @example computeMetrics(topology).clusters['prod']?.api
 */
export function computeMetrics(
  t: Topology,
  av: ElementAvailabilities = computeElementAvailabilities(t),
  overrides: Overrides = new Map(),
): MetricValues {
  return combineMetrics(prepareEngine(t, av, overrides));
}

/** Enumerates the shared states and computes every cluster's conditionals. */
export function prepareEngine(
  t: Topology,
  av: ElementAvailabilities,
  overrides: Overrides,
): PreparedEngine {
  const prepared: PreparedEngine = {
    topology: t,
    av,
    conditions: new Map(),
    truncated: new Map(),
    clusters: [],
    waves: rolloutWaves(t.failures.operatorError.rollout, t.clusters.length).waveOf,
    badChanges: badChangesWith(av, overrides),
    memo: createConditionalsMemo(),
    recomputed: null,
    regionSums: new Map(),
  };
  for (const r of t.regions) {
    const conditions = enumerateRegionConditions(r, regionDomains(r, av, overrides));
    prepared.conditions.set(r.name, conditions.states);
    prepared.truncated.set(r.name, conditions.truncated);
  }
  prepared.clusters = t.clusters.map((_, i) => prepareCluster(prepared, i, overrides));
  return prepared;
}

/**
 * The prepared engine with overrides of one group's elements, recomputing only what they can
 * change: one cluster, one region's domains and clusters, or the bad-change states.
 */
export function reprepare(
  prepared: PreparedEngine,
  overrides: Overrides,
  scope: { cluster?: string; region?: string },
): PreparedEngine {
  const t = prepared.topology;
  const recomputed = new Set<number>();
  const next: PreparedEngine = {
    ...prepared,
    clusters: [...prepared.clusters],
    badChanges: badChangesWith(prepared.av, overrides),
    recomputed: BAD_CHANGE_KINDS.some((k) => overrides.has(elementId.badChange(k)))
      ? null
      : recomputed,
    regionSums: new Map(prepared.regionSums),
  };
  if (scope.region !== undefined) {
    const region = t.regions.find((r) => r.name === scope.region);
    if (region === undefined) return next;
    const conditions = enumerateRegionConditions(
      region,
      regionDomains(region, prepared.av, overrides),
    );
    next.conditions = new Map(prepared.conditions).set(region.name, conditions.states);
    next.truncated = new Map(prepared.truncated).set(region.name, conditions.truncated);
  }
  if (scope.region !== undefined) next.regionSums.delete(scope.region);
  t.clusters.forEach((c, i) => {
    if (c.name === scope.cluster || c.region === scope.region) {
      next.clusters[i] = prepareCluster(next, i, overrides);
      recomputed.add(i);
      next.regionSums.delete(c.region);
    }
  });
  return next;
}

/**
 * One cluster's conditionals, e.g. with an override of one of its elements: taken from the memo
 * when a cluster of the same layout was computed under the same overrides.
 */
export function prepareCluster(
  prepared: PreparedEngine,
  index: number,
  overrides: Overrides,
): ClusterConditionals {
  const cluster = prepared.topology.clusters[index];
  const region = cluster && prepared.topology.regions.find((r) => r.name === cluster.region);
  if (cluster === undefined || region === undefined) throw new Error(`no cluster ${index}`);
  const conditions = prepared.conditions.get(region.name) ?? [];
  const { memo, av } = prepared;
  const keys = conditionalsKeys(memo, index, cluster, region, overrides);
  let controlPlane = memo.controlPlane.get(keys.controlPlane);
  if (controlPlane === undefined) {
    controlPlane = computeControlPlaneConditionals(cluster, region, av, conditions, overrides);
    memo.controlPlane.set(keys.controlPlane, controlPlane);
  }
  let workloads = memo.workloads.get(keys.workloads);
  if (workloads === undefined) {
    workloads = computeWorkloadsConditionals(cluster, av, conditions, overrides);
    memo.workloads.set(keys.workloads, workloads);
  }
  return { ...controlPlane, workloads };
}

// --- internal ---

function badChangesWith(
  av: ElementAvailabilities,
  overrides: Overrides,
): Record<BadChangeKind, number[]> {
  const out = { ...av.badChanges };
  for (const kind of BAD_CHANGE_KINDS) {
    const up = overrides.get(elementId.badChange(kind));
    if (up !== undefined) out[kind] = withIdleProbability(av.badChanges[kind], up);
  }
  return out;
}
