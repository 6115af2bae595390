/**
 * Gauss–Legendre quadrature: n nodes and weights on an interval, found by Newton's method on the
 * Legendre polynomial P_n (Golub–Welsch would need an eigensolver). Exact for polynomials of
 * degree 2n − 1; used to average over a maintenance step and to integrate repair tails.
 */

/** Nodes and weights of an n-point rule on [a, b] (weights sum to b − a). */
export interface QuadratureRule {
  nodes: number[];
  weights: number[];
}

/** The n-point Gauss–Legendre rule on [a, b]. */
export function gaussLegendre(n: number, a = -1, b = 1): QuadratureRule {
  const base = standardRule(n);
  const half = (b - a) / 2;
  const mid = (a + b) / 2;
  return {
    nodes: base.nodes.map((x) => mid + half * x),
    weights: base.weights.map((w) => w * half),
  };
}

/** ∫_a^b f with the n-point rule on each of `pieces` equal sub-intervals. */
export function integrate(
  f: (x: number) => number,
  a: number,
  b: number,
  n = 16,
  pieces = 1,
): number {
  if (!(b > a)) return 0;
  let sum = 0;
  const step = (b - a) / pieces;
  for (let p = 0; p < pieces; p++) {
    const rule = gaussLegendre(n, a + p * step, a + (p + 1) * step);
    rule.nodes.forEach((x, i) => (sum += (rule.weights[i] ?? 0) * f(x)));
  }
  return sum;
}

// --- internal ---

const cache = new Map<number, QuadratureRule>();

function standardRule(n: number): QuadratureRule {
  const cached = cache.get(n);
  if (cached !== undefined) return cached;
  const nodes: number[] = new Array<number>(n).fill(0);
  const weights: number[] = new Array<number>(n).fill(0);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    // Tricomi's initial guess for the i-th root, then Newton on P_n.
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 1;
    for (let iter = 0; iter < 100; iter++) {
      const { p, dp } = legendre(n, x);
      derivative = dp;
      const dx = p / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    derivative = legendre(n, x).dp;
    const w = 2 / ((1 - x * x) * derivative * derivative);
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    weights[i] = w;
    weights[n - 1 - i] = w;
  }
  const rule = { nodes, weights };
  cache.set(n, rule);
  return rule;
}

/** P_n(x) and P_n'(x) by the three-term recurrence. */
function legendre(n: number, x: number): { p: number; dp: number } {
  let p0 = 1;
  let p1 = x;
  if (n === 0) return { p: 1, dp: 0 };
  for (let k = 2; k <= n; k++) {
    const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
    p0 = p1;
    p1 = p2;
  }
  return { p: p1, dp: (n * (x * p1 - p0)) / (x * x - 1) };
}
