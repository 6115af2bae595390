import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faultTolerance, hasQuorum, majority } from '../../../src/quorum/majority.js';

// etcd FAQ, "What is failure tolerance?" (https://etcd.io/docs/v3.5/faq/#what-is-failure-tolerance):
// cluster size → majority → failure tolerance.
const ETCD_FAQ_TABLE = [
  { size: 1, majority: 1, tolerance: 0 },
  { size: 2, majority: 2, tolerance: 0 },
  { size: 3, majority: 2, tolerance: 1 },
  { size: 4, majority: 3, tolerance: 1 },
  { size: 5, majority: 3, tolerance: 2 },
  { size: 6, majority: 4, tolerance: 2 },
  { size: 7, majority: 4, tolerance: 3 },
  { size: 8, majority: 5, tolerance: 3 },
  { size: 9, majority: 5, tolerance: 4 },
];

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('majority and faultTolerance', () => {
  it.each(ETCD_FAQ_TABLE)(
    'match the etcd FAQ for $size members: majority $majority, tolerance $tolerance',
    ({ size, majority: q, tolerance }) => {
      expect(majority(size)).toBe(q);
      expect(faultTolerance(size)).toBe(tolerance);
    },
  );

  it('make any two majorities of the same group intersect', () => {
    const twoMajorities = fc
      .integer({ min: 1, max: 15 })
      .chain((n) =>
        fc.tuple(
          fc.constant(n),
          fc.subarray(range(n), { minLength: majority(n) }),
          fc.subarray(range(n), { minLength: majority(n) }),
        ),
      );
    fc.assert(
      fc.property(twoMajorities, ([, a, b]) => {
        expect(a.some((m) => b.includes(m))).toBe(true);
      }),
    );
  });

  it('give an even size the tolerance of the odd size below it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (k) => {
        expect(faultTolerance(2 * k)).toBe(faultTolerance(2 * k - 1));
      }),
    );
  });

  it('never lower the tolerance when a member is added', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => {
        expect(faultTolerance(n + 1)).toBeGreaterThanOrEqual(faultTolerance(n));
      }),
    );
  });

  it('say a group has quorum exactly when a majority is up', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 1000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([up, n]) => {
          // A majority is more than half: 2·up > n, independent of majority()'s formula.
          expect(hasQuorum(up, n)).toBe(2 * up > n);
        },
      ),
    );
  });

  it.each([0, -1, 2.5, Number.NaN])('reject %s members', (n) => {
    expect(() => majority(n)).toThrow(RangeError);
  });
});
