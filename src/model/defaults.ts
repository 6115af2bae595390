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
 * A failed self-managed master (or external etcd member) is replaced: its etcd member removed and
 * re-added (etcd runtime-configuration guide: "remove the member … then add a new member in its
 * place"), a new VM joined with kubeadm. By hand, stated judgement: page and acknowledge 5–15 min,
 * diagnose, `etcdctl member remove/add`, rebuild and rejoin 30–90 min ⇒ median 2 h; nights,
 * weekends and hardware swaps give the tail (p90 8 h). With Cluster API remediation
 * (MachineHealthCheck 300 s unhealthy timeout, nodeStartupTimeout 10 min, KCP delete + scale up)
 * it is about median 15 min, p90 45 min: write `master: { repair: { median: 15m, p90: 45m } }`.
 */
export const SELF_MANAGED_REPAIR: RepairDistribution = {
  kind: 'lognormal',
  medianHours: 2,
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
  // Region blackout, every VM of the region down: GCP europe-west9 (Paris) 2023-04-25 water
  // intrusion (the other zones back in about a day; the one zone out for weeks is a zone outage)
  // and OVHcloud SBG 2021-03-10 fire (restarts after ≈ 12 days): two such events in ~10³
  // region-years of the large providers ⇒ 0.003 a region-year (stated judgement, range
  // 0.001–0.01); repair median 24 h, p90 7 days (OVH's 12 days near the 95th percentile).
  region: { perYear: 0.003, repair: { kind: 'lognormal', medianHours: 24, p90Hours: 168 } },
  // Region impairment, the cloud's APIs, load balancers and DNS failing while running VMs keep
  // running: AWS us-east-1 2017-02-28 (S3, 4 h 17 m), 2020-11-25 (Kinesis, ≈ 17 h), 2021-12-07
  // (network, ≈ 7 h), 2025-10-19 (DynamoDB DNS, 14 h 32 m; NLB health checks failing for 8.5 h);
  // GCP 2019-06-02 (network control plane, 3–4.5 h). Durations ⇒ median 7 h, p90 17 h. Rate: a
  // judgement between the published floor (≈ 0.01 a region-year) and us-east-1 (≈ 0.45).
  regionImpairment: { perYear: 0.05, repair: { kind: 'lognormal', medianHours: 7, p90Hours: 17 } },
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
    // Stated judgement: every published fleet-wide Kubernetes outage broke the data plane —
    // Reddit 2023-03-14 (1.24 upgrade broke Calico route reflectors), Datadog 2023-03-08 (an
    // Ubuntu systemd update flushed Cilium's routes), OpenAI 2024-12-11 (a telemetry rollout
    // overloaded apiservers, then DNS), Skyscanner 2021-08-25 (a template deleted the services) —
    // but control-plane-only breakage rarely gets a post-mortem: 0.4 (range 0.25–0.6).
    dataPlaneShare: 0.4,
    rollout: { kind: 'all-at-once' },
  },
  // 3 minor and ~12 patch releases a year; one master at a time. Graceful: the endpoint stops
  // sending to a master before it stops (a load balancer probing /readyz with the apiserver's
  // --shutdown-delay-duration ≥ its detection time, or the node deregistered first). A pass waits
  // while the control plane is unhealthy: `kubeadm upgrade apply` checks "The control plane is
  // healthy" and etcd cluster health; Cluster API KubeadmControlPlane's preflightChecks requeue
  // until every control-plane machine's apiserver, controller-manager, scheduler, etcd pod and
  // etcd member is healthy.
  maintenance: { passesPerYear: 15, perMasterHours: 10 * MINUTE, graceful: true },
};

/**
 * The chance that a wave's bake catches a bad change, stated judgement: Microsoft's Gandalf
 * reports 99.8 % recall for control-plane rollouts (NSDI 2020), an upper bound for a mature,
 * telemetry-rich rollout; Reddit 2023 and OpenAI 2024 passed their staged testing and still broke
 * production (scale- and config-specific failures slip through canaries that are smaller or
 * different). 0.8, range 0.5–0.95.
 */
export const DEFAULT_DETECTION_PROBABILITY = 0.8;

/** Disk failures per member-year when etcd's data sits on a cloud volume (EBS AFR). */
export const CLOUD_DISK_PER_YEAR = 0.0015;

export const DEFAULT_BACKUP: Backup = {
  // RKE2 takes an etcd snapshot every 12 h by default.
  intervalHours: 12,
  restore: lognormalWithDefaultSpread(2),
  location: 'off-cluster',
};

export const DEFAULT_TIMERS: Timers = {
  // kube-controller-manager / kube-scheduler --leader-elect-lease-duration (15 s): the gap when a
  // leader fails. On a graceful stop kube-scheduler releases its lease (ReleaseOnCancel), so a
  // drained leader leaves no scheduling gap; kube-controller-manager does not before 1.37
  // (kubernetes#132599; the ControllerManagerReleaseLeaderElectionLockOnExit gate is alpha in
  // 1.36): its reconciliation pauses up to one lease, which delays but fails nothing.
  leaseDurationHours: 15 * SECOND,
  // How long the endpoint keeps sending to an apiserver that stopped, per kind:
  endpointFailoverHours: {
    // Health-check interval × unhealthy threshold: AWS NLB API defaults 30 s × 2, GCP 5 s × 2,
    // Azure 15 s × 1; the apiserver LBs of kops (AWS 10 s × 2), CAPA (5 s × 6), CAPG (5 s × 6) and
    // CAPZ (15 s × 1): 10–60 s, 30 s typical.
    cloud: 30 * SECOND,
    // The kubeadm HA guide's HAProxy behind the VIP sets no inter/fall: HAProxy's defaults,
    // inter 2 s × fall 3 (VRRP moves the VIP off a dead host in 3 × 1 s + 156/256 s ≈ 3.6 s).
    keepalived: 6 * SECOND,
    // kubespray's default nginx proxy: proxy_connect_timeout 1s, max_fails 1 (nginx default): a
    // failed connect is passed to the next apiserver within a second.
    'local-proxy': 1 * SECOND,
    // kops dns-controller writes its records with a 60 s TTL (DefaultTTL = time.Minute).
    dns: 60 * SECOND,
    // Nothing to fail over to.
    'single-master': 0,
  },
  // kube-controller-manager --node-monitor-grace-period: 50 s since Kubernetes 1.32 (#126287;
  // 40 s before).
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

/**
 * SLA-style accounting counts only outages at least this long: GKE's SLA counts "Downtime
 * Periods" of five consecutive minutes ("Intermittent Downtime for a period of less than five
 * minutes will not be counted", cloud.google.com/kubernetes-engine/sla).
 */
export const DEFAULT_SLA_MIN_OUTAGE_HOURS = 5 / 60;

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
 * [1000, 2000) ms counted in 100 ms ticks from the last heartbeat (≤ 100 ms before the kill), so no
 * gap can be shorter than ~0.8 s (a later loaded run measured 0.89 s).
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
