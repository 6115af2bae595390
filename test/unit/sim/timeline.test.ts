import { describe, expect, it } from 'vitest';
import { simulateTimeline } from '../../../src/sim/engine/timeline.js';
import { threeZones, ZERO_TIMERS } from '../../helpers/sim-scenarios.js';

const S = 1 / 3600;
const DEFAULT_TIMERS = {
  leaseDuration: '15s',
  endpointFailover: '10s',
  nodeMonitorGrace: '50s',
  podEviction: '300s',
};

// Zone b down 1h–5h, zone c down 2h–3h, on 3 stacked masters (a, b, c) with a cloud endpoint and
// 2 workers per zone (4 needed). Worked out by hand below.
const EVENTS = [
  { at: '1h', fail: 'zone eu/b', for: '4h' },
  { at: '2h', fail: 'zone eu/c', for: '1h' },
];

function changes(r: ReturnType<typeof simulateTimeline>, metric: string): [number, boolean][] {
  return r.entries
    .filter((e) => e.target === 'cluster/prod' && e.metric === metric)
    .map((e) => [Math.round(e.hours * 3600), e.up]);
}

describe('simulateTimeline replays scenario events', () => {
  it('with timers at 0: two zones down at once lose quorum, api, scheduling and workloads for 1 h', () => {
    const r = simulateTimeline(threeZones({ events: EVENTS, timers: ZERO_TIMERS, horizon: '10h' }));
    for (const metric of ['etcdQuorum', 'api', 'scheduling', 'workloads']) {
      expect(changes(r, metric)).toEqual([
        [7200, false],
        [10800, true],
      ]);
      expect(r.downHours['cluster/prod']![metric]).toBeCloseTo(1, 9);
    }
    expect(r.entries.every((e) => e.cause === 'event')).toBe(true);
    // Each entry names the event that caused it: zone c's failure, then its return.
    expect(new Set(r.entries.map((e) => e.eventLabel))).toEqual(
      new Set(['events[1]: zone eu/c for 1h']),
    );
    expect(r.entries.every((e) => e.event === 1)).toBe(true);
    expect(r.downHours['region/eu']!['served']).toBeCloseTo(1, 9);
  });

  it('with default timers: endpoint failover, and pods of zone b moved after 350 s', () => {
    const r = simulateTimeline(
      threeZones({ events: EVENTS, timers: DEFAULT_TIMERS, horizon: '10h' }),
    );
    // Master b stops serving at 1h: for 10 s the load balancer still sends it a third of the
    // requests (a and c serve) — partial downtime, not an outage. At 2h zone c takes quorum.
    expect(changes(r, 'api')).toEqual([
      [7200, false],
      [10800, true],
    ]);
    // The leader (master a) loses etcd at 2h; quorum is back at 3h, past the 15 s lease; the
    // controllers use their local apiserver, so the endpoint's gap does not touch scheduling.
    expect(changes(r, 'scheduling')).toEqual(changes(r, 'api'));
    // Worker b1 carries load: stranded at 1h, replaced on c2 after 50 s + 300 s. At 2h zone c
    // takes c1 and c2; api is down, so nothing is replaced until zone c returns at 3h.
    expect(changes(r, 'workloads')).toEqual([
      [3600, false],
      [3950, true],
      [7200, false],
      [10800, true],
    ]);
    expect(r.downHours['cluster/prod']!['api']).toBeCloseTo(1 + (10 * S) / 3, 9);
    expect(r.downHours['cluster/prod']!['workloads']).toBeCloseTo(1 + 350 * S, 9);
    expect(r.downHours['cluster/prod']!['etcdQuorum']).toBeCloseTo(1, 9);
  });

  it('a partition isolating zone a takes a keepalived endpoint in zone a down, not a cloud one', () => {
    const events = [{ at: '1h', partition: [['eu/a'], ['eu/b', 'eu/c']], for: '30m' }];
    const keepalived = simulateTimeline(
      threeZones({ events, endpoint: { kind: 'keepalived', zone: 'a' }, horizon: '5h' }),
    );
    const cloud = simulateTimeline(threeZones({ events, horizon: '5h' }));
    expect(changes(keepalived, 'api')).toEqual([
      [3600, false],
      [5400, true],
    ]);
    expect(changes(keepalived, 'etcdQuorum')).toEqual([]);
    expect(changes(cloud, 'api')).toEqual([]);
  });

  it('an etcd-restore bad change loses quorum and the writes since the last snapshot', () => {
    const events = [
      { at: '13h', operatorError: { clusters: 'all', effect: 'etcd-restore' }, for: '2h' },
    ];
    const r = simulateTimeline(threeZones({ events, horizon: '1d' }));
    expect(changes(r, 'etcdQuorum')).toEqual([
      [13 * 3600, false],
      [15 * 3600, true],
    ]);
    expect(r.downHours['cluster/prod']!['api']).toBeCloseTo(2, 9);
  });

  it('a maintenance event takes one master down at a time: no outage with timers at 0', () => {
    const r = simulateTimeline(
      threeZones({ events: [{ at: '1h', maintenance: { clusters: 'all' } }], horizon: '5h' }),
    );
    expect(r.entries).toEqual([]);
  });
});
