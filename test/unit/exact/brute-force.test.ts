import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeElementAvailabilities } from '../../../src/exact/element-availability.js';
import { computeMetrics } from '../../../src/exact/engine.js';
import type { Topology } from '../../../src/model/topology.js';
import { smallScenarioArb, withinElementBudget } from '../../helpers/scenario-arbitraries.js';
import { bruteForce } from '../../helpers/brute-force.js';
import { oneRegion } from '../../helpers/topology-builder.js';

const TOLERANCE = 1e-12;

/** Every predicate where the engine and the brute force differ by more than the tolerance. */
function mismatches(topology: Topology): string[] {
  const exact = computeMetrics(topology, computeElementAvailabilities(topology));
  const oracle = bruteForce(topology);
  const out: string[] = [];
  const compare = (where: string, engine: number | undefined, truth: number): void => {
    if (engine === undefined || !(Math.abs(engine - truth) <= TOLERANCE))
      out.push(`${where}: engine ${engine} vs brute force ${truth}`);
  };
  for (const [name, metrics] of Object.entries(oracle.clusters))
    for (const [metric, truth] of Object.entries(metrics))
      compare(`${name}.${metric}`, exact.clusters[name]?.[metric as keyof typeof metrics], truth);
  for (const [name, metrics] of Object.entries(oracle.regions))
    for (const [metric, truth] of Object.entries(metrics))
      compare(`${name}.${metric}`, exact.regions[name]?.[metric as keyof typeof metrics], truth);
  compare('usersServed', exact.deployment.usersServed, oracle.usersServed);
  return out;
}

describe('the exact engine against brute-force enumeration of all 2^n states', () => {
  it('agrees to 1e-12 on random small topologies', () => {
    fc.assert(
      fc.property(smallScenarioArb, (file) => {
        expect(mismatches(withinElementBudget(file, 14))).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('agrees to 1e-12 on random topologies of up to 2^16 joint states', () => {
    fc.assert(
      fc.property(smallScenarioArb, (file) => {
        expect(mismatches(withinElementBudget(file, 16))).toEqual([]);
      }),
      { numRuns: 10 },
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
      // Arrange: 16 binary elements, every zone, link and master can fail.
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
      // Act
      const oracle = bruteForce(topology);
      // Assert: the case is not trivial, and the engine agrees.
      expect(oracle.clusters['c0']!.api).toBeGreaterThan(0.5);
      expect(oracle.clusters['c0']!.api).toBeLessThan(0.999);
      expect(mismatches(topology)).toEqual([]);
    },
  );
});
