/**
 * Which clusters a bad change reaches, and when. `all-at-once` reaches every cluster at once.
 * `waves` take the next clusters in scenario order, each wave baking for `detection` before the
 * next one starts; the change is detected `detection` after the first wave starts, and a wave
 * runs only if it starts before that. So a bad change reaches exactly the first wave, as the
 * exact engine counts it (docs/model.md).
 */
import type { Rollout } from '../model/topology.js';

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
    const start = wave * rollout.detectionHours;
    if (wave > 0 && start >= rollout.detectionHours) return;
    const end = size === 'all' ? clusters.length : Math.min(clusters.length, next + size);
    for (; next < end; next++) {
      reach.clusters.push(clusters[next] ?? 0);
      reach.offsets.push(start);
    }
  });
  return reach;
}
