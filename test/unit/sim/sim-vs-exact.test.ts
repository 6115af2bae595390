import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeTopology } from '../../../src/exact/analyze.js';
import { ZERO_TIMERS as NO_TIMERS } from '../../../src/model/defaults.js';
import { readScenarioFile } from '../../../src/io/read-scenario.js';
import type { Topology } from '../../../src/model/topology.js';
import type { Estimate } from '../../../src/sim/simulation-result.js';
import { simulate } from '../../../src/sim/simulate.js';
import { topologyOf, ZERO_TIMERS } from '../../helpers/sim-scenarios.js';
import { ALL_FAILURES_OFF } from '../../helpers/topology-builder.js';

// With every timer at 0 the simulator's time-averages converge to the exact engine's steady
// state (docs/model.md). The example scenarios are checked against their 99.9 % intervals (the
// 95 % one widened by 3.29 / 1.96, fixed seed). The property makes hundreds of comparisons per
// run under any seed, on small trial counts whose downtime is skewed: it allows 4.4 standard
// errors (a false alarm about once in 10^5 comparisons). Semantic mismatches show up far beyond
// either (a partition rule that differed gave 7 standard errors and more).

function zeroTimers(t: Topology): Topology {
  return { ...t, timers: structuredClone(NO_TIMERS) };
}

/** The metrics whose 99.9 % interval misses the exact availability. */
function disagreements(t: Topology, trials: number, seed: number, z = 3.29): string[] {
  const exact = analyzeTopology(t);
  const sim = simulate(t, { trials, seed });
  const out: string[] = [];
  const check = (where: string, e: Estimate, value: number): void => {
    const [lo, hi] = e.ci95;
    const centre = (lo + hi) / 2;
    const half = ((hi - lo) / 2) * (z / 1.96) + 1e-12;
    if (value < centre - half || value > centre + half)
      out.push(`${where}: exact ${value}, simulated ${e.mean} [${lo}, ${hi}]`);
  };
  for (const [name, metrics] of Object.entries(exact.clusters)) {
    for (const [metric, a] of Object.entries(metrics)) {
      const s = (sim.clusters[name] as unknown as Record<string, { availability: Estimate }>)[
        metric
      ]!;
      check(`${name}.${metric}`, s.availability, a.availability);
    }
  }
  for (const [name, metrics] of Object.entries(exact.regions)) {
    for (const [metric, a] of Object.entries(metrics)) {
      const s = (sim.regions[name] as unknown as Record<string, { availability: Estimate }>)[
        metric
      ]!;
      check(`${name}.${metric}`, s.availability, a.availability);
    }
  }
  return out;
}

const SCENARIOS = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('simulate agrees with hasim analyze with every timer at 0', () => {
  it.each(SCENARIOS)('scenarios/%s', async (file) => {
    const loaded = await readScenarioFile(`scenarios/${file}`);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(disagreements(zeroTimers(loaded.topology), 600, 1)).toEqual([]);
  });

  it('on random small clusters with frequent failures of every class (property)', () => {
    const zones = ['a', 'b', 'c'];
    const arb = fc.record({
      zoneCount: fc.integer({ min: 1, max: 3 }),
      masters: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
      external: fc.boolean(),
      members: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
      workers: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
      endpoint: fc.constantFrom('cloud', 'keepalived', 'local-proxy', 'dns', 'single-master'),
      rates: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 7, maxLength: 7 }),
      seed: fc.integer({ min: 1, max: 10_000 }),
    });
    fc.assert(
      fc.property(arb, (c) => {
        const zs = zones.slice(0, c.zoneCount);
        const masters = Object.fromEntries(zs.map((z, i) => [z, c.masters[i]!]));
        const members = Object.fromEntries(zs.map((z, i) => [z, c.members[i]!]));
        const workers = Object.fromEntries(zs.map((z, i) => [z, c.workers[i]!]));
        fc.pre(Object.values(masters).some((n) => n > 0));
        fc.pre(!c.external || Object.values(members).some((n) => n > 0));
        fc.pre(Object.values(workers).some((n) => n > 0));
        const pinnedZone = zs.find((z) => (masters[z] ?? 0) > 0)!;
        const [master, etcd, worker, zone, link, process, lb] = c.rates.map((perYear) => ({
          perYear,
          repair: { mean: '20h' },
        }));
        const t = topologyOf({
          regions: [{ name: 'eu', zones: zs }],
          clusters: [
            {
              name: 'x',
              region: 'eu',
              masters,
              etcd: c.external ? members : 'stacked',
              endpoint:
                c.endpoint === 'keepalived' || c.endpoint === 'single-master'
                  ? { kind: c.endpoint, zone: pinnedZone }
                  : c.endpoint,
              workers,
            },
          ],
          failures: {
            ...ALL_FAILURES_OFF,
            master,
            etcd,
            worker,
            zone,
            partition: link,
            process,
            loadBalancer: lb,
          },
          timers: ZERO_TIMERS,
        });
        expect(disagreements(t, 200, c.seed, 4.4)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
