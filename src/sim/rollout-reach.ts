/**
 * Which clusters a bad change reaches, and when. `all-at-once` reaches every cluster at once.
 * `waves` start one after another, WAVE_INTERVAL_HOURS apart, each taking the next clusters in
 * scenario order; the change is detected `detection` after the first wave starts, and a wave
 * runs only if it starts before that (the first always does). See docs/model.md.
 */
import type { Rollout } from '../model/topology.js';

/** The bake time between two waves of a rollout. */
export const WAVE_INTERVAL_HOURS = 1;

export interface Reach {
  clusters: number[];
  offsets: number[];
}

/**
 * @param clusters the clusters the change targets, in rollout order
 */
export function computeReach(rollout: Rollout, clusters: readonly number[]): Reach {
  if (rollout.kind === 'all-at-once')
    return { clusters: [...clusters], offsets: clusters.map(() => 0) };
  const reach: Reach = { clusters: [], offsets: [] };
  let next = 0;
  rollout.waves.forEach((size, wave) => {
    const start = wave * WAVE_INTERVAL_HOURS;
    if (wave > 0 && start >= rollout.detectionHours) return;
    const end = size === 'all' ? clusters.length : Math.min(clusters.length, next + size);
    for (; next < end; next++) {
      reach.clusters.push(clusters[next] ?? 0);
      reach.offsets.push(start);
    }
  });
  return reach;
}
