/**
 * Worker headroom for zone losses (model.md §4): with Z equal zones, carrying the full load
 * after losing any u of them needs per-zone utilisation ≤ (Z − u)/Z, i.e. every zone holds
 * ⌈needed/(Z − u)⌉ workers.
 */

export interface WorkerHeadroomOptions {
  /** Workers that must be up to carry the load. */
  workersNeeded: number;
  zones: number;
  /** Zones that may be lost while the load is still carried (u < zones). */
  zoneLosses: number;
}

export interface WorkerHeadroom extends WorkerHeadroomOptions {
  perZone: number;
  total: number;
  /** The highest per-zone utilisation that survives u zone losses: (Z − u)/Z. */
  maxUtilisation: number;
  /** Utilisation with these workers at full load: needed / total (0 without load). */
  utilisation: number;
}

/** Workers per zone so that any u zone losses leave at least `workersNeeded` up. */
export function computeWorkerHeadroom(options: WorkerHeadroomOptions): WorkerHeadroom {
  const { workersNeeded, zones, zoneLosses } = options;
  if (!Number.isSafeInteger(workersNeeded) || workersNeeded < 0) {
    throw new RangeError(`workersNeeded must be a whole number ≥ 0, got ${workersNeeded}`);
  }
  if (!Number.isSafeInteger(zones) || zones < 1) {
    throw new RangeError(`zones must be a whole number ≥ 1, got ${zones}`);
  }
  if (!Number.isSafeInteger(zoneLosses) || zoneLosses < 0 || zoneLosses >= zones) {
    throw new RangeError(
      `zoneLosses must be a whole number from 0 to ${zones - 1}, got ${zoneLosses}`,
    );
  }
  const perZone = Math.ceil(workersNeeded / (zones - zoneLosses));
  const total = perZone * zones;
  return {
    workersNeeded,
    zones,
    zoneLosses,
    perZone,
    total,
    maxUtilisation: (zones - zoneLosses) / zones,
    utilisation: total === 0 ? 0 : workersNeeded / total,
  };
}
