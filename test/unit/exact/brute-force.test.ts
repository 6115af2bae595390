import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeElementAvailabilities } from '../../../src/exact/element-availability.js';
import { computeMetrics } from '../../../src/exact/engine.js';
import { bruteForce } from '../../helpers/brute-force.js';
import { smallScenarioArb, withinElementBudget } from '../../helpers/arbitraries.js';
import { oneRegion } from '../../helpers/topology-builder.js';

const TOLERANCE = 1e-12;

function expectEngineToMatchBruteForce(
  file: Parameters<typeof withinElementBudget>[0],
  budget: number,
): void {
  // Arrange
  const topology = withinElementBudget(file, budget);
  // Act
  const exact = computeMetrics(topology, computeElementAvailabilities(topology));
  const oracle = bruteForce(topology);
  // Assert
  for (const [name, metrics] of Object.entries(oracle.clusters))
    for (const [metric, value] of Object.entries(metrics))
      expect(exact.clusters[name]?.[metric as 'api'], `${name}.${metric}`).toBeCloseTo(value, 12);
  for (const [name, metrics] of Object.entries(oracle.regions))
    for (const [metric, value] of Object.entries(metrics))
      expect(
        Math.abs((exact.regions[name]?.[metric as 'served'] ?? NaN) - value),
        `${name}.${metric}`,
      ).toBeLessThanOrEqual(TOLERANCE);
}

describe('the exact engine against brute-force enumeration of all 2^n states', () => {
  it('agrees to 1e-12 on random small topologies', () => {
    fc.assert(
      fc.property(smallScenarioArb, (file) => expectEngineToMatchBruteForce(file, 14)),
      { numRuns: 80 },
    );
  });

  it.each([
    ['stacked', 'cloud'],
    ['stacked', 'keepalived'],
    ['stacked', 'single-master'],
    ['external', 'dns'],
    ['external', 'single-master'],
    ['external', 'keepalived'],
  ])(
    'agrees with %s etcd behind a %s endpoint under partitions and maintenance',
    (etcd, endpoint) => {
      const rate = { perYear: 40, repair: { mean: '20h' } };
      const topology = oneRegion(
        ['a', 'b', 'c'],
        [
          {
            masters: { a: 2, b: 1 },
            etcd: etcd === 'stacked' ? 'stacked' : { a: 1, b: 1, c: 1 },
            endpoint:
              endpoint === 'keepalived' || endpoint === 'single-master'
                ? { kind: endpoint, zone: 'a' }
                : endpoint,
            workers: { a: 1, c: 1 },
            workersNeeded: 1,
          },
        ],
        {
          partition: rate,
          zone: rate,
          master: rate,
          maintenance: { passesPerYear: 200, perMaster: '6h' },
        },
      );
      const exact = computeMetrics(topology, computeElementAvailabilities(topology));
      const oracle = bruteForce(topology);
      for (const metric of ['etcdQuorum', 'api', 'scheduling', 'workloads'] as const)
        expect(
          Math.abs(exact.clusters['c0']![metric] - oracle.clusters['c0']![metric]),
        ).toBeLessThanOrEqual(TOLERANCE);
      expect(oracle.clusters['c0']!.api).toBeGreaterThan(0.5);
      expect(oracle.clusters['c0']!.api).toBeLessThan(0.999);
    },
  );
});
