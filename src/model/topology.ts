/**
 * The normalized form of a scenario: every default filled in, every name resolved, every
 * duration in hours. The written form is `ScenarioFile` (schema.ts); `normalize` turns one
 * into the other and `serialize` turns a Topology back into a file that normalizes to it.
 */

export type Hours = number;

/** Counts per zone of the cluster's region; every zone of the region is present (0 if empty). */
export type ZoneCounts = Record<string, number>;

export type RepairDistribution =
  | { kind: 'exponential'; meanHours: Hours }
  | { kind: 'lognormal'; medianHours: Hours; p90Hours: Hours }
  | { kind: 'fixed'; hours: Hours }
  | { kind: 'weibull'; shape: number; scaleHours: Hours };

/** A failure process: failures arrive at `perYear` (per element) and last `repair`. */
export interface FailureProcess {
  perYear: number;
  repair: RepairDistribution;
}

/**
 * How a change reaches the clusters. `waves`: wave k starts `bakeHours` after wave k−1 unless the
 * change has been noticed; a wave catches a bad change with `detectionProbability`, noticed
 * `detectionHours` after the wave started (≤ the bake); a change no earlier wave caught is noticed
 * `detectionHours` after the last wave started. `all-at-once` breaks every cluster at once and is
 * noticed at once (its repair time is the whole incident).
 */
export type Rollout =
  | { kind: 'all-at-once' }
  | {
      kind: 'waves';
      waves: (number | 'all')[];
      bakeHours: Hours;
      detectionHours: Hours;
      detectionProbability: number;
    };

export interface OperatorErrorProcess {
  changesPerYear: number;
  badChangeProbability: number;
  repair: RepairDistribution;
  /** Share of bad changes that take the API down (the rest degrade nothing we model). */
  apiDownShare: number;
  /** Share of bad changes that corrupt etcd and need a restore from the last snapshot. */
  restoreShare: number;
  /** Share of bad changes that take the data plane (workloads) down: CNI, DNS, node OS. */
  dataPlaneShare: number;
  rollout: Rollout;
}

export interface MaintenanceProcess {
  passesPerYear: number;
  perMasterHours: Hours;
  /**
   * Graceful (drained from the endpoint, leases handed over): no endpoint-failover or lease gap.
   * Abrupt: a master in maintenance is like a failed one.
   */
  graceful: boolean;
}

export type DiskStorage = 'local' | 'cloud';

export interface Failures {
  node: FailureProcess;
  master: FailureProcess;
  etcd: FailureProcess;
  worker: FailureProcess;
  disk: FailureProcess & { storage: DiskStorage };
  zone: FailureProcess;
  /** A region blackout: every VM of the region down. */
  region: FailureProcess;
  /**
   * A region impairment: the cloud's control plane, load balancers and DNS fail (cloud and dns
   * endpoints down), running VMs keep running, failed VMs and volumes cannot be replaced.
   */
  regionImpairment: FailureProcess;
  partition: FailureProcess;
  process: FailureProcess;
  loadBalancer: FailureProcess;
  operatorError: OperatorErrorProcess;
  maintenance: MaintenanceProcess;
}

export type EndpointKind = 'cloud' | 'keepalived' | 'local-proxy' | 'dns' | 'single-master';
export const ENDPOINT_KINDS: readonly EndpointKind[] = [
  'cloud',
  'keepalived',
  'local-proxy',
  'dns',
  'single-master',
];

export interface Endpoint {
  kind: EndpointKind;
  /** The zone of the pinned master, or of the first keepalived host; null for the other kinds. */
  zone: string | null;
  /** keepalived: the zones of its two hosts (the same zone twice for a pair in one zone). */
  hostZones: string[];
}

/** Where the workload's pods run: spread over every worker, or packed onto `workersNeeded`. */
export type Placement = 'spread' | 'packed';

export type EtcdPlacement = 'stacked' | 'external';

export interface Cluster {
  name: string;
  region: string;
  /** The zones of the cluster's region, in the order the region lists them. */
  zones: string[];
  masters: ZoneCounts;
  etcd: { placement: EtcdPlacement; members: ZoneCounts };
  endpoint: Endpoint;
  workers: ZoneCounts;
  workersNeeded: number;
  placement: Placement;
  /** Derived totals. */
  counts: { masters: number; etcdMembers: number; workers: number; quorum: number };
}

export interface Region {
  name: string;
  zones: string[];
  /** Weight of user traffic originating here (shares are users / sum of users). */
  users: number;
}

export type FailoverMode = 'cross-region' | 'local-only';

export interface Backup {
  intervalHours: Hours;
  restore: RepairDistribution;
  location: 'off-cluster' | 'on-etcd-nodes';
}

export interface Timers {
  leaseDurationHours: Hours;
  /** Per endpoint kind: how long the endpoint keeps sending to an apiserver that stopped. */
  endpointFailoverHours: Record<EndpointKind, Hours>;
  nodeMonitorGraceHours: Hours;
  podEvictionHours: Hours;
}

export type NodeRole = 'master' | 'etcd' | 'worker';

export type FailTarget =
  | { kind: 'zone'; region: string; zone: string }
  | { kind: 'region'; region: string }
  | { kind: 'impairment'; region: string }
  | { kind: 'node'; role: NodeRole; cluster: string; zone: string }
  | { kind: 'endpoint'; cluster: string };

/** A zone named with its region: `eu-west/b`. */
export interface ZoneRef {
  region: string;
  zone: string;
}

export type ScenarioEvent =
  | { kind: 'fail'; atHours: Hours; forHours: Hours; target: FailTarget }
  | { kind: 'partition'; atHours: Hours; forHours: Hours; sides: [ZoneRef[], ZoneRef[]] }
  | {
      kind: 'operatorError';
      atHours: Hours;
      forHours: Hours;
      clusters: string[];
      rollout: Rollout;
      effect: OperatorErrorEffect;
    }
  | { kind: 'maintenance'; atHours: Hours; clusters: string[] };

export type OperatorErrorEffect = 'api-down' | 'etcd-restore' | 'data-plane';

export const METRICS = ['etcdQuorum', 'api', 'scheduling', 'workloads'] as const;
export type Metric = (typeof METRICS)[number];
export const REGION_METRICS = ['served', 'local'] as const;
export type RegionMetric = (typeof REGION_METRICS)[number];

/** Deployment-wide metrics: the share of users served (regions weighted by their users). */
export const DEPLOYMENT_METRICS = ['usersServed'] as const;
export type DeploymentMetric = (typeof DEPLOYMENT_METRICS)[number];

export type Objectives = Partial<Record<Metric | RegionMetric | DeploymentMetric, number>>;

export interface Cost {
  master: number;
  etcd: number;
  worker: number;
  loadBalancer: number;
}

export interface Topology {
  version: 1;
  name: string;
  description?: string;
  regions: Region[];
  clusters: Cluster[];
  failover: FailoverMode;
  failures: Failures;
  backup: Backup;
  timers: Timers;
  events: ScenarioEvent[];
  simulation: { horizonHours: Hours; trials: number; seed: number };
  objectives: Objectives;
  cost: Cost;
}
