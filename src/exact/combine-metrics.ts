/**
 * Combining a prepared engine's conditionals into the availability of every predicate: each
 * cluster's expectation over its region's conditions, less maintenance, times the chance that no
 * bad change hurts it; then regional service and the users served.
 */
import { hurtProbability } from './bad-change-states.js';
import type { MetricValues, PreparedEngine } from './engine.js';
import type { RegionCondition } from './region-conditions.js';
import { computeRegionService } from './region-service.js';

/**
 * Combines the conditionals into the availability of every predicate.
 * @param base the figures of the engine `prepared` was re-prepared from: the clusters it did not
 *   recompute keep theirs (the same numbers, not computed again)
 */
export function combineMetrics(prepared: PreparedEngine, base?: MetricValues): MetricValues {
  const t = prepared.topology;
  const clusters: MetricValues['clusters'] = {};
  const { api: apiStates, restore: restoreStates, dataPlane } = prepared.badChanges;
  const kept = base === undefined ? null : prepared.recomputed;
  t.clusters.forEach((c, i) => {
    const same = kept !== null && !kept.has(i) ? base?.clusters[c.name] : undefined;
    if (same !== undefined) {
      clusters[c.name] = same;
      return;
    }
    const cond = prepared.conditions.get(c.region) ?? [];
    const v = prepared.clusters[i];
    if (v === undefined) return;
    const wave = prepared.waves[i] ?? 0;
    const restore = 1 - hurtProbability(restoreStates, wave);
    const api = (1 - hurtProbability(apiStates, wave)) * restore;
    // Without maintenance, less what its steps remove. Outside the formula's domain (a cluster
    // so often unhealthy that passes fall behind, docs/model.md) that can drop below 0: clamp,
    // and analyze says so (maintenance-validity.ts).
    clusters[c.name] = {
      etcdQuorum: restore * Math.max(0, expectation(cond, v.quorum) - v.maintenance.quorum),
      api: api * Math.max(0, expectation(cond, v.api) - v.maintenance.api),
      scheduling: api * Math.max(0, expectation(cond, v.scheduling) - v.maintenance.scheduling),
      workloads: (1 - hurtProbability(dataPlane, wave)) * expectation(cond, v.workloads),
    };
  });
  const regions = computeRegionService(prepared);
  let users = 0;
  let served = 0;
  for (const r of t.regions) users += r.users;
  for (const r of t.regions) served += r.users * (regions[r.name]?.served ?? 0);
  const usersServed = users > 0 ? served / users : 1;
  let truncatedProbability = 0;
  for (const x of prepared.truncated.values()) truncatedProbability += x;
  for (const c of prepared.clusters) truncatedProbability += c.maintenance.truncated;
  return { clusters, regions, deployment: { usersServed }, truncatedProbability };
}

// --- internal ---

/** Σ_k P(condition k) · xs[k]. */
function expectation(conditions: readonly RegionCondition[], xs: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < conditions.length; k++)
    sum += (conditions[k]?.probability ?? 0) * (xs[k] ?? 0);
  return sum;
}
