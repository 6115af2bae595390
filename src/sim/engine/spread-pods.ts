/**
 * Spread placement with eviction (docs/model.md, Timers): replicas are spread over every worker,
 * so surviving replicas absorb single node losses (workloads is then the instantaneous
 * predicate). A zone holding workers of the cluster that goes down (a zone outage or a blackout)
 * strands that zone's pods: workloads is down until `nodeMonitorGrace + podEviction` has passed
 * and api and scheduling (with their timers) are up — the pods are then rescheduled onto the
 * surviving workers — or until the zone is back, whichever comes first. O(zones).
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

const UP = 0;
const STRANDED = 1;
const RESCHEDULED = 2;

/**
 * Whether no zone's pods wait to be rescheduled, after rescheduling what can be now.
 * @param zonesChanged zones may have gone down or come back since the last call
 */
export function spreadPodsPlaced(
  s: TrialState,
  c: ClusterModel,
  ci: number,
  zonesChanged: boolean,
  t: number,
): boolean {
  const base = c.clusterZoneBase;
  let stranded = s.stranded[ci] ?? 0;
  if (zonesChanged) {
    stranded = 0;
    for (let z = 0; z < c.zoneCount; z++) {
      if ((c.zoneWorkers[z] ?? 0) === 0) continue;
      const k = base + z;
      if (s.zoneOk[c.zoneBase + z] === 1) s.strand[k] = UP;
      else if (s.strand[k] === UP) {
        s.strand[k] = STRANDED;
        s.strandSince[k] = t;
      }
      if (s.strand[k] === STRANDED) stranded++;
    }
  }
  if (stranded === 0) {
    s.stranded[ci] = 0;
    return true;
  }
  const m = s.model;
  const cp = ci * CLUSTER_PREDICATES;
  const canReschedule = s.timed[cp + P_API] === 1 && s.timed[cp + P_SCHEDULING] === 1;
  let nextDue = Infinity;
  for (let z = 0; z < c.zoneCount; z++) {
    const k = base + z;
    if (s.strand[k] !== STRANDED) continue;
    const due = (s.strandSince[k] ?? t) + m.timers.evict;
    if (due > t) {
      if (due < nextDue) nextDue = due;
    } else if (canReschedule) {
      s.strand[k] = RESCHEDULED;
      stranded--;
    }
  }
  s.stranded[ci] = stranded;
  s.heap.set(m.clusterSlotBase + ci * SLOTS_PER_CLUSTER + SLOT_EVICT, nextDue);
  return stranded === 0;
}
