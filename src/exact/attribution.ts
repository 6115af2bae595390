/**
 * Attribution of downtime: for each failure class, and for each zone, the minutes per year of
 * downtime that disappear if that class (that zone's outages) never happened.
 */
import type { Topology } from '../model/topology.js';
import {
  ELEMENT_CLASSES,
  withClassOff,
  type ElementAvailabilities,
  type ElementClass,
} from './element-availability.js';
import { elementId } from './elements.js';
import {
  combineMetrics,
  computeMetrics,
  prepareEngine,
  reprepare,
  type MetricValues,
} from './engine.js';
import { listMetricPaths, metricKey, metricValue, MINUTES_PER_YEAR } from './metric-paths.js';

/** Minutes per year of downtime removed, per class and per zone (`region/zone`); zeros left out. */
export interface Attribution {
  byClass: Partial<Record<ElementClass, number>>;
  byZone: Record<string, number>;
}

/** The attribution of every predicate, keyed by `metricKey`. */
export function computeAttribution(
  t: Topology,
  av: ElementAvailabilities,
  base: MetricValues,
): Map<string, Attribution> {
  const paths = listMetricPaths(t);
  const out = new Map(paths.map((p) => [metricKey(p), emptyAttribution()] as const));
  const record = (without: MetricValues, put: (a: Attribution, minutes: number) => void): void => {
    for (const p of paths) {
      const minutes = (metricValue(without, p) - metricValue(base, p)) * MINUTES_PER_YEAR;
      const a = out.get(metricKey(p));
      if (a !== undefined && minutes !== 0) put(a, minutes);
    }
  };
  for (const cls of ELEMENT_CLASSES) {
    const off = withClassOff(av, cls);
    if (JSON.stringify(off) === JSON.stringify(av)) continue;
    record(computeMetrics(t, off), (a, m) => (a.byClass[cls] = m));
  }
  if (av.zone < 1) {
    const prepared = prepareEngine(t, av, new Map());
    const figures = combineMetrics(prepared);
    for (const r of t.regions) {
      for (const z of r.zones) {
        const overrides = new Map([[elementId.zone(r.name, z), 1]]);
        const without = combineMetrics(reprepare(prepared, overrides, { region: r.name }), figures);
        record(without, (a, m) => (a.byZone[`${r.name}/${z}`] = m));
      }
    }
  }
  return out;
}

// --- internal ---

function emptyAttribution(): Attribution {
  return { byClass: {}, byZone: {} };
}
