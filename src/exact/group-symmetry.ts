/**
 * Element groups that give the same figures by symmetry. Two clusters of one region with the same
 * layout (masters, etcd, endpoint, workers, placement) reached by the same rollout wave are
 * interchangeable: every predicate is a symmetric function of them (a region's service counts
 * its serving clusters, the bad changes hurt them by wave). So the group of role R in zone z of
 * one of them changes its own cluster's figures exactly as the same group of the other changes
 * that one's, and the shared figures (regions, deployment) alike: importance measures and single
 * points of failure evaluate one group per class of such groups and copy the rest. A fleet of n
 * identical clusters then costs about what one cluster does, not n² (docs/limits.md).
 */
import type { Cluster, Topology } from '../model/topology.js';
import type { ElementGroup } from './elements.js';

/**
 * Per group, the key of its symmetry class (groups with equal keys give the same figures, up to
 * the cluster's name), or null for a group shared by clusters (regions, zones, bad changes).
 * @param waves the rollout wave of each cluster (engine.ts), by cluster index
 */
export function groupSymmetryKeys(
  t: Topology,
  groups: readonly ElementGroup[],
  waves: readonly number[],
): (string | null)[] {
  const clusterKey = new Map<string, string>();
  t.clusters.forEach((c, i) => clusterKey.set(c.name, `${waves[i] ?? 0}|${layoutOf(c)}`));
  return groups.map((g) => {
    if (g.cluster === undefined) return null;
    const key = clusterKey.get(g.cluster);
    // Every id of a cluster's group starts with its name (elements.ts: elementId).
    if (key === undefined || !g.id.startsWith(`${g.cluster} `)) return null;
    return `${key}|${g.class}|${g.id.slice(g.cluster.length)}`;
  });
}

// --- internal ---

/** Everything the engine reads of a cluster but its name. */
function layoutOf(c: Cluster): string {
  const { name: _name, ...layout } = c;
  return JSON.stringify(layout);
}
