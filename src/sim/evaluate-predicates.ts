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
  ENDPOINT_SINGLE,
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
  type ClusterModel,
} from './sim-model.js';
import type { TrialState } from './trial-state.js';

/** Re-evaluates cluster ci after a change of the parts in `mask`, then its region's predicates. */
export function evaluateCluster(s: TrialState, ci: number, mask: number): void {
  const m = s.model;
  const c = m.clusters[ci];
  if (c === undefined) return;
  const p = ci * CLUSTER_PREDICATES;
  let served = false;
  if ((mask & MASK_CONTROL) !== 0) served = evaluateControl(s, c, ci);
  else if ((mask & MASK_TIMERS) !== 0) {
    // A lease or failover timer ran out: only the timed api and scheduling can change.
    served = timedControl(s, c, ci, s.zero[p + P_API] === 1, false);
  }
  // Eviction waits for api and scheduling: re-evaluate stranded workers after control changes.
  if ((mask & MASK_WORKERS) !== 0 || (m.timers.evict > 0 && s.stranded[ci] !== 0)) {
    served = evaluateWorkers(s, ci, (mask & MASK_WORKERS) !== 0, s.now) || served;
  }
  if (served) {
    if (m.singleCluster) singleClusterRegion(s, p);
    else evaluateRegions(s);
  }
}

// --- internal ---

/** What the masters' loop finds (bit flags, so the loop stays a small function of its own). */
const REACHED = 1;
const LEADER_POSSIBLE = 2;
const LOST_SERVING = 4;

/** etcdQuorum, api and scheduling, instantaneous and timed; true when api changed. */
function evaluateControl(s: TrialState, c: ClusterModel, ci: number): boolean {
  const p = ci * CLUSTER_PREDICATES;
  const quorumSide = s.quorumBad[ci] === 0 ? countMembers(s, c, ci) : markMembers(s, c, ci);
  const found = serveMasters(s, c, ci, quorumSide);
  const api = endpointOk(s, c) && (found & REACHED) !== 0 && s.apiBad[ci] === 0;
  setZero(s, p + P_QUORUM, quorumSide >= 0);
  let served = setZero(s, p + P_API, api);
  setZero(s, p + P_SCHEDULING, api && (found & LEADER_POSSIBLE) !== 0);
  setTimed(s, p + P_QUORUM, quorumSide >= 0);
  served = timedControl(s, c, ci, api, (found & LOST_SERVING) !== 0) || served;
  return served;
}

/** Marks which etcd members are up; returns the partition side holding quorum, or -1. */
function countMembers(s: TrialState, c: ClusterModel, ci: number): number {
  const counts = s.sideCount;
  for (let z = 0; z < c.zoneCount; z++) counts[z] = 0;
  const side = s.side;
  const base = c.zoneBase;
  const mb = s.memberBase[ci] ?? 0;
  const memberZone = c.memberZone;
  const members = memberZone.length;
  for (let k = 0; k < members; k++) {
    if (!memberUp(s, c, k)) {
      s.memberUp[mb + k] = 0;
      continue;
    }
    s.memberUp[mb + k] = 1;
    const sd = side[base + (memberZone[k] ?? 0)] ?? 0;
    counts[sd] = (counts[sd] ?? 0) + 1;
  }
  let quorumSide = -1;
  for (let z = 0; z < c.zoneCount; z++) if ((counts[z] ?? 0) >= c.quorum) quorumSide = z;
  return quorumSide;
}

/** Marks which etcd members are up when quorum is lost anyway (bad restore, lost data): -1. */
function markMembers(s: TrialState, c: ClusterModel, ci: number): number {
  const mb = s.memberBase[ci] ?? 0;
  for (let k = 0; k < c.memberZone.length; k++) s.memberUp[mb + k] = memberUp(s, c, k) ? 1 : 0;
  return -1;
}

function memberUp(s: TrialState, c: ClusterModel, k: number): boolean {
  const down = s.down;
  return (
    down[c.memberNode[k] ?? 0] === 0 &&
    down[c.etcdProc[k] ?? 0] === 0 &&
    down[c.disk[k] ?? 0] === 0 &&
    s.zoneOk[c.zoneBase + (c.memberZone[k] ?? 0)] === 1
  );
}

/** Marks which apiservers serve and which masters may lead; returns REACHED | … flags. */
function serveMasters(s: TrialState, c: ClusterModel, ci: number, quorumSide: number): number {
  const { down, zoneOk, side } = s;
  const { masterNode, apiProc, ctrlProc, masterZone, endpoint, stacked } = c;
  const base = c.zoneBase;
  const mb = s.memberBase[ci] ?? 0;
  const xb = s.masterBase[ci] ?? 0;
  const endpointSide = c.endpointZone >= 0 ? (side[base + c.endpointZone] ?? -1) : -1;
  const anyReaches = endpoint === ENDPOINT_ANY || endpoint === ENDPOINT_CLOUD;
  let found = 0;
  for (let i = 0; i < masterNode.length; i++) {
    const z = base + (masterZone[i] ?? 0);
    const serving =
      quorumSide >= 0 &&
      side[z] === quorumSide &&
      down[masterNode[i] ?? 0] === 0 &&
      down[apiProc[i] ?? 0] === 0 &&
      zoneOk[z] === 1 &&
      (!stacked || s.memberUp[mb + i] === 1);
    if (!serving && s.serving[xb + i] === 1) found |= LOST_SERVING;
    s.serving[xb + i] = serving ? 1 : 0;
    const eligible = serving && down[ctrlProc[i] ?? 0] === 0;
    s.eligible[xb + i] = eligible ? 1 : 0;
    if (eligible) found |= LEADER_POSSIBLE;
    if (serving && anyReaches) found |= REACHED;
    else if (serving && endpoint === ENDPOINT_KEEPALIVED && side[z] === endpointSide)
      found |= REACHED;
  }
  if (endpoint === ENDPOINT_SINGLE) {
    // A single-master endpoint reaches only its pinned master.
    found &= ~REACHED;
    if (c.pinned >= 0 && s.serving[xb + c.pinned] === 1) found |= REACHED;
  }
  return found;
}

/** The endpoint itself (load balancer, keepalived pair) is up. */
function endpointOk(s: TrialState, c: ClusterModel): boolean {
  const down = s.down;
  if (c.endpoint === ENDPOINT_CLOUD)
    return down[c.lb[0] ?? 0] === 0 && down[s.model.regionElement[c.region] ?? 0] === 0;
  if (c.endpoint === ENDPOINT_KEEPALIVED)
    return (
      s.zoneOk[c.zoneBase + c.endpointZone] === 1 &&
      (down[c.lb[0] ?? 0] === 0 || down[c.lb[1] ?? 0] === 0)
    );
  return true;
}

/** One cluster in one region: local and served are its api and workloads. */
function singleClusterRegion(s: TrialState, p: number): void {
  const r = s.model.clusters.length * CLUSTER_PREDICATES;
  const zero = s.zero[p + P_API] === 1 && s.zero[p + P_WORKLOADS] === 1;
  const timed = s.timed[p + P_API] === 1 && s.timed[p + P_WORKLOADS] === 1;
  setZero(s, r + R_LOCAL, zero);
  setZero(s, r + R_SERVED, zero);
  setTimed(s, r + R_LOCAL, timed);
  setTimed(s, r + R_SERVED, timed);
}

/**
 * api and scheduling with the endpoint-failover and lease timers.
 * @param lostServing an apiserver just stopped serving (the load balancer still sends to it)
 */
function timedControl(
  s: TrialState,
  c: ClusterModel,
  ci: number,
  api: boolean,
  lostServing: boolean,
): boolean {
  const m = s.model;
  const t = s.now;
  const p = ci * CLUSTER_PREDICATES;
  const xb = s.masterBase[ci] ?? 0;
  const slots = m.clusterSlotBase + ci * SLOTS_PER_CLUSTER;
  if (lostServing && c.failoverHours > 0) {
    const until = t + c.failoverHours;
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
    if ((s.electAt[ci] ?? 0) <= t) leader = firstEligible(s, xb, c.masterNode.length);
    else s.heap.set(slots + SLOT_LEASE, s.electAt[ci] ?? 0);
  }
  s.leader[ci] = leader;
  const changed = setTimed(s, p + P_API, apiTimed);
  setTimed(s, p + P_SCHEDULING, apiTimed && leader >= 0);
  return changed;
}

/** The first eligible master of the cluster whose masters start at xb, or -1. */
function firstEligible(s: TrialState, xb: number, masters: number): number {
  for (let i = 0; i < masters; i++) if (s.eligible[xb + i] === 1) return i;
  return -1;
}
