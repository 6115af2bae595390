// Measures the two constants of src/sim/run/simulation-cost.ts on this machine: events a second
// (as estimateSimulationCost counts them) of in-thread plain trials, and the heap bytes per
// element of a compiled model with one trial's state. Printed, never asserted:
//   npx tsc -p tsconfig.build.json && node --expose-gc scripts/measure-sim-cost.mjs
import { readFile, readdir } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { loadScenarioText } from '../dist/io/read-scenario.js';
import { validateScenario } from '../dist/model/validate.js';
import { createRunPlan, runTrialRange } from '../dist/sim/run/run-plan.js';
import { estimateSimulationCost } from '../dist/sim/run/simulation-cost.js';

const dir = new URL('../scenarios/', import.meta.url);
const spec = { seed: 1, horizonHours: 8760, method: 'plain', withEvents: false, slo: null };

/** A synthetic scenario: `clusters` clusters of 3 masters and `workers` workers per zone. */
function synthetic(clusters, zones, workers, rates) {
  const z = Array.from({ length: zones }, (_, i) => `z${i}`);
  return validateScenario({
    version: 1,
    name: 'synthetic',
    regions: [{ name: 'r', zones: z }],
    clusters: Array.from({ length: clusters }, (_, i) => ({
      name: `c${i}`,
      region: 'r',
      masters: Object.fromEntries(z.slice(0, 3).map((x) => [x, 1])),
      workers: Object.fromEntries(z.map((x) => [x, workers])),
    })),
    ...(rates ? { failures: { worker: { perYear: rates }, process: { perYear: rates } } } : {}),
  }).topology;
}

const cases = [];
for (const file of (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort()) {
  const loaded = loadScenarioText(await readFile(new URL(file, dir), 'utf8'), file);
  if (loaded.ok) cases.push([file, loaded.topology]);
}
cases.push(['synthetic 50 clusters × 30 workers', synthetic(50, 3, 10)]);
cases.push(['synthetic 1 cluster × 3000 workers', synthetic(1, 3, 1000)]);
cases.push(['synthetic busy (rate 500/yr)', synthetic(2, 3, 5, 500)]);

let lowest = Infinity;
for (const [name, topology] of cases) {
  const plan = createRunPlan(topology, spec);
  runTrialRange(plan, 'plain', 0, 20); // warm-up
  const cost = estimateSimulationCost(topology, {
    trials: 1,
    horizonHours: 8760,
    parallelism: 1,
    threads: 0,
  });
  const trials = Math.max(20, Math.round(2e6 / cost.eventsPerTrial));
  const start = performance.now();
  runTrialRange(plan, 'plain', 0, trials);
  const seconds = (performance.now() - start) / 1000;
  const rate = (trials * cost.eventsPerTrial) / seconds;
  lowest = Math.min(lowest, rate);
  console.log(
    `${name.padEnd(40)} ${String(cost.elements).padStart(7)} elements ${cost.eventsPerTrial.toFixed(0).padStart(8)} events/trial ${(rate / 1e6).toFixed(2)} M events/s`,
  );
}
console.log(`lowest: ${(lowest / 1e6).toFixed(2)} M events/s`);

if (globalThis.gc) {
  for (const [clusters, workers] of [
    [20, 1600],
    [200, 1600],
  ]) {
    globalThis.gc();
    const used = () => process.memoryUsage().heapUsed + process.memoryUsage().external;
    const before = used();
    const topology = synthetic(clusters, 3, workers);
    const plan = createRunPlan(topology, spec);
    runTrialRange(plan, 'plain', 0, 1);
    globalThis.gc();
    // plan stays reachable below, so the gc above cannot free it.
    const after = used();
    const { elements } = estimateSimulationCost(topology, {
      trials: 1,
      horizonHours: 8760,
      parallelism: 1,
      threads: 0,
    });
    console.log(
      `${elements} elements: ${((after - before) / elements).toFixed(0)} bytes an element (heap and typed arrays, topology included)`,
    );
    if (plan.model.elementCount < 0) throw new Error('unreachable');
  }
}
