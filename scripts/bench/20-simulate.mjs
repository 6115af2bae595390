// The Monte Carlo engine: raw draw rate of its generator, events and trial-years per second on
// one core, and the speedup of 2 worker threads over 1, on "3 stacked masters over 3 zones" with
// the default failures and timers. Printed, never asserted.
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadScenarioText } from '../../dist/io/read-scenario.js';
import { createTrialRng, RNG_ALGORITHM } from '../../dist/sim/engine/rng.js';
import { createRunPlan, runTrialRange } from '../../dist/sim/run/run-plan.js';
import { emptySumsFor } from '../../dist/sim/run/run-plan.js';
import { WorkerPool } from '../../dist/sim/run/worker-pool.js';

const SCENARIO = new URL('../../scenarios/three-zones-stacked.yaml', import.meta.url);
const fmt = (x) =>
  x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(1);

function drawRate() {
  const rng = createTrialRng(1, 0);
  let sum = 0;
  const n = 20_000_000;
  for (let i = 0; i < n / 10; i++) sum += rng(); // warm-up
  const start = performance.now();
  for (let i = 0; i < n; i++) sum += rng();
  const seconds = (performance.now() - start) / 1000;
  if (sum < 0) throw new Error('unreachable');
  return n / seconds;
}

export async function run(log) {
  const loaded = loadScenarioText(await readFile(SCENARIO, 'utf8'), 'three-zones-stacked.yaml');
  if (!loaded.ok) throw new Error('scenario does not load');
  const topology = loaded.topology;
  const spec = { seed: 1, horizonHours: 8760, method: 'plain', withEvents: false };

  const draws = drawRate();
  log(`draws/s (${RNG_ALGORITHM}, raw)              ${fmt(draws).padStart(10)}`);

  const plan = createRunPlan(topology, spec);
  runTrialRange(plan, 'plain', 0, 2000); // warm-up
  const trials = 20_000;
  const start = performance.now();
  const sums = runTrialRange(plan, 'plain', 0, trials);
  const seconds = (performance.now() - start) / 1000;
  const events = sums.events / seconds;
  log(
    `events/s (1 core)                     ${fmt(events).padStart(10)}   (${(sums.events / trials).toFixed(0)} events per trial-year)`,
  );
  log(`trial-years/s (1 core)                ${fmt(trials / seconds).padStart(10)}`);
  log(
    `events/s ÷ draws/s                    ${(events / draws).toFixed(3).padStart(10)}   (target ≥ 0.1, stretch 0.25)`,
  );

  const empty = emptySumsFor(plan, 'plain');
  const shape = { predicates: empty.predicates.length, clusters: empty.clusters.length };
  const wall = async (workers) => {
    const pool = new WorkerPool(topology, spec, workers, shape);
    try {
      await pool.run({ stream: 'plain', from: 0, to: 4000 * workers }); // start-up and JIT warm-up of every worker
      const t0 = performance.now();
      await pool.run({ stream: 'plain', from: 0, to: 80_000 });
      return (performance.now() - t0) / 1000;
    } finally {
      await pool.close();
    }
  };
  const one = await wall(1);
  const two = await wall(2);
  log(
    `worker threads: 1 → ${fmt(80_000 / one)} trial-years/s, 2 → ${fmt(80_000 / two)} trial-years/s`,
  );
  log(
    `speedup of 2 workers over 1           ${(one / two).toFixed(2).padStart(10)}   (target ≥ 1.7; ${availableParallelism()} cores here)`,
  );
}
