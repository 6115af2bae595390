/**
 * How many clusters R regions need to tolerate U unavailable clusters (model.md §4), in three
 * modes. With k clusters per region's load (a region too big for one cluster, see
 * cluster-split.ts) the forms generalise; k = 1 gives the closed forms of the model:
 * local R·(U+1), failover with capacity R+U, availability only max(R, U+1).
 */

export type ClusterMode = 'local' | 'failoverWithCapacity' | 'failoverAvailabilityOnly';
export const CLUSTER_MODES: readonly ClusterMode[] = [
  'local',
  'failoverWithCapacity',
  'failoverAvailabilityOnly',
];

export interface ClusterCountOptions {
  regions: number;
  /** Clusters that may be unavailable at the same time (U). */
  tolerate: number;
  /** Clusters needed to carry one region's load (k, default 1). */
  clustersPerRegionLoad?: number;
}

export interface ModeCount {
  mode: ClusterMode;
  clusters: number;
  /** Clusters placed in each region (the extras of the failover modes go to the first regions). */
  perRegion: number[];
  /** The assumption under which the count is enough, in words. */
  assumption: string;
}

export type ClusterCounts = Record<ClusterMode, ModeCount>;

/** The clusters each mode needs; throws RangeError on regions < 1, tolerate < 0 or k < 1. */
export function computeClusterCounts(options: ClusterCountOptions): ClusterCounts {
  const { regions: r, tolerate: u } = options;
  const k = options.clustersPerRegionLoad ?? 1;
  check('regions', r, 1);
  check('tolerate', u, 0);
  check('clustersPerRegionLoad', k, 1);
  const load =
    k === 1 ? "one cluster carries one region's load" : `${k} clusters carry one region's load`;
  const after =
    u === 0 ? 'with every cluster up' : `after any ${u} cluster${u === 1 ? ' fails' : 's fail'}`;
  const forms =
    k === 1
      ? { local: 'R·(U+1)', failover: 'R+U', availability: 'max(R, U+1)' }
      : {
          local: `R·(k+U), k = ${k}`,
          failover: `R·k+U, k = ${k}`,
          availability: `max(R·k, U+1), k = ${k}`,
        };
  const withExtras = (total: number): number[] => {
    const extra = total - r * k;
    return Array.from({ length: r }, (_, i) => k + Math.floor(extra / r) + (i < extra % r ? 1 : 0));
  };
  const local = r * (k + u);
  const failover = r * k + u;
  const availability = Math.max(r * k, u + 1);
  return {
    local: {
      mode: 'local',
      clusters: local,
      perRegion: new Array<number>(r).fill(k + u),
      assumption:
        `every region keeps low latency: its own clusters serve its users ${after}, even if ` +
        `every failure hits that region (${load}; ${forms.local}, kubernetes PR #15338)`,
    },
    failoverWithCapacity: {
      mode: 'failoverWithCapacity',
      clusters: failover,
      perRegion: withExtras(failover),
      assumption:
        `users may fail over to another region (higher latency); ${load}, so ${after} ` +
        `the clusters up still carry every region's load (${forms.failover})`,
    },
    failoverAvailabilityOnly: {
      mode: 'failoverAvailabilityOnly',
      clusters: availability,
      perRegion: withExtras(availability),
      assumption:
        `every region has its own cluster${k === 1 ? '' : 's'} while all are up; ${after} at ` +
        `least one cluster is up and is assumed to carry everyone (capacity ignored; ${forms.availability})`,
    },
  };
}

// --- internal ---

function check(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${value}`);
  }
}
