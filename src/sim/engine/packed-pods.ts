/**
 * Packed placement with eviction (docs/model.md, Timers): the load sits on `workersNeeded`
 * carrying workers. A carrying worker that goes down strands its pods; if it comes back first it
 * carries again; after `nodeMonitorGrace + podEviction` its load moves to the first up spare
 * worker, at the first instant when api and scheduling (with their timers) are up.
 */
import {
  CLUSTER_PREDICATES,
  P_API,
  P_SCHEDULING,
  SLOTS_PER_CLUSTER,
  SLOT_EVICT,
  type ClusterModel,
} from '../model/sim-model.js';
import type { TrialState } from './trial-state.js';

/** Whether every carrying worker is up after moving what can be moved now (O(workers)). */
export function packedCarriersUp(s: TrialState, c: ClusterModel, ci: number, t: number): boolean {
  const m = s.model;
  const evict = m.timers.evict;
  const { down, zoneOk } = s;
  const n = c.workerNode.length;
  const wb = s.workerBase[ci] ?? 0;
  const cp = ci * CLUSTER_PREDICATES;
  const canReplace = s.timed[cp + P_API] === 1 && s.timed[cp + P_SCHEDULING] === 1;
  let carryingUp = 0;
  let stranded = 0;
  let nextDue = Infinity;
  for (let w = 0; w < n; w++) {
    if (s.carrying[wb + w] !== 1) continue;
    const up =
      down[c.workerNode[w] ?? 0] === 0 && zoneOk[c.zoneBase + (c.workerZone[w] ?? 0)] === 1;
    if (up) {
      s.strandedSince[wb + w] = -1;
      carryingUp++;
      continue;
    }
    if ((s.strandedSince[wb + w] ?? -1) < 0) s.strandedSince[wb + w] = t;
    stranded++;
    const due = (s.strandedSince[wb + w] ?? t) + evict;
    if (due > t) {
      if (due < nextDue) nextDue = due;
      continue;
    }
    if (!canReplace) continue;
    for (let v = 0; v < n; v++) {
      if (
        s.carrying[wb + v] === 0 &&
        down[c.workerNode[v] ?? 0] === 0 &&
        zoneOk[c.zoneBase + (c.workerZone[v] ?? 0)] === 1
      ) {
        s.carrying[wb + w] = 0;
        s.strandedSince[wb + w] = -1;
        s.carrying[wb + v] = 1;
        carryingUp++;
        stranded--;
        break;
      }
    }
  }
  s.stranded[ci] = stranded;
  s.heap.set(m.clusterSlotBase + ci * SLOTS_PER_CLUSTER + SLOT_EVICT, nextDue);
  return carryingUp >= c.workersNeeded;
}
