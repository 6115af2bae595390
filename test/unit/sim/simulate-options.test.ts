import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/sim/run/simulate.js';
import { threeZones } from '../../helpers/sim-scenarios.js';

describe('simulate options', () => {
  it('replays the scenario events in every trial with withEvents, and not without', () => {
    // Zones b and c both down from 2 h to 3 h: quorum lost for exactly 1 h in every trial.
    const events = [
      { at: '1h', fail: 'zone eu/b', for: '4h' },
      { at: '2h', fail: 'zone eu/c', for: '1h' },
    ];
    const t = threeZones({ events });
    const replayed = simulate(t, { trials: 20, seed: 1, method: 'plain', withEvents: true });
    const q = replayed.clusters['prod']!.etcdQuorum;
    expect(q.downHours.mean).toBeCloseTo(1, 9);
    expect(q.pOutage.mean).toBe(1);
    // Every minute down is the events': 1 h of a 1-year horizon is 60 min a year.
    expect(q.downtimeMinutesPerYearByCause).toEqual({ event: q.downtimeMinutesPerYear.mean });
    expect(q.downtimeMinutesPerYear.mean).toBeCloseTo(60, 7);
    const ignored = simulate(t, { trials: 20, seed: 1, method: 'plain' });
    expect(ignored.clusters['prod']!.etcdQuorum.trialsWithOutage).toBe(0);
  });

  it('with a precision target, adds trials until every downtime interval is tight enough', () => {
    const t = threeZones({ failures: { master: { perYear: 40, repair: { mean: '12h' } } } });
    // Workers never fail here: nothing can take workloads (and the regions it serves) down, so
    // they do not hold the trials back, and their importance-sampling passes, which would bias
    // nothing (β = 1), do not run.
    const r = simulate(t, {
      trials: 20,
      seed: 2,
      method: 'auto',
      precision: 0.05,
      maxTrials: 5000,
    });
    expect(r.stop.reason).toBe('precision-met');
    expect(r.importance).toBeNull();
    // Batches double: 20, 40, 80, … trials.
    expect(Math.log2(r.trials / 20) % 1).toBe(0);
    for (const m of ['etcdQuorum', 'api', 'scheduling'] as const) {
      const d = r.clusters['prod']![m].downHours;
      expect((d.ci95[1] - d.ci95[0]) / 2 / d.mean).toBeLessThanOrEqual(0.05);
    }
  });

  it('says so when the budget runs out first, and names the metrics short of the target', () => {
    const t = threeZones({ failures: { master: { perYear: 40, repair: { mean: '12h' } } } });
    const r = simulate(t, {
      trials: 20,
      seed: 2,
      method: 'plain',
      precision: 0.001,
      maxTrials: 80,
    });
    expect(r.stop).toMatchObject({ reason: 'max-trials', precision: 0.001 });
    expect(r.trials).toBe(80);
    expect(r.stop.unmet).toContain('prod.etcdQuorum');
  });
});

describe('an explicit trial budget (issue 10, item 7)', () => {
  it('is never raised: --max-trials below --trials caps the first batch', () => {
    const t = threeZones({ failures: { master: { perYear: 40, repair: { mean: '12h' } } } });
    const r = simulate(t, {
      trials: 50,
      seed: 2,
      method: 'plain',
      precision: 0.001,
      maxTrials: 30,
    });
    expect(r.trials).toBe(30);
    expect(r.stop).toMatchObject({ reason: 'max-trials', trialsRequested: 50 });
  });
});
