/**
 * Failure biasing for rare outages. While some biased element (a node, process, disk, zone,
 * region, link or load balancer) is down, every up biased element fails β times faster; each
 * trial carries the likelihood ratio of its path, so weighted averages stay unbiased. β is set so
 * that a second failure during a typical repair becomes likely (about one chance in two) instead
 * of rare — the path to a quorum loss or an API outage — and capped so weights stay tame.
 */
import { gamma } from '../model/repair.js';
import { REPAIR_EXPONENTIAL, REPAIR_FIXED, REPAIR_LOGNORMAL } from './random-variates.js';
import type { SimModel } from './sim-model.js';

export const MAX_BETA = 1e6;
/** Aimed-at chance of another failure while one is being repaired. */
const TARGET = 0.5;

/** The biasing factor for a model (1 when nothing can fail). */
export function computeBeta(model: SimModel): number {
  let exposure = 0;
  for (let e = 0; e < model.elementCount; e++) {
    if (model.biased[e] !== 1) continue;
    exposure +=
      (model.rate[e] ?? 0) *
      meanRepair(model.repairKind[e] ?? 0, model.repairA[e] ?? 0, model.repairB[e] ?? 0);
  }
  if (!(exposure > 0)) return 1;
  return Math.min(MAX_BETA, Math.max(1, TARGET / exposure));
}

// --- internal ---

function meanRepair(kind: number, a: number, b: number): number {
  if (kind === REPAIR_EXPONENTIAL || kind === REPAIR_FIXED) return a;
  if (kind === REPAIR_LOGNORMAL) return Math.exp(a + (b * b) / 2);
  return b * gamma(1 + 1 / a);
}
