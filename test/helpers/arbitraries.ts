/** fast-check arbitraries of scenario files that are valid by construction. */
import fc from 'fast-check';
import type { ScenarioFile } from '../../src/model/schema.js';

const UNITS = ['s', 'm', 'h', 'd'] as const;

export const durationArb: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 500 }), fc.constantFrom(...UNITS)).map(([n, u]) => `${n}${u}`),
  fc
    .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9 }))
    .map(([a, b]) => `${a}.${b}h`),
  fc
    .tuple(fc.integer({ min: 1, max: 23 }), fc.integer({ min: 1, max: 59 }))
    .map(([h, m]) => `${h}h${m}m`),
);

export const repairArb = fc.oneof(
  durationArb.map((mean) => ({ mean })),
  durationArb.map((median) => ({ median })),
  fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 2, max: 10 })).map(([m, k]) => ({
    median: `${m}m`,
    p90: `${m * k}m`,
  })),
  durationArb.map((fixed) => ({ fixed })),
  fc
    .tuple(fc.double({ min: 0.3, max: 5, noNaN: true }), durationArb)
    .map(([shape, scale]) => ({ weibull: { shape, scale } })),
);

const rateArb = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 50, noNaN: true }));

const failureClassArb = fc.record({ perYear: rateArb, repair: repairArb }, { requiredKeys: [] });

const ZONE_NAMES = ['a', 'b', 'c', 'd'];
const REGION_NAMES = ['eu-west', 'us-east', 'ap-south'];

/** Counts over the given zones with at least `min` in total. */
function zoneCountsArb(
  zones: string[],
  min: number,
  max = 3,
): fc.Arbitrary<Record<string, number>> {
  return fc
    .array(fc.integer({ min: 0, max }), { minLength: zones.length, maxLength: zones.length })
    .map((counts) => {
      if (counts.reduce((a, b) => a + b, 0) < min) counts[0] = min;
      const entries: [string, number][] = zones.map((z, i) => [z, counts[i] ?? 0]);
      return Object.fromEntries(entries.filter(([, n]) => n !== 0));
    });
}

export const scenarioFileArb: fc.Arbitrary<ScenarioFile> = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }))
  .chain(([regionCount, zoneCount]) => {
    const regions = REGION_NAMES.slice(0, regionCount).map((name) => ({
      name,
      zones: ZONE_NAMES.slice(0, zoneCount),
    }));
    const zones = ZONE_NAMES.slice(0, zoneCount);
    const clusterArb = (i: number) =>
      fc
        .record({
          region: fc.constantFrom(...regions.map((r) => r.name)),
          masters: zoneCountsArb(zones, 1),
          etcd: fc.oneof(fc.constant('stacked' as const), zoneCountsArb(zones, 1, 5)),
          endpoint: fc.constantFrom<
            'cloud' | 'local-proxy' | 'dns' | 'keepalived' | 'single-master'
          >('cloud', 'local-proxy', 'dns', 'keepalived', 'single-master'),
          workers: zoneCountsArb(zones, 1, 6),
          spare: fc.integer({ min: 0, max: 5 }),
        })
        .map(({ spare, workers, ...c }) => {
          const total = Object.values(workers).reduce((a, b) => a + b, 0);
          return { name: `c${i}`, ...c, workers, workersNeeded: Math.max(0, total - spare) };
        });
    return fc.record(
      {
        version: fc.constant(1 as const),
        name: fc.constantFrom('prod', 'a-b.c', 'x1'),
        description: fc.string({ maxLength: 40 }),
        regions: fc.tuple(
          ...regions.map((r) => fc.integer({ min: 1, max: 5 }).map((users) => ({ ...r, users }))),
        ),
        clusters: fc
          .integer({ min: 1, max: 3 })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => clusterArb(i)))),
        failover: fc.constantFrom<'cross-region' | 'local-only'>('cross-region', 'local-only'),
        failures: fc.record(
          {
            node: failureClassArb,
            master: failureClassArb,
            zone: failureClassArb,
            partition: failureClassArb,
            disk: fc.record({
              storage: fc.constantFrom<'local' | 'cloud'>('local', 'cloud'),
            }),
            operatorError: fc.record(
              {
                changesPerYear: rateArb,
                badChangeProbability: fc.double({ min: 0, max: 1, noNaN: true }),
                rollout: fc.oneof(
                  fc.constant('all-at-once' as const),
                  fc.record({
                    waves: fc.array(
                      fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant('all' as const)),
                      {
                        minLength: 1,
                        maxLength: 3,
                      },
                    ),
                    detection: durationArb,
                  }),
                ),
              },
              { requiredKeys: [] },
            ),
            maintenance: fc.record(
              // Short steps: a pass must fit between passes (passes × masters × perMaster < 1y).
              { passesPerYear: rateArb, perMaster: fc.constantFrom('0', '5m', '10m', '1h') },
              { requiredKeys: [] },
            ),
          },
          { requiredKeys: [] },
        ),
        timers: fc.record(
          { leaseDuration: durationArb, podEviction: durationArb },
          { requiredKeys: [] },
        ),
        events: fc.array(
          fc.oneof(
            fc
              .constantFrom(...regions.map((r) => `zone ${r.name}/${zones[0]}`))
              .map((fail) => ({ at: '1h', fail, for: '30m' })),
            fc.constant({ at: '2h', operatorError: { clusters: 'all' as const } }),
            fc.constant({ at: '3d', maintenance: { clusters: 'all' as const } }),
          ),
          { maxLength: 3 },
        ),
        simulation: fc.record(
          { trials: fc.integer({ min: 1, max: 100_000 }), seed: fc.integer() },
          { requiredKeys: [] },
        ),
        objectives: fc.record(
          { api: fc.double({ min: 90, max: 100, noNaN: true }) },
          { requiredKeys: [] },
        ),
        cost: fc.record(
          { node: fc.double({ min: 0, max: 10, noNaN: true }) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['version', 'name', 'regions', 'clusters'] },
    );
  });
