/**
 * What the lab runner saw, as plain data: every probe request, every change of a member's view
 * of the leader and raft term, what each phase's actions did, and the leader kills. Times are
 * milliseconds since the run started (a monotonic clock in the runner).
 */

/** One probe round through one member: a linearizable put, then a linearizable range. */
export interface ProbeSample {
  member: string;
  issuedMs: number;
  doneMs: number;
  ok: boolean;
  /** Why it failed (etcd's message, "timeout", "refused"); null when ok. */
  error: string | null;
  /** The write's sequence number (its key is `hasim-lab/w/<seq>`). */
  seq: number;
}

/** A member's view, recorded when it changes: its leader (a member name) and raft term. */
export interface StatusSample {
  member: string;
  atMs: number;
  leader: string | null;
  term: number;
}

/** The writes lost by a restore: acknowledged writes missing from the restored cluster. */
export interface LostWrites {
  /** Acknowledged writes before the restore. */
  acknowledged: number;
  lost: number;
  /** When the snapshot was taken and when the last lost write was acknowledged. */
  snapshotMs: number;
  lastLostMs: number | null;
}

export interface PhaseObservation {
  id: number;
  startMs: number;
  /** When the phase's actions were done and the hold began. */
  actionsDoneMs: number;
  endMs: number;
  /** The leader and the highest raft term known when the phase began. */
  leaderAtStart: string | null;
  termAtStart: number;
  /** Members running when the phase ended. */
  running: string[];
  /** What the actions did or met ("member remove refused: …"). */
  notes: string[];
  /** An action that failed; this phase and the rest of its experiment are then not compared. */
  failed: string | null;
  /** An action the lab cannot apply here (a partition without zone networks): not compared. */
  unapplied: string | null;
  /** From the phase's start until every running member served a write (await-healthy). */
  healthyMs: number | null;
  samples: ProbeSample[];
  statuses: StatusSample[];
  lostWrites: LostWrites | null;
}

/** One leader kill of the election-gap measurement. */
export interface ElectionObservation {
  killed: string;
  killMs: number;
  /** From the kill to the first successful write issued after it; null if none within the wait. */
  gapMs: number | null;
  /** From the kill until a surviving member first reported a new leader. */
  newLeaderMs: number | null;
  newLeader: string | null;
  termBefore: number;
  termAfter: number;
}

export type IsolationMode = 'namespaces' | 'loopback';

export interface LabIsolation {
  /** `namespaces`: a network namespace per zone behind a router namespace; else loopback. */
  mode: IsolationMode;
  /** Whether zone links can be cut (packet filtering between the zones' namespaces). */
  partitions: boolean;
  /** Why the lab runs without namespaces, or null. */
  note: string | null;
}

export interface LabObservation {
  version: 1;
  etcdVersion: string;
  isolation: LabIsolation;
  /** From the first start to the first successful write. */
  startupMs: number;
  phases: PhaseObservation[];
  elections: ElectionObservation[];
  /** The run stopped early (Ctrl-C, SIGTERM): what was observed so far. */
  interrupted: boolean;
}
