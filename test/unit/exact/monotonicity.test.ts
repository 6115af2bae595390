import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeElementAvailabilities } from '../../../src/exact/element-availability.js';
import { computeMetrics, type MetricValues } from '../../../src/exact/engine.js';
import type { RepairDistribution, Topology } from '../../../src/model/topology.js';
import { smallScenarioArb, withinElementBudget } from '../../helpers/scenario-arbitraries.js';
import { oneRegion } from '../../helpers/topology-builder.js';

const NOISE = 1e-12;

const RATE_CLASSES = [
  'master',
  'etcd',
  'worker',
  'disk',
  'zone',
  'region',
  'partition',
  'process',
  'loadBalancer',
] as const;
type Worsening = {
  cls: (typeof RATE_CLASSES)[number] | 'operatorError' | 'maintenance';
  factor: number;
  repair: boolean;
};

const worseningArb: fc.Arbitrary<Worsening> = fc.record({
  cls: fc.constantFrom(...RATE_CLASSES, 'operatorError' as const, 'maintenance' as const),
  factor: fc.double({ min: 1.1, max: 5, noNaN: true }),
  repair: fc.boolean(),
});

function metricsOf(t: Topology): MetricValues {
  return computeMetrics(t, computeElementAvailabilities(t));
}

function longer(r: RepairDistribution, k: number): RepairDistribution {
  switch (r.kind) {
    case 'exponential':
      return { ...r, meanHours: r.meanHours * k };
    case 'lognormal':
      return { ...r, medianHours: r.medianHours * k, p90Hours: r.p90Hours * k };
    case 'fixed':
      return { ...r, hours: r.hours * k };
    case 'weibull':
      return { ...r, scaleHours: r.scaleHours * k };
  }
}

/** The topology with one class failing more often (from 0: 5 a year) or repairing slower. */
function worsen(t: Topology, w: Worsening): Topology {
  const copy = structuredClone(t);
  const f = copy.failures;
  if (w.cls === 'maintenance') {
    if (w.repair)
      f.maintenance.perMasterHours = Math.max(f.maintenance.perMasterHours, 0.5) * w.factor;
    else f.maintenance.passesPerYear = Math.max(f.maintenance.passesPerYear, 5) * w.factor;
  } else if (w.cls === 'operatorError') {
    const oe = f.operatorError;
    if (w.repair) oe.repair = longer(oe.repair, w.factor);
    else oe.changesPerYear = Math.max(oe.changesPerYear, 5) * w.factor;
  } else {
    const p = f[w.cls];
    if (w.repair) p.repair = longer(p.repair, w.factor);
    else p.perYear = Math.max(p.perYear, 5) * w.factor;
  }
  return copy;
}

/** Predicates whose availability went up from `before` to `after` (beyond rounding). */
function raised(before: MetricValues, after: MetricValues): string[] {
  const out: string[] = [];
  const flat = (v: MetricValues): Map<string, number> =>
    new Map([
      ...Object.entries(v.clusters).flatMap(([name, m]) =>
        Object.entries(m).map(([metric, x]): [string, number] => [`${name}.${metric}`, x]),
      ),
      ...Object.entries(v.regions).flatMap(([name, m]) =>
        Object.entries(m).map(([metric, x]): [string, number] => [`${name}.${metric}`, x]),
      ),
    ]);
  const now = flat(after);
  for (const [key, value] of flat(before)) {
    const next = now.get(key) ?? NaN;
    if (!(next <= value + NOISE)) out.push(`${key}: ${value} → ${next}`);
  }
  return out;
}

describe('monotonicity of the exact engine', () => {
  it('never raises an availability when a failure rate or repair time grows', () => {
    fc.assert(
      fc.property(smallScenarioArb, worseningArb, (file, w) => {
        const t = withinElementBudget(file, Infinity);
        expect(raised(metricsOf(t), metricsOf(worsen(t, w)))).toEqual([]);
      }),
    );
  });

  it('never lowers workloads when a worker is added', () => {
    fc.assert(
      fc.property(smallScenarioArb, fc.nat(), (file, pick) => {
        const t = withinElementBudget(file, Infinity);
        const more = structuredClone(t);
        const cluster = more.clusters[pick % more.clusters.length]!;
        const zone = cluster.zones[pick % cluster.zones.length]!;
        cluster.workers[zone] = (cluster.workers[zone] ?? 0) + 1;
        cluster.counts.workers += 1;
        const before = metricsOf(t).clusters[cluster.name]!.workloads;
        expect(metricsOf(more).clusters[cluster.name]!.workloads).toBeGreaterThanOrEqual(
          before - NOISE,
        );
      }),
    );
  });

  it('never lowers api when 3 masters spread from one zone to three and zones fail', () => {
    const failuresArb = fc.record({
      zone: fc.record({
        perYear: fc.integer({ min: 1, max: 100 }),
        repair: fc.integer({ min: 1, max: 48 }).map((h) => ({ mean: `${h}h` })),
      }),
      process: fc.record({
        perYear: fc.integer({ min: 0, max: 10 }),
        repair: fc.constant({ mean: '1h' }),
      }),
    });
    const endpointArb = fc.constantFrom('local-proxy', 'dns', 'cloud');
    fc.assert(
      fc.property(failuresArb, endpointArb, (failures, endpoint) => {
        const zones = ['a', 'b', 'c'];
        const packed = oneRegion(zones, [{ masters: { a: 3 }, endpoint }], failures);
        const spread = oneRegion(zones, [{ masters: { a: 1, b: 1, c: 1 }, endpoint }], failures);
        expect(metricsOf(spread).clusters['c0']!.api).toBeGreaterThanOrEqual(
          metricsOf(packed).clusters['c0']!.api - NOISE,
        );
      }),
    );
  });
});
