import { describe, expect, it } from 'vitest';
import {
  createTrialRng,
  IMPORTANCE_GROUPS,
  referenceTrialRng,
  type StreamKind,
} from '../../../src/sim/engine/rng.js';

// The engine's Alea is written out for speed; seedrandom's `alea` (an independent implementation
// of Baagøe's algorithm) is the reference: every stream must give exactly the same numbers, or
// results would change for the same seed.
describe('the trial generator', () => {
  it("draws exactly seedrandom's Alea numbers for every stream, seed and trial", () => {
    const streams: StreamKind[] = ['plain', ...IMPORTANCE_GROUPS];
    for (const stream of streams) {
      for (const seed of [0, 1, 7, 123456789, -3, 2 ** 40]) {
        for (const trial of [0, 1, 2, 999, 199999, 2 ** 31]) {
          const a = createTrialRng(seed, trial, stream);
          const b = referenceTrialRng(seed, trial, stream);
          const draws = (rng: () => number): number[] => Array.from({ length: 2000 }, rng);
          expect(draws(a)).toEqual(draws(b));
        }
      }
    }
  });
});
