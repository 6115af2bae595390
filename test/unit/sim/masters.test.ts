import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../../src/io/read-scenario.js';
import { simulate } from '../../../src/sim/run/simulate.js';
import { topologyOf, ZERO_TIMERS } from '../../helpers/sim-scenarios.js';

// Adding masters must not look worse than a single master (issue 8): graceful maintenance opens
// no gap, and a step waits while the cluster is degraded.

const SPREADS = [{ a: 1 }, { a: 1, b: 1, c: 1 }, { a: 2, b: 2, c: 1 }, { a: 3, b: 2, c: 2 }];

describe('more masters over three zones', () => {
  it('three-zones-stacked.yaml has fewer api outages a year than the same file with one master', () => {
    const file = readFileSync('scenarios/three-zones-stacked.yaml', 'utf8');
    const one = file.replace('masters: { a: 1, b: 1, c: 1 }', 'masters: { a: 1 }');
    expect(one).not.toBe(file);
    const api = (text: string) => {
      const loaded = loadScenarioText(text, 'three-zones-stacked.yaml');
      if (!loaded.ok) throw new Error('the example does not load');
      return simulate(loaded.topology, { trials: 2000, seed: 1, method: 'plain' }).clusters['prod']!
        .api;
    };
    const [three, single] = [api(file), api(one)];
    // A single master's 15 upgrade steps a year are full outages; three masters' are not.
    expect(three.outagesPerYear.ci95[1]).toBeLessThan(single.outagesPerYear.ci95[0]);
    expect(three.downHours.ci95[1]).toBeLessThan(single.downHours.ci95[0]);
    expect(three.downtimeMinutesPerYearByCause.maintenance ?? 0).toBe(0);
  });

  it('with every timer at 0, api downtime shrinks with each master added (1, 3, 5, 7)', () => {
    // Arrange: frequent master and zone failures, so that plain sampling decides; the elements
    // every layout shares (region, impairment, load balancer, bad changes) are off. They are
    // independent of the masters, so api = shared ∧ masters' part: A = A_shared · A_masters, and
    // A_masters decides the order. Maintenance is on (graceful, health-gated, the defaults).
    const down = SPREADS.map((masters) => {
      const t = topologyOf({
        regions: [{ name: 'eu', zones: ['a', 'b', 'c'] }],
        clusters: [
          {
            name: 'prod',
            region: 'eu',
            masters,
            workers: { a: 2, b: 2, c: 2 },
            workersNeeded: 4,
          },
        ],
        failures: {
          master: { perYear: 40 },
          zone: { perYear: 1 },
          region: { perYear: 0 },
          regionImpairment: { perYear: 0 },
          loadBalancer: { perYear: 0 },
          operatorError: { changesPerYear: 0 },
        },
        timers: ZERO_TIMERS,
      });
      // Act
      return simulate(t, { trials: 1000, seed: 1, method: 'plain' }).clusters['prod']!.api
        .downHours;
    });
    // Assert: each interval lies wholly below the previous one.
    for (let i = 1; i < down.length; i++)
      expect(down[i]!.ci95[1]).toBeLessThan(down[i - 1]!.ci95[0]);
  });

  it('three-zones-stacked.yaml with the defaults: api P(outage) below one half a year', () => {
    // A one-master stop is a failover gap for a third of the requests, not an outage; what is
    // left are whole-API outages (region events, the load balancer, bad changes, quorum).
    const loaded = loadScenarioText(
      readFileSync('scenarios/three-zones-stacked.yaml', 'utf8'),
      'three-zones-stacked.yaml',
    );
    if (!loaded.ok) throw new Error('the example does not load');
    const api = simulate(loaded.topology, { trials: 20_000, seed: 1 }).clusters['prod']!.api;
    expect(api.pOutage.ci95[1]).toBeLessThan(0.5);
  });

  it('with the default timers, the failover gaps cost the same whatever the number of masters', () => {
    // Only apiserver and etcd processes fail (100 a year each, 30 s restarts): every stop leaves
    // the others serving, so the endpoint sends the stopped one 1/M of the requests for the
    // 30 s cloud failover (or until it is back, also 30 s). M masters stop 2·100·M times a
    // year: 2·100·M · 30 s · 1/M = 100 min of requests a year, for any M (docs/model.md, Timers).
    const expected = (2 * 100 * 30) / 60;
    for (const masters of SPREADS.slice(1)) {
      const t = topologyOf({
        regions: [{ name: 'eu', zones: ['a', 'b', 'c'] }],
        clusters: [{ name: 'prod', region: 'eu', masters, workers: { a: 1 } }],
        failures: {
          node: { perYear: 0 },
          disk: { perYear: 0 },
          zone: { perYear: 0 },
          region: { perYear: 0 },
          regionImpairment: { perYear: 0 },
          partition: { perYear: 0 },
          loadBalancer: { perYear: 0 },
          operatorError: { changesPerYear: 0 },
          maintenance: { passesPerYear: 0 },
          process: { perYear: 100 },
        },
      });
      const api = simulate(t, { trials: 300, seed: 1, method: 'plain' }).clusters['prod']!.api;
      // The timers' part is the gaps' (quorum losses, when two stops overlap, are the rest).
      expect(api.timerDowntimeMinutesPerYear).toBeGreaterThan(expected * 0.97);
      expect(api.timerDowntimeMinutesPerYear).toBeLessThan(expected * 1.03);
    }
  });
});
