/**
 * The states of a region's shared domains: the region (up, impaired, blacked out), its zones and
 * the links between them. Link states only matter through the sides they cut the up zones into,
 * so states with the same sides are merged; states of probability 0 (a class switched off) are
 * skipped. Up to `MAX_EXACT_ZONES` zones every state is enumerated; beyond, the sides come from
 * connectivity probabilities and states below a tiny probability are left out, their total
 * reported (region-partitions.ts).
 */
import type { Region } from '../model/topology.js';
import { BoundedMemo } from './bounded-memo.js';
import type { ElementAvailabilities } from './element-availability.js';
import { elementId, type Overrides } from './elements.js';
import { enumeratePrunedStates } from './region-partitions.js';
import { sidesOfUpZones } from './side-structure.js';

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
  /** The zones of each side as bit masks, by side number. */
  sideMasks: number[];
}

/** A region's states, and the probability of those left out (0 up to MAX_EXACT_ZONES zones). */
export interface RegionConditions {
  states: RegionCondition[];
  /**
   * An upper bound on the probability of the states left out. Every predicate is 0 in a state
   * left out, so each figure is at most this much below the exact one.
   */
  truncated: number;
}

/** Zones up to which every state is enumerated (2^(z(z-1)/2) link states of the up zones). */
export const MAX_EXACT_ZONES = 6;

/** Zones per region the engine handles at all: zone sets are 31-bit masks. */
export const MAX_ZONES = 30;

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
  if (overrides.size === 0)
    return {
      region: av.region,
      impairment: av.impairment,
      zone: () => av.zone,
      link: () => av.link,
    };
  return {
    region: overrides.get(elementId.region(region.name)) ?? av.region,
    impairment: overrides.get(elementId.impairment(region.name)) ?? av.impairment,
    zone: (i) => overrides.get(elementId.zone(region.name, zones[i] ?? '')) ?? av.zone,
    link: (i, j) =>
      overrides.get(elementId.link(region.name, zones[i] ?? '', zones[j] ?? '')) ?? av.link,
  };
}

/**
 * Every state of the region's domains with a non-zero probability (beyond 6 zones: pruned). The
 * result depends only on the number of zones and the availabilities, so it is kept for reuse
 * (it must not be modified).
 */
export function enumerateRegionConditions(
  region: Region,
  domains: DomainAvailability,
): RegionConditions {
  const n = region.zones.length;
  if (n > MAX_ZONES)
    throw new RangeError(
      `the exact engine handles at most ${MAX_ZONES} zones per region; region ${region.name} has ${n}`,
    );
  const aZone = region.zones.map((_, i) => domains.zone(i));
  const aLink = linkMatrix(n, domains.link);
  const key = `${domains.region} ${domains.impairment} ${aZone.join(',')} ${aLink.join(';')}`;
  return memo.get(key, () =>
    frozen(enumerateStates(n, domains.region, domains.impairment, aZone, aLink)),
  );
}

// --- internal ---

/** Enumerations of recent availabilities (an analysis asks for the same ones many times). */
const memo = new BoundedMemo<RegionConditions>(50_000, (c) => c.states.length + 1);

function enumerateStates(
  n: number,
  aRegion: number,
  aImpairment: number,
  aZone: number[],
  aLink: number[][],
): RegionConditions {
  const states: RegionCondition[] = [];
  if (aRegion < 1) states.push(blackout(n, 1 - aRegion));
  if (aRegion === 0) return { states, truncated: 0 };
  const impairment = [
    { impaired: false, p: aImpairment },
    { impaired: true, p: 1 - aImpairment },
  ].filter((x) => x.p > 0);
  const emit = (p: number, zonesUp: number, side: number[]): void => {
    // States are never modified: the impaired and the unimpaired one share their sides.
    const sides = [...side];
    const sideMasks = masksOfSides(side);
    for (const imp of impairment)
      states.push({
        probability: p * imp.p,
        regionUp: true,
        impaired: imp.impaired,
        zonesUp,
        side: sides,
        sideMasks,
      });
  };
  if (n > MAX_EXACT_ZONES) {
    const truncated = enumeratePrunedStates(aRegion, aZone, aLink, emit);
    // The states left out are taken as one where nothing works (like a blackout): every figure
    // is then a lower bound, at most `truncated` below the exact one.
    if (truncated > 0) states.push(blackout(n, truncated));
    return { states, truncated };
  }
  for (let mask = 0; mask < 1 << n; mask++) {
    let p = aRegion;
    aZone.forEach((a, i) => (p *= mask & (1 << i) ? a : 1 - a));
    if (p === 0) continue;
    const up = aZone.flatMap((_, i) => (mask & (1 << i) ? [i] : []));
    for (const [labels, q] of sidesOfUpZones(up, aLink)) {
      const side = aZone.map(() => -1);
      up.forEach((zone, k) => (side[zone] = labels[k] ?? -1));
      emit(p * q, mask, side);
    }
  }
  return { states, truncated: 0 };
}

/** Shared by every caller: a change would throw instead of corrupting the others' results. */
function frozen(conditions: RegionConditions): RegionConditions {
  for (const state of conditions.states) {
    Object.freeze(state.side);
    Object.freeze(state.sideMasks);
    Object.freeze(state);
  }
  Object.freeze(conditions.states);
  return Object.freeze(conditions);
}

function blackout(n: number, probability: number): RegionCondition {
  return {
    probability,
    regionUp: false,
    impaired: false,
    zonesUp: 0,
    side: new Array<number>(n).fill(-1),
    sideMasks: [],
  };
}

function linkMatrix(n: number, link: (i: number, j: number) => number): number[][] {
  const out = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const a = link(i, j);
      const rowI = out[i];
      const rowJ = out[j];
      if (rowI !== undefined) rowI[j] = a;
      if (rowJ !== undefined) rowJ[i] = a;
    }
  return out;
}

/** The zones of each side, as bit masks. */
function masksOfSides(side: readonly number[]): number[] {
  const masks: number[] = [];
  side.forEach((s, zone) => {
    if (s >= 0) masks[s] = (masks[s] ?? 0) | (1 << zone);
  });
  return masks;
}
