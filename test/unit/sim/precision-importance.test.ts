import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/sim/run/simulate.js';
import { importancePasses } from '../../../src/sim/stats/build-result.js';
import { emptyRunSums, PLAIN_BITS } from '../../../src/sim/stats/run-sums.js';
import { threeZones } from '../../helpers/sim-scenarios.js';

// A precision target holds for metrics estimated by importance sampling too (issue 9): the
// importance pass keeps doubling its trials until the reported downtime interval of every metric
// it estimates is narrow enough, or the budget (--max-trials) ends it, and the result says which.
// The quorum of 3 masters failing 0.2 times a year, repaired in 10 minutes: p(loss) ≈ 5·10⁻⁶ a
// year (importance.test.ts checks the interval against the exact CTMC answer).
const rare = threeZones({ failures: { master: { perYear: 0.2, repair: { mean: '10m' } } } });

function relativeHalfWidth(r: ReturnType<typeof simulate>): number {
  const d = r.clusters['prod']!.etcdQuorum.downHours;
  return (d.ci95[1] - d.ci95[0]) / 2 / d.mean;
}

describe('--precision with importance sampling', () => {
  it('samples the importance pass until its interval meets the precision', () => {
    const loose = simulate(rare, { trials: 1000, seed: 1, method: 'auto', precision: 0.2 });
    const tight = simulate(rare, { trials: 1000, seed: 1, method: 'auto', precision: 0.1 });
    for (const [r, precision] of [
      [loose, 0.2],
      [tight, 0.1],
    ] as const) {
      expect(r.clusters['prod']!.etcdQuorum.method).toBe('importance-sampling');
      expect(relativeHalfWidth(r)).toBeLessThanOrEqual(precision);
      expect(r.stop.reason).toBe('precision-met');
      expect(r.stop.passes).toContainEqual(
        expect.objectContaining({ pass: 'is-control', reason: 'precision-met' }),
      );
    }
    // A tighter target takes more importance-sampling trials and gives a narrower interval.
    const trials = (r: typeof loose): number =>
      r.importance?.find((p) => p.pass === 'is-control')?.trials ?? 0;
    expect(trials(tight)).toBeGreaterThan(trials(loose));
    expect(relativeHalfWidth(tight)).toBeLessThan(relativeHalfWidth(loose));
  });

  it('under --method importance, holds the passes to the precision, not the plain trials', () => {
    // Every metric's figure is its importance pass's: plain trials would not narrow it, so the
    // plain pass keeps the trials asked for (it used to double towards the budget, 100× them).
    const r = simulate(rare, { trials: 1000, seed: 1, method: 'importance', precision: 0.1 });
    expect(r.trials).toBe(1000);
    expect(r.clusters['prod']!.etcdQuorum.method).toBe('importance-sampling');
    expect(relativeHalfWidth(r)).toBeLessThanOrEqual(0.1);
    expect(r.stop.reason).toBe('precision-met');
    expect(r.stop.passes?.map((p) => p.reason)).toEqual(r.importance?.map(() => 'precision-met'));
  });

  it('says so when the budget ends the importance pass first, and names the metrics', () => {
    const r = simulate(rare, {
      trials: 1000,
      seed: 1,
      method: 'auto',
      precision: 0.02,
      maxTrials: 4000,
    });
    expect(relativeHalfWidth(r)).toBeGreaterThan(0.02);
    expect(r.stop.reason).toBe('max-trials');
    expect(r.stop.unmet).toContain('prod.etcdQuorum');
    const pass = r.stop.passes?.find((p) => p.pass === 'is-control');
    expect(pass).toMatchObject({ reason: 'max-trials', trials: 4000 });
    expect(pass?.unmet).toContain('prod.etcdQuorum');
  });

  it('drops the passes that cannot help: β = 1 biases nothing', () => {
    const plain = emptyRunSums(4 + 2, 1, PLAIN_BITS, 0);
    const model = { clusters: [{}] };
    // Every metric rare: `auto` wants every pass, except those whose β is 1.
    const betas = { 'is-control': 40, 'is-workloads': 1, 'is-all': 3 };
    expect(importancePasses('auto', model, plain, betas)).toEqual(['is-control', 'is-all']);
    expect(importancePasses('importance', model, plain, betas)).toEqual(['is-control', 'is-all']);
    expect(importancePasses('auto', model, plain)).toEqual([
      'is-control',
      'is-workloads',
      'is-all',
    ]);
  });
});
