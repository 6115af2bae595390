import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { alea } from '../../../src/sim/alea.js';

describe('alea', () => {
  it('gives the same numbers as seedrandom.alea for the same seed', () => {
    const seeds = ['', ' ', 'a', 'hasim/plain/1/0', 'hasim/is-all/4294967295/123456789'];
    for (let i = 0; i < 300; i++) seeds.push(`hasim/plain/${i * 7919}/${i * i}`);
    for (const seed of seeds) {
      const ours = alea(seed);
      const theirs = seedrandom.alea(seed);
      for (let k = 0; k < 200; k++) expect(ours()).toBe(theirs());
    }
  });
});
