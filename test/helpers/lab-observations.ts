/** Synthetic lab observations for the pure lab tests: probe rounds and phases on the run clock. */
import type { PhaseObservation, ProbeSample } from '../../src/lab/lab-observation.js';

/**
 * Probe rounds through `member` every 100 ms over [from, to) of the run clock: those for which
 * `ok(issuedMs)` holds succeed in 5 ms, the others time out after 500 ms.
 */
export function rounds(
  member: string,
  from: number,
  to: number,
  ok: (issuedMs: number) => boolean,
): ProbeSample[] {
  const out: ProbeSample[] = [];
  for (let t = from; t < to; t += 100) {
    const good = ok(t);
    out.push({
      member,
      issuedMs: t,
      doneMs: t + (good ? 5 : 500),
      ok: good,
      error: good ? null : 'timeout',
      seq: t,
    });
  }
  return out;
}

/** A phase held 4 s from `startMs` (actions took 10 ms), a-1 leading at term 2, all running. */
export function phaseObservation(
  id: number,
  startMs: number,
  samples: ProbeSample[],
  over: Partial<PhaseObservation> = {},
): PhaseObservation {
  return {
    id,
    startMs,
    actionsDoneMs: startMs + 10,
    endMs: startMs + 4010,
    leaderAtStart: 'a-1',
    termAtStart: 2,
    running: ['a-1', 'b-1', 'c-1'],
    notes: [],
    failed: null,
    unapplied: null,
    healthyMs: null,
    samples,
    statuses: [],
    lostWrites: null,
    ...over,
  };
}
