/**
 * The lab's own experiments besides the scenario's events: sweeps written as synthetic scenario
 * events (so the simulator predicts them exactly as it would a scenario's), and the disk
 * experiment, which no scenario event expresses.
 */
import type { Cluster, ScenarioEvent } from '../model/topology.js';
import { hasQuorum, majority } from '../quorum/majority.js';
import { listPartitions } from '../quorum/partition.js';
import type { LabMember, LabPhase } from './lab-plan.js';
import { ALL_UP } from './lab-plan.js';
import { countByZone, memberZones } from './lab-members.js';

/** Every single zone and every pair of zones (holding members) down, one after another, 1 h each. */
export function zoneSweepEvents(cluster: Cluster, members: readonly LabMember[]): ScenarioEvent[] {
  const zones = memberZones(members);
  const sets: string[][] = [
    ...zones.map((z) => [z]),
    ...zones.flatMap((a, i) => zones.slice(i + 1).map((b) => [a, b])),
  ];
  return sets.flatMap((set, k) =>
    set.map((zone): ScenarioEvent => ({
      kind: 'fail',
      atHours: 2 * k + 1,
      forHours: 1,
      target: { kind: 'zone', region: cluster.region, zone },
    })),
  );
}

/** Every split of the zones (holding members) into two sides, one after another, 1 h each. */
export function partitionSweepEvents(
  cluster: Cluster,
  members: readonly LabMember[],
): ScenarioEvent[] {
  const counts = countByZone(members);
  if (Object.keys(counts).length < 2) return [];
  const ref = (zone: string): { region: string; zone: string } => ({
    region: cluster.region,
    zone,
  });
  return listPartitions(counts).map((split, k) => ({
    kind: 'partition',
    atHours: 2 * k + 1,
    forHours: 1,
    sides: [split.sides[0].domains.map(ref), split.sides[1].domains.map(ref)],
  }));
}

/**
 * Disks lost: one member's (replaced by `member remove` + `member add`, when the others keep
 * quorum), then a snapshot, then a majority's (only a restore from the snapshot brings quorum
 * back, losing the writes made since).
 */
export function diskPhases(members: readonly LabMember[], firstId: number): LabPhase[] {
  const names = members.map((m) => m.name);
  const n = names.length;
  const one = names[0] ?? '';
  const most = names.slice(0, majority(n));
  const phase = (
    p: Omit<LabPhase, 'id' | 'origin' | 'scenarioHours' | 'skip' | 'recovery'>,
  ): LabPhase => ({
    id: 0,
    origin: 'disks',
    scenarioHours: null,
    skip: null,
    recovery: false,
    ...p,
  });
  const phases: LabPhase[] = [];
  if (hasQuorum(n - 1, n)) {
    phases.push(
      phase({
        label: `disk of ${one} lost`,
        actions: [{ kind: 'wipe', members: [one] }],
        state: { down: [one], wiped: [one], cut: [] },
      }),
      phase({
        label: `${one} replaced: member remove, member add, fresh start`,
        actions: [{ kind: 'replace', members: [one] }, { kind: 'await-healthy' }],
        state: ALL_UP,
      }),
    );
  }
  phases.push(
    phase({
      label: 'snapshot saved; writes go on',
      actions: [{ kind: 'snapshot' }],
      state: ALL_UP,
    }),
    phase({
      label: `disks of ${most.join(', ')} lost (a majority)`,
      actions: [
        { kind: 'wipe', members: most },
        { kind: 'try-remove', member: most[0] ?? one },
      ],
      state: { down: most, wiped: most, cut: [] },
    }),
    phase({
      label: 'every member restored from the snapshot (a new cluster)',
      actions: [{ kind: 'restore' }, { kind: 'await-healthy' }],
      state: ALL_UP,
    }),
  );
  return phases.map((p, i) => ({ ...p, id: firstId + i }));
}
