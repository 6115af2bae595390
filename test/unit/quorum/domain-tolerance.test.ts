import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  balancedSpread,
  computeDomainTolerance,
  computeRegionTolerance,
  nameDomains,
} from '../../../src/quorum/domain-tolerance.js';
import { faultTolerance } from '../../../src/quorum/majority.js';
import {
  bruteZoneTolerance,
  compositions,
  subsets,
  survives,
} from '../../helpers/quorum-oracles.js';

const tolerance = (zones: number[]) => computeDomainTolerance(nameDomains(zones));

/** Placements of 1 to 15 members over 1 to 6 zones (some zones may be empty). */
const placementArb = fc
  .array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 6 })
  .filter((zones) => zones.some((n) => n > 0));

describe('computeDomainTolerance', () => {
  // Gardener GEP-20 (gardener/enhancements geps/0020-ha-control-planes): 3 etcd members over
  // two zones (2+1) tolerate no zone outage; model.md §4 and etcd-io/website#779 give 3+2 → 0
  // and 2+2+1 → 1.
  it.each([
    { zones: [2, 1], zoneTolerance: 0, source: 'Gardener GEP-20' },
    { zones: [3, 2], zoneTolerance: 0, source: 'etcd-io/website#779' },
    { zones: [2, 2, 1], zoneTolerance: 1, source: 'etcd-io/website#779' },
  ])('gives $zones a zone tolerance of $zoneTolerance ($source)', ({ zones, zoneTolerance }) => {
    expect(tolerance(zones).domainTolerance).toBe(zoneTolerance);
  });

  it('names the 3-member zone of 3+2 as the only zone whose loss breaks quorum', () => {
    const result = tolerance([3, 2]);
    expect(result.criticalSets).toEqual([['z1']]);
    expect(result.criticalSetCount).toBe(1);
  });

  it('tolerates one zone loss with 3 members in 3 zones', () => {
    expect(tolerance([1, 1, 1]).domainTolerance).toBe(1);
  });

  it('agrees with enumerating every set of lost zones', () => {
    fc.assert(
      fc.property(placementArb, (zones) => {
        expect(tolerance(zones).domainTolerance).toBe(bruteZoneTolerance(zones));
      }),
    );
  });

  it('survives every loss of k zones and fails for some loss of k + 1', () => {
    fc.assert(
      fc.property(placementArb, (zones) => {
        const k = tolerance(zones).domainTolerance;
        const all = subsets(zones.length);
        expect(all.filter((s) => s.length === k).every((s) => survives(zones, s))).toBe(true);
        expect(all.filter((s) => s.length === k + 1).some((s) => !survives(zones, s))).toBe(true);
      }),
    );
  });

  it('lists exactly the sets of k + 1 zones whose loss breaks quorum', () => {
    fc.assert(
      fc.property(placementArb, (zones) => {
        // Arrange: the oracle's breaking sets of size k + 1, named like the result's.
        const result = tolerance(zones);
        const size = bruteZoneTolerance(zones) + 1;
        const expected = subsets(zones.length)
          .filter((s) => s.length === size && !survives(zones, s))
          .map((s) => s.map((i) => `z${i + 1}`));
        // Act / Assert: the count is exact; the list is the same sets (the limit is 50).
        expect(result.criticalSetCount).toBe(expected.length);
        expect(new Set(result.criticalSets.map(String))).toEqual(
          new Set(expected.slice(0, 50).map(String)),
        );
      }),
    );
  });

  it('cuts the list of critical sets at the limit but still counts them all', () => {
    // 9 zones of one member: 5 members must be lost, any 5 of 9 zones: C(9, 5) = 126 sets.
    const result = computeDomainTolerance(nameDomains(new Array<number>(9).fill(1)), { limit: 10 });
    expect(result.criticalSets).toHaveLength(10);
    expect(result.criticalSetCount).toBe(126);
  });

  it('never exceeds the member tolerance', () => {
    fc.assert(
      fc.property(placementArb, (zones) => {
        const result = tolerance(zones);
        expect(result.domainTolerance).toBeLessThanOrEqual(faultTolerance(result.members));
      }),
    );
  });

  it('never rises when a member moves into the most-loaded zone', () => {
    fc.assert(
      fc.property(placementArb, fc.nat(), (zones, pick) => {
        // Arrange: move one member from a non-empty zone into the (first) most-loaded zone.
        const from = zones.map((n, i) => (n > 0 ? i : -1)).filter((i) => i >= 0);
        const source = from[pick % from.length]!;
        const target = zones.indexOf(Math.max(...zones));
        fc.pre(source !== target);
        const moved = [...zones];
        moved[source]! -= 1;
        moved[target]! += 1;
        // Assert
        expect(tolerance(moved).domainTolerance).toBeLessThanOrEqual(
          tolerance(zones).domainTolerance,
        );
      }),
    );
  });

  it('rejects a placement without members', () => {
    expect(() => tolerance([0, 0])).toThrow(RangeError);
  });
});

describe('balancedSpread', () => {
  it('spreads 5 members over 3 zones as 2,2,1', () => {
    expect(balancedSpread(5, 3)).toEqual([2, 2, 1]);
  });

  it('reaches the best zone tolerance of any spread of the same members', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 4 }), (n, z) => {
        const best = Math.max(...compositions(n, z).map(bruteZoneTolerance));
        expect(tolerance(balancedSpread(n, z)).domainTolerance).toBe(best);
      }),
    );
  });
});

describe('computeRegionTolerance', () => {
  it('tolerates one region loss with one member in each of three regions', () => {
    const result = computeRegionTolerance({ eu: { a: 1 }, us: { a: 1 }, ap: { a: 1 } });
    expect(result.domainTolerance).toBe(1);
  });

  it('names the region holding a majority as critical', () => {
    const result = computeRegionTolerance({ eu: { a: 1, b: 1, c: 1 }, us: { a: 1, b: 1 } });
    expect(result.domainTolerance).toBe(0);
    expect(result.criticalSets).toEqual([['eu']]);
  });

  it('agrees with enumerating lost regions over their summed members', () => {
    const regionsArb = fc.array(
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
      {
        minLength: 1,
        maxLength: 4,
      },
    );
    fc.assert(
      fc.property(regionsArb, (regions) => {
        const totals = regions.map((zones) => zones.reduce((a, b) => a + b, 0));
        fc.pre(totals.some((n) => n > 0));
        const input = Object.fromEntries(
          regions.map((zones, i) => [`r${i + 1}`, nameDomains(zones)]),
        );
        expect(computeRegionTolerance(input).domainTolerance).toBe(bruteZoneTolerance(totals));
      }),
    );
  });
});
