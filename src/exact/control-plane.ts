/**
 * etcdQuorum, api and scheduling of one cluster in one state of its region's domains, exactly:
 * condition on which master (if any) is down for maintenance, build per zone the distribution
 * of up etcd members jointly with "no serving apiserver" / "no scheduling master", and convolve
 * the zones of each side of the partition. At most one side can hold a quorum, so sides add up.
 */
import type { ClusterPlan, ZonePlan } from './cluster-plan.js';
import { convolve, upperTail, ZERO_COUNT } from './count-distribution.js';
import type { RegionCondition } from './region-conditions.js';
import { masterOdds, zoneArrays, type MasterOdds, type ZoneArrays } from './zone-arrays.js';

/** Conditional probabilities of the control-plane predicates (bad changes not included). */
export interface ControlPlaneValues {
  quorum: number;
  api: number;
  scheduling: number;
}

/** The arrays of a side (a set of zones) and their tails at the quorum. */
interface SideArrays extends ZoneArrays {
  /** P(quorum), P(quorum and a serving apiserver), P(quorum and a scheduling master). */
  quorum: number;
  api: number;
  scheduling: number;
}

/** Precomputed zone arrays of a plan, without maintenance and with each master spec in maintenance. */
export interface ControlPlaneTables {
  plan: ClusterPlan;
  base: ZoneArrays[];
  /** maintenance[zone][spec]: the arrays when one master of that spec is in maintenance. */
  maintenance: ZoneArrays[][];
  /** Sides seen so far, by maintenance state and set of zones: conditions share most sides. */
  sides: Map<number, SideArrays>;
}

/** Builds the per-zone arrays once per plan; conditions only pick among them. */
export function buildControlPlaneTables(plan: ClusterPlan): ControlPlaneTables {
  return {
    plan,
    base: plan.zones.map((z) => zoneArrays(plan, z, -1)),
    maintenance: plan.zones.map((z) => z.masters.map((_, s) => zoneArrays(plan, z, s))),
    sides: new Map(),
  };
}

/** The control-plane predicates given one region condition. */
export function computeControlPlane(
  tables: ControlPlaneTables,
  condition: RegionCondition,
): ControlPlaneValues {
  const { plan } = tables;
  if (!condition.regionUp) return { quorum: 0, api: 0, scheduling: 0 };
  const share = plan.maintenancePerMaster;
  const totalMasters = plan.zones.reduce(
    (n, z) => n + z.masters.reduce((m, s) => m + s.count, 0),
    0,
  );
  const none = 1 - share * totalMasters;
  const sum: ControlPlaneValues = { quorum: 0, api: 0, scheduling: 0 };
  const add = (p: number, v: ControlPlaneValues): void => {
    sum.quorum += p * v.quorum;
    sum.api += p * v.api;
    sum.scheduling += p * v.scheduling;
  };
  if (none > 0) add(none, forMaintenance(tables, condition, -1, -1));
  if (share > 0) {
    plan.zones.forEach((z, zi) =>
      z.masters.forEach((spec, si) =>
        add(share * spec.count, forMaintenance(tables, condition, zi, si)),
      ),
    );
  }
  return sum;
}

// --- internal ---

function forMaintenance(
  tables: ControlPlaneTables,
  condition: RegionCondition,
  maintZone: number,
  maintSpec: number,
): ControlPlaneValues {
  const { plan } = tables;
  const masks = new Map<number, number>();
  condition.side.forEach((s, zi) => {
    if (s >= 0) masks.set(s, (masks.get(s) ?? 0) | (1 << zi));
  });
  const q = plan.quorum;
  const ez = plan.endpointZone;
  const endpointSide = ez < 0 ? -1 : (condition.side[ez] ?? -1);
  const pinned =
    plan.endpoint === 'single-master'
      ? pinnedMaster(plan, plan.zones[ez], ez === maintZone ? maintSpec : -1)
      : undefined;
  const out: ControlPlaneValues = { quorum: 0, api: 0, scheduling: 0 };
  for (const [s, mask] of masks) {
    const a = sideArrays(tables, mask, maintZone, maintSpec);
    const onEndpointSide = s === endpointSide;
    if (pinned === undefined) {
      out.quorum += a.quorum;
      if (plan.endpoint === 'keepalived' && !onEndpointSide) continue;
      out.api += a.api;
      out.scheduling += a.scheduling;
      continue;
    }
    if (!onEndpointSide) {
      out.quorum += a.quorum;
      continue;
    }
    // The pinned master's stacked member is one of its side's members.
    out.quorum += plan.stacked ? upperTail(convolve(a.f, bernoulli(pinned.member)), q) : a.quorum;
    // The pinned apiserver serves and the others of its side complete the quorum (its own
    // member counts with stacked etcd); a controllers leader may sit on any serving master.
    const need = plan.stacked ? q - 1 : q;
    const others = upperTail(a.f, need);
    const othersSchedule = others - upperTail(a.h, need);
    out.api += pinned.serving * others;
    out.scheduling +=
      pinned.scheduling * others + (pinned.serving - pinned.scheduling) * othersSchedule;
  }
  out.api *= plan.endpointUp;
  out.scheduling *= plan.endpointUp;
  return out;
}

function sideArrays(
  tables: ControlPlaneTables,
  mask: number,
  maintZone: number,
  maintSpec: number,
): SideArrays {
  const zones = tables.plan.zones.length;
  const key = ((maintZone + 1) * 16 + (maintSpec + 1)) * 2 ** zones + mask;
  const cached = tables.sides.get(key);
  if (cached !== undefined) return cached;
  let f: number[] = [...ZERO_COUNT];
  let g: number[] = [...ZERO_COUNT];
  let h: number[] = [...ZERO_COUNT];
  for (let zi = 0; zi < zones; zi++) {
    if ((mask & (1 << zi)) === 0) continue;
    const a = zi === maintZone ? tables.maintenance[zi]?.[maintSpec] : tables.base[zi];
    if (a === undefined) continue;
    f = convolve(f, a.f);
    g = convolve(g, a.g);
    h = convolve(h, a.h);
  }
  const q = tables.plan.quorum;
  const quorum = upperTail(f, q);
  const side = {
    f,
    g,
    h,
    quorum,
    api: quorum - upperTail(g, q),
    scheduling: quorum - upperTail(h, q),
  };
  tables.sides.set(key, side);
  return side;
}

function bernoulli(p: number): number[] {
  return [1 - p, p];
}

function pinnedMaster(
  plan: ClusterPlan,
  zone: ZonePlan | undefined,
  maintSpec: number,
): MasterOdds | undefined {
  const index = zone?.masters.findIndex((s) => s.pinned) ?? -1;
  const spec = zone?.masters[index];
  return spec === undefined ? undefined : masterOdds(plan, spec, index === maintSpec);
}
