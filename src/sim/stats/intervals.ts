/**
 * 95 % confidence intervals: Student-t for means over trials, Wilson for a proportion, and the
 * exact Clopper–Pearson bound when no trial (or every trial) had the event, where Wilson and the
 * normal approximation say nothing useful.
 */

export type Interval = [number, number];

const Z975 = 1.959963984540054;
/** t quantiles at 0.975 for 1–4 degrees of freedom (the expansion below is poor there). */
const T975_SMALL = [
  Infinity,
  12.706204736174707,
  4.302652729749464,
  3.182446305284263,
  2.776445105197793,
];

/** The 0.975 quantile of Student's t with `df` degrees of freedom. */
export function tQuantile975(df: number): number {
  if (df < T975_SMALL.length) return T975_SMALL[Math.max(0, Math.floor(df))] ?? Infinity;
  // Cornish–Fisher expansion of t in terms of the normal quantile (Abramowitz & Stegun 26.7.5).
  const z = Z975;
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  const z7 = z5 * z * z;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df)
  );
}

/** Mean and Student-t interval from n, Σx and Σx². */
export function meanInterval(
  n: number,
  sum: number,
  sumSq: number,
): { mean: number; ci95: Interval } {
  if (n === 0) return { mean: NaN, ci95: [NaN, NaN] };
  const mean = sum / n;
  if (n === 1) return { mean, ci95: [-Infinity, Infinity] };
  const variance = Math.max(0, (sumSq - n * mean * mean) / (n - 1));
  const half = tQuantile975(n - 1) * Math.sqrt(variance / n);
  return { mean, ci95: [mean - half, mean + half] };
}

/** Wilson score interval for k events in n trials; Clopper–Pearson at k = 0 and k = n. */
export function proportionInterval(k: number, n: number): Interval {
  if (n === 0) return [0, 1];
  if (k === 0) return [0, clopperPearsonZeroUpper(n)];
  if (k === n) return [1 - clopperPearsonZeroUpper(n), 1];
  const p = k / n;
  const z2 = Z975 * Z975;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z975 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Upper end of the two-sided 95 % Clopper–Pearson interval when no event was seen in n trials. */
export function clopperPearsonZeroUpper(n: number): number {
  return 1 - Math.pow(0.025, 1 / n);
}

/**
 * The exact (Garwood) 95 % interval of a Poisson mean from an observed count k: the means μ for
 * which k is not in either 2.5 % tail, P(X ≥ k; μ_lo) = 0.025 and P(X ≤ k; μ_hi) = 0.025.
 * At k = 0 it is [0, −ln 0.025] = [0, 3.689].
 */
export function poissonInterval(k: number): Interval {
  const count = Math.max(0, Math.round(k));
  const hi = solveMean((mu) => poissonCdf(count, mu) - 0.025, count);
  const lo = count === 0 ? 0 : solveMean((mu) => poissonCdf(count - 1, mu) - 0.975, count);
  return [lo, hi];
}

/** P(X ≤ k) for X ~ Poisson(μ): the regularized upper incomplete gamma Q(k + 1, μ). */
export function poissonCdf(k: number, mu: number): number {
  if (k < 0) return 0;
  if (mu <= 0) return 1;
  return 1 - regularizedLowerGamma(k + 1, mu);
}

// --- internal ---

/** The μ ≥ 0 where f, decreasing in μ, crosses 0 (bisection to a relative 1e-12). */
function solveMean(f: (mu: number) => number, k: number): number {
  let lo = 0;
  let hi = k + 10 * Math.sqrt(k + 1) + 10;
  while (f(hi) > 0) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** P(a, x), the regularized lower incomplete gamma (Numerical Recipes 6.2: series or continued fraction). */
function regularizedLowerGamma(a: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 100_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * 1e-16) break;
    }
    return Math.min(1, sum * Math.exp(logPrefix));
  }
  // Lentz's continued fraction for Q(a, x).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.max(0, 1 - Math.exp(logPrefix) * h);
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9). */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0] ?? 0;
  const t = z + 7.5;
  for (let i = 1; i < LANCZOS.length; i++) a += (LANCZOS[i] ?? 0) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
