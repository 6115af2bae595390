/**
 * Choosing among evaluated candidates: the recommendation (the cheapest that meets every
 * target), its nearest cheaper rival, the Pareto front of cost against one metric, and the
 * candidate closest to the targets when none meets them. Every order here is total, so the same
 * candidates always give the same answer.
 */
import {
  PLAN_METRICS,
  type ClosestCandidate,
  type EvaluatedCandidate,
  type PlanMetric,
  type PlanTargets,
  type Shortfall,
} from './plan-result.js';

/**
 * How equal-cost candidates that meet every target are ordered (`search.tieBreak`): the lowest
 * worst downtime ratio first (downtime over the downtime its target allows, the worst over the
 * targets), then fewer VMs, then the enumeration order (fewer masters and zones, stacked before
 * external etcd, endpoints cloud, keepalived, local-proxy, dns, single-master, fewer worker zone
 * losses, maintenance and rollout as listed).
 */
export const TIE_BREAK =
  'equal cost: lowest worst downtime-to-target ratio, then fewer VMs, then enumeration order ' +
  '(fewer masters and zones, stacked before external etcd, endpoints cloud, keepalived, ' +
  'local-proxy, dns, single-master, fewer worker zone losses)';

/**
 * Downtime over the downtime a target allows: ≤ 1 meets it. A 100 % target allows none, so any
 * downtime is an infinite ratio and none is 0.
 */
export function downtimeRatio(availability: number, targetPercent: number): number {
  const downtime = 1 - availability;
  const allowed = 1 - targetPercent / 100;
  if (downtime <= 0) return 0;
  return allowed <= 0 ? Infinity : downtime / allowed;
}

/** The largest downtime ratio over the targets (0 without targets). */
export function worstRatio(c: EvaluatedCandidate, targets: PlanTargets): number {
  return targetMetrics(targets).reduce(
    (worst, m) => Math.max(worst, downtimeRatio(c.availability[m], targets[m] ?? 0)),
    0,
  );
}

/** The metrics that have a target, in `PLAN_METRICS` order. */
export function targetMetrics(targets: PlanTargets): PlanMetric[] {
  return PLAN_METRICS.filter((m) => targets[m] !== undefined);
}

/** The cheapest candidate meeting every target, ties broken by `TIE_BREAK`; null when none does. */
export function pickRecommended(
  candidates: readonly EvaluatedCandidate[],
  targets: PlanTargets,
): EvaluatedCandidate | null {
  return best(
    candidates.filter((c) => c.meetsTargets),
    (a, b) =>
      a.cost.total - b.cost.total ||
      worstRatio(a, targets) - worstRatio(b, targets) ||
      a.layout.vms.total - b.layout.vms.total,
  );
}

/**
 * The nearest cheaper rival of a recommendation: among the cheaper candidates, the one whose
 * layout differs in the fewest respects (so the difference can be named), then the most
 * expensive, then the one closest to the targets; null when nothing is cheaper.
 */
export function pickRival(
  candidates: readonly EvaluatedCandidate[],
  recommended: EvaluatedCandidate,
  targets: PlanTargets,
): EvaluatedCandidate | null {
  return best(
    candidates.filter((c) => c.cost.total < recommended.cost.total),
    (a, b) =>
      countDifferences(a, recommended) - countDifferences(b, recommended) ||
      b.cost.total - a.cost.total ||
      worstRatio(a, targets) - worstRatio(b, targets),
  );
}

/** The respects in which two layouts differ: masters, etcd, endpoint, workers, maintenance, rollout. */
export function countDifferences(a: EvaluatedCandidate, b: EvaluatedCandidate): number {
  const x = a.layout;
  const y = b.layout;
  const same = (p: unknown, q: unknown): boolean => JSON.stringify(p) === JSON.stringify(q);
  // Stacked etcd follows the masters: it differs only if the placement does.
  const stacked = x.etcd.placement === 'stacked' && y.etcd.placement === 'stacked';
  return [
    same(x.masters, y.masters),
    stacked || same(x.etcd, y.etcd),
    same(x.endpoint, y.endpoint),
    x.workers.zoneLosses === y.workers.zoneLosses,
    x.maintenance === y.maintenance,
    same(x.rollout, y.rollout),
  ].filter((s) => !s).length;
}

/**
 * A dearer layout joins the front only if it cuts the downtime of the front's last point by more
 * than this share: 5 masters whose downtime differs from 3 masters' in the sixth digit buy
 * nothing a reviewer could see (the region's and the bad changes' downtime dominate both).
 */
export const MEANINGFUL_GAIN = 0.01;

/**
 * The Pareto front of cost (lower is better) against one metric's availability (higher is
 * better), cheapest first: each point costs more than the one before and has at least
 * MEANINGFUL_GAIN less downtime, so every other candidate is at most as good, within that share,
 * as a front point that costs no more. Equal points are kept once (the first in enumeration order).
 */
export function paretoFront(
  candidates: readonly EvaluatedCandidate[],
  metric: PlanMetric,
): EvaluatedCandidate[] {
  const sorted = candidates
    .map((c, index) => ({ c, index }))
    .sort(
      (a, b) =>
        a.c.cost.total - b.c.cost.total ||
        b.c.availability[metric] - a.c.availability[metric] ||
        a.index - b.index,
    );
  const front: EvaluatedCandidate[] = [];
  let lastDown = Infinity;
  for (const { c } of sorted) {
    // Sorted by cost, then availability: a candidate joins when it clearly beats the last point,
    // which is at most as expensive.
    const down = 1 - c.availability[metric];
    if (front.length === 0 || down < lastDown * (1 - MEANINGFUL_GAIN)) {
      front.push(c);
      lastDown = down;
    }
  }
  return front;
}

/**
 * Downtime within this share of the lowest achievable counts as equally close to a target, so
 * the closest candidate is not a far dearer layout that gains a few seconds a year.
 */
export const CLOSEST_TOLERANCE = 0.01;

/**
 * When nothing meets the targets, the closest candidate: keep those whose worst downtime ratio
 * is within `CLOSEST_TOLERANCE` of the lowest any candidate reaches; among them, those whose
 * second-worst ratio is (a met target counts as ratio 1), and so on over the targets; then the
 * cheapest, then enumeration order.
 */
export function pickClosest(
  candidates: readonly EvaluatedCandidate[],
  targets: PlanTargets,
): ClosestCandidate | null {
  const ratios = new Map(candidates.map((c) => [c, missRatios(c, targets)] as const));
  let pool = [...candidates];
  for (let k = 0; k < targetMetrics(targets).length; k++) {
    const at = (c: EvaluatedCandidate): number => ratios.get(c)?.[k] ?? 1;
    const lowest = Math.min(...pool.map(at));
    pool = pool.filter((c) => at(c) <= lowest * (1 + CLOSEST_TOLERANCE));
  }
  const closest = best(pool, (a, b) => a.cost.total - b.cost.total);
  return closest === null ? null : { ...closest, shortfall: shortfallOf(closest, targets) };
}

/** The targets a candidate misses, the worst first. */
export function shortfallOf(c: EvaluatedCandidate, targets: PlanTargets): Shortfall[] {
  return targetMetrics(targets)
    .map((metric) => {
      const targetPercent = targets[metric] ?? 0;
      const availability = c.availability[metric];
      return {
        metric,
        targetPercent,
        availabilityPercent: availability * 100,
        downtimeRatio: downtimeRatio(availability, targetPercent),
      };
    })
    .filter((s) => s.availabilityPercent < s.targetPercent)
    .sort((a, b) => b.downtimeRatio - a.downtimeRatio);
}

// --- internal ---

/** Downtime ratios over the targets, met ones as 1, the worst first. */
function missRatios(c: EvaluatedCandidate, targets: PlanTargets): number[] {
  return targetMetrics(targets)
    .map((m) => Math.max(1, downtimeRatio(c.availability[m], targets[m] ?? 0)))
    .sort((a, b) => b - a);
}

/** The first candidate by `order`, enumeration order breaking what `order` leaves equal. */
function best(
  candidates: readonly EvaluatedCandidate[],
  order: (a: EvaluatedCandidate, b: EvaluatedCandidate) => number,
): EvaluatedCandidate | null {
  let chosen: EvaluatedCandidate | null = null;
  for (const c of candidates) if (chosen === null || order(c, chosen) < 0) chosen = c;
  return chosen;
}
