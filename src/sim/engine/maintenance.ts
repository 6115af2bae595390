/**
 * Rolling maintenance (docs/model.md, Maintenance): passes fall due at passesPerYear (a Poisson
 * process); one runs at a time, and a pass that falls due while another is in progress starts
 * when that one has finished. A pass takes masters 1, 2, … down in turn for perMaster each. A step
 * that is due waits until the cluster passes the health gate and then starts at once; a step in
 * progress is never interrupted. The caller re-evaluates the cluster's control plane after each of
 * these functions, and that evaluation starts a waiting step when the cluster is healthy; a step
 * due on a healthy cluster starts here, and step-hand-over.ts says how much is left to evaluate.
 */
import { CAUSE } from '../model/failure-classes.js';
import { isHealthy } from './health-gate.js';
import { drawUnitExponential } from './random-variates.js';
import type { Rng } from './rng.js';
import { handOver } from './step-hand-over.js';
import {
  MASK_CONTROL,
  SLOTS_PER_CLUSTER,
  SLOT_MAINTENANCE,
  SLOT_PASS,
  type ClusterModel,
} from '../model/sim-model.js';
import type { TrialState } from './trial-state.js';

/**
 * A pass falls due: it starts now unless one is in progress, then it waits its turn. Returns what
 * of the cluster the caller re-evaluates (a mask): less than MASK_CONTROL when the first step
 * started on a healthy cluster and step-hand-over.ts marked its control plane.
 */
export function passDue(s: TrialState, ci: number, rng: Rng): number {
  const c = s.model.clusters[ci];
  if (c === undefined) return MASK_CONTROL;
  s.heap.set(slotOf(s, ci, SLOT_PASS), s.now + drawUnitExponential(rng) / c.passRate);
  if (inProgress(s, ci)) {
    s.passesWaiting[ci] = (s.passesWaiting[ci] ?? 0) + 1;
    return MASK_CONTROL;
  }
  startPass(s, ci, -1);
  // The evaluation that follows would start the first step first thing, the cluster healthy.
  if (!isHealthy(s, ci)) return MASK_CONTROL;
  startStep(s, c, ci, false);
  return handOver(s, c, ci, -1, 0);
}

/**
 * A step ends: the master comes back as the next step (or the next pass) is due. Returns what of
 * the cluster the caller re-evaluates, as passDue does.
 */
export function stepEnds(s: TrialState, ci: number): number {
  const c = s.model.clusters[ci];
  const step = s.maintStep[ci] ?? -1;
  if (c === undefined || step < 0) return MASK_CONTROL;
  passCause(s, ci);
  s.addDown(c.masterNode[step] ?? 0, -1);
  s.maintStep[ci] = -1;
  if (step + 1 < c.masterNode.length) due(s, ci, step + 1);
  else if ((s.passesWaiting[ci] ?? 0) > 0) {
    s.passesWaiting[ci] = (s.passesWaiting[ci] ?? 0) - 1;
    startPass(s, ci, -1);
  } else {
    s.passEvent[ci] = -1;
    s.maintDue[ci] = -1;
  }
  // The evaluation that follows would start the step due first thing, the cluster healthy: it
  // starts here, its end set by one heap move where the step's end and start made two.
  if (!isHealthy(s, ci)) {
    s.heap.set(slotOf(s, ci, SLOT_MAINTENANCE), Infinity);
    return MASK_CONTROL;
  }
  const next = s.maintDue[ci] ?? -1;
  if (next >= 0) startStep(s, c, ci, true);
  else s.heap.set(slotOf(s, ci, SLOT_MAINTENANCE), Infinity);
  return handOver(s, c, ci, step, next);
}

/** A scenario `maintenance:` event: a pass starts now unless one is in progress. */
export function startScriptedPass(s: TrialState, ci: number, event: number): void {
  const c = s.model.clusters[ci];
  if (c === undefined || c.masterNode.length === 0 || inProgress(s, ci)) return;
  startPass(s, ci, event);
}

/**
 * Starts the step cluster ci waits for if the cluster is healthy now; the cause of what follows
 * in this evaluation becomes the pass (maintenance, or the scenario event that started it).
 */
export function startWaitingStep(s: TrialState, ci: number): void {
  const c = s.model.clusters[ci];
  if (c !== undefined && isHealthy(s, ci)) startStep(s, c, ci, false);
}

// --- internal ---

/**
 * Starts the step due: its master goes down until the step's end. `ended`: the step's slot held
 * the end of the step that just ended, and is moved as its clearing and setting would move it.
 */
function startStep(s: TrialState, c: ClusterModel, ci: number, ended: boolean): void {
  const step = s.maintDue[ci] ?? 0;
  s.maintDue[ci] = -1;
  s.maintStep[ci] = step;
  s.addDown(c.masterNode[step] ?? 0, 1);
  const slot = slotOf(s, ci, SLOT_MAINTENANCE);
  if (ended) s.heap.requeue(slot, s.now + c.perMasterHours);
  else s.heap.set(slot, s.now + c.perMasterHours);
  passCause(s, ci);
  s.steps?.push({
    cluster: ci,
    master: step,
    dueHours: s.maintDueAt[ci] ?? s.now,
    startHours: s.now,
    event: s.passEvent[ci] ?? -1,
  });
}

function slotOf(s: TrialState, ci: number, slot: number): number {
  return s.model.clusterSlotBase + ci * SLOTS_PER_CLUSTER + slot;
}

function inProgress(s: TrialState, ci: number): boolean {
  return (s.maintStep[ci] ?? -1) >= 0 || (s.maintDue[ci] ?? -1) >= 0;
}

function startPass(s: TrialState, ci: number, event: number): void {
  s.passEvent[ci] = event;
  passCause(s, ci);
  due(s, ci, 0);
}

function passCause(s: TrialState, ci: number): void {
  const event = s.passEvent[ci] ?? -1;
  s.cause = event >= 0 ? CAUSE.event : CAUSE.maintenance;
  s.event = event;
}

/** Step `step` is due: it waits for the evaluation that finds the cluster healthy. */
function due(s: TrialState, ci: number, step: number): void {
  s.maintDue[ci] = step;
  s.maintDueAt[ci] = s.now;
}
