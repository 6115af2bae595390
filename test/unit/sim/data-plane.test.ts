import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/sim/run/simulate.js';
import { simulateTimeline } from '../../../src/sim/engine/timeline.js';
import {
  elementAvailability,
  threeZones,
  topologyOf,
  ZERO_TIMERS,
} from '../../helpers/sim-scenarios.js';
import { ALL_FAILURES_OFF } from '../../helpers/topology-builder.js';

// The data plane (workloads) and what it serves, replayed from scenario events with the default
// timers (node monitor grace 50 s + pod eviction 300 s = 350 s): 3 stacked masters over zones
// a, b, c behind a cloud load balancer, 2 workers per zone.

const TIMERS = {
  leaseDuration: '15s',
  endpointFailover: '30s',
  nodeMonitorGrace: '50s',
  podEviction: '300s',
};

type Timeline = ReturnType<typeof simulateTimeline>;

function changes(r: Timeline, target: string, metric: string): [number, boolean][] {
  return r.entries
    .filter((e) => e.target === target && e.metric === metric)
    .map((e) => [Math.round(e.hours * 3600), e.up]);
}

function replay(events: unknown[], options: { workersNeeded?: number; placement?: string } = {}) {
  const t = threeZones({
    events,
    timers: TIMERS,
    horizon: '10h',
    ...(options.workersNeeded === undefined ? {} : { workersNeeded: options.workersNeeded }),
  });
  if (options.placement === 'packed') t.clusters[0]!.placement = 'packed';
  return simulateTimeline(t);
}

describe('a region is served by the data plane', () => {
  it('a load-balancer outage takes the API down but not workloads nor served', () => {
    const r = replay([{ at: '1h', fail: 'endpoint prod', for: '30m' }]);
    expect(changes(r, 'cluster/prod', 'api')).toEqual([
      [3600, false],
      [5400, true],
    ]);
    expect(changes(r, 'cluster/prod', 'workloads')).toEqual([]);
    expect(changes(r, 'region/eu', 'served')).toEqual([]);
  });

  it('a data-plane bad change takes workloads and served down; an API-only one does not', () => {
    const data = replay([
      { at: '1h', operatorError: { clusters: 'all', effect: 'data-plane' }, for: '45m' },
    ]);
    expect(changes(data, 'cluster/prod', 'workloads')).toEqual([
      [3600, false],
      [6300, true],
    ]);
    expect(changes(data, 'region/eu', 'served')).toEqual(
      changes(data, 'cluster/prod', 'workloads'),
    );
    expect(changes(data, 'cluster/prod', 'api')).toEqual([]);
    const api = replay([
      { at: '1h', operatorError: { clusters: 'all', effect: 'api-down' }, for: '45m' },
    ]);
    expect(changes(api, 'cluster/prod', 'api')).toEqual([
      [3600, false],
      [6300, true],
    ]);
    expect(changes(api, 'region/eu', 'served')).toEqual([]);
  });
});

describe('spread placement (the default)', () => {
  it('one worker lost with spare capacity is no outage; without spare, down while it is', () => {
    const event = [{ at: '1h', fail: 'worker prod/a', for: '2h' }];
    expect(changes(replay(event), 'cluster/prod', 'workloads')).toEqual([]);
    // All 6 workers needed: down exactly while the worker is (no eviction to wait for).
    expect(changes(replay(event, { workersNeeded: 6 }), 'cluster/prod', 'workloads')).toEqual([
      [3600, false],
      [10800, true],
    ]);
  });

  it("a zone loss strands the zone's pods until they are rescheduled, after the eviction time", () => {
    const r = replay([{ at: '1h', fail: 'zone eu/a', for: '2h' }]);
    // 4 workers left of the 4 needed, but zone a's replicas are gone until evicted: 350 s.
    expect(changes(r, 'cluster/prod', 'workloads')).toEqual([
      [3600, false],
      [3950, true],
    ]);
    expect(changes(r, 'region/eu', 'served')).toEqual([
      [3600, false],
      [3950, true],
    ]);
  });

  it('pods are rescheduled only once the API is back, or the zone comes back first', () => {
    // The load balancer is down from 1h to 1h20m: nothing can be rescheduled before that.
    const late = replay([
      { at: '1h', fail: 'zone eu/a', for: '2h' },
      { at: '1h', fail: 'endpoint prod', for: '20m' },
    ]);
    expect(changes(late, 'cluster/prod', 'workloads')).toEqual([
      [3600, false],
      [4800, true],
    ]);
    const back = replay([{ at: '1h', fail: 'zone eu/a', for: '2m' }]);
    expect(changes(back, 'cluster/prod', 'workloads')).toEqual([
      [3600, false],
      [3720, true],
    ]);
  });

  it('packed placement: a carrying worker lost is an outage until its load moves to a spare', () => {
    // Carrying workers a1 b1 c1 a2 (zone-interleaved); a1 goes: its load moves after 350 s.
    const r = replay([{ at: '1h', fail: 'worker prod/a', for: '2h' }], { placement: 'packed' });
    expect(changes(r, 'cluster/prod', 'workloads')).toEqual([
      [3600, false],
      [3950, true],
    ]);
  });

  it('packed placement: workloads stays down while any carrying worker is stranded', () => {
    // a1 goes at 1 h, b1 at 1 h + 300 s. At 1 h + 350 s a1's load moves to the first up spare,
    // b2 (a later worker); b1 is still stranded, so workloads stays down until its own load
    // moves to c2 at 1 h + 650 s (docs/model.md: up iff every carrying worker is up).
    const r = replay(
      [
        { at: '1h', fail: 'worker prod/a', for: '2h' },
        { at: '3900s', fail: 'worker prod/b', for: '2h' },
      ],
      { placement: 'packed' },
    );
    expect(changes(r, 'cluster/prod', 'workloads')).toEqual([
      [3600, false],
      [4250, true],
    ]);
  });
});

describe('usersServed', () => {
  const twoRegions = (objective?: number) =>
    topologyOf({
      regions: [
        { name: 'ra', zones: ['a'], users: 1 },
        { name: 'rb', zones: ['a'], users: 3 },
      ],
      clusters: [
        { name: 'small', region: 'ra', masters: { a: 1 }, workers: { a: 1 } },
        { name: 'spare', region: 'rb', masters: { a: 1 }, workers: { a: 2 }, workersNeeded: 1 },
      ],
      failures: { ...ALL_FAILURES_OFF, worker: { perYear: 40, repair: { mean: '24h' } } },
      timers: ZERO_TIMERS,
      failover: 'local-only',
      ...(objective === undefined ? {} : { objectives: { usersServed: objective } }),
    });

  it('weights each region by its users: Σ users_r · served_r / Σ users', () => {
    const a = elementAvailability(40, 24);
    // ra needs its one worker; rb needs one of two.
    const expected = (1 * a + 3 * (1 - (1 - a) ** 2)) / 4;
    const r = simulate(twoRegions(), { trials: 200, seed: 31, method: 'plain' });
    const u = r.deployment.usersServed;
    const [lo, hi] = u.availability.ci95;
    const half = ((hi - lo) / 2) * (3.29 / 1.96);
    expect(Math.abs((lo + hi) / 2 - expected)).toBeLessThan(half);
    // Its hours down are the user-weighted hours of the regions.
    const ra = r.regions['ra']!.served.downHours.mean;
    const rb = r.regions['rb']!.served.downHours.mean;
    expect(u.downHours.mean).toBeCloseTo((1 * ra + 3 * rb) / 4, 9);
  });

  it('checks a usersServed objective like the others', () => {
    const r = simulate(twoRegions(99.99), { trials: 100, seed: 32, method: 'plain' });
    expect(r.objectives).toEqual([
      { target: 'deployment', metric: 'usersServed', objective: 99.99, status: 'not-met' },
    ]);
  });

  it('is a one-sided bound when no region was ever unserved', () => {
    const t = threeZones({});
    const r = simulate(t, { trials: 50, seed: 1, method: 'plain' });
    const u = r.deployment.usersServed;
    expect(u.availability.mean).toBe(1);
    expect(u.availability.ci95[0]).toBeLessThan(1);
    expect(u.note).toMatch(/one-sided/);
  });
});
