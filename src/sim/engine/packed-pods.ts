/**
 * Packed placement with eviction (docs/model.md, Timers): the load sits on `workersNeeded`
 * carrying workers. A carrying worker that goes down strands its pods; if it comes back first it
 * carries again; after `nodeMonitorGrace + podEviction` its load moves to the first up spare
 * worker, at the first instant when api and scheduling (with their timers) are up. The state is
 * kept incrementally (packed-state.ts): an evaluation costs O(zones + workers changed since the
 * last one + workers stranded), not O(workers).
 */
import {
  CLUSTER_PREDICATES,
  P_API,
  P_SCHEDULING,
  SLOTS_PER_CLUSTER,
  SLOT_EVICT,
  type ClusterModel,
} from '../model/sim-model.js';
import type { PackedState } from './packed-state.js';
import type { TrialState } from './trial-state.js';

/**
 * Whether every carrying worker is up after moving what can be moved now. Carrying workers are
 * handled in index order, each taking the first up spare (the order of docs/model.md).
 */
export function packedCarriersUp(s: TrialState, c: ClusterModel, ci: number, t: number): boolean {
  const m = s.model;
  const ps = s.packed;
  const wb = s.workerBase[ci] ?? 0;
  followChanges(s, ps, c, ci, wb, t);
  const evict = m.timers.evict;
  const cp = ci * CLUSTER_PREDICATES;
  const canReplace = s.timed[cp + P_API] === 1 && s.timed[cp + P_SCHEDULING] === 1;
  let nextDue = Infinity;
  for (let k = 0; k < (ps.strandedCount[ci] ?? 0);) {
    const w = ps.strandedList[wb + k] ?? 0;
    const due = (ps.strandedSince[wb + w] ?? t) + evict;
    if (due > t) {
      if (due < nextDue) nextDue = due;
      k++;
      continue;
    }
    const v = canReplace ? ps.firstSpareUp(ci) : -1;
    if (v < 0) {
      k++;
      continue;
    }
    // The load of w moves to v: w becomes a spare (down, so not an up one), v carries.
    ps.carrying[wb + w] = 0;
    ps.strandedSince[wb + w] = -1;
    ps.carrying[wb + v] = 1;
    ps.setSpareUp(ci, v, false);
    ps.removeStrandedAt(ci, k);
  }
  const stranded = ps.strandedCount[ci] ?? 0;
  s.stranded[ci] = stranded;
  s.heap.set(m.clusterSlotBase + ci * SLOTS_PER_CLUSTER + SLOT_EVICT, nextDue);
  return Math.min(c.workersNeeded, c.workerNode.length) - stranded >= c.workersNeeded;
}

// --- internal ---

/**
 * Brings the stranded list and the up spares up to date with the workers whose node or zone
 * changed since the cluster's last evaluation: a carrying worker found down is stranded from now,
 * one found up carries again.
 */
function followChanges(
  s: TrialState,
  ps: PackedState,
  c: ClusterModel,
  ci: number,
  wb: number,
  t: number,
): void {
  for (let z = 0; z < c.zoneCount; z++) {
    const cz = c.clusterZoneBase + z;
    const ok = s.zoneOk[c.zoneBase + z] ?? 0;
    if (ps.zoneSeen[cz] === ok) continue;
    ps.zoneSeen[cz] = ok;
    const end = ps.zoneWorkerStart[cz + 1] ?? 0;
    for (let i = ps.zoneWorkerStart[cz] ?? 0; i < end; i++)
      ps.markDirty(ci, wb + (ps.zoneWorkerList[i] ?? 0));
  }
  const n = ps.dirtyCount[ci] ?? 0;
  if (n === 0) return;
  const { down, zoneOk } = s;
  for (let k = 0; k < n; k++) {
    const g = ps.dirtyList[wb + k] ?? 0;
    ps.dirty[g] = 0;
    const w = g - wb;
    const up =
      down[c.workerNode[w] ?? 0] === 0 && zoneOk[c.zoneBase + (c.workerZone[w] ?? 0)] === 1;
    if (ps.carrying[g] === 0) ps.setSpareUp(ci, w, up);
    else if (up && (ps.strandedSince[g] ?? -1) >= 0) {
      ps.strandedSince[g] = -1;
      ps.removeStranded(ci, w);
    } else if (!up && (ps.strandedSince[g] ?? -1) < 0) {
      ps.strandedSince[g] = t;
      ps.addStranded(ci, w);
    }
  }
  ps.dirtyCount[ci] = 0;
}
