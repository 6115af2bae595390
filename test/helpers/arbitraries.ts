/** fast-check arbitraries of scenario files that are valid by construction. */
import fc from 'fast-check';
import { LIMITS } from '../../src/model/limits.js';
import type { ScenarioFile } from '../../src/model/schema.js';
import { formatDuration, parseDuration } from '../../src/model/units.js';

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

// 0 (off) or a rate the format accepts: at least 10⁻¹² a year (no subnormals, limits.ts).
const rateArb = fc.oneof(
  fc.constant(0),
  fc.double({ min: LIMITS.minPositiveRatePerYear, max: 50, noNaN: true }),
);

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
                // Each kind of bad change at 0 or at least 10⁻¹² a year (limits.ts).
                changesPerYear: fc.oneof(
                  fc.constant(0),
                  fc.double({ min: 1e-3, max: 50, noNaN: true }),
                ),
                badChangeProbability: fc.oneof(
                  fc.constant(0),
                  fc.double({ min: 1e-3, max: 1, noNaN: true }),
                ),
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
          { trials: fc.integer({ min: 2, max: 100_000 }), seed: fc.integer() },
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

// --- at the limits (src/model/limits.ts) ---

const SHORTEST = formatDuration(LIMITS.minRepairHours); // 1s
const LONGEST = formatDuration(LIMITS.maxDurationHours); // 100y

/** Repair times from the shortest to the longest the schema accepts, the bounds themselves often. */
export const limitDurationArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(SHORTEST, LONGEST, '2s', '99y'),
  durationArb,
);

/** Every repair form, reaching the bounds: 1 s, 100 y, Weibull shapes 0.1 and 20, p90 = median. */
export const limitRepairArb = fc.oneof(
  limitDurationArb.map((mean) => ({ mean })),
  limitDurationArb.map((fixed) => ({ fixed })),
  fc.tuple(limitDurationArb, limitDurationArb).map(([a, b]) => {
    const [median, p90] = hoursOf(a) <= hoursOf(b) ? [a, b] : [b, a];
    return { median, p90 };
  }),
  limitDurationArb.map((median) => ({ median, p90: median })),
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom(LIMITS.minWeibullShape, LIMITS.maxWeibullShape),
        fc.double({ min: LIMITS.minWeibullShape, max: LIMITS.maxWeibullShape, noNaN: true }),
      ),
      limitDurationArb,
    )
    .map(([shape, scale]) => ({ weibull: { shape, scale } })),
);

/** Rates from 0 to the highest the schema accepts (10⁶ a year), the bound itself often. */
export const limitRateArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, LIMITS.minPositiveRatePerYear, LIMITS.maxRatePerYear),
  fc.double({ min: LIMITS.minPositiveRatePerYear, max: LIMITS.maxRatePerYear, noNaN: true }),
  fc.double({ min: LIMITS.minPositiveRatePerYear, max: 50, noNaN: true }),
);

const limitClassArb = fc.record(
  { perYear: limitRateArb, repair: limitRepairArb },
  { requiredKeys: [] },
);

/**
 * Valid scenario files whose failure classes, repairs and horizon reach the limits of the
 * format: every class (restore and operator-error repairs too) drawn from the bounds' range.
 */
export const scenarioAtLimitsArb: fc.Arbitrary<ScenarioFile> = fc
  .tuple(
    scenarioFileArb,
    fc.record({
      node: limitClassArb,
      master: limitClassArb,
      etcd: limitClassArb,
      worker: limitClassArb,
      disk: limitClassArb,
      zone: limitClassArb,
      region: limitClassArb,
      regionImpairment: limitClassArb,
      partition: limitClassArb,
      process: limitClassArb,
      loadBalancer: limitClassArb,
      operatorError: fc.record({
        // Every kind of bad change at 0 or at least 10⁻¹² a year (shares of 0.1 and more).
        changesPerYear: fc.oneof(
          fc.constant(0),
          limitRateArb.map((r) => Math.max(r, 1e-9)),
        ),
        badChangeProbability: fc.constantFrom(0, 0.5, 1),
        repair: limitRepairArb,
      }),
    }),
    limitRepairArb,
    fc.constantFrom('4d', '30d', '1y', LONGEST),
  )
  .map(([file, failures, restore, horizon]) => ({
    ...file,
    failures: { ...failures, maintenance: file.failures?.maintenance ?? {} },
    backup: { restore },
    simulation: { ...file.simulation, horizon },
  }));

function hoursOf(d: string): number {
  return parseDuration(d) ?? Number.NaN;
}
