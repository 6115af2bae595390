/**
 * The maintenance health gate (docs/model.md, Maintenance): a step starts only while every
 * master's node, apiserver and controllers are up, every etcd member's node, process and disk
 * are up, the region is not blacked out, every zone holding a master or member is up, every link
 * between two such zones is up, and no etcd restore is in progress — what `kubeadm upgrade apply`
 * and Cluster API's KubeadmControlPlane preflight checks require before touching a master.
 */
import type { ClusterModel } from '../model/sim-model.js';
import type { TrialState } from './trial-state.js';

/** Whether cluster ci passes the health gate now (O(masters + members + zone pairs)). */
export function isHealthy(s: TrialState, c: ClusterModel, ci: number): boolean {
  const down = s.down;
  if (s.quorumBad[ci] !== 0) return false;
  if (down[s.model.regionElement[c.region] ?? 0] !== 0) return false;
  for (let i = 0; i < c.masterNode.length; i++) {
    if (down[c.masterNode[i] ?? 0] !== 0) return false;
    if (down[c.apiProc[i] ?? 0] !== 0 || down[c.ctrlProc[i] ?? 0] !== 0) return false;
  }
  for (let k = 0; k < c.memberNode.length; k++) {
    if (down[c.memberNode[k] ?? 0] !== 0) return false;
    if (down[c.etcdProc[k] ?? 0] !== 0 || down[c.disk[k] ?? 0] !== 0) return false;
  }
  for (const z of c.gateZones) if (s.zoneOk[c.zoneBase + z] !== 1) return false;
  for (const l of c.gateLinks) if (down[l] !== 0) return false;
  return true;
}
