import { describe, expect, it } from 'vitest';
import { buildSimulationResult } from '../../../src/sim/stats/build-result.js';
import { createRunPlan, emptySumsFor, runTrialRange } from '../../../src/sim/run/run-plan.js';
import { createTrialRng } from '../../../src/sim/engine/rng.js';
import { runSumsToJson } from '../../../src/sim/stats/run-sums-json.js';
import { TrialEngine } from '../../../src/sim/engine/trial-engine.js';
import { addTrial, mergeRunSums } from '../../../src/sim/stats/run-sums.js';
import {
  buildMergedResult,
  buildPart,
  mergeParts,
  shardRequests,
} from '../../../src/sim/run/shard.js';
import { betasOf, simulate } from '../../../src/sim/run/simulate.js';
import { METRICS } from '../../../src/model/topology.js';
import { threeZones, topologyOf } from '../../helpers/sim-scenarios.js';
import { ALL_FAILURES_OFF } from '../../helpers/topology-builder.js';

const DEFAULTS_ON = {
  node: { perYear: 2 },
  process: { perYear: 5 },
  zone: { perYear: 0.5 },
  partition: { perYear: 1 },
  loadBalancer: { perYear: 1 },
  disk: { perYear: 0.5 },
  operatorError: { changesPerYear: 26, badChangeProbability: 0.2 },
  maintenance: { passesPerYear: 15 },
};
const DEFAULT_TIMERS = {
  leaseDuration: '15s',
  endpointFailover: '10s',
  nodeMonitorGrace: '50s',
  podEviction: '300s',
};

describe('reproducibility', () => {
  it('the same seed gives the same result, another seed another one', () => {
    const t = threeZones({ failures: DEFAULTS_ON, timers: DEFAULT_TIMERS });
    const a = simulate(t, { trials: 100, seed: 5, method: 'plain' });
    const b = simulate(t, { trials: 100, seed: 5, method: 'plain' });
    const c = simulate(t, { trials: 100, seed: 6, method: 'plain' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('any split of the trials into ranges sums to the same result (threads, shards)', () => {
    const t = threeZones({ failures: DEFAULTS_ON, timers: DEFAULT_TIMERS });
    const spec = { seed: 3, horizonHours: 8760, method: 'plain' as const, withEvents: false };
    const whole = runTrialRange(createRunPlan(t, spec), 'plain', 0, 90);
    const parts = [
      [60, 90],
      [0, 7],
      [7, 60],
    ].map(([from, to]) => runTrialRange(createRunPlan(t, spec), 'plain', from!, to!));
    const merged = parts[0]!;
    mergeRunSums(merged, parts[1]!);
    mergeRunSums(merged, parts[2]!);
    const result = (sums: typeof whole): string =>
      JSON.stringify(
        buildSimulationResult({
          topology: t,
          spec,
          plain: sums,
          importance: {},
          betas: { 'is-control': 1, 'is-workloads': 1, 'is-all': 1 },
          stop: { reason: 'trials', trialsRequested: 90 },
        }),
      );
    expect(result(merged)).toBe(result(whole));
  });

  it('default timers never give less downtime than timers at 0 (same seed, same draws)', () => {
    const timed = simulate(threeZones({ failures: DEFAULTS_ON, timers: DEFAULT_TIMERS }), {
      trials: 100,
      seed: 9,
      method: 'plain',
    });
    const zero = simulate(threeZones({ failures: DEFAULTS_ON }), {
      trials: 100,
      seed: 9,
      method: 'plain',
    });
    for (const m of METRICS) {
      const a = timed.clusters['prod']![m];
      const b = zero.clusters['prod']![m];
      expect(a.downHours.mean).toBeGreaterThanOrEqual(b.downHours.mean);
      // The timers' share is exactly the difference (the horizon is a year: minutes = 60 h).
      expect(a.downtimeMinutesPerYear.mean - a.timerDowntimeMinutesPerYear).toBeCloseTo(
        b.downtimeMinutesPerYear.mean,
        7,
      );
      expect(b.timerDowntimeMinutesPerYear).toBe(0);
    }
    expect(timed.clusters['prod']!.api.timerDowntimeMinutesPerYear).toBeGreaterThan(0);
    expect(timed.clusters['prod']!.workloads.timerDowntimeMinutesPerYear).toBeGreaterThan(0);
  });
});

describe('usersServed over several regions', () => {
  it('any split of the trials sums to the same usersServed, bit for bit', () => {
    // Two regions weighted 1 and 3, workers and regions failing often, default timers.
    const t = topologyOf({
      regions: [
        { name: 'ra', zones: ['a'], users: 1 },
        { name: 'rb', zones: ['a', 'b'], users: 3 },
      ],
      clusters: [
        { name: 'ca', region: 'ra', masters: { a: 1 }, workers: { a: 2 }, workersNeeded: 1 },
        { name: 'cb', region: 'rb', masters: { a: 1 }, workers: { a: 1, b: 1 } },
      ],
      failures: {
        ...ALL_FAILURES_OFF,
        worker: { perYear: 30 },
        zone: { perYear: 3 },
        regionImpairment: { perYear: 5 },
      },
    });
    const spec = { seed: 9, horizonHours: 8760, method: 'plain' as const, withEvents: false };
    const whole = runTrialRange(createRunPlan(t, spec), 'plain', 0, 80);
    const merged = runTrialRange(createRunPlan(t, spec), 'plain', 50, 80);
    mergeRunSums(merged, runTrialRange(createRunPlan(t, spec), 'plain', 0, 13));
    mergeRunSums(merged, runTrialRange(createRunPlan(t, spec), 'plain', 13, 50));
    expect(whole.deployment.anyTrials).toBeGreaterThan(10);
    expect(runSumsToJson(merged)).toEqual(runSumsToJson(whole));
  });
});

describe('sharded runs', () => {
  it.each(['importance', 'auto'] as const)(
    'merged shards equal one run, %s method included',
    (method) => {
      // Arrange: rare quorum loss, so `auto` needs the importance-sampling pass too.
      const t = threeZones({ failures: { master: { perYear: 0.5, repair: { mean: '1h' } } } });
      const spec = { seed: 8, horizonHours: 8760, method, withEvents: false };
      const single = simulate(t, { trials: 120, seed: 8, method });
      // Act
      const parts = [0, 1, 2].map((index) => {
        const shard = { index, count: 3 };
        const plan = createRunPlan(t, spec);
        const requests = shardRequests(spec, 120, shard);
        const sums = requests.map((r) => runTrialRange(plan, r.stream, r.from, r.to));
        const importance = Object.fromEntries(
          requests.flatMap((r, i) => (r.stream === 'plain' ? [] : [[r.stream, sums[i]!]])),
        );
        return buildPart(t, spec, 120, betasOf(plan), shard, sums[0]!, importance);
      });
      const merged = mergeParts(JSON.parse(JSON.stringify(parts.reverse())) as typeof parts);
      // Assert
      expect(merged.ok).toBe(true);
      if (!merged.ok) return;
      const result = buildMergedResult(merged);
      expect(single.clusters['prod']!.etcdQuorum.method).toBe('importance-sampling');
      expect(JSON.stringify(result)).toBe(JSON.stringify(single));
    },
  );
});

describe('exact sums', () => {
  it('the batched plain accumulator gives the same sums as adding each trial as BigInts', () => {
    const t = threeZones({ failures: DEFAULTS_ON, timers: DEFAULT_TIMERS });
    const spec = { seed: 4, horizonHours: 8760, method: 'plain' as const, withEvents: false };
    const plan = createRunPlan(t, spec);
    const fast = runTrialRange(plan, 'plain', 0, 150);
    const slow = emptySumsFor(plan, 'plain');
    const engine = new TrialEngine(plan.model);
    for (let i = 0; i < 150; i++) {
      engine.run(createTrialRng(4, i, 'plain'));
      addTrial(slow, engine.state);
    }
    slow.events = fast.events;
    expect(runSumsToJson(fast)).toEqual(runSumsToJson(slow));
  });
});
