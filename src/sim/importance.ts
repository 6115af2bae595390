/**
 * Failure biasing for rare outages. While some biased element (a node, process, disk, zone,
 * region, link or load balancer) is down, every up biased element fails β times faster; each
 * trial carries the likelihood ratio of its path, so weighted averages stay unbiased. β makes a
 * second failure during the longest kind of repair likely (about one chance in two) instead of
 * rare — the path to a quorum loss or an API outage. Sizing β on the longest mean repair, not the
 * typical one, keeps long repairs (a zone, heavy-tailed) from collecting runs of biased failures
 * whose tiny weights would leave one trial carrying the whole estimate.
 */
import { gamma } from '../model/repair.js';
import { REPAIR_EXPONENTIAL, REPAIR_FIXED, REPAIR_LOGNORMAL } from './random-variates.js';
import type { SimModel } from './sim-model.js';

export const MAX_BETA = 1e6;
/** Aimed-at chance of another failure while the longest kind of repair is under way. */
const TARGET = 0.5;

/** The biasing factor for a model (1 when nothing can fail). */
export function computeBeta(model: SimModel): number {
  let rate = 0;
  let longest = 0;
  for (let e = 0; e < model.elementCount; e++) {
    if (model.biased[e] !== 1) continue;
    rate += model.rate[e] ?? 0;
    const mean = meanRepair(model.repairKind[e] ?? 0, model.repairA[e] ?? 0, model.repairB[e] ?? 0);
    if (mean > longest) longest = mean;
  }
  const exposure = rate * longest;
  if (!(exposure > 0)) return 1;
  return Math.min(MAX_BETA, Math.max(1, TARGET / exposure));
}

// --- internal ---

function meanRepair(kind: number, a: number, b: number): number {
  if (kind === REPAIR_EXPONENTIAL || kind === REPAIR_FIXED) return a;
  if (kind === REPAIR_LOGNORMAL) return Math.exp(a + (b * b) / 2);
  return b * gamma(1 + 1 / a);
}
