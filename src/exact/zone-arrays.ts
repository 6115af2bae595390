/**
 * One zone of a cluster as count distributions: its up etcd members jointly with whether any of
 * its masters serves the API or could run the controllers leader. Masters of one spec are
 * independent and identical, so the zone is a product of per-master Bernoulli terms.
 */
import type { ClusterPlan, MasterSpec, ZonePlan } from './cluster-plan.js';
import { convolve, ZERO_COUNT } from './count-distribution.js';

/**
 * Per zone: F[k] = P(k members up), G[k] = P(k members up and no serving apiserver),
 * H[k] = P(k members up and no master that serves and has its controllers up). The pinned
 * master of a single-master endpoint is left out and described by `pinned`.
 */
export interface ZoneArrays {
  f: readonly number[];
  g: readonly number[];
  h: readonly number[];
}

/** The chances of one master. */
export interface MasterOdds {
  /** Its stacked member is up. */
  member: number;
  /** Its apiserver serves (up, and with stacked etcd its member up). */
  serving: number;
  /** Serving and controllers up. */
  scheduling: number;
}

/** The chances of one master of a spec, possibly in maintenance (its node down). */
export function masterOdds(
  plan: ClusterPlan,
  spec: MasterSpec,
  inMaintenance: boolean,
): MasterOdds {
  const node = inMaintenance ? 0 : spec.node;
  const member = plan.stacked ? node * spec.etcdProcess * spec.disk : 0;
  const serving = (plan.stacked ? member : node) * spec.apiserver;
  return { member, serving, scheduling: serving * spec.controllers };
}

/** The arrays of one zone, with master spec `maintSpec` (or none: -1) in maintenance. */
export function zoneArrays(plan: ClusterPlan, zone: ZonePlan, maintSpec: number): ZoneArrays {
  let f: number[] = [...ZERO_COUNT];
  let g: number[] = [...ZERO_COUNT];
  let h: number[] = [...ZERO_COUNT];
  let noServing = 1;
  let noScheduling = 1;
  zone.masters.forEach((spec, si) => {
    if (spec.pinned) return;
    const inMaint = si === maintSpec ? 1 : 0;
    const regular = masterOdds(plan, spec, false);
    const maint = masterOdds(plan, spec, true);
    for (const [o, n] of [
      [regular, spec.count - inMaint],
      [maint, inMaint],
    ] as const) {
      for (let i = 0; i < n; i++) {
        if (plan.stacked) {
          f = convolve(f, [1 - o.member, o.member]);
          g = convolve(g, [1 - o.member, o.member - o.serving]);
          h = convolve(h, [1 - o.member, o.member - o.scheduling]);
        } else {
          noServing *= 1 - o.serving;
          noScheduling *= 1 - o.scheduling;
        }
      }
    }
  });
  if (!plan.stacked) {
    for (const m of zone.members)
      for (let i = 0; i < m.count; i++) f = convolve(f, [1 - m.up, m.up]);
    g = f.map((x) => x * noServing);
    h = f.map((x) => x * noScheduling);
  }
  return { f, g, h };
}
