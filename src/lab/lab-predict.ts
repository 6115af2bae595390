/**
 * What hasim predicts for each lab phase, from its own engines and their public results only:
 * the simulator's timeline (`simulateTimeline`, every timer at 0) for the cluster's etcdQuorum at
 * the phase's instant (and the maintenance steps the lab replays), and the quorum closed forms (`hasQuorum` per connected group of zones, as
 * `hasim quorum` splits them) for which members should serve.
 */
import { ZERO_TIMERS } from '../model/defaults.js';
import type { ScenarioEvent, Topology } from '../model/topology.js';
import { hasQuorum } from '../quorum/majority.js';
import { simulateTimeline, type TimelineResult } from '../sim/engine/timeline.js';
import type { LabMember, LabPhase, ZoneLink } from './lab-plan.js';
import { memberZones } from './lab-members.js';

export type MemberExpectation = 'ok' | 'fail' | 'down';

export interface ZoneGroup {
  zones: string[];
  /** Members running with their data in these zones. */
  up: number;
  hasQuorum: boolean;
}

export interface PhasePrediction {
  /** The timeline's etcdQuorum at the phase's instant; null when no event expresses the phase. */
  timeline: boolean | null;
  /** Groups of zones that can talk (the whole placement when no link is cut). */
  groups: ZoneGroup[];
  /** Some group holds a majority of all members (`hasQuorum`). */
  quorum: boolean;
  /** What a write through each member should do. */
  members: Record<string, MemberExpectation>;
}

/**
 * The simulator's timeline of `events` alone with every timer at 0, over a horizon that holds
 * them all: its etcdQuorum changes and its maintenance steps (which wait while the cluster is
 * unhealthy) are what the lab replays and compares with.
 */
export function replayTimeline(
  topology: Topology,
  events: readonly ScenarioEvent[],
): TimelineResult {
  const ends = events.map((e) => e.atHours + ('forHours' in e ? e.forHours : 0));
  const horizonHours = Math.max(topology.simulation.horizonHours, ...ends) + 1;
  const replay: Topology = { ...topology, events: [...events], timers: ZERO_TIMERS };
  return simulateTimeline(replay, { horizonHours });
}

/** The timeline's etcdQuorum of `cluster` just after each of `hours` (up before any change). */
export function etcdQuorumAt(
  timeline: TimelineResult,
  cluster: string,
  hours: readonly number[],
): boolean[] {
  const changes = timeline.entries.filter(
    (e) => e.target === `cluster/${cluster}` && e.metric === 'etcdQuorum',
  );
  // Phase instants lie on a 1e-9 h grid (event-phases.ts): a change within that of t is at t.
  return hours.map((t) => {
    let up = true;
    for (const c of changes) if (c.hours <= t + 2e-9) up = c.up;
    return up;
  });
}

/** The quorum closed forms for one phase's state. */
export function predictQuorum(
  members: readonly LabMember[],
  phase: LabPhase,
): Omit<PhasePrediction, 'timeline'> {
  const n = members.length;
  const groups = connectedGroups(memberZones(members), phase.state.cut).map((zones) => {
    const up = members.filter((m) => zones.includes(m.zone) && !phase.state.down.includes(m.name));
    return { zones, up: up.length, hasQuorum: hasQuorum(up.length, n) };
  });
  const expectations: Record<string, MemberExpectation> = {};
  for (const m of members) {
    const group = groups.find((g) => g.zones.includes(m.zone));
    expectations[m.name] = phase.state.down.includes(m.name)
      ? 'down'
      : group?.hasQuorum === true
        ? 'ok'
        : 'fail';
  }
  return { groups, quorum: groups.some((g) => g.hasQuorum), members: expectations };
}

// --- internal ---

/** Connected components of the zones, with the links in `cut` removed. */
function connectedGroups(zones: readonly string[], cut: readonly ZoneLink[]): string[][] {
  const isCut = (a: string, b: string): boolean =>
    cut.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  const groups: string[][] = [];
  const seen = new Set<string>();
  for (const start of zones) {
    if (seen.has(start)) continue;
    const group: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const z = stack.pop() ?? start;
      group.push(z);
      for (const other of zones) {
        if (!seen.has(other) && !isCut(z, other)) {
          seen.add(other);
          stack.push(other);
        }
      }
    }
    groups.push(zones.filter((z) => group.includes(z)));
  }
  return groups;
}
