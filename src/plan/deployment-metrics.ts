/**
 * The exact engine's figures for a plan deployment, computed once per layout instead of once per
 * cluster, and shared between candidates. In a plan deployment every region has the same zones
 * and every cluster the same layout, so every region's states and every cluster's conditionals
 * (its predicates in each state of its region) are the same numbers: the engine prepares one
 * region and one cluster, and its own `combineMetrics` combines them for the whole deployment
 * (the rollout wave of each cluster taken from the whole deployment). Any other topology goes
 * through `computeMetrics` unchanged.
 *
 * Between candidates, a cache keeps what does not change (read off src/exact):
 * - the element availabilities, a function of `failures`, `backup` and the number of clusters
 *   (`computeElementAvailabilities`), the costly part being the maintenance gate's quadrature;
 * - a region's states, a function of its zones and the element availabilities;
 * - a cluster's conditionals, a function of its layout, its region's zones and the element
 *   availabilities other than the bad-change states (`prepareCluster` reads no bad-change state:
 *   those apply in `combineMetrics`), so candidates that differ only in their rollout or in what
 *   the exact engine does not model share them.
 * Tests check that the figures are bit-identical to `computeMetrics` on every kind of candidate,
 * and the recommender recomputes its answer with `computeMetrics`.
 */
import { rolloutWaves } from '../exact/bad-change-states.js';
import {
  computeElementAvailabilities,
  type ElementAvailabilities,
} from '../exact/element-availability.js';
import {
  combineMetrics,
  computeMetrics,
  prepareEngine,
  type ClusterConditionals,
  type MetricValues,
} from '../exact/engine.js';
import type { RegionCondition } from '../exact/region-conditions.js';
import type { Cluster, Topology } from '../model/topology.js';

/** What candidates of one search share; make one per search with `createMetricsCache`. */
export interface MetricsCache {
  availabilities: Map<string, { av: ElementAvailabilities; key: string }>;
  conditions: Map<string, RegionCondition[]>;
  clusters: Map<string, ClusterConditionals>;
}

export function createMetricsCache(): MetricsCache {
  return { availabilities: new Map(), conditions: new Map(), clusters: new Map() };
}

/** `computeMetrics(t)`, faster when the clusters are copies of one another. */
export function computeDeploymentMetrics(
  t: Topology,
  cache: MetricsCache = createMetricsCache(),
): MetricValues {
  const [first] = t.clusters;
  if (first === undefined || !isUniform(t, first)) return computeMetrics(t);
  const { av, key } = availabilitiesOf(t, cache);
  // Identical regions have identical states: the engine enumerates the first cluster's region.
  const region = t.regions.filter((r) => r.name === first.region);
  const zonesKey = `${JSON.stringify(region[0]?.zones)}|${key}`;
  const clusterKey = `${layoutOf(first)}|${zonesKey}`;
  let conditions = cache.conditions.get(zonesKey);
  let shared = cache.clusters.get(clusterKey);
  if (conditions === undefined || shared === undefined) {
    const probe = prepareEngine({ ...t, regions: region, clusters: [first] }, av, new Map());
    conditions = probe.conditions.get(first.region);
    shared = probe.clusters[0];
    if (conditions === undefined || shared === undefined) return computeMetrics(t);
    cache.conditions.set(zonesKey, conditions);
    cache.clusters.set(clusterKey, shared);
  }
  // What the engine prepares of the deployment itself (its bad-change states), without regions
  // or clusters to compute; the shared states and conditionals go in their place.
  const bare = prepareEngine({ ...t, regions: [], clusters: [] }, av, new Map());
  const sharedConditions = conditions;
  const sharedCluster = shared;
  return combineMetrics({
    ...bare,
    topology: t,
    conditions: new Map(t.regions.map((r) => [r.name, sharedConditions])),
    clusters: t.clusters.map(() => sharedCluster),
    waves: rolloutWaves(t.failures.operatorError.rollout, t.clusters.length).waveOf,
  });
}

// --- internal ---

/** The element availabilities of a topology, and a key of the parts clusters depend on. */
function availabilitiesOf(
  t: Topology,
  cache: MetricsCache,
): { av: ElementAvailabilities; key: string } {
  const inputs = JSON.stringify([t.failures, t.backup, t.clusters.length]);
  let entry = cache.availabilities.get(inputs);
  if (entry === undefined) {
    const av = computeElementAvailabilities(t);
    const { badChanges: _badChanges, ...clusterInputs } = av;
    entry = { av, key: JSON.stringify(clusterInputs) };
    cache.availabilities.set(inputs, entry);
  }
  return entry;
}

/** Every region has the first region's zones and every cluster the first cluster's layout. */
function isUniform(t: Topology, first: Cluster): boolean {
  const zones = JSON.stringify(t.regions[0]?.zones);
  const layout = layoutOf(first);
  return (
    t.regions.every((r) => JSON.stringify(r.zones) === zones) &&
    t.clusters.every((c) => layoutOf(c) === layout)
  );
}

function layoutOf(c: Cluster): string {
  const { name: _name, region: _region, ...rest } = c;
  return JSON.stringify(rest);
}
