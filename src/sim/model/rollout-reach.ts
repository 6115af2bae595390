/**
 * How a bad change reaches clusters (docs/model.md, Bad changes). `all-at-once` is one wave with
 * no bake and no detection time. `waves` take the clusters in rollout order; wave k+1 starts
 * `bake` after wave k unless the change was noticed. Each wave catches the change with
 * `detectionProbability`; the catching wave C (or the last wave) notices it `detection` after it
 * started, and every cluster reached so far recovers R after the notice. So a cluster of wave
 * j ≤ C is hurt from (j − 1)·bake to (C − 1)·bake + detection + R after the change starts.
 */
import type { Rollout } from '../../model/topology.js';
import type { CompiledRollout } from './sim-model.js';

/**
 * @param clusters the clusters the change targets, in rollout order
 */
export function computeReach(rollout: Rollout, clusters: readonly number[]): CompiledRollout {
  if (rollout.kind === 'all-at-once') {
    return {
      clusters: Int32Array.from(clusters),
      wave: new Int32Array(clusters.length),
      waveCount: clusters.length > 0 ? 1 : 0,
      bakeHours: 0,
      detectionHours: 0,
      detectionProbability: 1,
    };
  }
  const reached: number[] = [];
  const wave: number[] = [];
  let waveCount = 0;
  for (const size of rollout.waves) {
    const end = size === 'all' ? clusters.length : Math.min(clusters.length, reached.length + size);
    if (end <= reached.length) break;
    while (reached.length < end) {
      reached.push(clusters[reached.length] ?? 0);
      wave.push(waveCount);
    }
    waveCount++;
  }
  return {
    clusters: Int32Array.from(reached),
    wave: Int32Array.from(wave),
    waveCount,
    bakeHours: rollout.bakeHours,
    detectionHours: rollout.detectionHours,
    detectionProbability: rollout.detectionProbability,
  };
}

/**
 * The (0-based) wave that notices a bad change, from one uniform draw u ∈ [0, 1): wave k < K − 1
 * with probability (1 − p)^k · p, the last wave K − 1 with the rest (inverse of the geometric
 * distribution, so one draw decides it whatever p and K are).
 */
export function catchingWave(u: number, p: number, waveCount: number): number {
  const last = waveCount - 1;
  if (last <= 0 || p >= 1) return 0;
  if (p <= 0) return last;
  // P(C ≥ k) = (1 − p)^k: C = ⌊ln(1 − u) / ln(1 − p)⌋, capped at the last wave.
  const k = Math.floor(Math.log(1 - u) / Math.log(1 - p));
  return k < last ? k : last;
}

/** Hours from a change's start to its notice, when wave `caught` (0-based) catches it. */
export function noticeHours(r: CompiledRollout, caught: number): number {
  return caught * r.bakeHours + r.detectionHours;
}
