import { describe, expect, it } from 'vitest';
import { compiledExample, EXAMPLE_FILES, topologyOf } from '../../helpers/sim-scenarios.js';
import { compileScript } from '../../../src/sim/model/script-actions.js';
import { compileModel } from '../../../src/sim/model/compile-model.js';
import type { SimModel } from '../../../src/sim/model/sim-model.js';
import type { Topology } from '../../../src/model/topology.js';
import { biasedElements, computeBeta } from '../../../src/sim/engine/importance.js';
import { createTrialRng } from '../../../src/sim/engine/rng.js';
import { TrialEngine, type EngineOptions } from '../../../src/sim/engine/trial-engine.js';
import type { TrialState } from '../../../src/sim/engine/trial-state.js';

// The control plane's shortcut while the health gate holds (evaluate-predicates.ts), and the
// maintenance step's hand-over that skips the evaluation (step-hand-over.ts), must give exactly
// what the full evaluation gives: every example, plain and importance-sampled, with and without
// its scenario events, trial by trial against an engine with both switched off, and against one
// with the hand-over alone switched off.
function outcome(s: TrialState): unknown {
  return {
    events: s.events,
    downHours: Array.from(s.downHours),
    downHoursZero: Array.from(s.downHoursZero),
    outages: Array.from(s.outages),
    causeHours: Array.from(s.causeHours),
    causeCount: Array.from(s.causeCount),
    durations: Array.from(s.durationHours.subarray(0, s.durationCount)),
    lossHours: Array.from(s.lossHours),
    logWeight: s.logWeight,
    serving: Array.from(s.serving),
    memberUp: Array.from(s.memberUp),
    staleUntil: Array.from(s.staleUntil),
    leader: Array.from(s.leader),
    electAt: Array.from(s.electAt),
  };
}

/** Runs `trials` trials of every variant on the three engines; returns the shortcut's clusters. */
function compare(topology: Topology, model: SimModel, trials: number): number {
  const biased = biasedElements(model, 'is-all');
  const variants: EngineOptions[] = [
    {},
    { script: compileScript(topology, model) },
    { biased, beta: computeBeta(model, biased) },
  ];
  let shortcuts = 0;
  for (const options of variants) {
    const fast = new TrialEngine(model, options);
    const gated = new TrialEngine(model, options);
    const full = new TrialEngine(model, options);
    shortcuts += fast.state.gate.shortcut.reduce((a, b) => a + b, 0);
    gated.state.gate.handOver.fill(0);
    full.state.gate.handOver.fill(0);
    full.state.gate.shortcut.fill(0);
    for (let i = 0; i < trials; i++) {
      fast.run(createTrialRng(5, i));
      gated.run(createTrialRng(5, i));
      full.run(createTrialRng(5, i));
      expect(outcome(fast.state)).toEqual(outcome(full.state));
      expect(outcome(gated.state)).toEqual(outcome(full.state));
    }
  }
  return shortcuts;
}

/**
 * Small clusters maintained often, with processes, nodes and zones failing often: two stacked
 * masters (every step loses quorum), four over two zones, external etcd, a pinned endpoint, one
 * master (every step stops the api); graceful steps and abrupt ones; a lease long enough that
 * steps start and end while a leader is awaited.
 */
function maintainedOften(
  masters: Record<string, number>,
  etcd: unknown,
  endpoint: string,
  graceful: boolean,
  endpointFailover = '30m',
): Topology {
  return topologyOf({
    regions: [{ name: 'eu', zones: ['a', 'b', 'c'] }],
    clusters: [
      {
        name: 'prod',
        region: 'eu',
        masters,
        etcd,
        endpoint,
        workers: { a: 1, b: 1, c: 1 },
        workersNeeded: 2,
      },
    ],
    failures: {
      node: { perYear: 20, repair: { mean: '2h' } },
      process: { perYear: 20, repair: { mean: '10m' } },
      zone: { perYear: 5, repair: { mean: '3h' } },
      maintenance: { passesPerYear: 300, perMaster: '2h', graceful },
    },
    timers: {
      leaseDuration: '1h',
      endpointFailover,
      nodeMonitorGrace: '50s',
      podEviction: '10m',
    },
    events: [{ at: '1h', maintenance: { clusters: 'all' } }],
    simulation: { horizon: '1y', trials: 100, seed: 7 },
  });
}

describe('the control plane shortcut', () => {
  it.each(EXAMPLE_FILES)('changes no trial of %s', async (f) => {
    const { topology, model } = await compiledExample(f);
    // Every example has a cluster the shortcut applies to.
    expect(compare(topology, model, 300)).toBeGreaterThan(0);
  });

  const small: [string, Record<string, number>, unknown, string, boolean, string][] = [
    ['two stacked masters', { a: 1, b: 1 }, 'stacked', 'cloud', true, '30m'],
    ['four stacked masters, abrupt steps', { a: 2, b: 2 }, 'stacked', 'keepalived', false, '30m'],
    ['external etcd', { a: 1, b: 1 }, { a: 1, b: 1, c: 1 }, 'local-proxy', true, '30m'],
    ['a pinned endpoint', { a: 1, b: 1, c: 1 }, 'stacked', 'single-master', true, '30m'],
    ['one master, external etcd', { a: 1 }, { a: 1, b: 1, c: 1 }, 'cloud', true, '30m'],
    ['abrupt steps, no failover time', { a: 1, b: 1, c: 1 }, 'stacked', 'cloud', false, '0'],
  ];
  it.each(small)(
    'changes no trial of %s maintained often',
    (_, masters, etcd, endpoint, ...rest) => {
      const topology = maintainedOften(masters, etcd, endpoint, ...rest);
      const model = compileModel(topology, { horizonHours: 8760, randomFailures: true, slo: null });
      expect(compare(topology, model, 100)).toBeGreaterThan(0);
    },
  );

  it('hands maintenance steps over without evaluation on the multi-master examples', async () => {
    const handOvers = await Promise.all(
      EXAMPLE_FILES.map(async (f) => {
        const { model } = await compiledExample(f);
        return new TrialEngine(model).state.gate.handOver.reduce((a, b) => a + b, 0);
      }),
    );
    // single-master.yaml has one master: nothing to hand over; every other example does.
    expect(handOvers.filter((n) => n === 0)).toHaveLength(1);
  });
});
