import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeClusterCounts, type ClusterMode } from '../../../src/quorum/cluster-count.js';
import { compositions } from '../../helpers/quorum-oracles.js';

/**
 * The definitions of the three modes, checked by brute force: clusters are assigned to regions
 * (`perRegion`), then every set of U clusters is removed (or all of them, when fewer).
 * k clusters carry one region's load.
 */
function satisfies(mode: ClusterMode, perRegion: number[], u: number, k: number): boolean {
  const owner = perRegion.flatMap((n, region) => new Array<number>(n).fill(region));
  const n = owner.length;
  const removed = Math.min(u, n);
  if (perRegion.some((c) => c < k)) return false; // every region is served locally while all are up
  for (let mask = 0; mask < 2 ** n; mask++) {
    let down = 0;
    for (let i = 0; i < n; i++) if ((mask & (1 << i)) !== 0) down += 1;
    if (down !== removed) continue;
    const left = perRegion.map(
      (_, region) => owner.filter((r, i) => r === region && (mask & (1 << i)) === 0).length,
    );
    const survivors = left.reduce((a, b) => a + b, 0);
    const ok =
      mode === 'local'
        ? left.every((c) => c >= k)
        : mode === 'failoverWithCapacity'
          ? survivors >= perRegion.length * k
          : survivors >= 1;
    if (!ok) return false;
  }
  return true;
}

/** The fewest clusters for which some assignment to regions satisfies the mode's definition. */
function bruteMinimum(mode: ClusterMode, r: number, u: number, k: number): number {
  for (let n = 1; ; n++) {
    if (compositions(n, r).some((perRegion) => satisfies(mode, perRegion, u, k))) return n;
  }
}

const cases = [1, 2, 3]
  .flatMap((r) => [0, 1, 2, 3].flatMap((u) => [1, 2].map((k) => ({ r, u, k }))))
  .filter(({ r, u, k }) => r * (k + u) <= 12);

describe('computeClusterCounts', () => {
  // Kubernetes docs, "Building Large Clusters / multi-cluster" (docs/admin/multi-cluster.md,
  // kubernetes/website): 4 regions US, EU, AP, SA tolerating 1 unavailable cluster need 5
  // clusters when traffic may fail over, 8 to keep every region local; kubernetes PR #15338
  // corrected the formula from R·U to R·(U+1).
  it('needs 5 clusters with failover and 8 local for 4 regions tolerating 1 (Kubernetes docs)', () => {
    const counts = computeClusterCounts({ regions: 4, tolerate: 1 });
    expect(counts.failoverWithCapacity.clusters).toBe(5);
    expect(counts.local.clusters).toBe(8);
    expect(counts.failoverAvailabilityOnly.clusters).toBe(4);
  });

  it('shows why R·U is wrong: 4 clusters for 4 regions tolerate no local failure (PR #15338)', () => {
    expect(satisfies('local', [1, 1, 1, 1], 1, 1)).toBe(false);
  });

  it.each(cases)(
    'gives the fewest clusters that satisfy each definition for R=$r, U=$u, k=$k',
    ({ r, u, k }) => {
      const counts = computeClusterCounts({ regions: r, tolerate: u, clustersPerRegionLoad: k });
      const modes = ['local', 'failoverWithCapacity', 'failoverAvailabilityOnly'] as const;
      expect(modes.map((m) => counts[m].clusters)).toEqual(
        modes.map((m) => bruteMinimum(m, r, u, k)),
      );
      expect(modes.map((m) => satisfies(m, counts[m].perRegion, u, k))).toEqual([true, true, true]);
    },
  );

  it('orders the modes: local ≥ failover with capacity ≥ availability only', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 5 }),
        (regions, tolerate, k) => {
          const c = computeClusterCounts({ regions, tolerate, clustersPerRegionLoad: k });
          expect(c.local.clusters).toBeGreaterThanOrEqual(c.failoverWithCapacity.clusters);
          expect(c.failoverWithCapacity.clusters).toBeGreaterThanOrEqual(
            c.failoverAvailabilityOnly.clusters,
          );
        },
      ),
    );
  });

  it('places every cluster in some region', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 50 }), (r, u) => {
        for (const count of Object.values(computeClusterCounts({ regions: r, tolerate: u }))) {
          expect(count.perRegion).toHaveLength(r);
          expect(count.perRegion.reduce((a, b) => a + b, 0)).toBe(count.clusters);
        }
      }),
    );
  });

  it('states each assumption in words', () => {
    const counts = computeClusterCounts({ regions: 2, tolerate: 1 });
    expect(counts.local.assumption).toMatch(/own clusters/);
    expect(counts.failoverWithCapacity.assumption).toMatch(/fail over/);
    expect(counts.failoverAvailabilityOnly.assumption).toMatch(/capacity ignored/);
  });

  it.each([
    { regions: 0, tolerate: 1 },
    { regions: 2, tolerate: -1 },
    { regions: 1.5, tolerate: 1 },
  ])('rejects regions $regions and tolerate $tolerate', (options) => {
    expect(() => computeClusterCounts(options)).toThrow(RangeError);
  });
});
