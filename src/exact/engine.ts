/**
 * The exact engine: condition on the shared elements (per region: region, zones, links; across
 * regions: the bad-change elements), compute every cluster's predicates inside each condition,
 * and combine. Clusters are independent given the shared state, which is what makes regional
 * service a product over clusters. `prepare` keeps the per-condition values so that an override
 * of one cluster's element recomputes that cluster only.
 */
import type { Metric, RegionMetric, Topology } from '../model/topology.js';
import { buildClusterPlan } from './cluster-plan.js';
import { buildControlPlaneTables, computeControlPlane } from './control-plane.js';
import {
  badChangeReach,
  computeElementAvailabilities,
  type ElementAvailabilities,
} from './element-availability.js';
import { elementId, type Overrides } from './elements.js';
import { enumerateRegionConditions, type RegionCondition } from './region-conditions.js';
import { computeRegionService } from './region-service.js';
import { buildWorkloadsTable, computeWorkloads } from './workloads.js';

/** Steady-state availability of every predicate. */
export interface MetricValues {
  clusters: Record<string, Record<Metric, number>>;
  regions: Record<string, Record<RegionMetric, number>>;
}

/** A cluster's predicates in each condition of its region (bad changes not applied). */
export interface ClusterConditionals {
  quorum: Float64Array;
  api: Float64Array;
  scheduling: Float64Array;
  workloads: Float64Array;
}

/** The engine's intermediate state: conditions per region, conditionals per cluster. */
export interface PreparedEngine {
  topology: Topology;
  av: ElementAvailabilities;
  conditions: Map<string, RegionCondition[]>;
  clusters: ClusterConditionals[];
  reach: Set<string>;
  /** P(no bad change blocks the clusters it reaches) = a(api down) · a(etcd restore). */
  badChangeFree: number;
  badChangeRestoreUp: number;
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
  const conditions = new Map(
    t.regions.map((r) => [r.name, enumerateRegionConditions(r, av, overrides)] as const),
  );
  const restore = overrides.get(elementId.badChangeRestore) ?? av.badChangeRestore;
  const api = overrides.get(elementId.badChangeApi) ?? av.badChangeApi;
  const prepared: PreparedEngine = {
    topology: t,
    av,
    conditions,
    clusters: [],
    reach: badChangeReach(t),
    badChangeFree: api * restore,
    badChangeRestoreUp: restore,
  };
  prepared.clusters = t.clusters.map((_, i) => prepareCluster(prepared, i, overrides));
  return prepared;
}

/**
 * The prepared engine with overrides of one group's elements, recomputing only what they can
 * change: one cluster, one region's domains and clusters, or the bad-change factors.
 */
export function reprepare(
  prepared: PreparedEngine,
  overrides: Overrides,
  scope: { cluster?: string; region?: string },
): PreparedEngine {
  const t = prepared.topology;
  const restore = overrides.get(elementId.badChangeRestore) ?? prepared.av.badChangeRestore;
  const api = overrides.get(elementId.badChangeApi) ?? prepared.av.badChangeApi;
  const next: PreparedEngine = {
    ...prepared,
    clusters: [...prepared.clusters],
    badChangeFree: api * restore,
    badChangeRestoreUp: restore,
  };
  if (scope.region !== undefined) {
    const region = t.regions.find((r) => r.name === scope.region);
    if (region === undefined) return next;
    next.conditions = new Map(prepared.conditions);
    next.conditions.set(region.name, enumerateRegionConditions(region, prepared.av, overrides));
  }
  t.clusters.forEach((c, i) => {
    if (c.name === scope.cluster || c.region === scope.region)
      next.clusters[i] = prepareCluster(next, i, overrides);
  });
  return next;
}

/** One cluster's conditionals, e.g. with an override of one of its elements. */
export function prepareCluster(
  prepared: PreparedEngine,
  index: number,
  overrides: Overrides,
): ClusterConditionals {
  const cluster = prepared.topology.clusters[index];
  const conditions = cluster === undefined ? [] : (prepared.conditions.get(cluster.region) ?? []);
  const n = conditions.length;
  const out: ClusterConditionals = {
    quorum: new Float64Array(n),
    api: new Float64Array(n),
    scheduling: new Float64Array(n),
    workloads: new Float64Array(n),
  };
  if (cluster === undefined) return out;
  const plan = buildClusterPlan(cluster, prepared.av, overrides);
  const tables = buildControlPlaneTables(plan);
  const workloads = buildWorkloadsTable(plan);
  conditions.forEach((condition, k) => {
    const v = computeControlPlane(tables, condition);
    out.quorum[k] = v.quorum;
    out.api[k] = v.api;
    out.scheduling[k] = v.scheduling;
    out.workloads[k] = computeWorkloads(workloads, condition);
  });
  return out;
}

/** Combines the conditionals into the availability of every predicate. */
export function combineMetrics(prepared: PreparedEngine): MetricValues {
  const t = prepared.topology;
  const clusters: MetricValues['clusters'] = {};
  t.clusters.forEach((c, i) => {
    const cond = prepared.conditions.get(c.region) ?? [];
    const v = prepared.clusters[i];
    if (v === undefined) return;
    const expect = (xs: Float64Array): number =>
      cond.reduce((sum, condition, k) => sum + condition.probability * (xs[k] ?? 0), 0);
    const reached = prepared.reach.has(c.name);
    const restore = reached ? prepared.badChangeRestoreUp : 1;
    const free = reached ? prepared.badChangeFree : 1;
    clusters[c.name] = {
      etcdQuorum: restore * expect(v.quorum),
      api: free * expect(v.api),
      scheduling: free * expect(v.scheduling),
      workloads: expect(v.workloads),
    };
  });
  return { clusters, regions: computeRegionService(prepared) };
}
