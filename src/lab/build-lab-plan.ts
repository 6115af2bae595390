/**
 * A scenario and the lab's options → the plan the runner executes and hasim's prediction for
 * every phase. Pure: the same inputs give the same plan.
 */
import type { ScenarioEvent, Topology } from '../model/topology.js';
import { diskPhases, partitionSweepEvents, zoneSweepEvents } from './experiments.js';
import { buildEventPhases } from './event-phases.js';
import type { LabPhase, LabPlan, LabTiming, PhaseOrigin } from './lab-plan.js';
import { checkLabPlacement, placeMembers } from './lab-members.js';
import {
  etcdQuorumAt,
  predictQuorum,
  replayTimeline,
  type PhasePrediction,
} from './lab-predict.js';
import type { LabExperiment } from './lab-result.js';

export interface LabPlanOptions {
  /** The cluster whose etcd runs (default: the scenario's first cluster). */
  cluster?: string;
  experiments: readonly LabExperiment[];
  timing: LabTiming;
  /** Leader kills for `elections` (default 10). */
  leaderKills?: number;
}

export interface LabSetup {
  plan: LabPlan;
  /** One per phase, in the plan's order. */
  predictions: PhasePrediction[];
}

export type LabSetupResult = { ok: true; setup: LabSetup } | { ok: false; error: string };

/** The experiments a plain `hasim lab <scenario>` runs: the events, or a zone sweep without them. */
export function defaultExperiments(topology: Topology): LabExperiment[] {
  return topology.events.length > 0 ? ['events'] : ['zones'];
}

/** Builds the plan and the predictions, or says why the scenario cannot run in the lab. */
export function buildLabPlan(topology: Topology, options: LabPlanOptions): LabSetupResult {
  const name = options.cluster ?? topology.clusters[0]?.name;
  const cluster = topology.clusters.find((c) => c.name === name);
  if (cluster === undefined) {
    const names = topology.clusters.map((c) => c.name).join(', ');
    return {
      ok: false,
      error: `no cluster "${name ?? ''}" in ${topology.name} (clusters: ${names})`,
    };
  }
  const members = placeMembers(cluster);
  const problem = checkLabPlacement(cluster, members);
  if (problem !== null) return { ok: false, error: problem };
  if (options.experiments.includes('events') && topology.events.length === 0) {
    return {
      ok: false,
      error: `${topology.name} has no events to replay: add events: or run --experiments zones`,
    };
  }
  const phases: LabPhase[] = [];
  const predictions: PhasePrediction[] = [];
  const replay = (origin: PhaseOrigin, events: ScenarioEvent[]): void => {
    const timeline = replayTimeline(topology, events);
    const built = buildEventPhases(topology, cluster, members, events, {
      origin,
      awaitRecovery: origin !== 'events',
      firstId: phases.length + 1,
      maintenance: timeline.maintenance.filter((s) => s.cluster === cluster.name),
    });
    const last = built[built.length - 1];
    if (last !== undefined && !last.actions.some((a) => a.kind === 'await-healthy')) {
      last.actions.push({ kind: 'await-healthy' });
    }
    const quorum = etcdQuorumAt(
      timeline,
      cluster.name,
      built.map((p) => p.scenarioHours ?? 0),
    );
    built.forEach((p, i) => {
      phases.push(p);
      predictions.push({ timeline: quorum[i] ?? null, ...predictQuorum(members, p) });
    });
  };
  for (const experiment of options.experiments) {
    if (experiment === 'events') replay('events', topology.events);
    if (experiment === 'zones') replay('zones', zoneSweepEvents(cluster, members));
    if (experiment === 'partitions') replay('partitions', partitionSweepEvents(cluster, members));
    if (experiment === 'disks') {
      for (const p of diskPhases(members, phases.length + 1)) {
        phases.push(p);
        predictions.push({ timeline: null, ...predictQuorum(members, p) });
      }
    }
  }
  const zones = [...new Set(members.map((m) => m.zone))];
  return {
    ok: true,
    setup: {
      plan: {
        version: 1,
        scenario: topology.name,
        cluster: cluster.name,
        zones,
        members,
        timing: options.timing,
        phases,
        leaderKills: options.experiments.includes('elections') ? (options.leaderKills ?? 10) : 0,
      },
      predictions,
    },
  };
}
