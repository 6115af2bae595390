import { all, create, type BigNumber } from 'mathjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomial, convolve, lowerTail, upperTail } from '../../../src/exact/count-distribution.js';

const math = create(all ?? {}, { number: 'BigNumber', precision: 60 });

/** C(n, k) p^k (1 − p)^(n − k) in 60-digit arithmetic. */
function exactTerm(n: number, k: number, p: number): number {
  const big = (x: number): BigNumber => math.bignumber(x);
  const bp = big(p);
  const term = math
    .combinations(big(n), big(k))
    .times(bp.pow(k))
    .times(
      big(1)
        .minus(bp)
        .pow(n - k),
    );
  return Number(term.toString());
}

describe('binomial', () => {
  it.each([
    [10, 0.3],
    [200, 0.01],
    [2000, 0.5],
    [5000, 0.999],
  ])('matches 60-digit terms for n = %i, p = %d', (n, p) => {
    // Terms below 1e-290 may underflow to 0; the others agree to 1e-11, relative.
    const dist = binomial(n, p);
    const errors = [0, 1, Math.floor(n * p), n - 1, n].map((k) => {
      const truth = exactTerm(n, k, p);
      const got = dist[k] ?? 0;
      return truth < 1e-290 ? got : Math.abs(got - truth) / truth;
    });
    expect(Math.max(...errors)).toBeLessThan(1e-11);
  });

  it('is certain at 0 or n for p = 0 or 1, and truncates to the limit', () => {
    expect(binomial(5, 0)).toEqual([1]);
    expect(binomial(3, 1)).toEqual([0, 0, 0, 1]);
    expect(binomial(100, 0.5, 4)).toHaveLength(4);
  });

  it('sums to 1 and its tails complement each other', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(),
        (n, p, k) => {
          const dist = binomial(n, p);
          const cut = k % (n + 1);
          expect(upperTail(dist, 0)).toBeCloseTo(1, 12);
          expect(lowerTail(dist, cut - 1) + upperTail(dist, cut)).toBeCloseTo(1, 12);
        },
      ),
    );
  });
});

describe('convolve', () => {
  it('adds independent counts: Bin(m, p) ⊛ Bin(n, p) = Bin(m + n, p)', () => {
    const sum = convolve(binomial(7, 0.3), binomial(5, 0.3));
    binomial(12, 0.3).forEach((x, k) => expect(sum[k]).toBeCloseTo(x, 14));
  });
});
