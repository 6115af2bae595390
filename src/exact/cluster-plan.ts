/**
 * A cluster's elements with their availabilities, per zone: master specs (with the pinned
 * master of a single-master endpoint and any overridden element kept apart), external etcd
 * members, workers, the endpoint and maintenance. The input of the per-condition computations.
 */
import type { Cluster, EndpointKind } from '../model/topology.js';
import { maintenanceShare, type ElementAvailabilities } from './element-availability.js';
import { elementId, pinnedZone, type Overrides, type ZoneRole } from './elements.js';

/** `count` identical masters: availabilities of their node and processes. */
export interface MasterSpec {
  count: number;
  pinned: boolean;
  node: number;
  apiserver: number;
  controllers: number;
  /** Stacked only: the etcd process and disk on the master. */
  etcdProcess: number;
  disk: number;
}

/** `count` identical elements that are up with probability `up`. */
export interface CountedSpec {
  count: number;
  up: number;
}

export interface ZonePlan {
  masters: MasterSpec[];
  /** External etcd members (empty when stacked). */
  members: CountedSpec[];
  workers: CountedSpec[];
}

export interface ClusterPlan {
  name: string;
  stacked: boolean;
  quorum: number;
  zones: ZonePlan[];
  endpoint: EndpointKind;
  /** Index of the keepalived pair's or pinned master's zone; -1 for the other kinds. */
  endpointZone: number;
  /** The cloud load balancer's availability, or P(at least one keepalived host up); else 1. */
  endpointUp: number;
  /** The share of time one given master is down for maintenance. */
  maintenancePerMaster: number;
  workersNeeded: number;
}

/** The plan of one cluster under the given availabilities and overrides. */
export function buildClusterPlan(
  c: Cluster,
  av: ElementAvailabilities,
  overrides: Overrides,
): ClusterPlan {
  const pinned = pinnedZone(c);
  const stacked = c.etcd.placement === 'stacked';
  const zones = c.zones.map((zone): ZonePlan => {
    const get = (role: ZoneRole, base: number, isPinned = false): number =>
      overrides.get(elementId.role(c.name, role, zone, isPinned)) ?? base;
    const spec = (count: number, isPinned: boolean, first: boolean): MasterSpec => {
      const at = (role: ZoneRole, base: number): number =>
        first ? get(role, base, isPinned) : base;
      return {
        count,
        pinned: isPinned,
        node: at('master node', av.master),
        apiserver: at('apiserver', av.process),
        controllers: at('controllers', av.process),
        etcdProcess: stacked ? at('etcd process', av.process) : 1,
        disk: stacked ? at('etcd disk', av.disk) : 1,
      };
    };
    const m = c.masters[zone] ?? 0;
    const p = pinned === zone && m > 0 ? 1 : 0;
    const masters = [
      spec(p, true, true),
      spec(Math.min(1, m - p), false, true),
      spec(m - p - 1, false, false),
    ];
    const members = stacked
      ? []
      : split(c.etcd.members[zone] ?? 0, (first) =>
          first
            ? get('etcd node', av.etcd) *
              get('etcd process', av.process) *
              get('etcd disk', av.disk)
            : av.etcd * av.process * av.disk,
        );
    const workers = split(c.workers[zone] ?? 0, (first) =>
      first ? get('worker', av.worker) : av.worker,
    );
    return { masters: masters.filter((s) => s.count > 0), members, workers };
  });
  const endpointZone = c.endpoint.zone === null ? -1 : c.zones.indexOf(c.endpoint.zone);
  return {
    name: c.name,
    stacked,
    quorum: c.counts.quorum,
    zones,
    endpoint: c.endpoint.kind,
    endpointZone,
    endpointUp: endpointAvailability(c, av, overrides),
    maintenancePerMaster: maintenanceShare(av.maintenance, c.counts.masters),
    workersNeeded: c.workersNeeded,
  };
}

// --- internal ---

/** n elements as a first one (which carries overrides) and n-1 others. */
function split(n: number, up: (first: boolean) => number): CountedSpec[] {
  const out: CountedSpec[] = [];
  if (n >= 1) out.push({ count: 1, up: up(true) });
  if (n >= 2) out.push({ count: n - 1, up: up(false) });
  return out;
}

function endpointAvailability(c: Cluster, av: ElementAvailabilities, overrides: Overrides): number {
  if (c.endpoint.kind === 'cloud')
    return overrides.get(elementId.loadBalancer(c.name)) ?? av.loadBalancer;
  if (c.endpoint.kind === 'keepalived') {
    const first = overrides.get(elementId.keepalivedHost(c.name)) ?? av.loadBalancer;
    return 1 - (1 - first) * (1 - av.loadBalancer);
  }
  return 1;
}
