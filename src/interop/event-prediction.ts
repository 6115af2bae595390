/**
 * What hasim predicts for one scripted event, to travel with the chaos manifests that test it:
 * the outages of every predicate when the event happens alone (with the scenario's timers and
 * with every timer at 0), the outages while it lasts in the scenario's own timeline (other
 * events may overlap it), and the etcd quorum arithmetic (quorum/majority, quorum/partition).
 * Only public results are used (`simulateTimeline`), so the figures follow the simulator.
 */
import { ZERO_TIMERS } from '../model/defaults.js';
import { formatFailTarget } from '../model/references.js';
import type { Cluster, ScenarioEvent, Topology } from '../model/topology.js';
import { hasQuorum, majority } from '../quorum/majority.js';
import { analyzePartition } from '../quorum/partition.js';
import { simulateTimeline, type TimelineResult } from '../sim/engine/timeline.js';

/** One outage of one predicate; times in hours from the event's start. */
export interface PredictedOutage {
  target: string;
  metric: string;
  fromHours: number;
  hours: number;
}

export interface EventPrediction {
  /** Index in the scenario's `events:`. */
  index: number;
  /** The event as written, e.g. `fail zone eu-west/b for 4h at 1h5m`. */
  label: string;
  atHours: number;
  /** How long it lasts (0 for a bad change's own effect; the pass for maintenance). */
  forHours: number;
  alone: PredictedOutage[];
  aloneZeroTimers: PredictedOutage[];
  /** The scenario's timeline (all its events) while this one lasts. */
  inScenario: PredictedOutage[];
  /** The closed-form etcd arithmetic, one line per cluster concerned. */
  quorum: string[];
}

export function predictEvent(topology: Topology, index: number): EventPrediction {
  const event = topology.events[index];
  if (event === undefined) throw new RangeError(`no event ${index}`);
  const alone = { ...topology, events: [event] };
  const zero = { ...alone, timers: structuredClone(ZERO_TIMERS) };
  const span = eventHours(topology, event);
  const all = outages(simulateTimeline(topology), 0);
  return {
    index,
    label: describeEvent(event),
    atHours: event.atHours,
    forHours: span,
    alone: outages(simulateTimeline(alone), event.atHours),
    aloneZeroTimers: outages(simulateTimeline(zero), event.atHours),
    inScenario: all
      .filter((o) => o.fromHours < event.atHours + span && o.fromHours + o.hours > event.atHours)
      .map((o) => ({ ...o, fromHours: o.fromHours - event.atHours })),
    quorum: quorumLines(topology, event),
  };
}

/** The outages of a whole timeline, times from `originHours`. */
export function outages(timeline: TimelineResult, originHours: number): PredictedOutage[] {
  const open = new Map<string, number>();
  const found: PredictedOutage[] = [];
  for (const e of timeline.entries) {
    const key = `${e.target} ${e.metric}`;
    if (!e.up) open.set(key, e.hours);
    else {
      const from = open.get(key);
      if (from === undefined) continue;
      open.delete(key);
      found.push({
        target: e.target,
        metric: e.metric,
        fromHours: from - originHours,
        hours: e.hours - from,
      });
    }
  }
  for (const [key, from] of open) {
    const [target = '', metric = ''] = key.split(' ');
    found.push({
      target,
      metric,
      fromHours: from - originHours,
      hours: timeline.horizonHours - from,
    });
  }
  return found.sort((a, b) => a.fromHours - b.fromHours || a.target.localeCompare(b.target));
}

/** `cluster/prod down: api 10s at +0s, scheduling 15s at +0s; …`, or that nothing goes down. */
export function summarizeOutages(list: readonly PredictedOutage[]): string {
  if (list.length === 0) return 'no predicate goes down';
  const byTarget = new Map<string, string[]>();
  for (const o of list) {
    const at = `${o.fromHours < 0 ? '-' : '+'}${formatClock(Math.abs(o.fromHours))}`;
    const entries = byTarget.get(o.target) ?? [];
    entries.push(`${o.metric} ${formatClock(o.hours)} at ${at}`);
    byTarget.set(o.target, entries);
  }
  return [...byTarget]
    .map(([target, entries]) => `${target} down: ${entries.join(', ')}`)
    .join('; ');
}

/** Hours as `1h5m`, `10s`, `0s` (whole seconds; Go's duration format, which Chaos Mesh reads). */
export function formatClock(hours: number): string {
  let s = Math.round(hours * 3600);
  if (s === 0) return '0s';
  const parts: string[] = [];
  for (const [unit, size] of [
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const n = Math.floor(s / size);
    if (n > 0) parts.push(`${n}${unit}`);
    s -= n * size;
  }
  return parts.join('');
}

export function describeEvent(e: ScenarioEvent): string {
  const at = `at ${formatClock(e.atHours)}`;
  switch (e.kind) {
    case 'fail':
      return `fail ${formatFailTarget(e.target)} for ${formatClock(e.forHours)} ${at}`;
    case 'partition':
      return `partition ${e.sides.map((s) => `[${s.map((z) => `${z.region}/${z.zone}`).join(', ')}]`).join(' from ')} for ${formatClock(e.forHours)} ${at}`;
    case 'operatorError':
      return `bad change (${e.effect}) to ${e.clusters.join(', ')} for ${formatClock(e.forHours)} ${at}`;
    case 'maintenance':
      return `rolling master upgrade of ${e.clusters.join(', ')} ${at}`;
  }
}

// --- internal ---

function eventHours(t: Topology, e: ScenarioEvent): number {
  if (e.kind !== 'maintenance') return e.forHours;
  const masters = Math.max(
    0,
    ...t.clusters.filter((c) => e.clusters.includes(c.name)).map((c) => c.counts.masters),
  );
  return masters * t.failures.maintenance.perMasterHours;
}

function quorumLines(t: Topology, e: ScenarioEvent): string[] {
  const line = (c: Cluster, down: number): string => {
    const n = c.counts.etcdMembers;
    const left = n - down;
    const q = majority(n);
    return `${c.name}: etcd ${n} members, quorum ${q}; ${down} down, ${left} left: quorum ${hasQuorum(left, n) ? 'kept' : 'lost'}`;
  };
  switch (e.kind) {
    case 'fail': {
      const target = e.target;
      if (target.kind === 'endpoint' || target.kind === 'impairment') return [];
      if (target.kind === 'node') {
        const c = t.clusters.find((x) => x.name === target.cluster);
        const hitsEtcd =
          target.role === 'etcd' || (target.role === 'master' && c?.etcd.placement === 'stacked');
        return c === undefined || !hitsEtcd ? [] : [line(c, 1)];
      }
      const zones = (c: Cluster): string[] => (target.kind === 'region' ? c.zones : [target.zone]);
      return t.clusters
        .filter((c) => c.region === target.region)
        .map((c) =>
          line(
            c,
            zones(c).reduce((a, z) => a + (c.etcd.members[z] ?? 0), 0),
          ),
        );
    }
    case 'partition': {
      const region = e.sides[0][0]?.region;
      return t.clusters
        .filter((c) => c.region === region)
        .map((c) => {
          const side = e.sides[0].filter((z) => z.region === c.region).map((z) => z.zone);
          const outcome = analyzePartition(c.etcd.members, side);
          const [a, b] = outcome.sides;
          const kept =
            outcome.quorumSide === null
              ? 'neither side keeps quorum'
              : `the [${outcome.sides[outcome.quorumSide].domains.join(', ')}] side keeps quorum`;
          return `${c.name}: etcd split ${a.members} [${a.domains.join(', ')}] / ${b.members} [${b.domains.join(', ')}] of ${c.counts.etcdMembers}: ${kept}`;
        });
    }
    case 'maintenance':
      return t.clusters
        .filter((c) => e.clusters.includes(c.name) && c.etcd.placement === 'stacked')
        .map((c) => `${line(c, 1)} (one master at a time)`);
    case 'operatorError':
      return [];
  }
}
