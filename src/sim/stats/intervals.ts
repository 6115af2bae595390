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
