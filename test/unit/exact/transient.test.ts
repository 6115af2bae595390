import { erf } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { downAfterStart } from '../../../src/exact/transient.js';
import type { RepairDistribution } from '../../../src/model/topology.js';

/** z of the normal 90th percentile. */
const Z90 = 1.2815515655446004;

/**
 * λ e^(−λu) ∫₀ᵘ e^(λv) S(v) dv for a lognormal repair, by composite Simpson's rule in
 * z = ln(v/m)/σ (v = m e^(σz), dv = σ v dz) from z = −40 to ln(u/m)/σ, with mathjs's erf: an
 * independent computation of P(down at u | up at 0).
 */
function reference(perYear: number, median: number, p90: number, u: number): number {
  const lambda = perYear / 8760;
  const sigma = Math.log(p90 / median) / Z90;
  const survival = (z: number): number => 0.5 * (1 - erf(z / Math.SQRT2));
  const f = (z: number): number => {
    const v = median * Math.exp(sigma * z);
    return Math.exp(lambda * v) * survival(z) * sigma * v;
  };
  const a = -40;
  const b = Math.log(u / median) / sigma;
  const n = 200_000;
  const h = (b - a) / n;
  let sum = f(a) + f(b);
  for (let i = 1; i < n; i++) sum += f(a + i * h) * (i % 2 === 1 ? 4 : 2);
  return lambda * Math.exp(-lambda * u) * ((sum * h) / 3);
}

describe('P(down at u | up at 0) for a lognormal repair', () => {
  it.each([
    // perYear, median h, p90 h, u h: the defaults' scale, and far from it
    [0.2, 2, 8, 1 / 6],
    [0.1, 0.5, 2, 1 / 6],
    [0.02, 3, 14, 0.01],
    [0.2, 2, 8, 100],
    [40, 1, 5, 6],
    [5, 0.01, 0.05, 10],
    [1000, 0.5, 20, 8],
  ])('perYear %s, median %s h, p90 %s h, at %s h', (perYear, median, p90, u) => {
    const repair: RepairDistribution = { kind: 'lognormal', medianHours: median, p90Hours: p90 };
    const down = downAfterStart(perYear, repair, u);
    expect(Math.abs(down / reference(perYear, median, p90, u) - 1)).toBeLessThan(1e-10);
  });

  it('is 1 − e^(−λu) when no repair ends within the step', () => {
    // A failure at any s ≤ u is still down at u: P(R < 0.1 h) ≈ Φ(−17) for this repair.
    const repair: RepairDistribution = { kind: 'lognormal', medianHours: 1000, p90Hours: 2000 };
    const expected = -Math.expm1(-0.1 / 8760);
    expect(Math.abs(downAfterStart(1, repair, 0.1) / expected - 1)).toBeLessThan(1e-14);
  });
});
