/**
 * Defaults of the availability model (model.md §2, §3). Each figure names its source so a
 * reader can judge it; docs/model.md explains them for users.
 */
import type { Backup, Failures, RepairDistribution, Timers } from './topology.js';

const MINUTE = 1 / 60;
const SECOND = 1 / 3600;

/**
 * Spread of a lognormal repair given only its median: p90 = median × e^(z90·σ) with σ = 1,
 * i.e. p90 ≈ 3.6 × median. Between the node default (p90/median = 6) and the zone default
 * (≈ 4.7), which come from the sources below.
 */
export const DEFAULT_LOGNORMAL_SIGMA = 1;
/** The 90th percentile of the standard normal distribution. */
export const Z90 = 1.2815515655446004;

export function lognormalWithDefaultSpread(medianHours: number): RepairDistribution {
  return {
    kind: 'lognormal',
    medianHours,
    p90Hours: medianHours * Math.exp(Z90 * DEFAULT_LOGNORMAL_SIGMA),
  };
}

const nodeDefault = {
  // Between EBS-grade hosts and Dean 2008 fleet data; GKE node auto-repair takes ~10 min.
  perYear: 0.2,
  repair: { kind: 'lognormal', medianHours: 10 * MINUTE, p90Hours: 1 },
} as const satisfies Failures['node'];

/**
 * A self-managed master (or external etcd member) is repaired by replacing it: a new VM joins
 * the control plane and its etcd member is removed and re-added. PENDING source.
 */
export const SELF_MANAGED_REPAIR: RepairDistribution = {
  kind: 'lognormal',
  medianHours: 1,
  p90Hours: 8,
};

export const DEFAULT_FAILURES: Failures = {
  node: nodeDefault,
  master: { perYear: nodeDefault.perYear, repair: SELF_MANAGED_REPAIR },
  etcd: { perYear: nodeDefault.perYear, repair: SELF_MANAGED_REPAIR },
  worker: nodeDefault,
  // Backblaze 2024 drive AFR 1.57 % (local disks); EBS volumes 0.1–0.2 % AFR (cloud).
  disk: { perYear: 0.015, repair: lognormalWithDefaultSpread(1), storage: 'local' },
  // Public availability-zone post-mortems 2011–2023.
  zone: { perYear: 0.02, repair: { kind: 'lognormal', medianHours: 3, p90Hours: 14 } },
  // Region blackout (every VM down): PENDING source.
  region: { perYear: 0.005, repair: { kind: 'lognormal', medianHours: 8, p90Hours: 48 } },
  // Region impairment: AWS us-east-1 2017 and 2021, GCP 2019. PENDING.
  regionImpairment: { perYear: 0.05, repair: lognormalWithDefaultSpread(4) },
  // Dean 2008; Bailis & Kingsbury 2014 ("The network is reliable").
  partition: { perYear: 0.1, repair: lognormalWithDefaultSpread(20 * MINUTE) },
  // The kubelet restarts a crashed static pod within its back-off.
  process: { perYear: 1, repair: { kind: 'fixed', hours: 30 * SECOND } },
  // A 99.99 % load balancer SLA.
  loadBalancer: { perYear: 0.1, repair: lognormalWithDefaultSpread(30 * MINUTE) },
  // Google SRE: ~70 % of outages come from changes; DORA change-failure rates.
  operatorError: {
    changesPerYear: 26,
    badChangeProbability: 0.02,
    repair: lognormalWithDefaultSpread(45 * MINUTE),
    apiDownShare: 0.3,
    restoreShare: 0.05,
    // PENDING source.
    dataPlaneShare: 0.2,
    rollout: { kind: 'all-at-once' },
  },
  // 3 minor and ~12 patch releases a year; one master at a time, drained first.
  maintenance: { passesPerYear: 15, perMasterHours: 10 * MINUTE, graceful: true },
};

/** The chance that a wave's bake catches a bad change (rollout waves). PENDING source. */
export const DEFAULT_DETECTION_PROBABILITY = 0.7;

/** Disk failures per member-year when etcd's data sits on a cloud volume (EBS AFR). */
export const CLOUD_DISK_PER_YEAR = 0.0015;

export const DEFAULT_BACKUP: Backup = {
  // RKE2 takes an etcd snapshot every 12 h by default.
  intervalHours: 12,
  restore: lognormalWithDefaultSpread(2),
  location: 'off-cluster',
};

export const DEFAULT_TIMERS: Timers = {
  // kube-controller-manager / kube-scheduler --leader-elect-lease-duration.
  leaseDurationHours: 15 * SECOND,
  // PENDING per-kind sources.
  endpointFailoverHours: {
    cloud: 20 * SECOND,
    keepalived: 20 * SECOND,
    'local-proxy': 10 * SECOND,
    dns: 30 * SECOND,
    'single-master': 0,
  },
  // kube-controller-manager --node-monitor-grace-period since Kubernetes 1.32.
  nodeMonitorGraceHours: 50 * SECOND,
  // The default not-ready/unreachable toleration (tolerationSeconds: 300).
  podEvictionHours: 300 * SECOND,
};

/** Every Kubernetes timer at 0: the predicates are instantaneous (what `hasim analyze` computes). */
export const ZERO_TIMERS: Timers = {
  leaseDurationHours: 0,
  endpointFailoverHours: { cloud: 0, keepalived: 0, 'local-proxy': 0, dns: 0, 'single-master': 0 },
  nodeMonitorGraceHours: 0,
  podEvictionHours: 0,
};

export const DEFAULT_SIMULATION = { horizonHours: 8760, trials: 20_000, seed: 1 } as const;
export const DEFAULT_NODE_COST = 1;
