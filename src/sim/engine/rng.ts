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

/** The stream of one trial. */
export function createTrialRng(seed: number, trial: number, stream: StreamKind = 'plain'): Rng {
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
