import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../../src/io/read-scenario.js';
import { catchingWave, computeReach } from '../../../src/sim/model/rollout-reach.js';
import { simulate } from '../../../src/sim/run/simulate.js';
import { topologyOf, ZERO_TIMERS } from '../../helpers/sim-scenarios.js';
import { ALL_FAILURES_OFF } from '../../helpers/topology-builder.js';

function clusters(n: number, rollout: unknown, perYear = 20, repair: unknown = { fixed: '2h' }) {
  return topologyOf({
    regions: [{ name: 'eu', zones: ['a'] }],
    clusters: Array.from({ length: n }, (_, i) => ({
      name: `c${i + 1}`,
      region: 'eu',
      masters: { a: 1 },
      workers: { a: 1 },
    })),
    failures: {
      ...ALL_FAILURES_OFF,
      operatorError: {
        changesPerYear: perYear,
        badChangeProbability: 1,
        apiDownShare: 1,
        dataPlaneShare: 0,
        restoreShare: 0,
        repair,
        rollout,
      },
    },
    timers: ZERO_TIMERS,
  });
}

describe('which clusters a rollout reaches', () => {
  it('numbers the waves that hold clusters, in rollout order', () => {
    const waves = {
      kind: 'waves' as const,
      waves: [2, 3, 'all' as const],
      bakeHours: 24,
      detectionHours: 1.5,
      detectionProbability: 0.8,
    };
    const r = computeReach(waves, [0, 1, 2, 3, 4, 5]);
    expect(Array.from(r.clusters)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(r.wave)).toEqual([0, 0, 1, 1, 1, 2]);
    expect(r.waveCount).toBe(3);
    // Four clusters: the `all` wave is empty and is not a wave that can catch the change.
    const four = computeReach(waves, [0, 1, 2, 3]);
    expect(Array.from(four.wave)).toEqual([0, 0, 1, 1]);
    expect(four.waveCount).toBe(2);
    // Clusters after the last wave are never reached.
    expect(Array.from(computeReach({ ...waves, waves: [1, 1] }, [0, 1, 2]).clusters)).toEqual([
      0, 1,
    ]);
    const once = computeReach({ kind: 'all-at-once' }, [0, 1, 2]);
    expect(Array.from(once.wave)).toEqual([0, 0, 0]);
    expect(once.waveCount).toBe(1);
  });

  it('the catching wave is geometric in the detection probability, capped at the last wave', () => {
    // P(C ≥ k) = (1 − p)^k for k < K: with p = 0.5 the uniform draw's halves decide wave 0,
    // its next quarter wave 1, and the rest (a quarter) goes to the last of 3 waves.
    expect(catchingWave(0.49, 0.5, 3)).toBe(0);
    expect(catchingWave(0.51, 0.5, 3)).toBe(1);
    expect(catchingWave(0.74, 0.5, 3)).toBe(1);
    expect(catchingWave(0.76, 0.5, 3)).toBe(2);
    expect(catchingWave(0.999, 0.5, 3)).toBe(2);
    expect(catchingWave(0.999, 1, 3)).toBe(0);
    expect(catchingWave(0, 0, 3)).toBe(2);
    expect(catchingWave(0.7, 0.3, 1)).toBe(0);
  });
});

describe('bad changes rolled out in waves', () => {
  it('each wave is hurt as long as the closed form of docs/model.md says', () => {
    // Arrange: 3 clusters in waves of 1; a wave catches a change with p = 0.5; bake 24 h,
    // detection 2 h, repair fixed 4 h; 50 bad changes a year. Over 10 years the start with no
    // change in progress shifts the time-average by about 0.2 % (far inside the interval).
    const rollout = { waves: [1, 1, 1], bake: '24h', detection: '2h', detectionProbability: 0.5 };
    const t = clusters(3, rollout, 50, { fixed: '4h' });
    // Closed form (docs/model.md, The exact engine): the kind spends `bake` in state m for each
    // m < C and detection + R in state C = the noticing wave, after an idle time of mean 1/rate.
    const p = 0.5;
    const [bake, detection, R, K] = [24, 2, 4, 3];
    const pC = [1, 2, 3].map((k) => (k < K ? (1 - p) ** (k - 1) * p : (1 - p) ** (K - 1)));
    const pAbove = (m: number): number => pC.slice(m).reduce((a, b) => a + b, 0);
    const eC = pC.reduce((a, q, i) => a + q * (i + 1), 0);
    const cycle = 8760 / 50 + (eC * bake - bake + detection + R);
    const pState = [1, 2, 3].map(
      (m) => (pAbove(m) * bake + (pC[m - 1] ?? 0) * (detection + R)) / cycle,
    );
    // A cluster of wave j is hurt in states m ≥ j.
    const expected = [1, 2, 3].map((j) => 1 - pState.slice(j - 1).reduce((a, b) => a + b, 0));
    // Act
    const r = simulate(t, { trials: 100, seed: 3, method: 'plain', horizonHours: 87600 });
    // Assert: inside the 99.9 % interval (the 95 % one widened by 3.29 / 1.96).
    ['c1', 'c2', 'c3'].forEach((name, j) => {
      const [lo, hi] = r.clusters[name]!.api.availability.ci95;
      const half = ((hi - lo) / 2) * (3.29 / 1.96);
      expect(Math.abs(expected[j]! - (lo + hi) / 2)).toBeLessThan(half);
    });
    // The later a wave, the less it loses — and every wave loses something.
    expect(expected[0]!).toBeLessThan(expected[1]!);
    expect(expected[1]!).toBeLessThan(expected[2]!);
    expect(expected[2]!).toBeLessThan(1);
  });

  it('with canaries that always catch, a bad change reaches exactly the first wave', () => {
    const rollout = { waves: [1, 2, 'all'], detection: '30m', detectionProbability: 1 };
    const r = simulate(clusters(6, rollout), { trials: 100, seed: 4, method: 'plain' });
    const hurt = Object.values(r.clusters).map((c) => c.api.trialsWithOutage > 0);
    expect(hurt).toEqual([true, false, false, false, false, false]);
  });

  it('waves hurt later clusters less than all at once, and their detection time matters', () => {
    // The shipped example (six clusters, waves of 1, 2 and the rest a day apart, 30 min
    // detection), with 3 days to notice a change (and bake), and rolled out all at once instead.
    const file = readFileSync('scenarios/operator-error-waves.yaml', 'utf8');
    const load = (text: string) => {
      const loaded = loadScenarioText(text, 'waves.yaml');
      if (!loaded.ok) throw new Error('the example does not load');
      return loaded.topology;
    };
    const slow = file.replace('detection: 30m, bake: 1d,', 'detection: 3d, bake: 3d,');
    expect(slow).not.toBe(file);
    const once = file.replace(
      'rollout: { waves: [1, 2, all], detection: 30m, bake: 1d, detectionProbability: 0.8 }\n',
      'rollout: all-at-once\n',
    );
    expect(once).not.toBe(file);
    const run = (text: string) =>
      simulate(load(text), { trials: 1500, seed: 5, method: 'plain' }).clusters;
    const [waves, waves3d, allAtOnce] = [run(file), run(slow), run(once)];
    const bad = (c: ReturnType<typeof run>, name: string): number =>
      c[name]!.api.downtimeMinutesPerYearByCause.operatorError ?? 0;
    // Later waves are reached only when the earlier ones missed the change: they lose some api
    // to bad changes, less than when everything is changed at once.
    for (const name of ['c2', 'c3', 'c4', 'c5', 'c6']) {
      expect(bad(waves, name)).toBeGreaterThan(0);
      expect(bad(waves, name)).toBeLessThan(bad(allAtOnce, name));
    }
    // Three days to notice a change (and bake) hurt every wave far longer than 30 minutes.
    for (const name of ['c1', 'c2', 'c6'])
      expect(bad(waves3d, name)).toBeGreaterThan(2 * bad(waves, name));
  });
});
