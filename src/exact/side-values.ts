/**
 * The values of one side of a partition (a set of zones) for a cluster: the distribution of its
 * up etcd members jointly with "no serving apiserver" / "no scheduling master", convolved over
 * the side's zones, and their tails at the quorum. They depend only on the side's zones that
 * hold masters or members, and on which master (if any) is in maintenance, so they are kept per
 * such set and shared by every condition.
 */
import type { ClusterPlan } from './cluster-plan.js';
import { convolve, upperTail, ZERO_COUNT } from './count-distribution.js';
import type { ZoneArrays } from './zone-arrays.js';

/** The arrays of a side (a set of zones) and their tails at the quorum. */
export interface SideArrays extends ZoneArrays {
  /** P(quorum), P(quorum and a serving apiserver), P(quorum and a scheduling master). */
  quorum: number;
  api: number;
  scheduling: number;
}

/**
 * Sides seen so far, by maintenance state and relevant zones (state · 2^relevant + their bits).
 * In an array while that index stays small (`dense`), else in a map.
 */
export interface SideCache {
  /** Zones with masters or members, as a bit mask. */
  relevant: number;
  /** The zones of `relevant`, in order: a side's relevant zones are keyed as bits of these. */
  relevantZones: number[];
  dense: boolean;
  array: (SideArrays | undefined)[];
  map: Map<number, SideArrays>;
}

/** What side values are computed from: a plan's zone arrays, with and without maintenance. */
export interface SideSource {
  plan: ClusterPlan;
  /** Maintenance states: 0 none, then one per (zone, spec) in zone and spec order. */
  maintenanceStates: { zone: number; spec: number }[];
  base: ZoneArrays[];
  /** maintenance[zone][spec]: the arrays when one master of that spec is in maintenance. */
  maintenance: ZoneArrays[][];
  sides: SideCache;
}

/** An empty cache for a plan with `states` maintenance states. */
export function createSideCache(plan: ClusterPlan, states: number): SideCache {
  let relevant = 0;
  const relevantZones: number[] = [];
  for (let i = 0; i < plan.zones.length; i++) {
    const z = plan.zones[i];
    if (z !== undefined && z.masters.length + z.members.length > 0) {
      relevant |= 1 << i;
      relevantZones.push(i);
    }
  }
  const size = states * 2 ** relevantZones.length;
  const dense = size <= DENSE_SIDES;
  const array: (SideArrays | undefined)[] = [];
  if (dense) for (let k = 0; k < size; k++) array.push(undefined);
  return { relevant, relevantZones, dense, array, map: new Map() };
}

/** The side of zones `mask` in maintenance state `state`; null when it holds no member or master. */
export function sideArrays(source: SideSource, mask: number, state: number): SideArrays | null {
  const cache = source.sides;
  const zones = mask & cache.relevant;
  if (zones === 0) return null;
  const m = source.maintenanceStates[state];
  const maintZone = m !== undefined && (zones & (1 << m.zone)) !== 0 ? m.zone : -1;
  const r = cache.relevantZones.length;
  const bits = compress(zones, cache.relevant, cache.relevantZones);
  const key = cache.dense
    ? ((maintZone < 0 ? 0 : state) << r) | bits
    : (maintZone < 0 ? 0 : state) * 2 ** r + bits;
  const cached = cache.dense ? cache.array[key] : cache.map.get(key);
  if (cached !== undefined) return cached;
  // Convolving with the count that is 0 for certain changes nothing: the first zone's arrays
  // are taken as they are (arrays are never modified).
  let f: readonly number[] = ZERO_COUNT;
  let g: readonly number[] = ZERO_COUNT;
  let h: readonly number[] = ZERO_COUNT;
  let first = true;
  for (let rest = zones; rest !== 0; rest &= rest - 1) {
    const zi = 31 - Math.clz32(rest & -rest);
    const a = zi === maintZone ? source.maintenance[zi]?.[m?.spec ?? -1] : source.base[zi];
    if (a === undefined) continue;
    f = first ? a.f : convolve(f, a.f);
    g = first ? a.g : convolve(g, a.g);
    h = first ? a.h : convolve(h, a.h);
    first = false;
  }
  const q = source.plan.quorum;
  const quorum = upperTail(f, q);
  const side = {
    f,
    g,
    h,
    quorum,
    api: quorum - upperTail(g, q),
    scheduling: quorum - upperTail(h, q),
  };
  if (cache.dense) cache.array[key] = side;
  else cache.map.set(key, side);
  return side;
}

// --- internal ---

/** Index ranges up to this use an array for the sides seen. */
const DENSE_SIDES = 1 << 12;

/** The zones of `zones` (a subset of `relevant`) as bits of their rank among `relevantZones`. */
function compress(zones: number, relevant: number, relevantZones: readonly number[]): number {
  // The relevant zones are the first ones (e.g. every zone): nothing to move.
  if ((relevant & (relevant + 1)) === 0) return zones;
  let bits = 0;
  for (let j = 0; j < relevantZones.length; j++)
    if ((zones & (1 << (relevantZones[j] ?? 0))) !== 0) bits |= 1 << j;
  return bits;
}
