/**
 * The SLA view's plan (docs/model.md, The SLA view): for every objective — the scenario's
 * `objectives:` or `simulate --slo` — which predicates feed it (a cluster's metric, a region's,
 * or the regions weighted by their users for usersServed), the calendar months of the horizon,
 * the downtime each month allows, and the shortest outage SLA-style accounting counts.
 */
import {
  DEPLOYMENT_METRICS,
  METRICS,
  REGION_METRICS,
  type Objectives,
  type Topology,
} from '../../model/topology.js';
import { calendarMonths, type CalendarMonths } from './calendar-months.js';
import { CLUSTER_PREDICATES, REGION_PREDICATES } from '../model/sim-model.js';

/** What the SLA view tracks, as a run's spec carries it (plain data, for workers and shards). */
export interface SloSpec {
  /** Percent per metric: every cluster (or region, or the deployment) with that metric. */
  objectives: Objectives;
  /** Outages shorter than this are not counted by SLA-style accounting (GKE: 5 minutes). */
  minOutageHours: number;
}

/** One tracked objective of one target. */
export interface SloEntryPlan {
  target: string;
  metric: string;
  /** Percent. */
  objective: number;
  /** The predicates whose downtime it counts, each with its weight. */
  sources: { predicate: number; weight: number }[];
}

export interface SloPlan {
  entries: SloEntryPlan[];
  months: CalendarMonths;
  /** allowed[e · months + m]: the downtime (hours) month m allows entry e. */
  allowed: Float64Array;
  minOutageHours: number;
  /** Per predicate, the entries it feeds (CSR): feedEntry[feedStart[p] .. feedStart[p + 1]). */
  feedStart: Int32Array;
  feedEntry: Int32Array;
  feedWeight: Float64Array;
}

/** The plan of a run; null when there is nothing to track (no objective, or no whole month). */
export function buildSloPlan(t: Topology, spec: SloSpec, horizonHours: number): SloPlan | null {
  const months = calendarMonths(horizonHours);
  const entries: SloEntryPlan[] = [];
  const base = t.clusters.length * CLUSTER_PREDICATES;
  const users = t.regions.reduce((a, r) => a + r.users, 0);
  for (const [metric, objective] of Object.entries(spec.objectives)) {
    if (objective === undefined) continue;
    const k = (METRICS as readonly string[]).indexOf(metric);
    if (k >= 0)
      t.clusters.forEach((c, ci) =>
        entries.push({
          target: c.name,
          metric,
          objective,
          sources: [{ predicate: ci * CLUSTER_PREDICATES + k, weight: 1 }],
        }),
      );
    const r = (REGION_METRICS as readonly string[]).indexOf(metric);
    if (r >= 0)
      t.regions.forEach((region, ri) =>
        entries.push({
          target: region.name,
          metric,
          objective,
          sources: [{ predicate: base + ri * REGION_PREDICATES + r, weight: 1 }],
        }),
      );
    if ((DEPLOYMENT_METRICS as readonly string[]).includes(metric) && users > 0)
      entries.push({
        target: 'deployment',
        metric,
        objective,
        // usersServed counts a region's hours not served by its share of the users.
        sources: t.regions.flatMap((region, ri) =>
          region.users > 0
            ? [{ predicate: base + ri * REGION_PREDICATES, weight: region.users / users }]
            : [],
        ),
      });
  }
  if (entries.length === 0 || months.start.length === 0) return null;
  const M = months.start.length;
  const allowed = new Float64Array(entries.length * M);
  entries.forEach((e, i) => {
    for (let m = 0; m < M; m++)
      allowed[i * M + m] = (1 - e.objective / 100) * (months.hours[m] ?? 0);
  });
  const predicates = base + t.regions.length * REGION_PREDICATES;
  const feeds: { entry: number; weight: number }[][] = Array.from({ length: predicates }, () => []);
  entries.forEach((e, i) => {
    for (const s of e.sources) feeds[s.predicate]?.push({ entry: i, weight: s.weight });
  });
  const feedStart = new Int32Array(predicates + 1);
  feeds.forEach((f, p) => (feedStart[p + 1] = (feedStart[p] ?? 0) + f.length));
  return {
    entries,
    months,
    allowed,
    minOutageHours: spec.minOutageHours,
    feedStart,
    feedEntry: Int32Array.from(feeds.flat(), (f) => f.entry),
    feedWeight: Float64Array.from(feeds.flat(), (f) => f.weight),
  };
}
