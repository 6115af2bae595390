/**
 * A maintenance step's start and end on a healthy cluster without re-evaluating its control plane
 * (most events of a trial: docs/model.md, Maintenance). While the health gate holds but for one
 * master's node, the control plane's shortcut (evaluate-predicates.ts, gatedMasters) marks members
 * and masters from that node alone. A step moves the drain from master `back` to master `drained`
 * (either may be none: the pass's first step, its last), so only their marks change; quorum, the
 * endpoint's reach and every predicate stay as they were as long as losing the one member or the
 * other leaves etcd quorum alike, another master serves meanwhile and the endpoint is not pinned to
 * one master (GateState.handOver); the marks are those gatedMasters would make. The timed part
 * (leader lease, failover gaps) changes nothing either while the leader stays eligible, or is a
 * drained leader handing its lease over at once, and no failover gap is open or due to close.
 * This leans on what the engine keeps true: every change of a control-plane input is evaluated at
 * once, so the marks, the leader and the predicates are those of the gate before the step.
 * control-shortcut.test.ts checks it trial by trial against the full evaluation.
 */
import {
  MASK_CONTROL,
  MASK_TIMERS,
  SLOTS_PER_CLUSTER,
  SLOT_FAILOVER,
  type ClusterModel,
} from '../model/sim-model.js';
import type { TrialState } from './trial-state.js';

/**
 * Marks the members and masters of cluster ci after a step moved the drain from master `back` to
 * master `drained` (-1: none), the cluster's gate up but for the drained master's node; call it
 * after the step started (s.maintStep is `drained`'s step). Returns what of the cluster the caller
 * must still evaluate: MASK_CONTROL (nothing marked: the control plane), MASK_TIMERS (its timed
 * part) or 0 (only what waits for the control plane: stranded pods).
 */
export function handOver(
  s: TrialState,
  c: ClusterModel,
  ci: number,
  back: number,
  drained: number,
): number {
  const gate = s.gate;
  if (gate.handOver[ci] !== 1 || s.quorumBad[ci] !== 0) return MASK_CONTROL;
  const xb = s.masterBase[ci] ?? 0;
  const backMember = back >= 0 ? (gate.memberOfMaster[xb + back] ?? -1) : -1;
  const drainedMember = drained >= 0 ? (gate.memberOfMaster[xb + drained] ?? -1) : -1;
  // etcd quorum as gatedMasters finds it, before the step and after.
  const members = c.memberNode.length;
  const oneSide = (s.side[c.zoneBase + (c.gateZones[0] ?? 0)] ?? 0) < c.zoneCount;
  const quorum = oneSide && members - (drainedMember >= 0 ? 1 : 0) >= c.quorum;
  if (quorum !== (oneSide && members - (backMember >= 0 ? 1 : 0) >= c.quorum)) return MASK_CONTROL;
  const mb = s.memberBase[ci] ?? 0;
  if (backMember >= 0) s.memberUp[mb + backMember] = 1;
  if (drainedMember >= 0) s.memberUp[mb + drainedMember] = 0;
  if (back >= 0) mark(s, c, ci, xb + back, back, quorum);
  if (drained >= 0) mark(s, c, ci, xb + drained, drained, false);
  return timedUnchanged(s, c, ci, xb) ? 0 : MASK_TIMERS;
}

/**
 * Whether the timed part of the control plane (evaluate-predicates.ts, timedControl) would change
 * nothing now but a drained leader's lease, which this hands over as it would: api and whether a
 * leader is elected stay as they were.
 */
function timedUnchanged(s: TrialState, c: ClusterModel, ci: number, xb: number): boolean {
  const leader = s.leader[ci] ?? -1;
  if (leader < 0) return false;
  // A drained leader hands its lease over at once to the first eligible master.
  let next = leader;
  if (s.eligible[xb + leader] !== 1) {
    if (!c.graceful || leader !== s.maintStep[ci]) return false;
    next = 0;
    while (next < c.masterNode.length && s.eligible[xb + next] !== 1) next++;
    if (next === c.masterNode.length) return false;
  }
  if (c.failoverHours > 0) {
    // failoverGap with no apiserver stopped within the failover time: no gap, none scheduled.
    const slot = s.model.clusterSlotBase + ci * SLOTS_PER_CLUSTER + SLOT_FAILOVER;
    const quiet =
      (s.staleLast[ci] ?? 0) <= s.now && s.heap.key[slot] === Infinity && s.failShare[ci] === 0;
    if (!quiet) return false;
  }
  if (next !== leader) {
    s.electAt[ci] = s.now;
    s.leader[ci] = next;
  }
  return true;
}

/** Master i (global x) serves or not, as gatedMasters marks it. */
function mark(
  s: TrialState,
  c: ClusterModel,
  ci: number,
  x: number,
  i: number,
  serving: boolean,
): void {
  // A master drained for graceful maintenance stops serving without a failover gap.
  const step = c.graceful ? (s.maintStep[ci] ?? -1) : -1;
  if (!serving && s.serving[x] === 1 && i !== step && c.failoverHours > 0)
    s.staleLast[ci] = s.staleUntil[x] = s.now + c.failoverHours;
  s.serving[x] = serving ? 1 : 0;
  s.eligible[x] = serving ? 1 : 0;
}
