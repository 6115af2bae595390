/** Issue 10, item 7: the cost of a run, estimated before anything is compiled or allocated. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../../src/io/read-scenario.js';
import { validateScenario } from '../../../src/model/validate.js';
import type { Topology } from '../../../src/model/topology.js';
import { compileModel } from '../../../src/sim/model/compile-model.js';
import {
  estimateSimulationCost,
  simulationCostRefusal,
  SIM_EVENTS_PER_SECOND,
  SIM_TIME_LIMIT_SECONDS,
} from '../../../src/sim/run/simulation-cost.js';

const examples = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => join('scenarios', f));

function synthetic(clusters: number, workersPerZone: number, zones = 3): Topology {
  const z = Array.from({ length: zones }, (_, i) => `z${i}`);
  const r = validateScenario({
    version: 1,
    name: 'synthetic',
    regions: [{ name: 'r', zones: z }],
    clusters: Array.from({ length: clusters }, (_, i) => ({
      name: `c${i}`,
      region: 'r',
      masters: { z0: 1, z1: 1, z2: 1 },
      etcd: i % 2 === 0 ? 'stacked' : { z0: 2, z1: 2, z2: 1 },
      endpoint: i % 3 === 0 ? 'keepalived' : 'cloud',
      workers: Object.fromEntries(z.map((x) => [x, workersPerZone])),
    })),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

const run = { trials: 1000, horizonHours: 8760, parallelism: 1, threads: 0 };

describe('estimateSimulationCost', () => {
  it.each(examples)('counts the elements compileModel creates: %s', async (file) => {
    const loaded = await readScenarioFile(file);
    if (!loaded.ok) throw new Error(file);
    const model = compileModel(loaded.topology, { horizonHours: 8760, randomFailures: true });
    expect(estimateSimulationCost(loaded.topology, run).elements).toBe(model.elementCount);
  });

  it('counts them for external etcd, keepalived pairs and several zones too', () => {
    const t = synthetic(6, 4, 5);
    const model = compileModel(t, { horizonHours: 8760, randomFailures: true });
    expect(estimateSimulationCost(t, run).elements).toBe(model.elementCount);
  });

  it('grows events with trials × horizon, and seconds as events over the measured rate', () => {
    const t = synthetic(2, 2);
    const one = estimateSimulationCost(t, run);
    const more = estimateSimulationCost(t, { ...run, trials: 4000, horizonHours: 2 * 8760 });
    expect(more.seconds / one.seconds).toBeGreaterThan(4);
    expect(one.seconds).toBeCloseTo((1000 * one.eventsPerTrial) / SIM_EVENTS_PER_SECOND, 12);
  });

  it('counts a busy element by its failure-and-repair cycles, not its rate: λ/(1 + λ·r) a year', () => {
    // One worker at 10⁶ failures a year with a 1 h repair cycles 10⁶/(1 + 10⁶/8760) ≈ 8,684 times.
    const busy = validateScenario({
      version: 1,
      name: 'busy',
      regions: [{ name: 'r', zones: ['a'] }],
      clusters: [{ name: 'c', region: 'r', masters: { a: 1 }, workers: { a: 1 } }],
      failures: { worker: { perYear: 1e6, repair: { fixed: '1h' } } },
    });
    if (!busy.ok) throw new Error('invalid');
    const quiet = validateScenario({ ...busy.file, failures: { worker: { perYear: 0 } } });
    if (!quiet.ok) throw new Error('invalid');
    const extra =
      estimateSimulationCost(busy.topology, { ...run, trials: 1 }).eventsPerTrial -
      estimateSimulationCost(quiet.topology, { ...run, trials: 1 }).eventsPerTrial;
    expect(extra).toBeCloseTo(2 * (1e6 / (1 + 1e6 / 8760)), 6);
  });
});

describe('simulationCostRefusal', () => {
  it('lets the examples run at their trials', async () => {
    const refused: string[] = [];
    for (const file of examples) {
      const loaded = await readScenarioFile(file);
      if (!loaded.ok) throw new Error(file);
      const t = loaded.topology;
      const cost = estimateSimulationCost(t, { ...run, trials: t.simulation.trials });
      if (simulationCostRefusal(cost) !== null) refused.push(file);
    }
    expect(refused).toEqual([]);
  });

  it('refuses 10⁹ trials past an hour, naming the trials that fit', () => {
    const cost = estimateSimulationCost(synthetic(1, 2), { ...run, trials: 1e9 });
    expect(cost.seconds).toBeGreaterThan(SIM_TIME_LIMIT_SECONDS);
    const why = simulationCostRefusal(cost) ?? '';
    const fits = Number(/at most ([\d,]+) trials/.exec(why)?.[1]?.replaceAll(',', ''));
    expect(
      simulationCostRefusal({
        ...cost,
        ...estimateSimulationCost(synthetic(1, 2), { ...run, trials: fits }),
      }),
    ).toBeNull();
    expect(
      simulationCostRefusal(estimateSimulationCost(synthetic(1, 2), { ...run, trials: fits + 2 })),
    ).not.toBeNull();
  });

  it('refuses compiled models past the memory budget before compiling them', () => {
    // 1,000 clusters of 4,998 workers: 5·10⁶ elements on 4 workers and the main thread.
    const t = synthetic(1, 1);
    const big: Topology = {
      ...t,
      clusters: Array.from({ length: 1000 }, (_, i) => ({
        ...t.clusters[0]!,
        name: `c${i}`,
        counts: { ...t.clusters[0]!.counts, workers: 4998 },
      })),
    };
    const why = simulationCostRefusal(
      estimateSimulationCost(big, { ...run, trials: 2, threads: 4 }),
    );
    expect(why).toMatch(/GiB .*more than the budget of 2\.0 GiB/);
  });
});
