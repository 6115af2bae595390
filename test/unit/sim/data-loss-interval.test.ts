/**
 * Issue 10, item 6: dataLoss intervals are finite and honest. Events: the exact (Garwood)
 * Poisson interval. Hours lost a year: [0, the events' upper bound × the most one loss can lose].
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTopology } from '../../../src/exact/analyze.js';
import { readScenarioFile } from '../../../src/io/read-scenario.js';
import { simulate } from '../../../src/sim/run/simulate.js';
import { poissonInterval } from '../../../src/sim/stats/intervals.js';
import { threeZones } from '../../helpers/sim-scenarios.js';
import { outOfRange } from '../../helpers/finite-json.js';

describe('poissonInterval', () => {
  // Garwood (1936) exact 95 % limits, as tabulated e.g. in Ulm, Am. J. Epidemiol. 131 (1990),
  // and computed as χ²(0.025, 2k)/2 and χ²(0.975, 2k + 2)/2.
  it.each([
    [0, 0, 3.689],
    [1, 0.0253, 5.572],
    [2, 0.2422, 7.225],
    [5, 1.6235, 11.668],
    [10, 4.7954, 18.39],
  ])('k = %i: [%f, %f]', (k, lo, hi) => {
    const [l, h] = poissonInterval(k);
    expect(l).toBeCloseTo(lo, 3);
    expect(h).toBeCloseTo(hi, 2);
  });

  it('covers a Poisson mean at ≥ 95 %: summed over the counts a mean of 3 gives', () => {
    // P(lo(K) ≤ 3 ≤ hi(K)) for K ~ Poisson(3), by the exact pmf.
    let coverage = 0;
    let pmf = Math.exp(-3);
    for (let k = 0; k < 60; k++) {
      const [lo, hi] = poissonInterval(k);
      if (lo <= 3 && 3 <= hi) coverage += pmf;
      pmf *= 3 / (k + 1);
    }
    expect(coverage).toBeGreaterThanOrEqual(0.95);
  });
});

describe('dataLoss in simulate', () => {
  it('bounds the hours lost finitely, by the backup interval when snapshots are off the cluster', () => {
    const t = threeZones({ failures: { disk: { perYear: 30, repair: { mean: '48h' } } } });
    t.backup = { ...t.backup, intervalHours: 6, location: 'off-cluster' };
    const r = simulate(t, { trials: 200, seed: 3, method: 'plain' });
    const loss = r.clusters['prod']!.dataLoss;
    expect(loss.eventsPerYear.mean).toBeGreaterThan(0);
    const [lo, hi] = loss.lostHoursPerYear.ci95;
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThanOrEqual(loss.lostHoursPerYear.mean);
    // No more than 6 h lost per loss, at the upper end of the loss rate.
    expect(hi).toBeCloseTo(loss.eventsPerYear.ci95[1] * 6, 9);
  });

  it('bounds by the horizon when the snapshots sit on the etcd nodes', () => {
    const t = threeZones({});
    t.backup = { ...t.backup, intervalHours: 6, location: 'on-etcd-nodes' };
    const r = simulate(t, { trials: 50, seed: 3, method: 'plain', horizonHours: 720 });
    const loss = r.clusters['prod']!.dataLoss;
    expect(loss.lostHoursPerYear.ci95[1]).toBeCloseTo(loss.eventsPerYear.ci95[1] * 720, 9);
  });
});

describe('no result of an example holds null, NaN or Infinity', () => {
  const examples = readdirSync('scenarios')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join('scenarios', f));
  it.each(examples)('%s: analyze and simulate JSON', async (file) => {
    const loaded = await readScenarioFile(file);
    if (!loaded.ok) throw new Error(file);
    const analysis = JSON.parse(JSON.stringify(analyzeTopology(loaded.topology))) as unknown;
    expect(outOfRange(analysis)).toEqual([]);
    const sim = simulate(loaded.topology, { trials: 40, seed: 1 });
    expect(outOfRange(JSON.parse(JSON.stringify(sim)))).toEqual([]);
  });
});
