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
import { findGroupSymmetry } from './group-symmetry.js';
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
  const symmetry = findGroupSymmetry(t, groups, paths, prepared.waves);
  const evaluated = new Map<number, Figures>();
  groups.forEach((group, g) => {
    // A group symmetric to one before copies its figures, onto its own paths.
    const from = symmetry.source[g] ?? g;
    let figures = evaluated.get(from);
    if (figures === undefined) {
      figures = importanceOf(prepared, base, baseValues, paths, index, group, av);
      evaluated.set(from, figures);
    }
    for (const [j, birnbaum] of figures) {
      const entry = { element: group.id, class: group.class, count: group.count, birnbaum };
      lists[symmetry.mapPath(g, j)]?.push(entry);
    }
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
  const symmetry = findGroupSymmetry(t, groups, paths, prepared.waves);
  const evaluated = new Map<number, number[]>();
  groups.forEach((group, g) => {
    if (groupAvailability(group, av) >= 1) return;
    const from = symmetry.source[g] ?? g;
    let broken = evaluated.get(from);
    if (broken === undefined) {
      const failed = evaluateWith(prepared, baseline, group, 0);
      // With every element up a predicate holds (value 1) unless it cannot hold at all.
      broken = changedPaths(index, failed.recomputed).filter((j) => {
        const path = paths[j];
        return (
          path !== undefined &&
          (baselineValues[j] ?? 0) > 0.5 &&
          metricValue(failed.values, path) < 0.5
        );
      });
      evaluated.set(from, broken);
    }
    for (const j of broken) lists[symmetry.mapPath(g, j)]?.push(group.id);
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

/** What one group changes: (path index, Birnbaum importance) pairs, non-zero ones. */
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
  for (const j of changedPaths(index, down.recomputed)) {
    const p = paths[j];
    if (p === undefined) continue;
    const birnbaum =
      up === undefined
        ? ((baseValues[j] ?? 0) - metricValue(down.values, p)) / a
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
  clusterNames: string[];
}

function indexPaths(t: Topology, paths: readonly MetricPath[]): PathIndex {
  const byCluster = new Map<string, number[]>();
  const shared: number[] = [];
  paths.forEach((p, j) => {
    if (p.scope === 'clusters') {
      const list = byCluster.get(p.name) ?? [];
      list.push(j);
      byCluster.set(p.name, list);
    } else shared.push(j);
  });
  return { byCluster, shared, clusterNames: t.clusters.map((c) => c.name) };
}

/**
 * The paths an evaluation can change: those of the clusters it recomputed and the shared ones
 * (regions, deployment); every path when any cluster may differ (null: a bad change overridden).
 */
function changedPaths(index: PathIndex, recomputed: ReadonlySet<number> | null): number[] {
  if (recomputed === null) {
    const all: number[] = [...index.shared];
    for (const list of index.byCluster.values()) all.push(...list);
    return all.sort((x, y) => x - y);
  }
  const out: number[] = [];
  for (const i of recomputed) out.push(...(index.byCluster.get(index.clusterNames[i] ?? '') ?? []));
  out.push(...index.shared);
  return out;
}
