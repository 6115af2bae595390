/**
 * One phase's probe samples and status changes reduced to what is compared with the prediction:
 * whether quorum was there at the end of the hold (a write succeeded in its final window), what
 * each member did, the longest stretch without a successful write, and the raft terms seen.
 */
import type { LabTiming } from './lab-plan.js';
import type { PhaseObservation } from './lab-observation.js';

export type MemberOutcome = 'ok' | 'fail' | 'down';

export interface PhaseSummary {
  /** Some write issued after the phase's actions succeeded in the final window of the hold. */
  quorum: boolean;
  /** Per member, in the final window: a write succeeded, none did, or it was not running. */
  members: Record<string, MemberOutcome>;
  /** Probe rounds through listening members (refused ones, through members down, not counted). */
  writes: { ok: number; failed: number };
  /** Why writes failed: etcd's message (or timeout, refused) → how many. */
  errors: Record<string, number>;
  /**
   * The final window's length: the second half of the hold (the first half lets etcd settle),
   * or the whole phase when it is not held.
   */
  windowMs: number;
  /** From the phase's start to the first success of a write issued after it; null if none. */
  firstWriteMs: number | null;
  /** The longest stretch of the phase without a successful write (ending at its end if none). */
  longestGapMs: number;
  /** The highest raft term known at the phase's start and at its end. */
  terms: [number, number];
  /** Leaders reported during the phase, in order, repeats removed. */
  leaders: string[];
}

/** Summarizes one phase of a run. */
export function summarizePhase(
  obs: PhaseObservation,
  members: readonly string[],
  timing: LabTiming,
  held = true,
): PhaseSummary {
  const windowMs = held ? timing.holdMs / 2 : obs.endMs - obs.startMs;
  const windowStart = obs.endMs - windowMs;
  // Rounds through a member that is not listening (refused) say nothing about quorum.
  const after = obs.samples.filter((s) => s.issuedMs >= obs.startMs && s.error !== 'refused');
  const successes = after
    .filter((s) => s.ok)
    .map((s) => s.doneMs - obs.startMs)
    .sort((a, b) => a - b);
  // A held phase's verdict counts only writes issued once its actions were done: a slow write
  // issued before a zone went down, acknowledged in the window, says nothing of the phase.
  const issuedFrom = held ? obs.actionsDoneMs : obs.startMs;
  const outcome: Record<string, MemberOutcome> = {};
  for (const m of members) {
    const served = obs.samples.some(
      (s) =>
        s.member === m &&
        s.ok &&
        s.issuedMs >= issuedFrom &&
        s.doneMs >= windowStart &&
        s.doneMs <= obs.endMs,
    );
    outcome[m] = !obs.running.includes(m) ? 'down' : served ? 'ok' : 'fail';
  }
  const length = obs.endMs - obs.startMs;
  let longest = 0;
  let last = 0;
  for (const t of [...successes, length]) {
    longest = Math.max(longest, t - last);
    last = Math.max(last, t);
  }
  const errors: Record<string, number> = {};
  for (const s of after) if (s.error !== null) errors[s.error] = (errors[s.error] ?? 0) + 1;
  const leaders: string[] = [];
  for (const s of [...obs.statuses].sort((a, b) => a.atMs - b.atMs)) {
    if (s.leader !== null && leaders[leaders.length - 1] !== s.leader) leaders.push(s.leader);
  }
  return {
    quorum: Object.values(outcome).includes('ok'),
    members: outcome,
    writes: { ok: successes.length, failed: after.length - successes.length },
    errors,
    windowMs,
    firstWriteMs: successes[0] ?? null,
    longestGapMs: longest,
    terms: [obs.termAtStart, Math.max(obs.termAtStart, ...obs.statuses.map((s) => s.term))],
    leaders,
  };
}
