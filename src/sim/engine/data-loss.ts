/**
 * etcd data loss (docs/model.md, Data loss). A member's data is lost while its disk is down; when
 * more disks are down than the cluster can rebuild from (disks down > n − q), quorum is lost for
 * good: it stays down until a restore from the last snapshot completes, and the writes since that
 * snapshot are lost (everything, when the snapshots sat on the members' disks and every disk is
 * down).
 */
import { drawRepair } from './random-variates.js';
import type { Rng } from './rng.js';
import { SLOTS_PER_CLUSTER, SLOT_RESTORE } from '../model/sim-model.js';
import type { TrialState } from './trial-state.js';

/** A disk of cluster ci failed. */
export function diskLost(s: TrialState, ci: number, rng: Rng): void {
  const m = s.model;
  const c = m.clusters[ci];
  if (c === undefined) return;
  const down = (s.diskDown[ci] ?? 0) + 1;
  s.diskDown[ci] = down;
  const n = c.disk.length;
  if (down <= n - c.quorum || s.restoring[ci] === 1) return;
  loseData(s, ci, m.snapshotsOnEtcdNodes && down === n);
  s.restoring[ci] = 1;
  s.quorumBad[ci] = (s.quorumBad[ci] ?? 0) + 1;
  const hours = drawRepair(m.restoreKind, m.restoreA, m.restoreB, rng);
  s.heap.set(m.clusterSlotBase + ci * SLOTS_PER_CLUSTER + SLOT_RESTORE, s.now + hours);
}

/** A disk of cluster ci was replaced. */
export function diskReplaced(s: TrialState, ci: number): void {
  s.diskDown[ci] = (s.diskDown[ci] ?? 0) - 1;
}

/** The restore of cluster ci completed: quorum can form again from the members up. */
export function restoreDone(s: TrialState, ci: number): void {
  s.restoring[ci] = 0;
  s.quorumBad[ci] = (s.quorumBad[ci] ?? 0) - 1;
  s.heap.set(s.model.clusterSlotBase + ci * SLOTS_PER_CLUSTER + SLOT_RESTORE, Infinity);
}

/** Records a data loss: the writes since the last snapshot, or everything (`total`). */
export function loseData(s: TrialState, ci: number, total: boolean): void {
  const interval = s.model.backupIntervalHours;
  s.lossEvents[ci] = (s.lossEvents[ci] ?? 0) + 1;
  if (total) s.totalLosses[ci] = (s.totalLosses[ci] ?? 0) + 1;
  const since = total || !(interval > 0) ? s.now : s.now - Math.floor(s.now / interval) * interval;
  s.lossHours[ci] = (s.lossHours[ci] ?? 0) + since;
}
