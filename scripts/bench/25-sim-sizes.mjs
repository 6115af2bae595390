// The Monte Carlo engine at every size (issue 9): cost per trial-year of one cluster of 30, 300
// and 1,200 workers; events/s and trial-years/s on one core for the small example
// (three-zones-stacked), the medium (3 clusters × 100 workers) and the large (3 regions × 3
// zones, 12 clusters × 600 workers) generated topologies; the large one's events/s as a share of
// the small one's. Medians of 5 runs; printed, never asserted.
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { loadScenarioText } from '../../dist/io/read-scenario.js';
import { createRunPlan, runTrialRange } from '../../dist/sim/run/run-plan.js';
import { largeTopologyYaml, mediumTopologyYaml, oneClusterYaml } from './fixtures/topologies.mjs';

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
  const small = await readFile(
    new URL('../../scenarios/three-zones-stacked.yaml', import.meta.url),
    'utf8',
  );
  const rows = [
    ['small (three-zones-stacked)', small, 20_000],
    ['medium (3 × 100 workers)', mediumTopologyYaml(), 1000],
    ['large (12 × 600 workers)', largeTopologyYaml(), 40],
    ['large, packed placement', largeTopologyYaml('packed'), 40],
  ];
  const eps = [];
  for (const [name, yaml, trials] of rows) {
    const r = measure(yaml, name, trials);
    eps.push(r.eventsPerSecond);
    log(
      `${name.padEnd(30)} ${fmt(r.eventsPerSecond).padStart(10)} events/s ${fmt(r.trialYearsPerSecond).padStart(9)} trial-years/s (${r.eventsPerTrial.toFixed(0)} events per trial-year)`,
    );
  }
  log(
    `large ÷ small events/s              ${(eps[2] / eps[0]).toFixed(2).padStart(10)}   (target ≥ 0.5; packed ${(eps[3] / eps[0]).toFixed(2)})`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`)
  await run((l) => process.stdout.write(`${l}\n`));
