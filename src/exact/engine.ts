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
  hurtProbability,
  rolloutWaves,
  withIdleProbability,
  type BadChangeKind,
} from './bad-change-states.js';
import { buildClusterPlan, type ClusterPlan } from './cluster-plan.js';
import {
  buildControlPlaneTables,
  computeControlPlane,
  type ControlPlaneTables,
  type ControlPlaneValues,
} from './control-plane.js';
import {
  computeElementAvailabilities,
  type ElementAvailabilities,
} from './element-availability.js';
import { elementId, type Overrides } from './elements.js';
import { computeMaintenanceCorrection } from './maintenance-correction.js';
import {
  enumerateRegionConditions,
  regionDomains,
  type RegionCondition,
} from './region-conditions.js';
import { computeRegionService } from './region-service.js';
import { buildWorkloadsTable, computeWorkloads, type WorkloadsTable } from './workloads.js';

/** Steady-state availability of every predicate. */
export interface MetricValues {
  clusters: Record<string, Record<Metric, number>>;
  regions: Record<string, Record<RegionMetric, number>>;
  deployment: Record<DeploymentMetric, number>;
}

/** A cluster's predicates in each condition of its region (no maintenance, no bad changes). */
export interface ClusterConditionals {
  quorum: Float64Array;
  api: Float64Array;
  scheduling: Float64Array;
  workloads: Float64Array;
  /** The control-plane availability that maintenance removes (with its health gate). */
  maintenance: ControlPlaneValues;
}

/** The engine's intermediate state: conditions per region, conditionals per cluster. */
export interface PreparedEngine {
  topology: Topology;
  av: ElementAvailabilities;
  conditions: Map<string, RegionCondition[]>;
  clusters: ClusterConditionals[];
  /** The rollout wave (1-based) of each cluster; 0 when no wave reaches it. */
  waves: number[];
  /** Per bad-change kind, P(state m) (docs/model.md), overrides applied. */
  badChanges: Record<BadChangeKind, number[]>;
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
    t.regions.map(
      (r) =>
        [r.name, enumerateRegionConditions(r, regionDomains(r, av, overrides)).states] as const,
    ),
  );
  const prepared: PreparedEngine = {
    topology: t,
    av,
    conditions,
    clusters: [],
    waves: rolloutWaves(t.failures.operatorError.rollout, t.clusters.length).waveOf,
    badChanges: badChangesWith(av, overrides),
  };
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
  const next: PreparedEngine = {
    ...prepared,
    clusters: [...prepared.clusters],
    badChanges: badChangesWith(prepared.av, overrides),
  };
  if (scope.region !== undefined) {
    const region = t.regions.find((r) => r.name === scope.region);
    if (region === undefined) return next;
    next.conditions = new Map(prepared.conditions);
    next.conditions.set(
      region.name,
      enumerateRegionConditions(region, regionDomains(region, prepared.av, overrides)).states,
    );
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
  const region = prepared.topology.regions.find((r) => r.name === cluster?.region);
  const conditions = cluster === undefined ? [] : (prepared.conditions.get(cluster.region) ?? []);
  const n = conditions.length;
  const out: ClusterConditionals = {
    quorum: new Float64Array(n),
    api: new Float64Array(n),
    scheduling: new Float64Array(n),
    workloads: new Float64Array(n),
    maintenance: { quorum: 0, api: 0, scheduling: 0 },
  };
  if (cluster === undefined || region === undefined) return out;
  const tables: Partial<Record<'normal' | 'impaired', PlanTables>> = {};
  const tablesFor = (impaired: boolean): PlanTables =>
    (tables[impaired ? 'impaired' : 'normal'] ??= planTables(
      buildClusterPlan(cluster, prepared.av, overrides, impaired),
    ));
  conditions.forEach((condition, k) => {
    const t = tablesFor(condition.impaired);
    const v = computeControlPlane(t.controlPlane, condition);
    out.quorum[k] = v.quorum;
    out.api[k] = v.api;
    out.scheduling[k] = v.scheduling;
    out.workloads[k] = computeWorkloads(t.workloads, condition);
  });
  out.maintenance = computeMaintenanceCorrection(cluster, region, prepared.av, overrides);
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
    const wave = prepared.waves[i] ?? 0;
    const free = (kind: BadChangeKind): number =>
      1 - hurtProbability(prepared.badChanges[kind], wave);
    const restore = free('restore');
    const api = free('api') * restore;
    // Without maintenance, less what its steps remove. Outside the formula's domain (a cluster
    // so often unhealthy that passes fall behind, docs/model.md) that can drop below 0: clamp,
    // and analyze says so (maintenance-validity.ts).
    const less = (a: number, b: number): number => Math.max(0, a - b);
    clusters[c.name] = {
      etcdQuorum: restore * less(expect(v.quorum), v.maintenance.quorum),
      api: api * less(expect(v.api), v.maintenance.api),
      scheduling: api * less(expect(v.scheduling), v.maintenance.scheduling),
      workloads: free('dataPlane') * expect(v.workloads),
    };
  });
  const regions = computeRegionService(prepared);
  const users = t.regions.reduce((sum, r) => sum + r.users, 0);
  const usersServed =
    users > 0
      ? t.regions.reduce((sum, r) => sum + r.users * (regions[r.name]?.served ?? 0), 0) / users
      : 1;
  return { clusters, regions, deployment: { usersServed } };
}

// --- internal ---

interface PlanTables {
  controlPlane: ControlPlaneTables;
  workloads: WorkloadsTable;
}

function planTables(plan: ClusterPlan): PlanTables {
  return { controlPlane: buildControlPlaneTables(plan), workloads: buildWorkloadsTable(plan) };
}

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
