/** The region predicates (local, served) from the clusters' data planes (workloads). */
import {
  CLUSTER_PREDICATES,
  P_WORKLOADS,
  REGION_PREDICATES,
  R_LOCAL,
  R_SERVED,
} from '../model/sim-model.js';
import { setTimed, setZero } from './record-predicate.js';
import type { TrialState } from './trial-state.js';

/**
 * Region predicates from the clusters' workloads (zero and timed): a cluster serves while its
 * data plane is up, whatever its API does. local: some cluster of the region serves. served:
 * local, or (cross-region failover) another region has a cluster to spare: two serving clusters
 * when it has users of its own, one when not.
 */
export function evaluateRegions(s: TrialState): void {
  const m = s.model;
  const base = m.clusters.length * CLUSTER_PREDICATES;
  const R = m.regionNames.length;
  const up = s.regionUp;
  for (let pass = 0; pass < 2; pass++) {
    const v = pass === 0 ? s.zero : s.timed;
    for (let r = 0; r < R; r++) {
      let count = 0;
      const end = m.regionClusterStart[r + 1] ?? 0;
      for (let i = m.regionClusterStart[r] ?? 0; i < end; i++) {
        const q = (m.regionClusterList[i] ?? 0) * CLUSTER_PREDICATES;
        if (v[q + P_WORKLOADS] === 1) count++;
      }
      up[r] = count;
    }
    for (let r = 0; r < R; r++) {
      const p = base + r * REGION_PREDICATES;
      const local = (up[r] ?? 0) > 0;
      let served = local;
      if (!served && m.crossRegion) {
        for (let o = 0; o < R && !served; o++) {
          if (o !== r && (up[o] ?? 0) >= (m.regionHasUsers[o] === 1 ? 2 : 1)) served = true;
        }
      }
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
