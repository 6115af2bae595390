/**
 * Regional service from the clusters' conditionals, by the data plane: given the shared state (a
 * region condition and the data-plane bad change's state) clusters are independent, so the
 * number of serving clusters of a region is a Poisson-binomial count, and regions are
 * independent given the bad change.
 */
import type { MetricValues, PreparedEngine } from './engine.js';

/**
 * local: some cluster of the region serves (its workloads are up). served: local, or (cross-region
 * failover) some other region has a cluster to spare: more than one serving cluster when that
 * region has users of its own, one when it has none.
 */
export function computeRegionService(prepared: PreparedEngine): MetricValues['regions'] {
  const t = prepared.topology;
  const out: MetricValues['regions'] = {};
  for (const r of t.regions) out[r.name] = { served: 0, local: 0 };
  // State m of the data-plane bad change: the clusters of its first m waves are hurt.
  prepared.badChanges.dataPlane.forEach((probability, m) => {
    if (!(probability > 0)) return;
    const hurt = (i: number): boolean => {
      const wave = prepared.waves[i] ?? 0;
      return wave > 0 && wave <= m;
    };
    // P(no serving cluster) and P(at most one serving cluster), per region.
    const none = new Map<string, number>();
    const atMostOne = new Map<string, number>();
    for (const r of t.regions) {
      let p0 = 0;
      let p1 = 0;
      const members = t.clusters.flatMap((c, i) => (c.region === r.name ? [i] : []));
      (prepared.conditions.get(r.name) ?? []).forEach((condition, k) => {
        let zero = 1;
        let one = 0;
        for (const i of members) {
          const up = hurt(i) ? 0 : (prepared.clusters[i]?.workloads[k] ?? 0);
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
      metrics.local += probability * (1 - localDown);
      metrics.served += probability * (1 - localDown * noSpare);
    }
  });
  return out;
}
