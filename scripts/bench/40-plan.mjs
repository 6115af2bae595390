// hasim plan's recommender: the exhaustive search over candidate layouts, each evaluated with the
// exact engine, without the Monte Carlo confirmation (timed on its own below). The target:
// at least 1,000 candidates in under 2 s. HASIM_BENCH_PLAN_ZONES=5 adds the 5-zone search (~20 s).
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildPlan } from '../../dist/plan/build-plan.js';
import { DEFAULT_COST_MODEL } from '../../dist/plan/candidate-cost.js';
import { recommendLayout } from '../../dist/plan/recommend-layout.js';

function search(log, label, planOptions, options) {
  const plan = buildPlan(planOptions);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = recommendLayout(plan, { cost: DEFAULT_COST_MODEL, simulation: null, ...options });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const n = result.candidatesEvaluated;
  // Wall time on a shared machine counts the other processes too: CPU time is this search's.
  log(
    `${label.padEnd(54)} ${String(n).padStart(5)} candidates  wall ${(ms / 1000).toFixed(2).padStart(5)} s` +
      `  cpu ${(cpuMs / 1000).toFixed(2).padStart(5)} s  1,000 in ${((1000 / n) * (cpuMs / 1000)).toFixed(2)} s cpu`,
  );
  return { result, candidates: n, per1000: (1000 / n) * (cpuMs / 1000) };
}

export async function run(log, target = () => {}) {
  log(
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(', ')} on ${cpus().length} cores`,
  );
  const api = { targets: { api: 99.95 }, mode: 'local' };
  // The first search runs cold (as `hasim plan` does, once per process); later ones warm.
  search(
    log,
    'plan --regions 4 --tolerate 1 --target-api 99.95 (cold)',
    { regions: 4, tolerate: 1 },
    api,
  );
  const warm = search(log, '  the same, warm', { regions: 4, tolerate: 1 }, api);
  target(
    `plan search: CPU time per 1,000 candidates (warm; ${warm.candidates} searched)`,
    `${warm.per1000.toFixed(2)} s`,
    '< 2 s',
    warm.per1000 < 2,
  );
  search(
    log,
    '  the same, --mode failover',
    { regions: 4, tolerate: 1 },
    { ...api, mode: 'failoverWithCapacity' },
  );
  search(
    log,
    '  the same, 2 zones per region',
    { regions: 4, tolerate: 1, zonesPerRegion: 2 },
    api,
  );
  search(
    log,
    '  the same, 4 zones per region',
    { regions: 4, tolerate: 1, zonesPerRegion: 4 },
    api,
  );
  search(
    log,
    'plan --regions 10 --tolerate 2 (30 clusters), served',
    { regions: 10, tolerate: 2 },
    {
      targets: { api: 99.95, served: 99.99 },
      mode: 'local',
    },
  );
  if (process.env['HASIM_BENCH_PLAN_ZONES'] === '5') {
    search(
      log,
      '  4 regions, 5 zones per region',
      { regions: 4, tolerate: 1, zonesPerRegion: 5 },
      api,
    );
  }
  const plan = buildPlan({ regions: 4, tolerate: 1 });
  const start = performance.now();
  recommendLayout(plan, {
    ...api,
    cost: DEFAULT_COST_MODEL,
    simulation: { seed: 1, trials: 2000 },
  });
  log(
    `${'search + Monte Carlo confirmation (2,000 trials)'.padEnd(52)} ${((performance.now() - start) / 1000).toFixed(2)} s`,
  );
}
