/**
 * workloads of one cluster (docs/model.md): instantaneous — enough workers effectively up and no
 * data-plane bad change — and timed, with pod eviction after `nodeMonitorGrace + podEviction`,
 * which depends on the placement (spread-pods.ts, packed-pods.ts).
 */
import { packedCarriersUp } from './packed-pods.js';
import { setTimed, setZero } from './record-predicate.js';
import { CLUSTER_PREDICATES, P_WORKLOADS } from '../model/sim-model.js';
import { spreadPodsPlaced } from './spread-pods.js';
import type { TrialState } from './trial-state.js';

/**
 * Re-evaluates workloads of cluster ci; true when either of its values changed.
 * @param workersChanged workers, zones or a data-plane bad change changed (else only api or
 *   scheduling did, which matters to pods waiting to be moved)
 */
export function evaluateWorkers(
  s: TrialState,
  ci: number,
  workersChanged: boolean,
  t: number,
): boolean {
  const m = s.model;
  const c = m.clusters[ci];
  if (c === undefined) return false;
  const p = ci * CLUSTER_PREDICATES + P_WORKLOADS;
  let changed = false;
  if (workersChanged) {
    changed = setZero(s, p, s.workersUp(c) >= c.workersNeeded && s.dataBad[ci] === 0);
    if (changed) s.regionUpZero[c.region] = (s.regionUpZero[c.region] ?? 0) + upDelta(s.zero, p);
  }
  let up = s.zero[p] === 1;
  if (m.timers.evict > 0) {
    const placed = c.spread
      ? spreadPodsPlaced(s, c, ci, workersChanged, t)
      : packedCarriersUp(s, c, ci, t);
    up = up && placed;
  }
  if (!setTimed(s, p, up)) return changed;
  s.regionUpTimed[c.region] = (s.regionUpTimed[c.region] ?? 0) + upDelta(s.timed, p);
  return true;
}

/** +1 when predicate p just came up, -1 when it just went down. */
function upDelta(values: Uint8Array, p: number): number {
  return values[p] === 1 ? 1 : -1;
}
