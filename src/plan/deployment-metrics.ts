/**
 * The exact engine's figures for a plan deployment, computed once per layout instead of once per
 * cluster. In a plan deployment every region has the same zones and every cluster the same
 * layout, so every region's states (with their probabilities) and every cluster's conditionals
 * (its predicates in each state of its region) are the same numbers: the engine computes one
 * region's and one cluster's, and the engine's own `combineMetrics` combines them. Any other topology goes through `computeMetrics` unchanged.
 * A test checks that both paths give bit-identical figures.
 */
import { badChangeReach, computeElementAvailabilities } from '../exact/element-availability.js';
import {
  combineMetrics,
  computeMetrics,
  prepareEngine,
  type MetricValues,
} from '../exact/engine.js';
import type { Cluster, Topology } from '../model/topology.js';

/** `computeMetrics(t)`, faster when the clusters are copies of one another. */
export function computeDeploymentMetrics(t: Topology): MetricValues {
  const [first] = t.clusters;
  if (first === undefined || !isUniform(t, first)) return computeMetrics(t);
  const av = computeElementAvailabilities(t);
  // Identical regions have identical states too: enumerate the first cluster's region only.
  const region = t.regions.filter((r) => r.name === first.region);
  const probe = prepareEngine({ ...t, regions: region, clusters: [first] }, av, new Map());
  const shared = probe.clusters[0];
  const conditions = probe.conditions.get(first.region);
  if (shared === undefined || conditions === undefined) return computeMetrics(t);
  return combineMetrics({
    ...probe,
    topology: t,
    conditions: new Map(t.regions.map((r) => [r.name, conditions])),
    clusters: t.clusters.map(() => shared),
    reach: badChangeReach(t),
  });
}

// --- internal ---

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
