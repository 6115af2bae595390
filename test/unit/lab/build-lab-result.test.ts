import { describe, expect, it } from 'vitest';
import { buildLabPlan, type LabSetup } from '../../../src/lab/build-lab-plan.js';
import { buildLabResult } from '../../../src/lab/build-lab-result.js';
import type {
  LabObservation,
  PhaseObservation,
  ProbeSample,
} from '../../../src/lab/lab-observation.js';
import { ETCD_DEFAULT_TIMERS, PROBE_DEFAULTS, probeTimeoutMs } from '../../../src/lab/lab-plan.js';
import { renderLabText } from '../../../src/report/render-lab-text.js';
import { PLAIN_STYLE } from '../../../src/report/text-style.js';
import type { Topology } from '../../../src/model/topology.js';
import { topologyOf, ZERO_TIMERS } from '../../helpers/sim-scenarios.js';
import { ALL_FAILURES_OFF } from '../../helpers/topology-builder.js';
import { phaseObservation, rounds } from '../../helpers/lab-observations.js';

const TIMING = {
  ...ETCD_DEFAULT_TIMERS,
  ...PROBE_DEFAULTS,
  holdMs: 4000,
  probeTimeoutMs: probeTimeoutMs(4000),
};

const topology: Topology = topologyOf({
  regions: [{ name: 'r', zones: ['a', 'b', 'c'] }],
  clusters: [{ name: 'c1', region: 'r', masters: { a: 1, b: 1, c: 1 }, workers: { a: 1 } }],
  failures: ALL_FAILURES_OFF,
  timers: ZERO_TIMERS,
  events: [{ at: '1h', partition: [['r/a'], ['r/b', 'r/c']], for: '1h' }],
});

function setup(): LabSetup {
  const r = buildLabPlan(topology, { experiments: ['events'], timing: TIMING });
  if (!r.ok) throw new Error(r.error);
  return r.setup;
}

/** Rounds through `member` over [from, to), ok from `okFrom` on (succeeding in 5 ms). */
function roundsFrom(member: string, from: number, to: number, okFrom: number): ProbeSample[] {
  return rounds(member, from, to, (t) => t >= okFrom);
}

const phase = phaseObservation;

function observation(phases: PhaseObservation[]): LabObservation {
  return {
    version: 1,
    etcdVersion: '3.4.23',
    isolation: { mode: 'namespaces', partitions: true, note: null },
    startupMs: 900,
    phases,
    elections: [],
    interrupted: false,
  };
}

// Phase 1: the leader a-1 is cut off; b and c elect a new leader after 1.5 s; a never serves.
const cutOff = phase(
  1,
  0,
  [
    ...roundsFrom('a-1', 0, 4000, Infinity),
    ...roundsFrom('b-1', 0, 4000, 1500),
    ...roundsFrom('c-1', 0, 4000, 1500),
  ],
  { statuses: [{ member: 'b-1', atMs: 1400, leader: 'b-1', term: 3 }] },
);
// Phase 2: healed; a-1's higher term forces an election: 1.2 s without writes, term 3 → 9.
const healed = phase(
  2,
  4010,
  ['a-1', 'b-1', 'c-1'].flatMap((m) => roundsFrom(m, 4010, 8010, 5210)),
  {
    leaderAtStart: 'b-1',
    termAtStart: 3,
    statuses: [{ member: 'a-1', atMs: 5100, leader: 'c-1', term: 9 }],
  },
);

describe('buildLabResult', () => {
  it('agrees when {b, c} keep quorum and a does not, and names the gaps the model lacks', () => {
    const r = buildLabResult(topology, setup(), observation([cutOff, healed]), ['events']);
    expect(r.summary).toEqual({ compared: 2, agreed: 2, disagreed: 0, skipped: 0 });
    expect(r.phases.map((p) => p.observed?.members)).toEqual([
      { 'a-1': 'fail', 'b-1': 'ok', 'c-1': 'ok' },
      { 'a-1': 'ok', 'b-1': 'ok', 'c-1': 'ok' },
    ]);
    expect(r.findings.map((f) => [f.phase, f.kind])).toEqual([
      [1, 'election-gap'],
      [2, 'rejoin-election'],
    ]);
    expect(r.findings[0]?.message).toMatch(
      /^the leader a-1 was cut off from the majority: no write succeeded for 1\.50 s/,
    );
    expect(r.findings[1]?.message).toMatch(
      /^healing the partition stopped writes for 1\.21 s \(raft term 3 → 9\): etcd 3\.4\.23 runs without --pre-vote/,
    );
    expect(r).toMatchObject({
      members: 3,
      quorum: 2,
      zoneTolerance: 1,
      placement: { a: 1, b: 1, c: 1 },
    });
  });

  it('disagrees when the cut-off member serves linearizable writes', () => {
    const wrong = phase(
      1,
      0,
      ['a-1', 'b-1', 'c-1'].flatMap((m) => roundsFrom(m, 0, 4000, 0)),
    );
    const r = buildLabResult(topology, setup(), observation([wrong, healed]), ['events']);
    expect(r.phases[0]?.agree).toBe(false);
    expect(r.phases[0]?.disagreements).toEqual([
      'a-1 served linearizable writes though {a} holds no majority',
    ]);
    expect(r.summary.disagreed).toBe(1);
  });

  it('does not compare a partition the lab could not apply, nor phases the run did not reach', () => {
    const unapplied = {
      ...cutOff,
      unapplied: 'not applied: partitions need network namespaces (--no-namespaces)',
    };
    const r = buildLabResult(
      topology,
      setup(),
      { ...observation([unapplied]), interrupted: true },
      ['events'],
    );
    expect(r.phases.map((p) => [p.agree, p.skip])).toEqual([
      [null, 'not applied: partitions need network namespaces (--no-namespaces)'],
      [null, 'not run: the lab stopped before this phase'],
    ]);
    expect(r.interrupted).toBe(true);
  });

  it('renders prediction and observation side by side', () => {
    const text = renderLabText(
      buildLabResult(topology, setup(), observation([cutOff, healed]), ['events']),
      PLAIN_STYLE,
    );
    expect(text).toContain('members a: 1, b: 1, c: 1 (3, quorum 2); zone tolerance 1');
    expect(text).toMatch(
      /│ 1 │ 1h │ partition \{a\} \| \{b, c\}\s+│ quorum on \{b, c\} │ quorum, writes 50\/120, gap 1\.50 s, term 2→3 │ ok: b-1 c-1; fail: a-1 │ agree/,
    );
    expect(text).toContain('2 phases compared: 2 agree, 0 disagree');
  });
});
