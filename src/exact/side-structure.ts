/**
 * Which sides the links cut k up zones into, for every state of their k(k−1)/2 links: the
 * structure of the exact enumeration of a region's partitions, computed once per k (it does not
 * depend on any probability) and reused by every enumeration.
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

// --- internal ---

const cache: (SideStructure | undefined)[] = [];
