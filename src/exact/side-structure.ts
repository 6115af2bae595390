/**
 * Which sides the links cut k up zones into, for every state of their k(k−1)/2 links: the
 * structure of the exact enumeration of a region's partitions, computed once per k (it does not
 * depend on any probability) and reused by every enumeration; and the distribution of sides it
 * gives with the links' availabilities.
 */

/** The set partitions of k zones that link states produce. */
export interface SideStructure {
  /** For each link state (bit i: the i-th pair (a, b), a < b, in lexicographic order, is up). */
  partitionOf: Int32Array;
  /** Each partition's side labels of the k zones, numbered in order of their first zone. */
  labels: (readonly number[])[];
}

/** The structure of k zones (k ≤ 6: 2^15 link states). */
export function sideStructure(k: number): SideStructure {
  const cached = cache[k];
  if (cached !== undefined) return cached;
  const pairs: [number, number][] = [];
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) pairs.push([a, b]);
  const partitionOf = new Int32Array(1 << pairs.length);
  const labels: number[][] = [];
  const index = new Map<number, number>();
  const parent = new Int32Array(k);
  const label = new Int32Array(k);
  const find = (i: number): number => {
    let r = i;
    while ((parent[r] ?? r) !== r) r = parent[r] ?? r;
    return r;
  };
  for (let state = 0; state < partitionOf.length; state++) {
    for (let i = 0; i < k; i++) parent[i] = i;
    pairs.forEach(([a, b], i) => {
      if ((state & (1 << i)) === 0) return;
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    });
    // Components labelled 0, 1, … in order of their first zone, packed as base-8 digits.
    label.fill(-1);
    let next = 0;
    let key = 0;
    for (let i = 0; i < k; i++) {
      const root = find(i);
      if (label[root] === -1) label[root] = next++;
      key = key * 8 + (label[root] ?? 0);
    }
    let code = index.get(key);
    if (code === undefined) {
      code = labels.length;
      index.set(key, code);
      labels.push(Array.from({ length: k }, (_, i) => label[find(i)] ?? 0));
    }
    partitionOf[state] = code;
  }
  const structure = { partitionOf, labels };
  cache[k] = structure;
  return structure;
}

/**
 * The distribution of sides of the up zones (k ≤ 6): each set partition (side labels of the up zones, in
 * order) with its probability, in the order first met. Every link state is weighed (a link that
 * cannot fail or cannot be up has a factor 1 or 0), its probability the product of the links'
 * factors in pair order, built by doubling over the links.
 */
export function sidesOfUpZones(
  up: readonly number[],
  aLink: readonly (readonly number[])[],
): [readonly number[], number][] {
  const structure = sideStructure(up.length);
  const factors: number[] = [];
  for (let a = 0; a < up.length; a++)
    for (let b = a + 1; b < up.length; b++) factors.push(aLink[up[a] ?? 0]?.[up[b] ?? 0] ?? 1);
  const p = new Float64Array(1 << factors.length);
  p[0] = 1;
  factors.forEach((a, k) => {
    const half = 1 << k;
    for (let s = 0; s < half; s++) {
      const before = p[s] ?? 0;
      p[s] = before * (1 - a);
      p[s + half] = before * a;
    }
  });
  // Summed per partition in the order the link states come, listed in the order first met.
  const total = new Float64Array(structure.labels.length);
  const order: number[] = [];
  for (let s = 0; s < p.length; s++) {
    const q = p[s] ?? 0;
    if (q === 0) continue;
    const code = structure.partitionOf[s] ?? 0;
    if (total[code] === 0) order.push(code);
    total[code] = (total[code] ?? 0) + q;
  }
  return order.map((code) => [structure.labels[code] ?? [], total[code] ?? 0]);
}

// --- internal ---

const cache: (SideStructure | undefined)[] = [];
