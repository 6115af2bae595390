import { describe, expect, it } from 'vitest';
import {
  downtimeRatio,
  paretoFront,
  pickClosest,
  pickRecommended,
  pickRival,
} from '../../../src/plan/choose-candidate.js';
import type { EvaluatedCandidate } from '../../../src/plan/plan-result.js';
import { candidateOf } from '../../helpers/plan-candidates.js';

const ONE = 'm1 stacked cloud w0 graceful all-at-once';
const THREE = 'm1+1+1 stacked cloud w0 graceful all-at-once';
const THREE_PROXY = 'm1+1+1 stacked local-proxy w0 graceful all-at-once';
const FIVE = 'm2+2+1 stacked cloud w0 graceful all-at-once';

function candidate(key: string, api: number, cost: number, meets = true): EvaluatedCandidate {
  return candidateOf(key, { api }, cost, meets);
}

describe('downtimeRatio', () => {
  it.each([
    { a: 0.9995, target: 99.95, ratio: 1 },
    { a: 0.999, target: 99.95, ratio: 2 },
    { a: 1, target: 100, ratio: 0 },
    { a: 0.99, target: 100, ratio: Infinity },
  ])('is $ratio for $a against $target %', ({ a, target, ratio }) => {
    expect(downtimeRatio(a, target)).toBeCloseTo(ratio, 9);
  });
});

describe('paretoFront', () => {
  it('keeps the layouts no other beats on cost and availability, cheapest first, equal points once', () => {
    const front = paretoFront(
      [
        candidate(THREE, 0.95, 2),
        candidate(ONE, 0.9, 1),
        candidate(FIVE, 0.9, 2), // dominated: as good as ONE, dearer
        candidate(THREE_PROXY, 0.99, 3),
        candidate(FIVE, 0.94, 3), // dominated by THREE: dearer and worse
        candidate(ONE, 0.99, 3), // the same point as THREE_PROXY, later: left out
      ],
      'api',
    );
    expect(front.map((c) => [c.layout.key, c.cost.total])).toEqual([
      [ONE, 1],
      [THREE, 2],
      [THREE_PROXY, 3],
    ]);
  });
});

describe('pickRecommended', () => {
  it('takes the cheapest that meets the targets, then the one furthest inside them', () => {
    const chosen = pickRecommended(
      [
        candidate(ONE, 0.999, 1, false),
        candidate(FIVE, 0.9996, 2),
        candidate(THREE, 0.9999, 2),
        candidate(THREE_PROXY, 0.99999, 3),
      ],
      { api: 99.95 },
    );
    expect(chosen?.layout.key).toBe(THREE);
  });

  it('breaks a tie in everything but the order by the enumeration order', () => {
    const chosen = pickRecommended(
      [candidate(THREE, 0.9999, 2), candidate(THREE_PROXY, 0.9999, 2)],
      { api: 99.95 },
    );
    expect(chosen?.layout.key).toBe(THREE);
  });

  it('recommends nothing when no candidate meets the targets', () => {
    expect(pickRecommended([candidate(ONE, 0.99, 1, false)], { api: 99.95 })).toBeNull();
  });
});

describe('pickRival', () => {
  it('prefers the cheaper layout that differs in the fewest respects', () => {
    const rec = candidate(THREE_PROXY, 0.9999, 10);
    const rival = pickRival(
      [candidate(ONE, 0.999, 9, false), candidate(THREE, 0.9994, 8, false), rec],
      rec,
      { api: 99.95 },
    );
    // THREE differs only in the endpoint; ONE in masters and endpoint.
    expect(rival?.layout.key).toBe(THREE);
  });
});

describe('pickClosest', () => {
  it('takes the cheapest whose worst downtime is within 1 % of the lowest, and says what it misses', () => {
    const closest = pickClosest(
      [
        candidate(FIVE, 1 - 2.0e-5, 10, false),
        candidate(THREE, 1 - 2.01e-5, 5, false),
        candidate(ONE, 1 - 3e-5, 1, false),
      ],
      { api: 99.999 },
    );
    expect(closest?.layout.key).toBe(THREE);
    expect(closest?.shortfall).toHaveLength(1);
    expect(closest?.shortfall[0]?.metric).toBe('api');
    expect(closest?.shortfall[0]?.downtimeRatio).toBeCloseTo(2.01, 6);
  });
});
