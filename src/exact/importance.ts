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
  for (const group of listElementGroups(t, av)) {
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
    // A cluster the group cannot change keeps its figures: its importance is 0.
    const changes = down.changes;
    paths.forEach((p, j) => {
      if (!changes(p)) return;
      const birnbaum =
        up === undefined
          ? ((baseValues[j] ?? 0) - metricValue(down.values, p)) / a
          : metricValue(up.values, p) - metricValue(down.values, p);
      if (birnbaum !== 0)
        lists[j]?.push({ element: group.id, class: group.class, count: group.count, birnbaum });
    });
  }
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
  for (const group of listElementGroups(t, av)) {
    if (groupAvailability(group, av) >= 1) continue;
    const failed = evaluateWith(prepared, baseline, group, 0);
    paths.forEach((p, j) => {
      // With every element up a predicate holds (value 1) unless it cannot hold at all.
      if (
        failed.changes(p) &&
        (baselineValues[j] ?? 0) > 0.5 &&
        metricValue(failed.values, p) < 0.5
      )
        lists[j]?.push(group.id);
    });
  }
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

/** The figures with one element of the group at `value`, and which of them it can change. */
function evaluateWith(
  prepared: PreparedEngine,
  base: MetricValues,
  group: ElementGroup,
  value: number,
): { values: MetricValues; changes: (path: MetricPath) => boolean } {
  const scope = {
    ...(group.cluster === undefined ? {} : { cluster: group.cluster }),
    ...(group.region === undefined ? {} : { region: group.region }),
  };
  const next = reprepare(prepared, new Map([[group.id, value]]), scope);
  const recomputed = next.recomputed;
  const names =
    recomputed === null
      ? null
      : new Set([...recomputed].map((i) => prepared.topology.clusters[i]?.name));
  return {
    values: combineMetrics(next, base),
    changes: (p) => names === null || p.scope !== 'clusters' || names.has(p.name),
  };
}
