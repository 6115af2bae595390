/**
 * ScenarioFile (as written) → Topology (defaults filled in, names resolved, durations in
 * hours). Call it only on a file that passed the schema and the rules: it trusts them.
 */
import {
  CLOUD_DISK_PER_YEAR,
  DEFAULT_BACKUP,
  DEFAULT_DETECTION_PROBABILITY,
  DEFAULT_FAILURES,
  DEFAULT_NODE_COST,
  DEFAULT_SIMULATION,
  DEFAULT_TIMERS,
  DEFAULT_LOGNORMAL_SIGMA,
  Z90,
} from './defaults.js';
import { resolveClusters, resolveFailTarget, resolveZone, type NameIndex } from './references.js';
import { buildNameIndex } from './rules.js';
import type { FailureClassWritten, RepairWritten, ScenarioFile } from './schema.js';
import type {
  Cluster,
  EndpointKind,
  FailureProcess,
  Failures,
  RepairDistribution,
  Rollout,
  ScenarioEvent,
  Topology,
  ZoneCounts,
} from './topology.js';
import { repairMedianHours } from './repair.js';
import { HOURS_PER_YEAR, parseDuration } from './units.js';

export function normalizeScenario(file: ScenarioFile): Topology {
  const index = buildNameIndex({ regions: file.regions, clusters: file.clusters });
  const failures = normalizeFailures(file.failures ?? {});
  const topology: Topology = {
    version: 1,
    name: file.name,
    regions: file.regions.map((r) => ({ name: r.name, zones: [...r.zones], users: r.users ?? 1 })),
    clusters: file.clusters.map((c) => normalizeCluster(c, index)),
    failover: file.failover ?? 'cross-region',
    failures,
    backup: {
      intervalHours: duration(file.backup?.interval, DEFAULT_BACKUP.intervalHours),
      restore: repair(file.backup?.restore, DEFAULT_BACKUP.restore),
      location: file.backup?.location ?? DEFAULT_BACKUP.location,
    },
    timers: {
      leaseDurationHours: duration(file.timers?.leaseDuration, DEFAULT_TIMERS.leaseDurationHours),
      endpointFailoverHours: endpointFailover(file.timers?.endpointFailover),
      nodeMonitorGraceHours: duration(
        file.timers?.nodeMonitorGrace,
        DEFAULT_TIMERS.nodeMonitorGraceHours,
      ),
      podEvictionHours: duration(file.timers?.podEviction, DEFAULT_TIMERS.podEvictionHours),
    },
    events: (file.events ?? []).map((e) => normalizeEvent(e, index, failures)),
    simulation: {
      horizonHours: duration(file.simulation?.horizon, DEFAULT_SIMULATION.horizonHours),
      trials: file.simulation?.trials ?? DEFAULT_SIMULATION.trials,
      seed: file.simulation?.seed ?? DEFAULT_SIMULATION.seed,
    },
    objectives: Object.fromEntries(
      Object.entries(file.objectives ?? {}).filter(([, v]) => v !== undefined),
    ),
    cost: normalizeCost(file.cost ?? {}),
  };
  if (file.description !== undefined) topology.description = file.description;
  return topology;
}

/** Hours of a written duration; the schema has already checked the text. */
function duration(text: string | 0 | undefined, fallback: number): number {
  return text === undefined ? fallback : (parseDuration(String(text)) ?? fallback);
}

export function normalizeRepair(written: RepairWritten): RepairDistribution {
  if (written.mean !== undefined)
    return { kind: 'exponential', meanHours: duration(written.mean, 0) };
  if (written.fixed !== undefined) return { kind: 'fixed', hours: duration(written.fixed, 0) };
  if (written.weibull !== undefined) {
    return {
      kind: 'weibull',
      shape: written.weibull.shape,
      scaleHours: duration(written.weibull.scale, 0),
    };
  }
  const median = duration(written.median, 0);
  const p90 =
    written.p90 === undefined
      ? median * Math.exp(Z90 * DEFAULT_LOGNORMAL_SIGMA)
      : duration(written.p90, 0);
  return { kind: 'lognormal', medianHours: median, p90Hours: p90 };
}

function repair(
  written: RepairWritten | undefined,
  fallback: RepairDistribution,
): RepairDistribution {
  return written === undefined ? fallback : normalizeRepair(written);
}

type FailoverWritten = NonNullable<NonNullable<ScenarioFile['timers']>['endpointFailover']>;

/** One duration for every kind, or some kinds given and the others at their defaults. */
function endpointFailover(written: FailoverWritten | undefined): Record<EndpointKind, number> {
  const d = DEFAULT_TIMERS.endpointFailoverHours;
  if (written === undefined) return { ...d };
  if (typeof written !== 'object') {
    const all = duration(written, 0);
    return { cloud: all, keepalived: all, 'local-proxy': all, dns: all, 'single-master': 0 };
  }
  return {
    cloud: duration(written.cloud, d.cloud),
    keepalived: duration(written.keepalived, d.keepalived),
    'local-proxy': duration(written['local-proxy'], d['local-proxy']),
    dns: duration(written.dns, d.dns),
    'single-master': d['single-master'],
  };
}

function process(
  written: FailureClassWritten | undefined,
  fallback: FailureProcess,
): FailureProcess {
  if (written === undefined) return fallback;
  const perYear =
    written.perYear ??
    (written.mttf === undefined ? fallback.perYear : HOURS_PER_YEAR / duration(written.mttf, 0));
  return { perYear, repair: repair(written.repair, fallback.repair) };
}

function normalizeFailures(written: NonNullable<ScenarioFile['failures']>): Failures {
  const d = DEFAULT_FAILURES;
  const node = process(written.node, d.node);
  const storage = written.disk?.storage ?? d.disk.storage;
  const diskDefault = {
    ...d.disk,
    perYear: storage === 'cloud' ? CLOUD_DISK_PER_YEAR : d.disk.perYear,
  };
  const oe = written.operatorError ?? {};
  const m = written.maintenance ?? {};
  // Masters and external etcd members inherit the node class, but keep their own default
  // repair (a replacement, defaults.ts) unless the node class's repair is written.
  const selfManaged = (role: FailureProcess): FailureProcess => ({
    perYear: node.perYear,
    repair: written.node?.repair === undefined ? role.repair : node.repair,
  });
  return {
    node,
    master: process(written.master, selfManaged(d.master)),
    etcd: process(written.etcd, selfManaged(d.etcd)),
    worker: process(written.worker, node),
    disk: { ...process(written.disk, diskDefault), storage },
    zone: process(written.zone, d.zone),
    region: process(written.region, d.region),
    regionImpairment: process(written.regionImpairment, d.regionImpairment),
    partition: process(written.partition, d.partition),
    process: process(written.process, d.process),
    loadBalancer: process(written.loadBalancer, d.loadBalancer),
    operatorError: {
      changesPerYear: oe.changesPerYear ?? d.operatorError.changesPerYear,
      badChangeProbability: oe.badChangeProbability ?? d.operatorError.badChangeProbability,
      repair: repair(oe.repair, d.operatorError.repair),
      apiDownShare: oe.apiDownShare ?? d.operatorError.apiDownShare,
      restoreShare: oe.restoreShare ?? d.operatorError.restoreShare,
      dataPlaneShare: oe.dataPlaneShare ?? d.operatorError.dataPlaneShare,
      rollout: oe.rollout === undefined ? d.operatorError.rollout : normalizeRollout(oe.rollout),
    },
    maintenance: {
      passesPerYear: m.passesPerYear ?? d.maintenance.passesPerYear,
      perMasterHours: duration(m.perMaster, d.maintenance.perMasterHours),
      graceful: m.graceful ?? d.maintenance.graceful,
    },
  };
}

type RolloutWritten =
  | 'all-at-once'
  | {
      waves: (number | 'all')[];
      detection: string | 0;
      bake?: string | 0 | undefined;
      detectionProbability?: number | undefined;
    };

function normalizeRollout(written: RolloutWritten): Rollout {
  if (written === 'all-at-once') return { kind: 'all-at-once' };
  return {
    kind: 'waves',
    waves: [...written.waves],
    bakeHours: duration(written.bake ?? written.detection, 0),
    detectionHours: duration(written.detection, 0),
    detectionProbability: written.detectionProbability ?? DEFAULT_DETECTION_PROBABILITY,
  };
}

function zoneCounts(zones: string[], written: Record<string, number>): ZoneCounts {
  return Object.fromEntries(zones.map((z) => [z, written[z] ?? 0]));
}

function total(counts: ZoneCounts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function normalizeCluster(c: ScenarioFile['clusters'][number], index: NameIndex): Cluster {
  const zones = [...(index.regions.get(c.region) ?? [])];
  const masters = zoneCounts(zones, c.masters);
  const stacked = c.etcd === undefined || c.etcd === 'stacked';
  const members = stacked ? { ...masters } : zoneCounts(zones, c.etcd as Record<string, number>);
  const workers = zoneCounts(zones, c.workers);
  const written = c.endpoint ?? 'cloud';
  const kind = typeof written === 'string' ? written : written.kind;
  const pinned = kind === 'keepalived' || kind === 'single-master';
  const firstMasterZone = zones.find((z) => (masters[z] ?? 0) > 0) ?? zones[0] ?? null;
  const hosts = typeof written === 'string' ? undefined : written.zones;
  const zone = pinned
    ? (hosts?.[0] ?? (typeof written === 'string' ? undefined : written.zone) ?? firstMasterZone)
    : null;
  const hostZones =
    kind !== 'keepalived' || zone === null ? [] : hosts === undefined ? [zone, zone] : [...hosts];
  const etcdMembers = total(members);
  return {
    name: c.name,
    region: c.region,
    zones,
    masters,
    etcd: { placement: stacked ? 'stacked' : 'external', members },
    endpoint: { kind, zone, hostZones },
    workers,
    workersNeeded: c.workersNeeded ?? total(workers),
    placement: c.placement ?? 'spread',
    counts: {
      masters: total(masters),
      etcdMembers,
      workers: total(workers),
      quorum: Math.floor(etcdMembers / 2) + 1,
    },
  };
}

function normalizeEvent(
  e: NonNullable<ScenarioFile['events']>[number],
  index: NameIndex,
  failures: Failures,
): ScenarioEvent {
  const atHours = duration(e.at, 0);
  const medianOf = (r: RepairDistribution): number => repairMedianHours(r);
  if (e.fail !== undefined) {
    const target = resolveFailTarget(e.fail, index);
    if (!target.ok) throw new Error(`normalize: unchecked fail target ${e.fail}`);
    const t = target.value;
    const cls =
      t.kind === 'zone'
        ? failures.zone
        : t.kind === 'region'
          ? failures.region
          : t.kind === 'impairment'
            ? failures.regionImpairment
            : t.kind === 'endpoint'
              ? failures.loadBalancer
              : failures[t.role];
    return { kind: 'fail', atHours, forHours: duration(e.for, medianOf(cls.repair)), target: t };
  }
  if (e.partition !== undefined) {
    const side = (names: string[]): { region: string; zone: string }[] =>
      names.map((n) => {
        const z = resolveZone(n, index);
        if (!z.ok) throw new Error(`normalize: unchecked zone ${n}`);
        return z.value;
      });
    return {
      kind: 'partition',
      atHours,
      forHours: duration(e.for, medianOf(failures.partition.repair)),
      sides: [side(e.partition[0]), side(e.partition[1])],
    };
  }
  const clusters = (list: 'all' | string[]): string[] => {
    const r = resolveClusters(list, index);
    if (!r.ok) throw new Error(`normalize: unchecked clusters ${String(list)}`);
    return r.value;
  };
  if (e.operatorError !== undefined) {
    const oe = e.operatorError;
    return {
      kind: 'operatorError',
      atHours,
      forHours: duration(e.for, medianOf(failures.operatorError.repair)),
      clusters: clusters(oe.clusters),
      rollout:
        oe.rollout === undefined ? failures.operatorError.rollout : normalizeRollout(oe.rollout),
      effect: oe.effect ?? 'api-down',
    };
  }
  if (e.maintenance !== undefined) {
    return { kind: 'maintenance', atHours, clusters: clusters(e.maintenance.clusters) };
  }
  throw new Error('normalize: an event without an action passed the schema');
}

function normalizeCost(c: NonNullable<ScenarioFile['cost']>): Topology['cost'] {
  const node = c.node ?? DEFAULT_NODE_COST;
  return {
    master: c.master ?? node,
    etcd: c.etcd ?? node,
    worker: c.worker ?? node,
    loadBalancer: c.loadBalancer ?? 0,
  };
}
