/**
 * Recording a predicate's changes: its instantaneous ("zero", all timers at 0) and timed values,
 * hours down, outages, their causes and durations, and the timeline when one is asked for.
 */
import { CAUSE, CAUSE_COUNT } from './failure-classes.js';
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
    s.transitions.push({
      hours: s.now,
      predicate: p,
      up,
      cause: s.cause,
      event: s.cause === CAUSE.event ? s.event : -1,
    });
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
