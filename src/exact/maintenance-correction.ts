/**
 * The downtime maintenance adds, with the health gate (docs/model.md, the exact engine):
 * Σⱼ s · avg_u E_u[pred(none) − pred(j)], E_u the expectation while the cluster's gate elements
 * are in their transient from "up at 0" (a step of age u started when they were all up) and the
 * other elements in their steady state. Overridden elements keep their override throughout (an
 * importance measure freezes an element: it no longer gates maintenance).
 */
import type { Cluster, Region } from '../model/topology.js';
import { buildClusterPlan } from './cluster-plan.js';
import {
  buildControlPlaneTables,
  controlPlaneInto,
  reachesEverySide,
  sideLossInto,
  type ControlPlaneTables,
  type ControlPlaneValues,
} from './control-plane.js';
import { maintenanceShare, type ElementAvailabilities } from './element-availability.js';
import { elementId, type Overrides } from './elements.js';
import {
  enumerateRegionConditions,
  regionDomains,
  type DomainAvailability,
} from './region-conditions.js';

/** What maintenance removes from a cluster's control plane. */
export interface MaintenanceCorrection extends ControlPlaneValues {
  /**
   * Beyond 6 zones, the bound on what the transient states left out could remove (already
   * included in the three values, so that they stay upper bounds); 0 otherwise.
   */
  truncated: number;
}

/** The control-plane availability that maintenance removes from one cluster. */
export function computeMaintenanceCorrection(
  cluster: Cluster,
  region: Region,
  av: ElementAvailabilities,
  overrides: Overrides,
): MaintenanceCorrection {
  const out: MaintenanceCorrection = { quorum: 0, api: 0, scheduling: 0, truncated: 0 };
  const gate = av.gate;
  const share = maintenanceShare(av.maintenance, cluster.counts.masters);
  if (gate === null || !(share > 0)) return out;
  const gated = new Set(
    cluster.zones.flatMap((z, i) =>
      (cluster.masters[z] ?? 0) + (cluster.etcd.members[z] ?? 0) > 0 ? [i] : [],
    ),
  );
  const steady = regionDomains(region, av, overrides);
  const none: ControlPlaneValues = { quorum: 0, api: 0, scheduling: 0 };
  const maintained: ControlPlaneValues = { quorum: 0, api: 0, scheduling: 0 };
  transientNodes(av).forEach(({ weight, av: transient, domains: up }) => {
    const domains = transientDomains(region, steady, gated, overrides, up);
    const tables: Partial<Record<'normal' | 'impaired', ControlPlaneTables>> = {};
    const tablesFor = (impaired: boolean): ControlPlaneTables =>
      (tables[impaired ? 'impaired' : 'normal'] ??= buildControlPlaneTables(
        buildClusterPlan(cluster, transient, overrides, impaired),
      ));
    const conditions = enumerateRegionConditions(region, domains);
    if (conditions.truncated > 0) {
      // A state left out could lose every predicate to each master's step.
      const bound = weight * share * cluster.counts.masters * conditions.truncated;
      out.quorum += bound;
      out.api += bound;
      out.scheduling += bound;
      out.truncated += bound;
    }
    // With an endpoint that reaches every side, a step changes its master's side only: what it
    // removes depends on the condition through that side alone, so conditions are summed per
    // side (of the cluster's own zones) first.
    const bySide: Record<'normal' | 'impaired', SideSums> = {
      normal: new SideSums(region.zones.length),
      impaired: new SideSums(region.zones.length),
    };
    for (const condition of conditions.states) {
      // A blacked-out region serves nothing, with or without maintenance.
      if (!condition.regionUp) continue;
      const t = tablesFor(condition.impaired);
      if (reachesEverySide(t)) {
        const sums = bySide[condition.impaired ? 'impaired' : 'normal'];
        for (const mask of condition.sideMasks) {
          const zones = mask & t.sides.relevant;
          if (zones !== 0) sums.add(zones, condition.probability);
        }
        continue;
      }
      controlPlaneInto(t, condition, 0, none);
      // Every master spec in turn (zone by zone), its count the number of such steps.
      for (let state = 1; state < t.maintenanceStates.length; state++) {
        controlPlaneInto(t, condition, state, maintained);
        const w = weight * share * (t.stepsOf[state] ?? 0) * condition.probability;
        out.quorum += w * (none.quorum - maintained.quorum);
        out.api += w * (none.api - maintained.api);
        out.scheduling += w * (none.scheduling - maintained.scheduling);
      }
    }
    for (const impaired of [false, true]) {
      const t = tables[impaired ? 'impaired' : 'normal'];
      if (t === undefined) continue;
      const sums = bySide[impaired ? 'impaired' : 'normal'];
      for (let i = 0; i < sums.order.length; i++) {
        const zones = sums.order[i] ?? 0;
        const probability = sums.get(zones);
        for (let state = 1; state < t.maintenanceStates.length; state++) {
          const zone = t.maintenanceStates[state]?.zone ?? -1;
          if ((zones & (1 << zone)) === 0) continue;
          sideLossInto(t, zones, state, maintained);
          const w = weight * share * (t.stepsOf[state] ?? 0) * probability;
          out.quorum += w * maintained.quorum;
          out.api += w * maintained.api;
          out.scheduling += w * maintained.scheduling;
        }
      }
    }
  });
  return out;
}

// --- internal ---

/**
 * Probabilities summed per side (a zone mask), listed in the order sides first appear (the order
 * the sums are then added up in): in an array indexed by mask up to 12 zones, else in a map.
 */
class SideSums {
  readonly order: number[] = [];
  readonly #dense: Float64Array | null;
  readonly #seen: Uint8Array | null;
  readonly #map = new Map<number, number>();

  constructor(zones: number) {
    this.#dense = zones <= 12 ? new Float64Array(1 << zones) : null;
    this.#seen = zones <= 12 ? new Uint8Array(1 << zones) : null;
  }

  add(mask: number, p: number): void {
    if (this.#dense !== null && this.#seen !== null) {
      if (this.#seen[mask] === 0) {
        this.#seen[mask] = 1;
        this.order.push(mask);
      }
      this.#dense[mask] = (this.#dense[mask] ?? 0) + p;
      return;
    }
    const held = this.#map.get(mask);
    if (held === undefined) this.order.push(mask);
    this.#map.set(mask, (held ?? 0) + p);
  }

  get(mask: number): number {
    return this.#dense !== null ? (this.#dense[mask] ?? 0) : (this.#map.get(mask) ?? 0);
  }
}

/** One quadrature node of a step: its weight, the elements' availabilities and the domains'. */
interface TransientNode {
  weight: number;
  av: ElementAvailabilities;
  domains: { region: number; zone: number; link: number };
}

/** The transient availabilities at each node of the gate's quadrature. */
function transientNodes(av: ElementAvailabilities): TransientNode[] {
  const gate = av.gate;
  const nodes = (gate?.weights ?? []).map((weight, k): TransientNode => {
    const up = (cls: keyof NonNullable<typeof gate>['down']): number =>
      1 - (gate?.down[cls][k] ?? 0);
    // A gate VM was up when the step began; an impairment since then keeps its failures.
    const upImpaired = (cls: keyof NonNullable<typeof gate>['upImpaired'], vm: number): number =>
      vm < 1 ? (gate?.upImpaired[cls][k] ?? 1) : 1;
    return {
      weight,
      av: {
        ...av,
        master: up('master'),
        etcd: up('etcd'),
        process: up('process'),
        disk: up('disk'),
        impaired: {
          ...av.impaired,
          master: upImpaired('master', av.master),
          etcd: upImpaired('etcd', av.etcd),
          disk: upImpaired('disk', av.disk),
        },
      },
      domains: { region: up('region'), zone: up('zone'), link: up('link') },
    };
  });
  return nodes;
}

/** The region's domains during a step: the gate's zones, links and region in their transient. */
function transientDomains(
  region: Region,
  steady: DomainAvailability,
  gated: Set<number>,
  overrides: Overrides,
  up: { region: number; zone: number; link: number },
): DomainAvailability {
  const zones = region.zones;
  const name = (i: number): string => zones[i] ?? '';
  return {
    region: overrides.get(elementId.region(region.name)) ?? up.region,
    impairment: steady.impairment,
    zone: (i) =>
      gated.has(i)
        ? (overrides.get(elementId.zone(region.name, name(i))) ?? up.zone)
        : steady.zone(i),
    link: (i, j) =>
      gated.has(i) && gated.has(j)
        ? (overrides.get(elementId.link(region.name, name(i), name(j))) ?? up.link)
        : steady.link(i, j),
  };
}
