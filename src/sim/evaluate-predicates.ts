/**
 * The predicates of docs/model.md as functions of a trial's state. `evaluateCluster` computes
 * the instantaneous values (what the exact engine sees) and then the timed ones (leader lease,
 * endpoint failover, pod eviction), and records every change with the cause being handled.
 */
import { CAUSE_COUNT } from './failure-classes.js';
import {
  CLUSTER_PREDICATES,
  ENDPOINT_ANY,
  ENDPOINT_CLOUD,
  ENDPOINT_KEEPALIVED,
  MASK_CONTROL,
  MASK_TIMERS,
  MASK_WORKERS,
  P_API,
  P_QUORUM,
  P_SCHEDULING,
  P_WORKLOADS,
  REGION_PREDICATES,
  R_LOCAL,
  R_SERVED,
  SLOTS_PER_CLUSTER,
  SLOT_EVICT,
  SLOT_FAILOVER,
  SLOT_LEASE,
} from './sim-model.js';
import type { TrialState } from './trial-state.js';

/** Re-evaluates cluster ci after a change of the parts in `mask`, then its region's predicates. */
export function evaluateCluster(s: TrialState, ci: number, mask: number): void {
  const m = s.model;
  const c = m.clusters[ci];
  if (c === undefined) return;
  const down = s.down;
  const zoneOk = s.zoneOk;
  const side = s.side;
  const base = c.zoneBase;
  const p = ci * CLUSTER_PREDICATES;
  const t = s.now;
  let served = false;
  if ((mask & MASK_CONTROL) !== 0) {
    const counts = s.sideCount;
    for (let z = 0; z < c.zoneCount; z++) counts[z] = 0;
    const mb = s.memberBase[ci] ?? 0;
    const { memberNode, etcdProc, disk, memberZone, masterNode, apiProc, ctrlProc, masterZone } = c;
    const { memberUp, serving: servingOf, eligible: eligibleOf } = s;
    const members = memberNode.length;
    for (let k = 0; k < members; k++) {
      const z = base + (memberZone[k] ?? 0);
      const up =
        down[memberNode[k] ?? 0] === 0 &&
        down[etcdProc[k] ?? 0] === 0 &&
        down[disk[k] ?? 0] === 0 &&
        zoneOk[z] === 1;
      memberUp[mb + k] = up ? 1 : 0;
      if (up) {
        const sd = side[z] ?? 0;
        counts[sd] = (counts[sd] ?? 0) + 1;
      }
    }
    let quorumSide = -1;
    if (s.quorumBad[ci] === 0) {
      for (let z = 0; z < c.zoneCount; z++) if ((counts[z] ?? 0) >= c.quorum) quorumSide = z;
    }
    const endpointSide = c.endpointZone >= 0 ? (side[base + c.endpointZone] ?? -1) : -1;
    const masters = masterNode.length;
    const xb = s.masterBase[ci] ?? 0;
    const endpoint = c.endpoint;
    const stacked = c.stacked;
    let reached = false;
    let leaderPossible = false;
    let lostServing = false;
    for (let i = 0; i < masters; i++) {
      const z = base + (masterZone[i] ?? 0);
      const serving =
        quorumSide >= 0 &&
        side[z] === quorumSide &&
        down[masterNode[i] ?? 0] === 0 &&
        down[apiProc[i] ?? 0] === 0 &&
        zoneOk[z] === 1 &&
        (!stacked || memberUp[mb + i] === 1);
      if (!serving && servingOf[xb + i] === 1) lostServing = true;
      servingOf[xb + i] = serving ? 1 : 0;
      const eligible = serving && down[ctrlProc[i] ?? 0] === 0;
      eligibleOf[xb + i] = eligible ? 1 : 0;
      if (eligible) leaderPossible = true;
      if (serving && (endpoint === ENDPOINT_ANY || endpoint === ENDPOINT_CLOUD)) reached = true;
      else if (serving && endpoint === ENDPOINT_KEEPALIVED && side[z] === endpointSide)
        reached = true;
    }
    let endpointOk: boolean;
    if (c.endpoint === ENDPOINT_CLOUD) {
      endpointOk = down[c.lb[0] ?? 0] === 0 && down[m.regionElement[c.region] ?? 0] === 0;
    } else if (c.endpoint === ENDPOINT_KEEPALIVED) {
      endpointOk =
        zoneOk[base + c.endpointZone] === 1 &&
        (down[c.lb[0] ?? 0] === 0 || down[c.lb[1] ?? 0] === 0);
    } else if (c.endpoint === ENDPOINT_ANY) {
      endpointOk = true;
    } else {
      endpointOk = true;
      reached = c.pinned >= 0 && s.serving[xb + c.pinned] === 1;
    }
    const api = endpointOk && reached && s.apiBad[ci] === 0;
    setZero(s, p + P_QUORUM, quorumSide >= 0);
    served = setZero(s, p + P_API, api);
    setZero(s, p + P_SCHEDULING, api && leaderPossible);
    setTimed(s, p + P_QUORUM, quorumSide >= 0);
    served = timedControl(s, ci, api, t, lostServing) || served;
  } else if ((mask & MASK_TIMERS) !== 0) {
    // A lease or failover timer ran out: only the timed api and scheduling can change.
    served = timedControl(s, ci, s.zero[p + P_API] === 1, t, false);
  }
  // Eviction waits for api and scheduling: re-evaluate stranded workers after control changes.
  if ((mask & MASK_WORKERS) !== 0 || (m.timers.evict > 0 && s.stranded[ci] !== 0)) {
    served = evaluateWorkers(s, ci, (mask & MASK_WORKERS) !== 0, t) || served;
  }
  if (served) {
    if (m.singleCluster) {
      // One cluster in one region: local and served are its api and workloads.
      const r = m.clusters.length * CLUSTER_PREDICATES;
      const zero = s.zero[p + P_API] === 1 && s.zero[p + P_WORKLOADS] === 1;
      const timed = s.timed[p + P_API] === 1 && s.timed[p + P_WORKLOADS] === 1;
      setZero(s, r + R_LOCAL, zero);
      setZero(s, r + R_SERVED, zero);
      setTimed(s, r + R_LOCAL, timed);
      setTimed(s, r + R_SERVED, timed);
    } else evaluateRegions(s);
  }
}

/**
 * Region predicates from the clusters' api and workloads (zero and timed). local: some cluster
 * of the region is up (api and workloads). served: local, or (cross-region failover) another
 * region has a cluster to spare: two up clusters when it has users of its own, one when not.
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
        if (v[q + P_API] === 1 && v[q + P_WORKLOADS] === 1) count++;
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

// --- internal ---

/**
 * api and scheduling with the endpoint-failover and lease timers.
 * @param lostServing an apiserver just stopped serving (the load balancer still sends to it)
 */
function timedControl(
  s: TrialState,
  ci: number,
  api: boolean,
  t: number,
  lostServing: boolean,
): boolean {
  const m = s.model;
  const c = m.clusters[ci];
  if (c === undefined) return false;
  const p = ci * CLUSTER_PREDICATES;
  const xb = s.masterBase[ci] ?? 0;
  const masters = c.masterNode.length;
  const slots = m.clusterSlotBase + ci * SLOTS_PER_CLUSTER;
  if (lostServing && m.timers.failover > 0) {
    const until = t + m.timers.failover;
    if (until > (s.failoverUntil[ci] ?? 0)) {
      s.failoverUntil[ci] = until;
      s.heap.set(slots + SLOT_FAILOVER, until);
    }
  }
  const apiTimed = api && !((s.failoverUntil[ci] ?? 0) > t);
  let leader = s.leader[ci] ?? -1;
  if (leader >= 0 && s.eligible[xb + leader] !== 1) {
    leader = -1;
    s.electAt[ci] = t + m.timers.lease;
  }
  if (leader < 0) {
    if ((s.electAt[ci] ?? 0) <= t) {
      for (let i = 0; i < masters; i++) {
        if (s.eligible[xb + i] === 1) {
          leader = i;
          break;
        }
      }
    } else s.heap.set(slots + SLOT_LEASE, s.electAt[ci] ?? 0);
  }
  s.leader[ci] = leader;
  const changed = setTimed(s, p + P_API, apiTimed);
  setTimed(s, p + P_SCHEDULING, apiTimed && leader >= 0);
  return changed;
}

/** workloads, instantaneous and with eviction: the load sits on `workersNeeded` carrying workers. */
function evaluateWorkers(s: TrialState, ci: number, workersChanged: boolean, t: number): boolean {
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

function setZero(s: TrialState, p: number, up: boolean): boolean {
  const v = up ? 1 : 0;
  if (s.zero[p] === v) return false;
  s.zero[p] = v;
  if (up) s.downHoursZero[p] = (s.downHoursZero[p] ?? 0) + (s.now - (s.downSinceZero[p] ?? 0));
  else s.downSinceZero[p] = s.now;
  return true;
}

function setTimed(s: TrialState, p: number, up: boolean): boolean {
  const v = up ? 1 : 0;
  if (s.timed[p] === v) return false;
  s.timed[p] = v;
  if (up) {
    const d = s.now - (s.downSince[p] ?? 0);
    s.downHours[p] = (s.downHours[p] ?? 0) + d;
    const k = p * CAUSE_COUNT + (s.outageCause[p] ?? 0);
    s.causeHours[k] = (s.causeHours[k] ?? 0) + d;
    s.pushDuration(p, d);
  } else {
    s.downSince[p] = s.now;
    s.outages[p] = (s.outages[p] ?? 0) + 1;
    s.outageCause[p] = s.cause;
    const k = p * CAUSE_COUNT + s.cause;
    s.causeCount[k] = (s.causeCount[k] ?? 0) + 1;
  }
  if (s.transitions !== null)
    s.transitions.push({ hours: s.now, predicate: p, up, cause: s.cause });
  return true;
}

/** Closes the outages still open at the horizon (their durations are truncated there). */
export function closeOutages(s: TrialState): void {
  for (let p = 0; p < s.predicateCount; p++) {
    if (s.zero[p] === 0)
      s.downHoursZero[p] = (s.downHoursZero[p] ?? 0) + (s.now - (s.downSinceZero[p] ?? 0));
    if (s.timed[p] === 0) {
      const d = s.now - (s.downSince[p] ?? 0);
      s.downHours[p] = (s.downHours[p] ?? 0) + d;
      const k = p * CAUSE_COUNT + (s.outageCause[p] ?? 0);
      s.causeHours[k] = (s.causeHours[k] ?? 0) + d;
      s.pushDuration(p, d);
    }
  }
}
