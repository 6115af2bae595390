/**
 * A cluster's elements with their availabilities, per zone: master specs (with the pinned
 * master of a single-master endpoint and any overridden element kept apart), external etcd
 * members, workers and the endpoint — in a region that is impaired or not (an impairment blocks
 * VM replacements and takes cloud and dns endpoints down). The input of the per-condition
 * computations.
 */
import type { Cluster, EndpointKind } from '../model/topology.js';
import type { ElementAvailabilities } from './element-availability.js';
import { elementId, pinnedZone, ZONE_ROLES, type Overrides, type ZoneRole } from './elements.js';

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

/** A keepalived pair: its hosts' zones (indices) and availabilities; the first up host is active. */
export interface KeepalivedPlan {
  zones: [number, number];
  hosts: [number, number];
}

export interface ClusterPlan {
  name: string;
  stacked: boolean;
  quorum: number;
  zones: ZonePlan[];
  endpoint: EndpointKind;
  /** Index of the pinned master's zone (single-master); -1 for the other kinds. */
  endpointZone: number;
  keepalived: KeepalivedPlan | null;
  /** The cloud load balancer's availability (0 while impaired), dns: 0 while impaired; else 1. */
  endpointUp: number;
  workersNeeded: number;
}

/** The plan of one cluster under the given availabilities and overrides. */
export function buildClusterPlan(
  c: Cluster,
  base: ElementAvailabilities,
  overrides: Overrides,
  impaired = false,
): ClusterPlan {
  const av = impaired ? { ...base, ...base.impaired } : base;
  const pinned = pinnedZone(c);
  const stacked = c.etcd.placement === 'stacked';
  const own = roleOverrides(c, overrides);
  const zones = c.zones.map((zone, zi): ZonePlan => {
    const get = (role: ZoneRole, base: number, isPinned = false): number =>
      own?.[zi]?.get(role)?.[isPinned ? 1 : 0] ?? base;
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
  const endpointZone =
    c.endpoint.kind === 'single-master' && c.endpoint.zone !== null
      ? c.zones.indexOf(c.endpoint.zone)
      : -1;
  return {
    name: c.name,
    stacked,
    quorum: c.counts.quorum,
    zones,
    endpoint: c.endpoint.kind,
    endpointZone,
    keepalived: keepalivedPlan(c, av, overrides),
    endpointUp: endpointAvailability(c, av, overrides, impaired),
    workersNeeded: c.workersNeeded,
  };
}

// --- internal ---

/** Per zone index and role, the overrides of the [unpinned, pinned] element; null for none. */
type RoleOverrides = Map<ZoneRole, [number | undefined, number | undefined]>[] | null;

/**
 * Resolved once per overrides and cluster (a correction builds many plans with the same ones);
 * checked against the overrides' entries and the cluster's name and zones, so that a map or a
 * cluster changed in place is resolved again.
 */
const resolved = new WeakMap<
  Overrides,
  {
    entries: [string, number][];
    tables: WeakMap<Cluster, { name: string; zones: string[]; table: RoleOverrides }>;
  }
>();

function roleOverrides(c: Cluster, overrides: Overrides): RoleOverrides {
  if (overrides.size === 0) return null;
  let held = resolved.get(overrides);
  if (held === undefined || !sameEntries(overrides, held.entries)) {
    held = { entries: [...overrides], tables: new WeakMap() };
    resolved.set(overrides, held);
  }
  const known = held.tables.get(c);
  if (known !== undefined && known.name === c.name && sameZones(known.zones, c.zones))
    return known.table;
  // Overrides of this cluster's elements have ids that start with its name.
  const own = [...overrides.keys()].some((id) => id.startsWith(`${c.name} `));
  const table = own
    ? c.zones.map((zone) => {
        const roles = new Map<ZoneRole, [number | undefined, number | undefined]>();
        for (const role of ZONE_ROLES) {
          const unpinned = overrides.get(elementId.role(c.name, role, zone, false));
          const pinned = overrides.get(elementId.role(c.name, role, zone, true));
          if (unpinned !== undefined || pinned !== undefined) roles.set(role, [unpinned, pinned]);
        }
        return roles;
      })
    : null;
  held.tables.set(c, { name: c.name, zones: [...c.zones], table });
  return table;
}

/** Whether the map still holds exactly these entries, in this order. */
function sameEntries(overrides: Overrides, entries: readonly [string, number][]): boolean {
  if (overrides.size !== entries.length) return false;
  let i = 0;
  for (const [id, value] of overrides) {
    const e = entries[i++];
    if (e === undefined || e[0] !== id || !Object.is(e[1], value)) return false;
  }
  return true;
}

function sameZones(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((z, i) => z === b[i]);
}

/** n elements as a first one (which carries overrides) and n-1 others. */
function split(n: number, up: (first: boolean) => number): CountedSpec[] {
  const out: CountedSpec[] = [];
  if (n >= 1) out.push({ count: 1, up: up(true) });
  if (n >= 2) out.push({ count: n - 1, up: up(false) });
  return out;
}

function endpointAvailability(
  c: Cluster,
  av: ElementAvailabilities,
  overrides: Overrides,
  impaired: boolean,
): number {
  if (c.endpoint.kind === 'cloud')
    return impaired ? 0 : (overrides.get(elementId.loadBalancer(c.name)) ?? av.loadBalancer);
  if (c.endpoint.kind === 'dns') return impaired ? 0 : 1;
  return 1;
}

function keepalivedPlan(
  c: Cluster,
  av: ElementAvailabilities,
  overrides: Overrides,
): KeepalivedPlan | null {
  const [a, b] = c.endpoint.hostZones;
  if (c.endpoint.kind !== 'keepalived' || a === undefined || b === undefined) return null;
  const zones: [number, number] = [c.zones.indexOf(a), c.zones.indexOf(b)];
  if (a === b) {
    // One group of two exchangeable hosts: an override applies to the first.
    const first = overrides.get(elementId.keepalivedHost(c.name)) ?? av.loadBalancer;
    return { zones, hosts: [first, av.loadBalancer] };
  }
  const host = (zone: string): number =>
    overrides.get(elementId.keepalivedHost(c.name, zone)) ?? av.loadBalancer;
  return { zones, hosts: [host(a), host(b)] };
}
