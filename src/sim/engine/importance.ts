/**
 * Failure biasing for rare outages. While some biased element is down, every up biased element
 * fails β times faster; each trial carries the likelihood ratio of its path, so weighted averages
 * stay unbiased. A pass biases only the elements its metrics depend on (rng.ts: IMPORTANCE_GROUPS).
 * β makes a second failure during a long repair likely (about one chance in two) instead of rare —
 * the path to a quorum loss or an outage. It is sized on the 99th percentile of the longest repair:
 * a weight grows like e^((β−1)·rate·duration) over a biased period, so sizing it on the mean would
 * let the heavy tail of a lognormal repair (a zone) carry weights thousands of times larger than
 * the rest, and the interval would be too narrow.
 */
import { REPAIR_EXPONENTIAL, REPAIR_FIXED, REPAIR_LOGNORMAL } from './random-variates.js';
import type { ImportanceGroup } from './rng.js';
import { MASK_CONTROL, MASK_WORKERS, type SimModel } from '../model/sim-model.js';

export const MAX_BETA = 1e6;
/** Aimed-at chance of another failure during a long repair (the 99th percentile of the longest). */
const TARGET = 0.5;

/** The elements an importance-sampling pass biases. */
export function biasedElements(model: SimModel, group: ImportanceGroup): Uint8Array {
  const mask =
    group === 'is-control'
      ? MASK_CONTROL
      : group === 'is-workloads'
        ? MASK_WORKERS
        : MASK_CONTROL | MASK_WORKERS;
  return model.biased.map((b, e) => (b === 1 && ((model.mask[e] ?? 0) & mask) !== 0 ? 1 : 0));
}

/** The biasing factor for a set of biased elements (1 when none can fail). */
export function computeBeta(model: SimModel, biased: Uint8Array): number {
  let rate = 0;
  let longest = 0;
  for (let e = 0; e < model.elementCount; e++) {
    if (biased[e] !== 1) continue;
    rate += model.rate[e] ?? 0;
    const p99 = repairP99(model.repairKind[e] ?? 0, model.repairA[e] ?? 0, model.repairB[e] ?? 0);
    if (p99 > longest) longest = p99;
  }
  const exposure = rate * longest;
  if (!(exposure > 0)) return 1;
  return Math.min(MAX_BETA, Math.max(1, TARGET / exposure));
}

// --- internal ---

const Z99 = 2.3263478740408408;

/** The 99th percentile of a compiled repair distribution (random-variates.ts). */
function repairP99(kind: number, a: number, b: number): number {
  if (kind === REPAIR_EXPONENTIAL) return a * Math.log(100);
  if (kind === REPAIR_FIXED) return a;
  if (kind === REPAIR_LOGNORMAL) return Math.exp(a + Z99 * b);
  return b * Math.pow(Math.log(100), 1 / a);
}
