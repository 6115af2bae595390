import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeWorkerHeadroom } from '../../../src/quorum/headroom.js';
import { subsets } from '../../helpers/quorum-oracles.js';

const optionsArb = fc
  .tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 6 }))
  .chain(([workersNeeded, zones]) =>
    fc.record({
      workersNeeded: fc.constant(workersNeeded),
      zones: fc.constant(zones),
      zoneLosses: fc.integer({ min: 0, max: zones - 1 }),
    }),
  );

/** Whether `perZone` workers in every zone still carry the load after losing any u zones. */
function carriesAfterAnyLoss(perZone: number, zones: number, u: number, needed: number): boolean {
  return subsets(zones)
    .filter((lost) => lost.length === u)
    .every((lost) => (zones - lost.length) * perZone >= needed);
}

describe('computeWorkerHeadroom', () => {
  it('caps utilisation at 2/3 for one zone loss out of three (model.md §4)', () => {
    const h = computeWorkerHeadroom({ workersNeeded: 30, zones: 3, zoneLosses: 1 });
    expect(h.maxUtilisation).toBeCloseTo(2 / 3, 12);
    expect(h.perZone).toBe(15);
  });

  it('carries the full load after removing any u zones', () => {
    fc.assert(
      fc.property(optionsArb, (o) => {
        const h = computeWorkerHeadroom(o);
        expect(carriesAfterAnyLoss(h.perZone, o.zones, o.zoneLosses, o.workersNeeded)).toBe(true);
      }),
    );
  });

  it('places no worker more than needed per zone', () => {
    fc.assert(
      fc.property(optionsArb, (o) => {
        const h = computeWorkerHeadroom(o);
        fc.pre(h.perZone > 0);
        expect(carriesAfterAnyLoss(h.perZone - 1, o.zones, o.zoneLosses, o.workersNeeded)).toBe(
          false,
        );
      }),
    );
  });

  it('keeps utilisation at or below (Z − u)/Z', () => {
    fc.assert(
      fc.property(optionsArb, (o) => {
        const h = computeWorkerHeadroom(o);
        expect(h.utilisation).toBeLessThanOrEqual((o.zones - o.zoneLosses) / o.zones + 1e-12);
        expect(h.total).toBe(h.perZone * o.zones);
      }),
    );
  });

  it('rejects losing every zone', () => {
    expect(() => computeWorkerHeadroom({ workersNeeded: 3, zones: 2, zoneLosses: 2 })).toThrow(
      RangeError,
    );
  });
});
