/**
 * workloads: effectively-up workers ≥ workersNeeded. It depends on the domains only through
 * which zones are up, so it is computed once per set of up zones. Counting down workers up to
 * the spare (total − needed) keeps it fast for thousands of workers.
 */
import type { ClusterPlan } from './cluster-plan.js';
import { binomial, convolve, lowerTail } from './count-distribution.js';
import type { RegionCondition } from './region-conditions.js';

/** workloads for each set of up zones, computed on first use. */
export interface WorkloadsTable {
  plan: ClusterPlan;
  byZonesUp: Map<number, number>;
  /** Per zone and worker spec, the distribution of its down workers (computed on first use). */
  down: (readonly number[] | undefined)[][];
}

export function buildWorkloadsTable(plan: ClusterPlan): WorkloadsTable {
  return { plan, byZonesUp: new Map(), down: plan.zones.map(() => []) };
}

/** P(workloads | condition). */
export function computeWorkloads(table: WorkloadsTable, condition: RegionCondition): number {
  const zonesUp = condition.regionUp ? condition.zonesUp : 0;
  const cached = table.byZonesUp.get(zonesUp);
  if (cached !== undefined) return cached;
  const value = workloadsGivenZones(table, zonesUp);
  table.byZonesUp.set(zonesUp, value);
  return value;
}

// --- internal ---

function workloadsGivenZones(table: WorkloadsTable, zonesUp: number): number {
  const plan = table.plan;
  const total = plan.zones.reduce((n, z) => n + z.workers.reduce((m, w) => m + w.count, 0), 0);
  // Down workers may number at most `spare`; a down zone's workers are all down. Convolving up
  // to `spare + 1` entries reads only the first ones of each binomial, so a binomial is kept
  // whole and shared by every set of up zones.
  let spare = total - plan.workersNeeded;
  let down: number[] = [1];
  plan.zones.forEach((zone, zi) => {
    zone.workers.forEach((w, wi) => {
      if ((zonesUp & (1 << zi)) === 0) spare -= w.count;
      else if (spare >= 0) {
        const cached = table.down[zi] ?? [];
        const b = (cached[wi] ??= binomial(w.count, 1 - w.up));
        down = convolve(down, b, spare + 1);
      }
    });
  });
  return spare < 0 ? 0 : lowerTail(down, spare);
}
