/**
 * Element groups that give the same figures by symmetry. Two clusters with the same layout
 * (masters, etcd, endpoint, workers, placement) reached by the same rollout wave, in regions that
 * are alike (the same zones and users, holding clusters alike), are interchangeable: swapping
 * them, and their regions with everything in them, leaves the topology as it was, and every
 * predicate is a symmetric function of such clusters and regions (a region's service counts its
 * serving clusters, cross-region failover and the users served sum over regions, bad changes
 * hurt by wave). So a group of one of them changes its own figures exactly as the same group of
 * the other changes the other's, with the two regions' figures swapped. Importance measures and
 * single points of failure evaluate one group per class and copy the rest through that swap: a
 * fleet of identical clusters, or a deployment of identical regions, costs about what one does
 * (docs/limits.md).
 */
import type { Cluster, Topology } from '../model/topology.js';
import type { ElementGroup } from './elements.js';
import type { MetricPath } from './metric-paths.js';

/** Which group's figures each group copies, and how its paths map onto the group's own. */
export interface GroupSymmetry {
  /** Per group: the group evaluated for it (itself, when it is the first of its class). */
  source: number[];
  /** The path of group g that path j of its source's figures stands for. */
  mapPath: (g: number, j: number) => number;
}

/**
 * The symmetry classes of `groups` (listElementGroups order) over `paths` (listMetricPaths order).
 * @param waves the rollout wave of each cluster (engine.ts), by cluster index
 */
export function findGroupSymmetry(
  t: Topology,
  groups: readonly ElementGroup[],
  paths: readonly MetricPath[],
  waves: readonly number[],
): GroupSymmetry {
  // Keys are interned as small numbers: a region's key lists its clusters' (a fleet's is long).
  const intern = new Map<string, number>();
  const id = (text: string): number => {
    let n = intern.get(text);
    if (n === undefined) intern.set(text, (n = intern.size));
    return n;
  };
  const clusterKey = t.clusters.map((c, i) => id(`${waves[i] ?? 0}|${layoutOf(c)}`));
  const regionIndex = new Map(t.regions.map((r, i) => [r.name, i]));
  const clusterIndex = new Map(t.clusters.map((c, i) => [c.name, i]));
  const members = t.regions.map((r) =>
    t.clusters.flatMap((c, i) => (c.region === r.name ? [i] : [])),
  );
  const regionKey = t.regions.map((r, ri) =>
    id(
      JSON.stringify([
        r.zones,
        r.users,
        (members[ri] ?? []).map((i) => clusterKey[i] ?? -1).sort((x, y) => x - y),
      ]),
    ),
  );
  const first = new Map<string, number>();
  const source = groups.map((g, gi) => {
    const key = symmetryKey(g);
    if (key === null) return gi;
    const held = first.get(key);
    if (held !== undefined) return held;
    first.set(key, gi);
    return gi;
  });
  // Where each path sits: its cluster or region (else -1) and its position among their metrics.
  const pathCluster = new Int32Array(paths.length).fill(-1);
  const pathRegion = new Int32Array(paths.length).fill(-1);
  const pathOffset = new Int32Array(paths.length);
  const clusterPaths = t.clusters.map((): number[] => []);
  const regionPaths = t.regions.map((): number[] => []);
  paths.forEach((p, j) => {
    const list =
      p.scope === 'clusters'
        ? clusterPaths[(pathCluster[j] = clusterIndex.get(p.name) ?? -1)]
        : p.scope === 'regions'
          ? regionPaths[(pathRegion[j] = regionIndex.get(p.name) ?? -1)]
          : undefined;
    if (list === undefined) return;
    pathOffset[j] = list.length;
    list.push(j);
  });
  const pairings = new Map<string, Map<number, number>>();
  return {
    source,
    mapPath: (g, j) => {
      const from = source[g] ?? g;
      if (from === g) return j;
      const a = groups[from];
      const b = groups[g];
      if (a === undefined || b === undefined) return j;
      const ra = regionIndex.get(regionOf(a)) ?? -1;
      const rb = regionIndex.get(regionOf(b)) ?? -1;
      const ca = a.cluster === undefined ? -1 : (clusterIndex.get(a.cluster) ?? -1);
      const cb = b.cluster === undefined ? -1 : (clusterIndex.get(b.cluster) ?? -1);
      const offset = pathOffset[j] ?? 0;
      const r = pathRegion[j] ?? -1;
      if (r >= 0 && ra !== rb) {
        // The two regions' figures swap; the others' stay.
        const to = r === ra ? rb : r === rb ? ra : r;
        return regionPaths[to]?.[offset] ?? j;
      }
      const c = pathCluster[j] ?? -1;
      if (c < 0) return j;
      // A cluster's group changes its own cluster: `from`'s figures are `to`'s, and back.
      let to = c === ca ? cb : c === cb ? ca : c;
      if (ca < 0 && ra !== rb) to = pairing(ra, rb).get(c) ?? c;
      return clusterPaths[to]?.[offset] ?? j;
    },
  };

  /** Alike clusters of regions ra and rb in pairs, both ways (region groups recompute them all). */
  function pairing(ra: number, rb: number): Map<number, number> {
    const id = `${ra},${rb}`;
    let held = pairings.get(id);
    if (held !== undefined) return held;
    const order = (ri: number): number[] =>
      [...(members[ri] ?? [])].sort((x, y) => (clusterKey[x] ?? 0) - (clusterKey[y] ?? 0) || x - y);
    const xs = order(ra);
    const ys = order(rb);
    held = new Map();
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k] ?? -1;
      const y = ys[k] ?? -1;
      held.set(x, y);
      held.set(y, x);
    }
    pairings.set(id, held);
    return held;
  }

  /** The group's class key, or null for one that nothing is symmetric to (a bad change). */
  function symmetryKey(g: ElementGroup): string | null {
    if (g.cluster !== undefined) {
      const ci = clusterIndex.get(g.cluster);
      const c = ci === undefined ? undefined : t.clusters[ci];
      // Every id of a cluster's group starts with its name (elements.ts: elementId).
      if (c === undefined || ci === undefined || !g.id.startsWith(`${c.name} `)) return null;
      const region = regionKey[regionIndex.get(c.region) ?? -1];
      return `c|${region}|${clusterKey[ci]}|${g.class}|${g.id.slice(c.name.length)}`;
    }
    if (g.region !== undefined) {
      // `region r`, `impairment r`, `zone r/a`, `link r/a-b`: the id with the region taken out.
      const ri = regionIndex.get(g.region);
      const space = g.id.indexOf(' ');
      if (ri === undefined || g.id.slice(space + 1, space + 1 + g.region.length) !== g.region)
        return null;
      const rest = g.id.slice(0, space) + g.id.slice(space + 1 + g.region.length);
      return `r|${regionKey[ri]}|${g.class}|${rest}`;
    }
    return null;
  }

  function regionOf(g: ElementGroup): string {
    if (g.region !== undefined) return g.region;
    const ci = g.cluster === undefined ? undefined : clusterIndex.get(g.cluster);
    return (ci === undefined ? undefined : t.clusters[ci]?.region) ?? '';
  }
}

// --- internal ---

/** Everything the engine reads of a cluster but its name and its region's name. */
function layoutOf(c: Cluster): string {
  const { name: _name, region: _region, ...layout } = c;
  return JSON.stringify(layout);
}
