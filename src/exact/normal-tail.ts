/**
 * The standard normal upper tail Q(x) = P(Z > x), to about 1e-15: the Taylor series of
 * ∫₀ˣ e^(−t²/2) dt below 2.5, Laplace's continued fraction above (modified Lentz). JavaScript has
 * no erf; the lognormal repair's survival function needs one.
 */

const INV_SQRT_2PI = 0.3989422804014327;

/** P(Z > x) for a standard normal Z. */
export function normalUpperTail(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 1 - normalUpperTail(-x);
  if (x < 2.5) return 0.5 - INV_SQRT_2PI * seriesIntegral(x);
  return INV_SQRT_2PI * Math.exp((-x * x) / 2) * continuedFraction(x);
}

/**
 * e^(y²/2) · Q(y): the upper tail without its Gaussian factor, finite where Q(y) underflows
 * (Q(y) = φ(y) · this · √(2π)).
 */
export function scaledNormalUpperTail(y: number): number {
  if (y < 2.5) return Math.exp((y * y) / 2) * normalUpperTail(y);
  return INV_SQRT_2PI * continuedFraction(y);
}

// --- internal ---

/** ∫₀ˣ e^(−t²/2) dt = Σ (−1)ⁿ x^(2n+1) / (2ⁿ n! (2n+1)). */
function seriesIntegral(x: number): number {
  const x2 = x * x;
  let term = x; // (−1)ⁿ x^(2n+1) / (2ⁿ n!)
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= -x2 / (2 * n);
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return sum;
}

/** 1 / (x + 1/(x + 2/(x + 3/(x + …)))): Q(x) = φ(x) times this. */
function continuedFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    d = x + k * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + k / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / f;
}
