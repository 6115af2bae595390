import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/io/read-scenario.js';
import type * as PlanSource from '../../src/sim/run/run-plan.js';
import type * as PoolSource from '../../src/sim/run/worker-pool.js';
import { runSumsToJson } from '../../src/sim/stats/run-sums-json.js';
import { runBin } from '../helpers/run-cli.js';

/**
 * The worker pool of the built package (its threads run dist/sim/run/worker-entry.js): the sums
 * do not depend on the thread count, the chunk size or the default (adaptive) count, and the
 * default starts a second thread only for a run large enough to pay for it.
 */
type PoolModule = typeof PoolSource;
type PlanModule = typeof PlanSource;
const dist = (path: string): string => new URL(`../../dist/${path}`, import.meta.url).href;
const { WorkerPool } = (await import(dist('sim/run/worker-pool.js'))) as PoolModule;
const { createRunPlan, emptySumsFor } = (await import(dist('sim/run/run-plan.js'))) as PlanModule;

async function setup() {
  const loaded = await readScenarioFile('scenarios/three-zones-stacked.yaml');
  if (!loaded.ok) throw new Error('example does not load');
  const spec = { seed: 5, horizonHours: 8760, method: 'plain' as const, withEvents: false };
  const empty = emptySumsFor(createRunPlan(loaded.topology, spec), 'plain');
  const shape = {
    predicates: empty.predicates.length,
    clusters: empty.clusters.length,
    slo: empty.slo.length,
  };
  return { topology: loaded.topology, spec, shape };
}

describe('the worker pool (built package)', () => {
  it('gives the same sums for 1 and 2 threads, any chunk size, and the default count', async () => {
    const { topology, spec, shape } = await setup();
    const request = { stream: 'plain' as const, from: 100, to: 700 };
    const runs: string[] = [];
    const cases = [
      { size: 1, eventsPerTrial: 90, adaptive: false },
      { size: 2, eventsPerTrial: 90, adaptive: false }, // chunks of 38 trials (600 / 16)
      { size: 2, eventsPerTrial: 20_000, adaptive: false }, // chunks of 10 trials
      { size: 2, eventsPerTrial: 90, adaptive: true },
    ];
    for (const c of cases) {
      const pool = new WorkerPool(
        topology,
        spec,
        c.size,
        { ...shape, eventsPerTrial: c.eventsPerTrial },
        { adaptive: c.adaptive },
      );
      try {
        const r = await pool.run(request);
        expect(r.sums.trials).toBe(600);
        runs.push(JSON.stringify(runSumsToJson(r.sums)));
      } finally {
        await pool.close();
      }
    }
    expect(new Set(runs).size).toBe(1);
  });

  it('by default runs a tiny range here, a small one on one thread, a large one on more', async () => {
    const { topology, spec, shape } = await setup();
    const started = async (eventsPerTrial: number): Promise<number> => {
      const pool = new WorkerPool(
        topology,
        spec,
        2,
        { ...shape, eventsPerTrial },
        { adaptive: true },
      );
      try {
        const r = await pool.run({ stream: 'plain', from: 0, to: 600 });
        expect(r.sums.trials).toBe(600);
        return pool.started;
      } finally {
        await pool.close();
      }
    };
    // 600 trials × 90 events = 54,000 events (< IN_THREAD_EVENTS): no thread; × 1,000 events =
    // 6e5 (< 2 × EVENTS_PER_THREAD): one; × 20,000 events = 1.2e7: two, the most asked for.
    expect(await started(90)).toBe(0);
    expect(await started(1000)).toBe(1);
    expect(await started(20_000)).toBe(2);
  });
});

describe('hasim simulate --workers (built binary)', () => {
  it('caps a count above the cores at the cores, with a one-line note, and the same result', async () => {
    const args = ['simulate', 'scenarios/three-zones-stacked.yaml', '--json', '--trials', '40'];
    const one = await runBin([...args, '--workers', '1']);
    const many = await runBin([...args, '--workers', '1000']);
    expect(one.stderr).toBe('');
    expect(many.code).toBe(0);
    expect(many.stderr).toMatch(
      /^hasim: --workers 1000: using \d+, the cores of this machine \(more threads would not run faster\)\n$/,
    );
    expect(many.stdout).toBe(one.stdout);
  });
});
