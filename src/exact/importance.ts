/**
 * Importance measures per element group: the Birnbaum importance ∂A/∂a = A(a=1) − A(a=0) of one
 * element of the group, and single points of failure (an element whose failure alone, with every
 * other element up, breaks a predicate). An element of one cluster only recomputes that cluster.
 */
import type { Topology } from '../model/topology.js';
import {
  allElementsUp,
  type ElementAvailabilities,
  type ElementClass,
} from './element-availability.js';
import { groupAvailability, listElementGroups, type ElementGroup } from './elements.js';
import {
  combineMetrics,
  prepareEngine,
  reprepare,
  type MetricValues,
  type PreparedEngine,
} from './engine.js';
import { groupSymmetryKeys } from './group-symmetry.js';
import { listMetricPaths, metricKey, metricValue, type MetricPath } from './metric-paths.js';

/** The Birnbaum importance of one element of a group for one predicate. */
export interface Importance {
  element: string;
  class: ElementClass;
  /** Elements in the group, each with this importance. */
  count: number;
  birnbaum: number;
}

/** Non-zero Birnbaum importances of every predicate (keyed by `metricKey`), largest first. */
export function computeImportance(
  t: Topology,
  av: ElementAvailabilities,
): Map<string, Importance[]> {
  const prepared = prepareEngine(t, av, new Map());
  const base = combineMetrics(prepared);
  const paths = listMetricPaths(t);
  const lists = paths.map((): Importance[] => []);
  const baseValues = paths.map((p) => metricValue(base, p));
  const index = indexPaths(t, paths);
  const groups = listElementGroups(t, av);
  const keys = groupSymmetryKeys(t, groups, prepared.waves);
  const evaluated = new Map<string, Figures>();
  groups.forEach((group, g) => {
    const key = keys[g] ?? null;
    const known = key === null ? undefined : evaluated.get(key);
    const figures = known ?? importanceOf(prepared, base, baseValues, paths, index, group, av);
    if (key !== null && known === undefined) evaluated.set(key, figures);
    // Figures of a symmetric group's cluster are this group's cluster's (same metric order).
    const own = group.cluster === undefined ? [] : (index.byCluster.get(group.cluster) ?? []);
    figures.forEach(([j, birnbaum]) => {
      const at = j < 0 ? own[~j] : j;
      if (at !== undefined)
        lists[at]?.push({ element: group.id, class: group.class, count: group.count, birnbaum });
    });
  });
  for (const list of lists) list.sort((a, b) => b.birnbaum - a.birnbaum);
  return new Map(paths.map((p, j) => [metricKey(p), lists[j] ?? []]));
}

/**
 * The single points of failure of every predicate (keyed by `metricKey`), by element id: only
 * elements that can fail under `av` (a class switched off has none).
 */
export function computeSinglePointsOfFailure(
  t: Topology,
  av: ElementAvailabilities,
): Map<string, string[]> {
  const prepared = prepareEngine(t, allElementsUp(), new Map());
  const baseline = combineMetrics(prepared);
  const paths = listMetricPaths(t);
  const lists = paths.map((): string[] => []);
  const baselineValues = paths.map((p) => metricValue(baseline, p));
  const index = indexPaths(t, paths);
  const groups = listElementGroups(t, av);
  const keys = groupSymmetryKeys(t, groups, prepared.waves);
  const evaluated = new Map<string, number[]>();
  groups.forEach((group, g) => {
    if (groupAvailability(group, av) >= 1) return;
    const key = keys[g] ?? null;
    let broken = key === null ? undefined : evaluated.get(key);
    if (broken === undefined) {
      const failed = evaluateWith(prepared, baseline, group, 0);
      // With every element up a predicate holds (value 1) unless it cannot hold at all.
      broken = changedPaths(index, group, failed.recomputed).filter((j) => {
        const at = resolve(index, group, j);
        const path = paths[at];
        return (
          path !== undefined &&
          (baselineValues[at] ?? 0) > 0.5 &&
          metricValue(failed.values, path) < 0.5
        );
      });
      if (key !== null) evaluated.set(key, broken);
    }
    for (const j of broken) lists[resolve(index, group, j)]?.push(group.id);
  });
  return new Map(paths.map((p, j) => [metricKey(p), lists[j] ?? []]));
}

// --- internal ---

/** The classes of the elements that gate maintenance (maintenance-gate.ts). */
const GATE_GROUP_CLASSES = new Set<ElementClass>([
  'master',
  'etcd',
  'process',
  'disk',
  'zone',
  'region',
  'partition',
]);

/** The classes of VMs and volumes, whose replacement an impairment blocks. */
const VM_GROUP_CLASSES = new Set<ElementClass>(['master', 'etcd', 'worker', 'disk']);

/**
 * What one group changes, as (path, birnbaum) pairs: a path j ≥ 0 is paths[j]; j < 0 is metric ~j
 * of the group's own cluster (so that a symmetric group of another cluster can reuse them).
 */
type Figures = [number, number][];

/** The Birnbaum importance of one element of `group` for every predicate it can change. */
function importanceOf(
  prepared: PreparedEngine,
  base: MetricValues,
  baseValues: readonly number[],
  paths: readonly MetricPath[],
  index: PathIndex,
  group: ElementGroup,
  av: ElementAvailabilities,
): Figures {
  // A is linear in one element's availability a: A = a·A(1) + (1 − a)·A(0), so
  // A(1) − A(0) = (A − A(0)) / a, which needs one evaluation instead of two — except for an
  // element that gates maintenance or a VM that an impairment keeps down: frozen at 0 or 1 it
  // no longer depends on them, so A is not that line through the actual A (docs/model.md).
  const a = groupAvailability(group, av);
  const down = evaluateWith(prepared, base, group, 0);
  const coupled =
    (av.gate !== null && GATE_GROUP_CLASSES.has(group.class)) ||
    (av.impairment < 1 && VM_GROUP_CLASSES.has(group.class));
  const up = a > 0 && !coupled ? undefined : evaluateWith(prepared, base, group, 1);
  const figures: Figures = [];
  for (const j of changedPaths(index, group, down.recomputed)) {
    const at = resolve(index, group, j);
    const p = paths[at];
    if (p === undefined) continue;
    const birnbaum =
      up === undefined
        ? ((baseValues[at] ?? 0) - metricValue(down.values, p)) / a
        : metricValue(up.values, p) - metricValue(down.values, p);
    if (birnbaum !== 0) figures.push([j, birnbaum]);
  }
  return figures;
}

/** The figures with one element of the group at `value`, and the clusters recomputed. */
function evaluateWith(
  prepared: PreparedEngine,
  base: MetricValues,
  group: ElementGroup,
  value: number,
): { values: MetricValues; recomputed: ReadonlySet<number> | null } {
  const scope = {
    ...(group.cluster === undefined ? {} : { cluster: group.cluster }),
    ...(group.region === undefined ? {} : { region: group.region }),
  };
  const next = reprepare(prepared, new Map([[group.id, value]]), scope);
  return { values: combineMetrics(next, base), recomputed: next.recomputed };
}

/** The paths of each cluster (in metric order), and those of regions and the deployment. */
interface PathIndex {
  byCluster: Map<string, number[]>;
  shared: number[];
  /** The cluster of each cluster path (by path index), for groups that recompute several. */
  clusterIndex: number[];
  clusterNames: string[];
}

function indexPaths(t: Topology, paths: readonly MetricPath[]): PathIndex {
  const byCluster = new Map<string, number[]>();
  const shared: number[] = [];
  const position = new Map(t.clusters.map((c, i) => [c.name, i]));
  const clusterIndex = paths.map((p) =>
    p.scope === 'clusters' ? (position.get(p.name) ?? -1) : -1,
  );
  paths.forEach((p, j) => {
    if (p.scope === 'clusters') {
      const list = byCluster.get(p.name) ?? [];
      list.push(j);
      byCluster.set(p.name, list);
    } else shared.push(j);
  });
  return { byCluster, shared, clusterIndex, clusterNames: t.clusters.map((c) => c.name) };
}

/**
 * The paths a group's evaluation can change: with one cluster recomputed, its own metrics (as
 * ~k, relative to the group's cluster when it is that one) and the shared paths; with several,
 * theirs; with any (null: a bad change overridden), every path.
 */
function changedPaths(
  index: PathIndex,
  group: ElementGroup,
  recomputed: ReadonlySet<number> | null,
): number[] {
  const all = index.clusterIndex.length;
  if (recomputed === null) return Array.from({ length: all }, (_, j) => j);
  const out: number[] = [];
  for (const i of recomputed) {
    const name = index.clusterNames[i];
    const own = name === undefined ? [] : (index.byCluster.get(name) ?? []);
    if (name !== undefined && name === group.cluster) own.forEach((_, k) => out.push(~k));
    else out.push(...own);
  }
  out.push(...index.shared);
  return out;
}

/** The path index of j for this group (its own cluster's metric ~k, or j itself). */
function resolve(index: PathIndex, group: ElementGroup, j: number): number {
  if (j >= 0) return j;
  const own = group.cluster === undefined ? undefined : index.byCluster.get(group.cluster);
  return own?.[~j] ?? -1;
}
