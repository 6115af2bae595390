/**
 * Rolling maintenance (docs/model.md, Maintenance): passes alternate with idle periods of mean
 * 8760 h / passesPerYear; a pass takes masters 1, 2, … down in turn for perMaster each. A step
 * that is due waits until the cluster passes the health gate and then starts at once; a step in
 * progress is never interrupted. The caller re-evaluates the cluster's control plane after each
 * of these functions, and that evaluation starts a waiting step when the cluster is healthy.
 */
import { CAUSE } from './failure-classes.js';
import { isHealthy } from './health-gate.js';
import { drawUnitExponential } from './random-variates.js';
import type { Rng } from './rng.js';
import { SLOTS_PER_CLUSTER, SLOT_MAINTENANCE } from './sim-model.js';
import type { TrialState } from './trial-state.js';

/** The cluster's maintenance timer: a pass starts (its first step is due), or a step ends. */
export function maintenanceEvent(s: TrialState, ci: number, rng: Rng): void {
  const c = s.model.clusters[ci];
  if (c === undefined) return;
  const step = s.maintStep[ci] ?? -1;
  if (step < 0) s.passEvent[ci] = -1;
  passCause(s, ci);
  if (step >= 0) {
    // The master comes back as the next step is due.
    s.addDown(c.masterNode[step] ?? 0, -1);
    s.maintStep[ci] = -1;
    if (step + 1 < c.masterNode.length) due(s, ci, step + 1);
    else endPass(s, ci, rng);
  } else due(s, ci, 0);
}

/** A scenario `maintenance:` event: a pass starts now unless one is in progress. */
export function startScriptedPass(s: TrialState, ci: number, event: number): void {
  const c = s.model.clusters[ci];
  if (c === undefined || c.masterNode.length === 0) return;
  if ((s.maintStep[ci] ?? -1) >= 0 || (s.maintDue[ci] ?? -1) >= 0) return;
  s.passEvent[ci] = event;
  due(s, ci, 0);
}

/**
 * Starts the step cluster ci waits for if the cluster is healthy now; the cause of what follows
 * in this evaluation becomes the pass (maintenance, or the scenario event that started it).
 */
export function startWaitingStep(s: TrialState, ci: number): void {
  const c = s.model.clusters[ci];
  if (c === undefined || !isHealthy(s, c, ci)) return;
  const step = s.maintDue[ci] ?? 0;
  s.maintDue[ci] = -1;
  s.maintStep[ci] = step;
  s.addDown(c.masterNode[step] ?? 0, 1);
  s.heap.set(slotOf(s, ci), s.now + c.perMasterHours);
  passCause(s, ci);
  s.steps?.push({
    cluster: ci,
    master: step,
    dueHours: s.maintDueAt[ci] ?? s.now,
    startHours: s.now,
    event: s.passEvent[ci] ?? -1,
  });
}

// --- internal ---

function slotOf(s: TrialState, ci: number): number {
  return s.model.clusterSlotBase + ci * SLOTS_PER_CLUSTER + SLOT_MAINTENANCE;
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
  s.heap.set(slotOf(s, ci), Infinity);
}

/** The pass is over: the next one starts after an idle period (none without random passes). */
function endPass(s: TrialState, ci: number, rng: Rng): void {
  const rate = s.model.clusters[ci]?.passRate ?? 0;
  s.passEvent[ci] = -1;
  s.maintDue[ci] = -1;
  s.heap.set(slotOf(s, ci), rate > 0 ? s.now + drawUnitExponential(rng) / rate : Infinity);
}
