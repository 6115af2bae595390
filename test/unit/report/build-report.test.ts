import { describe, expect, it } from 'vitest';
import { analyzeTopology } from '../../../src/exact/analyze.js';
import { simulate } from '../../../src/sim/run/simulate.js';
import type { SimulationResult } from '../../../src/sim/stats/simulation-result.js';
import { buildReport } from '../../../src/report/build-report.js';
import { buildChartSpecs } from '../../../src/report/chart-specs.js';
import type { SloEntry } from '../../../src/report/slo-entry.js';
import { SAMPLE_SLO } from '../../helpers/report-fixtures.js';
import { threeZones, topologyOf } from '../../helpers/sim-scenarios.js';
import { oneRegion } from '../../helpers/topology-builder.js';

/** One master in one zone; zones fail once a year for 5 h (exponential): a = 8760 / 8765. */
const oneMaster = oneRegion(
  ['a'],
  [{ name: 'prod', masters: { a: 1 }, endpoint: 'cloud' }],
  { zone: { perYear: 1, repair: { mean: '5h' } } },
  { objectives: { api: 99.99, workloads: 99 } },
);

describe('buildReport', () => {
  it('gives the exact downtime per year and a twelfth of it per month', () => {
    // Arrange: A = MTTF / (MTTF + MTTR) = 8760 / 8765 (model.md, "Elements").
    const a = 8760 / 8765;
    // Act
    const report = buildReport({ analysis: analyzeTopology(oneMaster), topology: oneMaster });
    // Assert
    const api = report.metrics.find((m) => m.target === 'prod' && m.metric === 'api');
    expect(api?.exact?.availability).toBeCloseTo(a, 14);
    expect(api?.exact?.downMinutesPerYear).toBeCloseTo((1 - a) * 525_600, 8);
    expect(api?.exact?.downMinutesPerMonth).toBeCloseTo(((1 - a) * 525_600) / 12, 8);
    // 99.99 % allows 0.01 % of 43,800 min = 4.38 min a month; a ≈ 99.943 % misses it.
    expect(api?.objective).toEqual({
      percent: 99.99,
      budgetMinutesPerMonth: expect.closeTo(4.38, 9) as number,
      exact: 'not-met',
      simulated: null,
    });
    expect(report.findings.map((f) => f.severity)).toContain('missed');
  });

  it('scales simulated downtime from the horizon to a year and a month', () => {
    // Arrange: half a year per trial, so a year's downtime is twice a trial's.
    const t = threeZones({
      failures: { zone: { perYear: 4, repair: { mean: '6h' } } },
      horizon: '4380h',
    });
    const sim = simulate(t, { trials: 300, seed: 3 });
    // Act
    const row = buildReport({ simulation: sim }).metrics.find((m) => m.metric === 'workloads');
    // Assert
    const down = sim.clusters['prod']!.workloads.downHours;
    expect(row?.simulated?.downMinutesPerYear.mean).toBeCloseTo(down.mean * 60 * 2, 9);
    expect(row?.simulated?.downMinutesPerYear.ci95[1]).toBeCloseTo(down.ci95[1] * 60 * 2, 9);
    expect(row?.simulated?.downMinutesPerMonth.mean).toBeCloseTo((down.mean * 60 * 2) / 12, 9);
    expect(row?.exact).toBeNull();
  });

  it('has simulated causes that add up to the simulated downtime of each predicate', () => {
    const t = threeZones({
      failures: {
        zone: { perYear: 3, repair: { mean: '4h' } },
        node: { perYear: 6, repair: { mean: '2h' } },
        loadBalancer: { perYear: 2, repair: { mean: '1h' } },
      },
    });
    const report = buildReport({
      simulation: simulate(t, { trials: 400, seed: 11, method: 'plain' }),
    });
    for (const m of report.metrics) {
      const sum = report.causes
        .filter((c) => c.target === m.target && c.metric === m.metric)
        .reduce((s, c) => s + c.minutesPerYear, 0);
      expect(sum).toBeCloseTo(m.simulated?.downMinutesPerYear.mean ?? Number.NaN, 6);
    }
  });

  it('lists an element that breaks several predicates once, with all of them', () => {
    const report = buildReport({ analysis: analyzeTopology(oneMaster), topology: oneMaster });
    const zone = report.singlePointsOfFailure.filter((s) => s.element === 'zone r/a');
    expect(zone).toHaveLength(1);
    expect(zone[0]?.breaks).toEqual(
      expect.arrayContaining(['prod/etcdQuorum', 'prod/api', 'prod/scheduling']),
    );
    expect(zone[0]?.class).toBe('zone');
  });

  it('names the zone whose loss breaks quorum in its findings', () => {
    const t = oneRegion(['a', 'b'], [{ name: 'prod', masters: { a: 2, b: 1 } }], {
      zone: { perYear: 1, repair: { mean: '5h' } },
    });
    const report = buildReport({ analysis: analyzeTopology(t), topology: t });
    expect(report.findings[0]).toEqual({
      severity: 'risk',
      text: 'Losing zone r/a breaks etcd quorum of cluster prod: it holds 2 of the 3 etcd members, and the other zones hold 1, fewer than the quorum of 2.',
    });
  });

  it('has the seed, trials and commands to replay a simulation', () => {
    const t = threeZones({ failures: { zone: { perYear: 1, repair: { mean: '2h' } } } });
    const report = buildReport({
      analysis: analyzeTopology(t),
      simulation: simulate(t, { trials: 50, seed: 42 }),
      scenarioFile: 'x.yaml',
    });
    expect(report.replay).toMatchObject({ seed: 42, trials: 50, horizonHours: 8760 });
    expect(report.replay.commands).toEqual([
      'hasim analyze x.yaml',
      'hasim simulate x.yaml --trials 50 --seed 42 --zero-timers',
    ]);
  });

  it('is plain data: JSON keeps every field of its own sections', () => {
    const t = threeZones({ failures: { zone: { perYear: 2, repair: { mean: '3h' } } } });
    const report = buildReport({
      analysis: analyzeTopology(t),
      simulation: simulate(t, { trials: 100 }),
      topology: t,
    });
    // The inputs are the results as given; a simulation's data-loss bound can be Infinity,
    // which JSON writes as null.
    const { inputs: _inputs, ...sections } = report;
    expect(JSON.parse(JSON.stringify(sections))).toEqual(sections);
  });

  it('rebuilds the same report from what its JSON carries', () => {
    const t = threeZones({ failures: { zone: { perYear: 2, repair: { mean: '3h' } } } });
    const original = buildReport({
      analysis: analyzeTopology(t),
      simulation: simulate(t, { trials: 100 }),
      topology: t,
      scenarioFile: 'x.yaml',
    });
    const saved = JSON.parse(JSON.stringify(original)) as typeof original;
    const again = buildReport({
      ...saved.inputs,
      layout: saved.layout,
      question: saved.question,
      scenarioFile: saved.scenarioFile,
    });
    expect({ ...again, inputs: null }).toEqual({ ...original, inputs: null });
  });

  it('carries the SLA view only when the simulation has one, and charts it', () => {
    // Arrange: a simulation result with the optional `slo` field, built by hand.
    const t = topologyOf({
      regions: [{ name: 'eu', zones: ['a'] }],
      clusters: [{ name: 'prod', region: 'eu', masters: { a: 1 }, workers: {} }],
    });
    const sim = simulate(t, { trials: 20 });
    const slo = SAMPLE_SLO;
    const withSlo: SimulationResult & { slo: SloEntry[] } = { ...sim, slo: [slo] };
    // Act
    const without = buildReport({ simulation: sim });
    const withView = buildReport({ simulation: withSlo });
    // Assert
    expect(without.sla).toBeNull();
    expect(buildChartSpecs(without).map((c) => c.id)).not.toContain('monthly-downtime');
    expect(withView.sla).toEqual([slo]);
    expect(buildChartSpecs(withView).map((c) => c.id)).toContain('monthly-downtime');
  });
});

describe('buildReport causes', () => {
  it('never mixes simulated and exact causes: the deployment metric, exact only, gets none', () => {
    // Arrange: two regions, so the exact engine reports the deployment's share of users served.
    const t = topologyOf({
      regions: [
        { name: 'eu', zones: ['a'] },
        { name: 'us', zones: ['a'] },
      ],
      clusters: [
        { name: 'e', region: 'eu', masters: { a: 1 }, workers: {} },
        { name: 'u', region: 'us', masters: { a: 1 }, workers: {} },
      ],
      failures: { zone: { perYear: 2, repair: { mean: '3h' } } },
    });
    // Act
    const report = buildReport({
      analysis: analyzeTopology(t),
      simulation: simulate(t, { trials: 50 }),
      topology: t,
    });
    // Assert
    expect(report.metrics.some((m) => m.scope === 'deployment')).toBe(true);
    expect(new Set(report.causes.map((c) => c.source))).toEqual(new Set(['simulation']));
    expect(report.causes.some((c) => c.target === 'deployment')).toBe(false);
  });
});
