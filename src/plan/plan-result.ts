/**
 * The data `hasim plan` computes: cluster counts per mode, the layout every cluster gets and
 * the VMs that adds up to; with availability targets, the recommender's search: the cheapest
 * layout meeting every target (exact engine, confirmed by a short Monte Carlo run), the front of
 * cost against each target metric, or what comes closest and what limits it. Versioned and
 * JSON-serializable; the search's fields are optional, so a plan without targets is unchanged.
 */
import type { EndpointKind, EtcdPlacement, Rollout } from '../model/topology.js';
import type { ClusterMode } from '../quorum/cluster-count.js';
import type { ClusterSplit } from '../quorum/cluster-split.js';
import type { SimulationResult } from '../sim/stats/simulation-result.js';
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
  // The recommender's fields: present when the plan was given at least one target.
  /** Availability targets in percent, e.g. `{ api: 99.95 }`. */
  targets?: PlanTargets;
  /** What was searched: the deployment every candidate is evaluated in, costs, rules. */
  search?: PlanSearch;
  /** Candidate layouts evaluated with the exact engine (the search is exhaustive). */
  candidatesEvaluated?: number;
  /** The cheapest candidate meeting every target; null when none does. */
  recommended?: Recommendation | null;
  /** Per target metric, the Pareto front of cost against that metric's availability. */
  front?: Partial<Record<PlanMetric, EvaluatedCandidate[]>>;
  /** When no candidate meets every target: the one that comes closest; else null. */
  closest?: ClosestCandidate | null;
  /** When no candidate meets every target: what limits the closest one; else null. */
  limitedBy?: Limit | null;
}

/**
 * The metrics a plan can target. Cluster metrics are judged on the worst cluster of the
 * deployment, `served` on the worst region (every region's users must be served), `usersServed`
 * on the deployment (the share of users served, regions weighted by their users).
 */
export const PLAN_METRICS = [
  'etcdQuorum',
  'api',
  'scheduling',
  'workloads',
  'served',
  'usersServed',
] as const;
export type PlanMetric = (typeof PLAN_METRICS)[number];

/** Availability targets in percent (99.95 means at most 0.05 % of the time down). */
export type PlanTargets = Partial<Record<PlanMetric, number>>;

/**
 * The cluster-count modes a deployment can be evaluated in. Not availability-only: it assumes
 * one cluster carries everyone, while the exact engine's failover needs a cluster to spare.
 */
export type EvaluatedMode = Extract<ClusterMode, 'local' | 'failoverWithCapacity'>;

/** How masters are taken out of service for upgrades (`failures.maintenance.graceful`). */
export type MaintenanceStyle = 'graceful' | 'abrupt';

/** Yearly costs, in whatever unit the user chose (default: 1 per VM-year). */
export interface CostModel {
  /** Per master VM; keepalived's HAProxy hosts are priced as masters. */
  master: number;
  /** Per external etcd VM. */
  etcd: number;
  worker: number;
  /** Per cloud load balancer. */
  loadBalancer: number;
  /** Where the figures come from. */
  source: 'default' | 'scenario' | 'flags' | 'scenario and flags';
}

/** The deployment candidates are evaluated in and the rules of the search. */
export interface PlanSearch {
  mode: EvaluatedMode;
  /** Clusters of the mode, every one with the candidate's layout. */
  clusters: number;
  regions: { name: string; zones: string[]; users: number; clusters: number }[];
  /** `defaults` (docs/model.md) or the scenario file the failures came from. */
  failures: string;
  cost: CostModel;
  /** How equal-cost candidates that meet every target are ordered, in words. */
  tieBreak: string;
  /** What was pruned without evaluation and why it is safe (empty when nothing was). */
  pruning: string[];
}

/** One cluster's layout as a candidate of the search. */
export interface CandidateLayout {
  /** Unique among the candidates, stable across runs: `m1+1+1 stacked cloud w1 abrupt all-at-once`. */
  key: string;
  /** In words, e.g. `3 masters 1+1+1, stacked etcd, cloud endpoint, workers for 1 zone loss`. */
  label: string;
  zones: string[];
  masters: Record<string, number>;
  etcd: { placement: EtcdPlacement; members: Record<string, number> };
  /** keepalived: `hostZones` are its two hosts' zones (the same zone twice for a pair in one). */
  endpoint: { kind: EndpointKind; zone: string | null; hostZones: string[] };
  workers: { needed: number; perZone: Record<string, number>; total: number; zoneLosses: number };
  maintenance: MaintenanceStyle;
  rollout: Rollout;
  vms: ClusterVms;
}

export interface CandidateCost {
  /** One cluster, per year. */
  perCluster: number;
  /** Every cluster of the evaluated mode, per year. */
  total: number;
  /** One cluster's cost by item, per year. */
  breakdown: { masters: number; etcd: number; workers: number; endpoint: number };
}

/** A candidate with its exact steady-state figures (availability in [0, 1] per metric). */
export interface EvaluatedCandidate {
  layout: CandidateLayout;
  availability: Record<PlanMetric, number>;
  cost: CandidateCost;
  meetsTargets: boolean;
}

/** A simulated availability of the worst cluster (region), with its 95 % interval. */
export interface SimulatedFigure {
  /** The cluster (region for served) the exact engine finds worst. */
  of: string;
  mean: number;
  ci95: [number, number];
  /** met: the interval's lower end reaches the target; not-met: its upper end is below. */
  target?: { percent: number; status: 'met' | 'not-met' | 'undecided' };
  /**
   * The SLA view of the target: P(a calendar month misses it), with its 95 % interval — a yearly
   * mean can meet a target that many single months miss.
   */
  monthMissProbability?: { mean: number; ci95: [number, number] };
}

/** The Monte Carlo run that confirms a recommendation (default timers and operator error). */
export interface PlanConfirmation {
  seed: number;
  trials: number;
  horizonHours: number;
  method: 'monte-carlo' | 'monte-carlo+importance-sampling';
  /** Kubernetes' timers as simulated (the simulator's own form). */
  timersHours: SimulationResult['timersHours'];
  /** Every plan metric the simulator reports. */
  availability: Partial<Record<PlanMetric, SimulatedFigure>>;
}

export interface Recommendation extends EvaluatedCandidate {
  /** Why it beats its nearest cheaper rival, in one sentence built from their differences. */
  why: string;
  /** The nearest cheaper candidate (the best of the next lower cost); null when none is cheaper. */
  rival: EvaluatedCandidate | null;
  /** The seeded Monte Carlo confirmation; null when it was skipped. */
  simulation: PlanConfirmation | null;
}

export interface Shortfall {
  metric: PlanMetric;
  targetPercent: number;
  availabilityPercent: number;
  /** Downtime over the downtime the target allows (> 1 when missed). */
  downtimeRatio: number;
}

export interface ClosestCandidate extends EvaluatedCandidate {
  /** The targets it misses, worst first. */
  shortfall: Shortfall[];
}

/** What limits the closest candidate: the top contributors to its worst-missed metric. */
export interface Limit {
  metric: PlanMetric;
  /** The cluster or region the figure is of. */
  of: string;
  /** Downtime removed if the cause never happened (exact attribution), largest first. */
  contributors: { cause: string; downtimeMinutesPerYear: number }[];
  singlePointsOfFailure: string[];
  /** In words, e.g. `api of r1-1 is limited by operatorError (…min/yr of …)`. */
  sentence: string;
}
