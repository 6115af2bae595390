/**
 * fast-check arbitraries of small scenarios: 1–2 regions of 1–3 zones, 1–3 clusters with every
 * etcd placement and endpoint kind, and failure classes switched on at rates high enough that
 * no availability is trivially 1.
 */
import fc from 'fast-check';
import type { Topology } from '../../src/model/topology.js';
import { listBinaryElements } from './brute-force.js';
import { ALL_FAILURES_OFF, topologyOf, type ScenarioInput } from './topology-builder.js';

const ENDPOINTS = ['cloud', 'keepalived', 'local-proxy', 'dns', 'single-master'] as const;
const ZONE_NAMES = ['a', 'b', 'c'];

const repair = fc.integer({ min: 1, max: 72 }).map((h) => ({ mean: `${h}h` }));
const process = fc.record({ perYear: fc.integer({ min: 1, max: 300 }), repair });

/** Classes in the order they are switched off when a scenario has too many elements. */
const CLASSES = [
  'process',
  'disk',
  'node',
  'partition',
  'worker',
  'loadBalancer',
  'regionImpairment',
  'zone',
  'region',
  'operatorError',
] as const;

function counts(
  zones: string[],
  max: number,
  atLeastOne: boolean,
): fc.Arbitrary<Record<string, number>> {
  return fc
    .array(fc.integer({ min: 0, max }), { minLength: zones.length, maxLength: zones.length })
    .map((ns) => {
      const out = Object.fromEntries(zones.map((z, i) => [z, ns[i] ?? 0]));
      if (atLeastOne && ns.every((n) => n === 0)) out[zones[0]!] = 1;
      return out;
    });
}

function cluster(region: string, zones: string[]): fc.Arbitrary<ScenarioInput> {
  return fc
    .record({
      masters: counts(zones, 2, true),
      etcd: fc.oneof(fc.constant('stacked' as const), counts(zones, 2, true)),
      endpoint: fc.constantFrom(...ENDPOINTS),
      endpointZone: fc.nat(),
      workers: counts(zones, 2, false),
      need: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map((c) => {
      const total = Object.values(c.workers).reduce((a, b) => a + b, 0);
      const withMasters = zones.filter((z) => (c.masters[z] ?? 0) > 0);
      const pinZones = c.endpoint === 'single-master' ? withMasters : zones;
      const zone = pinZones[c.endpointZone % pinZones.length]!;
      const pinned = c.endpoint === 'keepalived' || c.endpoint === 'single-master';
      // A keepalived pair spread over two zones when the region has them (every other case).
      const other = zones[(zones.indexOf(zone) + 1) % zones.length]!;
      const spread = c.endpoint === 'keepalived' && other !== zone && c.endpointZone % 2 === 1;
      return {
        region,
        masters: c.masters,
        etcd: c.etcd,
        endpoint: spread
          ? { kind: c.endpoint, zones: [zone, other] }
          : pinned
            ? { kind: c.endpoint, zone }
            : c.endpoint,
        workers: c.workers,
        workersNeeded: Math.floor(c.need * total),
      };
    });
}

/** A small scenario file object (valid), before the element budget is applied. */
export const smallScenarioArb: fc.Arbitrary<ScenarioInput> = fc
  .record({
    zones: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 2 }),
    clusterRegions: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    users: fc.array(fc.constantFrom(0, 1, 2), { minLength: 2, maxLength: 2 }),
    failover: fc.constantFrom('cross-region', 'local-only'),
  })
  .chain((s) => {
    const regions = s.zones.map((n, i) => ({
      name: `r${i}`,
      zones: ZONE_NAMES.slice(0, n),
      users: i === 0 ? Math.max(1, s.users[0] ?? 1) : (s.users[i] ?? 1),
    }));
    const clusters = s.clusterRegions.map((k) => {
      const r = regions[k % regions.length]!;
      return cluster(r.name, r.zones);
    });
    return fc.record({
      regions: fc.constant(regions),
      failover: fc.constant(s.failover),
      clusters: fc.tuple(...clusters).map((cs) => cs.map((c, i) => ({ name: `k${i}`, ...c }))),
      failures: fc.record({
        node: fc.option(process, { nil: undefined }),
        disk: fc.option(process, { nil: undefined }),
        zone: fc.option(process, { nil: undefined }),
        region: fc.option(process, { nil: undefined }),
        regionImpairment: fc.option(process, { nil: undefined }),
        partition: fc.option(process, { nil: undefined }),
        process: fc.option(process, { nil: undefined }),
        loadBalancer: fc.option(process, { nil: undefined }),
        worker: fc.option(process, { nil: undefined }),
        operatorError: fc.option(
          fc.record({
            changesPerYear: fc.integer({ min: 10, max: 400 }),
            badChangeProbability: fc.constant(0.5),
            apiDownShare: fc.constantFrom(0.3, 0.4),
            restoreShare: fc.constantFrom(0.1, 0.3),
            dataPlaneShare: fc.constantFrom(0, 0.3),
            repair,
            rollout: fc.constantFrom(
              'all-at-once',
              { waves: [1, 'all'], detection: '30m' },
              { waves: [1, 1, 'all'], detection: '1h', bake: '5h', detectionProbability: 0.4 },
            ),
          }),
          { nil: undefined },
        ),
        maintenance: fc.option(
          fc.record({
            passesPerYear: fc.integer({ min: 10, max: 200 }),
            perMaster: fc.constantFrom('1h', '6h'),
          }),
          { nil: undefined },
        ),
      }),
    });
  });

/**
 * The topology of a scenario, with failure classes switched off (in a fixed order) until at
 * most `budget` binary elements can fail and the joint states (2^n times the maintenance states
 * of each cluster) number at most 2^budget, so that enumeration stays cheap.
 */
export function withinElementBudget(file: ScenarioInput, budget: number): Topology {
  const failures = Object.fromEntries(
    Object.entries(file['failures'] as Record<string, unknown>).filter(([, v]) => v !== undefined),
  );
  const build = (): Topology =>
    topologyOf({ ...file, failures: { ...ALL_FAILURES_OFF, ...failures } });
  let topology = build();
  for (const cls of CLASSES) {
    const maintenance = topology.failures.maintenance.passesPerYear > 0;
    // Every bad-change kind that can happen multiplies the states by its waves + 1.
    const oe = topology.failures.operatorError;
    const kinds = [oe.apiDownShare, oe.restoreShare, oe.dataPlaneShare].filter(
      (share) => oe.changesPerYear * oe.badChangeProbability * share > 0,
    ).length;
    const waves = oe.rollout.kind === 'all-at-once' ? 1 : oe.rollout.waves.length;
    const states =
      topology.clusters.reduce(
        (n, c) => n * (maintenance ? c.counts.masters + 1 : 1),
        2 ** listBinaryElements(topology).length,
      ) *
      (waves + 1) ** kinds;
    if (states <= 2 ** budget) break;
    delete failures[cls];
    topology = build();
  }
  return topology;
}
