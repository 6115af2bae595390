/**
 * The predicates of docs/model.md as functions of a trial's state. `evaluateCluster` computes
 * the instantaneous values (what the exact engine sees) and then the timed ones (leader lease,
 * endpoint failover, pod eviction), and records every change with the cause being handled.
 */
import { evaluateRegions } from './evaluate-regions.js';
import { evaluateWorkers } from './evaluate-workers.js';
import { setTimed, setZero } from './record-predicate.js';
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
  R_LOCAL,
  R_SERVED,
  SLOTS_PER_CLUSTER,
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
