/**
 * The experiment a lab run performs on a real etcd, as plain data: the members (one per etcd
 * member of the cluster's placement, grouped by zone), the timings, and the phases. A phase is a
 * state held for a while (members down, data dirs wiped, zone links cut) together with the
 * actions that lead into it from the previous phase. The runner (src/lab-run) executes the
 * actions and only the actions; the state is what the predictions are made for.
 */

/** One etcd member: `a-1` is the first member of zone `a`. */
export interface LabMember {
  name: string;
  zone: string;
}

/** A pair of zones that cannot talk to each other. */
export type ZoneLink = [string, string];

export type LabAction =
  /** SIGKILL: a crash, a node or a zone lost. */
  | { kind: 'kill'; members: string[] }
  /** SIGTERM: a graceful stop (maintenance); etcd hands leadership over first. */
  | { kind: 'stop'; members: string[] }
  /** Start again with the member's own data dir. */
  | { kind: 'start'; members: string[] }
  /** Cut exactly these zone links (and heal every other one). */
  | { kind: 'cut'; links: ZoneLink[] }
  /** Kill the member and delete its data dir: a disk lost. */
  | { kind: 'wipe'; members: string[] }
  /** `member remove` then `member add`, then a fresh start with --initial-cluster-state existing. */
  | { kind: 'replace'; members: string[] }
  /** Try `member remove` (without retrying) and note what etcd answers; never fails the phase. */
  | { kind: 'try-remove'; member: string }
  /** `etcdctl snapshot save` from a member that has quorum. */
  | { kind: 'snapshot' }
  /** Every member killed and restored from the last snapshot as a new cluster. */
  | { kind: 'restore' }
  /** Wait (bounded) until every running member serves a linearizable write. */
  | { kind: 'await-healthy' };

export type LabActionKind = LabAction['kind'];

/** Where a phase comes from: the scenario's events, a sweep, or the disk experiment. */
export type PhaseOrigin = 'events' | 'zones' | 'partitions' | 'disks';

/** The state a phase holds. */
export interface LabState {
  /** Members not running (their data dir kept, unless also in `wiped`). */
  down: string[];
  /** Members whose data dir is gone (and which are down until replaced or restored). */
  wiped: string[];
  cut: ZoneLink[];
}

export interface LabPhase {
  id: number;
  origin: PhaseOrigin;
  label: string;
  /** The scenario (or synthetic) time this phase replays, in hours; null for disk phases. */
  scenarioHours: number | null;
  actions: LabAction[];
  state: LabState;
  /** Why the phase is not compared (e.g. an event the lab cannot apply); null when it is. */
  skip: string | null;
  /**
   * A sweep's recovery between two outages: not held, not compared; it waits until every member
   * serves (how long that took is reported).
   */
  recovery: boolean;
}

export interface LabTiming {
  /** etcd --heartbeat-interval (etcd's default: 100 ms). */
  heartbeatMs: number;
  /** etcd --election-timeout (etcd's default: 1000 ms). */
  electionMs: number;
  /** How long each phase is held after its actions. */
  holdMs: number;
  /** The probe writes (and reads) through every member this often. */
  probeIntervalMs: number;
  /** A probe request that takes longer has failed. */
  probeTimeoutMs: number;
  /** Members' status (leader, raft term) is read this often. */
  statusIntervalMs: number;
}

export interface LabPlan {
  version: 1;
  scenario: string;
  cluster: string;
  /** Zones of the cluster's region that hold members, in the region's order. */
  zones: string[];
  members: LabMember[];
  timing: LabTiming;
  phases: LabPhase[];
  /** Leader kills for the election-gap measurement (0: none). */
  leaderKills: number;
}

/** The state with everything up and connected. */
export const ALL_UP: LabState = { down: [], wiped: [], cut: [] };

/** The probe's defaults: every 100 ms (the figure), each member's status every 200 ms. */
export const PROBE_DEFAULTS = {
  probeIntervalMs: 100,
  statusIntervalMs: 200,
} as const;

/**
 * How long a probe request may take before it counts as failed: the final window of the hold
 * (its second half, where quorum is judged), at least 500 ms. A write that commits late still
 * shows quorum: on a loaded machine (CI sharing two cores with dozens of etcd processes) commits
 * took over 500 ms for seconds on end while the leader and its majority stayed in place, and a
 * fixed 500 ms cut-off reported those phases as "no quorum".
 */
export function probeTimeoutMs(holdMs: number): number {
  return Math.max(500, holdMs / 2);
}

/** etcd's own defaults (etcd docs, "Tuning": heartbeat 100 ms, election timeout 1000 ms). */
export const ETCD_DEFAULT_TIMERS = { heartbeatMs: 100, electionMs: 1000 } as const;

/** Members a phase's actions (re)start: they may still be catching up at its end. */
export function startedIn(phase: LabPhase, members: readonly string[]): string[] {
  return phase.actions.flatMap((a) =>
    a.kind === 'start' || a.kind === 'replace'
      ? a.members
      : a.kind === 'restore'
        ? [...members]
        : [],
  );
}
