/**
 * A region's states beyond MAX_EXACT_ZONES zones, where enumerating link states (2^(z(z−1)/2))
 * is out of reach. Zones are decided one by one, and the up zones are split into sides by their
 * connected components: the component of the first up zone is a set B with probability
 * C(B) · cut(B, rest), where C(B) is the probability that B's own links connect it and cut the
 * probability that every link from B to the other up zones is down; the rest is split the same
 * way, independently. C comes from the subset recursion C(S) = 1 − Σ_{T ∋ min S, T ⊊ S} C(T) ·
 * cut(T, S∖T). Branches whose probability is below `PRUNE_BELOW` are left out: a branch's
 * probability bounds the mass of every state below it, so the sum of the bounds left out bounds
 * the probability missing.
 */

/** A state whose probability (or a branch whose bound) is below this is left out. */
export const PRUNE_BELOW = 1e-15;

/**
 * Terms of the connectivity recursion below this are neglected: each is below 1e-25, so even
 * 2^30 of them stay below the rounding of a probability.
 */
const NEGLECT_BELOW = PRUNE_BELOW * 1e-10;

/**
 * Calls `emit(probability, zonesUp, side)` for every state of the up zones and their sides kept,
 * in the region's up states (the region-up probability `aRegion` included); returns the bound
 * on the probability of the states left out.
 * @param aZone each zone's availability
 * @param aLink link availabilities, aLink[i][j] = aLink[j][i]
 */
export function enumeratePrunedStates(
  aRegion: number,
  aZone: readonly number[],
  aLink: readonly (readonly number[])[],
  emit: (probability: number, zonesUp: number, side: number[]) => void,
): number {
  const n = aZone.length;
  const down = aLink.map((row) => row.map((a) => 1 - a));
  const connected = new Map<number, number>();
  const side = new Array<number>(n).fill(-1);
  let truncated = 0;

  /** Π (1 − a) over the links from zone z to the zones of `mask`. */
  const cutTo = (z: number, mask: number): number => {
    let p = 1;
    const row = down[z] ?? [];
    for (let m = mask; m !== 0; m &= m - 1) p *= row[lowestBit(m)] ?? 1;
    return p;
  };

  /** C(S): the links inside S connect it. */
  const connectivity = (s: number): number => {
    if ((s & (s - 1)) === 0) return 1;
    const cached = connected.get(s);
    if (cached !== undefined) return cached;
    const first = lowestBit(s);
    const others = zonesOf(s & ~(1 << first));
    let disconnected = 0;
    const visit = (j: number, inside: number, outside: number, cut: number): void => {
      if (cut < NEGLECT_BELOW) return;
      if (j === others.length) {
        if (outside !== 0) disconnected += connectivity(inside) * cut;
        return;
      }
      const z = others[j] ?? 0;
      visit(j + 1, inside | (1 << z), outside, cut * cutTo(z, outside));
      visit(j + 1, inside, outside | (1 << z), cut * cutTo(z, inside));
    };
    visit(0, 1 << first, 0, 1);
    const c = Math.max(0, 1 - disconnected);
    connected.set(s, c);
    return c;
  };

  /** Splits the up zones `rest` into sides, from label `label` on. */
  const sides = (zonesUp: number, rest: number, weight: number, label: number): void => {
    if (rest === 0) {
      emit(weight, zonesUp, [...side]);
      return;
    }
    const first = lowestBit(rest);
    const others = zonesOf(rest & ~(1 << first));
    const visit = (j: number, inside: number, outside: number, cut: number): void => {
      const bound = weight * cut;
      if (bound === 0) return;
      if (bound < PRUNE_BELOW) {
        truncated += bound;
        return;
      }
      if (j < others.length) {
        const z = others[j] ?? 0;
        visit(j + 1, inside | (1 << z), outside, cut * cutTo(z, outside));
        visit(j + 1, inside, outside | (1 << z), cut * cutTo(z, inside));
        return;
      }
      const w = weight * connectivity(inside) * cut;
      if (w === 0) return;
      if (w < PRUNE_BELOW) {
        truncated += w;
        return;
      }
      for (const z of zonesOf(inside)) side[z] = label;
      sides(zonesUp, rest & ~inside, w, label + 1);
      for (const z of zonesOf(inside)) side[z] = -1;
    };
    visit(0, 1 << first, 0, 1);
  };

  /** Decides zones i, i+1, … up or down; p is the probability of the decisions so far. */
  const zones = (i: number, mask: number, p: number): void => {
    if (p === 0) return;
    if (p < PRUNE_BELOW) {
      truncated += p;
      return;
    }
    if (i === n) {
      sides(mask, mask, p, 0);
      return;
    }
    const a = aZone[i] ?? 1;
    zones(i + 1, mask | (1 << i), p * a);
    zones(i + 1, mask, p * (1 - a));
  };
  zones(0, 0, aRegion);
  return truncated;
}

// --- internal ---

function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

function zonesOf(mask: number): number[] {
  const out: number[] = [];
  for (let m = mask; m !== 0; m &= m - 1) out.push(lowestBit(m));
  return out;
}
