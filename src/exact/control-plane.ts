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

/**
 * The control-plane predicates given one region condition, with no master in maintenance
 * (`maintZone` −1) or one master of spec `maintSpec` of zone `maintZone` down for maintenance.
 */
export function computeControlPlane(
  tables: ControlPlaneTables,
  condition: RegionCondition,
  maintZone = -1,
  maintSpec = -1,
): ControlPlaneValues {
  const { plan } = tables;
  if (!condition.regionUp) return { quorum: 0, api: 0, scheduling: 0 };
  const masks = new Map<number, number>();
  condition.side.forEach((s, zi) => {
    if (s >= 0) masks.set(s, (masks.get(s) ?? 0) | (1 << zi));
  });
  const q = plan.quorum;
  const ez = plan.endpointZone;
  const pinned =
    plan.endpoint === 'single-master'
      ? pinnedMaster(plan, plan.zones[ez], ez === maintZone ? maintSpec : -1)
      : undefined;
  const pinnedSide = ez < 0 ? -1 : (condition.side[ez] ?? -1);
  const out: ControlPlaneValues = { quorum: 0, api: 0, scheduling: 0 };
  // P(quorum on side s and a serving / scheduling master there), per side.
  const bySide = new Map<number, { api: number; scheduling: number }>();
  for (const [s, mask] of masks) {
    const a = sideArrays(tables, mask, maintZone, maintSpec);
    if (pinned === undefined || s !== pinnedSide) {
      out.quorum += a.quorum;
      bySide.set(s, { api: a.api, scheduling: a.scheduling });
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
  if (pinned === undefined) {
    const reached = reachedSides(plan, condition, bySide);
    out.api = reached.api;
    out.scheduling = reached.scheduling;
  }
  out.api *= plan.endpointUp;
  out.scheduling *= plan.endpointUp;
  return out;
}

// --- internal ---

/**
 * api and scheduling through the endpoint: every side for cloud, dns and local-proxy; for
 * keepalived, the side of a host that is up with its zone (keepalived's check script moves the
 * VIP to a host that reaches a serving apiserver). At most one side holds a quorum, so the sides'
 * values are exclusive events.
 */
function reachedSides(
  plan: ClusterPlan,
  condition: RegionCondition,
  bySide: Map<number, { api: number; scheduling: number }>,
): { api: number; scheduling: number } {
  const k = plan.keepalived;
  if (k === null) {
    let api = 0;
    let scheduling = 0;
    for (const v of bySide.values()) {
      api += v.api;
      scheduling += v.scheduling;
    }
    return { api, scheduling };
  }
  const side0 = condition.side[k.zones[0]] ?? -1;
  const side1 = condition.side[k.zones[1]] ?? -1;
  const h0 = side0 >= 0 ? k.hosts[0] : 0;
  const h1 = side1 >= 0 ? k.hosts[1] : 0;
  const v0 = bySide.get(side0) ?? { api: 0, scheduling: 0 };
  const v1 = bySide.get(side1) ?? { api: 0, scheduling: 0 };
  if (side0 === side1) {
    const any = 1 - (1 - h0) * (1 - h1);
    return { api: any * v0.api, scheduling: any * v0.scheduling };
  }
  return {
    api: h0 * v0.api + h1 * v1.api,
    scheduling: h0 * v0.scheduling + h1 * v1.scheduling,
  };
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
