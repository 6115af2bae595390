/**
 * The compiled form of a Topology the simulator runs on: every element of model.md in flat
 * typed arrays (rate, repair, cause, which clusters it affects), and per cluster the element
 * indices of its masters, members, workers and endpoint. Built once per run by compile-model.ts.
 */
import type { SloPlan } from '../stats/slo-plan.js';

/** Element kinds that need more than "up or down". */
export const KIND_PLAIN = 0;
export const KIND_LINK = 1;
export const KIND_DISK = 2;
export const KIND_BAD_API = 3;
export const KIND_BAD_RESTORE = 4;
/** A zone or a region blackout: its change alters which zones are effectively up. */
export const KIND_DOMAIN = 5;
export const KIND_BAD_DATA = 6;
/** A region impairment: cloud and dns endpoints down, VM and disk replacements blocked. */
export const KIND_IMPAIR = 7;

/** Bad-change kinds, in the order of their per-cluster state arrays (kind · clusters + c). */
export const BAD_API = 0;
export const BAD_RESTORE = 1;
export const BAD_DATA = 2;
export const BAD_KINDS = 3;

/** Which predicates an element can change: the control plane, the workers, or both. */
export const MASK_CONTROL = 1;
export const MASK_WORKERS = 2;
/** Only a timer ran out: the element states are unchanged. */
export const MASK_TIMERS = 4;

export const ENDPOINT_CLOUD = 0;
export const ENDPOINT_KEEPALIVED = 1;
export const ENDPOINT_ANY = 2; // local-proxy: any serving apiserver
export const ENDPOINT_SINGLE = 3;
/** dns: any serving apiserver, and the cloud's DNS (down while the region is impaired). */
export const ENDPOINT_DNS = 4;

/** Per-cluster timer slots (after the element slots in the event heap). */
export const SLOT_MAINTENANCE = 0;
/** SLOT_BAD + kind (BAD_API, BAD_RESTORE, BAD_DATA): a random bad change hurts or recovers. */
export const SLOT_BAD = 1;
export const SLOT_LEASE = 4;
export const SLOT_FAILOVER = 5;
export const SLOT_EVICT = 6;
export const SLOT_RESTORE = 7;
/** The next maintenance pass falls due (a Poisson process; SLOT_MAINTENANCE ends steps). */
export const SLOT_PASS = 8;
export const SLOTS_PER_CLUSTER = 9;

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
  /** Spread placement (replicas over every worker) or packed (carrying workers). */
  spread: boolean;
  /** Index of the cluster's local zone 0 in the per-(cluster, zone) arrays of a trial. */
  clusterZoneBase: number;
  /** Workers per local zone. */
  zoneWorkers: Int32Array;
  endpoint: number;
  /** Load balancer elements: one (cloud), two hosts (keepalived) or none. */
  lb: Int32Array;
  /** Local zones of the two keepalived hosts (empty for other kinds). */
  hostZone: Int32Array;
  /** The pinned master of a single-master endpoint; -1 otherwise. */
  pinned: number;
  /** How long the endpoint keeps sending to an apiserver that stopped (its kind's timer). */
  failoverHours: number;
  /** Maintenance passes due per hour (Poisson) and the hours each master is down in a pass. */
  passRate: number;
  perMasterHours: number;
  /** Graceful maintenance: a master drained from the endpoint opens no failover gap. */
  graceful: boolean;
  /** The health gate's zones (local; holding a master or member) and the links between them. */
  gateZones: Int32Array;
  gateLinks: Int32Array;
}

/** How the random bad changes of every kind reach the clusters (rollout-reach.ts). */
export interface CompiledRollout {
  /** The clusters reached, in rollout order, and the (0-based) wave of each. */
  clusters: Int32Array;
  wave: Int32Array;
  /** Waves that hold clusters. */
  waveCount: number;
  bakeHours: number;
  detectionHours: number;
  detectionProbability: number;
}

export interface SimModel {
  horizonHours: number;
  /** The SLA view's tracked objectives (slo-plan.ts); null when there are none. */
  slo: SloPlan | null;
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
  /** The impairment element of each region. */
  impairElement: Int32Array;
  /**
   * The region whose impairment blocks the element's repair (master, external etcd and worker
   * nodes, disks); -1 for other elements.
   */
  blockRegion: Int32Array;
  /** A worker node's (cluster, zone) index in the per-(cluster, zone) arrays; -1 otherwise. */
  workerClusterZone: Int32Array;
  /** Total (cluster, zone) pairs. */
  clusterZones: number;
  /** Each region's share of the users (users / Σ users): the weights of usersServed. */
  userShare: Float64Array;
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
  /** Random bad changes: the clusters the rollout reaches, by wave. */
  rollout: CompiledRollout;
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
