/**
 * The data `hasim plan` computes: cluster counts per mode, the layout every cluster gets and
 * the VMs that adds up to. Versioned, JSON-serializable, and meant to grow (availability
 * figures and cost search come later as new optional fields).
 */
import type { EndpointKind, EtcdPlacement } from '../model/topology.js';
import type { ClusterMode } from '../quorum/cluster-count.js';
import type { ClusterSplit } from '../quorum/cluster-split.js';
import type { ControlPlaneChoice } from './choose-control-plane.js';

export interface PlanOptions {
  regions: number;
  /** Clusters that may be unavailable at the same time (U). */
  tolerate: number;
  /** Zones per region (default 3). */
  zonesPerRegion?: number;
  /** Worker nodes one region's load needs, before headroom (default 30). */
  nodesPerRegion?: number;
  /** Pods of one region's load (default 30 per node of nodesPerRegion). */
  podsPerRegion?: number;
  /** Zone losses each cluster should survive at full load (default 1, 0 with one zone). */
  zoneLosses?: number;
  /** Where etcd runs (default stacked, kubeadm's default). */
  etcd?: EtcdPlacement;
  /** The API endpoint (default cloud: a managed load balancer). */
  endpoint?: EndpointKind;
}

/** Defaults of `buildPlan`, documented in docs/quorum.md and `hasim plan --help`. */
export const PLAN_DEFAULTS = {
  zonesPerRegion: 3,
  nodesPerRegion: 30,
  podsPerNode: 30,
  etcd: 'stacked',
  endpoint: 'cloud',
} as const;

export interface ModePlan {
  mode: ClusterMode;
  clusters: number;
  /** Clusters per region, r1, r2, … in order. */
  perRegion: Record<string, number>;
  assumption: string;
  /** VMs of every cluster of this mode together. */
  vms: number;
}

export interface ClusterVms {
  masters: number;
  /** External etcd members (0 when stacked: they run on the masters). */
  etcd: number;
  workers: number;
  /** keepalived's HAProxy pair (2), else 0. */
  endpoint: number;
  total: number;
}

export interface ClusterLayout {
  zones: string[];
  controlPlane: ControlPlaneChoice;
  workers: {
    /** Workers that carry the cluster's share of its region's load. */
    needed: number;
    perZone: Record<string, number>;
    total: number;
    zoneLosses: number;
    utilisation: number;
    maxUtilisation: number;
  };
  vms: ClusterVms;
}

export interface PlanResult {
  version: 1;
  inputs: Required<PlanOptions>;
  /** The cluster count of each mode (details in `modes`). */
  clusters: Record<ClusterMode, number>;
  modes: ModePlan[];
  split: ClusterSplit;
  /** The layout every cluster gets (all clusters carry the same share of one region's load). */
  layout: ClusterLayout;
  warnings: string[];
}
