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
  const out = new Array<number>(length).fill(0);
  for (let i = 0; i < a.length && i < length; i++) {
    const ai = a[i] ?? 0;
    if (ai === 0) continue;
    for (let j = 0; j < b.length && i + j < length; j++)
      out[i + j] = (out[i + j] ?? 0) + ai * (b[j] ?? 0);
  }
  return out;
}

/**
 * The binomial distribution of how many of `n` independent elements are in a state of
 * probability `p`, truncated to `limit` entries. Terms that underflow to 0 past the mode are
 * dropped, so large `n` with small `p` stays short.
 */
export function binomial(n: number, p: number, limit = Infinity): number[] {
  const length = Math.min(n + 1, limit);
  if (n === 0 || p === 0) return [1];
  if (p === 1)
    return n < length ? [...new Array<number>(n).fill(0), 1] : new Array<number>(length).fill(0);
  const out: number[] = [];
  const q = 1 - p;
  const logRatio = Math.log(p / q);
  const log0 = n * Math.log1p(-p);
  const direct = log0 > -700;
  let value = direct ? Math.pow(q, n) : log0;
  const mode = Math.floor((n + 1) * p);
  for (let k = 0; k < length; k++) {
    if (k > 0) {
      const step = (n - k + 1) / k;
      value = direct ? (value * step * p) / q : value + Math.log(step) + logRatio;
    }
    const term = direct ? value : Math.exp(value);
    if (term === 0 && k > mode) break;
    out.push(term);
  }
  return out;
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
