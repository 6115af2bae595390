/**
 * The region-level state derived from domain and link elements: which zones are effectively up,
 * and the partition sides (connected components of the up zones joined by up links).
 */
import type { TrialState } from './trial-state.js';

/** Zones effectively up in region r after a zone or region changed. */
export function recomputeZones(s: TrialState, r: number): void {
  const m = s.model;
  const regionUp = s.down[m.regionElement[r] ?? 0] === 0;
  const base = m.regionZoneBase[r] ?? 0;
  const n = m.regionZoneCount[r] ?? 0;
  for (let z = base; z < base + n; z++)
    s.zoneOk[z] = regionUp && s.down[m.zoneElement[z] ?? 0] === 0 ? 1 : 0;
}

/**
 * Partition sides of region r: connected components of the up zones joined by up links (a down
 * zone relays nothing); label: the smallest zone of the side.
 */
export function recomputeSides(s: TrialState, r: number): void {
  const m = s.model;
  const base = m.regionZoneBase[r] ?? 0;
  const n = m.regionZoneCount[r] ?? 0;
  for (let z = 0; z < n; z++) s.side[base + z] = z;
  const links = m.regionLinks[r] ?? [];
  for (let changed = true; changed;) {
    changed = false;
    for (const l of links) {
      if (s.down[l] !== 0) continue;
      const a = base + (m.linkA[l] ?? 0);
      const b = base + (m.linkB[l] ?? 0);
      if (s.zoneOk[a] !== 1 || s.zoneOk[b] !== 1) continue;
      const sa = s.side[a] ?? 0;
      const sb = s.side[b] ?? 0;
      if (sa !== sb) {
        s.side[a] = s.side[b] = Math.min(sa, sb);
        changed = true;
      }
    }
  }
}
