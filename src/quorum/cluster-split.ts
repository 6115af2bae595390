/**
 * Splitting a region's load over several clusters when one cluster would exceed Kubernetes'
 * limits (kubernetes.io "Considerations for large clusters": at most 5,000 nodes, 150,000 pods
 * in total and 110 pods per node).
 */
import { computeWorkerHeadroom } from './headroom.js';

/** Kubernetes' documented scalability limits per cluster. */
export const KUBERNETES_LIMITS = {
  nodesPerCluster: 5000,
  podsPerCluster: 150_000,
  podsPerNode: 110,
} as const;

export interface ClusterSplitOptions {
  /** Worker nodes one region's load needs (before headroom). */
  workers: number;
  /** Pods of one region's load. */
  pods: number;
  zones: number;
  /** Zone losses the workers must survive (headroom, see headroom.ts). */
  zoneLosses: number;
  /** Control-plane nodes per cluster that are Kubernetes nodes (masters; not external etcd). */
  controlPlaneNodes: number;
}

export interface ClusterSplit {
  /** Clusters that together carry one region's load (k ≥ 1). */
  clustersPerRegionLoad: number;
  /** Workers one region's load needs: max(workers, ⌈pods/110⌉). */
  workersNeeded: number;
  workersNeededPerCluster: number;
  podsPerCluster: number;
  /** Nodes of one cluster with headroom and control plane. */
  nodesPerCluster: number;
  /** Why the load is split or the worker count raised, in words (empty when nothing was). */
  reasons: string[];
}

/** The fewest clusters per region's load that keep every cluster inside Kubernetes' limits. */
export function computeClusterSplit(options: ClusterSplitOptions): ClusterSplit {
  const { workers, pods, zones, zoneLosses, controlPlaneNodes } = options;
  const limits = KUBERNETES_LIMITS;
  const forPods = Math.ceil(pods / limits.podsPerNode);
  const workersNeeded = Math.max(workers, forPods);
  const reasons: string[] = [];
  if (forPods > workers) {
    reasons.push(
      `${pods} pods need at least ${forPods} workers at ${limits.podsPerNode} pods per node`,
    );
  }
  const nodesOf = (k: number): number =>
    computeWorkerHeadroom({ workersNeeded: Math.ceil(workersNeeded / k), zones, zoneLosses })
      .total + controlPlaneNodes;
  if (nodesOf(Math.max(1, workersNeeded)) > limits.nodesPerCluster) {
    throw new RangeError(
      `even a one-worker cluster exceeds ${limits.nodesPerCluster} nodes with these zones and control plane`,
    );
  }
  let k = Math.max(1, Math.ceil(pods / limits.podsPerCluster));
  while (nodesOf(k) > limits.nodesPerCluster) k += 1;
  if (k > 1) {
    const single = nodesOf(1);
    if (single > limits.nodesPerCluster) {
      reasons.push(
        `one cluster would have ${single} nodes (with headroom and masters), over ${limits.nodesPerCluster}`,
      );
    }
    if (pods > limits.podsPerCluster) {
      reasons.push(`${pods} pods exceed ${limits.podsPerCluster} pods per cluster`);
    }
  }
  return {
    clustersPerRegionLoad: k,
    workersNeeded,
    workersNeededPerCluster: Math.ceil(workersNeeded / k),
    podsPerCluster: Math.ceil(pods / k),
    nodesPerCluster: nodesOf(k),
    reasons,
  };
}
