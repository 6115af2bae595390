/**
 * Deterministic what-ifs (model.md §6): replays a scenario's `events:` in one trial and returns
 * every change of every predicate, in time order. Without random failures the result depends on
 * the events alone; with them, it is trial `trial` of the seeded run.
 */
import { METRICS, REGION_METRICS, type Topology } from '../../model/topology.js';
import { compileModel } from '../model/compile-model.js';
import { eventLabel } from '../model/event-label.js';
import { CAUSES, type Cause } from '../model/failure-classes.js';
import { createTrialRng } from './rng.js';
import { compileScript } from '../model/script-actions.js';
import { CLUSTER_PREDICATES, REGION_PREDICATES } from '../model/sim-model.js';
import { TrialEngine } from './trial-engine.js';
import type { StepRecord, Transition } from './trial-state.js';

export interface TimelineOptions {
  horizonHours?: number;
  /** Random failures on top of the events (trial `trial` of seed `seed`). */
  withRandom?: boolean;
  seed?: number;
  trial?: number;
}

export interface TimelineEntry {
  hours: number;
  /** `cluster/<name>` or `region/<name>`. */
  target: string;
  metric: string;
  up: boolean;
  cause: Cause;
  /** Cause `event`: the index of the scenario event, and a short label of it. */
  event?: number;
  eventLabel?: string;
}

/** A maintenance step of the timeline: which master, when it was due and when it ran. */
export interface TimelineStep {
  cluster: string;
  /** The master's place in the cluster's file order (1-based) and its zone. */
  master: number;
  zone: string;
  dueHours: number;
  startHours: number;
  /** When it ended (the horizon when it was still in progress). */
  endHours: number;
  /** Cause `event`: the scenario event that started the pass. */
  event?: number;
}

export interface TimelineResult {
  version: 1;
  kind: 'timeline';
  scenario: string;
  horizonHours: number;
  withRandom: boolean;
  seed: number | null;
  entries: TimelineEntry[];
  /** Every maintenance step, in start order: a step waits while the cluster is not healthy. */
  maintenance: TimelineStep[];
  /** Hours down per target and metric over the horizon. */
  downHours: Record<string, Record<string, number>>;
}

export function simulateTimeline(
  topology: Topology,
  options: TimelineOptions = {},
): TimelineResult {
  const horizonHours = options.horizonHours ?? topology.simulation.horizonHours;
  const withRandom = options.withRandom ?? false;
  const model = compileModel(topology, { horizonHours, randomFailures: withRandom });
  const engine = new TrialEngine(model, { script: compileScript(topology, model) });
  const transitions: Transition[] = [];
  const steps: StepRecord[] = [];
  engine.state.transitions = transitions;
  engine.state.steps = steps;
  const seed = options.seed ?? topology.simulation.seed;
  engine.run(createTrialRng(seed, options.trial ?? 0));
  const name = (p: number): { target: string; metric: string } => {
    const C = model.clusters.length * CLUSTER_PREDICATES;
    if (p < C) {
      return {
        target: `cluster/${model.clusterNames[Math.floor(p / CLUSTER_PREDICATES)] ?? '?'}`,
        metric: METRICS[p % CLUSTER_PREDICATES] ?? '?',
      };
    }
    const q = p - C;
    return {
      target: `region/${model.regionNames[Math.floor(q / REGION_PREDICATES)] ?? '?'}`,
      metric: REGION_METRICS[q % REGION_PREDICATES] ?? '?',
    };
  };
  const downHours: Record<string, Record<string, number>> = {};
  for (let p = 0; p < engine.state.predicateCount; p++) {
    const { target, metric } = name(p);
    (downHours[target] ??= {})[metric] = engine.state.downHours[p] ?? 0;
  }
  return {
    version: 1,
    kind: 'timeline',
    scenario: topology.name,
    horizonHours,
    withRandom,
    seed: withRandom ? seed : null,
    entries: transitions.map((tr) => {
      const e = tr.event >= 0 ? topology.events[tr.event] : undefined;
      return {
        hours: tr.hours,
        ...name(tr.predicate),
        up: tr.up,
        cause: CAUSES[tr.cause] ?? 'event',
        ...(e === undefined ? {} : { event: tr.event, eventLabel: eventLabel(e, tr.event) }),
      };
    }),
    maintenance: steps.map((st) => {
      const c = topology.clusters[st.cluster];
      const zone = model.clusters[st.cluster]?.masterZone[st.master] ?? 0;
      return {
        cluster: c?.name ?? '?',
        master: st.master + 1,
        zone: c?.zones[zone] ?? '?',
        dueHours: st.dueHours,
        startHours: st.startHours,
        endHours: Math.min(
          horizonHours,
          st.startHours + topology.failures.maintenance.perMasterHours,
        ),
        ...(st.event >= 0 ? { event: st.event } : {}),
      };
    }),
    downHours,
  };
}
