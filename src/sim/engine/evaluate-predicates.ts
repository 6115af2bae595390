/**
 * The predicates of docs/model.md as functions of a trial's state. `evaluateCluster` computes
 * the instantaneous values (what the exact engine sees) and then the timed ones (leader lease,
 * endpoint failover, pod eviction), and records every change with the cause being handled. A
 * cluster whose maintenance step waits for health starts it here, at the first healthy instant.
 */
import { evaluateRegions } from './evaluate-regions.js';
import { ROLE_API, ROLE_CTRL, ROLE_MASTER_NODE, ROLE_MEMBER, ROLE_OTHER } from './gate-state.js';
import { evaluateWorkers } from './evaluate-workers.js';
import { startWaitingStep } from './maintenance.js';
import { setFailShare, setTimed, setZero } from './record-predicate.js';
import {
  CLUSTER_PREDICATES,
  ENDPOINT_CLOUD,
  ENDPOINT_DNS,
  ENDPOINT_KEEPALIVED,
  ENDPOINT_SINGLE,
  MASK_CONTROL,
  MASK_TIMERS,
  MASK_WORKERS,
  P_API,
  P_QUORUM,
  P_SCHEDULING,
  P_WORKLOADS,
  SLOTS_PER_CLUSTER,
  SLOT_FAILOVER,
  SLOT_LEASE,
  type ClusterModel,
} from '../model/sim-model.js';
import type { TrialState } from './trial-state.js';

/** Re-evaluates cluster ci after a change of the parts in `mask`, then its region's predicates. */
export function evaluateCluster(s: TrialState, ci: number, mask: number): void {
  const m = s.model;
  const c = m.clusters[ci];
  if (c === undefined) return;
  const cause = s.cause;
  const event = s.event;
  // A waiting step starts as soon as the cluster is healthy: re-checked on control changes only.
  if ((mask & MASK_CONTROL) !== 0 && (s.maintDue[ci] ?? -1) >= 0) startWaitingStep(s, ci);
  if ((mask & MASK_CONTROL) !== 0) evaluateControl(s, c, ci);
  else if ((mask & MASK_TIMERS) !== 0) {
    // A lease or failover timer ran out: only the timed api and scheduling can change.
    timedControl(s, c, ci, s.zero[ci * CLUSTER_PREDICATES + P_API] === 1);
  }
  // Eviction waits for api and scheduling: re-evaluate stranded pods after control changes.
  let workloads = false;
  if ((mask & MASK_WORKERS) !== 0 || (m.timers.evict > 0 && s.stranded[ci] !== 0)) {
    workloads = evaluateWorkers(s, ci, (mask & MASK_WORKERS) !== 0, s.now);
  }
  // Regions are served by the data plane: only a change of workloads moves them.
  if (workloads) {
    if (m.singleCluster) singleClusterRegion(s, ci * CLUSTER_PREDICATES);
    else evaluateRegions(s);
  }
  s.cause = cause;
  s.event = event;
}

// --- internal ---

/** What the masters' loop finds (bit flags, so the loop stays a small function of its own). */
const REACHED = 1;
const LEADER_POSSIBLE = 2;
/** etcd has quorum (the control plane's flags, with the masters'). */
const QUORUM = 4;
/** Where the endpoint reaches: nowhere (down), any side, or a partition side (≥ 0). */
const NO_ENDPOINT = -2;
const ANY_SIDE = -1;

/** etcdQuorum, api and scheduling, instantaneous and timed. */
function evaluateControl(s: TrialState, c: ClusterModel, ci: number): void {
  const p = ci * CLUSTER_PREDICATES;
  // keepalived reaches the sides of its up hosts (its check script moves the VIP to a host
  // whose HAProxy reaches a serving apiserver); the other kinds reach every side, or nothing.
  const keepalived = c.endpoint === ENDPOINT_KEEPALIVED;
  const reach = keepalived ? hostSide(s, c, 0) : endpointReach(s, c);
  const reach2 = keepalived ? hostSide(s, c, 1) : NO_ENDPOINT;
  let found = gatedMasters(s, c, ci, reach, reach2);
  if (found < 0) {
    const quorumSide = s.quorumBad[ci] === 0 ? countMembers(s, c, ci) : markMembers(s, c, ci);
    found = serveMasters(s, c, ci, quorumSide, reach, reach2) | (quorumSide >= 0 ? QUORUM : 0);
  }
  const quorum = (found & QUORUM) !== 0;
  const api = (found & REACHED) !== 0 && s.apiBad[ci] === 0;
  setZero(s, p + P_QUORUM, quorum);
  setZero(s, p + P_API, api);
  setZero(s, p + P_SCHEDULING, api && (found & LEADER_POSSIBLE) !== 0);
  setTimed(s, p + P_QUORUM, quorum);
  timedControl(s, c, ci, api);
}

/**
 * The shortcut of countMembers and serveMasters while every element of the health gate is up
 * but at most one, a master's node, apiserver or controllers or a member's node, etcd or disk
 * (the common case: most events are maintenance steps on a healthy cluster, or the failure or
 * repair of one process). Then every zone holding a master or member is up and on one partition
 * side (gate-state.ts: its zones are connected by its links, all up), and that one element alone
 * decides which members are up, which apiservers serve and which masters may lead. Marks them
 * exactly as those two functions do; returns their flags (with QUORUM), or -1 when the gate does
 * not hold so.
 */
function gatedMasters(
  s: TrialState,
  c: ClusterModel,
  ci: number,
  reach: number,
  reach2: number,
): number {
  const gate = s.gate;
  if (gate.shortcut[ci] !== 1 || s.quorumBad[ci] !== 0) return -1;
  const gateDown = gate.down[ci] ?? 0;
  const xb = s.masterBase[ci] ?? 0;
  // The master whose node, apiserver or controllers are down, the member down (-1: none).
  let node = -1;
  let api = -1;
  let ctrl = -1;
  let member = -1;
  if (gateDown === 1) {
    const e = gate.downXor[ci] ?? 0;
    const i = gate.roleIndex[e] ?? 0;
    switch (gate.role[e] ?? ROLE_OTHER) {
      case ROLE_MASTER_NODE:
        node = i;
        member = gate.memberOfMaster[xb + i] ?? -1;
        break;
      case ROLE_API:
        api = i;
        break;
      case ROLE_CTRL:
        ctrl = i;
        break;
      case ROLE_MEMBER:
        member = i;
        break;
      default:
        return -1;
    }
  } else if (gateDown !== 0) return -1;
  const mb = s.memberBase[ci] ?? 0;
  const members = c.memberNode.length;
  for (let k = 0; k < members; k++) s.memberUp[mb + k] = k === member ? 0 : 1;
  // The side of every gate zone; countMembers counts sides below the cluster's zone count.
  const side = s.side[c.zoneBase + (c.gateZones[0] ?? 0)] ?? 0;
  const quorum = members - (member >= 0 ? 1 : 0) >= c.quorum && side < c.zoneCount;
  const reached = reach === ANY_SIDE || side === reach || side === reach2;
  // A master drained for graceful maintenance stops serving without a failover gap.
  const drained = c.graceful ? (s.maintStep[ci] ?? -1) : -1;
  const stacked = c.stacked;
  let found = quorum ? QUORUM : 0;
  for (let i = 0; i < c.masterNode.length; i++) {
    // Stacked: member i is on master i's node (gate-state.ts), marked up above unless down.
    const serving = quorum && i !== node && i !== api && (!stacked || i !== member);
    if (!serving && s.serving[xb + i] === 1 && i !== drained && c.failoverHours > 0)
      s.staleLast[ci] = s.staleUntil[xb + i] = s.now + c.failoverHours;
    s.serving[xb + i] = serving ? 1 : 0;
    const eligible = serving && i !== ctrl;
    s.eligible[xb + i] = eligible ? 1 : 0;
    if (eligible) found |= LEADER_POSSIBLE;
    if (serving && reached) found |= REACHED;
  }
  if (c.endpoint === ENDPOINT_SINGLE) {
    found &= ~REACHED;
    if (c.pinned >= 0 && s.serving[xb + c.pinned] === 1) found |= REACHED;
  }
  return found;
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

/** A cloud, dns, local-proxy or single-master endpoint: NO_ENDPOINT when down, else ANY_SIDE. */
function endpointReach(s: TrialState, c: ClusterModel): number {
  const down = s.down;
  const m = s.model;
  switch (c.endpoint) {
    case ENDPOINT_CLOUD:
      return down[c.lb[0] ?? 0] === 0 &&
        down[m.regionElement[c.region] ?? 0] === 0 &&
        down[m.impairElement[c.region] ?? 0] === 0
        ? ANY_SIDE
        : NO_ENDPOINT;
    case ENDPOINT_DNS:
      return down[m.impairElement[c.region] ?? 0] === 0 ? ANY_SIDE : NO_ENDPOINT;
    default:
      // local-proxy (a proxy on every node) and single-master: no element of their own.
      return ANY_SIDE;
  }
}

/** The partition side of keepalived host h, or NO_ENDPOINT when it or its zone is down. */
function hostSide(s: TrialState, c: ClusterModel, h: number): number {
  const z = c.zoneBase + (c.hostZone[h] ?? 0);
  return s.down[c.lb[h] ?? 0] === 0 && s.zoneOk[z] === 1 ? (s.side[z] ?? 0) : NO_ENDPOINT;
}

/**
 * Marks which apiservers serve and which masters may lead; returns REACHED | … flags.
 * @param reach where the endpoint reaches (NO_ENDPOINT, ANY_SIDE or a side); reach2 a second side
 */
function serveMasters(
  s: TrialState,
  c: ClusterModel,
  ci: number,
  quorumSide: number,
  reach: number,
  reach2: number,
): number {
  const { down, zoneOk, side } = s;
  const { masterNode, apiProc, ctrlProc, masterZone, stacked } = c;
  const base = c.zoneBase;
  const mb = s.memberBase[ci] ?? 0;
  const xb = s.masterBase[ci] ?? 0;
  // A master drained for graceful maintenance stops serving without a failover gap.
  const drained = c.graceful ? (s.maintStep[ci] ?? -1) : -1;
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
    // The endpoint keeps sending to an apiserver that stopped (not drained) for its failover time.
    if (!serving && s.serving[xb + i] === 1 && i !== drained && c.failoverHours > 0)
      s.staleLast[ci] = s.staleUntil[xb + i] = s.now + c.failoverHours;
    s.serving[xb + i] = serving ? 1 : 0;
    const eligible = serving && down[ctrlProc[i] ?? 0] === 0;
    s.eligible[xb + i] = eligible ? 1 : 0;
    if (eligible) found |= LEADER_POSSIBLE;
    if (serving && (reach === ANY_SIDE || side[z] === reach || side[z] === reach2))
      found |= REACHED;
  }
  if (c.endpoint === ENDPOINT_SINGLE) {
    // A single-master endpoint reaches only its pinned master.
    found &= ~REACHED;
    if (c.pinned >= 0 && s.serving[xb + c.pinned] === 1) found |= REACHED;
  }
  return found;
}

/** One cluster in one region: local and served are its workloads (the data plane). */
function singleClusterRegion(s: TrialState, p: number): void {
  const r = s.model.clusters.length * CLUSTER_PREDICATES;
  const zero = s.zero[p + P_WORKLOADS] === 1;
  const timed = s.timed[p + P_WORKLOADS] === 1;
  setZero(s, r, zero);
  setZero(s, r + 1, zero);
  setTimed(s, r, timed);
  setTimed(s, r + 1, timed);
}

/**
 * api and scheduling with the endpoint-failover and lease timers. A failover gap fails only the
 * requests the endpoint still sends to stopped apiservers — a share stale / (serving + stale) —
 * so it counts as partial downtime, not as an outage (docs/model.md, Timers); the controllers use
 * their local apiserver, so scheduling is not affected by the gap.
 */
function timedControl(s: TrialState, c: ClusterModel, ci: number, api: boolean): void {
  const m = s.model;
  const t = s.now;
  const p = ci * CLUSTER_PREDICATES;
  const xb = s.masterBase[ci] ?? 0;
  const slots = m.clusterSlotBase + ci * SLOTS_PER_CLUSTER;
  let leader = s.leader[ci] ?? -1;
  if (leader >= 0 && s.eligible[xb + leader] !== 1) {
    // A leader drained for graceful maintenance hands its scheduler lease over at once.
    const drained = c.graceful && leader === (s.maintStep[ci] ?? -1);
    leader = -1;
    s.electAt[ci] = drained ? t : t + m.timers.lease;
  }
  if (leader < 0) {
    if ((s.electAt[ci] ?? 0) <= t) leader = firstEligible(s, xb, c.masterNode.length);
    else s.heap.set(slots + SLOT_LEASE, s.electAt[ci] ?? 0);
  }
  s.leader[ci] = leader;
  setTimed(s, p + P_API, api);
  setTimed(s, p + P_SCHEDULING, api && leader >= 0);
  if (c.failoverHours > 0) failoverGap(s, c, ci, api);
}

/** The share of requests failing in failover gaps; schedules the end of the next gap. */
function failoverGap(s: TrialState, c: ClusterModel, ci: number, api: boolean): void {
  const t = s.now;
  const slot = s.model.clusterSlotBase + ci * SLOTS_PER_CLUSTER + SLOT_FAILOVER;
  if ((s.staleLast[ci] ?? 0) <= t) {
    // No apiserver stopped within the failover time: no gap, whoever serves.
    s.heap.set(slot, Infinity);
    setFailShare(s, ci, 0);
    return;
  }
  const xb = s.masterBase[ci] ?? 0;
  let serving = 0;
  let stale = 0;
  let next = Infinity;
  for (let i = 0; i < c.masterNode.length; i++) {
    if (s.serving[xb + i] === 1) serving++;
    else {
      const until = s.staleUntil[xb + i] ?? 0;
      if (until > t) {
        stale++;
        if (until < next) next = until;
      }
    }
  }
  s.heap.set(slot, next);
  // With the API down, the outage itself counts; a gap matters only while others serve.
  setFailShare(s, ci, api && serving > 0 ? stale / (serving + stale) : 0);
}

/** The first eligible master of the cluster whose masters start at xb, or -1. */
function firstEligible(s: TrialState, xb: number, masters: number): number {
  for (let i = 0; i < masters; i++) if (s.eligible[xb + i] === 1) return i;
  return -1;
}
