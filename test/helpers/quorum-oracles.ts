/**
 * Oracles for the quorum tests, written from the definitions by enumeration and independent of
 * the closed forms under test.
 */

/** Every subset of {0, …, n−1} as a list of indices. */
export function subsets(n: number): number[][] {
  const all: number[][] = [];
  for (let mask = 0; mask < 2 ** n; mask++) {
    all.push(Array.from({ length: n }, (_, i) => i).filter((i) => (mask & (1 << i)) !== 0));
  }
  return all;
}

/** Whether the members left after losing `lost` zones are more than half of all members. */
export function survives(zones: readonly number[], lost: readonly number[]): boolean {
  const total = zones.reduce((a, b) => a + b, 0);
  const left = zones.reduce((a, n, i) => a + (lost.includes(i) ? 0 : n), 0);
  return 2 * left > total;
}

/** The largest k such that every loss of k zones leaves a majority, by enumeration. */
export function bruteZoneTolerance(zones: readonly number[]): number {
  let best = 0;
  for (let k = 0; k <= zones.length; k++) {
    const ok = subsets(zones.length)
      .filter((s) => s.length === k)
      .every((s) => survives(zones, s));
    if (!ok) break;
    best = k;
  }
  return best;
}

/** Every composition of n into `parts` non-negative parts. */
export function compositions(n: number, parts: number): number[][] {
  if (parts === 1) return [[n]];
  const out: number[][] = [];
  for (let first = 0; first <= n; first++) {
    for (const rest of compositions(n - first, parts - 1)) out.push([first, ...rest]);
  }
  return out;
}
