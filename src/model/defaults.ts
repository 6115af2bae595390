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

export const DEFAULT_FAILURES: Failures = {
  node: nodeDefault,
  master: nodeDefault,
  etcd: nodeDefault,
  worker: nodeDefault,
  // Backblaze 2024 drive AFR 1.57 % (local disks); EBS volumes 0.1–0.2 % AFR (cloud).
  disk: { perYear: 0.015, repair: lognormalWithDefaultSpread(1), storage: 'local' },
  // Public availability-zone post-mortems 2011–2023.
  zone: { perYear: 0.02, repair: { kind: 'lognormal', medianHours: 3, p90Hours: 14 } },
  // AWS us-east-1 2017 and 2021, GCP 2019.
  region: { perYear: 0.05, repair: lognormalWithDefaultSpread(4) },
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
    rollout: { kind: 'all-at-once' },
  },
  // 3 minor and ~12 patch releases a year; one master at a time.
  maintenance: { passesPerYear: 15, perMasterHours: 10 * MINUTE },
};

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
  // A load balancer health check interval × unhealthy threshold.
  endpointFailoverHours: 10 * SECOND,
  // kube-controller-manager --node-monitor-grace-period since Kubernetes 1.32.
  nodeMonitorGraceHours: 50 * SECOND,
  // The default not-ready/unreachable toleration (tolerationSeconds: 300).
  podEvictionHours: 300 * SECOND,
};

export const DEFAULT_SIMULATION = { horizonHours: 8760, trials: 20_000, seed: 1 } as const;
export const DEFAULT_NODE_COST = 1;

/**
 * The etcd leader-election gap as measured on a real etcd by `hasim lab --experiments elections`
 * (docs/lab.md). Not a model input: hasim's model has no etcd election timer (quorum changes at
 * once, docs/model.md "Timers"); this is what that 0 leaves out. Method: 3 members (1+1+1, a
 * network namespace per zone), SIGKILL of the leader, then writes through both survivors every
 * 10 ms; the gap runs from the kill to the first successful linearizable write. etcd 3.4.23
 * (Debian bookworm etcd-server) with its default timers (heartbeat 100 ms, election timeout
 * 1000 ms), n = 20 kills, on the hasim development machine (2 shared cores, heavily loaded),
 * 2026-12-02: median 1.26 s, p95 1.67 s, range 1.05–2.00 s. Runs of 10 kills under heavier load
 * gave medians of 1.36–1.62 s and p95s up to 2.5 s. Raft draws each follower's timeout from
 * [1000, 2000) ms, so no gap can be shorter than ~0.9 s.
 */
export const MEASURED_ETCD_ELECTION_GAP = {
  etcdVersion: '3.4.23',
  heartbeatMs: 100,
  electionTimeoutMs: 1000,
  kills: 20,
  medianSeconds: 1.26,
  p95Seconds: 1.67,
  minSeconds: 1.05,
  maxSeconds: 2.0,
  measuredOn: '2026-12-02',
} as const;
