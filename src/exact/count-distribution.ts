/**
 * Distributions of counts of independent elements, as arrays `p[k] = P(count = k)`: the
 * binomial of identical elements, their convolution over zones, and tail sums. Every tail is a
 * sum of non-negative terms, so small probabilities keep their relative precision.
 */

/** A count that is 0 with certainty. */
export const ZERO_COUNT: readonly number[] = [1];

/** `P(X + Y = k)` for independent X and Y, optionally truncated to the first `limit` entries. */
export function convolve(a: readonly number[], b: readonly number[], limit = Infinity): number[] {
  const length = Math.min(a.length + b.length - 1, limit);
  const out = new Array<number>(length);
  // Each entry sums its terms in the order of a's index, skipping a's zeros.
  for (let k = 0; k < length; k++) {
    let sum = 0;
    const last = Math.min(k, a.length - 1);
    for (let i = Math.max(0, k - b.length + 1); i <= last; i++) {
      const ai = a[i] ?? 0;
      if (ai !== 0) sum += ai * (b[k - i] ?? 0);
    }
    out[k] = sum;
  }
  return out;
}

/**
 * The binomial distribution of how many of `n` independent elements are in a state of
 * probability `p`, truncated to `limit` entries. Terms are built outward from the mode (the
 * largest term, so nothing overflows) by their ratios and normalized by their sum: each carries
 * a relative error of about |k − mode| roundings, and terms that underflow are dropped, so large
 * `n` with small `p` stays short.
 */
export function binomial(n: number, p: number, limit = Infinity): number[] {
  if (n === 0 || p === 0) return [1];
  const length = Math.min(n + 1, limit);
  if (p === 1) return Array.from({ length }, (_, k) => (k === n ? 1 : 0));
  const q = 1 - p;
  const ratio = p / q;
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const w = new Float64Array(n + 1);
  w[mode] = 1;
  let sum = 1;
  let last = mode;
  for (let k = mode + 1; k <= n; k++) {
    const v = (((w[k - 1] ?? 0) * (n - k + 1)) / k) * ratio;
    if (v === 0) break;
    w[k] = v;
    sum += v;
    last = k;
  }
  for (let k = mode - 1; k >= 0; k--) {
    const v = ((w[k + 1] ?? 0) * (k + 1)) / (n - k) / ratio;
    if (v === 0) break;
    w[k] = v;
    sum += v;
  }
  return Array.from({ length: Math.min(length, last + 1) }, (_, k) => (w[k] ?? 0) / sum);
}

/** `P(count ≥ k)`: with k ≤ 0 the total mass. */
export function upperTail(dist: readonly number[], k: number): number {
  let sum = 0;
  for (let i = Math.max(0, k); i < dist.length; i++) sum += dist[i] ?? 0;
  return sum;
}

/** `P(count ≤ k)`. */
export function lowerTail(dist: readonly number[], k: number): number {
  let sum = 0;
  for (let i = 0; i <= k && i < dist.length; i++) sum += dist[i] ?? 0;
  return sum;
}
