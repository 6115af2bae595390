/**
 * The exact engine's reference snapshot: the inputs (every example scenario and a few generated
 * ones that reach the engine's corners) and the record of everything the engine computes for
 * each — metrics, attribution, every importance, single points of failure, warnings. The
 * regression test compares a fresh record with the one pinned in
 * test/fixtures/exact/reference-snapshot.json.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { computeAttribution } from '../../src/exact/attribution.js';
import { computeElementAvailabilities } from '../../src/exact/element-availability.js';
import { computeMetrics, type MetricValues } from '../../src/exact/engine.js';
import { computeImportance, computeSinglePointsOfFailure } from '../../src/exact/importance.js';
import { maintenanceWarnings } from '../../src/exact/maintenance-validity.js';
import type { Topology } from '../../src/model/topology.js';
import { readScenarioFile } from '../../src/io/read-scenario.js';
import { topologyOf, type ScenarioInput } from './topology-builder.js';

/** What the engine computes for one topology, as plain data. */
export interface ReferenceRecord {
  metrics: MetricValues;
  /** Per metric key: per class or zone (`zone:r/z`), minutes a year removed. */
  attribution: Record<string, Record<string, number>>;
  /** Per metric key: every non-zero Birnbaum importance, by element id. */
  importance: Record<string, Record<string, number>>;
  singlePointsOfFailure: Record<string, string[]>;
  warnings: string[];
}

/** The record of one topology. */
export function referenceRecord(t: Topology): ReferenceRecord {
  const av = computeElementAvailabilities(t);
  const metrics = computeMetrics(t, av);
  const attribution: ReferenceRecord['attribution'] = {};
  for (const [key, a] of computeAttribution(t, av, metrics)) {
    attribution[key] = {
      ...a.byClass,
      ...Object.fromEntries(Object.entries(a.byZone).map(([z, m]) => [`zone:${z}`, m])),
    };
  }
  const importance: ReferenceRecord['importance'] = {};
  for (const [key, list] of computeImportance(t, av))
    importance[key] = Object.fromEntries(list.map((i) => [i.element, i.birnbaum]));
  return {
    metrics,
    attribution,
    importance,
    singlePointsOfFailure: Object.fromEntries(computeSinglePointsOfFailure(t, av)),
    warnings: maintenanceWarnings(t, av),
  };
}

/** Every reference case by name: the example scenarios, then the generated ones. */
export async function referenceCases(): Promise<Map<string, Topology>> {
  const out = new Map<string, Topology>();
  const dir = 'scenarios';
  for (const f of readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const loaded = await readScenarioFile(join(dir, f));
    if (!loaded.ok) throw new Error(`example ${f} is invalid`);
    out.set(f, loaded.topology);
  }
  for (const [name, file] of Object.entries(GENERATED)) out.set(name, topologyOf(file));
  return out;
}

// --- internal ---

const spread = (zones: string[], n: number): Record<string, number> =>
  Object.fromEntries(
    zones.map((z, k) => [z, Math.floor(n / zones.length) + (k < n % zones.length ? 1 : 0)]),
  );

const ENDPOINTS = [
  'cloud',
  { kind: 'keepalived', zone: 'b' },
  'local-proxy',
  'dns',
  { kind: 'single-master', zone: 'c' },
  { kind: 'keepalived', zones: ['a', 'c'] },
];

/** Heavy rates so that no figure is close to 1 and differences are large. */
const heavy = (repair: ScenarioInput): ScenarioInput => ({ perYear: 40, repair });

const GENERATED: Record<string, ScenarioInput> = {
  // Layouts repeated over regions and endpoints: the engine may share work between clusters.
  'generated: 3 regions, 8 clusters, every endpoint kind': {
    regions: ['x', 'y', 'z'].map((name, i) => ({ name, zones: ['a', 'b', 'c'], users: i + 1 })),
    clusters: Array.from({ length: 8 }, (_, i) => ({
      name: `k${i}`,
      region: ['x', 'y', 'z'][i % 3],
      masters: spread(['a', 'b', 'c'], i % 2 === 0 ? 3 : 5),
      etcd: i % 3 === 2 ? spread(['a', 'b', 'c'], 5) : 'stacked',
      endpoint: ENDPOINTS[i % ENDPOINTS.length],
      workers: spread(['a', 'b', 'c'], 30),
      workersNeeded: 24,
    })),
    failover: 'cross-region',
    failures: {
      operatorError: { rollout: { waves: [2, 3, 'all'], detection: '1h', bake: '4h' } },
    },
  },
  // Every repair distribution in the gate's transients, heavy rates, abrupt maintenance.
  'generated: every repair kind, heavy rates': {
    regions: [{ name: 'r', zones: ['a', 'b', 'c'] }],
    clusters: [
      {
        name: 'stacked',
        region: 'r',
        masters: { a: 2, b: 1, c: 1 },
        endpoint: { kind: 'keepalived', zones: ['a', 'b'] },
        workers: { a: 2, b: 2, c: 1 },
        workersNeeded: 3,
      },
      {
        name: 'external',
        region: 'r',
        masters: { a: 1, b: 1 },
        etcd: { a: 1, b: 1, c: 1 },
        endpoint: { kind: 'single-master', zone: 'b' },
        workers: { a: 1, b: 1, c: 1 },
        workersNeeded: 2,
      },
    ],
    failures: {
      node: heavy({ weibull: { shape: 0.7, scale: '6h' } }),
      disk: heavy({ fixed: '3h' }),
      zone: heavy({ mean: '5h' }),
      partition: heavy({ median: '2h', p90: '9h' }),
      process: heavy({ fixed: '20m' }),
      region: { perYear: 2, repair: { weibull: { shape: 2, scale: '10h' } } },
      regionImpairment: { perYear: 20, repair: { median: '5h', p90: '30h' } },
      loadBalancer: heavy({ mean: '1h' }),
      maintenance: { passesPerYear: 100, perMaster: '2h', graceful: false },
      operatorError: {
        changesPerYear: 300,
        badChangeProbability: 0.2,
        dataPlaneShare: 0.2,
        rollout: { waves: [1, 'all'], detection: '30m', detectionProbability: 0.5 },
      },
    },
  },
  // Five zones, partitions often: many partition states, external members in every zone.
  'generated: five zones with frequent partitions': {
    regions: [{ name: 'r', zones: ['a', 'b', 'c', 'd', 'e'] }],
    clusters: [
      {
        name: 'five',
        region: 'r',
        masters: { a: 1, c: 1, e: 1 },
        etcd: spread(['a', 'b', 'c', 'd', 'e'], 5),
        endpoint: 'dns',
        workers: spread(['a', 'b', 'c', 'd', 'e'], 10),
        workersNeeded: 7,
      },
      {
        name: 'stacked',
        region: 'r',
        masters: { b: 1, c: 1, d: 1 },
        endpoint: 'cloud',
        workers: { b: 2, d: 2 },
        workersNeeded: 3,
      },
    ],
    failures: { partition: { perYear: 30, repair: { median: '4h' } }, zone: heavy({ mean: '8h' }) },
  },
  // Thousands of workers: the workloads count distributions.
  'generated: one cluster, 3000 workers': {
    regions: [{ name: 'r', zones: ['a', 'b', 'c'] }],
    clusters: [
      {
        name: 'big',
        region: 'r',
        masters: spread(['a', 'b', 'c'], 3),
        endpoint: 'cloud',
        workers: spread(['a', 'b', 'c'], 3000),
        workersNeeded: 2700,
      },
    ],
  },
};
