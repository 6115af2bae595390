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
 * The stream of one trial: seedrandom's Alea seeded with the string `hasim/<stream>/<seed>/<trial>`.
 * The generator is seedrandom's own; only its seeding hash (Baagøe's Mash) is computed here, with
 * the prefix shared by every trial of a run hashed once, and handed to seedrandom as the initial
 * state. seedrandom hashes the whole string in a closure whose running hash is boxed at every
 * character: ~1.5 µs a trial, a third of a run on a sparse model; ~0.5 µs here. The numbers are
 * seedrandom's to the last bit (test/unit/sim/rng.test.ts compares both for many seeds).
 */
export function createTrialRng(seed: number, trial: number, stream: StreamKind = 'plain'): Rng {
  if (seed !== cachedSeed || stream !== cachedStream) setPrefix(seed, stream);
  const length = writeTrial(trial);
  // The seed string's hash runs on from the prefix (hashed once) through the trial's digits.
  let n = mashCodes(prefixHash, SEED, prefixLength, length);
  const s0 = SPACE_1 - fraction(n);
  n = mashCodes(n, SEED, 0, length);
  const s1 = SPACE_2 - fraction(n);
  n = mashCodes(n, SEED, 0, length);
  const s2 = SPACE_3 - fraction(n);
  const state = {
    c: 1,
    s0: s0 < 0 ? s0 + 1 : s0,
    s1: s1 < 0 ? s1 + 1 : s1,
    s2: s2 < 0 ? s2 + 1 : s2,
  };
  return seedrandom.alea('', { state });
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

/**
 * Alea seeded with a string (seedrandom lib/alea.js) starts from s_k = Mash(' ')_k − Mash(seed)_k
 * (mod 1), k = 1, 2, 3: one running hash carried on through three spaces, then three copies of the
 * seed. The spaces' part is a constant; a run's prefix `hasim/<stream>/<seed>/` is hashed once.
 */
const MASH_START = 0xefc8249d;
const TWO_TO_MINUS_32 = 2.3283064365386963e-10;
const SPACE = Uint16Array.of(32);
const SPACE_1_HASH = mashCodes(MASH_START, SPACE, 0, 1);
const SPACE_2_HASH = mashCodes(SPACE_1_HASH, SPACE, 0, 1);
const SPACES_HASH = mashCodes(SPACE_2_HASH, SPACE, 0, 1);
const SPACE_1 = fraction(SPACE_1_HASH);
const SPACE_2 = fraction(SPACE_2_HASH);
const SPACE_3 = fraction(SPACES_HASH);

/** The seed string `hasim/<stream>/<seed>/<trial>` as UTF-16 codes: the prefix, then the digits. */
const SEED = new Uint16Array(256);
let cachedSeed = NaN;
let cachedStream = '';
let prefixLength = 0;
/** The hash after the three spaces and the prefix. */
let prefixHash = 0;

function setPrefix(seed: number, stream: string): void {
  const prefix = `hasim/${stream}/${seed}/`;
  for (let i = 0; i < prefix.length; i++) SEED[i] = prefix.charCodeAt(i);
  cachedSeed = seed;
  cachedStream = stream;
  prefixLength = prefix.length;
  prefixHash = mashCodes(SPACES_HASH, SEED, 0, prefixLength);
}

/** Writes the trial number after the prefix as String(trial) does (an integer ≥ 0); the length. */
function writeTrial(trial: number): number {
  let digits = 1;
  for (let x = trial; x >= 10; x = Math.floor(x / 10)) digits++;
  let x = trial;
  for (let i = prefixLength + digits - 1; i >= prefixLength; i--) {
    SEED[i] = 48 + (x % 10);
    x = Math.floor(x / 10);
  }
  return prefixLength + digits;
}

/** Baagøe's Mash: the running hash n carried on over the UTF-16 codes [from, to). */
function mashCodes(n: number, codes: Uint16Array, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    n += codes[i] ?? 0;
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 0x100000000;
  }
  return n;
}

function fraction(n: number): number {
  return (n >>> 0) * TWO_TO_MINUS_32;
}
