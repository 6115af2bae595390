/**
 * `hasim init`: a commented starting scenario from a few counts. Masters and external etcd
 * members are spread as evenly as the zones allow (quorum/balancedSpread); workers are sized so
 * that losing one zone leaves enough (quorum/headroom: utilisation ≤ (Z − 1)/Z).
 */
import type { ScenarioFile } from '../model/schema.js';
import type { EndpointKind, FailoverMode } from '../model/topology.js';
import { balancedSpread } from '../quorum/domain-tolerance.js';
import type { CommentedDocument, YamlNote } from './commented-yaml.js';

export interface StartingScenarioOptions {
  name: string;
  regions: number;
  zones: number;
  clustersPerRegion: number;
  masters: number;
  /** `stacked`, or the number of external etcd members. */
  etcd: 'stacked' | number;
  workersPerZone: number;
  /** Default: what is left after losing the largest zone (or every worker with one zone). */
  workersNeeded?: number;
  endpoint: EndpointKind;
  failover: FailoverMode;
  /** Where editors find the JSON Schema, relative to the scenario file (or a URL). */
  schemaPath: string;
  /** The command that made the file, quoted in its header. */
  commandLine: string;
}

export const DEFAULT_STARTING_OPTIONS: StartingScenarioOptions = {
  name: 'new-platform',
  regions: 1,
  zones: 3,
  clustersPerRegion: 1,
  masters: 3,
  etcd: 'stacked',
  workersPerZone: 2,
  endpoint: 'cloud',
  failover: 'cross-region',
  schemaPath: '../schema/scenario.schema.json',
  commandLine: 'hasim init',
};

/** Zone names a, b, c, …: scenario names, to be replaced by the cloud's (eu-west-1a, …). */
export const MAX_INIT_ZONES = 26;

export function buildStartingScenario(o: StartingScenarioOptions): CommentedDocument {
  const zones = Array.from({ length: o.zones }, (_, i) => String.fromCharCode(97 + i));
  const regionNames = Array.from({ length: o.regions }, (_, i) => `region-${i + 1}`);
  const perZone = (counts: number[]): Record<string, number> =>
    Object.fromEntries(zones.map((z, i) => [z, counts[i] ?? 0]));
  const workersTotal = o.workersPerZone * o.zones;
  const workersNeeded =
    o.workersNeeded ?? (o.zones > 1 ? o.workersPerZone * (o.zones - 1) : workersTotal);
  const clusters: ScenarioFile['clusters'] = regionNames.flatMap((region) =>
    Array.from({ length: o.clustersPerRegion }, (_, c) => ({
      name: clusterName(o, region, c),
      region,
      masters: perZone(balancedSpread(o.masters, o.zones)),
      etcd: o.etcd === 'stacked' ? 'stacked' : perZone(balancedSpread(o.etcd, o.zones)),
      endpoint: o.endpoint,
      workers: perZone(Array.from({ length: o.zones }, () => o.workersPerZone)),
      workersNeeded,
    })),
  );
  const multiRegion = o.regions > 1;
  const value: ScenarioFile = {
    version: 1,
    name: o.name,
    description: describe(o),
    regions: regionNames.map((name) => ({ name, zones })),
    clusters,
    ...(multiRegion ? { failover: o.failover } : {}),
    simulation: { horizon: '1y', trials: 20000, seed: 1 },
    objectives: multiRegion
      ? { api: 99.95, workloads: 99.99, served: 99.99 }
      : { api: 99.95, workloads: 99.99 },
  };
  return {
    header: [
      `yaml-language-server: $schema=${o.schemaPath}`,
      `Made by: ${o.commandLine}`,
      'A starting point: rename the regions and zones after your cloud (e.g. eu-west-1a),',
      'then run hasim validate, hasim analyze and hasim check on this file.',
      'Formats and defaults: docs/scenarios.md and docs/model.md of hasim.',
    ],
    value,
    notes: notes(o, clusters.length, workersTotal, multiRegion),
    footer: [
      'Optional sections (every failure rate has a default with its source in docs/model.md):',
      'failures: { zone: { perYear: 0.02, repair: { median: 3h, p90: 14h } } }',
      'events:   # what-ifs replayed by hasim simulate --timeline',
      '  - { at: 1h, fail: zone region-1/b, for: 4h }',
    ],
    spaced: ['regions', 'clusters', 'failover', 'simulation', 'objectives'],
  };
}

// --- internal ---

function clusterName(o: StartingScenarioOptions, region: string, index: number): string {
  if (o.regions === 1 && o.clustersPerRegion === 1) return 'prod';
  return o.clustersPerRegion === 1 ? `${region}-prod` : `${region}-prod-${index + 1}`;
}

function describe(o: StartingScenarioOptions): string {
  const etcd = o.etcd === 'stacked' ? 'stacked etcd' : `external etcd of ${o.etcd}`;
  const where = o.regions === 1 ? `${o.zones} zones` : `${o.regions} regions of ${o.zones} zones`;
  return `${o.masters} masters (${etcd}) over ${where}, ${o.endpoint} endpoint, ${o.workersPerZone} workers per zone.`;
}

function notes(
  o: StartingScenarioOptions,
  clusters: number,
  workersTotal: number,
  multiRegion: boolean,
): YamlNote[] {
  const first = ['clusters', 0] as const;
  const list: YamlNote[] = [
    { path: ['regions'], above: ['Regions and their zones (failure domains).'] },
    {
      path: ['clusters'],
      above: [`${clusters} cluster${clusters === 1 ? '' : 's'}; counts are per zone.`],
    },
    {
      path: [...first, 'masters'],
      after:
        o.masters % 2 === 0
          ? 'an even count tolerates no more failures than one fewer'
          : 'control-plane nodes, spread evenly',
    },
    {
      path: [...first, 'etcd'],
      after:
        o.etcd === 'stacked'
          ? 'one member on every master (kubeadm default); or members per zone'
          : 'external members per zone',
    },
    {
      path: [...first, 'endpoint'],
      after: 'cloud | keepalived | local-proxy | dns | single-master',
    },
    {
      path: [...first, 'workersNeeded'],
      after:
        o.workersNeeded !== undefined
          ? `of ${workersTotal} workers`
          : o.zones > 1
            ? `of ${workersTotal}: the load survives losing one zone`
            : `all ${workersTotal}: no headroom`,
    },
    { path: ['simulation'], above: ['Monte Carlo settings of hasim simulate.'] },
    {
      path: ['objectives'],
      above: [
        'Availability targets in percent; hasim analyze and hasim check exit 3 when one is missed.',
        '99.95 is the monthly uptime EKS, GKE (regional) and AKS (with zones) promise for the API.',
      ],
    },
  ];
  if (multiRegion) {
    list.push({
      path: ['failover'],
      after: "cross-region: another region's cluster may serve users; or local-only",
    });
  }
  return list;
}
