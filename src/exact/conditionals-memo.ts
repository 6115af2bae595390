/**
 * Sharing conditionals between clusters of one prepared engine (and its re-preparations for
 * importance and attribution): two clusters with the same layout, in regions with the same
 * zones, under the same overrides of their own elements and their region's domains, have the
 * same conditionals, as every other input (the element availabilities) is the engine's own.
 * The keys hold everything the computation reads: the cluster as normalized (all but its name
 * and region; the control plane also leaves out its workers) and the overrides it reads, named
 * relative to the cluster and region.
 */
import type { Cluster, Region } from '../model/topology.js';
import type { ControlPlaneConditionals } from './cluster-conditionals.js';
import { elementId, ZONE_ROLES, type Overrides } from './elements.js';

/** Conditionals computed so far, by key. */
export interface ConditionalsMemo {
  controlPlane: Map<string, ControlPlaneConditionals>;
  workloads: Map<string, Float64Array>;
  /** Per cluster index: its layouts as text and the override ids it reads. */
  clusters: Map<number, ClusterKeyParts>;
}

export function createConditionalsMemo(): ConditionalsMemo {
  return { controlPlane: new Map(), workloads: new Map(), clusters: new Map() };
}

/** The memo keys of one cluster's control plane and workloads under the given overrides. */
export function conditionalsKeys(
  memo: ConditionalsMemo,
  index: number,
  cluster: Cluster,
  region: Region,
  overrides: Overrides,
): { controlPlane: string; workloads: string } {
  let parts = memo.clusters.get(index);
  if (parts === undefined) {
    parts = keyParts(cluster, region);
    memo.clusters.set(index, parts);
  }
  const read = { controlPlane: [] as [string, number][], workloads: [] as [string, number][] };
  if (overrides.size > 0)
    for (const [id, value] of overrides) {
      const use = parts.reads.get(id);
      if (use === undefined) continue;
      if (use.part !== 'workloads') read.controlPlane.push([use.label, value]);
      if (use.part !== 'controlPlane') read.workloads.push([use.label, value]);
    }
  const text = (xs: [string, number][]): string =>
    JSON.stringify(xs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  return {
    controlPlane: `${parts.controlPlane}|${text(read.controlPlane)}`,
    workloads: `${parts.workloads}|${text(read.workloads)}`,
  };
}

// --- internal ---

interface ClusterKeyParts {
  controlPlane: string;
  workloads: string;
  /** Override ids the engine reads for this cluster: which part, and a name free of its own. */
  readonly reads: Map<string, { part: 'controlPlane' | 'workloads' | 'both'; label: string }>;
}

function keyParts(cluster: Cluster, region: Region): ClusterKeyParts {
  const anonymous = { ...cluster, name: null, region: null };
  let reads: ClusterKeyParts['reads'] | undefined;
  return {
    controlPlane: JSON.stringify([
      {
        ...anonymous,
        workers: null,
        workersNeeded: null,
        placement: null,
        counts: { ...cluster.counts, workers: null },
      },
      region.zones,
    ]),
    workloads: JSON.stringify([anonymous, region.zones]),
    get reads() {
      return (reads ??= readIds(cluster, region));
    },
  };
}

/** Every override id the engine reads for a cluster, with a name free of its own. */
function readIds(cluster: Cluster, region: Region): ClusterKeyParts['reads'] {
  const reads: ClusterKeyParts['reads'] = new Map();
  const c = cluster.name;
  const r = region.name;
  for (const zone of cluster.zones)
    for (const role of ZONE_ROLES)
      for (const pinned of [false, true])
        reads.set(elementId.role(c, role, zone, pinned), {
          part: role === 'worker' ? 'workloads' : 'controlPlane',
          label: elementId.role('', role, zone, pinned),
        });
  reads.set(elementId.loadBalancer(c), { part: 'controlPlane', label: 'load balancer' });
  for (const zone of [null, ...cluster.zones])
    reads.set(elementId.keepalivedHost(c, zone), {
      part: 'controlPlane',
      label: elementId.keepalivedHost('', zone),
    });
  // Domains change the region's conditions, which both parts are computed over.
  reads.set(elementId.region(r), { part: 'both', label: elementId.region('') });
  reads.set(elementId.impairment(r), { part: 'both', label: elementId.impairment('') });
  region.zones.forEach((a, i) => {
    reads.set(elementId.zone(r, a), { part: 'both', label: elementId.zone('', a) });
    for (const b of region.zones.slice(i + 1))
      reads.set(elementId.link(r, a, b), { part: 'both', label: elementId.link('', a, b) });
  });
  return reads;
}
