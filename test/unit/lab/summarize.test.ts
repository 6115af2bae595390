import { describe, expect, it } from 'vitest';
import { quantile, summarizeElections } from '../../../src/lab/election-stats.js';
import type { PhaseObservation, ProbeSample } from '../../../src/lab/lab-observation.js';
import { phaseObservation, rounds } from '../../helpers/lab-observations.js';
import { ETCD_DEFAULT_TIMERS, PROBE_DEFAULTS, probeTimeoutMs } from '../../../src/lab/lab-plan.js';
import { summarizePhase } from '../../../src/lab/summarize-phase.js';
import { DEFAULT_TIMERS } from '../../../src/model/defaults.js';

const TIMING = {
  ...ETCD_DEFAULT_TIMERS,
  ...PROBE_DEFAULTS,
  holdMs: 4000,
  probeTimeoutMs: probeTimeoutMs(4000),
};

function phase(samples: ProbeSample[], over: Partial<PhaseObservation> = {}): PhaseObservation {
  return phaseObservation(1, 10_000, samples, over);
}

describe('summarizePhase', () => {
  it('sees quorum, a 1.5 s gap and the first write when writes stop from the start until 1.5 s in', () => {
    const back = (t: number): boolean => t >= 11_500;
    const s = summarizePhase(
      phase([...rounds('b-1', 10_000, 14_000, back), ...rounds('c-1', 10_000, 14_000, back)], {
        running: ['b-1', 'c-1'],
        statuses: [{ member: 'b-1', atMs: 11_400, leader: 'c-1', term: 3 }],
      }),
      ['a-1', 'b-1', 'c-1'],
      TIMING,
    );
    expect(s).toMatchObject({
      quorum: true,
      members: { 'a-1': 'down', 'b-1': 'ok', 'c-1': 'ok' },
      windowMs: 2000,
      firstWriteMs: 1505,
      longestGapMs: 1505,
      terms: [2, 3],
      leaders: ['c-1'],
      errors: { timeout: 30 },
    });
  });

  it('sees no quorum when nothing succeeded in the second half of the hold, though writes did before it', () => {
    const s = summarizePhase(
      phase(rounds('a-1', 10_000, 14_000, (t) => t < 12_000)),
      ['a-1', 'b-1', 'c-1'],
      TIMING,
    );
    expect(s.quorum).toBe(false);
    expect(s.members).toEqual({ 'a-1': 'fail', 'b-1': 'fail', 'c-1': 'fail' });
    expect(s.longestGapMs).toBeCloseTo(14_010 - 11_905, 6);
  });

  it('sees quorum from a write that took 1.2 s (a loaded machine), issued after the actions', () => {
    // Every write takes 1.2 s: under the old fixed 500 ms timeout all of them failed.
    const slow = rounds('b-1', 10_000, 14_000, () => true).map((r) => ({
      ...r,
      doneMs: r.issuedMs + 1200,
    }));
    const s = summarizePhase(phase(slow), ['a-1', 'b-1', 'c-1'], TIMING);
    expect(TIMING.probeTimeoutMs).toBe(2000); // half the 4 s hold: such writes are not cut off
    expect(s.quorum).toBe(true);
    expect(s.members['b-1']).toBe('ok');
  });

  it('does not take a write issued before the actions were done as quorum in the window', () => {
    // One write issued 5 ms into the phase (its actions took 10 ms), acknowledged 2.5 s later, in
    // the final window; everything issued after the actions fails.
    const early: ProbeSample = {
      member: 'b-1',
      issuedMs: 10_005,
      doneMs: 12_505,
      ok: true,
      error: null,
      seq: 1,
    };
    const s = summarizePhase(
      phase([early, ...rounds('b-1', 10_100, 14_000, () => false)]),
      ['a-1', 'b-1', 'c-1'],
      TIMING,
    );
    expect(s.quorum).toBe(false);
    expect(s.members['b-1']).toBe('fail');
  });

  it('does not count rounds refused by members that are down', () => {
    const refused = rounds('a-1', 10_000, 14_000, () => false).map((r) => ({
      ...r,
      error: 'refused',
    }));
    const s = summarizePhase(phase(refused, { running: [] }), ['a-1'], TIMING);
    expect(s.writes).toEqual({ ok: 0, failed: 0 });
    expect(s.members).toEqual({ 'a-1': 'down' });
  });
});

describe('election statistics', () => {
  it('interpolate quantiles between order statistics like R and NumPy (type 7)', () => {
    const ten = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    // R: quantile(1:10, c(0.5, 0.95)) → 5.5, 9.55
    expect(quantile(ten, 0.5)).toBe(5.5);
    expect(quantile(ten, 0.95)).toBeCloseTo(9.55, 12);
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([7], 0.95)).toBe(7);
  });

  it('summarise the kills that were followed by a write, beside the model timers', () => {
    const kill = (gapMs: number | null) => ({
      killed: 'a-1',
      killMs: 0,
      gapMs,
      newLeaderMs: gapMs === null ? null : gapMs - 50,
      newLeader: 'b-1',
      termBefore: 2,
      termAfter: 3,
    });
    const e = summarizeElections(
      [kill(1200), kill(1600), kill(null), kill(1400)],
      ETCD_DEFAULT_TIMERS,
      DEFAULT_TIMERS,
      'cloud',
    );
    expect(e).toMatchObject({
      kills: 4,
      measured: 3,
      medianMs: 1400,
      minMs: 1200,
      maxMs: 1600,
      newLeaderMedianMs: 1350,
      // docs/model.md defaults: lease 15 s, a cloud load balancer's failover 30 s.
      model: {
        etcdElectionMs: 0,
        leaseDurationMs: 15_000,
        endpointKind: 'cloud',
        endpointFailoverMs: 30_000,
      },
    });
    expect(e.p95Ms).toBeCloseTo(1580, 9);
  });
});
