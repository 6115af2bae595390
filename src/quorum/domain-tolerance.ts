/**
 * Worst-case tolerance of a placement of members over failure domains (zones or regions):
 * the largest k such that losing ANY k domains leaves a majority (model.md §4), and the
 * smallest sets of domains whose loss breaks quorum.
 */
import { faultTolerance, majority } from './majority.js';

/** Members per domain, in the order the domains are listed: `{ z1: 2, z2: 2, z3: 1 }`. */
export type DomainCounts = Readonly<Record<string, number>>;

export interface DomainTolerance {
  members: number;
  quorum: number;
  /** Members that may fail: n − q. */
  tolerance: number;
  /** The largest k such that losing any k domains leaves at least q members. */
  domainTolerance: number;
  /** Sets of domainTolerance + 1 domains whose loss breaks quorum (at most `limit`, in listing order). */
  criticalSets: string[][];
  /** How many such sets there are; more than `criticalSets.length` when the list was cut. */
  criticalSetCount: number;
}

export interface DomainToleranceOptions {
  /** How many critical sets to list at most (default 50). */
  limit?: number;
}

/** Worst-case domain tolerance of a placement; throws RangeError when it holds no member. */
export function computeDomainTolerance(
  counts: DomainCounts,
  options: DomainToleranceOptions = {},
): DomainTolerance {
  const entries = Object.entries(counts);
  for (const [name, n] of entries) {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`domain ${name} needs a whole number of members ≥ 0, got ${n}`);
    }
  }
  const sizes = entries.map(([, n]) => n);
  const members = sizes.reduce((a, b) => a + b, 0);
  const quorum = majority(members);
  const tolerance = faultTolerance(members);
  // The worst k losses are the k largest domains: k tolerated iff their sum ≤ tolerance.
  const descending = [...sizes].sort((a, b) => b - a);
  let domainTolerance = 0;
  let lost = 0;
  for (const size of descending) {
    if (lost + size > tolerance) break;
    lost += size;
    domainTolerance += 1;
  }
  const setSize = domainTolerance + 1;
  const names = entries.map(([name]) => name);
  return {
    members,
    quorum,
    tolerance,
    domainTolerance,
    criticalSets: listBreakingSets(sizes, setSize, tolerance, options.limit ?? 50).map((set) =>
      set.map((i) => names[i] ?? `#${i}`),
    ),
    criticalSetCount: countBreakingSets(sizes, setSize, tolerance),
  };
}

/** Worst-case region tolerance of members placed per region and zone (zones summed per region). */
export function computeRegionTolerance(
  regions: Readonly<Record<string, DomainCounts>>,
  options: DomainToleranceOptions = {},
): DomainTolerance {
  const totals = Object.entries(regions).map(([region, zones]) => [
    region,
    Object.values(zones).reduce((a, b) => a + b, 0),
  ]);
  return computeDomainTolerance(Object.fromEntries(totals) as Record<string, number>, options);
}

/** Members spread as evenly as possible over `domains`, larger domains first: 5 over 3 → [2, 2, 1]. */
export function balancedSpread(members: number, domains: number): number[] {
  if (!Number.isSafeInteger(domains) || domains < 1) {
    throw new RangeError(`a spread needs a whole number of domains ≥ 1, got ${domains}`);
  }
  const base = Math.floor(members / domains);
  const extra = members % domains;
  return Array.from({ length: domains }, (_, i) => base + (i < extra ? 1 : 0));
}

/** Name counts listed in order: `[2, 2, 1]` → `{ z1: 2, z2: 2, z3: 1 }` (prefix "z"). */
export function nameDomains(counts: readonly number[], prefix = 'z'): Record<string, number> {
  return Object.fromEntries(counts.map((n, i) => [`${prefix}${i + 1}`, n]));
}

// --- internal ---

/** Index sets of exactly `size` domains whose members sum to more than `tolerance`. */
function listBreakingSets(
  sizes: number[],
  size: number,
  tolerance: number,
  limit: number,
): number[][] {
  const found: number[][] = [];
  const pick: number[] = [];
  const visit = (start: number, sum: number): void => {
    if (found.length >= limit) return;
    if (pick.length === size) {
      if (sum > tolerance) found.push([...pick]);
      return;
    }
    for (let i = start; i <= sizes.length - (size - pick.length); i++) {
      pick.push(i);
      visit(i + 1, sum + (sizes[i] ?? 0));
      pick.pop();
    }
  };
  visit(0, 0);
  return found;
}

/** How many sets of `size` domains sum to more than `tolerance`: all sets minus those that don't. */
function countBreakingSets(sizes: number[], size: number, tolerance: number): number {
  // ways[j][w]: sets of j domains holding exactly w ≤ tolerance members.
  const ways = Array.from({ length: size + 1 }, () => new Array<number>(tolerance + 1).fill(0));
  const all = new Array<number>(size + 1).fill(0);
  const empty = ways[0];
  if (empty !== undefined) empty[0] = 1;
  all[0] = 1;
  for (const s of sizes) {
    for (let j = size; j >= 1; j--) {
      all[j] = (all[j] ?? 0) + (all[j - 1] ?? 0);
      const row = ways[j] ?? [];
      const prev = ways[j - 1] ?? [];
      for (let w = tolerance; w >= s; w--) row[w] = (row[w] ?? 0) + (prev[w - s] ?? 0);
    }
  }
  const fitting = (ways[size] ?? []).reduce((a, b) => a + b, 0);
  return (all[size] ?? 0) - fitting;
}
