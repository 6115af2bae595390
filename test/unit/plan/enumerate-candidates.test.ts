import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../src/exact/engine.js';
import { validateScenario } from '../../../src/model/validate.js';
import { buildPlan } from '../../../src/plan/build-plan.js';
import { DEFAULT_COST_MODEL } from '../../../src/plan/candidate-cost.js';
import {
  buildCandidateScenario,
  buildCandidateTopology,
  buildDeployment,
} from '../../../src/plan/candidate-scenario.js';
import {
  computeDeploymentMetrics,
  createMetricsCache,
} from '../../../src/plan/deployment-metrics.js';
import { enumerateCandidates } from '../../../src/plan/enumerate-candidates.js';
import { DEFAULT_WAVES } from '../../../src/plan/recommend-layout.js';
import { topologyOf } from '../../helpers/topology-builder.js';

const ROLLOUTS = [{ kind: 'all-at-once' } as const, DEFAULT_WAVES];

function zonesOf(z: number): string[] {
  return Array.from({ length: z }, (_, i) => `z${i + 1}`);
}

describe('enumerateCandidates', () => {
  // Counted by hand from the list: master layouts Σ min(m, Z) over m = 1, 3, 5, 7, each
  // with 4 endpoints (cloud, keepalived, local-proxy, dns), a 5th with two zones or more
  // (keepalived's hosts in two zones) and one more for one master (single-master); etcd 1
  // stacked + Σ min(n, Z) over n = 3, 5, 7; workers for 0 or 1 zone losses (0 only with one
  // zone); graceful or abrupt upgrades; two rollouts.
  it.each([
    { zones: 1, count: (1 * 5 + 3 * 4) * 4 * 1 * 2 * 2 },
    { zones: 2, count: (1 * 6 + 2 * 5 + 2 * 5 + 2 * 5) * 7 * 2 * 2 * 2 },
    { zones: 3, count: (1 * 6 + 3 * 5 + 3 * 5 + 3 * 5) * 10 * 2 * 2 * 2 },
    { zones: 4, count: (1 * 6 + 3 * 5 + 4 * 5 + 4 * 5) * 12 * 2 * 2 * 2 },
  ])('has $count candidates over $zones zones, each with its own key', ({ zones, count }) => {
    const candidates = enumerateCandidates({
      zones: zonesOf(zones),
      workersNeeded: 10,
      maintenance: ['graceful', 'abrupt'],
      rollouts: ROLLOUTS,
    });
    expect(candidates).toHaveLength(count);
    expect(new Set(candidates.map((c) => c.key)).size).toBe(count);
  });

  it('spreads 5 etcd members 2+2+1 and puts workers for one zone loss at ⌈needed/(Z−1)⌉ a zone', () => {
    const candidates = enumerateCandidates({
      zones: zonesOf(3),
      workersNeeded: 10,
      maintenance: ['graceful', 'abrupt'],
      rollouts: ROLLOUTS,
    });
    const c = candidates.find((x) => x.key === 'm1+1+1 e2+2+1 cloud w1 abrupt all-at-once');
    expect(c?.etcd.members).toEqual({ z1: 2, z2: 2, z3: 1 });
    expect(c?.workers.perZone).toEqual({ z1: 5, z2: 5, z3: 5 });
    expect(c?.vms).toEqual({ masters: 3, etcd: 5, workers: 15, endpoint: 0, total: 23 });
  });
});

describe('candidate scenarios', () => {
  const plan = buildPlan({ regions: 2, tolerate: 1, zonesPerRegion: 3, nodesPerRegion: 6 });
  const deployment = buildDeployment({
    mode: 'failoverWithCapacity',
    clustersPerRegion: [2, 1],
    zones: plan.layout.zones,
    users: [3, 1],
    cost: DEFAULT_COST_MODEL,
    targets: { api: 99.95, served: 99.99 },
  });
  const candidates = enumerateCandidates({
    zones: plan.layout.zones,
    workersNeeded: plan.split.workersNeededPerCluster,
    maintenance: ['graceful', 'abrupt'],
    rollouts: ROLLOUTS,
  });

  it('are valid scenarios that normalize to the topology the recommender evaluates', () => {
    for (const layout of candidates.filter((_, i) => i % 5 === 0)) {
      const result = validateScenario(buildCandidateScenario(deployment, layout));
      expect(result.ok && result.topology).toEqual(buildCandidateTopology(deployment, layout));
    }
  });

  it('get bit-identical figures from the shared, cached path and the plain exact engine', () => {
    // Consecutive candidates differ only in rollout or maintenance, so they share the cache.
    const cache = createMetricsCache();
    for (const layout of candidates.filter((_, i) => i % 36 < 4)) {
      const t = buildCandidateTopology(deployment, layout);
      expect(computeDeploymentMetrics(t, cache)).toEqual(computeMetrics(t));
    }
  });

  it('leave topologies whose clusters differ to the plain exact engine', () => {
    const t = topologyOf({
      regions: [{ name: 'r', zones: ['a', 'b', 'c'] }],
      clusters: [
        { name: 'x', region: 'r', masters: { a: 1, b: 1, c: 1 }, workers: { a: 1 } },
        { name: 'y', region: 'r', masters: { a: 1 }, workers: { b: 2 } },
      ],
    });
    expect(computeDeploymentMetrics(t)).toEqual(computeMetrics(t));
  });
});
