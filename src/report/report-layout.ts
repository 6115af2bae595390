/**
 * The layout part of a report: regions, zones and what each cluster places where, with the
 * closed-form facts a reviewer checks first (etcd's quorum, the zone losses etcd and the workers
 * survive, the zones whose loss breaks quorum). Built from the scenario, not from a result.
 */
import type { Topology } from '../model/topology.js';
import { computeDomainTolerance } from '../quorum/domain-tolerance.js';

export interface ZonePlacement {
  zone: string;
  masters: number;
  etcdMembers: number;
  workers: number;
}

export interface ClusterLayoutRow {
  name: string;
  region: string;
  endpoint: { kind: string; zone: string | null };
  etcdPlacement: 'stacked' | 'external';
  zones: ZonePlacement[];
  totals: { masters: number; etcdMembers: number; workers: number; workersNeeded: number };
  etcd: {
    quorum: number;
    /** Members that may fail. */
    tolerance: number;
    /** The largest k such that losing any k zones leaves a quorum. */
    zoneTolerance: number;
    /** The smallest sets of zones whose loss breaks quorum (zoneTolerance + 1 zones each). */
    breakingZoneSets: string[][];
  };
  /** The largest k such that losing any k zones leaves at least workersNeeded workers. */
  workerZoneTolerance: number;
}

export interface LayoutSection {
  failover: string;
  /** How changes reach the clusters: all at once, or in waves with a bake time. */
  rollout: 'all-at-once' | 'waves';
  regions: { name: string; zones: string[]; users: number }[];
  clusters: ClusterLayoutRow[];
}

/** At most this many breaking zone sets are listed per cluster. */
const SET_LIMIT = 10;

/** The layout of a topology with its quorum and zone-loss facts. */
export function buildLayout(t: Topology): LayoutSection {
  return {
    failover: t.failover,
    rollout: t.failures.operatorError.rollout.kind,
    regions: t.regions.map((r) => ({ name: r.name, zones: [...r.zones], users: r.users })),
    clusters: t.clusters.map((c) => {
      const tolerance = computeDomainTolerance(c.etcd.members, { limit: SET_LIMIT });
      return {
        name: c.name,
        region: c.region,
        endpoint: { kind: c.endpoint.kind, zone: c.endpoint.zone },
        etcdPlacement: c.etcd.placement,
        zones: c.zones.map((zone) => ({
          zone,
          masters: c.masters[zone] ?? 0,
          etcdMembers: c.etcd.members[zone] ?? 0,
          workers: c.workers[zone] ?? 0,
        })),
        totals: {
          masters: c.counts.masters,
          etcdMembers: c.counts.etcdMembers,
          workers: c.counts.workers,
          workersNeeded: c.workersNeeded,
        },
        etcd: {
          quorum: tolerance.quorum,
          tolerance: tolerance.tolerance,
          zoneTolerance: tolerance.domainTolerance,
          breakingZoneSets: tolerance.criticalSets,
        },
        workerZoneTolerance: workerZoneTolerance(Object.values(c.workers), c.workersNeeded),
      };
    }),
  };
}

/** Zones whose loss alone breaks etcd quorum (none when etcd survives any one zone loss). */
export function quorumBreakingZones(c: ClusterLayoutRow): string[] {
  return c.etcd.zoneTolerance === 0 ? c.etcd.breakingZoneSets.flat() : [];
}

// --- internal ---

/** Worst case: the largest zones are lost first. */
function workerZoneTolerance(perZone: number[], needed: number): number {
  const descending = [...perZone].sort((a, b) => b - a);
  let left = descending.reduce((a, b) => a + b, 0);
  let k = 0;
  for (const n of descending) {
    if (left - n < needed) break;
    left -= n;
    k += 1;
  }
  return k;
}
