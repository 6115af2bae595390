import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLabPlan } from '../../../src/lab/build-lab-plan.js';
import { ETCD_DEFAULT_TIMERS, PROBE_DEFAULTS, probeTimeoutMs } from '../../../src/lab/lab-plan.js';
import type { LabExperiment } from '../../../src/lab/lab-result.js';
import type { Topology } from '../../../src/model/topology.js';
import { topologyOf, ZERO_TIMERS } from '../../helpers/sim-scenarios.js';
import { ALL_FAILURES_OFF } from '../../helpers/topology-builder.js';

const ZONES = ['a', 'b', 'c', 'd'];
const TIMING = {
  ...ETCD_DEFAULT_TIMERS,
  ...PROBE_DEFAULTS,
  holdMs: 1000,
  probeTimeoutMs: probeTimeoutMs(1000),
};

function placement(counts: number[], events: unknown[] = []): Topology {
  const zones = ZONES.slice(0, counts.length);
  return topologyOf({
    regions: [{ name: 'r', zones }],
    clusters: [
      {
        name: 'c1',
        region: 'r',
        masters: { a: 1 },
        etcd: Object.fromEntries(zones.map((z, i) => [z, counts[i]])),
        workers: { a: 1 },
      },
    ],
    failures: ALL_FAILURES_OFF,
    timers: ZERO_TIMERS,
    events,
  });
}

function plan(t: Topology, experiments: LabExperiment[]) {
  const r = buildLabPlan(t, { experiments, timing: TIMING });
  if (!r.ok) throw new Error(r.error);
  return r.setup;
}

const placementArb = fc
  .array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 })
  .filter((c) => c.reduce((a, b) => a + b, 0) >= 1);

describe('lab predictions', () => {
  it('predict quorum after a zone loss exactly when the majority q(n) = ⌊n/2⌋ + 1 survives, in both engines', () => {
    fc.assert(
      fc.property(placementArb, fc.nat(15), (counts, mask) => {
        // Arrange: the zones of `mask` (holding members) down at once, from 1h for 1h.
        const zones = ZONES.slice(0, counts.length).filter((_, i) => (counts[i] ?? 0) > 0);
        const down = zones.filter((_, i) => (mask & (1 << i)) !== 0);
        fc.pre(down.length > 0);
        const events = down.map((z) => ({ at: '1h', fail: `zone r/${z}`, for: '1h' }));
        // Act
        const { predictions } = plan(placement(counts, events), ['events']);
        // Assert: etcd FAQ majority arithmetic, computed here independently.
        const n = counts.reduce((a, b) => a + b, 0);
        const left = n - down.reduce((a, z) => a + (counts[ZONES.indexOf(z)] ?? 0), 0);
        const expected = 2 * left > n;
        expect(predictions[0]?.quorum).toBe(expected);
        expect(predictions[0]?.timeline).toBe(expected);
        expect(predictions[1]?.quorum).toBe(true);
        expect(predictions[1]?.timeline).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('gives quorum to {b, c} when a of 1+1+1 is cut off: a fails, b and c serve', () => {
    const t = placement([1, 1, 1], [{ at: '1h', partition: [['r/a'], ['r/b', 'r/c']], for: '1h' }]);
    const [cut] = plan(t, ['events']).predictions;
    expect(cut?.groups).toEqual([
      { zones: ['a'], up: 1, hasQuorum: false },
      { zones: ['b', 'c'], up: 2, hasQuorum: true },
    ]);
    expect(cut?.members).toEqual({ 'a-1': 'fail', 'b-1': 'ok', 'c-1': 'ok' });
    expect(cut?.timeline).toBe(true);
  });

  it('keeps quorum only where the two members are when 2+1 splits {a} | {b}', () => {
    const t = placement([2, 1], [{ at: '1h', partition: [['r/a'], ['r/b']], for: '1h' }]);
    const [cut] = plan(t, ['events']).predictions;
    expect(cut?.members).toEqual({ 'a-1': 'ok', 'a-2': 'ok', 'b-1': 'fail' });
  });

  it('has no side with quorum when 2+2 splits down the middle, though both sides run', () => {
    const [cut] = plan(placement([2, 2]), ['partitions']).predictions;
    expect(cut?.quorum).toBe(false);
    expect(cut?.timeline).toBe(false);
    expect(Object.values(cut?.members ?? {})).toEqual(['fail', 'fail', 'fail', 'fail']);
  });
});

describe('buildLabPlan', () => {
  it('predicts alike with both engines through a maintenance pass that a zone outage holds up', () => {
    // Events at 1h5m and 5h25m: instants that are not whole in binary must still match.
    const t = topologyOf({
      regions: [{ name: 'r', zones: ['a', 'b', 'c'] }],
      clusters: [{ name: 'c1', region: 'r', masters: { a: 1, b: 1, c: 1 }, workers: { a: 1 } }],
      failures: { ...ALL_FAILURES_OFF, maintenance: { passesPerYear: 1, perMaster: '10m' } },
      timers: ZERO_TIMERS,
      events: [
        { at: '1h', maintenance: { clusters: ['c1'] } },
        { at: '1h5m', fail: 'zone r/b', for: '4h' },
      ],
    });
    const { predictions } = plan(t, ['events']);
    expect(predictions.map((p) => [p.timeline, p.quorum])).toEqual([
      [true, true], // a-1 in maintenance
      [false, false], // and zone b down: 1 of 3
      [true, true], // a-1 back; b's step waits for zone b
      [true, true], // zone b back, b-1 in maintenance
      [true, true], // c-1 in maintenance
      [true, true], // done
    ]);
  });

  it('sweeps every zone and every pair of zones of 2+2+2+1: 4 + 6 outages, each followed by a recovery', () => {
    const { plan: p } = plan(placement([2, 2, 2, 1]), ['zones']);
    expect(p.phases).toHaveLength(20);
    expect(
      p.phases.filter((x) => x.label.endsWith('down')).map((x) => x.state.down.length),
    ).toEqual([2, 2, 2, 1, 4, 4, 3, 4, 3, 3]);
    expect(
      p.phases
        .filter((x) => x.label.endsWith('back'))
        .every((x) => x.actions.at(-1)?.kind === 'await-healthy'),
    ).toBe(true);
  });

  it('splits 1+1+1 three ways and loses one disk, then a majority, in the disk experiment', () => {
    const setup = plan(placement([1, 1, 1]), ['partitions', 'disks']);
    expect(setup.plan.phases.map((p) => p.label)).toEqual([
      'partition {a} | {b, c}',
      'partition {a} | {b, c} healed',
      'partition {a, b} | {c}',
      'partition {a, b} | {c} healed',
      'partition {a, c} | {b}',
      'partition {a, c} | {b} healed',
      'disk of a-1 lost',
      'a-1 replaced: member remove, member add, fresh start',
      'snapshot saved; writes go on',
      'disks of a-1, b-1 lost (a majority)',
      'every member restored from the snapshot (a new cluster)',
    ]);
    expect(setup.predictions.slice(6).map((p) => [p.quorum, p.timeline])).toEqual([
      [true, null],
      [true, null],
      [true, null],
      [false, null],
      [true, null],
    ]);
  });

  it('says why a scenario cannot run: an unknown cluster, nothing to replay, too many members', () => {
    const t = placement([1, 1, 1]);
    const fail = (tt: Topology, o: Partial<Parameters<typeof buildLabPlan>[1]>) => {
      const r = buildLabPlan(tt, { experiments: ['zones'], timing: TIMING, ...o });
      return r.ok ? '' : r.error;
    };
    expect(fail(t, { cluster: 'nope' })).toBe('no cluster "nope" in test (clusters: c1)');
    expect(fail(t, { experiments: ['events'] })).toMatch(/has no events to replay/);
    expect(fail(placement([3, 3, 3, 1]), {})).toMatch(/10 etcd members; the lab runs at most 9/);
  });
});
