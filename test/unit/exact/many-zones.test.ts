/**
 * Regions of more than 6 zones with partitions (region-partitions.ts): the sides come from
 * connectivity probabilities and states below 1e-15 are left out. Checked against independent
 * computations: every link state enumerated with union–find (7 zones), and for 14 zones the
 * classical recursions for the random graph G(n, p) with identical links (Gilbert, "Random
 * graphs", Ann. Math. Statist. 30, 1959), which use the symmetry of the complete graph and none
 * of the engine's subset recursion.
 */
import { describe, expect, it } from 'vitest';
import { computeElementAvailabilities } from '../../../src/exact/element-availability.js';
import { computeMetrics } from '../../../src/exact/engine.js';
import { enumeratePrunedStates, PRUNE_BELOW } from '../../../src/exact/region-partitions.js';
import { oneRegion } from '../../helpers/topology-builder.js';

/** Every state the pruned enumeration keeps: sides (labels joined) → probability. */
function prunedStates(
  aRegion: number,
  aZone: number[],
  link: number,
): { states: Map<string, number>; truncated: number } {
  const n = aZone.length;
  const aLink = aZone.map((_, i) => aZone.map((__, j) => (i === j ? 1 : link)));
  const states = new Map<string, number>();
  const truncated = enumeratePrunedStates(aRegion, aZone, aLink, (p, _up, side) => {
    const key = side.join(',');
    states.set(key, (states.get(key) ?? 0) + p);
  });
  expect(aLink.length).toBe(n);
  return { states, truncated };
}

/**
 * Every link state of n always-up zones, by union–find: sides (labels joined) → probability,
 * each a compensated (Neumaier) sum of its 2^21 terms.
 */
function enumerateLinkStates(n: number, link: number): Map<string, number> {
  const pairs: [number, number][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) pairs.push([a, b]);
  // A state's probability depends on how many links are up.
  const byUp = pairs.map((_, k) => link ** k * (1 - link) ** (pairs.length - k));
  byUp.push(link ** pairs.length);
  const sums = new Map<number, { sum: number; carry: number }>();
  const parent = new Int32Array(n);
  const label = new Int32Array(n);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i]!;
    return i;
  };
  for (let state = 0; state < 2 ** pairs.length; state++) {
    let up = 0;
    for (let i = 0; i < n; i++) parent[i] = i;
    for (let k = 0; k < pairs.length; k++) {
      if ((state & (1 << k)) === 0) continue;
      up++;
      const ra = find(pairs[k]![0]);
      const rb = find(pairs[k]![1]);
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
    // Side labels in order of first zone, packed 4 bits a zone.
    label.fill(-1);
    let next = 0;
    let key = 0;
    for (let i = 0; i < n; i++) {
      const root = find(i);
      if (label[root] === -1) label[root] = next++;
      key = key * 16 + label[root]!;
    }
    const p = byUp[up]!;
    const s = sums.get(key) ?? { sum: 0, carry: 0 };
    const total = s.sum + p;
    s.carry += Math.abs(s.sum) >= Math.abs(p) ? s.sum - total + p : p - total + s.sum;
    s.sum = total;
    sums.set(key, s);
  }
  const text = (key: number): string =>
    Array.from({ length: n }, (_, i) => Math.floor(key / 16 ** (n - 1 - i)) % 16).join(',');
  return new Map([...sums].map(([key, s]) => [text(key), s.sum + s.carry]));
}

/** The 2^21 link states of 7 zones with links up 70 % of the time, enumerated once. */
let sevenZones: Map<string, number> | undefined;
const sevenZoneStates = (): Map<string, number> => (sevenZones ??= enumerateLinkStates(7, 0.7));

const binomialCoefficient = (n: number, k: number): number => {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
};

/** C_k = P(G(k, p) is connected): Gilbert's recursion over the size of vertex 1's component. */
function connectedGnp(n: number, p: number): number[] {
  const q = 1 - p;
  const c = [0, 1];
  for (let k = 2; k <= n; k++) {
    let split = 0;
    for (let j = 1; j < k; j++)
      split += binomialCoefficient(k - 1, j - 1) * c[j]! * q ** (j * (k - j));
    c.push(1 - split);
  }
  return c;
}

describe('sides of more than 6 zones', () => {
  it.each([0.7, 0.9])(
    'match every link state of 7 zones enumerated, links up %s, within what is left out',
    (link) => {
      // Arrange: links up 70 % of the time, so that every partition matters, or 90 %, so that
      // the least likely ones (e.g. all 7 zones apart, 1e-21) are left out.
      const exact = link === 0.7 ? sevenZoneStates() : enumerateLinkStates(7, link);
      // Act
      const { states, truncated } = prunedStates(1, new Array<number>(7).fill(1), link);
      // Assert: each kept state has its probability; the missing mass is within the bound.
      let missing = 0;
      const off: string[] = [];
      for (const [key, p] of exact) {
        const kept = states.get(key);
        if (kept === undefined) missing += p;
        else if (!(Math.abs(kept - p) <= 1e-14 * p + 1e-17)) off.push(`${key}: ${kept} vs ${p}`);
      }
      expect(off).toEqual([]);
      expect(states.size).toBeGreaterThan(100);
      expect(missing).toBeLessThanOrEqual(truncated + 1e-16);
      expect(truncated).toBeLessThan(1e-11);
      expect(truncated > 0).toBe(link === 0.9);
    },
  );

  it('give 14 connected zones the probability of Gilbert’s recursion for G(14, p)', () => {
    // Arrange: P(G(n, p) connected), and P(exactly zone i alone, the other 13 connected).
    const p = 0.6;
    const c = connectedGnp(14, p);
    // Act
    const { states } = prunedStates(1, new Array<number>(14).fill(1), p);
    // Assert
    const all = new Array<number>(14).fill(0).join(',');
    expect(states.get(all)).toBeCloseTo(c[14]!, 14);
    const alone = [0, ...new Array<number>(13).fill(1)].join(',');
    expect(states.get(alone)! / ((1 - p) ** 13 * c[13]!)).toBeCloseTo(1, 12);
  });

  it('keep or bound every bit of probability over zones that fail too', () => {
    // Arrange: 14 zones up 99.9 % of the time (so thousands of sets of up zones), links 99 %.
    const { states, truncated } = prunedStates(0.999, new Array<number>(14).fill(0.999), 0.99);
    // Act
    const kept = [...states.values()].reduce((a, b) => a + b, 0);
    // Assert: kept + left out = P(region up); what is left out is tiny (≈ 2,000 sets of up
    // zones with 5 down, each just below the bound).
    expect(kept).toBeLessThanOrEqual(0.999 + 1e-15);
    expect(kept + truncated).toBeGreaterThanOrEqual(0.999 - 1e-15);
    expect(truncated).toBeLessThan(1e-11);
    expect(PRUNE_BELOW).toBe(1e-15);
  });
});

describe('the engine beyond 6 zones', () => {
  /** etcdQuorum of 3 stacked masters in zones a, b, c of an n-zone region; only links fail. */
  function quorumWithLinks(n: number, availability: number): { quorum: number; truncated: number } {
    const zones = Array.from({ length: n }, (_, i) => String.fromCharCode(97 + i));
    // Links fail at rate λ with mean repair 1/μ: availability μ / (λ + μ).
    const perYear = (8760 / 10) * (1 / availability - 1);
    const t = oneRegion(zones, [{ masters: { a: 1, b: 1, c: 1 }, workers: { a: 1 } }], {
      partition: { perYear, repair: { mean: '10h' } },
    });
    const values = computeMetrics(t, computeElementAvailabilities(t));
    return { quorum: values.clusters['c0']!.etcdQuorum, truncated: values.truncatedProbability };
  }

  it('computes quorum over 7 zones as every link state does', () => {
    // Arrange: quorum needs two of a, b, c on one side (paths may run through d … g).
    const exact = sevenZoneStates();
    let expected = 0;
    for (const [key, p] of exact) {
      const [a, b, c] = key.split(',');
      if (a === b || a === c || b === c) expected += p;
    }
    // Act
    const { quorum, truncated } = quorumWithLinks(7, 0.7);
    // Assert: a lower bound, at most the probability left out below.
    expect(quorum).toBeLessThanOrEqual(expected + 1e-14);
    expect(quorum).toBeGreaterThanOrEqual(expected - truncated - 1e-14);
    expect(1 - expected).toBeGreaterThan(1e-6);
  });

  it('computes quorum over 14 zones as the symmetric recursions do', () => {
    // Arrange: with zone 1's component of size k, P(it holds b) and P(it holds b and c) give
    // P(two of a, b, c together) = 3·P(a~b) − 2·P(a~b~c) (any two of the events imply the third).
    const n = 14;
    const p = 0.5;
    const q = 1 - p;
    const c = connectedGnp(n, p);
    let pair = 0;
    let triple = 0;
    for (let k = 2; k <= n; k++)
      pair += binomialCoefficient(n - 2, k - 2) * c[k]! * q ** (k * (n - k));
    for (let k = 3; k <= n; k++)
      triple += binomialCoefficient(n - 3, k - 3) * c[k]! * q ** (k * (n - k));
    const expected = 3 * pair - 2 * triple;
    // Act
    const { quorum, truncated } = quorumWithLinks(n, p);
    // Assert: the unavailability (≈ 4e-8) to within what was left out (≈ 5e-11).
    expect(quorum).toBeLessThanOrEqual(expected + 1e-15);
    expect(quorum).toBeGreaterThanOrEqual(expected - truncated - 1e-15);
    expect(1 - expected).toBeGreaterThan(1000 * truncated);
  });
});
