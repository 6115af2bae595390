/**
 * A scenario's `events:` compiled to a time-ordered list of actions on the simulator's state:
 * force an element down or up, or start or end a bad change's effect on one cluster. Replayed in
 * every trial (on top of random failures) or alone (a timeline). See docs/model.md §6.
 */
import type { FailTarget, ScenarioEvent, Topology } from '../model/topology.js';
import { computeReach } from './rollout-reach.js';
import type { SimModel } from './sim-model.js';

export const ACT_FORCE_DOWN = 0;
export const ACT_FORCE_UP = 1;
export const ACT_API_BAD_ON = 2;
export const ACT_API_BAD_OFF = 3;
export const ACT_QUORUM_BAD_ON = 4;
export const ACT_QUORUM_BAD_OFF = 5;

export interface ScriptActions {
  time: Float64Array;
  op: Uint8Array;
  /** The element (force actions) or the cluster (bad-change actions). */
  arg: Int32Array;
}

export function compileScript(t: Topology, model: SimModel): ScriptActions {
  const acts: { time: number; op: number; arg: number; seq: number }[] = [];
  const push = (time: number, op: number, arg: number): void => {
    if (time < model.horizonHours) acts.push({ time, op, arg, seq: acts.length });
  };
  const span = (at: number, until: number, on: number, off: number, arg: number): void => {
    push(at, on, arg);
    push(until, off, arg);
  };
  const clusterIndex = new Map(t.clusters.map((c, i) => [c.name, i]));
  for (const e of t.events) {
    for (const { at, until, on, off, arg } of expand(e, t, model, clusterIndex))
      span(at, until, on, off, arg);
  }
  acts.sort((a, b) => a.time - b.time || a.seq - b.seq);
  return {
    time: Float64Array.from(acts, (a) => a.time),
    op: Uint8Array.from(acts, (a) => a.op),
    arg: Int32Array.from(acts, (a) => a.arg),
  };
}

// --- internal ---

interface Span {
  at: number;
  until: number;
  on: number;
  off: number;
  arg: number;
}

function expand(
  e: ScenarioEvent,
  t: Topology,
  model: SimModel,
  clusterIndex: Map<string, number>,
): Span[] {
  const force = (at: number, until: number, elements: number[]): Span[] =>
    elements.map((arg) => ({ at, until, on: ACT_FORCE_DOWN, off: ACT_FORCE_UP, arg }));
  const end = e.kind === 'maintenance' ? e.atHours : e.atHours + e.forHours;
  switch (e.kind) {
    case 'fail':
      return force(e.atHours, end, targetElements(e.target, t, model, clusterIndex));
    case 'partition': {
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
      return force(e.atHours, end, links);
    }
    case 'operatorError': {
      const targets = e.clusters.map((c) => clusterIndex.get(c) ?? 0);
      const reach = computeReach(e.rollout, targets);
      const api = e.effect === 'api-down';
      return reach.clusters.map((c, i) => ({
        at: e.atHours + (reach.offsets[i] ?? 0),
        until: end + (reach.offsets[i] ?? 0),
        on: api ? ACT_API_BAD_ON : ACT_QUORUM_BAD_ON,
        off: api ? ACT_API_BAD_OFF : ACT_QUORUM_BAD_OFF,
        arg: c,
      }));
    }
    case 'maintenance':
      // One rolling pass: each master of each cluster down for perMaster, one after another.
      return e.clusters.flatMap((name) => {
        const c = model.clusters[clusterIndex.get(name) ?? 0];
        if (!c) return [];
        const per = t.failures.maintenance.perMasterHours;
        return Array.from(c.masterNode, (node, i) =>
          force(e.atHours + i * per, e.atHours + (i + 1) * per, [node]),
        ).flat();
      });
  }
}

/** The elements a `fail:` target takes down (a node target: the first such node of the zone). */
function targetElements(
  target: FailTarget,
  t: Topology,
  model: SimModel,
  clusterIndex: Map<string, number>,
): number[] {
  switch (target.kind) {
    case 'region': {
      const r = t.regions.findIndex((x) => x.name === target.region);
      return [model.regionElement[r] ?? 0];
    }
    case 'impairment':
      // TODO(issue 8, simulator): the region impairment element does not exist yet.
      return [];
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
