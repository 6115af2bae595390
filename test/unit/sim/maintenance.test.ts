import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../../src/io/read-scenario.js';
import { compileModel } from '../../../src/sim/model/compile-model.js';
import { createScriptedRng } from '../../../src/sim/engine/rng.js';
import { simulateTimeline } from '../../../src/sim/engine/timeline.js';
import { TrialEngine } from '../../../src/sim/engine/trial-engine.js';
import type { StepRecord } from '../../../src/sim/engine/trial-state.js';
import { threeZones, topologyOf } from '../../helpers/sim-scenarios.js';
import { ALL_FAILURES_OFF } from '../../helpers/topology-builder.js';

// Rolling maintenance as docs/model.md describes it, replayed from scenario events with the
// default timers (cloud endpoint failover 30 s, lease 15 s): every expected time is worked out
// by hand from the spec in the comments.

const TIMERS = {
  leaseDuration: '15s',
  endpointFailover: '30s',
  nodeMonitorGrace: '50s',
  podEviction: '300s',
};

function changes(r: ReturnType<typeof simulateTimeline>, metric: string): [number, boolean][] {
  return r.entries
    .filter((e) => e.target === 'cluster/prod' && e.metric === metric)
    .map((e) => [Math.round(e.hours * 3600), e.up]);
}

/** Hours as minutes, rounded off the float noise of sums like 1 h + 10 min. */
const min = (hours: number): number => Math.round(hours * 60 * 1e6) / 1e6;

function pass(graceful: boolean, events: unknown[] = []) {
  return simulateTimeline(
    threeZones({
      failures: { maintenance: { passesPerYear: 0, perMaster: '10m', graceful } },
      timers: TIMERS,
      events: [{ at: '1h', maintenance: { clusters: 'all' } }, ...events],
      horizon: '10h',
    }),
  );
}

describe('rolling maintenance', () => {
  it('is graceful by default: no api gap, and the drained leader hands its lease over', () => {
    const r = pass(true);
    expect(changes(r, 'api')).toEqual([]);
    expect(changes(r, 'etcdQuorum')).toEqual([]);
    // Master a (the leader) is drained at 1h and b leads at once; b at 1h10m, a leads at once.
    expect(changes(r, 'scheduling')).toEqual([]);
    // Abrupt, the leader's lease runs out first: 15 s without a leader, twice.
    expect(changes(pass(false), 'scheduling')).toEqual([
      [3600, false],
      [3615, true],
      [4200, false],
      [4215, true],
    ]);
    expect(r.maintenance.map((s) => [s.zone, min(s.startHours), min(s.endHours)])).toEqual([
      ['a', 60, 70],
      ['b', 70, 80],
      ['c', 80, 90],
    ]);
  });

  it('abrupt maintenance (graceful: false) opens the endpoint-failover gap at every step', () => {
    // Each step stops a master undrained: for the 30 s failover the endpoint still sends it a
    // third of the requests (the other two serve): 3 × 30 s × 1/3 of partial downtime, no outage.
    const abrupt = pass(false);
    expect(changes(abrupt, 'api')).toEqual([]);
    expect(abrupt.downHours['cluster/prod']!['api']).toBeCloseTo((3 * 30) / 3 / 3600, 12);
    expect(pass(true).downHours['cluster/prod']!['api']).toBe(0);
  });

  it('takes the API of a single master down for each step, graceful or not', () => {
    const single = topologyOf({
      regions: [{ name: 'eu', zones: ['a'] }],
      clusters: [{ name: 'prod', region: 'eu', masters: { a: 1 }, workers: { a: 1 } }],
      failures: { ...ALL_FAILURES_OFF, maintenance: { passesPerYear: 0, perMaster: '10m' } },
      timers: TIMERS,
      events: [{ at: '1h', maintenance: { clusters: 'all' } }],
      simulation: { horizon: '5h' },
    });
    const r = simulateTimeline(single);
    expect(changes(r, 'api')).toEqual([
      [3600, false],
      [4200, true],
    ]);
    // Running pods keep serving: the data plane and the region are not touched.
    expect(changes(r, 'workloads')).toEqual([]);
    expect(r.entries.filter((e) => e.target === 'region/eu')).toEqual([]);
  });

  it('holds the next step while a zone is down (health gate) and starts it when the zone is back', () => {
    // Zone c fails at 1h5m for 1 h, during master a's step: the step is not interrupted, so
    // a and c are both down and quorum is lost until a's step ends at 1h10m. Master b's step is
    // then due, but the cluster is not healthy: it starts when zone c is back at 2h5m, and
    // master c's step follows at 2h15m.
    const r = pass(true, [{ at: '1h5m', fail: 'zone eu/c', for: '1h' }]);
    expect(changes(r, 'etcdQuorum')).toEqual([
      [3900, false],
      [4200, true],
    ]);
    expect(
      r.maintenance.map((s) => [s.zone, min(s.dueHours), min(s.startHours), min(s.endHours)]),
    ).toEqual([
      ['a', 60, 60, 70],
      ['b', 70, 125, 135],
      ['c', 135, 135, 145],
    ]);
    // Without the gate, b's step at 1h10m would have taken quorum down again until 1h20m.
    expect(r.downHours['cluster/prod']!['etcdQuorum']).toBeCloseTo(5 / 60, 9);
  });

  it('starts no second pass while one is in progress', () => {
    const r = pass(true, [{ at: '1h15m', maintenance: { clusters: 'all' } }]);
    expect(r.maintenance.map((s) => s.zone)).toEqual(['a', 'b', 'c']);
    expect(r.maintenance.every((s) => s.event === 0)).toBe(true);
  });

  it('zone-outage-during-upgrade.yaml: the upgrade waits for zone b to come back', async () => {
    const loaded = await readScenarioFile('scenarios/zone-outage-during-upgrade.yaml');
    if (!loaded.ok) throw new Error('the example does not load');
    const r = simulateTimeline(loaded.topology);
    // Zone b fails at 1h5m for 4 h, during master a's step (1h–1h10m).
    expect(r.maintenance.map((s) => [s.zone, min(s.startHours)])).toEqual([
      ['a', 60],
      ['b', 305],
      ['c', 315],
    ]);
    expect(min(r.maintenance[1]!.dueHours)).toBe(70);
  });

  it('a pass that falls due during another waits its turn (Poisson passes, one at a time)', () => {
    // Arrange: 2000 passes a year, 1 h per master, 3 masters; nothing fails. The scripted draws
    // make passes fall due at 1 h and 2 h (then at 102 h): the second waits for the first.
    const t = threeZones({
      failures: { maintenance: { passesPerYear: 2000, perMaster: '1h' } },
    });
    const rate = 2000 / 8760;
    const u = (hours: number): number => 1 - Math.exp(-hours * rate);
    const engine = new TrialEngine(compileModel(t, { horizonHours: 10, randomFailures: true }));
    const steps: StepRecord[] = [];
    engine.state.steps = steps;
    // Act
    engine.run(createScriptedRng([1, 1, 100].map(u)));
    const round = (h: number): number => Math.round(h * 1e9) / 1e9;
    // Assert: masters 1, 2, 3 from 1 h, then the waiting pass from 4 h.
    expect(steps.map((x) => [x.master, round(x.dueHours), round(x.startHours)])).toEqual([
      [0, 1, 1],
      [1, 2, 2],
      [2, 3, 3],
      [0, 4, 4],
      [1, 5, 5],
      [2, 6, 6],
    ]);
  });
});
