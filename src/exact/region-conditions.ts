/**
 * The states of a region's shared domains: the region (up, impaired, blacked out), its zones and
 * the links between them. Link states only matter through the sides they cut the up zones into,
 * so states with the same sides are merged; states of probability 0 (a class switched off) are
 * skipped.
 */
import type { Region } from '../model/topology.js';
import type { ElementAvailabilities } from './element-availability.js';
import { elementId, type Overrides } from './elements.js';

/** One state of a region's domains and its probability. */
export interface RegionCondition {
  probability: number;
  /** The region is not blacked out. */
  regionUp: boolean;
  /** The region is impaired: cloud and dns endpoints down, VM replacements blocked. */
  impaired: boolean;
  /** Bit i set when the region's zone i (in region order) is up. */
  zonesUp: number;
  /** The side of each zone (in region order); -1 for a down zone. Sides number from 0. */
  side: number[];
}

/** Zones up to which link states are enumerated (2^(z(z-1)/2) states of the up zones). */
export const MAX_PARTITIONED_ZONES = 6;

/** The availabilities of a region's domains: zones and links by their index in the region. */
export interface DomainAvailability {
  region: number;
  impairment: number;
  zone: (i: number) => number;
  link: (i: number, j: number) => number;
}

/** The steady-state availabilities of a region's domains, with overrides. */
export function regionDomains(
  region: Region,
  av: ElementAvailabilities,
  overrides: Overrides,
): DomainAvailability {
  const zones = region.zones;
  return {
    region: overrides.get(elementId.region(region.name)) ?? av.region,
    impairment: overrides.get(elementId.impairment(region.name)) ?? av.impairment,
    zone: (i) => overrides.get(elementId.zone(region.name, zones[i] ?? '')) ?? av.zone,
    link: (i, j) =>
      overrides.get(elementId.link(region.name, zones[i] ?? '', zones[j] ?? '')) ?? av.link,
  };
}

/** Every state of the region's domains with a non-zero probability. */
export function enumerateRegionConditions(
  region: Region,
  domains: DomainAvailability,
): RegionCondition[] {
  const zones = region.zones;
  const aRegion = domains.region;
  const aZone = zones.map((_, i) => domains.zone(i));
  const aLink = domains.link;
  const out: RegionCondition[] = [];
  if (aRegion < 1) {
    out.push({
      probability: 1 - aRegion,
      regionUp: false,
      impaired: false,
      zonesUp: 0,
      side: zones.map(() => -1),
    });
  }
  if (aRegion === 0) return out;
  const impairment = [
    { impaired: false, p: domains.impairment },
    { impaired: true, p: 1 - domains.impairment },
  ].filter((x) => x.p > 0);
  for (let mask = 0; mask < 1 << zones.length; mask++) {
    let p = aRegion;
    aZone.forEach((a, i) => (p *= mask & (1 << i) ? a : 1 - a));
    if (p === 0) continue;
    const up = aZone.flatMap((_, i) => (mask & (1 << i) ? [i] : []));
    for (const [code, q] of sidesOfUpZones(up, aLink)) {
      const side = zones.map(() => -1);
      let rest = code;
      for (const zone of up) {
        side[zone] = rest % SIDE_BASE;
        rest = Math.floor(rest / SIDE_BASE);
      }
      for (const imp of impairment)
        out.push({
          probability: p * q * imp.p,
          regionUp: true,
          impaired: imp.impaired,
          zonesUp: mask,
          side: [...side],
        });
    }
  }
  return out;
}

// --- internal ---

/** Side labels of the up zones packed as digits base 8 (at most 7 sides), first zone lowest. */
const SIDE_BASE = 8;

/** The distribution of sides of the up zones: packed side labels → probability. */
function sidesOfUpZones(
  up: number[],
  aLink: (i: number, j: number) => number,
): Map<number, number> {
  const pairs: [number, number, number][] = [];
  up.forEach((i, a) => up.slice(a + 1).forEach((j, b) => pairs.push([a, a + 1 + b, aLink(i, j)])));
  const uncertain = pairs.filter(([, , a]) => a > 0 && a < 1);
  const alwaysUp = pairs.filter(([, , a]) => a >= 1);
  if (up.length > MAX_PARTITIONED_ZONES && uncertain.length > 0) {
    throw new RangeError(
      `the exact engine enumerates partitions of at most ${MAX_PARTITIONED_ZONES} zones per region; ` +
        `switch partitions off (failures.partition.perYear: 0) or use fewer zones`,
    );
  }
  const result = new Map<number, number>();
  for (let mask = 0; mask < 1 << uncertain.length; mask++) {
    let p = 1;
    const links = [...alwaysUp];
    uncertain.forEach((link, k) => {
      const isUp = (mask & (1 << k)) !== 0;
      p *= isUp ? link[2] : 1 - link[2];
      if (isUp) links.push(link);
    });
    const key = componentLabels(up.length, links).reduceRight((code, l) => code * SIDE_BASE + l, 0);
    result.set(key, (result.get(key) ?? 0) + p);
  }
  return result;
}

/** Connected components of n vertices, labelled 0, 1, … in order of first vertex. */
function componentLabels(n: number, links: [number, number, number][]): number[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while ((parent[r] ?? r) !== r) r = parent[r] ?? r;
    return r;
  };
  for (const [a, b] of links) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const labels = new Map<number, number>();
  return Array.from({ length: n }, (_, i) => {
    const root = find(i);
    if (!labels.has(root)) labels.set(root, labels.size);
    return labels.get(root) ?? 0;
  });
}
