import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameDomains } from '../../../src/quorum/domain-tolerance.js';
import { analyzePartition, listPartitions } from '../../../src/quorum/partition.js';

const placementArb = fc
  .array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 7 })
  .filter((zones) => zones.some((n) => n > 0));

describe('analyzePartition', () => {
  it('keeps quorum on the side with z1 and z2 when z3 of 2+2+1 is cut off', () => {
    const outcome = analyzePartition(nameDomains([2, 2, 1]), ['z3']);
    expect(outcome.quorumSide).toBe(1);
    expect(outcome.sides[1]).toEqual({ domains: ['z1', 'z2'], members: 4, hasQuorum: true });
  });

  it('leaves neither side with quorum when 2+2 splits down the middle', () => {
    expect(analyzePartition(nameDomains([2, 2]), ['z1']).quorumSide).toBeNull();
  });

  it('rejects a zone it does not know', () => {
    expect(() => analyzePartition(nameDomains([1, 1, 1]), ['z9'])).toThrow(/unknown domain "z9"/);
  });

  it('never gives quorum to both sides, and gives it to the side with more than half', () => {
    fc.assert(
      fc.property(placementArb, fc.nat(), (zones, mask) => {
        const counts = nameDomains(zones);
        const side = Object.keys(counts).filter((_, i) => (mask & (1 << i)) !== 0);
        const outcome = analyzePartition(counts, side);
        const total = zones.reduce((a, b) => a + b, 0);
        expect(outcome.sides.filter((s) => s.hasQuorum).length).toBeLessThanOrEqual(1);
        for (const s of outcome.sides) expect(s.hasQuorum).toBe(2 * s.members > total);
      }),
    );
  });

  it('always leaves one side with quorum when the members are odd', () => {
    fc.assert(
      fc.property(placementArb, fc.nat(), (zones, mask) => {
        fc.pre(zones.reduce((a, b) => a + b, 0) % 2 === 1);
        const counts = nameDomains(zones);
        const side = Object.keys(counts).filter((_, i) => (mask & (1 << i)) !== 0);
        expect(analyzePartition(counts, side).quorumSide).not.toBeNull();
      }),
    );
  });
});

describe('listPartitions', () => {
  it('lists every split into two non-empty sides once: 2^(Z-1) - 1 of them', () => {
    fc.assert(
      fc.property(placementArb, (zones) => {
        const splits = listPartitions(nameDomains(zones));
        expect(splits).toHaveLength(2 ** (zones.length - 1) - 1);
        const keys = splits.map((p) => p.sides[0].domains.join(','));
        expect(new Set(keys).size).toBe(splits.length);
        for (const p of splits) {
          expect(p.sides[0].domains.length).toBeGreaterThan(0);
          expect(p.sides[1].domains.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
