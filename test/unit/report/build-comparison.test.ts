import { describe, expect, it } from 'vitest';
import { analyzeTopology } from '../../../src/exact/analyze.js';
import type { Topology } from '../../../src/model/topology.js';
import { buildComparison } from '../../../src/report/build-comparison.js';
import { renderComparisonMarkdown } from '../../../src/report/render-comparison.js';
import { computeTopologyCost } from '../../../src/report/topology-cost.js';
import { oneRegion } from '../../helpers/topology-builder.js';

/** Zones fail twice a year for 3 h (exponential); nothing else fails. z = 4380 / 4383. */
const zones = { zone: { perYear: 2, repair: { mean: '3h' } } };
const z = 4380 / 4383;

const design = (file: string, t: Topology) => ({ file, topology: t, analysis: analyzeTopology(t) });
const twoZones = oneRegion(['a', 'b', 'c'], [{ name: 'prod', masters: { a: 2, b: 1 } }], zones);
const threeZones = oneRegion(
  ['a', 'b', 'c'],
  [{ name: 'prod', masters: { a: 1, b: 1, c: 1 } }],
  zones,
);

describe('buildComparison', () => {
  it('gives the downtime difference of 2+1 and 1+1+1 etcd from the closed forms', () => {
    // Arrange: 2+1 holds quorum iff zone a is up (z); 1+1+1 iff 2 of 3 zones are (3z² − 2z³).
    const a = z;
    const b = 3 * z ** 2 - 2 * z ** 3;
    // Act
    const c = buildComparison(design('a.yaml', twoZones), design('b.yaml', threeZones));
    // Assert
    const quorum = c.metrics.find((m) => m.metric === 'etcdQuorum');
    expect(quorum?.aAvailability).toBeCloseTo(a, 14);
    expect(quorum?.bAvailability).toBeCloseTo(b, 14);
    expect(quorum?.deltaMinutesPerYear).toBeCloseTo((a - b) * 525_600, 7);
    expect(quorum?.causes[0]?.cause).toBe('zone');
    expect(quorum?.onlyA).toEqual(['zone r/a']);
    expect(quorum?.onlyB).toEqual([]);
    expect(c.matching).toEqual({ clusters: 'by-name', regions: 'by-name' });
  });

  it('explains the difference in one sentence per metric group', () => {
    const c = buildComparison(design('a.yaml', twoZones), design('b.yaml', threeZones));
    expect(c.summary[0]).toMatch(
      /^prod etcdQuorum, api, scheduling: B is down [\d.]+ min\/yr less .*most of the difference is zone outage.*zone r\/a is a single point of failure in A only\.$/,
    );
  });

  it('says nothing differs when the designs are the same', () => {
    const c = buildComparison(design('a.yaml', twoZones), design('a2.yaml', twoZones));
    expect(c.summary).toEqual([]);
    expect(renderComparisonMarkdown(c)).toContain('No metric’s downtime differs.');
  });
});

describe('computeTopologyCost', () => {
  it('prices VMs by role, a cloud endpoint as one load balancer and keepalived as two masters', () => {
    const t = oneRegion(
      ['a', 'b', 'c'],
      [
        {
          name: 'lb',
          masters: { a: 1, b: 1, c: 1 },
          endpoint: 'cloud',
          workers: { a: 2 },
          workersNeeded: 1,
        },
        {
          name: 'vip',
          masters: { a: 1 },
          etcd: { a: 1, b: 1, c: 1 },
          endpoint: { kind: 'keepalived', zone: 'a' },
        },
      ],
      {},
      { cost: { master: 10, etcd: 5, worker: 3, loadBalancer: 7 } },
    );
    // lb: 3 × 10 + 2 × 3 + 7 = 43; vip: 1 × 10 + 3 × 5 + 2 hosts × 10 = 45.
    expect(computeTopologyCost(t)).toEqual({
      perYear: 88,
      vms: 3 + 2 + 1 + 3 + 2,
      breakdown: { masters: 40, etcd: 15, workers: 6, endpoint: 27 },
    });
  });
});
