/**
 * Bad changes in the exact engine (docs/model.md, Bad changes): for each kind, the steady-state
 * probability of each state of its rollout — none in progress, or its first m waves hurt — and
 * the wave of each cluster.
 */
import type { Rollout } from '../model/topology.js';
import { HOURS_PER_YEAR } from '../model/units.js';

export const BAD_CHANGE_KINDS = ['api', 'restore', 'dataPlane'] as const;
export type BadChangeKind = (typeof BAD_CHANGE_KINDS)[number];

/** The waves of a rollout over clusters in file order. */
export interface RolloutWaves {
  /** The wave (1-based) of each cluster; 0 when no wave reaches it. */
  waveOf: number[];
  /** The waves that hold clusters. */
  count: number;
}

export function rolloutWaves(rollout: Rollout, clusters: number): RolloutWaves {
  if (rollout.kind === 'all-at-once')
    return { waveOf: new Array<number>(clusters).fill(1), count: clusters > 0 ? 1 : 0 };
  const waveOf = new Array<number>(clusters).fill(0);
  let next = 0;
  let count = 0;
  for (const size of rollout.waves) {
    if (next >= clusters) break;
    const end = size === 'all' ? clusters : Math.min(clusters, next + size);
    count++;
    for (; next < end; next++) waveOf[next] = count;
  }
  return { waveOf, count };
}

/**
 * P(state m) for m = 0 (no bad change of the kind in progress) … K (its first K waves hurt):
 * the kind is idle for an exponential time of mean 1/rate, then spends `bake` in state m < C
 * and `detection + E[R]` in state C, C the noticing wave (docs/model.md, the exact engine).
 */
export function badChangeStates(
  perYear: number,
  meanRepairHours: number,
  rollout: Rollout,
  waves: number,
): number[] {
  if (!(perYear > 0) || waves === 0) return [1];
  const idle = HOURS_PER_YEAR / perYear;
  // A subnormal rate whose idle time overflows: never in progress (∞/∞ would be NaN).
  if (!Number.isFinite(idle)) return [1];
  const bake = rollout.kind === 'waves' ? rollout.bakeHours : 0;
  const detection = rollout.kind === 'waves' ? rollout.detectionHours : 0;
  const catches = rollout.kind === 'waves' ? rollout.detectionProbability : 1;
  // P(C = k): the first k − 1 waves missed it and wave k caught it, or k = K.
  const noticedAt = Array.from({ length: waves + 1 }, (_, k) =>
    k === 0 ? 0 : k < waves ? (1 - catches) ** (k - 1) * catches : (1 - catches) ** (waves - 1),
  );
  const time = noticedAt.map((_, m) => {
    if (m === 0) return idle;
    const later = noticedAt.slice(m + 1).reduce((a, b) => a + b, 0);
    return later * bake + (noticedAt[m] ?? 0) * (detection + meanRepairHours);
  });
  const cycle = time.reduce((a, b) => a + b, 0);
  return time.map((h) => h / cycle);
}

/** P(a cluster of wave `wave` is hurt): the states that reach its wave. */
export function hurtProbability(states: readonly number[], wave: number): number {
  if (wave <= 0) return 0;
  let p = 0;
  for (let m = wave; m < states.length; m++) p += states[m] ?? 0;
  return p;
}

/**
 * The states with the "none in progress" probability set to `up` (an importance override): the
 * rest keep their proportions.
 */
export function withIdleProbability(states: readonly number[], up: number): number[] {
  const busy = 1 - (states[0] ?? 1);
  return states.map((p, m) => (m === 0 ? up : busy > 0 ? (p * (1 - up)) / busy : 0));
}
