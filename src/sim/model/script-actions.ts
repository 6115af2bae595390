/**
 * A scenario's `events:` compiled to time-ordered actions on the simulator's state: force an
 * element down or up, start a bad change (which clusters it hurts, and until when, is drawn when
 * it starts: docs/model.md, Bad changes), or start a maintenance pass. Replayed in every trial
 * (on top of random failures) or alone (a timeline); each action keeps the index of its event so
 * a timeline can say which event caused what.
 */
import type { FailTarget, ScenarioEvent, Topology } from '../../model/topology.js';
import { computeReach } from './rollout-reach.js';
import {
  BAD_API,
  BAD_DATA,
  BAD_RESTORE,
  type CompiledRollout,
  type SimModel,
} from './sim-model.js';

export const ACT_FORCE_DOWN = 0;
export const ACT_FORCE_UP = 1;
/** arg: index into ScriptActions.changes. */
export const ACT_BAD_CHANGE = 2;
/** arg: the cluster. */
export const ACT_MAINTENANCE = 3;
/** Scheduled while a trial runs; arg: kind · clusters + cluster. */
export const ACT_HURT_ON = 4;
export const ACT_HURT_OFF = 5;

/** A scripted bad change: its kind (BAD_API, BAD_RESTORE, BAD_DATA), reach and repair. */
export interface ScriptedChange {
  kind: number;
  reach: CompiledRollout;
  repairHours: number;
}

export interface ScriptActions {
  time: Float64Array;
  op: Uint8Array;
  /** The element (force), the change (bad change) or the cluster (maintenance). */
  arg: Int32Array;
  /** The index of the scenario event each action comes from. */
  event: Int32Array;
  changes: ScriptedChange[];
}

export function compileScript(t: Topology, model: SimModel): ScriptActions {
  const acts: { time: number; op: number; arg: number; event: number }[] = [];
  const changes: ScriptedChange[] = [];
  const clusterIndex = new Map(t.clusters.map((c, i) => [c.name, i]));
  t.events.forEach((e, event) => {
    const push = (time: number, op: number, arg: number): void => {
      if (time < model.horizonHours) acts.push({ time, op, arg, event });
    };
    const force = (elements: number[]): void => {
      if (e.kind !== 'fail' && e.kind !== 'partition') return;
      for (const arg of elements) {
        push(e.atHours, ACT_FORCE_DOWN, arg);
        push(e.atHours + e.forHours, ACT_FORCE_UP, arg);
      }
    };
    switch (e.kind) {
      case 'fail':
        force(targetElements(e.target, t, model, clusterIndex));
        return;
      case 'partition':
        force(partitionLinks(e, t, model));
        return;
      case 'operatorError': {
        const targets = e.clusters.map((c) => clusterIndex.get(c) ?? 0);
        const kind =
          e.effect === 'api-down' ? BAD_API : e.effect === 'data-plane' ? BAD_DATA : BAD_RESTORE;
        changes.push({ kind, reach: computeReach(e.rollout, targets), repairHours: e.forHours });
        push(e.atHours, ACT_BAD_CHANGE, changes.length - 1);
        return;
      }
      case 'maintenance':
        for (const name of e.clusters)
          push(e.atHours, ACT_MAINTENANCE, clusterIndex.get(name) ?? 0);
    }
  });
  // Stable: simultaneous actions keep the order of the events (and of each event's actions).
  acts.sort((a, b) => a.time - b.time);
  return {
    time: Float64Array.from(acts, (a) => a.time),
    op: Uint8Array.from(acts, (a) => a.op),
    arg: Int32Array.from(acts, (a) => a.arg),
    event: Int32Array.from(acts, (a) => a.event),
    changes,
  };
}

// --- internal ---

/** The links a partition cuts: those between a zone of one side and a zone of the other. */
function partitionLinks(
  e: Extract<ScenarioEvent, { kind: 'partition' }>,
  t: Topology,
  model: SimModel,
): number[] {
  const links: number[] = [];
  for (const [ri, region] of t.regions.entries()) {
    const side = (s: 0 | 1, z: number): boolean =>
      e.sides[s].some((ref) => ref.region === region.name && ref.zone === region.zones[z]);
    for (const l of model.regionLinks[ri] ?? []) {
      const a = model.linkA[l] ?? 0;
      const b = model.linkB[l] ?? 0;
      if ((side(0, a) && side(1, b)) || (side(1, a) && side(0, b))) links.push(l);
    }
  }
  return links;
}

/** The elements a `fail:` target takes down (a node target: the first such node of the zone). */
function targetElements(
  target: FailTarget,
  t: Topology,
  model: SimModel,
  clusterIndex: Map<string, number>,
): number[] {
  switch (target.kind) {
    case 'region':
    case 'impairment': {
      const r = t.regions.findIndex((x) => x.name === target.region);
      const elements = target.kind === 'region' ? model.regionElement : model.impairElement;
      return [elements[r] ?? 0];
    }
    case 'zone': {
      const r = t.regions.findIndex((x) => x.name === target.region);
      const z = t.regions[r]?.zones.indexOf(target.zone) ?? 0;
      return [model.zoneElement[(model.regionZoneBase[r] ?? 0) + z] ?? 0];
    }
    case 'endpoint':
      return [...(model.clusters[clusterIndex.get(target.cluster) ?? 0]?.lb ?? [])];
    case 'node': {
      const ci = clusterIndex.get(target.cluster) ?? 0;
      const c = model.clusters[ci];
      const z = t.clusters[ci]?.zones.indexOf(target.zone) ?? -1;
      if (!c) return [];
      const [nodes, zones] =
        target.role === 'master'
          ? [c.masterNode, c.masterZone]
          : target.role === 'etcd'
            ? [c.memberNode, c.memberZone]
            : [c.workerNode, c.workerZone];
      const i = zones.indexOf(z);
      return i < 0 ? [] : [nodes[i] ?? 0];
    }
  }
}
