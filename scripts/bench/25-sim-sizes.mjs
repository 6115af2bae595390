// The Monte Carlo engine at every size (issue 9): cost per trial-year of one cluster of 30, 300
// and 1,200 workers, spread and packed placement (the packed scan was quadratic), and the large
// generated topology with packed placement. Medians of 5 runs; printed, never asserted. The
// small/medium/large events/s of spread placement are 20-simulate.mjs's.
import { performance } from 'node:perf_hooks';
import { loadScenarioText } from '../../dist/io/read-scenario.js';
import { createRunPlan, runTrialRange } from '../../dist/sim/run/run-plan.js';
import { largeTopologyYaml, oneClusterYaml } from './fixtures/topologies.mjs';

const fmt = (x) =>
  x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Events/s, trial-years/s and ms per trial-year of `trials` plain trials (median of `runs`). */
export function measure(yaml, name, trials, runs = 5) {
  const loaded = loadScenarioText(yaml, `${name}.yaml`);
  if (!loaded.ok) throw new Error(`${name} does not load`);
  const spec = { seed: 1, horizonHours: 8760, method: 'plain', withEvents: false };
  const plan = createRunPlan(loaded.topology, spec);
  runTrialRange(plan, 'plain', 0, Math.max(1, trials / 5)); // warm-up
  const seconds = [];
  let events = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const sums = runTrialRange(plan, 'plain', 0, trials);
    seconds.push((performance.now() - start) / 1000);
    events = sums.events;
  }
  const s = median(seconds);
  return {
    eventsPerSecond: events / s,
    trialYearsPerSecond: trials / s,
    msPerTrialYear: (1000 * s) / trials,
    eventsPerTrial: events / trials,
  };
}

export async function run(log) {
  // Spread placement (the default) and packed placement (carrying workers: the case that was
  // quadratic before issue 9).
  for (const placement of ['spread', 'packed']) {
    for (const [workers, trials] of [
      [30, 4000],
      [300, 1000],
      [1200, 200],
    ]) {
      const r = measure(oneClusterYaml(workers, placement), `one-cluster-${workers}`, trials);
      log(
        `1 cluster, ${String(workers).padStart(5)} workers (${placement}) ${r.msPerTrialYear.toFixed(3).padStart(8)} ms per trial-year   (${r.eventsPerTrial.toFixed(0)} events)`,
      );
    }
  }
  // Small, medium and large events/s (spread) are 20-simulate.mjs's figures; packed placement here.
  const r = measure(largeTopologyYaml('packed'), 'large-packed', 40);
  log(
    `large (12 × 600 workers), packed placement ${fmt(r.eventsPerSecond).padStart(10)} events/s ${fmt(r.trialYearsPerSecond).padStart(9)} trial-years/s`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`)
  await run((l) => process.stdout.write(`${l}\n`));
