import { describe, expect, it } from 'vitest';
import { compileModel } from '../../../src/sim/model/compile-model.js';
import { createScriptedRng } from '../../../src/sim/engine/rng.js';
import { P_WORKLOADS } from '../../../src/sim/model/sim-model.js';
import { simulateTimeline } from '../../../src/sim/engine/timeline.js';
import { TrialEngine } from '../../../src/sim/engine/trial-engine.js';
import { threeZones, topologyOf, ZERO_TIMERS } from '../../helpers/sim-scenarios.js';
import { ALL_FAILURES_OFF } from '../../helpers/topology-builder.js';

// Region impairment vs blackout (docs/model.md, Elements): an impairment takes the cloud's load
// balancers and DNS down and blocks VM replacements, while running VMs keep running.

type Timeline = ReturnType<typeof simulateTimeline>;

function changes(r: Timeline, target: string, metric: string): [number, boolean][] {
  return r.entries
    .filter((e) => e.target === target && e.metric === metric)
    .map((e) => [Math.round(e.hours * 3600), e.up]);
}

const IMPAIRED = { at: '1h', fail: 'impairment eu', for: '4h' };

describe('a region impairment', () => {
  it.each([
    ['cloud', true],
    ['dns', true],
    ['local-proxy', false],
    [{ kind: 'keepalived', zone: 'a' }, false],
  ])('takes a %j endpoint down: %s; never the data plane', (endpoint, down) => {
    const r = simulateTimeline(threeZones({ endpoint, events: [IMPAIRED], horizon: '10h' }));
    expect(changes(r, 'cluster/prod', 'api')).toEqual(
      down
        ? [
            [3600, false],
            [18000, true],
          ]
        : [],
    );
    expect(changes(r, 'cluster/prod', 'etcdQuorum')).toEqual([]);
    expect(changes(r, 'cluster/prod', 'workloads')).toEqual([]);
    expect(changes(r, 'region/eu', 'served')).toEqual([]);
  });

  it('a blackout takes every zone of the region down', () => {
    const r = simulateTimeline(
      threeZones({ events: [{ at: '1h', fail: 'region eu', for: '4h' }], horizon: '10h' }),
    );
    for (const metric of ['etcdQuorum', 'api', 'workloads'])
      expect(changes(r, 'cluster/prod', metric)).toEqual([
        [3600, false],
        [18000, true],
      ]);
  });

  it('a VM that fails during an impairment is replaced only when it ends; a zone is not held', () => {
    // Every worker is needed. A worker fails at 2h for 10 min, zone c at 3h for 10 min: the
    // worker's replacement waits for the impairment's end at 5h, the zone comes back at 3h10m.
    const r = simulateTimeline(
      threeZones({
        workersNeeded: 6,
        endpoint: 'local-proxy',
        events: [
          IMPAIRED,
          { at: '2h', fail: 'worker prod/a', for: '10m' },
          { at: '3h', fail: 'zone eu/c', for: '10m' },
        ],
        horizon: '10h',
      }),
    );
    expect(changes(r, 'cluster/prod', 'workloads')).toEqual([
      [7200, false],
      [18000, true],
    ]);
    expect(changes(r, 'cluster/prod', 'etcdQuorum')).toEqual([]);
  });

  it('holds a random repair that would end during it until it ends (hand-worked trial)', () => {
    // Arrange: one master and one worker; workers fail once an hour (fixed 1 h repair), the
    // region is impaired once an hour for a fixed 4 h. The scripted draws put the impairment at
    // 2 h (over at 6 h) and the worker's failure at 3 h: its repair, due at 4 h, waits until 6 h.
    const t = topologyOf({
      regions: [{ name: 'eu', zones: ['a'] }],
      clusters: [{ name: 'solo', region: 'eu', masters: { a: 1 }, workers: { a: 1 } }],
      failures: {
        ...ALL_FAILURES_OFF,
        worker: { perYear: 8760, repair: { fixed: '1h' } },
        regionImpairment: { perYear: 8760, repair: { fixed: '4h' } },
      },
      timers: ZERO_TIMERS,
    });
    const engine = new TrialEngine(compileModel(t, { horizonHours: 10, randomFailures: true }));
    const u = (hours: number): number => 1 - Math.exp(-hours);
    // Act: initial draws (impairment, then worker), then the next failures after 6 h: 100 h.
    engine.run(createScriptedRng([2, 3, 100, 100].map(u)));
    // Assert
    expect(engine.state.downHours[P_WORKLOADS]).toBeCloseTo(3, 9);
    expect(engine.state.outages[P_WORKLOADS]).toBe(1);
  });
});

describe('a keepalived pair over two zones', () => {
  it('keeps the endpoint when the first host’s zone fails; a pair in one zone does not', () => {
    const zoneA = [{ at: '1h', fail: 'zone eu/a', for: '1h' }];
    const run = (endpoint: unknown) =>
      simulateTimeline(
        threeZones({
          endpoint,
          events: zoneA,
          timers: { ...ZERO_TIMERS, endpointFailover: '6s' },
          horizon: '5h',
        }),
      );
    // Master a stops serving at 1h: for 6 s HAProxy still sends it a third of the requests (b and
    // c serve): partial downtime, not an outage. The pair in zone a alone is down for the hour.
    const spread = run({ kind: 'keepalived', zones: ['a', 'b'] });
    expect(changes(spread, 'cluster/prod', 'api')).toEqual([]);
    expect(spread.downHours['cluster/prod']!['api']).toBeCloseTo(6 / 3600 / 3, 12);
    expect(changes(run({ kind: 'keepalived', zone: 'a' }), 'cluster/prod', 'api')).toEqual([
      [3600, false],
      [7200, true],
    ]);
  });

  it('reaches the side of either host: the VIP moves to a host that reaches a serving apiserver', () => {
    // Zone a is cut off from b and c. A pair over a and b still reaches b and c through its host
    // in b; a pair in zone a alone reaches master a, which has no quorum.
    const cut = [{ at: '1h', partition: [['eu/a'], ['eu/b', 'eu/c']], for: '30m' }];
    const run = (endpoint: unknown) =>
      simulateTimeline(threeZones({ endpoint, events: cut, horizon: '5h' }));
    expect(changes(run({ kind: 'keepalived', zones: ['a', 'b'] }), 'cluster/prod', 'api')).toEqual(
      [],
    );
    expect(changes(run({ kind: 'keepalived', zone: 'a' }), 'cluster/prod', 'api')).toEqual([
      [3600, false],
      [5400, true],
    ]);
  });
});
