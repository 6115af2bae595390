/**
 * The maintenance health gate (docs/model.md, Maintenance): a step starts only while every
 * master's node, apiserver and controllers are up, every etcd member's node, process and disk
 * are up, the region is not blacked out, every zone holding a master or member is up, every link
 * between two such zones is up, and no etcd restore is in progress — what `kubeadm upgrade apply`
 * and Cluster API's KubeadmControlPlane preflight checks require before touching a master.
 */
import type { TrialState } from './trial-state.js';

/** Whether cluster ci passes the health gate now: O(1), from the counts of gate-state.ts. */
export function isHealthy(s: TrialState, ci: number): boolean {
  return s.quorumBad[ci] === 0 && s.gate.down[ci] === 0;
}
