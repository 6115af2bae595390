/**
 * etcdQuorum, api and scheduling of one cluster in one state of its region's domains, exactly:
 * condition on which master (if any) is down for maintenance, build per zone the distribution
 * of up etcd members jointly with "no serving apiserver" / "no scheduling master", and convolve
 * the zones of each side of the partition. At most one side can hold a quorum, so sides add up.
 * A side's values depend only on its zones that hold masters or members, so they are computed
 * once per such set (and maintenance state) and shared by every condition.
 */
import type { ClusterPlan } from './cluster-plan.js';
import { upperTail } from './count-distribution.js';
import type { RegionCondition } from './region-conditions.js';
import { createSideCache, sideArrays, type SideSource } from './side-values.js';
import { masterOdds, zoneArrays, type MasterOdds } from './zone-arrays.js';

/** Conditional probabilities of the control-plane predicates (bad changes not included). */
export interface ControlPlaneValues {
  quorum: number;
  api: number;
  scheduling: number;
}

/**
 * Precomputed zone arrays of a plan, without maintenance and with each master spec in
 * maintenance (SideSource), and what the conditions need besides.
 */
export interface ControlPlaneTables extends SideSource {
  /** Per zone and spec, its maintenance state. */
  stateOf: number[][];
  /** Per maintenance state, the masters of its spec (each one step of a pass); 0 for none. */
  stepsOf: number[];
  /** The pinned master's odds per maintenance state (single-master), else empty. */
  pinned: (MasterOdds | undefined)[];
}

/** Builds the per-zone arrays once per plan; conditions only pick among them. */
export function buildControlPlaneTables(plan: ClusterPlan): ControlPlaneTables {
  const maintenanceStates = [{ zone: -1, spec: -1 }];
  const stateOf = plan.zones.map((z, zone) =>
    z.masters.map((_, spec) => maintenanceStates.push({ zone, spec }) - 1),
  );
  const ez = plan.endpointZone;
  return {
    plan,
    maintenanceStates,
    stateOf,
    stepsOf: maintenanceStates.map((m) => plan.zones[m.zone]?.masters[m.spec]?.count ?? 0),
    base: plan.zones.map((z) => zoneArrays(plan, z, -1)),
    maintenance: plan.zones.map((z) => z.masters.map((_, s) => zoneArrays(plan, z, s))),
    pinned:
      plan.endpoint === 'single-master'
        ? maintenanceStates.map((m) => pinnedMaster(plan, ez, m.zone === ez ? m.spec : -1))
        : [],
    sides: createSideCache(plan, maintenanceStates.length),
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
  const out = { quorum: 0, api: 0, scheduling: 0 };
  const state = maintZone < 0 ? 0 : (tables.stateOf[maintZone]?.[maintSpec] ?? 0);
  controlPlaneInto(tables, condition, state, out);
  return out;
}

/** computeControlPlane into `out`, for maintenance state `state` of the tables (0: none). */
export function controlPlaneInto(
  tables: ControlPlaneTables,
  condition: RegionCondition,
  state: number,
  out: ControlPlaneValues,
): void {
  out.quorum = 0;
  out.api = 0;
  out.scheduling = 0;
  if (!condition.regionUp) return;
  const { plan } = tables;
  const q = plan.quorum;
  const pinned = tables.pinned[state];
  const ez = plan.endpointZone;
  const pinnedSide = ez < 0 ? -1 : (condition.side[ez] ?? -1);
  const masks = condition.sideMasks;
  for (let s = 0; s < masks.length; s++) {
    const a = sideArrays(tables, masks[s] ?? 0, state);
    if (a === null) continue;
    if (pinned === undefined || s !== pinnedSide) {
      out.quorum += a.quorum;
      continue;
    }
    // The pinned master's stacked member is one of its side's members.
    out.quorum += plan.stacked ? tailWithOneMore(a.f, pinned.member, q) : a.quorum;
    // The pinned apiserver serves and the others of its side complete the quorum (its own
    // member counts with stacked etcd); a controllers leader may sit on any serving master.
    const need = plan.stacked ? q - 1 : q;
    const others = upperTail(a.f, need);
    const othersSchedule = others - upperTail(a.h, need);
    out.api += pinned.serving * others;
    out.scheduling +=
      pinned.scheduling * others + (pinned.serving - pinned.scheduling) * othersSchedule;
  }
  if (pinned === undefined) reachedSides(tables, condition, state, out);
  out.api *= plan.endpointUp;
  out.scheduling *= plan.endpointUp;
}

/**
 * Whether the endpoint reaches every side (not keepalived, not single-master): then a master in
 * maintenance changes the values of its own side only.
 */
export function reachesEverySide(tables: ControlPlaneTables): boolean {
  return tables.plan.keepalived === null && tables.plan.endpoint !== 'single-master';
}

/**
 * For an endpoint that reaches every side: what one master of maintenance state `state` removes
 * from the predicates when its zone is on the side of zones `mask`.
 */
export function sideLossInto(
  tables: ControlPlaneTables,
  mask: number,
  state: number,
  out: ControlPlaneValues,
): void {
  const none = sideArrays(tables, mask, 0);
  const maintained = sideArrays(tables, mask, state);
  const up = tables.plan.endpointUp;
  out.quorum = (none?.quorum ?? 0) - (maintained?.quorum ?? 0);
  out.api = ((none?.api ?? 0) - (maintained?.api ?? 0)) * up;
  out.scheduling = ((none?.scheduling ?? 0) - (maintained?.scheduling ?? 0)) * up;
}

// --- internal ---

/**
 * api and scheduling through the endpoint: every side for cloud, dns and local-proxy; for
 * keepalived, the side of a host that is up with its zone (keepalived's check script moves the
 * VIP to a host that reaches a serving apiserver). At most one side holds a quorum, so the sides'
 * values are exclusive events.
 */
function reachedSides(
  tables: ControlPlaneTables,
  condition: RegionCondition,
  state: number,
  out: ControlPlaneValues,
): void {
  const k = tables.plan.keepalived;
  const masks = condition.sideMasks;
  if (k === null) {
    for (let s = 0; s < masks.length; s++) {
      const a = sideArrays(tables, masks[s] ?? 0, state);
      if (a === null) continue;
      out.api += a.api;
      out.scheduling += a.scheduling;
    }
    return;
  }
  const side0 = condition.side[k.zones[0]] ?? -1;
  const side1 = condition.side[k.zones[1]] ?? -1;
  const h0 = side0 >= 0 ? k.hosts[0] : 0;
  const h1 = side1 >= 0 ? k.hosts[1] : 0;
  const v0 = side0 >= 0 ? sideArrays(tables, masks[side0] ?? 0, state) : null;
  const v1 = side1 >= 0 ? sideArrays(tables, masks[side1] ?? 0, state) : null;
  if (side0 === side1) {
    const any = 1 - (1 - h0) * (1 - h1);
    out.api = any * (v0?.api ?? 0);
    out.scheduling = any * (v0?.scheduling ?? 0);
    return;
  }
  out.api = h0 * (v0?.api ?? 0) + h1 * (v1?.api ?? 0);
  out.scheduling = h0 * (v0?.scheduling ?? 0) + h1 * (v1?.scheduling ?? 0);
}

/** P(count ≥ q) after adding one more element that is up with probability p. */
function tailWithOneMore(f: readonly number[], p: number, q: number): number {
  // As upperTail(convolve(f, [1 − p, p]), q), term by term in the same order.
  let sum = 0;
  for (let k = Math.max(0, q); k <= f.length; k++) {
    let term = 0;
    if (k >= 1) term += (f[k - 1] ?? 0) * p;
    if (k < f.length) term += (f[k] ?? 0) * (1 - p);
    sum += term;
  }
  return sum;
}

function pinnedMaster(plan: ClusterPlan, ez: number, maintSpec: number): MasterOdds | undefined {
  const zone = plan.zones[ez];
  const index = zone?.masters.findIndex((s) => s.pinned) ?? -1;
  const spec = zone?.masters[index];
  return spec === undefined ? undefined : masterOdds(plan, spec, index === maintSpec);
}
