import { describe, expect, it } from 'vitest';
import { computeReach } from '../../../src/sim/rollout-reach.js';
import { simulate } from '../../../src/sim/simulate.js';
import { topologyOf, ZERO_TIMERS } from '../../helpers/sim-scenarios.js';
import { ALL_FAILURES_OFF } from '../../helpers/topology-builder.js';

function sixClusters(rollout: unknown) {
  return topologyOf({
    regions: [{ name: 'eu', zones: ['a'] }],
    clusters: [1, 2, 3, 4, 5, 6].map((i) => ({
      name: `c${i}`,
      region: 'eu',
      masters: { a: 1 },
      workers: { a: 1 },
    })),
    failures: {
      ...ALL_FAILURES_OFF,
      operatorError: {
        changesPerYear: 20,
        badChangeProbability: 1,
        apiDownShare: 1,
        dataPlaneShare: 0,
        restoreShare: 0,
        repair: { fixed: '2h' },
        rollout,
      },
    },
    timers: ZERO_TIMERS,
  });
}

describe('bad-change rollouts', () => {
  it('waves bake for the detection time: a bad change reaches exactly the first wave', () => {
    const clusters = [0, 1, 2, 3, 4, 5];
    expect(computeReach({ kind: 'all-at-once' }, clusters)).toEqual({
      clusters,
      offsets: [0, 0, 0, 0, 0, 0],
    });
    // Wave 2 would start at 90 min, when the change is detected: it never runs.
    expect(
      computeReach(
        {
          kind: 'waves',
          waves: [2, 3, 'all'],
          bakeHours: 1.5,
          detectionHours: 1.5,
          detectionProbability: 1,
        },
        clusters,
      ),
    ).toEqual({ clusters: [0, 1], offsets: [0, 0] });
    expect(
      computeReach(
        {
          kind: 'waves',
          waves: ['all'],
          bakeHours: 0,
          detectionHours: 0,
          detectionProbability: 1,
        },
        clusters,
      ).clusters,
    ).toEqual(clusters);
  });

  it('a bad change rolled out in waves with detection hurts fewer clusters than all at once', () => {
    const total = (rollout: unknown): { down: number; hurt: number } => {
      const r = simulate(sixClusters(rollout), { trials: 100, seed: 4, method: 'plain' });
      const apis = Object.values(r.clusters).map((c) => c.api);
      return {
        down: apis.reduce((a, m) => a + m.downHours.mean, 0),
        hurt: apis.filter((m) => m.trialsWithOutage > 0).length,
      };
    };
    const allAtOnce = total('all-at-once');
    const waves = total({ waves: [1, 2, 'all'], detection: '30m' });
    expect(allAtOnce.hurt).toBe(6);
    expect(waves.hurt).toBe(1);
    // 20 bad changes a year × 2 h: about 40 h down per cluster reached.
    expect(waves.down).toBeGreaterThan(30);
    expect(allAtOnce.down).toBeGreaterThan(5 * waves.down);
  });
});
