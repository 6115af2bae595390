/**
 * Regional service from the clusters' conditionals, by the data plane: given the shared state (a
 * region condition and the data-plane bad change's state) clusters are independent, so the
 * number of serving clusters of a region is a Poisson-binomial count, and regions are
 * independent given the bad change.
 */
import type { Topology } from '../model/topology.js';
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
  const members = regionMembers(t);
  const none = new Float64Array(t.regions.length);
  const atMostOne = new Float64Array(t.regions.length);
  // State m of the data-plane bad change: the clusters of its first m waves are hurt.
  prepared.badChanges.dataPlane.forEach((probability, m) => {
    if (!(probability > 0)) return;
    // P(no serving cluster) and P(at most one serving cluster), per region.
    t.regions.forEach((r, ri) => {
      let p0 = 0;
      let p1 = 0;
      const conditions = prepared.conditions.get(r.name) ?? [];
      const inRegion = members[ri] ?? [];
      for (let k = 0; k < conditions.length; k++) {
        let zero = 1;
        let one = 0;
        for (const i of inRegion) {
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
      none[ri] = p0;
      atMostOne[ri] = p1;
    });
    t.regions.forEach((r, ri) => {
      const localDown = none[ri] ?? 1;
      let noSpare = 1;
      if (t.failover === 'cross-region') {
        t.regions.forEach((s, si) => {
          if (si !== ri) noSpare *= (s.users > 0 ? atMostOne[si] : none[si]) ?? 1;
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

// --- internal ---

const membersOf = new WeakMap<Topology, number[][]>();

/** The indices of each region's clusters, in file order. */
function regionMembers(t: Topology): number[][] {
  let members = membersOf.get(t);
  if (members === undefined) {
    members = t.regions.map((r) => t.clusters.flatMap((c, i) => (c.region === r.name ? [i] : [])));
    membersOf.set(t, members);
  }
  return members;
}
