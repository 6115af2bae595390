/** The region predicates (local, served) from the clusters' data planes (workloads). */
import { CLUSTER_PREDICATES, REGION_PREDICATES, R_LOCAL, R_SERVED } from '../model/sim-model.js';
import { setTimed, setZero } from './record-predicate.js';
import type { TrialState } from './trial-state.js';

/**
 * Region predicates from the clusters' workloads (zero and timed): a cluster serves while its
 * data plane is up, whatever its API does. local: some cluster of the region serves. served:
 * local, or (cross-region failover) another region has a cluster to spare: two serving clusters
 * when it has users of its own, one when not. From the per-region counts of serving clusters
 * (trial-state.ts), O(regions).
 */
export function evaluateRegions(s: TrialState): void {
  const m = s.model;
  const base = m.clusters.length * CLUSTER_PREDICATES;
  const R = m.regionNames.length;
  for (let pass = 0; pass < 2; pass++) {
    const up = pass === 0 ? s.regionUpZero : s.regionUpTimed;
    // Regions with a cluster to spare for another region's users.
    let spares = 0;
    if (m.crossRegion) for (let o = 0; o < R; o++) if (hasSpare(s, up, o)) spares++;
    for (let r = 0; r < R; r++) {
      const p = base + r * REGION_PREDICATES;
      const local = (up[r] ?? 0) > 0;
      const served = local || (m.crossRegion && spares - (hasSpare(s, up, r) ? 1 : 0) > 0);
      if (pass === 0) {
        setZero(s, p + R_LOCAL, local);
        setZero(s, p + R_SERVED, served);
      } else {
        setTimed(s, p + R_LOCAL, local);
        setTimed(s, p + R_SERVED, served);
      }
    }
  }
}

/** Whether region o has a serving cluster to spare: two when it has users, one when not. */
function hasSpare(s: TrialState, up: Int32Array, o: number): boolean {
  return (up[o] ?? 0) >= (s.model.regionHasUsers[o] === 1 ? 2 : 1);
}
