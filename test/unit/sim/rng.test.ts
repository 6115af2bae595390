import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createTrialRng, IMPORTANCE_GROUPS, type StreamKind } from '../../../src/sim/engine/rng.js';

// createTrialRng computes seedrandom's seeding hash itself (with the run's prefix hashed once) and
// starts seedrandom's Alea from that state. The reference is seedrandom seeded with the string
// the docs name, as the simulator did before: every number must be the same, to the last bit.
const reference = (seed: number, trial: number, stream: StreamKind): seedrandom.PRNG =>
  seedrandom.alea(`hasim/${stream}/${seed}/${trial}`);

describe('trial streams', () => {
  const streams: StreamKind[] = ['plain', ...IMPORTANCE_GROUPS];
  const seeds = [0, 1, 7, 42, 2 ** 31 - 1, 4294967295, 123456789012];
  const trials = [0, 1, 9, 10, 99, 12345, 199999, 2 ** 31, 999999999999];

  it.each(streams)('are seedrandom’s Alea seeded with hasim/%s/<seed>/<trial>', (stream) => {
    for (const seed of seeds)
      for (const trial of trials) {
        const ours = createTrialRng(seed, trial, stream);
        const theirs = reference(seed, trial, stream);
        for (let k = 0; k < 64; k++) expect(ours()).toBe(theirs());
      }
  });

  it('stay seedrandom’s when runs of different seeds and streams interleave', () => {
    // The shared prefix is cached per (stream, seed): switching back and forth must not leak.
    for (let trial = 0; trial < 2000; trial++) {
      const stream = streams[trial % streams.length] ?? 'plain';
      const seed = trial % 3;
      const ours = createTrialRng(seed, trial, stream);
      const theirs = reference(seed, trial, stream);
      for (let k = 0; k < 8; k++) expect(ours()).toBe(theirs());
    }
  });
});
