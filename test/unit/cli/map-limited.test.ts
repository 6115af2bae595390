import { describe, expect, it } from 'vitest';
import { mapLimited } from '../../../src/cli/map-limited.js';

describe('mapLimited', () => {
  it('keeps at most `limit` calls in flight and returns results in item order', async () => {
    let inFlight = 0;
    let most = 0;
    const items = Array.from({ length: 100 }, (_, i) => i);
    const results = await mapLimited(items, 16, async (n) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      // Later items finish first: the order of results must not follow completion.
      for (let i = 0; i < 100 - n; i++) await Promise.resolve();
      inFlight -= 1;
      return n * 2;
    });
    expect(results).toEqual(items.map((n) => n * 2));
    expect(most).toBe(16);
  });

  it('handles no items and fewer items than the limit', async () => {
    expect(await mapLimited([], 16, (n: number) => Promise.resolve(n))).toEqual([]);
    expect(await mapLimited([1, 2], 16, (n) => Promise.resolve(n + 1))).toEqual([2, 3]);
  });
});
