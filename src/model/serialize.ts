/**
 * Topology → ScenarioFile: every field written out explicitly, so that loading the result
 * gives back an equal Topology (the round-trip property of the model).
 */
import { formatFailTarget } from './references.js';
import type { RepairWritten, ScenarioFile } from './schema.js';
import type {
  Endpoint,
  EndpointKind,
  FailureProcess,
  RepairDistribution,
  Rollout,
  ScenarioEvent,
  Topology,
} from './topology.js';
import { formatDuration } from './units.js';

export function serializeTopology(t: Topology): ScenarioFile {
  const f = t.failures;
  const file: ScenarioFile = {
    version: 1,
    name: t.name,
    regions: t.regions.map((r) => ({ name: r.name, zones: [...r.zones], users: r.users })),
    clusters: t.clusters.map((c) => ({
      name: c.name,
      region: c.region,
      masters: { ...c.masters },
      etcd: c.etcd.placement === 'stacked' ? 'stacked' : { ...c.etcd.members },
      endpoint: endpoint(c.endpoint),
      workers: { ...c.workers },
      workersNeeded: c.workersNeeded,
      placement: c.placement,
    })),
    failover: t.failover,
    failures: {
      node: failure(f.node),
      master: failure(f.master),
      etcd: failure(f.etcd),
      worker: failure(f.worker),
      disk: { ...failure(f.disk), storage: f.disk.storage },
      zone: failure(f.zone),
      region: failure(f.region),
      regionImpairment: failure(f.regionImpairment),
      partition: failure(f.partition),
      process: failure(f.process),
      loadBalancer: failure(f.loadBalancer),
      operatorError: {
        changesPerYear: f.operatorError.changesPerYear,
        badChangeProbability: f.operatorError.badChangeProbability,
        repair: repair(f.operatorError.repair),
        apiDownShare: f.operatorError.apiDownShare,
        restoreShare: f.operatorError.restoreShare,
        dataPlaneShare: f.operatorError.dataPlaneShare,
        rollout: rollout(f.operatorError.rollout),
      },
      maintenance: {
        passesPerYear: f.maintenance.passesPerYear,
        perMaster: formatDuration(f.maintenance.perMasterHours),
        graceful: f.maintenance.graceful,
      },
    },
    backup: {
      interval: formatDuration(t.backup.intervalHours),
      restore: repair(t.backup.restore),
      location: t.backup.location,
    },
    timers: {
      leaseDuration: formatDuration(t.timers.leaseDurationHours),
      endpointFailover: endpointFailover(t.timers.endpointFailoverHours),
      nodeMonitorGrace: formatDuration(t.timers.nodeMonitorGraceHours),
      podEviction: formatDuration(t.timers.podEvictionHours),
    },
    events: t.events.map(event),
    simulation: {
      horizon: formatDuration(t.simulation.horizonHours),
      trials: t.simulation.trials,
      seed: t.simulation.seed,
    },
    objectives: { ...t.objectives },
    cost: {
      master: t.cost.master,
      etcd: t.cost.etcd,
      worker: t.cost.worker,
      loadBalancer: t.cost.loadBalancer,
    },
  };
  if (t.description !== undefined) file.description = t.description;
  return file;
}

// --- internal ---

function failure(p: FailureProcess): { perYear: number; repair: RepairWritten } {
  return { perYear: p.perYear, repair: repair(p.repair) };
}

function repair(r: RepairDistribution): RepairWritten {
  switch (r.kind) {
    case 'exponential':
      return { mean: formatDuration(r.meanHours) };
    case 'lognormal':
      return { median: formatDuration(r.medianHours), p90: formatDuration(r.p90Hours) };
    case 'fixed':
      return { fixed: formatDuration(r.hours) };
    case 'weibull':
      return { weibull: { shape: r.shape, scale: formatDuration(r.scaleHours) } };
  }
}

function rollout(
  r: Rollout,
):
  | 'all-at-once'
  | { waves: (number | 'all')[]; detection: string; bake: string; detectionProbability: number } {
  return r.kind === 'all-at-once'
    ? 'all-at-once'
    : {
        waves: [...r.waves],
        detection: formatDuration(r.detectionHours),
        bake: formatDuration(r.bakeHours),
        detectionProbability: r.detectionProbability,
      };
}

type EndpointWritten = NonNullable<ScenarioFile['clusters'][number]['endpoint']>;

function endpoint(e: Endpoint): EndpointWritten {
  if (e.zone === null) return e.kind;
  const [a, b] = e.hostZones;
  if (a !== undefined && b !== undefined && a !== b) return { kind: e.kind, zones: [a, b] };
  return { kind: e.kind, zone: e.zone };
}

type FailoverWritten = NonNullable<NonNullable<ScenarioFile['timers']>['endpointFailover']>;

function endpointFailover(hours: Record<EndpointKind, number>): FailoverWritten {
  const { cloud, keepalived, dns } = hours;
  const proxy = hours['local-proxy'];
  if (cloud === keepalived && cloud === proxy && cloud === dns) return formatDuration(cloud);
  return {
    cloud: formatDuration(cloud),
    keepalived: formatDuration(keepalived),
    'local-proxy': formatDuration(proxy),
    dns: formatDuration(dns),
  };
}

function event(e: ScenarioEvent): NonNullable<ScenarioFile['events']>[number] {
  const at = formatDuration(e.atHours);
  switch (e.kind) {
    case 'fail':
      return { at, for: formatDuration(e.forHours), fail: formatFailTarget(e.target) };
    case 'partition':
      return {
        at,
        for: formatDuration(e.forHours),
        partition: [
          e.sides[0].map((z) => `${z.region}/${z.zone}`),
          e.sides[1].map((z) => `${z.region}/${z.zone}`),
        ],
      };
    case 'operatorError':
      return {
        at,
        for: formatDuration(e.forHours),
        operatorError: { clusters: [...e.clusters], rollout: rollout(e.rollout), effect: e.effect },
      };
    case 'maintenance':
      return { at, maintenance: { clusters: [...e.clusters] } };
  }
}

/** A rollout as written in a scenario file (`all-at-once` or `{ waves, detection }`). */
export { rollout as serializeRollout };
