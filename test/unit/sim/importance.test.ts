import { expm, matrix } from 'mathjs';
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

// A 3-member quorum whose nodes fail 0.2 times a year and are repaired in 10 minutes on average
// (exponential): a quorum loss needs a second failure within a repair, about once in 200,000 years.
// With exponential times the number of nodes down is a CTMC, so the exact transient answers over a
// one-year horizon from "all up" follow from matrix exponentials.
const LAMBDA = 0.2 / 8760; // per hour
const MU = 6; // per hour
const H = 8760;

function at(m: ReturnType<typeof expm>, i: number, j: number): number {
  return (m.valueOf() as number[][])[i]![j]!;
}

/** E[hours with 2 or more of 3 down within H]: expm of the generator augmented with the reward. */
function exactDownHours(): number {
  const q = (k: number): number[] => {
    const row = [0, 0, 0, 0, k >= 2 ? 1 : 0];
    if (k < 3) row[k + 1] = (3 - k) * LAMBDA;
    if (k > 0) row[k - 1] = k * MU;
    row[k] = -((3 - k) * LAMBDA + k * MU);
    return row;
  };
  const a = [q(0), q(1), q(2), q(3), [0, 0, 0, 0, 0]].map((r) => r.map((x) => x * H));
  return at(expm(matrix(a)), 0, 4);
}

/** P(2 down at some time within H): the same chain with "2 down" absorbing. */
function exactOutageProbability(): number {
  const a = [
    [-3 * LAMBDA, 3 * LAMBDA, 0],
    [MU, -(MU + 2 * LAMBDA), 2 * LAMBDA],
    [0, 0, 0],
  ].map((r) => r.map((x) => x * H));
  return at(expm(matrix(a)), 0, 2);
}

describe('importance sampling of rare quorum loss', () => {
  const topology = threeZones({ failures: { master: { perYear: 0.2, repair: { mean: '10m' } } } });

  it('plain sampling sees nothing and says so with a one-sided bound, never a zero-width 100 %', () => {
    const r = simulate(topology, { trials: 2000, seed: 1, method: 'plain' });
    const q = r.clusters['prod']!.etcdQuorum;
    expect(q.trialsWithOutage).toBe(0);
    expect(q.availability.ci95[0]).toBeLessThan(1);
    expect(q.pOutage.ci95[1]).toBeCloseTo(1 - 0.025 ** (1 / 2000), 12);
    expect(q.note).toMatch(/no outage in 2000 trials/);
  });

  it('the interval contains the exact CTMC answer for downtime and outage probability', () => {
    // Arrange
    const downHours = exactDownHours();
    const pOutage = exactOutageProbability();
    expect(pOutage).toBeGreaterThan(1e-6);
    expect(pOutage).toBeLessThan(1e-5);
    // Act
    const r = simulate(topology, { trials: 2000, seed: 1, method: 'auto' });
    // Assert
    const q = r.clusters['prod']!.etcdQuorum;
    expect(r.method).toBe('monte-carlo+importance-sampling');
    expect(q.method).toBe('importance-sampling');
    expect(q.effectiveSampleSize).toBeGreaterThan(20);
    expect(q.downHours.ci95[0]).toBeLessThanOrEqual(downHours);
    expect(q.downHours.ci95[1]).toBeGreaterThanOrEqual(downHours);
    expect(q.pOutage.ci95[0]).toBeLessThanOrEqual(pOutage);
    expect(q.pOutage.ci95[1]).toBeGreaterThanOrEqual(pOutage);
    // And it is an estimate, not a vacuous interval: within a factor 2 either way.
    expect(q.pOutage.ci95[1] / q.pOutage.ci95[0]).toBeLessThan(4);
  });
});

describe('importance sampling with heavy-tailed repairs', () => {
  it('keeps the interval honest: it contains the exact value, widened when the weights degenerate', () => {
    // Arrange: 3 zones × 4 workers, 8 needed; zones fail 0.02/yr (lognormal median 3 h, p90 14 h),
    // workers 0.2/yr (lognormal median 10 min, p90 1 h). Workloads fail when a zone and a worker
    // elsewhere are down together: a few times 10^-9, dominated by the zones' long tail.
    const zoneMttr = 3 * Math.exp(lognormalSigma(3, 14) ** 2 / 2);
    const workerMttr = (1 / 6) * Math.exp(lognormalSigma(1 / 6, 1) ** 2 / 2);
    const az = elementAvailability(0.02, zoneMttr);
    const aw = elementAvailability(0.2, workerMttr);
    let exact = 0;
    for (let zones = 0; zones < 8; zones++) {
      const up = [0, 1, 2].filter((z) => (zones >> z) & 1);
      const pz = az ** up.length * (1 - az) ** (3 - up.length);
      exact += pz * atLeast(8, 4 * up.length, aw);
    }
    const t = topologyOf({
      regions: [{ name: 'dc', zones: ['a', 'b', 'c'] }],
      clusters: [
        {
          name: 'x',
          region: 'dc',
          masters: { a: 1, b: 1, c: 1 },
          workers: { a: 4, b: 4, c: 4 },
          workersNeeded: 8,
        },
      ],
      failures: {
        ...ALL_FAILURES_OFF,
        zone: { perYear: 0.02, repair: { median: '3h', p90: '14h' } },
        worker: { perYear: 0.2, repair: { median: '10m', p90: '1h' } },
      },
      timers: ZERO_TIMERS,
    });
    // Act
    const w = simulate(t, { trials: 2000, seed: 3, method: 'auto' }).clusters['x']!.workloads;
    // Assert
    expect(1 - exact).toBeGreaterThan(1e-10);
    expect(w.method).toBe('importance-sampling');
    expect(w.availability.ci95[0]).toBeLessThanOrEqual(exact);
    expect(w.availability.ci95[1]).toBeGreaterThanOrEqual(exact);
    expect((w.effectiveSampleSize ?? 0) >= 50 || /did not converge/.test(w.note ?? '')).toBe(true);
  });
});

describe('importance sampling of two zones down at once', () => {
  it('estimates a 5·10^-10 quorum unavailability within its interval, with a usable sample', () => {
    // Arrange: zones fail 0.02 times a year for 6 h on average (exponential); quorum needs 2 of 3.
    const u = 1 - elementAvailability(0.02, 6);
    const exact = 1 - (3 * u * u * (1 - u) + u ** 3);
    const t = threeZones({ failures: { zone: { perYear: 0.02, repair: { mean: '6h' } } } });
    // Act
    const q = simulate(t, { trials: 20000, seed: 5, method: 'auto' }).clusters['prod']!.etcdQuorum;
    // Assert
    expect(q.method).toBe('importance-sampling');
    expect(q.importancePass).toBe('is-control');
    expect(q.effectiveSampleSize).toBeGreaterThan(50);
    expect(q.availability.ci95[0]).toBeLessThanOrEqual(exact);
    expect(q.availability.ci95[1]).toBeGreaterThanOrEqual(exact);
    // Not a vacuous interval: the unavailability is pinned down within a factor 2.
    expect((1 - q.availability.ci95[0]) / (1 - q.availability.ci95[1])).toBeLessThan(2.5);
  });
});
