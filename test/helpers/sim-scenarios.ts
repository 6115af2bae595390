/** Small scenarios for simulator tests, written as scenario files (JSON is YAML) and loaded. */
import { readdirSync } from 'node:fs';
import { loadScenarioText, readScenarioFile } from '../../src/io/read-scenario.js';
import type { Topology } from '../../src/model/topology.js';
import { compileModel } from '../../src/sim/model/compile-model.js';
import type { SimModel } from '../../src/sim/model/sim-model.js';
import { ALL_FAILURES_OFF } from './topology-builder.js';

export const ZERO_TIMERS = {
  leaseDuration: '0',
  endpointFailover: '0',
  nodeMonitorGrace: '0',
  podEviction: '0',
};

export function topologyOf(file: Record<string, unknown>): Topology {
  const result = loadScenarioText(
    JSON.stringify({ version: 1, name: 'test', ...file }),
    'test.json',
  );
  if (!result.ok)
    throw new Error(result.errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('; '));
  return result.topology;
}

/** One region a/b/c and one cluster `prod` with one master per zone and 2 workers per zone. */
export function threeZones(options: {
  failures?: Record<string, unknown>;
  timers?: Record<string, string>;
  endpoint?: unknown;
  etcd?: unknown;
  workersNeeded?: number;
  events?: unknown[];
  horizon?: string;
}): Topology {
  return topologyOf({
    regions: [{ name: 'eu', zones: ['a', 'b', 'c'] }],
    clusters: [
      {
        name: 'prod',
        region: 'eu',
        masters: { a: 1, b: 1, c: 1 },
        etcd: options.etcd ?? 'stacked',
        endpoint: options.endpoint ?? 'cloud',
        workers: { a: 2, b: 2, c: 2 },
        workersNeeded: options.workersNeeded ?? 4,
      },
    ],
    failures: { ...ALL_FAILURES_OFF, ...options.failures },
    timers: options.timers ?? ZERO_TIMERS,
    ...(options.events === undefined ? {} : { events: options.events }),
    simulation: { horizon: options.horizon ?? '1y', trials: 200, seed: 7 },
  });
}

/** P(at least k of n independent elements up), each up with probability a. */
export function atLeast(k: number, n: number, a: number): number {
  let p = 0;
  for (let j = k; j <= n; j++) p += binomial(n, j) * a ** j * (1 - a) ** (n - j);
  return p;
}

/** Steady-state availability of one element: MTTF / (MTTF + MTTR). */
export function elementAvailability(perYear: number, mttrHours: number): number {
  const mttf = 8760 / perYear;
  return mttf / (mttf + mttrHours);
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** The example scenarios' file names (scenarios/*.yaml). */
export const EXAMPLE_FILES = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));

/** An example scenario's topology and its compiled model (1 y, random failures on). */
export async function compiledExample(
  file: string,
): Promise<{ topology: Topology; model: SimModel }> {
  const loaded = await readScenarioFile(`scenarios/${file}`);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  const model = compileModel(loaded.topology, {
    horizonHours: 8760,
    randomFailures: true,
    slo: null,
  });
  return { topology: loaded.topology, model };
}
