/**
 * Random streams of the simulator. Randomness is a parameter: the engine draws from an `Rng`,
 * and trial i of a run draws from its own stream derived from (seed, stream, i), so a trial's
 * outcome depends neither on the order trials run in nor on how they are batched or sharded.
 */
import seedrandom from 'seedrandom';

/** A uniform generator on [0, 1). */
export type Rng = () => number;

/**
 * Importance-sampling passes, by the elements they bias: those the control plane depends on
 * (etcdQuorum, api, scheduling), those workloads depend on (zones, regions, workers), or all
 * (the region metrics). Biasing only what a metric depends on keeps the weights tame.
 */
export const IMPORTANCE_GROUPS = ['is-control', 'is-workloads', 'is-all'] as const;
export type ImportanceGroup = (typeof IMPORTANCE_GROUPS)[number];

/** Which pass of a run a stream belongs to: plain sampling, or an importance-sampling pass. */
export type StreamKind = 'plain' | ImportanceGroup;

/** The generator: Alea (Baagøe), about 5× faster than seedrandom's default ARC4. */
export const RNG_ALGORITHM = 'alea';

/**
 * The stream of one trial: Alea seeded with `hasim/<stream>/<seed>/<trial>`, the same numbers as
 * seedrandom's `alea` (test/unit/sim/rng.test.ts compares them), as one small closure over its
 * state — no per-trial helper closures, and the hot loop's draws read locals, not properties.
 */
export function createTrialRng(seed: number, trial: number, stream: StreamKind = 'plain'): Rng {
  const key = `hasim/${stream}/${seed}/${trial}`;
  // Baagøe's seeding: three mashes of ' ', minus three mashes of the key (one running hash).
  let n = 0xefc8249d;
  const mash = (data: string): number => {
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000;
    }
    return (n >>> 0) * 2.3283064365386963e-10;
  };
  let s0 = mash(' ');
  let s1 = mash(' ');
  let s2 = mash(' ');
  let c = 1;
  s0 -= mash(key);
  if (s0 < 0) s0 += 1;
  s1 -= mash(key);
  if (s1 < 0) s1 += 1;
  s2 -= mash(key);
  if (s2 < 0) s2 += 1;
  return () => {
    const t = 2091639 * s0 + c * 2.3283064365386963e-10;
    s0 = s1;
    s1 = s2;
    c = t | 0;
    s2 = t - c;
    return s2;
  };
}

/** seedrandom's Alea for the same stream: the reference the engine's generator must equal. */
export function referenceTrialRng(seed: number, trial: number, stream: StreamKind = 'plain'): Rng {
  return seedrandom.alea(`hasim/${stream}/${seed}/${trial}`);
}

/** A generator that replays fixed numbers (for hand-checked tests); it wraps around. */
export function createScriptedRng(values: readonly number[]): Rng {
  let i = 0;
  return () => {
    const v = values[i % values.length] ?? 0;
    i++;
    return v;
  };
}
