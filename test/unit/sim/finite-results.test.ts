/**
 * Issue 10, item 5: no output of either engine holds NaN, ±Infinity, an availability outside
 * [0, 1] or an interval with lo > hi — as a property over valid scenarios that reach the limits
 * of the format (limits.ts): repairs of 1 s and 100 y, Weibull shapes 0.1 and 20, rates of
 * 10⁶ a year, horizons of 100 y.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeTopology } from '../../../src/exact/analyze.js';
import { estimateAnalysisCost } from '../../../src/exact/analysis-cost.js';
import { validateScenario } from '../../../src/model/validate.js';
import { simulate } from '../../../src/sim/run/simulate.js';
import { estimateSimulationCost } from '../../../src/sim/run/simulation-cost.js';
import { scenarioAtLimitsArb } from '../../helpers/arbitraries.js';
import { outOfRange } from '../../helpers/finite-json.js';

const TRIALS = 4;

describe('results at the limits of the format', () => {
  it('every generated scenario at the limits is valid', () => {
    fc.assert(
      fc.property(scenarioAtLimitsArb, (file) => {
        const r = validateScenario(file);
        expect(r.ok ? [] : r.errors).toEqual([]);
      }),
      { seed: 105, numRuns: 100 },
    );
  });

  it('analyze: every figure finite, availabilities in [0, 1], intervals ordered', () => {
    fc.assert(
      fc.property(scenarioAtLimitsArb, (file) => {
        const r = validateScenario(file);
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        // Keep the run short; the cost refusal is tested on its own (analysis-cost.test.ts).
        fc.pre((estimateAnalysisCost(r.topology)?.seconds ?? Infinity) < 0.02);
        expect(outOfRange(analyzeTopology(r.topology))).toEqual([]);
      }),
      { seed: 105, numRuns: 30 },
    );
  });

  it('simulate (a few trials): every figure finite, availabilities in [0, 1], intervals ordered', () => {
    fc.assert(
      fc.property(scenarioAtLimitsArb, fc.constantFrom('plain', 'auto'), (file, method) => {
        const r = validateScenario(file);
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        const horizonHours = r.topology.simulation.horizonHours;
        const cost = estimateSimulationCost(r.topology, {
          trials: TRIALS * 4,
          horizonHours,
          parallelism: 1,
          threads: 0,
        });
        fc.pre(cost.trials * cost.eventsPerTrial < 2e4);
        const result = simulate(r.topology, { trials: TRIALS, seed: 7, method });
        expect(outOfRange(JSON.parse(JSON.stringify(result)))).toEqual([]);
      }),
      { seed: 105, numRuns: 25 },
    );
  });
});
