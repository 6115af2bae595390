/**
 * Random streams of the simulator. Randomness is a parameter: the engine draws from an `Rng`,
 * and trial i of a run draws from its own stream derived from (seed, stream, i), so a trial's
 * outcome depends neither on the order trials run in nor on how they are batched or sharded.
 */

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

/**
 * The generator: Alea (Baagøe), about 5× faster than seedrandom's default ARC4. Implemented here
 * with the exact arithmetic of seedrandom's `alea` (same seed string, same numbers; a unit test
 * compares the two), without its per-stream closures and with the seeding's constant part done once.
 */
export const RNG_ALGORITHM = 'alea';

/** The stream of one trial. */
export function createTrialRng(seed: number, trial: number, stream: StreamKind = 'plain'): Rng {
  return createAlea(`hasim/${stream}/${seed}/${trial}`);
}

/** Alea seeded with `seed`: the numbers of seedrandom's `alea(seed)`. */
export function createAlea(seed: string): Rng {
  // Baagøe's seeding: s_i = mash(' ') − mash(seed), mod 1, the masher's state carried along.
  const n0 = mashInto(MASH_AFTER_BLANKS, seed);
  const n1 = mashInto(n0, seed);
  const n2 = mashInto(n1, seed);
  let s0 = BLANK0 - (n0 >>> 0) * 2.3283064365386963e-10; // 2^-32
  if (s0 < 0) s0 += 1;
  let s1 = BLANK1 - (n1 >>> 0) * 2.3283064365386963e-10;
  if (s1 < 0) s1 += 1;
  let s2 = BLANK2 - (n2 >>> 0) * 2.3283064365386963e-10;
  if (s2 < 0) s2 += 1;
  let c = 1;
  return () => {
    const t = 2091639 * s0 + c * 2.3283064365386963e-10; // 2^-32
    s0 = s1;
    s1 = s2;
    c = t | 0;
    s2 = t - c;
    return s2;
  };
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

// --- internal ---

/** Baagøe's masher: hashes a string into its running state n (a number < 2^32, fractional). */
function mashInto(n: number, data: string): number {
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 0x100000000; // 2^32
  }
  return n;
}

// The seeding's constant part: three mashes of ' ' from the masher's initial state.
const MASH_START = 0xefc8249d;
const N1 = mashInto(MASH_START, ' ');
const N2 = mashInto(N1, ' ');
const MASH_AFTER_BLANKS = mashInto(N2, ' ');
const BLANK0 = (N1 >>> 0) * 2.3283064365386963e-10;
const BLANK1 = (N2 >>> 0) * 2.3283064365386963e-10;
const BLANK2 = (MASH_AFTER_BLANKS >>> 0) * 2.3283064365386963e-10;
