/**
 * Whether anything in a compiled model can take a cluster metric down: an element that fails
 * at random and affects the cluster's part the metric depends on (its control plane, or its
 * workers), an element that affects no cluster list of its own (bad changes, disks: counted for
 * every metric), a maintenance pass, or scripted events. Conservative: true when unsure. A
 * precision target ignores metrics nothing can take down: they are exactly 100 %.
 */
import { MASK_CONTROL, MASK_WORKERS, P_WORKLOADS, type SimModel } from './sim-model.js';

export function canGoDown(model: SimModel, ci: number, metric: number, scripted: boolean): boolean {
  if (scripted) return true;
  const c = model.clusters[ci];
  if (c === undefined) return false;
  if (c.passRate > 0) return true;
  const mask = metric === P_WORKLOADS ? MASK_WORKERS : MASK_CONTROL;
  for (let e = 0; e < model.elementCount; e++) {
    if (!((model.rate[e] ?? 0) > 0)) continue;
    const start = model.affectStart[e] ?? 0;
    const end = model.affectStart[e + 1] ?? 0;
    if (start === end) return true;
    if (((model.mask[e] ?? 0) & mask) === 0) continue;
    for (let i = start; i < end; i++) if (model.affected[i] === ci) return true;
  }
  return false;
}
