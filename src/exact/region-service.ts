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
  const sums = t.regions.map((r) => {
    let held = prepared.regionSums.get(r.name);
    if (held === undefined) {
      const members = t.clusters.flatMap((c, i) => (c.region === r.name ? [i] : []));
      held = regionSums(prepared, r.name, members);
      prepared.regionSums.set(r.name, held);
    }
    return held;
  });
  // State m of the data-plane bad change: the clusters of its first m waves are hurt.
  prepared.badChanges.dataPlane.forEach((probability, m) => {
    if (!(probability > 0)) return;
    t.regions.forEach((r, ri) => {
      const localDown = sums[ri]?.none[m] ?? 1;
      let noSpare = 1;
      if (t.failover === 'cross-region') {
        t.regions.forEach((s, si) => {
          if (si !== ri) noSpare *= (s.users > 0 ? sums[si]?.atMostOne[m] : sums[si]?.none[m]) ?? 1;
        });
      }
      const metrics = out[r.name];
      if (metrics === undefined) return;
      metrics.local += probability * (1 - localDown);
      metrics.served += probability * (1 - localDown * noSpare);
    });
  });
  return out;
}

/** P(no serving cluster) and P(at most one serving cluster) of a region, per data-plane state. */
export interface RegionSums {
  none: Float64Array;
  atMostOne: Float64Array;
}

// --- internal ---

function regionSums(prepared: PreparedEngine, region: string, members: number[]): RegionSums {
  const states = prepared.av.badChanges.dataPlane.length;
  const out = { none: new Float64Array(states), atMostOne: new Float64Array(states) };
  const conditions = prepared.conditions.get(region) ?? [];
  for (let m = 0; m < states; m++) {
    let p0 = 0;
    let p1 = 0;
    for (let k = 0; k < conditions.length; k++) {
      let zero = 1;
      let one = 0;
      for (const i of members) {
        const wave = prepared.waves[i] ?? 0;
        const hurt = wave > 0 && wave <= m;
        const up = hurt ? 0 : (prepared.clusters[i]?.workloads[k] ?? 0);
        one = one * (1 - up) + zero * up;
        zero *= 1 - up;
      }
      const p = conditions[k]?.probability ?? 0;
      p0 += p * zero;
      p1 += p * (zero + one);
    }
    out.none[m] = p0;
    out.atMostOne[m] = p1;
  }
  return out;
}
