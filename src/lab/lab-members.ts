/**
 * The etcd members of one cluster as lab members, zone by zone in the region's order (`a-1`,
 * `a-2`, `b-1`, …), and which of them a scenario's `fail:` target takes down. A stacked member
 * lives on its master, so `master` and `etcd` targets both take the zone's first member, as the
 * simulator does (docs/model.md "Simulation details"); an external etcd loses a member only to an
 * `etcd` target.
 */
import type { Cluster, FailTarget } from '../model/topology.js';
import type { LabMember } from './lab-plan.js';

/** The most members and zones a lab runs (etcd's FAQ advises at most 7 members). */
export const LAB_LIMITS = { members: 9, zones: 9 } as const;

/** Members of the cluster's etcd, grouped by zone in the order the region lists its zones. */
export function placeMembers(cluster: Cluster): LabMember[] {
  return cluster.zones.flatMap((zone) =>
    Array.from({ length: cluster.etcd.members[zone] ?? 0 }, (_, i) => ({
      name: `${zone}-${i + 1}`,
      zone,
    })),
  );
}

/** The zones that hold members, in order. */
export function memberZones(members: readonly LabMember[]): string[] {
  return [...new Set(members.map((m) => m.zone))];
}

/** Members per zone, in order: `{ a: 2, b: 1 }`. */
export function countByZone(members: readonly LabMember[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of members) counts[m.zone] = (counts[m.zone] ?? 0) + 1;
  return counts;
}

/** The members a `fail:` target takes down in `cluster` (none when it misses the cluster). */
export function membersHitBy(
  target: FailTarget,
  cluster: Cluster,
  members: readonly LabMember[],
): string[] {
  const inZone = (zone: string): LabMember[] => members.filter((m) => m.zone === zone);
  switch (target.kind) {
    case 'region':
      return target.region === cluster.region ? members.map((m) => m.name) : [];
    case 'zone':
      return target.region === cluster.region ? inZone(target.zone).map((m) => m.name) : [];
    case 'endpoint':
    case 'impairment': // the cloud's control plane fails; running VMs keep running
      return [];
    case 'node': {
      if (target.cluster !== cluster.name || target.role === 'worker') return [];
      const carriesEtcd = cluster.etcd.placement === 'stacked' || target.role === 'etcd';
      const first = inZone(target.zone)[0];
      return carriesEtcd && first !== undefined ? [first.name] : [];
    }
  }
}

/** Why a placement cannot run in the lab, or null when it can. */
export function checkLabPlacement(cluster: Cluster, members: readonly LabMember[]): string | null {
  if (members.length === 0) return `cluster ${cluster.name} has no etcd member`;
  if (members.length > LAB_LIMITS.members) {
    return `cluster ${cluster.name} has ${members.length} etcd members; the lab runs at most ${LAB_LIMITS.members}`;
  }
  const zones = memberZones(members).length;
  if (zones > LAB_LIMITS.zones) {
    return `cluster ${cluster.name} spreads etcd over ${zones} zones; the lab runs at most ${LAB_LIMITS.zones}`;
  }
  return null;
}
