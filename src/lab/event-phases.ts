/**
 * A scenario's `events:` as lab phases for one cluster. Every instant at which an event starts or
 * ends is a phase: the members down and the zone links cut in between are constant, and the
 * actions are the difference from the previous phase (kill what went down, start what came
 * back, cut the new links). Events at the same instant form one phase, as in the simulator.
 */
import type { Cluster, ScenarioEvent, Topology } from '../model/topology.js';
import type { TimelineStep } from '../sim/engine/timeline.js';
import type {
  LabAction,
  LabMember,
  LabPhase,
  LabState,
  PhaseOrigin,
  ZoneLink,
} from './lab-plan.js';
import { ALL_UP } from './lab-plan.js';
import { formatFailTarget } from '../model/references.js';
import { membersHitBy, memberZones } from './lab-members.js';

export interface EventPhaseOptions {
  origin: PhaseOrigin;
  /**
   * Sweeps: after members restart into an all-up state, wait until they serve, and do not hold
   * that recovery (it is not what the sweep looks at).
   */
  awaitRecovery: boolean;
  /** The id of the first phase built. */
  firstId: number;
  /**
   * The cluster's maintenance steps as the simulator's timeline ran them (a step waits while the
   * cluster is unhealthy): the lab replays those, not the nominal schedule.
   */
  maintenance: readonly TimelineStep[];
}

/** The phases that replay `events` on `cluster`'s etcd members. */
export function buildEventPhases(
  topology: Topology,
  cluster: Cluster,
  members: readonly LabMember[],
  events: readonly ScenarioEvent[],
  options: EventPhaseOptions,
): LabPhase[] {
  // Instants on a 1 ns-of-an-hour grid: a step's end and the next step's start, computed apart,
  // must make one phase, not two an ulp apart.
  const grid = (h: number): number => Math.round(h * 1e9) / 1e9;
  const effects = events
    .flatMap((e, i) => effectsOf(e, i, topology, cluster, members, options.maintenance))
    .map((e) => ({ ...e, start: grid(e.start), end: grid(e.end) }));
  const instants = [...new Set(effects.flatMap((e) => [e.start, e.end]))].sort((a, b) => a - b);
  const order = new Map(members.map((m, i) => [m.name, i]));
  const phases: LabPhase[] = [];
  let previous: LabState = ALL_UP;
  for (const t of instants) {
    const active = effects.filter((e) => e.start <= t && t < e.end);
    const down = [...new Set(active.flatMap((e) => e.down))].sort(
      (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0),
    );
    const cut = uniqueLinks(active.flatMap((e) => e.cut));
    const state: LabState = { down, wiped: [], cut };
    const graceful = new Set(active.filter((e) => e.graceful).flatMap((e) => e.down));
    const labels = [
      ...effects.filter((e) => e.end === t).map((e) => e.endLabel),
      ...effects.filter((e) => e.start === t).map((e) => e.label),
    ];
    const actions = actionsBetween(previous, state, graceful, options.awaitRecovery);
    phases.push({
      id: options.firstId + phases.length,
      origin: options.origin,
      label: labels.join('; '),
      scenarioHours: t,
      actions,
      state,
      skip: active.find((e) => e.skip !== null)?.skip ?? null,
      recovery: actions.some((a) => a.kind === 'await-healthy'),
    });
    previous = state;
  }
  return phases;
}

/** The actions that turn state `from` into state `to` (no disk loss involved). */
export function actionsBetween(
  from: LabState,
  to: LabState,
  graceful: ReadonlySet<string>,
  awaitRecovery: boolean,
): LabAction[] {
  const actions: LabAction[] = [];
  const back = from.down.filter((m) => !to.down.includes(m));
  const gone = to.down.filter((m) => !from.down.includes(m));
  if (back.length > 0) actions.push({ kind: 'start', members: back });
  if (!sameLinks(from.cut, to.cut)) actions.push({ kind: 'cut', links: to.cut });
  const stopped = gone.filter((m) => graceful.has(m));
  const killed = gone.filter((m) => !graceful.has(m));
  if (stopped.length > 0) actions.push({ kind: 'stop', members: stopped });
  if (killed.length > 0) actions.push({ kind: 'kill', members: killed });
  const allUp = to.down.length === 0 && to.cut.length === 0;
  if (awaitRecovery && allUp && actions.length > 0) actions.push({ kind: 'await-healthy' });
  return actions;
}

// --- internal ---

interface Effect {
  start: number;
  end: number;
  down: string[];
  graceful: boolean;
  cut: ZoneLink[];
  label: string;
  endLabel: string;
  skip: string | null;
}

function effectsOf(
  e: ScenarioEvent,
  index: number,
  topology: Topology,
  cluster: Cluster,
  members: readonly LabMember[],
  steps: readonly TimelineStep[],
): Effect[] {
  const base = { graceful: false, cut: [], down: [], skip: null };
  switch (e.kind) {
    case 'fail': {
      const what = formatFailTarget(e.target);
      return [
        {
          ...base,
          start: e.atHours,
          end: e.atHours + e.forHours,
          down: membersHitBy(e.target, cluster, members),
          label: `${what} down`,
          endLabel: `${what} back`,
        },
      ];
    }
    case 'partition': {
      const zones = memberZones(members);
      const side = (i: 0 | 1): string[] =>
        e.sides[i].filter((z) => z.region === cluster.region).map((z) => z.zone);
      const [a, b] = [side(0), side(1)];
      const cut: ZoneLink[] = a
        .flatMap((x) => b.map((y): ZoneLink => [x, y]))
        .filter(([x, y]) => x !== y && zones.includes(x) && zones.includes(y));
      const what = `partition {${a.join(', ')}} | {${b.join(', ')}}`;
      return [
        {
          ...base,
          start: e.atHours,
          end: e.atHours + e.forHours,
          cut,
          label: what,
          endLabel: `${what} healed`,
        },
      ];
    }
    case 'operatorError': {
      if (!e.clusters.includes(cluster.name)) return [];
      const restore = e.effect === 'etcd-restore';
      return [
        {
          ...base,
          start: e.atHours,
          end: e.atHours + e.forHours,
          label: `bad change (${e.effect})`,
          endLabel: `bad change (${e.effect}) repaired`,
          skip: restore
            ? 'a change that corrupts etcd is not replayed (`--experiments disks` runs a restore)'
            : null,
        },
      ];
    }
    case 'maintenance': {
      if (cluster.etcd.placement !== 'stacked') return [];
      // A stacked member lives on its master: the i-th master (file order) holds the i-th member.
      const graceful = topology.failures.maintenance.graceful;
      return steps
        .filter((st) => st.event === index)
        .flatMap((st) => {
          const m = members[st.master - 1];
          if (m === undefined) return [];
          return [
            {
              ...base,
              start: st.startHours,
              end: st.endHours,
              down: [m.name],
              graceful,
              label: `maintenance: ${m.name} ${graceful ? 'stopped' : 'down'}`,
              endLabel: `maintenance: ${m.name} back`,
            },
          ];
        });
    }
  }
}

function linkKey([a, b]: ZoneLink): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function uniqueLinks(links: ZoneLink[]): ZoneLink[] {
  const seen = new Map<string, ZoneLink>();
  for (const l of links) if (!seen.has(linkKey(l))) seen.set(linkKey(l), l);
  return [...seen.values()];
}

function sameLinks(a: readonly ZoneLink[], b: readonly ZoneLink[]): boolean {
  const keys = (ls: readonly ZoneLink[]): string => ls.map(linkKey).sort().join(',');
  return keys(a) === keys(b);
}
