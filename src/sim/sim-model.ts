/**
 * The compiled form of a Topology the simulator runs on: every element of model.md in flat
 * typed arrays (rate, repair, cause, which clusters it affects), and per cluster the element
 * indices of its masters, members, workers and endpoint. Built once per run by compile-model.ts.
 */

/** Element kinds that need more than "up or down". */
export const KIND_PLAIN = 0;
export const KIND_LINK = 1;
export const KIND_DISK = 2;
export const KIND_BAD_API = 3;
export const KIND_BAD_RESTORE = 4;
/** A zone or a region: its change alters which zones are effectively up. */
export const KIND_DOMAIN = 5;

/** Which predicates an element can change: the control plane, the workers, or both. */
export const MASK_CONTROL = 1;
export const MASK_WORKERS = 2;
/** Only a timer ran out: the element states are unchanged. */
export const MASK_TIMERS = 4;

export const ENDPOINT_CLOUD = 0;
export const ENDPOINT_KEEPALIVED = 1;
export const ENDPOINT_ANY = 2; // local-proxy and dns: any serving apiserver
export const ENDPOINT_SINGLE = 3;

/** Per-cluster timer slots (after the element slots in the event heap). */
export const SLOT_MAINTENANCE = 0;
export const SLOT_BAD_API = 1;
export const SLOT_BAD_RESTORE = 2;
export const SLOT_LEASE = 3;
export const SLOT_FAILOVER = 4;
export const SLOT_EVICT = 5;
export const SLOT_RESTORE = 6;
export const SLOTS_PER_CLUSTER = 7;

/** Cluster predicates, in the order of METRICS. */
export const P_QUORUM = 0;
export const P_API = 1;
export const P_SCHEDULING = 2;
export const P_WORKLOADS = 3;
export const CLUSTER_PREDICATES = 4;
/** Region predicates, in the order of REGION_METRICS. */
export const R_SERVED = 0;
export const R_LOCAL = 1;
export const REGION_PREDICATES = 2;

export interface ClusterModel {
  name: string;
  region: number;
  /** Global index of the region's first zone; local zone z is global zone zoneBase + z. */
  zoneBase: number;
  zoneCount: number;
  stacked: boolean;
  quorum: number;
  masterNode: Int32Array;
  apiProc: Int32Array;
  ctrlProc: Int32Array;
  /** Local zone of each master. */
  masterZone: Int32Array;
  memberNode: Int32Array;
  etcdProc: Int32Array;
  disk: Int32Array;
  memberZone: Int32Array;
  workerNode: Int32Array;
  workerZone: Int32Array;
  workersNeeded: number;
  endpoint: number;
  /** Load balancer elements: one (cloud), two hosts (keepalived) or none. */
  lb: Int32Array;
  /** Local zone of the keepalived pair; -1 otherwise. */
  endpointZone: number;
  /** The pinned master of a single-master endpoint; -1 otherwise. */
  pinned: number;
  /** How long the endpoint keeps sending to an apiserver that stopped (its kind's timer). */
  failoverHours: number;
  /** Maintenance passes per hour and the hours each master is down in a pass. */
  passRate: number;
  perMasterHours: number;
}

export interface SimModel {
  horizonHours: number;
  clusterNames: string[];
  regionNames: string[];
  clusters: ClusterModel[];
  /** Clusters of each region. */
  regionClusters: number[][];
  /** The same, CSR: regionClusterList[regionClusterStart[r] .. regionClusterStart[r + 1]). */
  regionClusterStart: Int32Array;
  regionClusterList: Int32Array;
  crossRegion: boolean;
  /** One region with one cluster: region predicates are that cluster's. */
  singleCluster: boolean;
  /** 1 when the region has users of its own (users > 0). */
  regionHasUsers: Uint8Array;
  elementCount: number;
  rate: Float64Array;
  repairKind: Uint8Array;
  repairA: Float64Array;
  repairB: Float64Array;
  cause: Uint8Array;
  kind: Uint8Array;
  mask: Uint8Array;
  /** Whether importance sampling biases the element's failures. */
  biased: Uint8Array;
  /** The cluster a disk belongs to (-1 for other kinds). */
  owner: Int32Array;
  /** Clusters an element affects, CSR: affected[affectStart[e] .. affectStart[e + 1]). */
  affectStart: Int32Array;
  affected: Int32Array;
  regionElement: Int32Array;
  /** Global zone → its element and its region. */
  zoneElement: Int32Array;
  zoneRegion: Int32Array;
  regionZoneBase: Int32Array;
  regionZoneCount: Int32Array;
  /** The region of a link, zone or region element (-1 for other kinds). */
  elementRegion: Int32Array;
  /** The two local zones of a link element (-1 for other kinds). */
  linkA: Int32Array;
  linkB: Int32Array;
  /** Links of each region (element indices). */
  regionLinks: number[][];
  /** Random bad changes: the clusters a rollout reaches and when (hours after it starts). */
  reachCluster: Int32Array;
  reachOffset: Float64Array;
  backupIntervalHours: number;
  snapshotsOnEtcdNodes: boolean;
  restoreKind: number;
  restoreA: number;
  restoreB: number;
  /** Cluster-wide timers (the endpoint's failover is per cluster: ClusterModel.failoverHours). */
  timers: { lease: number; evict: number };
  /** Slot of the first per-cluster timer, and of the scenario-events cursor. */
  clusterSlotBase: number;
  scriptSlot: number;
  slotCount: number;
}
