/**
 * What an exact analysis will cost, estimated before it starts. The engine evaluates the
 * topology once per element group (importance, single points of failure, attribution): each
 * evaluation recomputes the group's cluster (or its region's clusters) in every state of the
 * region's domains, at a cost growing with the region's zones, and combines every cluster in
 * every state. The region states are enumerated here as the engine will (they are memoised, so
 * the engine reuses them), and the two sums are priced at measured rates. The CLI refuses an
 * analysis estimated beyond ANALYZE_TIME_LIMIT_SECONDS (docs/limits.md).
 */
import type { Topology } from '../model/topology.js';
import { computeElementAvailabilities } from './element-availability.js';
import { listElementGroups } from './elements.js';
import { rolloutWaves } from './bad-change-states.js';
import { findGroupSymmetry } from './group-symmetry.js';
import { listMetricPaths } from './metric-paths.js';
import { enumerateRegionConditions, MAX_ZONES, regionDomains } from './region-conditions.js';

/**
 * Seconds per (group × region state × zone) recomputed, and per (group × cluster × region
 * state) combined. Fitted to `hasim analyze` runs on a 2-core x86-64 VM shared with other
 * work (node 20, 2026-12-02), start-up taken off: one cluster in 14 and 17 zones without
 * partitions (4.6 s, 7.5 s), 300 and 1,000 clusters of 3 masters and 6 workers in 3 zones
 * (6.9 s, 71 s), one cluster in 30 zones with partitions (over 100 s; estimated 200 s).
 */
export const ANALYZE_SECONDS_PER_ZONE_STATE = 2.5e-6;
export const ANALYZE_SECONDS_PER_CLUSTER_STATE = 1.2e-7;

/** The longest analysis the CLI starts: a minute (the simulator handles larger designs). */
export const ANALYZE_TIME_LIMIT_SECONDS = 60;

export interface AnalysisCost {
  /** Element groups evaluated (one evaluation each; symmetric ones are copied, not counted). */
  groups: number;
  /** Region states enumerated (every region). */
  states: number;
  seconds: number;
}

/** The estimated cost of `analyzeTopology(t)`; null for a region the engine refuses (> 30 zones). */
export function estimateAnalysisCost(t: Topology): AnalysisCost | null {
  if (t.regions.some((r) => r.zones.length > MAX_ZONES)) return null;
  const av = computeElementAvailabilities(t);
  const all = listElementGroups(t, av);
  // A group symmetric to one evaluated before is not evaluated (group-symmetry.ts).
  const waves = rolloutWaves(t.failures.operatorError.rollout, t.clusters.length).waveOf;
  const { source } = findGroupSymmetry(t, all, listMetricPaths(t), waves);
  const groups = all.filter((_, g) => source[g] === g);
  const regionOf = new Map(t.clusters.map((c) => [c.name, c.region]));
  let states = 0;
  let zoneWork = 0;
  let clusterWork = 0;
  for (const r of t.regions) {
    const n = enumerateRegionConditions(r, regionDomains(r, av, new Map())).states.length;
    const clusters = t.clusters.filter((c) => c.region === r.name).length;
    // A domain group (region, zone, link) recomputes the region's clusters; a cluster's group, one.
    const domainGroups = groups.filter((g) => g.region === r.name).length;
    const clusterGroups = groups.filter(
      (g) => g.cluster !== undefined && regionOf.get(g.cluster) === r.name,
    ).length;
    states += n;
    zoneWork += (domainGroups * clusters + clusterGroups) * n * r.zones.length;
    clusterWork += groups.length * clusters * n;
  }
  return {
    groups: groups.length,
    states,
    seconds:
      zoneWork * ANALYZE_SECONDS_PER_ZONE_STATE + clusterWork * ANALYZE_SECONDS_PER_CLUSTER_STATE,
  };
}

/** Why an analysis is refused (what to change), or null when it fits the limit. */
export function analysisCostRefusal(cost: AnalysisCost): string | null {
  if (cost.seconds <= ANALYZE_TIME_LIMIT_SECONDS) return null;
  const seconds = Number(cost.seconds.toPrecision(2)).toLocaleString('en-US');
  return (
    `the exact analysis would take about ${seconds} s (${cost.groups.toLocaleString('en-US')} element groups × ` +
    `${cost.states.toLocaleString('en-US')} region states), past the limit of ${ANALYZE_TIME_LIMIT_SECONDS} s (docs/limits.md); ` +
    `analyze fewer distinct clusters at a time (clusters of one layout, region and rollout wave cost about one), fewer zones per region ` +
    `(or partition: { perYear: 0 } when zone links do not fail apart from zones), or use hasim simulate`
  );
}
