import { describe, expect, it } from 'vitest';
import { buildLayout, quorumBreakingZones } from '../../../src/report/report-layout.js';
import { oneRegion } from '../../helpers/topology-builder.js';

describe('buildLayout', () => {
  it('names zone a as the zone whose loss breaks quorum of 3 members placed 2+1', () => {
    // 3 members: quorum ⌊3/2⌋ + 1 = 2; losing a (2 members) leaves 1 < 2 (model.md §4).
    const t = oneRegion(['a', 'b'], [{ name: 'prod', masters: { a: 2, b: 1 } }]);
    const [c] = buildLayout(t).clusters;
    expect(c?.etcd).toEqual({
      quorum: 2,
      tolerance: 1,
      zoneTolerance: 0,
      breakingZoneSets: [['a']],
    });
    expect(quorumBreakingZones(c!)).toEqual(['a']);
  });

  it('finds no quorum-breaking zone for 1+1+1, and 2+2+1 surviving one zone loss', () => {
    // 5 over 3 zones as 2+2+1 tolerates one zone loss (Gardener GEP-20, model.md §4).
    const t = oneRegion(
      ['a', 'b', 'c'],
      [
        { name: 'three', masters: { a: 1, b: 1, c: 1 } },
        { name: 'five', masters: { a: 2, b: 2, c: 1 } },
      ],
    );
    const [three, five] = buildLayout(t).clusters;
    expect(three?.etcd.zoneTolerance).toBe(1);
    expect(five?.etcd.zoneTolerance).toBe(1);
    expect(quorumBreakingZones(three!)).toEqual([]);
    expect(five?.etcd.breakingZoneSets).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
  });

  it.each([
    // workers per zone, needed, zone losses survived: lose the largest zones first.
    { name: '2+2+2 for 4 survive one zone loss', workers: { a: 2, b: 2, c: 2 }, needed: 4, k: 1 },
    { name: '2+2+2 for 5 survive none', workers: { a: 2, b: 2, c: 2 }, needed: 5, k: 0 },
    { name: '3+3+3 for 3 survive two', workers: { a: 3, b: 3, c: 3 }, needed: 3, k: 2 },
    {
      name: '4+1+1 for 2 survive one (losing a leaves 2)',
      workers: { a: 4, b: 1, c: 1 },
      needed: 2,
      k: 1,
    },
    { name: '4+1+1 for 3 survive none', workers: { a: 4, b: 1, c: 1 }, needed: 3, k: 0 },
  ])('counts worker zone tolerance: $name', ({ workers, needed, k }) => {
    const t = oneRegion(
      ['a', 'b', 'c'],
      [{ name: 'p', masters: { a: 1, b: 1, c: 1 }, workers, workersNeeded: needed }],
    );
    expect(buildLayout(t).clusters[0]?.workerZoneTolerance).toBe(k);
  });
});
