import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createAlea, createTrialRng } from '../../../src/sim/engine/rng.js';

// The simulator's own Alea must give exactly the numbers of seedrandom's `alea` (the reference
// implementation of Baagøe's generator it replaced): same seed string, same stream, bit for bit.
describe('createAlea', () => {
  it('draws the numbers of seedrandom.alea for the same seed string', () => {
    const seeds = ['', ' ', 'hasim/plain/7/0', 'hasim/is-all/123456789/99999', 'x'.repeat(300)];
    for (const seed of seeds) {
      const reference = seedrandom.alea(seed);
      const ours = createAlea(seed);
      const a = Array.from({ length: 5000 }, () => reference());
      const b = Array.from({ length: 5000 }, () => ours());
      expect(b).toEqual(a);
    }
  });

  it('gives every trial of every stream the stream seedrandom gave it', () => {
    for (const stream of ['plain', 'is-control', 'is-workloads', 'is-all'] as const) {
      for (let trial = 0; trial < 300; trial += 7) {
        const reference = seedrandom.alea(`hasim/${stream}/42/${trial}`);
        const ours = createTrialRng(42, trial, stream);
        for (let i = 0; i < 50; i++) expect(ours()).toBe(reference());
      }
    }
  });
});
