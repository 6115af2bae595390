import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeClusterSplit } from '../../../src/quorum/cluster-split.js';

// Kubernetes, "Considerations for large clusters" (kubernetes.io/docs/setup/best-practices/
// cluster-large/): no more than 5,000 nodes, 150,000 total pods and 110 pods per node.
const NODES = 5000;
const PODS = 150_000;
const PODS_PER_NODE = 110;

/** Whether a region's load split over k equal clusters keeps each inside the limits. */
function fits(
  k: number,
  o: {
    workers: number;
    pods: number;
    zones: number;
    zoneLosses: number;
    controlPlaneNodes: number;
  },
): boolean {
  const workers = Math.ceil(Math.max(o.workers, o.pods / PODS_PER_NODE) / k);
  // Workers per zone so that any zoneLosses zones can go: the survivors hold `workers`.
  const perZone = Math.ceil(workers / (o.zones - o.zoneLosses));
  const nodes = perZone * o.zones + o.controlPlaneNodes;
  return (
    nodes <= NODES &&
    Math.ceil(o.pods / k) <= PODS &&
    Math.ceil(o.pods / k) <= workers * PODS_PER_NODE
  );
}

const optionsArb = fc.integer({ min: 1, max: 5 }).chain((zones) =>
  fc.record({
    workers: fc.integer({ min: 1, max: 40_000 }),
    pods: fc.integer({ min: 0, max: 3_000_000 }),
    zones: fc.constant(zones),
    zoneLosses: fc.integer({ min: 0, max: zones - 1 }),
    controlPlaneNodes: fc.integer({ min: 1, max: 7 }),
  }),
);

describe('computeClusterSplit', () => {
  it('keeps a 30-node region in one cluster', () => {
    const split = computeClusterSplit({
      workers: 30,
      pods: 900,
      zones: 3,
      zoneLosses: 1,
      controlPlaneNodes: 3,
    });
    expect(split.clustersPerRegionLoad).toBe(1);
    expect(split.reasons).toEqual([]);
  });

  it('splits 150,001 pods over two clusters', () => {
    const split = computeClusterSplit({
      workers: 2000,
      pods: 150_001,
      zones: 3,
      zoneLosses: 0,
      controlPlaneNodes: 3,
    });
    expect(split.clustersPerRegionLoad).toBe(2);
  });

  it('raises the workers to hold 110 pods per node at most', () => {
    const split = computeClusterSplit({
      workers: 1,
      pods: 221,
      zones: 1,
      zoneLosses: 0,
      controlPlaneNodes: 1,
    });
    expect(split.workersNeeded).toBe(3);
    expect(split.reasons[0]).toMatch(/110 pods per node/);
  });

  it('uses the fewest clusters that keep every cluster inside the limits', () => {
    fc.assert(
      fc.property(optionsArb, (o) => {
        const k = computeClusterSplit(o).clustersPerRegionLoad;
        // k fits and k − 1 does not (k − 1 = 0 clusters never fits).
        expect([fits(k, o), k > 1 && fits(k - 1, o)]).toEqual([true, false]);
      }),
    );
  });
});
