import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/sim/run/simulate.js';
import { lognormalSigma } from '../../../src/model/repair.js';
import {
  atLeast,
  elementAvailability,
  threeZones,
  topologyOf,
  ZERO_TIMERS,
} from '../../helpers/sim-scenarios.js';
import { ALL_FAILURES_OFF } from '../../helpers/topology-builder.js';

// With every timer at 0 the time-average of a predicate converges to its steady-state value,
// whatever the shape of the repair distribution. Rates are high so that 200 trials see plenty of
// outages; expected values are closed forms computed here, not simulator output.

/**
 * Whether the 99.9 % interval (the 95 % one widened by 3.29 / 1.96) contains the value: fixed
 * seeds make these tests deterministic, and the wider interval keeps them from failing one time
 * in twenty by design, while still failing for any error of a few percent of the downtime.
 */
function contains(ci: [number, number], value: number): boolean {
  const centre = (ci[0] + ci[1]) / 2;
  const half = ((ci[1] - ci[0]) / 2) * (3.29 / 1.96);
  return centre - half <= value && value <= centre + half;
}

describe('simulate with every timer at 0 agrees with closed forms', () => {
  it('3 stacked masters: quorum and api are 2-of-3 of the master nodes (lognormal repairs)', () => {
    // Arrange: masters fail 40 times a year, lognormal repair median 12 h, p90 30 h.
    const median = 12;
    const p90 = 30;
    const sigma = lognormalSigma(median, p90);
    const mttr = median * Math.exp((sigma * sigma) / 2);
    const a = elementAvailability(40, mttr);
    const t = threeZones({
      failures: { master: { perYear: 40, repair: { median: '12h', p90: '30h' } } },
    });
    // Act
    const r = simulate(t, { trials: 200, seed: 11, method: 'plain' });
    // Assert
    const prod = r.clusters['prod']!;
    const expected = atLeast(2, 3, a);
    expect(contains(prod.etcdQuorum.availability.ci95, expected)).toBe(true);
    expect(contains(prod.api.availability.ci95, expected)).toBe(true);
    expect(contains(prod.scheduling.availability.ci95, expected)).toBe(true);
    expect(prod.workloads.pOutage.mean).toBe(0);
  });

  it('workloads: at least workersNeeded of 6 workers (Weibull repairs)', () => {
    const t = threeZones({
      failures: { worker: { perYear: 60, repair: { weibull: { shape: 2, scale: '20h' } } } },
    });
    // Weibull mean = scale · Γ(1 + 1/shape) = 20 · √π / 2.
    const a = elementAvailability(60, (20 * Math.sqrt(Math.PI)) / 2);
    const r = simulate(t, { trials: 200, seed: 12, method: 'plain' });
    expect(contains(r.clusters['prod']!.workloads.availability.ci95, atLeast(4, 6, a))).toBe(true);
    expect(r.clusters['prod']!.api.pOutage.mean).toBe(0);
  });

  it('zones: quorum needs 2 of 3 zones effectively up (exponential repairs)', () => {
    const t = threeZones({ failures: { zone: { perYear: 20, repair: { mean: '30h' } } } });
    const a = elementAvailability(20, 30);
    const r = simulate(t, { trials: 200, seed: 13, method: 'plain' });
    const prod = r.clusters['prod']!;
    expect(contains(prod.etcdQuorum.availability.ci95, atLeast(2, 3, a))).toBe(true);
    // Workloads: 2 workers per zone, 4 needed: again 2 of 3 zones.
    expect(contains(prod.workloads.availability.ci95, atLeast(2, 3, a))).toBe(true);
  });

  it('partitions: quorum is lost only when all three links are cut', () => {
    const t = threeZones({
      failures: { partition: { perYear: 60, repair: { fixed: '40h' } } },
      endpoint: 'local-proxy',
    });
    const a = elementAvailability(60, 40);
    const r = simulate(t, { trials: 200, seed: 14, method: 'plain' });
    const expected = 1 - (1 - a) ** 3;
    expect(contains(r.clusters['prod']!.etcdQuorum.availability.ci95, expected)).toBe(true);
    expect(contains(r.clusters['prod']!.api.availability.ci95, expected)).toBe(true);
  });

  it('partitions with keepalived in zone a: api needs zone a on the quorum side', () => {
    const t = threeZones({
      failures: { partition: { perYear: 60, repair: { fixed: '40h' } } },
      endpoint: { kind: 'keepalived', zone: 'a' },
    });
    const a = elementAvailability(60, 40);
    const r = simulate(t, { trials: 200, seed: 15, method: 'plain' });
    // Zone a is on the majority side iff link ab or link ac is up.
    expect(contains(r.clusters['prod']!.api.availability.ci95, 1 - (1 - a) ** 2)).toBe(true);
  });

  it('external etcd: 5 members over 3 zones need 3 up', () => {
    const t = threeZones({
      etcd: { a: 2, b: 2, c: 1 },
      failures: { etcd: { perYear: 50, repair: { mean: '40h' } } },
    });
    const a = elementAvailability(50, 40);
    const r = simulate(t, { trials: 200, seed: 16, method: 'plain' });
    expect(contains(r.clusters['prod']!.etcdQuorum.availability.ci95, atLeast(3, 5, a))).toBe(true);
    expect(contains(r.clusters['prod']!.api.availability.ci95, atLeast(3, 5, a))).toBe(true);
  });

  it('a cloud load balancer is a single element in series with the masters', () => {
    const t = threeZones({
      failures: {
        master: { perYear: 40, repair: { mean: '12h' } },
        loadBalancer: { perYear: 30, repair: { mean: '20h' } },
      },
    });
    const expected = atLeast(2, 3, elementAvailability(40, 12)) * elementAvailability(30, 20);
    const r = simulate(t, { trials: 200, seed: 17, method: 'plain' });
    expect(contains(r.clusters['prod']!.api.availability.ci95, expected)).toBe(true);
    expect(
      contains(
        r.clusters['prod']!.etcdQuorum.availability.ci95,
        atLeast(2, 3, elementAvailability(40, 12)),
      ),
    ).toBe(true);
  });
});

describe('region predicates agree with closed forms', () => {
  const twoRegions = (usersB: number) =>
    topologyOf({
      regions: [
        { name: 'ra', zones: ['a'], users: 1 },
        { name: 'rb', zones: ['a'], users: usersB },
      ],
      clusters: ['ra', 'rb'].map((region) => ({
        name: `c-${region}`,
        region,
        masters: { a: 1 },
        endpoint: 'single-master',
        workers: { a: 1 },
      })),
      failures: {
        ...ALL_FAILURES_OFF,
        worker: { perYear: 40, repair: { mean: '24h' } },
        // A cluster serves by its data plane: its masters failing changes nothing served.
        master: { perYear: 40, repair: { mean: '24h' } },
      },
      timers: ZERO_TIMERS,
      failover: 'cross-region',
    });

  it('a region is served by another region only when that one has a cluster to spare', () => {
    const a = elementAvailability(40, 24);
    // rb has users: its one cluster is not spare, so ra is served only locally.
    const busy = simulate(twoRegions(1), { trials: 200, seed: 21, method: 'plain' });
    expect(contains(busy.regions['ra']!.served.availability.ci95, a)).toBe(true);
    // rb has no users: its cluster can carry ra's users.
    const idle = simulate(twoRegions(0), { trials: 200, seed: 21, method: 'plain' });
    expect(contains(idle.regions['ra']!.served.availability.ci95, 1 - (1 - a) ** 2)).toBe(true);
    expect(contains(idle.regions['ra']!.local.availability.ci95, a)).toBe(true);
  });
});
