/**
 * workloads of one cluster, instantaneous and with eviction: the load sits on `workersNeeded`
 * carrying workers; a carrying worker that goes down strands its pods until it returns or they
 * are moved to a spare (docs/model.md, Timers).
 */
import {
  CLUSTER_PREDICATES,
  P_API,
  P_SCHEDULING,
  P_WORKLOADS,
  SLOTS_PER_CLUSTER,
  SLOT_EVICT,
} from './sim-model.js';
import { setTimed, setZero } from './record-predicate.js';
import type { TrialState } from './trial-state.js';

/** workloads, instantaneous and with eviction: the load sits on `workersNeeded` carrying workers. */
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
  const down = s.down;
  const zoneOk = s.zoneOk;
  const n = c.workerNode.length;
  let changed = false;
  if (workersChanged) {
    let up = 0;
    for (let w = 0; w < n; w++) {
      if (down[c.workerNode[w] ?? 0] === 0 && zoneOk[c.zoneBase + (c.workerZone[w] ?? 0)] === 1)
        up++;
    }
    changed = setZero(s, p, up >= c.workersNeeded);
  }
  const evict = m.timers.evict;
  if (evict <= 0) return setTimed(s, p, s.zero[p] === 1) || changed;
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
  return setTimed(s, p, carryingUp >= c.workersNeeded) || changed;
}
