/**
 * Regional service from the clusters' conditionals: given the shared state (a region condition
 * and the bad-change elements) clusters are independent, so the number of up clusters of a
 * region is a Poisson-binomial count, and regions are independent given the bad changes.
 */
import type { MetricValues, PreparedEngine } from './engine.js';

/**
 * local: some cluster of the region has api and workloads up. served: local, or (cross-region
 * failover) some other region has a cluster to spare: more than one up cluster when that
 * region has users of its own, one when it has none.
 */
export function computeRegionService(prepared: PreparedEngine): MetricValues['regions'] {
  const t = prepared.topology;
  const blocked = 1 - prepared.badChangeFree;
  const states = [
    { probability: prepared.badChangeFree, blocked: false },
    { probability: blocked, blocked: true },
  ].filter((s) => s.probability > 0);
  const out: MetricValues['regions'] = {};
  for (const r of t.regions) out[r.name] = { served: 0, local: 0 };
  for (const state of states) {
    // P(no up cluster) and P(at most one up cluster), per region.
    const none = new Map<string, number>();
    const atMostOne = new Map<string, number>();
    for (const r of t.regions) {
      let p0 = 0;
      let p1 = 0;
      const members = t.clusters.flatMap((c, i) => (c.region === r.name ? [{ c, i }] : []));
      (prepared.conditions.get(r.name) ?? []).forEach((condition, k) => {
        let zero = 1;
        let one = 0;
        for (const { c, i } of members) {
          const v = prepared.clusters[i];
          const up =
            state.blocked && prepared.reach.has(c.name)
              ? 0
              : (v?.api[k] ?? 0) * (v?.workloads[k] ?? 0);
          one = one * (1 - up) + zero * up;
          zero *= 1 - up;
        }
        p0 += condition.probability * zero;
        p1 += condition.probability * (zero + one);
      });
      none.set(r.name, p0);
      atMostOne.set(r.name, p1);
    }
    for (const r of t.regions) {
      const localDown = none.get(r.name) ?? 1;
      let noSpare = 1;
      if (t.failover === 'cross-region') {
        for (const s of t.regions) {
          if (s.name !== r.name)
            noSpare *= (s.users > 0 ? atMostOne.get(s.name) : none.get(s.name)) ?? 1;
        }
      }
      const metrics = out[r.name];
      if (metrics === undefined) continue;
      metrics.local += state.probability * (1 - localDown);
      metrics.served += state.probability * (1 - localDown * noSpare);
    }
  }
  return out;
}
