// hasim analyze: the exact engine on every example scenario and on a generated large
// deployment (5 regions × 3 zones, 20 clusters, 5,000 workers, every default failure class on).
import { readdir } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { analyzeTopology } from '../../dist/exact/analyze.js';
import { computeElementAvailabilities } from '../../dist/exact/element-availability.js';
import { computeMetrics } from '../../dist/exact/engine.js';
import { readScenarioFile } from '../../dist/io/read-scenario.js';
import { validateScenario } from '../../dist/model/validate.js';

/** Median of `runs` timings of fn, in milliseconds. */
function time(fn, runs = 5) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    ms.push(performance.now() - start);
  }
  return ms.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/** The generated deployment (also used by 15-exact.mjs). */
export function largeScenario({
  regions = 5,
  zones = 3,
  clusters = 20,
  workers = 5000,
  etcd = 'stacked',
} = {}) {
  const zoneNames = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].slice(0, zones);
  const perCluster = Math.floor(workers / clusters);
  return {
    version: 1,
    name: `large-${regions}x${zones}-${clusters}-clusters-${workers}-workers`,
    regions: Array.from({ length: regions }, (_, r) => ({ name: `region-${r}`, zones: zoneNames })),
    clusters: Array.from({ length: clusters }, (_, i) => {
      const spread = (n) =>
        Object.fromEntries(
          zoneNames.map((z, k) => [z, Math.floor(n / zones) + (k < n % zones ? 1 : 0)]),
        );
      return {
        name: `cluster-${i}`,
        region: `region-${i % regions}`,
        masters: spread(3),
        etcd: etcd === 'stacked' ? 'stacked' : spread(5),
        endpoint: ['cloud', 'keepalived', 'local-proxy', 'dns'][i % 4],
        workers: spread(perCluster),
        workersNeeded: Math.floor(perCluster * 0.9),
      };
    }),
  };
}

function report(log, label, topology) {
  const av = computeElementAvailabilities(topology);
  const metrics = time(() => computeMetrics(topology, av));
  const full = time(() => analyzeTopology(topology), 3);
  log(
    `${label.padEnd(58)} availabilities ${metrics.toFixed(1).padStart(7)} ms   full analysis ${full.toFixed(1).padStart(7)} ms`,
  );
}

export async function run(log) {
  const dir = new URL('../../scenarios/', import.meta.url);
  const files = await readdir(dir).catch(() => []);
  const examples = files.filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  if (examples.length === 0) log('no example scenarios in scenarios/ yet');
  for (const f of examples) {
    const loaded = await readScenarioFile(new URL(f, dir).pathname);
    if (!loaded.ok) {
      log(`${f}: invalid scenario, skipped`);
      continue;
    }
    report(log, f, loaded.topology);
  }
  for (const options of [
    {},
    { etcd: 'external' },
    { regions: 1, zones: 5, clusters: 4, workers: 2000 },
    { regions: 1, zones: 3, clusters: 1, workers: 4997 },
  ]) {
    const result = validateScenario(largeScenario(options));
    if (!result.ok) throw new Error(`generated scenario invalid: ${JSON.stringify(result.errors)}`);
    report(
      log,
      `${result.topology.name}${options.etcd ? ' (external etcd)' : ''}`,
      result.topology,
    );
  }
  if (process.env['HASIM_BENCH_VERBOSE']) log('done');
}
