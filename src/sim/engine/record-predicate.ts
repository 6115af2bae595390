/**
 * Recording a predicate's changes: its instantaneous ("zero", all timers at 0) and timed values,
 * hours down, outages, their causes and durations, and the timeline when one is asked for.
 */
import { CAUSE, CAUSE_COUNT } from '../model/failure-classes.js';
import { CLUSTER_PREDICATES, P_API } from '../model/sim-model.js';
import { addToMonths } from '../stats/calendar-months.js';
import type { TrialState } from './trial-state.js';

/** Sets the instantaneous value of predicate p; true when it changed. */
export function setZero(s: TrialState, p: number, up: boolean): boolean {
  const v = up ? 1 : 0;
  if (s.zero[p] === v) return false;
  s.zero[p] = v;
  if (up) s.downHoursZero[p] = (s.downHoursZero[p] ?? 0) + (s.now - (s.downSinceZero[p] ?? 0));
  else s.downSinceZero[p] = s.now;
  return true;
}

/** Sets the timed (reported) value of predicate p; true when it changed. */
export function setTimed(s: TrialState, p: number, up: boolean): boolean {
  // Small enough to be inlined where it is called, about five times per event: mostly no change.
  if (s.timed[p] === (up ? 1 : 0)) return false;
  changeTimed(s, p, up);
  return true;
}

/** Records a change of predicate p's timed value. */
function changeTimed(s: TrialState, p: number, up: boolean): void {
  s.timed[p] = up ? 1 : 0;
  if (up) {
    const d = s.now - (s.downSince[p] ?? 0);
    if (s.model.slo !== null) recordSlo(s, p, s.now - d, s.now, 1, true);
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
    s.transitions.push({
      hours: s.now,
      predicate: p,
      up,
      cause: s.cause,
      event: s.cause === CAUSE.event ? s.event : -1,
    });
}

/**
 * Sets the share of cluster ci's API requests that fail in a failover gap: partial downtime of its
 * api predicate (counted in its hours down and causes, never as an outage).
 */
export function setFailShare(s: TrialState, ci: number, share: number): void {
  const old = s.failShare[ci] ?? 0;
  if (old === share) return;
  addFailedShare(s, ci);
  if (old === 0) s.failCause[ci] = s.cause;
  s.failShare[ci] = share;
}

/** Closes the outages still open at the horizon (their durations are truncated there). */
export function closeOutages(s: TrialState): void {
  for (let ci = 0; ci < s.failShare.length; ci++) addFailedShare(s, ci);
  for (let p = 0; p < s.predicateCount; p++) {
    if (s.zero[p] === 0)
      s.downHoursZero[p] = (s.downHoursZero[p] ?? 0) + (s.now - (s.downSinceZero[p] ?? 0));
    if (s.timed[p] === 0) {
      const d = s.now - (s.downSince[p] ?? 0);
      if (s.model.slo !== null) recordSlo(s, p, s.now - d, s.now, 1, true);
      s.downHours[p] = (s.downHours[p] ?? 0) + d;
      const k = p * CAUSE_COUNT + (s.outageCause[p] ?? 0);
      s.causeHours[k] = (s.causeHours[k] ?? 0) + d;
      s.pushDuration(p, d);
    }
  }
}

/** Adds the failed share of requests since the last change to the api predicate's hours down. */
function addFailedShare(s: TrialState, ci: number): void {
  const share = s.failShare[ci] ?? 0;
  const since = s.failSince[ci] ?? 0;
  s.failSince[ci] = s.now;
  if (share === 0) return;
  const p = ci * CLUSTER_PREDICATES + P_API;
  const hours = share * (s.now - since);
  s.downHours[p] = (s.downHours[p] ?? 0) + hours;
  // A failover gap's share counts against the error budget, not as an SLA downtime period.
  if (s.model.slo !== null) recordSlo(s, p, since, s.now, share, false);
  const k = p * CAUSE_COUNT + (s.failCause[ci] ?? 0);
  s.causeHours[k] = (s.causeHours[k] ?? 0) + hours;
}

/**
 * The SLA view: adds `share` of [from, to) of predicate p's downtime to the months of the
 * objectives it feeds; an outage (whole) counts SLA-style too when it lasts the plan's minimum.
 */
function recordSlo(
  s: TrialState,
  p: number,
  from: number,
  to: number,
  share: number,
  outage: boolean,
): void {
  const plan = s.model.slo;
  if (plan === null) return;
  const M = plan.months.start.length;
  const sla = outage && to - from >= plan.minOutageHours;
  const end = plan.feedStart[p + 1] ?? 0;
  for (let k = plan.feedStart[p] ?? 0; k < end; k++) {
    const e = plan.feedEntry[k] ?? 0;
    const w = share * (plan.feedWeight[k] ?? 0);
    addToMonths(plan.months, from, to, w, s.monthAll, e * M);
    if (sla) addToMonths(plan.months, from, to, w, s.monthSla, e * M);
  }
}
