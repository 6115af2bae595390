/**
 * Elements away from their steady state (docs/model.md, the exact engine):
 * - during a maintenance step of age u, which started with the element up: P(down at u | up at 0),
 *   exact for exponential repairs, else to first order in λ·u (a second failure of the same element
 *   within u is neglected);
 * - during a region impairment, which blocks replacements: the chance that a VM up when the
 *   impairment began has not failed since, averaged over the age of an ongoing impairment.
 */
import { lognormalSigma, repairMeanHours } from '../model/repair.js';
import type { RepairDistribution } from '../model/topology.js';
import { HOURS_PER_YEAR } from '../model/units.js';
import { integrate } from './gauss-legendre.js';
import { normalUpperTail, scaledNormalUpperTail } from './normal-tail.js';

/** P(repair > v): the survival function of a repair distribution. */
export function repairSurvival(r: RepairDistribution, v: number): number {
  if (v <= 0) return 1;
  switch (r.kind) {
    case 'exponential':
      return Math.exp(-v / r.meanHours);
    case 'fixed':
      return v < r.hours ? 1 : 0;
    case 'weibull':
      return Math.exp(-Math.pow(v / r.scaleHours, r.shape));
    case 'lognormal': {
      const sigma = lognormalSigma(r.medianHours, r.p90Hours);
      if (!(sigma > 0)) return v < r.medianHours ? 1 : 0;
      return normalUpperTail(Math.log(v / r.medianHours) / sigma);
    }
  }
}

/**
 * P(down at u | up at 0): for an exponential repair (rate μ) λ/(λ+μ) · (1 − e^(−(λ+μ)u)); else
 * λ e^(−λu) ∫₀ᵘ e^(λv) S_R(v) dv: the element failed at some s ≤ u and its repair lasts beyond
 * u − s (first order: it was up just before s).
 */
export function downAfterStart(perYear: number, r: RepairDistribution, u: number): number {
  if (!(perYear > 0) || !(u > 0)) return 0;
  const lambda = perYear / HOURS_PER_YEAR;
  switch (r.kind) {
    case 'fixed': {
      const held = Math.min(u, r.hours);
      return Math.exp(-lambda * (u - held)) - Math.exp(-lambda * u);
    }
    case 'exponential': {
      // A two-state Markov chain: exact, second failures included.
      const rate = lambda + 1 / r.meanHours;
      return (-lambda / rate) * Math.expm1(-rate * u);
    }
    case 'lognormal': {
      const sigma = lognormalSigma(r.medianHours, r.p90Hours);
      if (sigma > 0 && lambda * u <= 1)
        return (
          lambda *
          Math.exp(-lambda * u) *
          lognormalSurvivalIntegral(lambda, r.medianHours, sigma, u)
        );
      return lambda * Math.exp(-lambda * u) * numericSurvivalIntegral(lambda, r, u);
    }
    case 'weibull':
      return lambda * Math.exp(-lambda * u) * numericSurvivalIntegral(lambda, r, u);
  }
}

/**
 * E[e^(−λA)] for the age A of an ongoing impairment (density S_I(a) / E[I]), i.e.
 * (1 − E[e^(−λI)]) / (λ E[I]): the share of VMs up at the start of an impairment that are still up.
 */
export function stillUpDuringImpairment(perYear: number, impairment: RepairDistribution): number {
  if (!(perYear > 0)) return 1;
  const lambda = perYear / HOURS_PER_YEAR;
  const mean = repairMeanHours(impairment);
  if (!(mean > 0)) return 1;
  return failedBy(lambda, impairment) / (lambda * mean);
}

/**
 * P(a VM is up at age u of a maintenance step | it was up when the step began, and its region is
 * impaired now), over the age A of the ongoing impairment (density S_I(a) / E[I]): an impairment
 * older than the step kept every failure since the step began (e^(−λu)); a younger one began with
 * the VM in its own transient (1 − P(down at u − A)) and kept the failures since (e^(−λA)).
 */
export function upInImpairedStep(
  perYear: number,
  repair: RepairDistribution,
  impairment: RepairDistribution,
  u: number,
): number {
  const mean = repairMeanHours(impairment);
  if (!(perYear > 0) || !(u > 0) || !(mean > 0)) return 1 - downAfterStart(perYear, repair, u);
  const lambda = perYear / HOURS_PER_YEAR;
  // Ages below u: the impairment began during the step.
  const younger = integrate(
    (a) =>
      repairSurvival(impairment, a) *
      (1 - downAfterStart(perYear, repair, u - a)) *
      Math.exp(-lambda * a),
    0,
    u,
    12,
    2,
  );
  // Ages beyond u: ∫ᵤ^∞ S_I = E[I] − ∫₀ᵘ S_I.
  const older = Math.max(0, mean - integrate((a) => repairSurvival(impairment, a), 0, u, 12, 2));
  return (younger + Math.exp(-lambda * u) * older) / mean;
}

// --- internal ---

/** ∫₀ᵘ e^(λv) S_R(v) dv by quadrature. */
function numericSurvivalIntegral(lambda: number, r: RepairDistribution, u: number): number {
  return geometricIntegral((v) => Math.exp(lambda * v) * repairSurvival(r, v), u);
}

/**
 * ∫₀ᵘ e^(λv) S_R(v) dv for a lognormal R = m·e^(σZ), in closed form (for λu ≤ 1): expanding
 * e^(λv) and integrating by parts, Σ_{j≥1} λ^(j−1)/j! · (u^j S(u) + E[R^j; R < u]), where
 * E[R^j; R < u] = m^j e^(j²σ²/2) Φ(x − jσ) with x = ln(u/m)/σ, i.e. u^j · e^(jσ(jσ − 2x)/2) ·
 * Q(jσ − x). Every term is positive and the series falls like (λu)^(j−1)/j!.
 */
function lognormalSurvivalIntegral(lambda: number, m: number, sigma: number, u: number): number {
  const x = Math.log(u / m) / sigma;
  const survival = normalUpperTail(x);
  let sum = 0;
  let power = u; // λ^(j−1) u^j / j!
  for (let j = 1; j <= 40; j++) {
    const t = j * sigma;
    const y = t - x;
    // e^(t(t − 2x)/2) Q(y), written so that nothing overflows: e^(−x²/2) e^(y²/2) Q(y).
    const below =
      y < 2.5
        ? Math.exp((t * (t - 2 * x)) / 2) * normalUpperTail(y)
        : Math.exp((-x * x) / 2) * scaledNormalUpperTail(y);
    const term = power * (survival + below);
    sum += term;
    if (term <= 1e-17 * sum) break;
    power *= (lambda * u) / (j + 1);
  }
  return sum;
}

/**
 * ∫₀ᵘ f on geometric pieces [u·2^−(k+1), u·2^−k]: a repair's survival changes on the scale of its
 * median, which may be far below u.
 */
function geometricIntegral(f: (v: number) => number, u: number): number {
  const levels = 16;
  let sum = integrate(f, 0, u * 2 ** -levels, 4);
  for (let k = levels - 1; k >= 0; k--) sum += integrate(f, u * 2 ** -(k + 1), u * 2 ** -k, 8);
  return sum;
}

/** E[1 − e^(−λI)], computed without cancellation. */
function failedBy(lambda: number, r: RepairDistribution): number {
  const g = (hours: number): number => -Math.expm1(-lambda * hours);
  switch (r.kind) {
    case 'exponential':
      return (lambda * r.meanHours) / (1 + lambda * r.meanHours);
    case 'fixed':
      return g(r.hours);
    case 'lognormal': {
      const sigma = lognormalSigma(r.medianHours, r.p90Hours);
      if (!(sigma > 0)) return g(r.medianHours);
      // I = median · e^(σz), z standard normal.
      const phi = (z: number): number => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
      return integrate((z) => g(r.medianHours * Math.exp(sigma * z)) * phi(z), -12, 12, 32, 8);
    }
    case 'weibull':
      // I = scale · t^(1/shape), t ~ Exp(1); with t = e^x the density is e^(x − e^x).
      return integrate(
        (x) => g(r.scaleHours * Math.exp(x / r.shape)) * Math.exp(x - Math.exp(x)),
        -40,
        5,
        32,
        12,
      );
  }
}
