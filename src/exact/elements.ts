/**
 * The elements of a topology, grouped: elements of one group (same class, cluster, zone and
 * role) are exchangeable, so they share one Birnbaum importance and one answer to "is it a
 * single point of failure". Group ids are also the keys of availability overrides.
 */
import type { Cluster, Topology } from '../model/topology.js';
import { BAD_CHANGE_KINDS, type BadChangeKind } from './bad-change-states.js';
import type { ElementAvailabilities, ElementClass } from './element-availability.js';

/** A set of exchangeable elements. */
export interface ElementGroup {
  /** A readable, unique name: `prod apiserver @a`, `zone eu-west/b`. */
  id: string;
  class: ElementClass;
  /** How many elements the group holds. */
  count: number;
  /** The cluster whose elements these are; absent for shared elements. */
  cluster?: string;
  /** The region whose domains these are (region, zones, links). */
  region?: string;
  /** The kind of a bad-change group. */
  kind?: BadChangeKind;
}

/** The roles of per-zone cluster elements. */
export type ZoneRole =
  | 'master node'
  | 'apiserver'
  | 'controllers'
  | 'etcd process'
  | 'etcd disk'
  | 'etcd node'
  | 'worker';

/** Every role, in the order plans and keys list them. */
export const ZONE_ROLES: readonly ZoneRole[] = [
  'master node',
  'apiserver',
  'controllers',
  'etcd process',
  'etcd disk',
  'etcd node',
  'worker',
];

/** Availability overrides: one element of the group with this id has the given availability. */
export type Overrides = ReadonlyMap<string, number>;

/** The ids of elements, shared by the engine (to apply overrides) and by reports. */
export const elementId = {
  region: (region: string): string => `region ${region}`,
  impairment: (region: string): string => `impairment ${region}`,
  zone: (region: string, zone: string): string => `zone ${region}/${zone}`,
  link: (region: string, a: string, b: string): string => `link ${region}/${a}-${b}`,
  badChange: (kind: BadChangeKind): string => BAD_CHANGE_NAMES[kind],
  loadBalancer: (cluster: string): string => `${cluster} load balancer`,
  /** Both hosts of a pair in one zone (zone null), or the host in `zone` of a pair in two. */
  keepalivedHost: (cluster: string, zone: string | null = null): string =>
    `${cluster} keepalived host${zone === null ? '' : ` @${zone}`}`,
  role: (cluster: string, role: ZoneRole, zone: string, pinned = false): string =>
    `${cluster} ${role} @${zone}${pinned ? ' (pinned)' : ''}`,
};

const BAD_CHANGE_NAMES: Record<BadChangeKind, string> = {
  api: 'bad change (api down)',
  restore: 'bad change (etcd restore)',
  dataPlane: 'bad change (data plane)',
};

const ROLE_CLASS: Record<ZoneRole, ElementClass> = {
  'master node': 'master',
  apiserver: 'process',
  controllers: 'process',
  'etcd process': 'process',
  'etcd disk': 'disk',
  'etcd node': 'etcd',
  worker: 'worker',
};

/** The zone of a cluster's pinned master (single-master endpoint), or null. */
export function pinnedZone(cluster: Cluster): string | null {
  return cluster.endpoint.kind === 'single-master' ? cluster.endpoint.zone : null;
}

/** Every element group of a topology, shared elements first. */
export function listElementGroups(t: Topology, av: ElementAvailabilities): ElementGroup[] {
  const groups: ElementGroup[] = [];
  for (const r of t.regions) {
    const region = r.name;
    groups.push({ id: elementId.region(region), class: 'region', count: 1, region });
    groups.push({ id: elementId.impairment(region), class: 'regionImpairment', count: 1, region });
    for (const z of r.zones)
      groups.push({ id: elementId.zone(region, z), class: 'zone', count: 1, region });
    r.zones.forEach((a, i) =>
      r.zones.slice(i + 1).forEach((b) => {
        groups.push({ id: elementId.link(region, a, b), class: 'partition', count: 1, region });
      }),
    );
  }
  for (const kind of BAD_CHANGE_KINDS) {
    if ((av.badChanges[kind][0] ?? 1) < 1)
      groups.push({ id: elementId.badChange(kind), class: 'operatorError', count: 1, kind });
  }
  for (const c of t.clusters) groups.push(...clusterGroups(c));
  return groups;
}

/** The availability of one element of a group (before any override). */
export function groupAvailability(group: ElementGroup, av: ElementAvailabilities): number {
  switch (group.class) {
    case 'partition':
      return av.link;
    case 'operatorError':
      return group.kind === undefined ? 1 : (av.badChanges[group.kind][0] ?? 1);
    case 'regionImpairment':
      return av.impairment;
    case 'maintenance':
      return 1;
    case 'region':
    case 'zone':
    case 'master':
    case 'etcd':
    case 'worker':
    case 'process':
    case 'disk':
    case 'loadBalancer':
      return av[group.class];
  }
}

// --- internal ---

function clusterGroups(c: Cluster): ElementGroup[] {
  const groups: ElementGroup[] = [];
  const add = (role: ZoneRole, zone: string, count: number, pinned = false): void => {
    if (count > 0) {
      const id = elementId.role(c.name, role, zone, pinned);
      groups.push({ id, class: ROLE_CLASS[role], count, cluster: c.name });
    }
  };
  if (c.endpoint.kind === 'cloud')
    groups.push({
      id: elementId.loadBalancer(c.name),
      class: 'loadBalancer',
      count: 1,
      cluster: c.name,
    });
  if (c.endpoint.kind === 'keepalived') {
    const [a, b] = c.endpoint.hostZones;
    const hosts =
      a === b
        ? [{ zone: null, count: 2 }]
        : [a, b].map((zone) => ({ zone: zone ?? null, count: 1 }));
    for (const h of hosts)
      groups.push({
        id: elementId.keepalivedHost(c.name, h.zone),
        class: 'loadBalancer',
        count: h.count,
        cluster: c.name,
      });
  }
  const stacked = c.etcd.placement === 'stacked';
  const masterRoles: ZoneRole[] = ['master node', 'apiserver', 'controllers'];
  if (stacked) masterRoles.push('etcd process', 'etcd disk');
  for (const zone of c.zones) {
    const masters = c.masters[zone] ?? 0;
    const pinned = pinnedZone(c) === zone && masters > 0 ? 1 : 0;
    for (const role of masterRoles) {
      add(role, zone, pinned, true);
      add(role, zone, masters - pinned);
    }
    if (!stacked) {
      const members = c.etcd.members[zone] ?? 0;
      for (const role of ['etcd node', 'etcd process', 'etcd disk'] as const)
        add(role, zone, members);
    }
    add('worker', zone, c.workers[zone] ?? 0);
  }
  return groups;
}
