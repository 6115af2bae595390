import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/sim/run/simulate.js';
import { elementAvailability, topologyOf, ZERO_TIMERS } from '../../helpers/sim-scenarios.js';
import { ALL_FAILURES_OFF } from '../../helpers/topology-builder.js';

// Random small clusters (1–3 zones, stacked masters, a few endpoint kinds) with masters, zones,
// zone links and load balancers failing often. The oracle enumerates every joint state of the
// elements and evaluates the predicates of docs/model.md directly: an independent steady-state
// computation, written here without the simulator's code.

interface Case {
  masters: number[];
  endpoint: 'cloud' | 'local-proxy' | 'keepalived';
  master: number;
  zone: number;
  link: number;
  lb: number;
}

const ZONES = ['a', 'b', 'c'];

function oracle(c: Case): { quorum: number; api: number } {
  const Z = c.masters.length;
  const links: [number, number][] = [];
  for (let a = 0; a < Z; a++) for (let b = a + 1; b < Z; b++) links.push([a, b]);
  const masterZone = c.masters.flatMap((n, z) => Array<number>(n).fill(z));
  const M = masterZone.length;
  const hosts = c.endpoint === 'cloud' ? 1 : c.endpoint === 'keepalived' ? 2 : 0;
  const n = Z + M + links.length + hosts;
  const q = Math.floor(M / 2) + 1;
  let quorum = 0;
  let api = 0;
  for (let s = 0; s < 1 << n; s++) {
    const bit = (i: number): boolean => ((s >> i) & 1) === 1;
    let p = 1;
    const avail = [
      ...Array<number>(Z).fill(c.zone),
      ...Array<number>(M).fill(c.master),
      ...Array<number>(links.length).fill(c.link),
      ...Array<number>(hosts).fill(c.lb),
    ];
    avail.forEach((a, i) => (p *= bit(i) ? a : 1 - a));
    const zoneUp = (z: number): boolean => bit(z);
    const side = Array.from({ length: Z }, (_, z) => z);
    for (let changed = true; changed;) {
      changed = false;
      links.forEach(([a, b], i) => {
        // A down zone relays nothing: only links between two up zones join sides.
        if (bit(Z + M + i) && zoneUp(a) && zoneUp(b) && side[a] !== side[b]) {
          side[a] = side[b] = Math.min(side[a]!, side[b]!);
          changed = true;
        }
      });
    }
    const memberUp = masterZone.map((z, i) => bit(Z + i) && zoneUp(z));
    const count = new Map<number, number>();
    memberUp.forEach((up, i) => {
      if (up) count.set(side[masterZone[i]!]!, (count.get(side[masterZone[i]!]!) ?? 0) + 1);
    });
    const qs = [...count].find(([, k]) => k >= q)?.[0];
    if (qs === undefined) continue;
    quorum += p;
    const serving = masterZone.map((z, i) => memberUp[i]! && side[z] === qs);
    const lb0 = bit(Z + M + links.length);
    const lb1 = bit(Z + M + links.length + 1);
    const ok =
      c.endpoint === 'cloud'
        ? lb0 && serving.some(Boolean)
        : c.endpoint === 'keepalived'
          ? zoneUp(0) &&
            (lb0 || lb1) &&
            serving.some((sv, i) => sv && side[masterZone[i]!] === side[0])
          : serving.some(Boolean);
    if (ok) api += p;
  }
  return { quorum, api };
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    masters: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }),
    endpoint: fc.constantFrom('cloud' as const, 'local-proxy' as const, 'keepalived' as const),
    master: fc.integer({ min: 10, max: 60 }),
    zone: fc.integer({ min: 0, max: 20 }),
    link: fc.integer({ min: 0, max: 40 }),
    lb: fc.integer({ min: 0, max: 30 }),
  })
  .filter(
    (c) => c.masters.some((n) => n > 0) && (c.endpoint !== 'keepalived' || c.masters[0]! > 0),
  );

describe('simulate agrees with an independent steady-state oracle on random small clusters', () => {
  it('etcdQuorum and api within 4.4 standard errors (timers at 0)', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 1000 }), (rates, seed) => {
        // Arrange: rates per year; repairs exponential with a 20 h mean, so outages are frequent.
        const zones = ZONES.slice(0, rates.masters.length);
        const t = topologyOf({
          regions: [{ name: 'eu', zones }],
          clusters: [
            {
              name: 'x',
              region: 'eu',
              masters: Object.fromEntries(zones.map((z, i) => [z, rates.masters[i]])),
              endpoint:
                rates.endpoint === 'keepalived'
                  ? { kind: 'keepalived', zone: 'a' }
                  : rates.endpoint,
              workers: { [zones[0]!]: 1 },
            },
          ],
          failures: {
            ...ALL_FAILURES_OFF,
            master: { perYear: rates.master, repair: { mean: '20h' } },
            zone: { perYear: rates.zone, repair: { mean: '20h' } },
            partition: { perYear: rates.link, repair: { mean: '20h' } },
            loadBalancer: { perYear: rates.lb, repair: { mean: '20h' } },
          },
          timers: ZERO_TIMERS,
        });
        const a = (perYear: number): number =>
          perYear === 0 ? 1 : elementAvailability(perYear, 20);
        const exact = oracle({
          ...rates,
          master: a(rates.master),
          zone: a(rates.zone),
          link: a(rates.link),
          lb: a(rates.lb),
        });
        // Act
        const r = simulate(t, { trials: 100, seed, method: 'plain' });
        // Assert: within 4.4 standard errors (a false alarm about once in 10^5 comparisons under
        // any HASIM_TEST_SEED; small skewed samples make the t-interval a little optimistic).
        const widen = (ci: [number, number]): [number, number] => {
          const centre = (ci[0] + ci[1]) / 2;
          const half = ((ci[1] - ci[0]) / 2) * (4.4 / 1.96) + 1e-12;
          return [centre - half, centre + half];
        };
        const x = r.clusters['x']!;
        const [ql, qh] = widen(x.etcdQuorum.availability.ci95);
        const [al, ah] = widen(x.api.availability.ci95);
        expect(exact.quorum).toBeGreaterThanOrEqual(ql);
        expect(exact.quorum).toBeLessThanOrEqual(qh);
        expect(exact.api).toBeGreaterThanOrEqual(al);
        expect(exact.api).toBeLessThanOrEqual(ah);
      }),
      { numRuns: 25 },
    );
  });
});
