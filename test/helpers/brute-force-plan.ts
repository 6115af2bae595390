/**
 * An independent oracle for the recommender: every candidate deployment written out naively as a
 * scenario-file object (nested loops over the list: masters 1/3/5/7 over 1..Z zones,
 * stacked or external etcd of 3/5/7 over 1..Z zones, every endpoint kind with single-master only
 * for one master and keepalived's hosts in one zone or two, workers for 0 or 1 zone losses,
 * graceful or abrupt upgrades, changes all at once or in waves), validated by
 * `validateScenario` and evaluated by the plain exact engine (`computeMetrics`, never the
 * recommender's shared path). Costs are counted from the scenario itself. Shares no code with
 * src/plan.
 */
import { computeMetrics } from '../../src/exact/engine.js';
import type { Topology } from '../../src/model/topology.js';
import { topologyOf } from './topology-builder.js';

export const BRUTE_METRICS = [
  'etcdQuorum',
  'api',
  'scheduling',
  'workloads',
  'served',
  'usersServed',
] as const;
export type BruteMetric = (typeof BRUTE_METRICS)[number];

export interface BruteCase {
  regions: number;
  /** Clusters per region of the mode. */
  perRegion: number[];
  zones: number;
  workersNeeded: number;
  local: boolean;
  /** Users per region (default 1 each). */
  users?: number[];
  failures: Record<string, unknown>;
  cost: { vm: number; lb: number };
}

export interface BruteCandidate {
  /** The written cluster layout (of the first cluster; all are the same). */
  masters: Record<string, number>;
  etcd: 'stacked' | Record<string, number>;
  endpoint: string | { kind: string; zones: string[] };
  workerZoneLosses: number;
  graceful: boolean;
  waves: boolean;
  cost: number;
  /** Worst cluster (worst region for served; usersServed: Σ users · served / Σ users). */
  availability: Record<BruteMetric, number>;
}

/** Every candidate of a case with its exact figures, in no particular order. */
export function bruteForcePlan(c: BruteCase): BruteCandidate[] {
  const zones = Array.from({ length: c.zones }, (_, i) => `z${i + 1}`);
  const spread = (n: number, k: number): Record<string, number> => {
    // Deal n members round-robin over the first k zones: 5 over 3 → 2, 2, 1.
    const counts: Record<string, number> = Object.fromEntries(zones.map((z) => [z, 0]));
    for (let i = 0; i < n; i++) counts[zones[i % k]!] = counts[zones[i % k]!]! + 1;
    return counts;
  };
  const out: BruteCandidate[] = [];
  for (const m of [1, 3, 5, 7]) {
    for (let mk = 1; mk <= Math.min(m, c.zones); mk++) {
      const masters = spread(m, mk);
      const etcds: ('stacked' | Record<string, number>)[] = ['stacked'];
      for (const e of [3, 5, 7])
        for (let k = 1; k <= Math.min(e, c.zones); k++) etcds.push(spread(e, k));
      for (const etcd of etcds) {
        const endpoints: BruteCandidate['endpoint'][] = [
          'cloud',
          'keepalived',
          'local-proxy',
          'dns',
        ];
        if (c.zones >= 2) endpoints.push({ kind: 'keepalived', zones: ['z1', 'z2'] });
        if (m === 1) endpoints.push('single-master');
        for (const endpoint of endpoints) {
          const kind = typeof endpoint === 'string' ? endpoint : endpoint.kind;
          for (let u = 0; u <= Math.min(1, c.zones - 1); u++) {
            const perZone = Math.ceil(c.workersNeeded / (c.zones - u));
            const workers = Object.fromEntries(zones.map((z) => [z, perZone]));
            for (const graceful of [true, false]) {
              for (const waves of [false, true]) {
                const layout = { masters, etcd, endpoint, workers, graceful, waves };
                const t = topologyOf(scenario(c, zones, layout));
                const vms =
                  m +
                  (etcd === 'stacked' ? 0 : total(etcd)) +
                  perZone * c.zones +
                  (kind === 'keepalived' ? 2 : 0);
                const clusterCost = vms * c.cost.vm + (kind === 'cloud' ? c.cost.lb : 0);
                out.push({
                  masters,
                  etcd,
                  endpoint,
                  workerZoneLosses: u,
                  graceful,
                  waves,
                  cost: clusterCost * t.clusters.length,
                  availability: worst(t),
                });
              }
            }
          }
        }
      }
    }
  }
  return out;
}

/** Whether a candidate meets every target (percent), as `hasim analyze` judges objectives. */
export function bruteMeets(
  candidate: BruteCandidate,
  targets: Partial<Record<BruteMetric, number>>,
): boolean {
  return Object.entries(targets).every(
    ([m, t]) => candidate.availability[m as BruteMetric] * 100 >= (t ?? 0),
  );
}

// --- internal ---

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function scenario(
  c: BruteCase,
  zones: string[],
  l: {
    masters: Record<string, number>;
    etcd: 'stacked' | Record<string, number>;
    endpoint: BruteCandidate['endpoint'];
    workers: Record<string, number>;
    graceful: boolean;
    waves: boolean;
  },
): Record<string, unknown> {
  const regions = Array.from({ length: c.regions }, (_, i) => ({
    name: `r${i + 1}`,
    zones,
    users: c.users?.[i] ?? 1,
  }));
  const clusters = regions.flatMap((r, i) =>
    Array.from({ length: c.perRegion[i] ?? 0 }, (_, j) => ({
      name: `${r.name}-${j + 1}`,
      region: r.name,
      masters: l.masters,
      etcd: l.etcd,
      endpoint: l.endpoint,
      workers: l.workers,
      workersNeeded: c.workersNeeded,
    })),
  );
  const failures = c.failures as {
    operatorError?: Record<string, unknown>;
    maintenance?: Record<string, unknown>;
  };
  return {
    regions,
    clusters,
    failover: c.local ? 'local-only' : 'cross-region',
    failures: {
      ...failures,
      operatorError: {
        ...failures.operatorError,
        rollout: l.waves ? { waves: [1, 'all'], detection: '30m', bake: '1d' } : 'all-at-once',
      },
      maintenance: { ...failures.maintenance, graceful: l.graceful },
    },
  };
}

function worst(t: Topology): Record<BruteMetric, number> {
  const v = computeMetrics(t);
  const clusters = Object.values(v.clusters);
  const min = (xs: number[]): number => Math.min(...xs);
  const users = t.regions.reduce((a, r) => a + r.users, 0);
  const weighted = t.regions.reduce((a, r) => a + r.users * (v.regions[r.name]?.served ?? 0), 0);
  return {
    etcdQuorum: min(clusters.map((x) => x.etcdQuorum)),
    api: min(clusters.map((x) => x.api)),
    scheduling: min(clusters.map((x) => x.scheduling)),
    workloads: min(clusters.map((x) => x.workloads)),
    served: min(Object.values(v.regions).map((x) => x.served)),
    usersServed: users > 0 ? weighted / users : 1,
  };
}
